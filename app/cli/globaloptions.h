#pragma once

// GlobalOptions: the options every vipdeckctl fleet command shares (--fleet,
// --json, --vip, --host, --reason, --dry-run, --yes, ...), parsed from the
// whole command line so they may stand before or after the command name.

#include "core/common/result.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace vipdeck::cli {

struct GlobalOptions
{
    QString fleet; // --fleet FILE; empty: the latest fleet file from the settings
    bool json = false;
    QString vip;    // --vip NAME
    QString host;   // --host NAME
    QString reason; // --reason TEXT
    bool dryRun = false;
    bool yes = false;
    bool color = true; // --no-color turns it off; only used on terminals anyway
    bool help = false;
    bool local = false; // --local: read the sockets on this machine instead of over SSH
    // Command-specific flags and options, known to the parser so that their
    // values are not taken for positional arguments.
    QString state;        // servers --state up|down|drain|maint
    bool follow = false;  // events --follow
    bool rolling = false; // reload --rolling
    bool force = false;   // drain/maint/weight: allow leaving a backend below its threshold
    int count = 0;        // watch --count N (frames), events --count N; 0 = unlimited
    std::optional<int> intervalMs;       // --interval SECONDS (watch, events)
    std::optional<int> waitSessionsSecs; // maint --wait-sessions SECONDS
    QString auditUrl;                    // --audit URL
    // check: -w/--warning and -c/--critical ranges, what they measure
    // (--on announcing|up), -t/--timeout SECONDS, --group NAME.
    QString warning;
    QString critical;
    QString thresholdOn;
    std::optional<int> timeoutSecs;
    QString group;
    // status, vips: --fail-on unknown|degraded|critical: exit 1 when a
    // selected VIP's verdict is that bad or worse.
    QString failOn;
    QString output;         // metrics -o FILE; empty or "-": standard output
    QStringList positional; // the command name is not included
};

// Parses `arguments` (the command name already removed).  Options may be
// written `--fleet FILE` or `--fleet=FILE`; `--` ends the options.
Result<GlobalOptions> parseGlobalOptions(const QStringList &arguments);

// True when `argument` is an option that takes a value (so the next word is
// that value, not the command name).
bool optionTakesValue(const QString &argument);

// The fleet file to use: --fleet, else the first entry of the vipdeck
// settings' `fleet/recentFiles`; an error telling how to pass one otherwise.
Result<QString> resolveFleetFile(const GlobalOptions &options);

} // namespace vipdeck::cli
