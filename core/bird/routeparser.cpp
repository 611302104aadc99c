#include "core/bird/routeparser.h"

#include "core/bird/birdparse.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

const QString kCommand = u"show route"_s;

// This file's messages, in a context lupdate can see.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vipdeck::BirdRoutes)
};

// `203.0.113.10/32      blackhole [vip_web 16:58:02.415] * (200)`
// `                     unreachable [peer_a 16:57:25.685 from 127.0.0.1] (100) [AS65001i]`
const QRegularExpression &routeLine()
{
    static const QRegularExpression re(
        uR"(^(\S+)?\s+(\S+)\s+\[(\S+)\s+([^\]]*?)(?:\s+from\s+(\S+))?\]\s*(\*)?\s*(?:\((\d+)(?:/[^)]*)?\))?\s*(.*)$)"_s);
    return re;
}

} // namespace

Result<QList<BirdRoute>> parseBirdRoutes(const BirdReply &reply, const QString &command)
{
    const QString cmd = command.isEmpty() ? kCommand : command;
    // `show route export <p>` for a protocol whose channel is down (a BGP
    // session not established) or that exports nothing (static): BIRD has no
    // table to show, so nothing is exported.
    if (reply.code() == 9001 && reply.finalText() == u"No valid tables"_s)
        return QList<BirdRoute>();
    // `show route <prefix>` for a prefix the table does not hold.
    if (reply.code() == 8001 && reply.finalText() == u"Network not found"_s)
        return QList<BirdRoute>();
    if (reply.isError())
        return birdReplyError(reply, cmd);
    QList<BirdRoute> routes;
    QString table;
    QString lastPrefix;
    for (qsizetype i = 0; i < reply.lines.size(); ++i) {
        const BirdReplyLine &line = reply.lines.at(i);
        const QString &text = line.text;
        if (line.code == 0)
            continue;
        if (text.startsWith(u'\t')) {
            // next hop (1007) or attribute (1008, 1012) of the route above
            if (routes.isEmpty())
                return birdParseError(cmd, i, Tr::tr("route details before any route"), text);
            BirdRoute &route = routes.last();
            const QString trimmed = text.trimmed();
            if (line.code == 1007) {
                route.nextHops.append(trimmed);
            } else {
                const qsizetype colon = trimmed.indexOf(u':');
                if (colon > 0)
                    route.attributes.insert(trimmed.left(colon), trimmed.mid(colon + 1).trimmed());
            }
            continue;
        }
        if (line.code != 1007)
            return birdParseError(cmd, i, Tr::tr("unexpected reply code %1").arg(line.code), text);
        if (text.startsWith(u"Table "_s) && text.endsWith(u':')) {
            table = text.mid(6, text.size() - 7);
            lastPrefix.clear();
            continue;
        }
        const auto m = routeLine().match(text);
        if (!m.hasMatch())
            return birdParseError(cmd, i, Tr::tr("unrecognised route line"), text);
        BirdRoute route;
        route.table = table;
        route.prefix = m.captured(1);
        if (route.prefix.isEmpty())
            route.prefix = lastPrefix; // another route for the same prefix
        if (!isIpPrefix(route.prefix))
            return birdParseError(cmd, i, Tr::tr("not an IP prefix"), text);
        lastPrefix = route.prefix;
        route.routeType = m.captured(2);
        route.protocol = m.captured(3);
        route.since = parseBirdTime(m.captured(4));
        if (!route.since.isValid())
            route.since.text = m.captured(4);
        route.from = m.captured(5);
        route.primary = !m.captured(6).isEmpty();
        if (m.hasCaptured(7))
            route.preference = m.captured(7).toInt();
        route.extra = m.captured(8).trimmed();
        routes.append(std::move(route));
    }
    if (auto end = expectBirdEnd(reply, cmd); !end)
        return end.error();
    return routes;
}

Result<QList<BirdRoute>> parseBirdRoutes(const QByteArray &bytes)
{
    return parseSingleBirdReply(bytes, kCommand,
                                [](const BirdReply &r) { return parseBirdRoutes(r); });
}

} // namespace vipdeck
