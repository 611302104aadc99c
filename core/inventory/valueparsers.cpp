#include "core/inventory/valueparsers.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

// This file's messages, in a context lupdate can see.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vipdeck::InventoryLoader)
};

Error configError(QString message, QString hint)
{
    return Error(ErrorCode::Config, std::move(message), {}, std::move(hint));
}

int editDistance(const QString &a, const QString &b)
{
    QList<int> previous(b.size() + 1);
    QList<int> current(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        previous[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

QString quotedList(const QStringList &items)
{
    QStringList quoted;
    for (const QString &item : items)
        quoted.append(u'\'' + item + u'\'');
    return quoted.join(u", "_s);
}

} // namespace

Result<std::chrono::milliseconds> parseDuration(const QString &text)
{
    static const QRegularExpression pattern(u"^([0-9]{1,9})(ms|s|m|h)$"_s);
    static const QRegularExpression bare(u"^[0-9]+$"_s);
    const QString trimmed = text.trimmed();
    const QRegularExpressionMatch match = pattern.match(trimmed);
    if (!match.hasMatch()) {
        if (bare.match(trimmed).hasMatch())
            return configError(Tr::tr("duration '%1' has no unit").arg(trimmed),
                               Tr::tr("write '%1s' or '%1ms' (units: ms, s, m, h)").arg(trimmed));
        return configError(Tr::tr("'%1' is not a duration").arg(text),
                           Tr::tr("write a whole number and a unit, like 500ms, 5s or 2m"));
    }
    const qint64 n = match.captured(1).toLongLong();
    const QString unit = match.captured(2);
    qint64 factor = 1;
    if (unit == u"s"_s)
        factor = 1000;
    else if (unit == u"m"_s)
        factor = 60 * 1000;
    else if (unit == u"h"_s)
        factor = 60 * 60 * 1000;
    return std::chrono::milliseconds{n * factor};
}

Result<qint64> parseByteSize(const QString &text)
{
    static const QRegularExpression pattern(u"^([0-9]{1,10})\\s*(KiB|MiB|GiB)?$"_s);
    constexpr qint64 minimum = 4 * 1024;
    constexpr qint64 maximum = qint64(1024) * 1024 * 1024;
    const QString trimmed = text.trimmed();
    const QRegularExpressionMatch match = pattern.match(trimmed);
    if (!match.hasMatch())
        return configError(Tr::tr("'%1' is not a size").arg(text),
                           Tr::tr("write a whole number and a unit, like 512KiB, 16MiB or 1GiB "
                                  "(or a number of bytes)"));
    const QString unit = match.captured(2);
    const qint64 factor = unit == u"KiB"_s   ? 1024
                          : unit == u"MiB"_s ? 1024 * 1024
                          : unit == u"GiB"_s ? 1024 * 1024 * 1024
                                             : 1;
    const qint64 count = match.captured(1).toLongLong();
    const qint64 bytes = count > maximum ? maximum + 1 : count * factor; // no overflow
    if (bytes < minimum || bytes > maximum)
        return configError(Tr::tr("size '%1' is outside 4KiB to 1GiB").arg(trimmed),
                           Tr::tr("write a size between 4KiB and 1GiB, like 16MiB"));
    return bytes;
}

Result<void> checkIpv4Notation(const QString &address, const QString &what, const QString &suffix)
{
    static const QRegularExpression dottedDecimal(u"^([0-9]+)\\.([0-9]+)\\.([0-9]+)\\.([0-9]+)$"_s);
    const QString written = address + suffix;
    QHostAddress parsed;
    const bool readable = !address.contains(u':') && parsed.setAddress(address) &&
                          parsed.protocol() == QAbstractSocket::IPv4Protocol;
    const QRegularExpressionMatch octets = dottedDecimal.match(address);
    if (octets.hasMatch()) {
        QStringList meant;
        QString zeroed;
        for (int i = 1; i <= 4; ++i) {
            const QString octet = octets.captured(i);
            if (octet.size() > 1 && octet.startsWith(u'0') && zeroed.isEmpty())
                zeroed = octet;
            meant.append(QString::number(octet.toLongLong()));
        }
        if (zeroed.isEmpty())
            return {};
        QString message = Tr::tr("%1 '%2' has an IPv4 octet with a leading zero ('%3'), which is "
                                 "read as octal")
                              .arg(what, written, zeroed);
        if (readable)
            message += Tr::tr(": it would mean %1").arg(parsed.toString() + suffix);
        return configError(message,
                           Tr::tr("write %1 (no leading zeros)").arg(meant.join(u'.') + suffix));
    }
    if (readable && parsed.toString() != address) {
        return configError(Tr::tr("%1 '%2' is not written as four decimal numbers: it would be "
                                  "read as %3")
                               .arg(what, written, parsed.toString() + suffix),
                           Tr::tr("write %1").arg(parsed.toString() + suffix));
    }
    return {};
}

Result<Prefix> parsePrefix(const QString &text)
{
    const QString example = Tr::tr("write it like 203.0.113.10/32 or 2001:db8::10/128");
    const QStringList parts = text.trimmed().split(u'/');
    if (parts.size() <= 2) {
        const QString suffix = parts.size() == 2 ? u'/' + parts[1] : QString();
        if (const Result<void> notation = checkIpv4Notation(parts[0], Tr::tr("prefix"), suffix);
            !notation)
            return notation.error();
    }
    Prefix prefix;
    if (parts.size() > 2 || parts[0].contains(u'%') || !prefix.address.setAddress(parts[0]))
        return configError(Tr::tr("'%1' is not an IPv4 or IPv6 prefix").arg(text), example);
    const bool v4 = prefix.address.protocol() == QAbstractSocket::IPv4Protocol;
    const int maxLength = v4 ? 32 : 128;
    if (parts.size() == 1) {
        prefix.length = maxLength;
        return prefix;
    }
    static const QRegularExpression digits(u"^[0-9]{1,3}$"_s);
    if (!digits.match(parts[1]).hasMatch())
        return configError(Tr::tr("'%1' is not an IPv4 or IPv6 prefix").arg(text), example);
    const int length = parts[1].toInt();
    if (length > maxLength)
        return configError(Tr::tr("prefix length '%1' of %2 is out of range for %3 (0-%4)")
                               .arg(parts[1], text, v4 ? u"IPv4"_s : u"IPv6"_s)
                               .arg(maxLength),
                           Tr::tr("write %1/%2 for a single address").arg(parts[0]).arg(maxLength));
    prefix.length = length;
    QHostAddress masked;
    if (v4) {
        const quint32 mask = length == 0 ? 0 : ~quint32(0) << (32 - length);
        masked = QHostAddress(prefix.address.toIPv4Address() & mask);
    } else {
        Q_IPV6ADDR bytes = prefix.address.toIPv6Address();
        for (int i = 0; i < 16; ++i) {
            const int bitsHere = std::clamp(length - i * 8, 0, 8);
            bytes[i] &= quint8(0xff00 >> bitsHere);
        }
        masked = QHostAddress(bytes);
    }
    if (masked != prefix.address)
        return configError(Tr::tr("prefix %1 has host bits set beyond /%2").arg(text).arg(length),
                           Tr::tr("write %1/%2 for the network, or %3/%4 for a single address")
                               .arg(masked.toString())
                               .arg(length)
                               .arg(prefix.address.toString())
                               .arg(maxLength));
    return prefix;
}

Result<void> checkTemplate(const QString &text, const QStringList &allowed)
{
    QStringList braced;
    for (const QString &name : allowed)
        braced.append(u'{' + name + u'}');
    const QString placeholders = allowed.isEmpty()
                                     ? Tr::tr("no placeholders are allowed here")
                                     : Tr::tr("placeholders here: %1").arg(braced.join(u", "_s));
    qsizetype open = -1;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == u'{') {
            if (open >= 0)
                return configError(Tr::tr("unbalanced '{' in template '%1'").arg(text),
                                   placeholders);
            open = i;
        } else if (text[i] == u'}') {
            if (open < 0)
                return configError(Tr::tr("unbalanced '}' in template '%1'").arg(text),
                                   placeholders);
            const QString name = text.mid(open + 1, i - open - 1);
            static const QStringList all = {u"vip"_s, u"host"_s, u"group"_s};
            if (all.contains(name) && !allowed.contains(name))
                return configError(
                    Tr::tr("placeholder {%1} cannot be used in this template").arg(name),
                    placeholders);
            if (!allowed.contains(name)) {
                const QString close = closestMatch(name, allowed);
                return configError(
                    Tr::tr("unknown placeholder {%1} in template '%2'").arg(name, text),
                    close.isEmpty() ? placeholders
                                    : Tr::tr("did you mean {%1}? %2").arg(close, placeholders));
            }
            open = -1;
        }
    }
    if (open >= 0)
        return configError(Tr::tr("unbalanced '{' in template '%1'").arg(text), placeholders);
    return {};
}

QString expandTemplate(QString text, const QList<std::pair<QString, QString>> &substitutions)
{
    for (const auto &[name, value] : substitutions)
        text.replace(u'{' + name + u'}', value);
    return text;
}

QString closestMatch(const QString &word, const QStringList &candidates)
{
    QString best;
    int bestDistance = std::max<int>(2, int(word.size()) / 3) + 1;
    for (const QString &candidate : candidates) {
        const int d = editDistance(word.toLower(), candidate.toLower());
        if (d < bestDistance) {
            best = candidate;
            bestDistance = d;
        }
    }
    return best;
}

QString suggestion(const QString &word, const QStringList &candidates)
{
    const QString close = closestMatch(word, candidates);
    if (!close.isEmpty())
        return Tr::tr("did you mean '%1'?").arg(close);
    if (candidates.isEmpty())
        return {};
    constexpr qsizetype shown = 12;
    if (candidates.size() <= shown)
        return Tr::tr("use one of: %1").arg(quotedList(candidates));
    return Tr::tr("use one of: %1, ... (%2 more)")
        .arg(quotedList(candidates.first(shown)))
        .arg(candidates.size() - shown);
}

} // namespace vipdeck
