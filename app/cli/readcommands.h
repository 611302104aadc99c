#pragma once

// The read-only fleet commands of vipdeckctl: status, vips, servers, events
// and watch.  Each polls every host once (events: twice, or continuously
// with --follow) and prints text or, with --json, the documented JSON.

#include "app/cli/console.h"
#include "app/cli/globaloptions.h"

namespace vipdeck::cli {

int statusCommand(const GlobalOptions &options, Console &console);
int vipsCommand(const GlobalOptions &options, Console &console);
// Positional: an optional server name glob ("web-*").
int serversCommand(const GlobalOptions &options, Console &console);
int eventsCommand(const GlobalOptions &options, Console &console);
int watchCommand(const GlobalOptions &options, Console &console);
// A monitoring plugin: one poll round, one status line with perfdata, a line
// per problem; exit 0/1/2/3 for OK/WARNING/CRITICAL/UNKNOWN.
int checkCommand(const GlobalOptions &options, Console &console);
// One poll round in the Prometheus text format, to -o FILE (written
// atomically, for node_exporter's textfile collector) or standard output.
int metricsCommand(const GlobalOptions &options, Console &console);

} // namespace vipdeck::cli
