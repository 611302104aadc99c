#include "core/fleet/reloadoperationrunner.h"

#include "core/audit/auditstore.h"
#include "core/common/handover.h"
#include "core/common/logging.h"
#include "core/fleet/fleetpoller.h"
#include "core/haproxy/masterclient.h"
#include "core/ssh/transport.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QPromise>
#include <QSet>
#include <QThread>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

// Groups with a reload in flight, process-wide: two hosts of one group are
// never reloaded at the same time, whichever runner asks.
QMutex g_busyMutex;
QSet<QString> g_busyGroups;

class GroupLock
{
public:
    explicit GroupLock(const QString &group)
        : m_group(group)
    {
        QMutexLocker lock(&g_busyMutex);
        m_held = !g_busyGroups.contains(group);
        if (m_held)
            g_busyGroups.insert(group);
    }
    ~GroupLock()
    {
        if (!m_held)
            return;
        QMutexLocker lock(&g_busyMutex);
        g_busyGroups.remove(m_group);
    }
    GroupLock(const GroupLock &) = delete;
    GroupLock &operator=(const GroupLock &) = delete;
    bool held() const { return m_held; }

private:
    QString m_group;
    bool m_held = false;
};

QString json(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

} // namespace

ReloadRunner::ReloadRunner(FleetPoller *poller, AuditStore *audit, QObject *parent)
    : QObject(parent)
    , m_poller(poller)
    , m_audit(audit)
{
    qRegisterMetaType<vipdeck::ReloadStep>();
    qRegisterMetaType<vipdeck::ReloadHostResult>();
    qRegisterMetaType<vipdeck::ReloadResult>();
    qRegisterMetaType<vipdeck::PreflightCheckResult>();
    qRegisterMetaType<vipdeck::ReloadPreflight>();
    m_pool.setMaxThreadCount(1); // one reload at a time per runner; hosts are sequential
}

ReloadRunner::~ReloadRunner()
{
    m_pool.waitForDone();
}

std::shared_ptr<ReloadHandle> ReloadHandle::create()
{
    // Deleted in its own thread when the last holder lets go.
    return std::shared_ptr<ReloadHandle>(new ReloadHandle,
                                         [](ReloadHandle *h) { h->deleteLater(); });
}

QFuture<ReloadResult> ReloadRunner::run(const ReloadRequest &request, const QString &sshUser,
                                        std::shared_ptr<ReloadHandle> handle)
{
    auto promise = std::make_shared<QPromise<ReloadResult>>();
    promise->start();
    QFuture<ReloadResult> future = promise->future();
    startOnPool(m_pool, [this, promise, request, sshUser, handle = std::move(handle)] {
        m_handle = handle;
        ReloadResult result = execute(request, sshUser);
        m_handle.reset();
        promise->addResult(std::move(result));
        promise->finish();
    });
    return future;
}

ReloadResult ReloadRunner::runAndWait(const ReloadRequest &request, const QString &sshUser)
{
    return run(request, sshUser).result();
}

