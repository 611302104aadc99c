#include "core/bird/birdreply.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

enum class LineKind { Coded, CodedFinal, Continuation, Async, Malformed };

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

LineKind classify(const char *line, qsizetype len)
{
    if (len >= 1 && line[0] == '+')
        return LineKind::Async;
    if (len >= 1 && line[0] == ' ')
        return LineKind::Continuation;
    if (len < 4 || !isDigit(line[0]) || !isDigit(line[1]) || !isDigit(line[2]) || !isDigit(line[3]))
        return LineKind::Malformed;
    if (len == 4 || line[4] == ' ')
        return LineKind::CodedFinal;
    if (line[4] == '-')
        return LineKind::Coded;
    return LineKind::Malformed;
}

int codeOf(const char *line)
{
    return (line[0] - '0') * 1000 + (line[1] - '0') * 100 + (line[2] - '0') * 10 + (line[3] - '0');
}

// This file's messages, in a context lupdate can see.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vipdeck::BirdReply)
};

} // namespace

BirdProgress birdProgress(const QByteArray &bytes)
{
    BirdProgress progress;
    const char *data = bytes.constData();
    qsizetype start = 0;
    bool inReply = false; // a coded line opened a reply that has not ended yet
    while (start < bytes.size()) {
        const qsizetype nl = bytes.indexOf('\n', start);
        if (nl < 0)
            break;
        switch (classify(data + start, nl - start)) {
        case LineKind::CodedFinal:
            ++progress.finalLines;
            inReply = false;
            break;
        case LineKind::Coded:
            inReply = true;
            break;
        case LineKind::Continuation:
            if (!inReply) {
                progress.malformed = true;
                return progress;
            }
            break;
        case LineKind::Malformed:
            progress.malformed = true;
            return progress;
        case LineKind::Async:
            break;
        }
        start = nl + 1;
    }
    return progress;
}

Result<BirdFraming> splitBirdReplies(const QByteArray &bytes)
{
    BirdFraming framing;
    BirdReply current;
    int lastCode = -1;
    int lineNo = 0;
    const char *data = bytes.constData();
    qsizetype start = 0;
    while (start < bytes.size()) {
        const qsizetype nl = bytes.indexOf('\n', start);
        if (nl < 0)
            break;
        ++lineNo;
        const char *line = data + start;
        const qsizetype len = nl - start;
        switch (classify(line, len)) {
        case LineKind::Async:
            framing.asyncMessages.append(QString::fromUtf8(line + 1, len - 1));
            break;
        case LineKind::Continuation:
            if (lastCode < 0)
                return Error(ErrorCode::Parse,
                             Tr::tr("BIRD sent a continuation line with no reply code before it"),
                             u"line %1"_s.arg(lineNo), {}, QString::fromUtf8(line, len));
            current.lines.append({lastCode, QString::fromUtf8(line + 1, len - 1)});
            break;
        case LineKind::Coded:
            lastCode = codeOf(line);
            current.lines.append({lastCode, QString::fromUtf8(line + 5, len - 5)});
            break;
        case LineKind::CodedFinal:
            current.lines.append(
                {codeOf(line), len > 5 ? QString::fromUtf8(line + 5, len - 5) : QString()});
            framing.replies.append(std::move(current));
            current = {};
            lastCode = -1;
            framing.consumed = nl + 1;
            break;
        case LineKind::Malformed:
            return Error(ErrorCode::Parse,
                         Tr::tr("Not a BIRD control-socket reply: a line lacks the 4-digit code"),
                         u"line %1"_s.arg(lineNo),
                         Tr::tr("Check that the socket path points at BIRD's control socket"),
                         QString::fromUtf8(line, std::min<qsizetype>(len, 200)));
        }
        start = nl + 1;
    }
    framing.hasTail = framing.consumed < bytes.size();
    // Async lines after the last reply do not make it unfinished.
    if (framing.hasTail && current.lines.isEmpty() && start == bytes.size())
        framing.hasTail = false;
    return framing;
}

Error birdReplyError(const BirdReply &reply, const QString &command, const QString &protocol)
{
    const int code = reply.code();
    const QString text = reply.finalText();
    const QString bird = u"BIRD: "_s + text;
    if (code == 8007)
        return Error(ErrorCode::BirdAccessDenied, bird, command,
                     Tr::tr("The control socket is in restricted mode (birdc -r / `restrict`): "
                            "connect without it to change protocols"),
                     text);
    if (code == 8003 && text.startsWith(u"No protocols match"_s))
        return Error(ErrorCode::NoSuchProtocol, bird, command,
                     Tr::tr("Check the protocol name with `show protocols`"), text);
    if (code >= 9000 && !protocol.isEmpty() && text.contains(u"CF_SYM_UNDEFINED"_s))
        return Error(ErrorCode::NoSuchProtocol,
                     Tr::tr("BIRD has no protocol named %1 (%2)").arg(protocol, bird), command,
                     Tr::tr("Check the protocol name in the fleet file against `show protocols`"),
                     text);
    if (code >= 9000 && !protocol.isEmpty() && text == u"Protocol name required"_s)
        return Error(ErrorCode::NoSuchProtocol,
                     Tr::tr("%1 is not a protocol in BIRD (%2)").arg(protocol, bird), command,
                     Tr::tr("Check the protocol name in the fleet file against `show protocols`"),
                     text);
    if (code >= 9000)
        return Error(ErrorCode::BirdSyntaxError, bird, command, {}, text);
    if (code >= 8000)
        return Error(ErrorCode::BirdRuntimeError, bird, command, {}, text);
    return Error(ErrorCode::Internal, Tr::tr("BIRD reply %1 is not an error").arg(code), command);
}

Result<BirdReply> checkedBirdReply(const BirdReply &reply, const QString &command,
                                   const QString &protocol)
{
    if (reply.isError())
        return birdReplyError(reply, command, protocol);
    return reply;
}

Result<BirdReply> singleBirdReply(const QByteArray &bytes, const QString &command)
{
    auto framing = splitBirdReplies(bytes);
    if (!framing)
        return framing.error().at(command);
    if (framing->replies.isEmpty())
        return Error(ErrorCode::Parse, Tr::tr("BIRD's reply ended before its final line"), command,
                     Tr::tr("The connection was cut or timed out; try again"));
    if (framing->replies.size() > 1 || framing->hasTail)
        return Error(ErrorCode::Parse, Tr::tr("More than one BIRD reply where one was expected"),
                     command);
    return framing->replies.constFirst();
}

} // namespace vipdeck
