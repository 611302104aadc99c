#include "core/bird/statusparser.h"

#include "core/bird/birdparse.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

const QString kCommand = u"show status"_s;

// This file's messages, in a context lupdate can see.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vipdeck::BirdStatus)
};

} // namespace

Result<BirdStatus> parseBirdStatus(const BirdReply &reply)
{
    if (reply.isError())
        return birdReplyError(reply, kCommand);
    BirdStatus status;
    for (qsizetype i = 0; i < reply.lines.size(); ++i) {
        const BirdReplyLine &line = reply.lines.at(i);
        const QString &text = line.text;
        if (line.code == 1000 && status.version.isEmpty()) {
            if (!text.startsWith(u"BIRD "_s))
                return birdParseError(kCommand, i, Tr::tr("expected the BIRD version"), text);
            status.version = text.mid(5).trimmed();
        } else if (text.startsWith(u"Router ID is "_s)) {
            status.routerId = text.mid(13).trimmed();
            if (!isIpAddress(status.routerId))
                return birdParseError(kCommand, i, Tr::tr("router id is not an IPv4 address"),
                                      text);
        } else if (text.startsWith(u"Hostname is "_s)) {
            status.hostname = text.mid(12).trimmed();
        } else if (text.startsWith(u"Current server time is "_s)) {
            status.serverTime = parseBirdTime(text.mid(23));
            if (!status.serverTime.isValid())
                return birdParseError(kCommand, i, Tr::tr("unrecognised server time"), text);
        } else if (text.startsWith(u"Last reboot on "_s)) {
            status.lastReboot = parseBirdTime(text.mid(15));
        } else if (text.startsWith(u"Last reconfiguration on "_s)) {
            status.lastReconfiguration = parseBirdTime(text.mid(24));
        }
    }
    status.statusText = reply.finalText();
    status.daemonUp = reply.code() == 13;
    if (status.version.isEmpty() || status.routerId.isEmpty())
        return birdParseError(kCommand, reply.lines.size() - 1,
                              Tr::tr("the reply lacks the version or the router id"),
                              reply.finalText());
    return status;
}

Result<BirdStatus> parseBirdStatus(const QByteArray &bytes)
{
    return parseSingleBirdReply(bytes, kCommand,
                                [](const BirdReply &r) { return parseBirdStatus(r); });
}

} // namespace vipdeck
