#include "core/bird/protocolsparser.h"

#include "core/bird/birdparse.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

const QString kCommand = u"show protocols"_s;

// This file's messages, in a context lupdate can see.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vipdeck::BirdProtocols)
};

qsizetype indentOf(const QString &text)
{
    qsizetype n = 0;
    while (n < text.size() && text.at(n) == u' ')
        ++n;
    return n;
}

std::optional<quint32> parseAs(const QString &text)
{
    bool ok = false;
    const qulonglong v = text.trimmed().toULongLong(&ok);
    if (!ok || v > 0xffffffffULL)
        return std::nullopt;
    return static_cast<quint32>(v);
}

// `Routes:         0 imported, 3 exported, 0 preferred`
void parseRoutesLine(const QString &value, BirdChannel &channel)
{
    static const QRegularExpression re(u"(\\d+) (imported|filtered|exported|preferred)"_s);
    for (auto it = re.globalMatch(value); it.hasNext();) {
        const auto m = it.next();
        bool ok = false;
        const int n = m.captured(1).toInt(&ok);
        if (!ok)
            continue;
        const QString what = m.captured(2);
        if (what == u"imported"_s)
            channel.imported = n;
        else if (what == u"filtered"_s)
            channel.filtered = n;
        else if (what == u"exported"_s)
            channel.exported = n;
        else
            channel.preferred = n;
    }
}

void applyChannelField(BirdChannel &channel, const QString &key, const QString &value)
{
    if (key == u"State"_s)
        channel.state = value;
    else if (key == u"Table"_s)
        channel.table = value;
    else if (key == u"Preference"_s)
        channel.preference = value.toInt();
    else if (key == u"Input filter"_s)
        channel.inputFilter = value;
    else if (key == u"Output filter"_s)
        channel.outputFilter = value;
    else if (key == u"Routes"_s)
        parseRoutesLine(value, channel);
}

void applyProtocolField(BirdProtocol &proto, const QString &key, const QString &value)
{
    if (key == u"Description"_s) {
        proto.description = value;
        return;
    }
    if (!proto.bgp)
        return;
    BirdBgpSession &bgp = *proto.bgp;
    if (key == u"BGP state"_s) {
        bgp.stateText = value;
        bgp.state = bgpStateFromText(value);
    } else if (key == u"Neighbor address"_s) {
        bgp.neighborAddress = value;
    } else if (key == u"Neighbor AS"_s) {
        bgp.neighborAs = parseAs(value);
    } else if (key == u"Local AS"_s) {
        bgp.localAs = parseAs(value);
    } else if (key == u"Neighbor ID"_s) {
        bgp.neighborId = value;
    } else if (key == u"Source address"_s) {
        bgp.sourceAddress = value;
    } else if (key == u"Last error"_s) {
        bgp.lastError = value;
    }
}

Result<BirdProtocol> parseRow(const QString &text, qsizetype lineIndex, const QString &command)
{
    const QStringList words = birdWords(text);
    if (words.size() < 5)
        return birdParseError(command, lineIndex, Tr::tr("a protocol row has too few columns"),
                              text);
    BirdProtocol proto;
    proto.name = words.at(0);
    proto.protocolType = words.at(1);
    proto.table = words.at(2);
    proto.stateText = words.at(3);
    proto.state = birdProtocolStateFromText(proto.stateText);
    if (proto.state == BirdProtocolState::Unknown)
        return birdParseError(command, lineIndex, Tr::tr("unknown protocol state"), text);
    qsizetype index = 4;
    proto.since = takeBirdTime(words, index);
    if (!proto.since.isValid()) {
        // An unusual `timeformat`: keep the text, assume it is one word.
        proto.since.text = words.at(4);
        index = 5;
    }
    proto.info = words.mid(index).join(u' ');
    if (proto.protocolType == u"BGP"_s) {
        BirdBgpSession bgp;
        // Info is "<BGP state> [<last error>]".
        const QStringList info = words.mid(index);
        if (!info.isEmpty()) {
            bgp.stateText = info.constFirst();
            bgp.state = bgpStateFromText(bgp.stateText);
            bgp.lastError = info.mid(1).join(u' ');
        } else if (proto.state == BirdProtocolState::Down) {
            bgp.state = BgpState::Down;
        }
        proto.bgp = bgp;
    }
    return proto;
}

} // namespace

BirdProtocolState birdProtocolStateFromText(const QString &text)
{
    if (text == u"up"_s)
        return BirdProtocolState::Up;
    if (text == u"down"_s)
        return BirdProtocolState::Down;
    if (text == u"start"_s)
        return BirdProtocolState::Start;
    if (text == u"stop"_s)
        return BirdProtocolState::Stop;
    if (text == u"flush"_s)
        return BirdProtocolState::Flush;
    return BirdProtocolState::Unknown;
}

