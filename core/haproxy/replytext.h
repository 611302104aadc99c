#pragma once

// ReplyText: the shared line and number handling of the runtime API parsers.
// Internal to core/haproxy.  Every reply is text split into lines; a reply
// cut off mid-line (no final newline) is reported as truncated rather than
// parsed as if it were whole.

#include "core/common/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <array>
#include <cstddef>

namespace vipdeck::haproxy_detail {

// Splits `reply` into lines without their '\n' (a trailing '\r' is dropped
// too).  Trailing empty lines (HAProxy's end-of-reply marker) are removed.
// Fails when the last line is not terminated, naming `command`.  The lines
// refer to `reply`'s bytes: `reply` must outlive them (copy what is kept).
Result<QList<QByteArray>> replyLines(const QByteArray &reply, const QString &command);

// "command:line" for Error::where; `line` counts from 1.
QString lineWhere(const QString &command, qsizetype line);

// A decimal integer; an empty field gives `emptyValue`.  Fails on anything
// else, naming the field.
Result<qint64> parseInteger(const QByteArray &field, const QString &name, const QString &where,
                            qint64 emptyValue = -1);
// parseInteger()'s rule without the error: false when `field` is not a
// number (then call parseInteger() for the message).  For the hot paths,
// where building names and places for every field would cost more than the
// parse.
bool toInteger(const QByteArray &field, qint64 emptyValue, qint64 *value);

// Where each of `names` stands in a reply's column `header` (the first
// match; -1 when a column is absent): resolved once per reply, since HAProxy
// versions differ in which columns exist and in their order.
template <std::size_t N>
std::array<qsizetype, N> columnPositions(const QList<QByteArray> &header,
                                         const char *const (&names)[N])
{
    std::array<qsizetype, N> positions;
    positions.fill(-1);
    for (qsizetype i = 0; i < header.size(); ++i) {
        for (std::size_t c = 0; c < N; ++c) {
            if (positions[c] < 0 && header.at(i) == names[c]) {
                positions[c] = i;
                break;
            }
        }
    }
    return positions;
}

// Text decoded from a reply's bytes, reusing the previous result when the
// bytes repeat (rows of one proxy, the same check status row after row): an
// equal text then shares its data instead of being decoded and allocated
// again.  One per column and parse; not for use across threads.
class RepeatedText
{
public:
    QString operator()(const QByteArray &bytes)
    {
        if (bytes.isEmpty())
            return {};
        if (bytes != m_bytes) {
            m_bytes = QByteArray(bytes.constData(), bytes.size()); // a copy: `bytes` may refer
            m_text = QString::fromUtf8(bytes);
        }
        return m_text;
    }

private:
    QByteArray m_bytes;
    QString m_text;
};

// Splits `line` at `separator` into `fields` (cleared first), each field
// referring to `line`'s bytes without a copy: `line` must outlive them.
void splitReferring(const QByteArray &line, char separator, QList<QByteArray> &fields);

// A printable excerpt of untrusted bytes for error details.
QString excerpt(const QByteArray &bytes, qsizetype max = 200);

} // namespace vipdeck::haproxy_detail
