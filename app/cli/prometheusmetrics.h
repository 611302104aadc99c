#pragma once

// `vipdeckctl metrics`: one poll round in the Prometheus text exposition
// format, for node_exporter's textfile collector.  Verdicts and
// announcements are state sets (one series per state, the current one 1),
// server and session figures gauges and counters; names and labels follow
// the Prometheus naming conventions (docs/monitoring.md lists them).
// A pure function of a FleetUpdate.

#include "app/cli/fleetview.h"

namespace vipdeck::cli {

// `pollMs`: how long the poll round took.
QString prometheusText(const FleetUpdate &update, const FleetFilter &filter, qint64 pollMs);

} // namespace vipdeck::cli
