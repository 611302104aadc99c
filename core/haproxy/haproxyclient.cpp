#include "core/haproxy/haproxyclient.h"

#include "core/common/handover.h"
#include "core/haproxy/clientsupport.h"
#include "core/ssh/transport.h"

using namespace Qt::StringLiterals;
using namespace vipdeck::haproxy_detail;

namespace vipdeck {

HaproxyClient::HaproxyClient(Transport *transport, QString statsSocket,
                             std::chrono::milliseconds timeout, qsizetype replyLimit)
    : m_transport(transport)
    , m_socket(std::move(statsSocket))
    , m_timeout(timeout)
    , m_replyLimit(replyLimit)
{}

namespace {

// The commands of a request, for messages: "show info; show stat".
QString commandsOf(const QByteArray &payload)
{
    QStringList commands;
    for (const QByteArray &line : payload.split('\n')) {
        for (const QByteArray &command : line.split(';')) {
            if (!command.trimmed().isEmpty())
                commands << QString::fromUtf8(command.trimmed());
        }
    }
    return commands.join(u"; "_s);
}

// Parses a transport reply on the global pool; parse errors name the socket,
// a reply past its limit names the commands.
template <typename T, typename Parse>
QFuture<Result<T>> parsedOnPool(QFuture<Result<QByteArray>> reply, const QString &where,
                                const QByteArray &payload, qsizetype limit, Parse parse)
{
    return thenOnPool(
        std::move(reply),
        [where, payload, limit, parse](const Result<QByteArray> &received) -> Result<T> {
            if (!received && received.error().code == ErrorCode::ReplyTooLarge)
                return replyTooLargeError(limit, where, commandsOf(payload));
            if (!received)
                return received.error();
            Result<T> parsed = parse(*received);
            if (!parsed)
                return located(parsed.error(), where);
            return parsed;
        });
}

} // namespace

template <typename T, typename Parse>
QFuture<Result<T>> HaproxyClient::ask(const QByteArray &payload, qsizetype replies,
                                      Parse parse) const
{
    return parsedOnPool<T>(
        m_transport->request(m_socket, payload, repliesComplete(replies), m_timeout, m_replyLimit),
        socketWhere(m_transport, m_socket), payload, m_replyLimit, parse);
}

QFuture<Result<HaproxyInfo>> HaproxyClient::showInfo() const
{
    return ask<HaproxyInfo>(HaproxyCommand::request({HaproxyCommand::showInfo()}), 1,
                            parseShowInfo);
}

QFuture<Result<QList<StatRow>>> HaproxyClient::showStat() const
{
    return ask<QList<StatRow>>(HaproxyCommand::request({HaproxyCommand::showStat()}), 1,
                               parseShowStat);
}

QFuture<Result<QList<ServerStateRow>>> HaproxyClient::showServersState(const QString &backend) const
{
    const auto command = HaproxyCommand::showServersState(backend);
    if (!command)
        return readyResult<QList<ServerStateRow>>(command.error());
    return ask<QList<ServerStateRow>>(HaproxyCommand::request({*command}), 1,
                                      parseShowServersState);
}

Result<HaproxyPoll> parsePollAnswers(const QList<QByteArray> &answers)
{
    if (answers.size() != 3)
        return Error(ErrorCode::Internal, u"A poll has three answers."_s);
    auto info = parseShowInfo(answers.at(0));
    if (!info)
        return info.error();
    auto stats = parseShowStat(answers.at(1));
    if (!stats)
        return stats.error();
    auto states = parseShowServersState(answers.at(2));
    if (!states)
        return states.error();
    return HaproxyPoll{std::move(*info), std::move(*stats), std::move(*states)};
}

Result<HaproxyPoll> parsePromptPoll(const QByteArray &reply)
{
    auto parts = splitPromptRepliesReferring(reply, 3); // parsed before `reply` goes
    if (!parts)
        return parts.error();
    return parsePollAnswers(*parts);
}

QFuture<Result<HaproxyPoll>> HaproxyClient::pollOnStream() const
{
    static const QByteArray payload =
        HaproxyCommand::request({HaproxyCommand::showInfo(), HaproxyCommand::showStat(),
                                 *HaproxyCommand::showServersState()});
    return parsedOnPool<HaproxyPoll>(
        m_transport->streamRequest(m_socket, promptStream(), payload, promptRepliesComplete(3),
                                   m_timeout, m_replyLimit),
        socketWhere(m_transport, m_socket), payload, m_replyLimit, parsePromptPoll);
}

QFuture<Result<HaproxyPoll>> HaproxyClient::poll() const
{
    const HaproxyClient client = *this;
    return pollOnStream()
        .then([client](Result<HaproxyPoll> result) -> QFuture<Result<HaproxyPoll>> {
            if (!result || result->info.stopping == 0)
                return readyResult(std::move(result));
            // An old worker kept alive by our stream after a reload.
            client.m_transport->closeStream(client.m_socket);
            return client.pollOnStream();
        })
        .unwrap();
}

QFuture<Result<void>> HaproxyClient::write(const Result<HaproxyCommand> &command) const
{
    if (!command)
        return readyResult<void>(command.error());
    // "[N]: " severity prefixes tell an error sentence from information.
    const QByteArray payload =
        HaproxyCommand::request({HaproxyCommand::severityOutputNumber(), *command});
    const QString text = QString::fromLatin1(command->line());
    return ask<void>(payload, 2, [text](const QByteArray &reply) -> Result<void> {
        auto parts = splitReplies(reply, 2);
        if (!parts)
            return parts.error();
        return parseCommandReply(parts->at(1), text);
    });
}

QFuture<Result<void>> HaproxyClient::setServerState(const QString &backend, const QString &server,
                                                    ServerAdminAction action) const
{
    return write(HaproxyCommand::setServerState(backend, server, action));
}

QFuture<Result<void>> HaproxyClient::setWeight(const QString &backend, const QString &server,
                                               int weight) const
{
    return write(HaproxyCommand::setWeight(backend, server, weight));
}

QFuture<Result<WeightInfo>> HaproxyClient::getWeight(const QString &backend,
                                                     const QString &server) const
{
    const auto command = HaproxyCommand::getWeight(backend, server);
    if (!command)
        return readyResult<WeightInfo>(command.error());
    const QString text = QString::fromLatin1(command->line());
    return ask<WeightInfo>(HaproxyCommand::request({*command}), 1,
                           [text](const QByteArray &reply) -> Result<WeightInfo> {
                               auto parts = splitReplies(reply, 1);
                               if (!parts)
                                   return parts.error();
                               return parseWeightReply(parts->at(0), text);
                           });
}

} // namespace vipdeck