BgpState bgpStateFromText(const QString &text)
{
    static const struct
    {
        const char16_t *name;
        BgpState state;
    } states[] = {
        {u"Down", BgpState::Down},
        {u"Idle", BgpState::Idle},
        {u"Connect", BgpState::Connect},
        {u"Active", BgpState::Active},
        {u"OpenSent", BgpState::OpenSent},
        {u"OpenConfirm", BgpState::OpenConfirm},
        {u"Established", BgpState::Established},
        {u"Close", BgpState::Close},
    };
    for (const auto &s : states) {
        if (text == QStringView(s.name))
            return s.state;
    }
    return BgpState::Unknown;
}

QString bgpStateName(BgpState state)
{
    switch (state) {
    case BgpState::Down:
        return u"Down"_s;
    case BgpState::Idle:
        return u"Idle"_s;
    case BgpState::Connect:
        return u"Connect"_s;
    case BgpState::Active:
        return u"Active"_s;
    case BgpState::OpenSent:
        return u"OpenSent"_s;
    case BgpState::OpenConfirm:
        return u"OpenConfirm"_s;
    case BgpState::Established:
        return u"Established"_s;
    case BgpState::Close:
        return u"Close"_s;
    case BgpState::Unknown:
        break;
    }
    return u"Unknown"_s;
}

int BirdProtocol::routesExported() const
{
    int sum = -1;
    for (const BirdChannel &c : channels) {
        if (c.exported >= 0)
            sum = (sum < 0 ? 0 : sum) + c.exported;
    }
    return sum;
}

int BirdProtocol::routesImported() const
{
    int sum = -1;
    for (const BirdChannel &c : channels) {
        if (c.imported >= 0)
            sum = (sum < 0 ? 0 : sum) + c.imported;
    }
    return sum;
}

Result<QList<BirdProtocol>> parseBirdProtocols(const BirdReply &reply, const QString &command)
{
    const QString cmd = command.isEmpty() ? kCommand : command;
    if (reply.isError())
        return birdReplyError(reply, cmd);
    QList<BirdProtocol> protocols;
    bool sawHeader = false;
    BirdChannel *channel = nullptr;
    for (qsizetype i = 0; i < reply.lines.size(); ++i) {
        const BirdReplyLine &line = reply.lines.at(i);
        switch (line.code) {
        case 2002:
            if (!line.text.startsWith(u"Name"_s))
                return birdParseError(cmd, i, Tr::tr("unexpected table heading"), line.text);
            sawHeader = true;
            break;
        case 1002: {
            if (!sawHeader)
                return birdParseError(cmd, i, Tr::tr("a protocol row before the heading"),
                                      line.text);
            auto row = parseRow(line.text, i, cmd);
            if (!row)
                return row.error();
            protocols.append(std::move(*row));
            channel = nullptr;
            break;
        }
        case 1006: {
            if (protocols.isEmpty())
                return birdParseError(cmd, i, Tr::tr("protocol details before any protocol"),
                                      line.text);
            BirdProtocol &proto = protocols.last();
            const QString trimmed = line.text.trimmed();
            if (trimmed.isEmpty()) {
                channel = nullptr;
                break;
            }
            proto.details.append(line.text);
            const qsizetype indent = indentOf(line.text);
            if (indent <= 2 && trimmed.startsWith(u"Channel "_s)) {
                proto.channels.append(BirdChannel{});
                channel = &proto.channels.last();
                channel->name = trimmed.mid(8).trimmed();
                break;
            }
            if (indent <= 2)
                channel = nullptr;
            const qsizetype colon = trimmed.indexOf(u':');
            if (colon <= 0)
                break;
            const QString key = trimmed.left(colon);
            const QString value = trimmed.mid(colon + 1).trimmed();
            if (channel)
                applyChannelField(*channel, key, value);
            else
                applyProtocolField(proto, key, value);
            break;
        }
        case 0:
            break;
        default:
            return birdUnexpectedCode(cmd, i, line);
        }
    }
    if (auto end = expectBirdEnd(reply, cmd); !end)
        return end.error();
    return protocols;
}

Result<QList<BirdProtocol>> parseBirdProtocols(const QByteArray &bytes)
{
    return parseSingleBirdReply(bytes, kCommand,
                                [](const BirdReply &r) { return parseBirdProtocols(r); });
}

} // namespace vipdeck