ReloadResult ReloadRunner::execute(const ReloadRequest &request, const QString &sshUser)
{
    QElapsedTimer elapsed;
    elapsed.start();
    ReloadResult result;
    result.request = request;
    auto refuse = [&](Error error) {
        for (ReloadHostResult &h : result.hosts)
            h.skipped = true;
        result.refused = std::move(error);
        report(&ReloadRunner::finished, &ReloadHandle::finished, result);
        return result;
    };

    // The snapshot's inventory also holds discovered VIPs.
    Inventory inventory = m_poller->latest().snapshot.inventory();
    if (!inventory.vip(request.vip))
        inventory = m_poller->inventory();
    const Vip *vip = inventory.vip(request.vip);
    if (!vip)
        return refuse(Error(ErrorCode::InvalidArgument,
                            tr("no VIP named %1 in the fleet").arg(request.vip), request.vip,
                            tr("check the name with `vipdeckctl vips`")));
    QStringList groupHosts;
    for (const Placement &p : vip->placements)
        groupHosts.append(p.host);
    QStringList hosts = request.hosts.isEmpty() ? groupHosts : request.hosts;
    for (const QString &h : std::as_const(hosts)) {
        ReloadHostResult r;
        r.host = h;
        result.hosts.append(r);
    }
    for (const QString &h : std::as_const(hosts))
        if (!groupHosts.contains(h))
            return refuse(Error(ErrorCode::InvalidArgument,
                                tr("%1 is not placed on host %2").arg(request.vip, h), request.vip,
                                tr("its hosts are %1").arg(groupHosts.join(u", "_s))));
    if (hosts.size() > 1 && !request.rolling)
        return refuse(Error(ErrorCode::PreconditionFailed,
                            tr("reloading %1 on %2 hosts needs a rolling reload")
                                .arg(request.vip)
                                .arg(hosts.size()),
                            request.vip,
                            tr("name one host (--host), or use --rolling: one host at a time")));
    if (request.dryRun) {
        // Read-only: no reason, no audit store, no group lock needed.
        runPreflight(result, hosts);
        for (ReloadHostResult &h : result.hosts) {
            h.skipped = true;
            if (!h.failedPreflightCheck)
                h.message = tr("dry run: not reloaded");
        }
        result.elapsedMs = elapsed.elapsed();
        report(&ReloadRunner::finished, &ReloadHandle::finished, result);
        return result;
    }
    if (request.reason.trimmed().isEmpty())
        return refuse(Error(ErrorCode::InvalidArgument,
                            tr("a reason is required to reload %1").arg(request.vip), request.vip,
                            tr("give a reason, e.g. the ticket id (--reason)")));
    if (!m_audit)
        return refuse(Error(ErrorCode::AuditUnavailable, tr("no audit store is open"), request.vip,
                            tr("the reload was not started: vipdeck never changes a fleet "
                               "unaudited")));

    GroupLock lock(vip->group);
    if (!lock.held())
        return refuse(Error(ErrorCode::PreconditionFailed,
                            tr("another reload in group %1 is running").arg(vip->group),
                            request.vip,
                            tr("hosts of one group are reloaded one at a time; wait for it")));

    // Every host is checked before the first one reloads, so a problem on
    // the last host never leaves the group split.
    runPreflight(result, hosts);
    const QStringList passed = result.preflight.passedHosts();
    if (!result.preflight.ok() && (!request.force || passed.isEmpty())) {
        const QStringList failed = result.preflight.failedHosts();
        return refuse(Error(
            ErrorCode::PreconditionFailed,
            tr("pre-flight failed on %1: %2")
                .arg(failed.join(u", "_s), result.preflight.failureText()),
            request.vip,
            passed.isEmpty()
                ? tr("nothing was reloaded; fix what the pre-flight found and reload again")
                : tr("nothing was reloaded; fix what the pre-flight found and reload again, or "
                     "reload only %1 with force (--force): %2 would keep the running "
                     "configuration")
                      .arg(passed.join(u", "_s), failed.join(u", "_s))));
    }

    AuditIntent intent;
    intent.action = u"reload"_s;
    intent.reason = request.reason;
    intent.sshUser = sshUser;
    QJsonArray before;
    const Snapshot snapshot = m_poller->latest().snapshot;
    for (const QString &h : std::as_const(hosts)) {
        intent.targets.append(AuditTarget{request.vip, h, {}, {}});
        const HaproxyObservation *o = snapshot.haproxy(request.vip, h);
        QJsonObject host{{u"vip"_s, request.vip},
                         {u"host"_s, h},
                         {u"worker_pid"_s, o ? o->pid : 0},
                         {u"reloads"_s, o ? o->reloads : -1}};
        if (request.force)
            host.insert(u"forced"_s, true);
        if (const HostPreflight *p = result.preflight.host(h)) {
            const PreflightCheckResult *failure = p->failure();
            host.insert(u"preflight"_s, failure ? u"failed"_s : u"passed"_s);
            if (failure)
                host.insert(
                    u"skipped_by_preflight"_s,
                    QString(preflightCheckName(failure->check) + u": "_s +
                            (failure->error ? failure->error->toString() : failure->message)));
        }
        before.append(host);
    }
    intent.stateBefore = json(before);
    Result<qint64> intentId = m_audit->beginAction(intent);
    if (!intentId.ok()) {
        Error e = intentId.error();
        e.hint = tr("the reload was not started: %1").arg(e.hint.isEmpty() ? e.message : e.hint);
        return refuse(e);
    }
    result.auditIntentId = intentId.value();
    qCInfo(lcFleet) << "reload" << request.vip << "on" << hosts << "audit intent"
                    << intentId.value();

    bool stopped = false;
    for (ReloadHostResult &h : result.hosts) {
        if (h.failedPreflightCheck)
            continue; // skipped under force, already said why
        if (stopped) {
            h.skipped = true;
            h.message = tr("not reloaded: an earlier host failed");
            continue;
        }
        h = reloadHost(request, h.host);
        report(&ReloadRunner::hostFinished, &ReloadHandle::hostFinished, h);
        stopped = !h.ok;
    }

    AuditCompletion completion;
    QJsonArray after;
    for (const ReloadHostResult &h : std::as_const(result.hosts)) {
        AuditTargetResult a;
        a.target = AuditTarget{request.vip, h.host, {}, {}};
        a.outcome = h.ok        ? AuditOutcome::Ok
                    : h.skipped ? AuditOutcome::Skipped
                                : AuditOutcome::Failed;
        if (h.failedPreflightCheck)
            a.message = tr("skipped by pre-flight (forced): %1: %2")
                            .arg(preflightCheckName(*h.failedPreflightCheck),
                                 h.error ? h.error->toString() : h.message);
        else
            a.message = h.error
                            ? (h.failedStep ? reloadStepName(*h.failedStep) + u": "_s : QString()) +
                                  h.error->toString()
                            : h.message;
        completion.results.append(a);
        QJsonArray pids;
        for (qint64 pid : h.workerPidsAfter)
            pids.append(pid);
        after.append(QJsonObject{{u"vip"_s, request.vip},
                                 {u"host"_s, h.host},
                                 {u"worker_pid_before"_s, h.workerPidBefore},
                                 {u"new_worker_pids"_s, pids},
                                 {u"reloads"_s, h.reloadsAfter},
                                 {u"state_file"_s, h.stateFile},
                                 {u"servers_saved"_s, h.serversSaved}});
    }
    completion.stateAfter = json(after);
    Result<qint64> completionId = m_audit->completeAction(result.auditIntentId, completion);
    if (completionId.ok())
        result.auditCompletionId = completionId.value();
    else
        result.auditCompletionError = completionId.error();
    result.elapsedMs = elapsed.elapsed();
    qCInfo(lcFleet) << "reload" << result.summary();
    report(&ReloadRunner::finished, &ReloadHandle::finished, result);
    return result;
}

