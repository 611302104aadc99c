#include "core/fleet/serveroperationrunner.h"

#include "core/audit/auditstore.h"
#include "core/common/handover.h"
#include "core/common/logging.h"
#include "core/fleet/fleetpoller.h"
#include "core/haproxy/haproxyclient.h"
#include "core/ssh/transport.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPromise>
#include <QThread>

#include <latch>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

// This file's messages, in a context lupdate can see.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vipdeck::ServerOperation)
};

AdminState stateOf(const ServerStateRow &row)
{
    if (row.inMaintenance())
        return AdminState::Maint;
    if (row.isDraining())
        return AdminState::Drain;
    return AdminState::Ready;
}

ServerAdminAction adminAction(ServerAction action)
{
    switch (action) {
    case ServerAction::Drain:
        return ServerAdminAction::Drain;
    case ServerAction::Maint:
        return ServerAdminAction::Maint;
    default:
        return ServerAdminAction::Ready;
    }
}

Result<ServerStateRow> readRow(const HaproxyClient &client, const ServerTarget &target)
{
    Result<QList<ServerStateRow>> rows = client.showServersState(target.backend).result();
    if (!rows.ok())
        return rows.error();
    for (const ServerStateRow &row : rows.value())
        if (row.server == target.server)
            return row;
    return Error(
        ErrorCode::NoSuchServer,
        Tr::tr("server %1 is not in backend %2 any more").arg(target.server, target.backend),
        target.host + u'/' + target.vip,
        Tr::tr("the configuration changed since the preview: preview again"));
}

QString stateText(const std::optional<AdminState> &state, int weight)
{
    return adminStateName(state) + u" weight "_s +
           (weight < 0 ? Tr::tr("unknown") : QString::number(weight));
}

QString stateJson(const QList<QJsonObject> &objects)
{
    QJsonArray array;
    for (const QJsonObject &o : objects)
        array.append(o);
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QJsonObject targetJson(const ServerTarget &t)
{
    return QJsonObject{
        {u"vip"_s, t.vip}, {u"host"_s, t.host}, {u"backend"_s, t.backend}, {u"server"_s, t.server}};
}

// Refusals checked before the audit intent is written.
std::optional<Error> refusal(const OperationPreview &preview, const AuditStore *audit)
{
    const ServerOperationRequest &request = preview.request;
    if (!audit)
        return Error(
            ErrorCode::AuditUnavailable, Tr::tr("no audit store is open"), request.server,
            Tr::tr("the operation was not started: vipdeck never changes a fleet unaudited"));
    if (preview.targets.isEmpty())
        return Error(ErrorCode::InvalidArgument, Tr::tr("the operation has no target"),
                     request.server);
    if (request.reason.trimmed().isEmpty())
        return Error(ErrorCode::InvalidArgument,
                     Tr::tr("a reason is required for %1 of %2")
                         .arg(serverActionName(request.action), request.server),
                     request.server, Tr::tr("give a reason, e.g. the ticket id (--reason)"));
    if (preview.needsForce() && !request.force) {
        QStringList labels;
        for (const ServerTarget &t : preview.flagged())
            labels.append(Tr::tr("%1 (backend %2 on %3: %4 usable server(s) left, needs %5)")
                              .arg(t.vip, t.backend, t.host)
                              .arg(t.usableAfter)
                              .arg(t.minUpServers));
        return Error(
            ErrorCode::PreconditionFailed,
            Tr::tr("%1 of %2 would leave too few usable servers: %3")
                .arg(serverActionName(request.action), request.server, labels.join(u"; "_s)),
            request.server, Tr::tr("confirm explicitly with force (--force) to go ahead"));
    }
    return std::nullopt;
}

} // namespace

ServerOperationRunner::ServerOperationRunner(FleetPoller *poller, AuditStore *audit,
                                             QObject *parent)
    : ServerOperationRunner([poller](const QString &host) { return poller->transport(host); },
                            audit, parent)
{}

