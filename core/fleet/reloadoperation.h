#pragma once

// Reload of one VIP as values: the request (one host, some hosts, or rolling
// over every host of the VIP's group), the steps each host goes through, and
// the result per host, with the pre-flight that ran over every host first
// (reloadpreflight.h).  ReloadRunner executes it.  Also the pure helper that
// finds HAProxy's server-state file in a configuration, so runtime drains and
// weights can be saved before the reload and survive it.

#include "core/common/result.h"
#include "core/fleet/reloadpreflight.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>

namespace vipdeck {

// The steps of one host's reload, in order.
enum class ReloadStep {
    ConfigCheck, // `haproxy -c -f <config>` over exec; a failure stops everything
    DumpState,   // `show servers state` saved to the server-state file
    Reload,      // `reload` on the master socket, confirmed by a new worker PID
    WaitHealthy, // polled until the VIP is healthy and announced on the host again
};
QString reloadStepName(ReloadStep step); // "config-check", "dump-state", "reload", "wait-healthy"

struct ReloadRequest
{
    QString vip;
    // The hosts, in order.  Empty: every host of the VIP's group (group order).
    // More than one host requires `rolling` (one at a time, stop at the
    // first failure); without it a request naming several hosts is refused.
    QStringList hosts;
    bool rolling = false;
    QString reason; // required

    QString haproxyBinary = QStringLiteral("haproxy"); // on the host's PATH, or absolute
    std::chrono::milliseconds reloadTimeout{std::chrono::seconds(30)};
    // How long a host may take to be healthy and announced again after its
    // reload before the rolling reload stops.
    std::chrono::milliseconds healthTimeout{std::chrono::seconds(60)};
    // Skip saving the server state (state file not configured is not an
    // error either: the step then says so and drains will not survive).
    bool skipStateDump = false;

    // Only the pre-flight (reachable, haproxy -c, server state on every
    // host), reported in ReloadResult::preflight; nothing is reloaded or
    // audited, and no reason or audit store is needed.
    bool dryRun = false;
    // Hosts that fail the pre-flight are skipped (reported and audited as
    // skipped, with the failed check) and the others reloaded, still one at
    // a time, still stopping at the first reload that fails.  Without it a
    // failed pre-flight refuses the whole reload.  A pre-flight that no host
    // passes refuses even with force.
    bool force = false;
};

struct ReloadHostResult
{
    QString host;
    bool ok = false;
    bool skipped = false; // not attempted (an earlier host failed, or refused)
    // Failed this pre-flight check: not reloaded (the whole reload was
    // refused, or this host was skipped under `force`).
    std::optional<PreflightCheck> failedPreflightCheck;
    std::optional<ReloadStep> failedStep;
    std::optional<Error> error;
    QString configCheckOutput; // what `haproxy -c` printed (always kept)
    QStringList configWarnings;
    QString stateFile;     // where the server state was saved; empty if not
    int serversSaved = -1; // rows written to it
    qint64 workerPidBefore = 0;
    QList<qint64> workerPidsAfter; // the new workers
    qint64 reloadsBefore = -1;
    qint64 reloadsAfter = -1;
    QString message; // what happened, in plain words
    qint64 elapsedMs = 0;
};

struct ReloadResult
{
    ReloadRequest request;
    QList<ReloadHostResult> hosts; // one per requested host, in order
    ReloadPreflight preflight;     // ran before any host reloads (preflight.ran)
    // Did not start (audit, unknown VIP, busy group, failed pre-flight, ...).
    std::optional<Error> refused;
    qint64 auditIntentId = -1;
    qint64 auditCompletionId = -1;
    std::optional<Error> auditCompletionError;
    qint64 elapsedMs = 0;

    bool ok() const; // started and every host reloaded and came back healthy
    // Hosts skipped under `force` because they failed the pre-flight.
    QStringList skippedByPreflight() const;
    QString summary() const;
};

// Where HAProxy keeps its server state for a configuration: reads the
// `global` section's `server-state-base` and `server-state-file` (comments
// and quotes handled) and joins them as HAProxy does (an absolute file is
// used as is; a relative one is prefixed by the base, or else by
// `workingDir`, the master's working directory).  nullopt when the config
// names no global state file, or when it is never loaded
// (`load-server-state-from-file` absent from every section: saving would
// then be useless).  ErrorCode::Parse for a malformed directive.
Result<std::optional<QString>> serverStateFileFromConfig(const QByteArray &config,
                                                         const QString &configPath,
                                                         const QString &workingDir = {});

} // namespace vipdeck
