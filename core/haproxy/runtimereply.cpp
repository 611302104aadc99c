#include "core/haproxy/runtimereply.h"

#include "core/haproxy/haproxytr.h"
#include "core/haproxy/replytext.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;
using namespace vipdeck::haproxy_detail;

namespace vipdeck {

namespace {

// Strips "[N]: " (severity-output number) from the first line; returns N or -1.
int takeSeverity(QByteArray *text)
{
    static const QRegularExpression re(u"^\\[(\\d)\\]: "_s);
    const auto match = re.match(QString::fromLatin1(text->left(8)));
    if (!match.hasMatch())
        return -1;
    *text = text->mid(match.capturedLength());
    return match.captured(1).toInt();
}

Error refusal(const QByteArray &text, const QString &command)
{
    const QString sentence = excerpt(text.trimmed(), 300);
    if (text.startsWith("No such server."))
        return Error(ErrorCode::NoSuchServer, HaproxyTr::tr("HAProxy has no such server."), command,
                     HaproxyTr::tr("Check the server name in this backend."), sentence);
    if (text.startsWith("No such backend."))
        return Error(ErrorCode::NoSuchBackend, HaproxyTr::tr("HAProxy has no such backend."),
                     command, HaproxyTr::tr("Check the backend name against the configuration."),
                     sentence);
    if (text.startsWith("Permission denied"))
        return Error(
            ErrorCode::PermissionDenied,
            HaproxyTr::tr("HAProxy refused the command: the socket's level is too low."), command,
            HaproxyTr::tr("Changing servers needs `level admin` on the stats socket."), sentence);
    if (text.startsWith("Unknown command"))
        return Error(ErrorCode::HaproxyRefused,
                     HaproxyTr::tr("HAProxy does not know this command."), command,
                     HaproxyTr::tr("Is the HAProxy version too old for it?"), sentence);
    // Any other sentence ("Require 'backend/server'.", "Absolute weight can
    // only be between 0 and 256 inclusive.", ...): HAProxy's own words.
    const QByteArray firstLine = text.trimmed().split('\n').constFirst();
    return Error(ErrorCode::HaproxyRefused,
                 HaproxyTr::tr("HAProxy refused the command: %1").arg(excerpt(firstLine, 200)),
                 command, {}, sentence);
}

Error cutOff(const QByteArray &received, qsizetype expected, qsizetype complete)
{
    return Error(ErrorCode::Parse,
                 HaproxyTr::tr("Expected %1 answers but only %2 arrived complete: the reply "
                               "was cut off.")
                     .arg(expected)
                     .arg(complete),
                 {}, HaproxyTr::tr("Retry; if it persists, check the connection to the host."),
                 excerpt(received.right(200)));
}

} // namespace

Result<QList<QByteArray>> splitReplies(const QByteArray &received, qsizetype expected)
{
    QList<QByteArray> replies;
    QByteArray current;
    qsizetype pos = 0;
    while (pos < received.size() && replies.size() < expected) {
        const qsizetype eol = received.indexOf('\n', pos);
        if (eol < 0)
            break; // an unterminated line: the rest was cut off
        const QByteArray line = received.mid(pos, eol + 1 - pos);
        pos = eol + 1;
        if (line == "\n" || line == "\r\n") {
            replies.append(current);
            current.clear();
        } else {
            current += line;
        }
    }
    if (replies.size() < expected) {
        return cutOff(received, expected, replies.size());
    }
    return replies;
}

namespace {

// Walks the prompt-mode answers in `received`, calling onAnswer(start, end)
// for each of the first `expected` ones (an empty answer is "\n> ", others
// end in "\n\n> ").  Returns how many it found and where they end.
template <typename OnAnswer>
std::pair<qsizetype, qsizetype> scanPromptReplies(const QByteArray &received, qsizetype expected,
                                                  OnAnswer onAnswer)
{
    static const QByteArray emptyAnswer = "\n> ";
    static const QByteArray answerEnd = "\n\n> ";
    qsizetype found = 0;
    qsizetype pos = 0;
    while (found < expected) {
        if (QByteArrayView(received).sliced(pos).startsWith(emptyAnswer)) {
            onAnswer(pos, pos);
            pos += emptyAnswer.size();
            ++found;
            continue;
        }
        const qsizetype end = received.indexOf(answerEnd, pos);
        if (end < 0)
            break;
        onAnswer(pos, end + 1);
        pos = end + answerEnd.size();
        ++found;
    }
    return {found, pos};
}

} // namespace

namespace {

Result<QList<QByteArray>> splitPromptReplies(const QByteArray &received, qsizetype expected,
                                             bool referring)
{
    QList<QByteArray> replies;
    replies.reserve(expected);
    const auto [found, pos] =
        scanPromptReplies(received, expected, [&](qsizetype start, qsizetype end) {
            replies.append(referring
                               ? QByteArray::fromRawData(received.constData() + start, end - start)
                               : received.mid(start, end - start));
        });
    if (found < expected)
        return cutOff(received, expected, found);
    if (pos != received.size()) {
        return Error(ErrorCode::Parse,
                     HaproxyTr::tr("HAProxy sent more than the answers asked for: the connection "
                                   "is out of step."),
                     {}, HaproxyTr::tr("vipdeck reopens the connection; retry."),
                     excerpt(received.mid(pos, 200)));
    }
    return replies;
}

} // namespace

Result<QList<QByteArray>> splitPromptReplies(const QByteArray &received, qsizetype expected)
{
    return splitPromptReplies(received, expected, false);
}

Result<QList<QByteArray>> splitPromptRepliesReferring(const QByteArray &received,
                                                      qsizetype expected)
{
    return splitPromptReplies(received, expected, true);
}

bool promptRepliesArrived(const QByteArray &received, qsizetype expected)
{
    if (!received.endsWith("\n> "))
        return false;
    const auto [found, pos] = scanPromptReplies(received, expected, [](qsizetype, qsizetype) {});
    return found == expected && pos == received.size();
}

qsizetype promptOpeningLength(const QByteArray &received)
{
    const qsizetype end = received.indexOf("\n> ");
    return end < 0 ? -1 : end + 3;
}

Result<void> parseCommandReply(const QByteArray &answer, const QString &command)
{
    QByteArray text = answer.trimmed();
    if (text.isEmpty())
        return {};
    const int severity = takeSeverity(&text);
    if (severity >= 5)
        return {};
    return refusal(text, command);
}

Result<WeightInfo> parseWeightReply(const QByteArray &answer, const QString &command)
{
    QByteArray text = answer.trimmed();
    takeSeverity(&text);
    static const QRegularExpression re(u"^(\\d{1,3}) \\(initial (\\d{1,3})\\)$"_s);
    const auto match = re.match(QString::fromLatin1(text));
    if (!match.hasMatch()) {
        if (text.isEmpty()) {
            return Error(ErrorCode::Parse, HaproxyTr::tr("HAProxy sent no weight."), command);
        }
        return refusal(text, command);
    }
    return WeightInfo{match.captured(1).toInt(), match.captured(2).toInt()};
}

} // namespace vipdeck
