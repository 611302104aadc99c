#include "core/bird/birdtime.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

bool digitsAt(const QString &s, qsizetype pos, qsizetype count)
{
    if (pos + count > s.size())
        return false;
    for (qsizetype i = pos; i < pos + count; ++i) {
        if (s.at(i) < u'0' || s.at(i) > u'9')
            return false;
    }
    return true;
}

QTime parseTimeOfDay(const QString &s)
{
    // hh:mm:ss with optional .f{1,6}
    if (s.size() < 8 || !digitsAt(s, 0, 2) || s.at(2) != u':' || !digitsAt(s, 3, 2) ||
        s.at(5) != u':' || !digitsAt(s, 6, 2))
        return {};
    int ms = 0;
    if (s.size() > 8) {
        if (s.at(8) != u'.' || s.size() == 9 || s.size() > 15 || !digitsAt(s, 9, s.size() - 9))
            return {};
        QString frac = s.mid(9, 3);
        while (frac.size() < 3)
            frac += u'0';
        ms = frac.toInt();
    }
    return QTime(s.left(2).toInt(), s.mid(3, 2).toInt(), s.mid(6, 2).toInt(), ms);
}

QDate parseDate(const QString &s)
{
    if (s.size() != 10 || !digitsAt(s, 0, 4) || s.at(4) != u'-' || !digitsAt(s, 5, 2) ||
        s.at(7) != u'-' || !digitsAt(s, 8, 2))
        return {};
    return QDate(s.left(4).toInt(), s.mid(5, 2).toInt(), s.mid(8, 2).toInt());
}

} // namespace

bool isBirdDateToken(const QString &token)
{
    return parseDate(token).isValid();
}

bool isBirdTimeToken(const QString &token)
{
    return parseTimeOfDay(token).isValid();
}

BirdTime parseBirdTime(const QString &text)
{
    BirdTime t;
    const QString s = text.trimmed();
    qsizetype sep = s.indexOf(u' ');
    if (sep < 0)
        sep = s.indexOf(u'T');
    if (sep > 0) {
        t.date = parseDate(s.left(sep));
        t.time = parseTimeOfDay(s.mid(sep + 1));
        if (!t.date.isValid() || !t.time.isValid())
            return {};
    } else if (s.contains(u':')) {
        t.time = parseTimeOfDay(s);
    } else {
        t.date = parseDate(s);
    }
    if (t.isValid())
        t.text = text;
    return t;
}

BirdTime takeBirdTime(const QStringList &tokens, qsizetype &index)
{
    if (index >= tokens.size())
        return {};
    const QString &first = tokens.at(index);
    if (isBirdDateToken(first) && index + 1 < tokens.size() &&
        isBirdTimeToken(tokens.at(index + 1))) {
        BirdTime t = parseBirdTime(first + u' ' + tokens.at(index + 1));
        index += 2;
        return t;
    }
    BirdTime t = parseBirdTime(first);
    if (t.isValid())
        ++index;
    return t;
}

QDateTime BirdTime::resolve(const QDateTime &serverNow) const
{
    if (date.isValid())
        return QDateTime(date, time.isValid() ? time : QTime(0, 0), Qt::UTC);
    if (!time.isValid() || !serverNow.isValid())
        return {};
    QDateTime candidate(serverNow.date(), time, Qt::UTC);
    if (candidate > serverNow)
        candidate = candidate.addDays(-1);
    return candidate;
}

std::optional<int> birdUtcOffsetSecs(const BirdTime &serverTime, const QDateTime &readAtUtc)
{
    if (!serverTime.date.isValid() || !serverTime.time.isValid() || !readAtUtc.isValid())
        return std::nullopt;
    const QDateTime wallClock(serverTime.date, serverTime.time, Qt::UTC);
    constexpr qint64 quarterHour = 15 * 60;
    const qint64 difference = readAtUtc.toUTC().msecsTo(wallClock) / 1000;
    const qint64 quarters =
        (difference + (difference >= 0 ? quarterHour / 2 : -quarterHour / 2)) / quarterHour;
    // Zones lie within -12:00 and +14:00; anything else is a clock that is wrong.
    if (quarters < -12 * 4 || quarters > 14 * 4)
        return std::nullopt;
    return int(quarters * quarterHour);
}

QDateTime birdTimeToUtc(const BirdTime &stamp, const BirdTime &serverTime,
                        const QDateTime &readAtUtc)
{
    if (!stamp.time.isValid())
        return {};
    const std::optional<int> offset = birdUtcOffsetSecs(serverTime, readAtUtc);
    if (!offset)
        return {};
    const QDateTime local = stamp.resolve(QDateTime(serverTime.date, serverTime.time, Qt::UTC));
    if (!local.isValid())
        return {};
    return local.addSecs(-*offset);
}

} // namespace vipdeck
