#pragma once

// The change commands of vipdeckctl: drain, ready, maint and weight of a
// server (fanned out to every VIP/host/backend where it serves, narrowed by
// --vip/--host), and reload of a VIP (one --host, or --rolling over its
// group).  Each prints a preview, stops there with --dry-run, asks for
// confirmation (or --yes), opens the audit store (no store, no change), runs
// with per-target progress and prints each target's result.

#include "app/cli/console.h"
#include "app/cli/globaloptions.h"

namespace vipdeck::cli {

int drainCommand(const GlobalOptions &options, Console &console);
int readyCommand(const GlobalOptions &options, Console &console);
int maintCommand(const GlobalOptions &options, Console &console);
int weightCommand(const GlobalOptions &options, Console &console);
int reloadCommand(const GlobalOptions &options, Console &console);

} // namespace vipdeck::cli
