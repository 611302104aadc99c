#pragma once

// Pure parsers for the scalar values of fleet.yaml (durations, prefixes,
// path templates) and the "did you mean" helper of its error messages.  Each
// returns a value or an Error whose message says what is wrong and whose hint
// says what to write instead; the loader adds file:line:column.

#include "core/common/result.h"
#include "core/inventory/inventory.h"

#include <QString>
#include <QStringList>

#include <chrono>
#include <utility>

namespace vipdeck {

// "500ms", "5s", "2m", "1h" (a whole number and a unit).  A bare number is
// refused: "5" could mean seconds or milliseconds.
Result<std::chrono::milliseconds> parseDuration(const QString &text);

// "512KiB", "16MiB", "1GiB" (a whole number and a binary unit), or a bare
// number of bytes.  Between 4 KiB and 1 GiB: a reply limit below a few
// kilobytes would refuse ordinary answers, one above a gigabyte protects
// nothing.
Result<qint64> parseByteSize(const QString &text);

// "203.0.113.10/32", "2001:db8::/48"; a bare address is a host prefix
// (/32 or /128).  Host bits beyond the length are refused.
Result<Prefix> parsePrefix(const QString &text);

// Refuses an IPv4 address that is not four decimal numbers without leading
// zeros.  inet_aton(), and QHostAddress like it, reads "010" as octal 8,
// "0xcb" as hex and "10.1" as 10.0.0.1, so the address used would not be
// the one meant.  `what` names the value in the message ("prefix",
// "address"), `suffix` is what follows the address where it is written
// ("/32").  Anything that is not such a number (IPv6, a name) passes.
Result<void> checkIpv4Notation(const QString &address, const QString &what,
                               const QString &suffix = {});

// Checks that `text` uses only the `allowed` placeholders ("vip", "host",
// "group") and that its braces balance.
Result<void> checkTemplate(const QString &text, const QStringList &allowed);

// Replaces each {name} of `substitutions` in `text`; other placeholders stay.
QString expandTemplate(QString text, const QList<std::pair<QString, QString>> &substitutions);

// "did you mean 'stats_socket'?" when `word` is close to one of `candidates`,
// otherwise "use one of: a, b, c" (or "" when there are no candidates).
QString suggestion(const QString &word, const QStringList &candidates);

// The closest candidate within a small edit distance, or an empty string.
QString closestMatch(const QString &word, const QStringList &candidates);

} // namespace vipdeck
