#pragma once

// Helpers shared by the BIRD reply parsers (internal to core/bird).

#include "core/common/error.h"

#include <QStringList>

namespace vipdeck {

// A Parse error naming the command and the line (1-based) of its reply.
Error birdParseError(const QString &command, qsizetype lineIndex, const QString &what,
                     const QString &lineText);

// Whitespace-separated words.
QStringList birdWords(const QString &text);

// IPv4 dotted quad or IPv6 text form (syntax only).
bool isIpAddress(const QString &text);

// `address/length` with a length that fits the address family.
bool isIpPrefix(const QString &text);

} // namespace vipdeck
