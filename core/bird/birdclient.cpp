#include "core/bird/birdclient.h"

#include "core/bird/birdcommand.h"
#include "core/bird/birdparse.h"
#include "core/common/handover.h"
#include "core/common/logging.h"
#include "core/ssh/transport.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

// This file's messages, in a context lupdate can see.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vipdeck::BirdClient)
};

// The command as BIRD will see it, for Error::where ("show route export peer_b").
QString label(const QByteArray &command)
{
    return QString::fromUtf8(command).trimmed();
}

template <typename T> QFuture<Result<T>> failed(const Error &error)
{
    return QtFuture::makeReadyFuture(Result<T>(error));
}

// Runs one command and parses its reply with `parse(reply, label)`.
template <typename T, typename Parse>
QFuture<Result<T>> runOne(const BirdClient &client, const Result<QByteArray> &command, Parse parse)
{
    if (!command)
        return failed<T>(command.error());
    const QByteArray cmd = *command;
    return client.run({cmd}).then(
        QtFuture::Launch::Inherit,
        [parse, cmd](const Result<QList<BirdReply>> &replies) -> Result<T> {
            if (!replies)
                return replies.error();
            return parse(replies->constFirst(), label(cmd));
        });
}

} // namespace

BirdClient::BirdClient(Transport *transport, QString socketPath, std::chrono::milliseconds timeout,
                       qsizetype replyLimit)
    : m_transport(transport)
    , m_socketPath(std::move(socketPath))
    , m_timeout(timeout)
    , m_replyLimit(replyLimit)
{}

QString BirdClient::where() const
{
    return (m_transport ? m_transport->hostName() : QString()) + u':' + m_socketPath;
}

QFuture<Result<QList<BirdReply>>> BirdClient::run(const QList<QByteArray> &commands) const
{
    using R = Result<QList<BirdReply>>;
    if (!m_transport)
        return failed<QList<BirdReply>>(
            Error(ErrorCode::Internal, Tr::tr("BIRD client has no transport"), m_socketPath));
    QByteArray payload;
    QStringList labels;
    for (const QByteArray &c : commands) {
        payload += c;
        labels.append(label(c));
    }
    // The greeting, then one final line per command.
    const int expected = int(commands.size()) + 1;
    Transport::Completion complete = [expected](const QByteArray &received) {
        const BirdProgress p = birdProgress(received);
        return p.malformed || p.finalLines >= expected;
    };
    const QString at = where();
    qCDebug(lcBird) << at << labels;
    return thenOnPool(
        m_transport->request(m_socketPath, payload, std::move(complete), m_timeout, m_replyLimit),
        [expected, at, labels, limit = m_replyLimit](const Result<QByteArray> &received) -> R {
            if (!received && received.error().code == ErrorCode::ReplyTooLarge)
                return replyTooLargeError(limit, at, labels.join(u"; "_s));
            if (!received)
                return received.error();
            auto framing = splitBirdReplies(*received);
            if (!framing)
                return framing.error().at(at);
            QList<BirdReply> &replies = framing->replies;
            if (replies.isEmpty() || replies.constFirst().code() != 1)
                return Error(ErrorCode::Parse, Tr::tr("No BIRD greeting on the control socket"), at,
                             Tr::tr("Check that the path is BIRD's control socket"),
                             replies.isEmpty() ? QString() : replies.constFirst().finalText());
            if (replies.size() < expected)
                return Error(ErrorCode::Disconnected,
                             Tr::tr("BIRD closed the connection before answering %1")
                                 .arg(labels.value(int(replies.size()) - 1)),
                             at, Tr::tr("Try again; check BIRD's log if it persists"));
            replies.removeFirst();
            for (const QString &m : std::as_const(framing->asyncMessages))
                qCDebug(lcBird) << at << "async:" << m;
            return std::move(replies);
        });
}

QFuture<Result<BirdStatus>> BirdClient::showStatus() const
{
    const QString at = where();
    return runOne<BirdStatus>(*this, QByteArray("show status\n"),
                              [at](const BirdReply &r, const QString &) -> Result<BirdStatus> {
                                  auto s = parseBirdStatus(r);
                                  return s ? s : Result<BirdStatus>(s.error().at(at));
                              });
}

