#pragma once

// BirdClient: talks to one BIRD daemon's control socket through a Transport
// (an SSH streamlocal channel, or a local socket), speaking the reply-code
// protocol directly: no birdc on the host.  Each call opens one connection,
// skips the greeting, sends its command(s) without half-closing (BIRD would
// hang up without answering) and reads to the final line of the last reply.
// Several commands go down one connection at once: BIRD answers them in order
// (measured: bird-2.0.12-pipelined-*.txt), which is what poll() uses.
//
// Protocol names are validated before a command is built.  Parsing runs on
// Qt's thread pool, never on the caller's (GUI) thread.

#include "core/bird/bfdparser.h"
#include "core/bird/controlparser.h"
#include "core/bird/protocolsparser.h"
#include "core/bird/routeparser.h"
#include "core/bird/statusparser.h"

#include <QFuture>
#include <QHash>
#include <QMap>

#include <chrono>

namespace vipdeck {

class Transport;

// Everything one poll learns about a BIRD daemon.  Transport failures fail
// the whole poll; a command BIRD refused leaves its part empty and adds to
// `errors`.
struct BirdPoll
{
    BirdStatus status;
    QList<BirdProtocol> protocols;
    QList<BirdBfdSession> bfdSessions;
    QMap<QString, QList<BirdRoute>> exports; // BGP protocol -> the routes it exports
    QList<Error> errors;
};

// What an observer (a route reflector or router) holds for some prefixes.
// A command BIRD refused leaves its prefix out and adds to `errors`.
struct BirdObservation
{
    BirdStatus status;
    QHash<QString, QList<BirdRoute>> routes; // by prefix as asked; empty: no route
    QList<Error> errors;
};

class BirdClient
{
public:
    // `timeout` 0: the transport's command timeout; `replyLimit` 0: the
    // transport's defaultReplyLimit.  A reply past its limit fails the call
    // with ErrorCode::ReplyTooLarge naming the commands.
    BirdClient(Transport *transport, QString socketPath, std::chrono::milliseconds timeout = {},
               qsizetype replyLimit = 0);

    QString socketPath() const { return m_socketPath; }

    QFuture<Result<BirdStatus>> showStatus() const;
    QFuture<Result<QList<BirdProtocol>>> showProtocolsAll() const;
    QFuture<Result<BirdProtocol>> showProtocolAll(const QString &protocol) const;
    QFuture<Result<QList<BirdRoute>>> showRouteExport(const QString &protocol) const;
    QFuture<Result<QList<BirdRoute>>> showRouteProtocol(const QString &protocol) const;
    QFuture<Result<QList<BirdBfdSession>>> showBfdSessions() const;
    QFuture<Result<QList<BirdControlOutcome>>> enableProtocol(const QString &protocol) const;
    QFuture<Result<QList<BirdControlOutcome>>> disableProtocol(const QString &protocol) const;

    // show status, show protocols all, show bfd sessions and `show route
    // export <p>` for each of `exportProtocols`, in one connection.  With no
    // `exportProtocols`, a second connection asks for the exports of every
    // BGP protocol found.
    QFuture<Result<BirdPoll>> poll(const QStringList &exportProtocols = {}) const;

    // show status and `show route <prefix> all` for each of `prefixes` (as
    // "203.0.113.10/32"), in one connection: exact lookups, cheap on a full
    // table, one short line each (BIRD drops a command line past ~1 KiB).
    QFuture<Result<BirdObservation>> observe(const QStringList &prefixes) const;

    // Sends `commands` (each ending in a newline) down one connection and
    // returns one reply per command, error replies included, greeting removed.
    QFuture<Result<QList<BirdReply>>> run(const QList<QByteArray> &commands) const;

private:
    QString where() const;

    Transport *m_transport; // outlives the client and its calls
    QString m_socketPath;
    std::chrono::milliseconds m_timeout;
    qsizetype m_replyLimit;
};

} // namespace vipdeck
