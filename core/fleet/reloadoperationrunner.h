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
// unwritable store refuses the reload.  Signals are emitted on the runner's
// own thread (posted there by the worker), so receivers and QSignalSpy never
// run on a worker thread; they need that thread's event loop.  The poller and the audit
// store must outlive the runner; its destructor waits for a running reload.

#include "core/common/handover.h"
#include "core/fleet/reloadoperation.h"

#include <QFuture>
#include <QObject>
#include <QThreadPool>

#include <memory>

namespace vipdeck {

class AuditStore;
class FleetPoller;

// One reload's own progress: the same signals as the runner's, for this run
// only, so two dialogs each following their own reload never show each
// other's (the runner runs one reload at a time; a second one waits).
// Connect before passing it to ReloadRunner::run(); its signals are emitted
// on the handle's own thread.
class ReloadHandle : public QObject
{
    Q_OBJECT
public:
    static std::shared_ptr<ReloadHandle> create();

signals:
    void preflightStarted(const QStringList &hosts);
    void preflightCheckFinished(const QString &host, const vipdeck::PreflightCheckResult &result);
    void preflightFinished(const vipdeck::ReloadPreflight &preflight);
    void hostStarted(const QString &host);
    void stepStarted(const QString &host, vipdeck::ReloadStep step);
    void stepFinished(const QString &host, vipdeck::ReloadStep step, bool ok,
                      const QString &message);
    void hostFinished(const vipdeck::ReloadHostResult &result);
    void finished(const vipdeck::ReloadResult &result);

private:
    ReloadHandle() = default;
};

class ReloadRunner : public QObject
{
    Q_OBJECT
public:
    ReloadRunner(FleetPoller *poller, AuditStore *audit, QObject *parent = nullptr);
    ~ReloadRunner() override;

    // Returns at once; the future always finishes with a result (check
    // `refused` first).  `handle`, when given, reports this run's progress
    // and nothing else (the runner's own signals report every run).
    QFuture<ReloadResult> run(const ReloadRequest &request, const QString &sshUser = {},
                              std::shared_ptr<ReloadHandle> handle = {});
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
    // Emits `own` on the runner and `its` on the running reload's handle,
    // each on its object's own thread.
    template <typename... Params, typename... Args>
    void report(void (ReloadRunner::*own)(Params...), void (ReloadHandle::*its)(Params...),
                const Args &...args)
    {
        emitOnItsThread(this, own, args...);
        if (m_handle)
            emitOnItsThread(m_handle.get(), its, args...);
    }

    ReloadResult execute(const ReloadRequest &request, const QString &sshUser);
    void runPreflight(ReloadResult &result, const QStringList &hosts);
    ReloadHostResult reloadHost(const ReloadRequest &request, const QString &host);

    FleetPoller *m_poller;
    AuditStore *m_audit;
    QThreadPool m_pool;
    // The handle of the reload running now; only the pool's one thread
    // touches it.
    std::shared_ptr<ReloadHandle> m_handle;
};

} // namespace vipdeck

Q_DECLARE_METATYPE(vipdeck::ReloadStep)
Q_DECLARE_METATYPE(vipdeck::ReloadHostResult)
Q_DECLARE_METATYPE(vipdeck::ReloadResult)