QFuture<Result<QList<BirdProtocol>>> BirdClient::showProtocolsAll() const
{
    const QString at = where();
    return runOne<QList<BirdProtocol>>(
        *this, QByteArray("show protocols all\n"),
        [at](const BirdReply &r, const QString &cmd) -> Result<QList<BirdProtocol>> {
            auto p = parseBirdProtocols(r, cmd);
            return p ? p : Result<QList<BirdProtocol>>(p.error().at(at));
        });
}

QFuture<Result<BirdProtocol>> BirdClient::showProtocolAll(const QString &protocol) const
{
    const QString at = where();
    return runOne<BirdProtocol>(
        *this, birdProtocolCommand(u"show protocols all"_s, protocol),
        [at, protocol](const BirdReply &r, const QString &cmd) -> Result<BirdProtocol> {
            if (r.isError())
                return birdReplyError(r, cmd, protocol).at(at);
            auto p = parseBirdProtocols(r, cmd);
            if (!p)
                return p.error().at(at);
            if (p->size() != 1)
                return Error(ErrorCode::Parse,
                             Tr::tr("Expected one protocol, BIRD listed %1").arg(p->size()),
                             at + u'/' + cmd);
            return p->constFirst();
        });
}

static QFuture<Result<QList<BirdRoute>>> routesFor(const BirdClient &client, const QString &at,
                                                   const QString &verb, const QString &protocol)
{
    return runOne<QList<BirdRoute>>(
        client, birdProtocolCommand(verb, protocol),
        [at, protocol](const BirdReply &r, const QString &cmd) -> Result<QList<BirdRoute>> {
            if (r.isError() && !(r.code() == 9001 && r.finalText() == u"No valid tables"_s))
                return birdReplyError(r, cmd, protocol).at(at);
            auto routes = parseBirdRoutes(r, cmd);
            return routes ? routes : Result<QList<BirdRoute>>(routes.error().at(at));
        });
}

QFuture<Result<QList<BirdRoute>>> BirdClient::showRouteExport(const QString &protocol) const
{
    return routesFor(*this, where(), u"show route export"_s, protocol);
}

QFuture<Result<QList<BirdRoute>>> BirdClient::showRouteProtocol(const QString &protocol) const
{
    return routesFor(*this, where(), u"show route protocol"_s, protocol);
}

QFuture<Result<QList<BirdBfdSession>>> BirdClient::showBfdSessions() const
{
    const QString at = where();
    return runOne<QList<BirdBfdSession>>(
        *this, QByteArray("show bfd sessions\n"),
        [at](const BirdReply &r, const QString &) -> Result<QList<BirdBfdSession>> {
            auto s = parseBirdBfdSessions(r);
            return s ? s : Result<QList<BirdBfdSession>>(s.error().at(at));
        });
}

static QFuture<Result<QList<BirdControlOutcome>>>
control(const BirdClient &client, const QString &at, const QString &verb, const QString &protocol)
{
    return runOne<QList<BirdControlOutcome>>(
        client, birdProtocolCommand(verb, protocol),
        [at, protocol](const BirdReply &r,
                       const QString &cmd) -> Result<QList<BirdControlOutcome>> {
            auto o = parseBirdControl(r, cmd, protocol);
            return o ? o : Result<QList<BirdControlOutcome>>(o.error().at(at));
        });
}

QFuture<Result<QList<BirdControlOutcome>>> BirdClient::enableProtocol(const QString &protocol) const
{
    return control(*this, where(), u"enable"_s, protocol);
}

QFuture<Result<QList<BirdControlOutcome>>>
BirdClient::disableProtocol(const QString &protocol) const
{
    return control(*this, where(), u"disable"_s, protocol);
}

namespace {

// Fills the export part of a poll from replies to `show route export <p>`.
void takeExports(BirdPoll &poll, const QStringList &names, const QList<BirdReply> &replies,
                 qsizetype first, const QString &at)
{
    for (qsizetype i = 0; i < names.size(); ++i) {
        const QString cmd = u"show route export "_s + names.at(i);
        const BirdReply &r = replies.at(first + i);
        if (r.isError() && !(r.code() == 9001 && r.finalText() == u"No valid tables"_s)) {
            poll.errors.append(birdReplyError(r, cmd, names.at(i)).at(at));
            continue;
        }
        auto routes = parseBirdRoutes(r, cmd);
        if (routes)
            poll.exports.insert(names.at(i), *routes);
        else
            poll.errors.append(routes.error().at(at));
    }
}

} // namespace

