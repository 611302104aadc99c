#pragma once

// HaproxyClient: the runtime API of one HAProxy process (its stats socket)
// on one host, over a Transport.  Every call returns at once; the request runs
// on the transport's thread and the reply is parsed on the global thread pool,
// never on the caller's (GUI) thread.
//
// poll() runs on the transport's kept stream to the socket, in HAProxy's
// prompt mode, so a warm poll is one round trip on an open connection.
// After a reload, a stream opened before it still reaches the OLD worker
// (`Stopping: 1` in show info, stale counters): poll() then closes the
// stream and asks once more on a fresh one, which reaches the new worker.
// Writes and the single show commands stay one-shot connections: they are
// rare, and `set severity-output` is per connection, which must not leak
// into the polls' stream.  Write commands are built only from
// validated names (HaproxyCommand).  The Transport must outlive the client
// and every future it returned.

#include "core/haproxy/haproxycommand.h"
#include "core/haproxy/haproxyinfo.h"
#include "core/haproxy/runtimereply.h"
#include "core/haproxy/serverstaterow.h"
#include "core/haproxy/statrow.h"

#include <QFuture>
#include <QString>

#include <chrono>

namespace vipdeck {

class Transport;

// What one poll() sees, read on one connection.
struct HaproxyPoll
{
    HaproxyInfo info;
    QList<StatRow> stats;
    QList<ServerStateRow> serverStates;
};

// The poll's three answers (show info, show stat, show servers state) as
// split by splitReplies() or splitPromptReplies().
Result<HaproxyPoll> parsePollAnswers(const QList<QByteArray> &answers);
// A poll's reply in prompt mode (after the stream's `prompt`).
Result<HaproxyPoll> parsePromptPoll(const QByteArray &reply);

class HaproxyClient
{
public:
    // `timeout` 0: the transport's command timeout; `replyLimit` 0: the
    // transport's defaultReplyLimit.  A reply past its limit fails the call
    // with ErrorCode::ReplyTooLarge naming the commands.
    HaproxyClient(Transport *transport, QString statsSocket, std::chrono::milliseconds timeout = {},
                  qsizetype replyLimit = 0);

    const QString &socketPath() const { return m_socket; }

    QFuture<Result<HaproxyInfo>> showInfo() const;
    QFuture<Result<QList<StatRow>>> showStat() const;
    QFuture<Result<QList<ServerStateRow>>> showServersState(const QString &backend = {}) const;
    // `show info;show stat;show servers state` in one request on the kept
    // prompt-mode stream.
    QFuture<Result<HaproxyPoll>> poll() const;

    QFuture<Result<void>> setServerState(const QString &backend, const QString &server,
                                         ServerAdminAction action) const;
    QFuture<Result<void>> setWeight(const QString &backend, const QString &server,
                                    int weight) const;
    QFuture<Result<WeightInfo>> getWeight(const QString &backend, const QString &server) const;

private:
    template <typename T, typename Parse>
    QFuture<Result<T>> ask(const QByteArray &payload, qsizetype replies, Parse parse) const;
    QFuture<Result<void>> write(const Result<HaproxyCommand> &command) const;
    QFuture<Result<HaproxyPoll>> pollOnStream() const;

    Transport *m_transport;
    QString m_socket;
    std::chrono::milliseconds m_timeout;
    qsizetype m_replyLimit;
};

} // namespace vipdeck