ServerOperationRunner::ServerOperationRunner(TransportLookup transports, AuditStore *audit,
                                             QObject *parent)
    : QObject(parent)
    , m_transports(std::move(transports))
    , m_audit(audit)
{
    qRegisterMetaType<vipdeck::ServerTarget>();
    qRegisterMetaType<vipdeck::TargetResult>();
    qRegisterMetaType<vipdeck::OperationResult>();
    // One thread coordinates, the others apply targets: every target of a
    // 24-target fan-out runs at once.
    m_pool.setMaxThreadCount(33);
}

ServerOperationRunner::~ServerOperationRunner()
{
    m_pool.waitForDone();
}

QFuture<OperationResult> ServerOperationRunner::run(const OperationPreview &preview,
                                                    const QString &sshUser)
{
    return launch(preview, sshUser, nullptr);
}

std::shared_ptr<OperationHandle> OperationHandle::create(OperationPreview preview, QString sshUser)
{
    // Deleted in its own thread, whichever thread drops the last reference.
    std::shared_ptr<OperationHandle> handle(new OperationHandle,
                                            [](OperationHandle *h) { h->deleteLater(); });
    handle->m_preview = std::move(preview);
    handle->m_sshUser = std::move(sshUser);
    return handle;
}

QFuture<OperationResult>
ServerOperationRunner::start(const std::shared_ptr<OperationHandle> &handle)
{
    handle->m_future = launch(handle->m_preview, handle->m_sshUser, handle);
    return handle->m_future;
}

QFuture<OperationResult> ServerOperationRunner::launch(const OperationPreview &preview,
                                                       const QString &sshUser,
                                                       std::shared_ptr<OperationHandle> handle)
{
    auto promise = std::make_shared<QPromise<OperationResult>>();
    promise->start();
    QFuture<OperationResult> future = promise->future();
    startOnPool(m_pool, [this, promise, preview, sshUser, handle = std::move(handle)] {
        promise->addResult(execute(preview, sshUser, handle.get()));
        promise->finish();
    });
    return future;
}

OperationResult ServerOperationRunner::runAndWait(const OperationPreview &preview,
                                                  const QString &sshUser)
{
    return run(preview, sshUser).result();
}

OperationResult ServerOperationRunner::execute(const OperationPreview &preview,
                                               const QString &sshUser, OperationHandle *handle)
{
    QElapsedTimer elapsed;
    elapsed.start();
    const ServerOperationRequest &request = preview.request;
    OperationResult result;
    result.request = request;
    for (const ServerTarget &t : preview.targets) {
        TargetResult r;
        r.target = t;
        r.skipped = true;
        if (t.dataKnown)
            r.stateBefore = r.stateAfter = t.adminState;
        r.weightBefore = r.weightAfter = t.dataKnown ? t.weight : -1;
        result.targets.append(r);
    }

    if (std::optional<Error> refused = refusal(preview, m_audit)) {
        result.refused = refused;
        return result;
    }

    AuditIntent intent;
    intent.action = serverActionAuditName(request.action);
    if (request.action == ServerAction::Drain && request.waitForDrain)
        intent.action = u"drain-then-maint"_s;
    intent.reason = request.reason;
    intent.sshUser = sshUser;
    QList<QJsonObject> before;
    for (const ServerTarget &t : preview.targets) {
        intent.targets.append(auditTarget(t));
        QJsonObject o = targetJson(t);
        if (t.dataKnown) {
            o.insert(u"admin"_s, adminStateName(t.adminState));
            o.insert(u"status"_s, t.status.raw);
            o.insert(u"weight"_s, t.weight);
            o.insert(u"sessions"_s, t.sessions);
        } else {
            o.insert(u"known"_s, false);
        }
        if (request.action == ServerAction::Weight)
            o.insert(u"requested_weight"_s, request.weight);
        if (t.belowThreshold)
            o.insert(u"forced"_s, true);
        before.append(o);
    }
    intent.stateBefore = stateJson(before);
    Result<qint64> intentId = m_audit->beginAction(intent);
    if (!intentId.ok()) {
        Error e = intentId.error();
        e.hint =
            Tr::tr("the operation was not started: %1").arg(e.hint.isEmpty() ? e.message : e.hint);
        result.refused = e;
        return result;
    }
    result.auditIntentId = intentId.value();
    qCInfo(lcFleet) << "operation" << intent.action << request.server << "on"
                    << preview.targets.size() << "target(s), audit intent" << intentId.value();

    // Every target at once; each writes only its own slot.
    std::latch done(preview.targets.size());
    for (qsizetype i = 0; i < preview.targets.size(); ++i) {
        startOnPool(m_pool, [this, i, &preview, &result, &done, handle] {
            result.targets[i] = applyOne(int(i), preview.targets[i], preview.request, handle);
            done.count_down();
        });
    }
    done.wait();

    AuditCompletion completion;
    QList<QJsonObject> after;
    for (const TargetResult &r : std::as_const(result.targets)) {
        AuditTargetResult a;
        a.target = auditTarget(r.target);
        a.outcome = r.ok ? AuditOutcome::Ok : AuditOutcome::Failed;
        a.message = r.ok ? r.message : (r.error ? r.error->toString() : r.message);
        completion.results.append(a);
        // Before as HAProxy said right before the change (the intent has the
        // preview's view), so a reverse can be built from the audit alone.
        QJsonObject o = targetJson(r.target);
        o.insert(u"admin_before"_s, adminStateJson(r.stateBefore));
        o.insert(u"weight_before"_s, r.weightBefore);
        o.insert(u"admin"_s, adminStateJson(r.stateAfter));
        o.insert(u"weight"_s, r.weightAfter);
        o.insert(u"verified"_s, r.verified);
        after.append(o);
    }
    completion.stateAfter = stateJson(after);
    Result<qint64> completionId = m_audit->completeAction(result.auditIntentId, completion);
    if (completionId.ok())
        result.auditCompletionId = completionId.value();
    else
        result.auditCompletionError = completionId.error();
    result.elapsedMs = elapsed.elapsed();
    qCInfo(lcFleet) << "operation" << intent.action << request.server
                    << "finished:" << result.summary();
    return result;
}

