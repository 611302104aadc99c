#pragma once

// Helpers shared by the BIRD reply parsers (internal to core/bird).

#include "core/bird/birdreply.h"
#include "core/common/error.h"

#include <QStringList>

namespace vipdeck {

// A Parse error naming the command and the line (1-based) of its reply.
Error birdParseError(const QString &command, qsizetype lineIndex, const QString &what,
                     const QString &lineText);

// A Parse error unless the reply ended with `0000` (what table replies end with).
Result<void> expectBirdEnd(const BirdReply &reply, const QString &command);

// A Parse error for a line whose code the parser does not expect.
Error birdUnexpectedCode(const QString &command, qsizetype lineIndex, const BirdReplyLine &line);

// Frames `bytes` as exactly one reply and hands it to `parse`: the byte
// overloads of the parsers (fixtures, fuzzers).
template <typename Parse>
auto parseSingleBirdReply(const QByteArray &bytes, const QString &command, Parse parse)
    -> decltype(parse(std::declval<const BirdReply &>()))
{
    auto reply = singleBirdReply(bytes, command);
    if (!reply)
        return reply.error();
    return parse(*reply);
}

// Whitespace-separated words.
QStringList birdWords(const QString &text);

// IPv4 dotted quad or IPv6 text form (syntax only).
bool isIpAddress(const QString &text);

// `address/length` with a length that fits the address family.
bool isIpPrefix(const QString &text);

} // namespace vipdeck
