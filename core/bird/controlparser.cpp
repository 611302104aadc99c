#include "core/bird/controlparser.h"

#include "core/bird/birdparse.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

const QString kCommand = u"enable/disable"_s;

// This file's messages, in a context lupdate can see.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vipdeck::BirdControl)
};

} // namespace

Result<QList<BirdControlOutcome>> parseBirdControl(const BirdReply &reply, const QString &command,
                                                   const QString &protocol)
{
    const QString cmd = command.isEmpty() ? kCommand : command;
    if (reply.isError())
        return birdReplyError(reply, cmd, protocol);
    QList<BirdControlOutcome> outcomes;
    for (qsizetype i = 0; i < reply.lines.size(); ++i) {
        const BirdReplyLine &line = reply.lines.at(i);
        if (line.code == 0)
            continue;
        BirdControlOutcome o;
        switch (line.code) {
        case 8:
            o.action = BirdControlAction::AlreadyDisabled;
            break;
        case 9:
            o.action = BirdControlAction::Disabled;
            break;
        case 10:
            o.action = BirdControlAction::AlreadyEnabled;
            break;
        case 11:
            o.action = BirdControlAction::Enabled;
            break;
        case 12:
            o.action = BirdControlAction::Restarted;
            break;
        default:
            return birdUnexpectedCode(cmd, i, line);
        }
        const qsizetype colon = line.text.indexOf(u": "_s);
        if (colon <= 0)
            return birdParseError(cmd, i, Tr::tr("expected `<protocol>: <what happened>`"),
                                  line.text);
        o.protocol = line.text.left(colon);
        o.text = line.text;
        outcomes.append(o);
    }
    if (reply.code() != 0 || outcomes.isEmpty())
        return birdParseError(cmd, reply.lines.size() - 1,
                              Tr::tr("no protocol outcome in the reply"), reply.finalText());
    return outcomes;
}

Result<QList<BirdControlOutcome>> parseBirdControl(const QByteArray &bytes)
{
    return parseSingleBirdReply(bytes, kCommand,
                                [](const BirdReply &r) { return parseBirdControl(r); });
}

} // namespace vipdeck