TargetResult ServerOperationRunner::applyOne(int index, const ServerTarget &target,
                                             const ServerOperationRequest &request,
                                             OperationHandle *handle)
{
    QElapsedTimer elapsed;
    elapsed.start();
    emitOnItsThread(this, &ServerOperationRunner::targetStarted, index, target);
    if (handle)
        emitOnItsThread(handle, &OperationHandle::targetStarted, index, target);
    TargetResult r;
    r.target = target;
    if (target.dataKnown)
        r.stateBefore = r.stateAfter = target.adminState;
    r.weightBefore = r.weightAfter = target.dataKnown ? target.weight : -1;
    auto finish = [&](std::optional<Error> error, const QString &message) {
        r.ok = !error;
        r.error = std::move(error);
        r.message = message;
        r.elapsedMs = elapsed.elapsed();
        emitOnItsThread(this, &ServerOperationRunner::targetFinished, index, r);
        if (handle)
            emitOnItsThread(handle, &OperationHandle::targetFinished, index, r);
        return r;
    };

    Transport *transport = m_transports(target.host);
    if (!transport)
        return finish(Error(ErrorCode::ConnectFailed,
                            Tr::tr("no connection to host %1").arg(target.host), target.host,
                            Tr::tr("is the host in the fleet file?")),
                      Tr::tr("not changed"));
    const HaproxyClient client(transport, target.statsSocket);

    // The state right before the change, for the audit and the reverse.
    Result<ServerStateRow> before = readRow(client, target);
    if (!before.ok())
        return finish(before.error(), Tr::tr("could not read the server's state; nothing changed"));
    r.stateBefore = r.stateAfter = stateOf(before.value());
    r.weightBefore = r.weightAfter = int(before->userWeight);

    int weight = request.weight;
    for (const TargetSelector &s : request.only)
        if ((s.vip.isEmpty() || s.vip == target.vip) &&
            (s.host.isEmpty() || s.host == target.host) &&
            (s.backend.isEmpty() || s.backend == target.backend) && s.weight >= 0)
            weight = s.weight;

    Result<void> applied =
        request.action == ServerAction::Weight
            ? client.setWeight(target.backend, target.server, weight).result()
            : client.setServerState(target.backend, target.server, adminAction(request.action))
                  .result();
    if (!applied.ok())
        return finish(applied.error(), Tr::tr("HAProxy did not apply the change"));

    std::optional<Error> drainError;
    AdminState expected = request.action == ServerAction::Drain   ? AdminState::Drain
                          : request.action == ServerAction::Maint ? AdminState::Maint
                          : request.action == ServerAction::Ready ? AdminState::Ready
                                                                  : *r.stateBefore;
    if (request.action == ServerAction::Drain && request.waitForDrain) {
        // Sessions drain at the clients' pace: poll `show stat` until none is
        // left, then maintenance.
        QDeadlineTimer deadline(request.drainTimeout);
        qint64 lastSessions = -1;
        while (true) {
            Result<QList<StatRow>> stats = client.showStat().result();
            if (stats.ok()) {
                if (const StatRow *row = findStatRow(*stats, target.backend, target.server)) {
                    if (row->scur != lastSessions) {
                        lastSessions = row->scur;
                        const QString left = Tr::tr("%1 session(s) left").arg(row->scur);
                        emitOnItsThread(this, &ServerOperationRunner::targetProgress, index, left);
                        if (handle)
                            emitOnItsThread(handle, &OperationHandle::targetProgress, index, left);
                    }
                    if (row->scur == 0)
                        break;
                }
            }
            if (deadline.hasExpired()) {
                drainError =
                    Error(ErrorCode::Timeout,
                          (lastSessions < 0
                               ? Tr::tr("the session count could not be read for %1 s; left in "
                                        "DRAIN, not in maint")
                               : Tr::tr("%1 session(s) still open after %2 s; left in DRAIN, not "
                                        "in maint")
                                     .arg(lastSessions))
                              .arg(request.drainTimeout.count() / 1000.0),
                          target.host + u'/' + target.vip,
                          Tr::tr("wait longer, or put it in maint anyway (maint)"));
                break;
            }
            QThread::msleep(quint64(std::min<qint64>(
                request.drainPollInterval.count(), std::max<qint64>(1, deadline.remainingTime()))));
        }
        r.sessionsAtEnd = lastSessions;
        if (!drainError) {
            Result<void> maint =
                client.setServerState(target.backend, target.server, ServerAdminAction::Maint)
                    .result();
            if (!maint.ok())
                drainError = maint.error();
            else
                expected = AdminState::Maint;
        }
    }

    // Read back what HAProxy now says.
    Result<ServerStateRow> after = readRow(client, target);
    if (!after.ok()) {
        // Applied but not read back: what it is now is unknown.
        r.stateAfter.reset();
        r.weightAfter = -1;
        return finish(drainError,
                      Tr::tr("applied; could not read it back (%1)").arg(after.error().toString()));
    }
    r.stateAfter = stateOf(after.value());
    r.weightAfter = int(after->userWeight);
    if (drainError)
        return finish(drainError, stateText(r.stateAfter, r.weightAfter));
    const bool stateOk =
        request.action == ServerAction::Weight
            ? r.weightAfter == weight
            : (r.stateAfter == expected && (expected != AdminState::Drain ||
                                            after->adminFlags.testFlag(AdminFlag::ForcedDrain)));
    r.verified = stateOk;
    if (!stateOk)
        return finish(Error(ErrorCode::PreconditionFailed,
                            Tr::tr("HAProxy accepted the change but reports %1 (flags 0x%2)")
                                .arg(stateText(r.stateAfter, r.weightAfter))
                                .arg(after->adminStateRaw, 0, 16),
                            target.host + u'/' + target.vip,
                            Tr::tr("something else holds the server in this state (configuration, "
                                   "tracking, DNS); look at `show servers state`")),
                      stateText(r.stateAfter, r.weightAfter));
    return finish(std::nullopt, Tr::tr("%1 -> %2")
                                    .arg(stateText(r.stateBefore, r.weightBefore),
                                         stateText(r.stateAfter, r.weightAfter)));
}

} // namespace vipdeck