QFuture<Result<BirdObservation>> BirdClient::observe(const QStringList &prefixes) const
{
    QList<QByteArray> commands = {"show status\n"};
    for (const QString &prefix : prefixes) {
        if (!isIpPrefix(prefix))
            return failed<BirdObservation>(
                Error(ErrorCode::InvalidArgument, u"not an IP prefix: %1"_s.arg(prefix)));
        commands.append((u"show route "_s + prefix + u" all\n"_s).toUtf8());
    }
    const QString at = where();
    return run(commands).then(
        QtFuture::Launch::Inherit,
        [at, prefixes](const Result<QList<BirdReply>> &replies) -> Result<BirdObservation> {
            if (!replies)
                return replies.error();
            BirdObservation observed;
            if (auto s = parseBirdStatus(replies->at(0)))
                observed.status = *s;
            else
                observed.errors.append(s.error().at(at));
            for (qsizetype i = 0; i < prefixes.size(); ++i) {
                const QString cmd = u"show route "_s + prefixes.at(i) + u" all"_s;
                if (auto routes = parseBirdRoutes(replies->at(i + 1), cmd))
                    observed.routes.insert(prefixes.at(i), *routes);
                else
                    observed.errors.append(routes.error().at(at));
            }
            return observed;
        });
}

QFuture<Result<BirdPoll>> BirdClient::poll(const QStringList &exportProtocols) const
{
    QList<QByteArray> commands = {"show status\n", "show protocols all\n", "show bfd sessions\n"};
    for (const QString &name : exportProtocols) {
        auto cmd = birdProtocolCommand(u"show route export"_s, name);
        if (!cmd)
            return failed<BirdPoll>(cmd.error());
        commands.append(*cmd);
    }
    const QString at = where();
    auto first = run(commands).then(
        QtFuture::Launch::Inherit,
        [at, exportProtocols](const Result<QList<BirdReply>> &replies) -> Result<BirdPoll> {
            if (!replies)
                return replies.error();
            BirdPoll poll;
            if (auto s = parseBirdStatus(replies->at(0)))
                poll.status = *s;
            else
                poll.errors.append(s.error().at(at));
            if (auto p = parseBirdProtocols(replies->at(1), u"show protocols all"_s))
                poll.protocols = *p;
            else
                poll.errors.append(p.error().at(at));
            if (auto b = parseBirdBfdSessions(replies->at(2)))
                poll.bfdSessions = *b;
            else
                poll.errors.append(b.error().at(at));
            takeExports(poll, exportProtocols, *replies, 3, at);
            return poll;
        });
    if (!exportProtocols.isEmpty())
        return first;

    const BirdClient self = *this;
    return first
        .then(QtFuture::Launch::Inherit,
              [self, at](const Result<BirdPoll> &polled) -> QFuture<Result<BirdPoll>> {
                  if (!polled)
                      return failed<BirdPoll>(polled.error());
                  QStringList bgp;
                  QList<QByteArray> exportCommands;
                  for (const BirdProtocol &p : polled->protocols) {
                      if (!p.isBgp() || !validateBirdProtocolName(p.name))
                          continue;
                      bgp.append(p.name);
                      exportCommands.append((u"show route export "_s + p.name + u'\n').toUtf8());
                  }
                  if (bgp.isEmpty())
                      return QtFuture::makeReadyFuture(polled);
                  const BirdPoll base = *polled;
                  return self.run(exportCommands)
                      .then(QtFuture::Launch::Inherit,
                            [base, bgp,
                             at](const Result<QList<BirdReply>> &replies) -> Result<BirdPoll> {
                                BirdPoll poll = base;
                                if (!replies)
                                    poll.errors.append(replies.error());
                                else
                                    takeExports(poll, bgp, *replies, 0, at);
                                return poll;
                            });
              })
        .unwrap();
}

} // namespace vipdeck