void ReloadRunner::runPreflight(ReloadResult &result, const QStringList &hosts)
{
    report(&ReloadRunner::preflightStarted, &ReloadHandle::preflightStarted, hosts);
    result.preflight =
        runReloadPreflight(m_poller, result.request, hosts,
                           [this](const QString &host, const PreflightCheckResult &check) {
                               report(&ReloadRunner::preflightCheckFinished,
                                      &ReloadHandle::preflightCheckFinished, host, check);
                           });
    // Hosts that failed carry the first failed check as their own result.
    for (ReloadHostResult &h : result.hosts) {
        const HostPreflight *p = result.preflight.host(h.host);
        if (!p)
            continue;
        h.configCheckOutput = p->configCheckOutput;
        if (const PreflightCheckResult *failure = p->failure()) {
            h.skipped = true;
            h.failedPreflightCheck = failure->check;
            h.error = failure->error;
            h.message =
                tr("not reloaded: failed pre-flight %1").arg(preflightCheckName(failure->check));
        }
    }
    report(&ReloadRunner::preflightFinished, &ReloadHandle::preflightFinished, result.preflight);
}

ReloadHostResult ReloadRunner::reloadHost(const ReloadRequest &request, const QString &host)
{
    QElapsedTimer elapsed;
    elapsed.start();
    ReloadHostResult r;
    r.host = host;
    report(&ReloadRunner::hostStarted, &ReloadHandle::hostStarted, host);
    auto fail = [&](ReloadStep step, Error error) {
        r.ok = false;
        r.failedStep = step;
        r.error = std::move(error);
        r.elapsedMs = elapsed.elapsed();
        report(&ReloadRunner::stepFinished, &ReloadHandle::stepFinished, host, step, false,
               r.error->toString());
        return r;
    };
    auto passed = [&](ReloadStep step, const QString &message) {
        report(&ReloadRunner::stepFinished, &ReloadHandle::stepFinished, host, step, true, message);
    };

    const std::optional<Placement> placement = reloadPlacement(m_poller, request.vip, host);
    Transport *transport = m_poller->transport(host);
    if (!placement || !transport)
        return fail(ReloadStep::ConfigCheck,
                    Error(ErrorCode::InvalidArgument,
                          tr("%1 is not placed on host %2").arg(request.vip, host), host));
    const MasterClient master(transport, placement->masterSocket);
    const QString where = host + u'/' + request.vip;

    // 1. Config check: a broken config stops here, before anything is touched.
    report(&ReloadRunner::stepStarted, &ReloadHandle::stepStarted, host, ReloadStep::ConfigCheck);
    Result<ConfigCheck> check =
        master.configCheck(request.haproxyBinary, placement->configPath).result();
    if (!check.ok()) {
        r.configCheckOutput = check.error().detail;
        return fail(ReloadStep::ConfigCheck, check.error());
    }
    r.configCheckOutput = check->output;
    r.configWarnings = check->warnings;
    passed(ReloadStep::ConfigCheck,
           check->warnings.isEmpty()
               ? tr("configuration valid")
               : tr("configuration valid, %1 warning(s)").arg(check->warnings.size()));

    // 2. Save the runtime server state where HAProxy will load it from.
    report(&ReloadRunner::stepStarted, &ReloadHandle::stepStarted, host, ReloadStep::DumpState);
    Result<MasterProcInfo> proc = master.showProc().result();
    if (!proc.ok())
        return fail(ReloadStep::DumpState, proc.error());
    r.workerPidBefore = proc->workers.isEmpty() ? 0 : proc->workers.constFirst().pid;
    r.reloadsBefore = proc->master.reloads;
    if (request.skipStateDump) {
        passed(ReloadStep::DumpState, tr("skipped on request"));
    } else {
        Result<std::optional<QString>> stateFile =
            findServerStateFile(transport, *placement, proc->master.pid);
        if (!stateFile.ok())
            return fail(ReloadStep::DumpState, stateFile.error());
        if (!stateFile->has_value()) {
            // Nowhere to save: refuse only when something would be lost.
            if (const Result<void> kept = checkNoRuntimeChangeLost(transport, *placement, where);
                !kept.ok())
                return fail(ReloadStep::DumpState, kept.error());
            passed(ReloadStep::DumpState,
                   tr("no server-state file configured; no runtime change to keep"));
        } else {
            r.stateFile = **stateFile;
            Result<int> saved = master.dumpServerState(r.stateFile).result();
            if (!saved.ok())
                return fail(ReloadStep::DumpState, saved.error());
            r.serversSaved = saved.value();
            passed(ReloadStep::DumpState,
                   tr("%1 server(s) saved to %2").arg(saved.value()).arg(r.stateFile));
        }
    }

    // 3. Reload, confirmed by a new worker.
    report(&ReloadRunner::stepStarted, &ReloadHandle::stepStarted, host, ReloadStep::Reload);
    Result<ReloadOutcome> reloaded = master.reload(request.reloadTimeout).result();
    if (!reloaded.ok())
        return fail(ReloadStep::Reload, reloaded.error());
    r.workerPidsAfter = reloaded->newWorkerPids;
    r.reloadsAfter = reloaded->after.master.reloads;
    if (!reloaded->before.workers.isEmpty())
        r.workerPidBefore = reloaded->before.workers.constFirst().pid;
    QStringList pids;
    for (qint64 pid : std::as_const(r.workerPidsAfter))
        pids.append(QString::number(pid));
    passed(ReloadStep::Reload,
           tr("new worker %1 (was %2)").arg(pids.join(u", "_s)).arg(r.workerPidBefore));

    // 4. Healthy and announced again, read from the new worker.
    report(&ReloadRunner::stepStarted, &ReloadHandle::stepStarted, host, ReloadStep::WaitHealthy);
    QDeadlineTimer deadline(request.healthTimeout);
    QString lastState = tr("not read yet");
    while (true) {
        const FleetUpdate update = m_poller->pollOnce().result();
        const HaproxyObservation *h = update.snapshot.haproxy(request.vip, host);
        const Verdict *v = update.verdicts->placement(request.vip, host);
        if (!h || !h->hasData() || h->error) {
            lastState = h && h->error ? h->error->toString() : tr("no data");
        } else if (!r.workerPidsAfter.contains(h->pid)) {
            lastState = tr("still answered by worker %1").arg(h->pid);
        } else if (!v || v->health == Health::Critical || v->health == Health::Unknown) {
            lastState = v ? v->summary() : tr("no verdict");
        } else if (!v->announced) {
            lastState = tr("not announced over BGP");
        } else {
            r.ok = true;
            r.message = tr("reloaded; worker %1 is %2 and announced")
                            .arg(h->pid)
                            .arg(healthName(v->health));
            passed(ReloadStep::WaitHealthy, r.message);
            break;
        }
        if (deadline.hasExpired())
            return fail(ReloadStep::WaitHealthy,
                        Error(ErrorCode::Timeout,
                              tr("not healthy and announced %1 s after the reload: %2")
                                  .arg(request.healthTimeout.count() / 1000.0)
                                  .arg(lastState),
                              where,
                              tr("the new worker runs; look at the VIP before reloading the "
                                 "next host")));
        // pollOnce() itself takes a round trip; a short pause spares the host.
        QThread::msleep(
            quint64(std::min<qint64>(200, std::max<qint64>(1, deadline.remainingTime()))));
    }
    r.elapsedMs = elapsed.elapsed();
    return r;
}

} // namespace vipdeck
