#pragma once

// ReloadRunner: reloads one VIP's HAProxy on one host, or rolling over hosts
// one at a time.  First the pre-flight (reloadpreflight.h) checks every
// requested host at once (reachable, `haproxy -c`, server state); if any host
// fails it the reload is refused before anything is audited or touched
// (ReloadResult::refused, the findings in ReloadResult::preflight), unless
// the request has `force`: then the failing hosts are skipped and audited as
// such.  A `dryRun` request stops after the pre-flight.  Then each host goes
// through these steps (ReloadStep):
//   1. config check (`haproxy -c -f <config>` over exec) again, right before
//      this host's reload (a config edited during a long rolling reload is
//      still caught): on failure stop before touching anything;
//   2. save the runtime server state (drains, weights) to the configured
//      server-state file, found by reading the config over exec `cat` (see
//      serverStateFileFromConfig()), so it survives the reload;
//   3. reload through the master socket, confirmed by a new worker PID (a
//      rising failed-reload counter is ErrorCode::ReloadFailed: the old
//      worker keeps serving);
//   4. poll (FleetPoller::pollOnce()) until the VIP on that host is read from
//      the new worker, healthy (no critical reason) and announced over BGP,
//      within healthTimeout;
// then the next host.  The first failure stops a rolling reload (the other
// hosts are `skipped`).
//
// Never two hosts of one group at once, enforced process-wide: a reload of
// a VIP whose group already has a reload in flight (from any ReloadRunner) is
// refused with ErrorCode::PreconditionFailed.
//
// Audited like server operations: intent before, completion after; an
// unwritable store refuses the reload.  Signals come from worker threads
// (see ServerOperationRunner for how to connect).  The poller and the audit
// store must outlive the runner; its destructor waits for a running reload.

#include "core/fleet/reloadoperation.h"

#include <QFuture>
#include <QObject>
#include <QThreadPool>

namespace vipdeck {

class AuditStore;
class FleetPoller;

class ReloadRunner : public QObject
{
    Q_OBJECT
public:
    ReloadRunner(FleetPoller *poller, AuditStore *audit, QObject *parent = nullptr);
    ~ReloadRunner() override;

    // Returns at once; the future always finishes with a result (check
    // `refused` first).
    QFuture<ReloadResult> run(const ReloadRequest &request, const QString &sshUser = {});
    ReloadResult runAndWait(const ReloadRequest &request, const QString &sshUser = {});

signals:
    void preflightStarted(const QStringList &hosts);
    // Each check of each host as it ends (hosts run in parallel).
    void preflightCheckFinished(const QString &host, const vipdeck::PreflightCheckResult &result);
    void preflightFinished(const vipdeck::ReloadPreflight &preflight);
    void hostStarted(const QString &host);
    void stepStarted(const QString &host, vipdeck::ReloadStep step);
    // `message` says what the step found ("config valid, 1 warning", "new worker 4242").
    void stepFinished(const QString &host, vipdeck::ReloadStep step, bool ok,
                      const QString &message);
    void hostFinished(const vipdeck::ReloadHostResult &result);
    void finished(const vipdeck::ReloadResult &result);

private:
    ReloadResult execute(const ReloadRequest &request, const QString &sshUser);
    void runPreflight(ReloadResult &result, const QStringList &hosts);
    ReloadHostResult reloadHost(const ReloadRequest &request, const QString &host);

    FleetPoller *m_poller;
    AuditStore *m_audit;
    QThreadPool m_pool;
};

} // namespace vipdeck

Q_DECLARE_METATYPE(vipdeck::ReloadStep)
Q_DECLARE_METATYPE(vipdeck::ReloadHostResult)
Q_DECLARE_METATYPE(vipdeck::ReloadResult)
