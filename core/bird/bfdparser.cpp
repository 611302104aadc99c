#include "core/bird/bfdparser.h"

#include "core/bird/birdparse.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

const QString kCommand = u"show bfd sessions"_s;

// This file's messages, in a context lupdate can see.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vipdeck::BirdBfd)
};

bool parseSeconds(const QString &text, double &out)
{
    bool ok = false;
    out = text.toDouble(&ok);
    return ok && out >= 0;
}

} // namespace

BfdState bfdStateFromText(const QString &text)
{
    if (text == u"Up"_s)
        return BfdState::Up;
    if (text == u"Down"_s)
        return BfdState::Down;
    if (text == u"Init"_s)
        return BfdState::Init;
    if (text == u"AdminDown"_s)
        return BfdState::AdminDown;
    return BfdState::Unknown;
}

QString bfdStateName(BfdState state)
{
    switch (state) {
    case BfdState::Up:
        return u"Up"_s;
    case BfdState::Down:
        return u"Down"_s;
    case BfdState::Init:
        return u"Init"_s;
    case BfdState::AdminDown:
        return u"AdminDown"_s;
    case BfdState::Unknown:
        break;
    }
    return u"unknown"_s;
}

Result<QList<BirdBfdSession>> parseBirdBfdSessions(const BirdReply &reply)
{
    // A host without a BFD protocol has no sessions; that is not a failure.
    if (reply.code() == 9001 && reply.finalText() == u"There is no BFD protocol running"_s)
        return QList<BirdBfdSession>();
    if (reply.isError())
        return birdReplyError(reply, kCommand);
    QList<BirdBfdSession> sessions;
    QString protocol;
    for (qsizetype i = 0; i < reply.lines.size(); ++i) {
        const BirdReplyLine &line = reply.lines.at(i);
        if (line.code == 0)
            continue;
        if (line.code != 1020)
            return birdUnexpectedCode(kCommand, i, line);
        const QStringList words = birdWords(line.text);
        if (words.size() == 1 && words.constFirst().endsWith(u':')) {
            protocol = words.constFirst().chopped(1);
            continue;
        }
        if (words.size() >= 2 && words.at(0) == u"IP"_s && words.at(1) == u"address"_s)
            continue; // column heading
        if (protocol.isEmpty())
            return birdParseError(kCommand, i, Tr::tr("a session before its BFD protocol"),
                                  line.text);
        BirdBfdSession s;
        s.protocol = protocol;
        if (words.size() < 6)
            return birdParseError(kCommand, i, Tr::tr("a session row has too few columns"),
                                  line.text);
        s.address = words.at(0);
        if (!isIpAddress(s.address))
            return birdParseError(kCommand, i, Tr::tr("not an IP address"), line.text);
        s.interface = words.at(1);
        s.stateText = words.at(2);
        s.state = bfdStateFromText(s.stateText);
        if (s.state == BfdState::Unknown)
            return birdParseError(kCommand, i, Tr::tr("unknown BFD state"), line.text);
        qsizetype index = 3;
        s.since = takeBirdTime(words, index);
        if (!s.since.isValid()) {
            s.since.text = words.at(3);
            index = 4;
        }
        if (words.size() != index + 2 || !parseSeconds(words.at(index), s.intervalSeconds) ||
            !parseSeconds(words.at(index + 1), s.timeoutSeconds))
            return birdParseError(kCommand, i, Tr::tr("unrecognised interval or timeout"),
                                  line.text);
        sessions.append(std::move(s));
    }
    if (auto end = expectBirdEnd(reply, kCommand); !end)
        return end.error();
    return sessions;
}

Result<QList<BirdBfdSession>> parseBirdBfdSessions(const QByteArray &bytes)
{
    return parseSingleBirdReply(bytes, kCommand,
                                [](const BirdReply &r) { return parseBirdBfdSessions(r); });
}

} // namespace vipdeck
