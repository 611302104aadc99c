#include "core/haproxy/replytext.h"

#include "core/haproxy/haproxytr.h"

using namespace Qt::StringLiterals;

namespace vipdeck::haproxy_detail {

Result<QList<QByteArray>> replyLines(const QByteArray &reply, const QString &command)
{
    if (!reply.isEmpty() && !reply.endsWith('\n')) {
        return Error(ErrorCode::Parse,
                     HaproxyTr::tr("The reply ends in the middle of a line: it was cut off."),
                     command,
                     HaproxyTr::tr("Retry; if it persists, check the connection to the host."),
                     excerpt(reply.right(200)));
    }
    // Each line refers to the reply's bytes (no copy: a poll splits hundreds
    // of replies a second, `show info` alone has about 60 lines).
    QList<QByteArray> lines;
    lines.reserve(reply.count('\n'));
    const char *data = reply.constData();
    qsizetype start = 0;
    while (start < reply.size()) {
        const qsizetype newline = reply.indexOf('\n', start);
        const qsizetype end = newline < 0 ? reply.size() : newline;
        const qsizetype length = end - start - (end > start && data[end - 1] == '\r' ? 1 : 0);
        lines.append(QByteArray::fromRawData(data + start, length));
        start = end + 1;
    }
    while (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    return lines;
}

QString lineWhere(const QString &command, qsizetype line)
{
    return command + u':' + QString::number(line);
}

Result<qint64> parseInteger(const QByteArray &field, const QString &name, const QString &where,
                            qint64 emptyValue)
{
    if (field.isEmpty())
        return emptyValue;
    bool ok = false;
    const qint64 value = field.toLongLong(&ok);
    if (!ok) {
        return Error(
            ErrorCode::Parse,
            HaproxyTr::tr("Field %1 is not a number: \"%2\".").arg(name, excerpt(field, 40)),
            where);
    }
    return value;
}

bool toInteger(const QByteArray &field, qint64 emptyValue, qint64 *value)
{
    if (field.isEmpty()) {
        *value = emptyValue;
        return true;
    }
    bool ok = false;
    *value = field.toLongLong(&ok);
    return ok;
}

void splitReferring(const QByteArray &line, char separator, QList<QByteArray> &fields)
{
    fields.clear();
    qsizetype start = 0;
    for (;;) {
        const qsizetype end = line.indexOf(separator, start);
        const qsizetype stop = end < 0 ? line.size() : end;
        fields.append(QByteArray::fromRawData(line.constData() + start, stop - start));
        if (end < 0)
            return;
        start = end + 1;
    }
}

QString excerpt(const QByteArray &bytes, qsizetype max)
{
    QString out;
    const QByteArray cut = bytes.left(max);
    out.reserve(cut.size());
    for (const char c : cut) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '\n' || (u >= 0x20 && u < 0x7f))
            out += QLatin1Char(c);
        else
            out += u"\\x%1"_s.arg(static_cast<uint>(u), 2, 16, QLatin1Char('0'));
    }
    if (bytes.size() > max)
        out += u"..."_s;
    return out;
}

} // namespace vipdeck::haproxy_detail
