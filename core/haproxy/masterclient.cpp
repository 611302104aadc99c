#include "core/haproxy/masterclient.h"

#include "core/common/handover.h"
#include "core/common/logging.h"
#include "core/haproxy/clientsupport.h"
#include "core/haproxy/haproxycommand.h"
#include "core/haproxy/haproxytr.h"
#include "core/haproxy/serverstaterow.h"
#include "core/ssh/transport.h"

#include <QDeadlineTimer>
#include <QSet>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace vipdeck::haproxy_detail;

namespace vipdeck {

namespace {

// How often `show proc` is asked while a 2.6 reload is confirmed.
constexpr int kReloadPollMs = 100;

// One exec argument stays below Linux's MAX_ARG_STRLEN (128 KiB).
constexpr qsizetype kChunk = 64 * 1024;
// The whole command goes in one SSH exec request; OpenSSH caps packets at
// 256 KiB.
constexpr qsizetype kMaxStateBytes = 200 * 1024;

QList<qint64> newPids(const MasterProcInfo &before, const MasterProcInfo &after)
{
    QSet<qint64> old;
    for (const ProcEntry &worker : before.workers)
        old.insert(worker.pid);
    for (const ProcEntry &worker : before.oldWorkers)
        old.insert(worker.pid);
    QList<qint64> pids;
    for (const ProcEntry &worker : after.workers) {
        if (!old.contains(worker.pid))
            pids.append(worker.pid);
    }
    return pids;
}

} // namespace

MasterClient::MasterClient(Transport *transport, QString masterSocket,
                           std::chrono::milliseconds timeout)
    : m_transport(transport)
    , m_socket(std::move(masterSocket))
    , m_timeout(timeout)
{}

QFuture<Result<MasterProcInfo>> MasterClient::showProc() const
{
    const QString where = socketWhere(m_transport, m_socket);
    return thenOnPool(m_transport->request(m_socket,
                                           HaproxyCommand::request({HaproxyCommand::showProc()}),
                                           repliesComplete(1), m_timeout),
                      [where](const Result<QByteArray> &reply) -> Result<MasterProcInfo> {
                          if (!reply)
                              return reply.error();
                          auto info = parseShowProc(*reply);
                          if (!info)
                              return located(info.error(), where);
                          return info;
                      });
}

Result<MasterProcInfo> MasterClient::showProcNow() const
{
    auto reply =
        await(m_transport->request(m_socket, HaproxyCommand::request({HaproxyCommand::showProc()}),
                                   repliesComplete(1), m_timeout));
    if (!reply)
        return reply.error();
    auto info = parseShowProc(*reply);
    if (!info)
        return located(info.error(), socketWhere(m_transport, m_socket));
    return info;
}

QFuture<Result<ReloadOutcome>> MasterClient::reload(std::chrono::milliseconds deadline) const
{
    const MasterClient self = *this;
    return runOperation<ReloadOutcome>([self, deadline] { return self.reloadNow(deadline); });
}

Result<ReloadOutcome> MasterClient::reloadNow(std::chrono::milliseconds deadline) const
{
    const QString where = socketWhere(m_transport, m_socket);
    QDeadlineTimer timer(deadline);
    auto before = showProcNow();
    if (!before)
        return before.error();
    ReloadOutcome outcome;
    outcome.before = *before;

    auto answer = await(m_transport->request(
        m_socket, HaproxyCommand::request({HaproxyCommand::reload()}), {}, m_timeout));
    // 2.6 closes the master CLI connection on reload; a dropped connection
    // is expected and the outcome is read from show proc below.
    if (answer) {
        auto reply = parseReloadReply(*answer);
        if (!reply)
            return located(reply.error(), where);
        if (reply->has_value()) {
            outcome.startupLog = (*reply)->startupLog;
            if (!(*reply)->success) {
                return Error(ErrorCode::ReloadFailed,
                             HaproxyTr::tr("HAProxy rejected the reload; the old worker keeps "
                                           "serving."),
                             where,
                             HaproxyTr::tr("Run the configuration check and fix the errors."),
                             outcome.startupLog);
            }
        }
    } else {
        qCDebug(lcHaproxy) << "reload request ended with" << answer.error().toString();
    }

    Error last(ErrorCode::Timeout, {}, where);
    for (;;) {
        auto after = showProcNow();
        if (after) {
            if (after->master.failedReloads > before->master.failedReloads) {
                return Error(ErrorCode::ReloadFailed,
                             HaproxyTr::tr("HAProxy rejected the reload (failed reloads: %1); the "
                                           "old worker keeps serving.")
                                 .arg(after->master.failedReloads),
                             where,
                             HaproxyTr::tr("Run the configuration check and fix the errors."),
                             outcome.startupLog);
            }
            const QList<qint64> fresh = newPids(*before, *after);
            if (after->master.reloads > before->master.reloads && !fresh.isEmpty()) {
                outcome.after = *after;
                outcome.newWorkerPids = fresh;
                return outcome;
            }
        } else {
            last = after.error(); // the master re-executes: its socket may be away briefly
        }
        if (timer.hasExpired()) {
            return Error(ErrorCode::Timeout,
                         HaproxyTr::tr("The reload was not confirmed within %1 ms: no new worker "
                                       "and no failure reported.")
                             .arg(qint64(deadline.count())),
                         where, HaproxyTr::tr("Look at `show proc` and the HAProxy log."),
                         last.message.isEmpty() ? QString() : last.toString());
        }
        QThread::msleep(static_cast<unsigned long>(
            std::min<qint64>(kReloadPollMs, std::max<qint64>(1, timer.remainingTime()))));
    }
}

QFuture<Result<int>> MasterClient::dumpServerState(const QString &stateFile) const
{
    const MasterClient self = *this;
    return runOperation<int>([self, stateFile] { return self.dumpServerStateNow(stateFile); });
}

Result<int> MasterClient::dumpServerStateNow(const QString &stateFile) const
{
    const QString where = socketWhere(m_transport, m_socket);
    if (!stateFile.startsWith(u'/') || stateFile.contains(QChar(0)) || stateFile.contains(u'\n')) {
        return Error(ErrorCode::InvalidArgument,
                     HaproxyTr::tr("The server state file must be an absolute path on one line."),
                     stateFile);
    }
    const auto command = HaproxyCommand::showServersState();
    auto reply =
        await(m_transport->request(m_socket, HaproxyCommand::request({command->onCurrentWorker()}),
                                   repliesComplete(1), m_timeout));
    if (!reply)
        return reply.error();
    // Never replace a good state file with a cut-off or garbled dump.
    auto rows = parseShowServersState(*reply);
    if (!rows)
        return located(rows.error(), where);
    if (reply->size() > kMaxStateBytes) {
        return Error(ErrorCode::Unsupported,
                     HaproxyTr::tr("The server state is %1 bytes, more than vipdeck writes in one "
                                   "command (%2).")
                         .arg(reply->size())
                         .arg(kMaxStateBytes),
                     stateFile);
    }
    QStringList argv{u"sh"_s, u"-c"_s,
                     u"f=$1; shift; printf %s \"$@\" > \"$f.vipdeck-tmp\" && "
                     "mv -f \"$f.vipdeck-tmp\" \"$f\""_s,
                     u"sh"_s, stateFile};
    for (qsizetype at = 0; at < reply->size(); at += kChunk)
        argv.append(QString::fromUtf8(reply->mid(at, kChunk)));
    auto result = await(m_transport->exec(argv, m_timeout));
    if (!result)
        return result.error();
    if (result->exitCode != 0) {
        return Error(ErrorCode::CommandFailed,
                     HaproxyTr::tr("Could not write the server state file (exit code %1).")
                         .arg(result->exitCode),
                     m_transport->hostName() + u':' + stateFile,
                     HaproxyTr::tr("Check that the login user may write to its directory."),
                     QString::fromUtf8(result->standardError).trimmed());
    }
    return int(rows->size());
}

QFuture<Result<QList<ServerStateRow>>> MasterClient::showServersState() const
{
    const QString where = socketWhere(m_transport, m_socket);
    const auto command = HaproxyCommand::showServersState();
    return thenOnPool(m_transport->request(m_socket,
                                           HaproxyCommand::request({command->onCurrentWorker()}),
                                           repliesComplete(1), m_timeout),
                      [where](const Result<QByteArray> &reply) -> Result<QList<ServerStateRow>> {
                          if (!reply)
                              return reply.error();
                          auto rows = parseShowServersState(*reply);
                          if (!rows)
                              return located(rows.error(), where);
                          return rows;
                      });
}

QFuture<Result<ConfigCheck>> MasterClient::configCheck(const QString &binary,
                                                       const QString &configPath) const
{
    if (binary.isEmpty() || configPath.isEmpty()) {
        return readyResult<ConfigCheck>(
            Error(ErrorCode::InvalidArgument,
                  HaproxyTr::tr("The HAProxy binary and the configuration path are required.")));
    }
    const QString where = m_transport->hostName() + u':' + configPath;
    return thenOnPool(m_transport->exec({binary, u"-c"_s, u"-f"_s, configPath}, m_timeout),
                      [where](const Result<ExecResult> &result) -> Result<ConfigCheck> {
                          if (!result)
                              return result.error();
                          return parseConfigCheck(result->exitCode,
                                                  result->standardOutput + result->standardError,
                                                  where);
                      });
}

} // namespace vipdeck
