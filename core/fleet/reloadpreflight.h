#pragma once

// ReloadPreflight: what is checked on every host of a reload before the
// first host reloads, so a rolling reload never leaves a group split because
// lb2's problem is only found after lb1 runs the new configuration.  Per
// host, in this order (the checks of different hosts run in parallel):
//   reachable     an exec channel over SSH runs (`true`): connect, host key,
//                 authentication and a session all work.  A transport that is
//                 backing off after a failure is asked to connect afresh, so
//                 the answer is about now, not about the last poll;
//   config-check  `haproxy -c -f <config>` passes (warnings allowed);
//   server-state  the master socket answers `show proc`; the configuration
//                 (read with `cat`) names the server-state file and loads it,
//                 resolved as HAProxy does; `@1 show servers state` (the exact
//                 read the dump makes) answers and parses; the SSH user may
//                 write the state file's directory (`test -w`).  Nothing is
//                 written.  A configuration without a state file passes only
//                 when no runtime change (drain, maint, weight) would be lost.
// config-check and server-state run only once the host is reachable.
//
// runReloadPreflight() blocks; call it off the GUI thread (ReloadRunner does).

#include "core/common/result.h"
#include "core/inventory/inventory.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace vipdeck {

class FleetPoller;
class Transport;
struct ReloadRequest;

enum class PreflightCheck { Reachable, ConfigCheck, ServerState };
QString preflightCheckName(PreflightCheck check); // "reachable", "config-check", "server-state"

enum class PreflightStatus { Passed, Failed, NotRun };
QString preflightStatusName(PreflightStatus status); // "passed", "failed", "not-run"

struct PreflightCheckResult
{
    PreflightCheck check = PreflightCheck::Reachable;
    PreflightStatus status = PreflightStatus::NotRun;
    QString message;            // what was found, or why it did not run
    std::optional<Error> error; // why it failed: where, and in `hint` what to do
};

struct HostPreflight
{
    QString host;
    QList<PreflightCheckResult> checks; // one per PreflightCheck, in order
    QString configCheckOutput;          // what `haproxy -c` printed
    QString stateFile;                  // where the state would be saved; empty if none
    int servers = -1;                   // rows `show servers state` answered
    qint64 elapsedMs = 0;

    bool ok() const;
    // The first failed check, or nullptr.
    const PreflightCheckResult *failure() const;
};

struct ReloadPreflight
{
    QList<HostPreflight> hosts; // in request order
    bool ran = false;           // false: the reload was refused before its pre-flight

    bool ok() const;
    QStringList passedHosts() const;
    QStringList failedHosts() const;
    // True when every failed host failed only at `reachable` (the rest was
    // not run): waiting or fixing the network may be enough.
    bool onlyUnreachable() const;
    const HostPreflight *host(const QString &name) const;
    // "lb2: config-check failed: ...; lb3: unreachable: ..."; empty when ok.
    QString failureText() const;
};

// Called (from worker threads) as each check of each host ends.
using PreflightProgress = std::function<void(const QString &host, const PreflightCheckResult &)>;

// Runs the checks on `hosts` of request.vip, all hosts at once, and waits.
ReloadPreflight runReloadPreflight(FleetPoller *poller, const ReloadRequest &request,
                                   const QStringList &hosts,
                                   const PreflightProgress &progress = {});

// The placement of `vip` on `host`: from the fleet file, else (a discovered
// VIP) from the latest snapshot's inventory; nullopt when it is not placed there.
std::optional<Placement> reloadPlacement(const FleetPoller *poller, const QString &vip,
                                         const QString &host);

// Where the runtime server state of `placement` is saved before a reload:
// reads the configuration over exec `cat` and the master's working directory
// (`/proc/<masterPid>/cwd`, for a relative file) and applies
// serverStateFileFromConfig().  nullopt when the configuration loads no state
// file.  Shared by the pre-flight and the reload's dump-state step.
Result<std::optional<QString>> findServerStateFile(Transport *transport, const Placement &placement,
                                                   qint64 masterPid);

// Refuses (PreconditionFailed, listing them) when the running worker holds
// runtime changes (drain, maint, changed weight) that a reload without a saved
// state would undo.  `where` names host/VIP in the error.
Result<void> checkNoRuntimeChangeLost(Transport *transport, const Placement &placement,
                                      const QString &where);

} // namespace vipdeck

Q_DECLARE_METATYPE(vipdeck::PreflightCheckResult)
Q_DECLARE_METATYPE(vipdeck::ReloadPreflight)
