#pragma once

// `vipdeckctl check` as a monitoring plugin (Nagios, Icinga 2, Naemon...):
// the verdicts of one poll round become one status line, a line per
// problem and performance data, with the Monitoring Plugins exit codes.
// Pure functions of a FleetUpdate, so they are tested without a fleet.

#include "app/cli/fleetview.h"

#include <optional>

namespace vipdeck::cli {

// Monitoring Plugins exit codes.
enum PluginState { PluginOk = 0, PluginWarning = 1, PluginCritical = 2, PluginUnknown = 3 };

// "OK", "WARNING", "CRITICAL", "UNKNOWN".
QString pluginStateName(PluginState state);

// A threshold range as the Monitoring Plugins guidelines define it: "10"
// (alert outside 0..10), "10:" (below 10), "~:10" (above 10), "10:20"
// (outside 10..20), "@10:20" (inside 10..20).
struct PluginRange
{
    double start = 0;
    double end = 0;
    bool startInfinite = false;
    bool endInfinite = false;
    bool inside = false; // '@': alert inside the range
    QString text;        // as written, for the perfdata

    bool alerts(double value) const;
};
Result<PluginRange> parsePluginRange(const QString &text);

// What -w/-c measure.
enum class ThresholdOn {
    Announcing, // hosts announcing each VIP
    UpServers,  // usable servers of each backend on each host
};

struct CheckOptions
{
    QString group; // --group: only this group's VIPs and hosts
    ThresholdOn on = ThresholdOn::Announcing;
    std::optional<PluginRange> warning;
    std::optional<PluginRange> critical;
};

struct CheckOutcome
{
    PluginState state = PluginUnknown;
    QString output; // status line with perfdata, then one line per problem
};

// `pollMs`: how long the poll round took (perfdata).
CheckOutcome checkFleet(const FleetUpdate &update, const FleetFilter &filter,
                        const CheckOptions &options, qint64 pollMs);

} // namespace vipdeck::cli
