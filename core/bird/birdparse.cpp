#include "core/bird/birdparse.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

bool isIpv4(const QString &text)
{
    const QStringList parts = text.split(u'.');
    if (parts.size() != 4)
        return false;
    for (const QString &p : parts) {
        if (p.isEmpty() || p.size() > 3)
            return false;
        bool ok = false;
        const int v = p.toInt(&ok);
        if (!ok || v < 0 || v > 255 || p.at(0) == u'+' || p.at(0) == u'-')
            return false;
    }
    return true;
}

bool isIpv6(const QString &text)
{
    if (text.size() < 2 || text.size() > 45 || !text.contains(u':'))
        return false;
    int groups = 0;
    bool compressed = false;
    const QStringList parts = text.split(u':');
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QString &p = parts.at(i);
        if (p.isEmpty())
            continue;
        if (i == parts.size() - 1 && p.contains(u'.')) {
            if (!isIpv4(p))
                return false;
            groups += 2;
            continue;
        }
        if (p.size() > 4)
            return false;
        for (QChar c : p) {
            if (!c.isDigit() && !(c >= u'a' && c <= u'f') && !(c >= u'A' && c <= u'F'))
                return false;
        }
        ++groups;
    }
    compressed = text.contains(u"::"_s);
    if (text.count(u"::"_s) > 1)
        return false;
    return compressed ? groups < 8 : groups == 8;
}

} // namespace

Error birdParseError(const QString &command, qsizetype lineIndex, const QString &what,
                     const QString &lineText)
{
    return Error(
        ErrorCode::Parse,
        QCoreApplication::translate("vipdeck::BirdParse", "Unexpected BIRD reply: %1").arg(what),
        u"%1: line %2"_s.arg(command).arg(lineIndex + 1), {}, lineText.left(300));
}

Result<void> expectBirdEnd(const BirdReply &reply, const QString &command)
{
    if (reply.code() == 0)
        return {};
    return birdParseError(
        command, reply.lines.size() - 1,
        QCoreApplication::translate("vipdeck::BirdParse", "unexpected final reply code %1")
            .arg(reply.code()),
        reply.finalText());
}

Error birdUnexpectedCode(const QString &command, qsizetype lineIndex, const BirdReplyLine &line)
{
    return birdParseError(
        command, lineIndex,
        QCoreApplication::translate("vipdeck::BirdParse", "unexpected reply code %1")
            .arg(line.code),
        line.text);
}

QStringList birdWords(const QString &text)
{
    return text.simplified().split(u' ', Qt::SkipEmptyParts);
}

bool isIpAddress(const QString &text)
{
    return isIpv4(text) || isIpv6(text);
}

bool isIpPrefix(const QString &text)
{
    const qsizetype slash = text.indexOf(u'/');
    if (slash <= 0 || slash == text.size() - 1 || text.size() - slash > 4)
        return false;
    bool ok = false;
    const int len = text.mid(slash + 1).toInt(&ok);
    const QString addr = text.left(slash);
    if (!ok || len < 0 || text.at(slash + 1) == u'+' || text.at(slash + 1) == u'-')
        return false;
    if (isIpv4(addr))
        return len <= 32;
    return isIpv6(addr) && len <= 128;
}

} // namespace vipdeck
