#pragma once

// BirdTime: a time stamp as BIRD prints it in `show protocols`, `show route`,
// `show bfd sessions` and `show status`.  The format depends on the daemon's
// `timeformat` setting: `hh:mm:ss.sss` for the last 20 hours then a date
// (default), `YYYY-MM-DD hh:mm:ss` (iso long, with a space), and others, so
// it is recognised by pattern, never by column.  BIRD prints local time of
// the LB host; a time-of-day alone is resolved against the server's clock.

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QTime>

#include <optional>

namespace vipdeck {

struct BirdTime
{
    QString text; // as printed
    QDate date;   // invalid when BIRD printed a time of day only
    QTime time;   // invalid when BIRD printed a date only

    bool isValid() const { return date.isValid() || time.isValid(); }

    // The moment meant, as the BIRD host's wall-clock time carried in a
    // Qt::UTC date-time (so no time-zone rule of this machine alters it;
    // compare it only with `serverNow` from the same host).  A time of day
    // alone is the latest such moment not after `serverNow` (BIRD prints it
    // for the last 20 hours only, so it may be yesterday's); a date alone is
    // midnight of that day.  Invalid when nothing was recognised.
    QDateTime resolve(const QDateTime &serverNow) const;
};

// The BIRD host's offset from UTC in seconds: its wall clock (`show status`,
// `serverTime`) against the UTC moment the reply was read, rounded to a
// quarter hour (time zones are whole quarter hours; the rounding absorbs the
// read's latency and clock skew below 7.5 minutes).  nullopt when the server
// time is not a full date and time.
std::optional<int> birdUtcOffsetSecs(const BirdTime &serverTime, const QDateTime &readAtUtc);

// The UTC moment of a BIRD time stamp from the same reply round as
// `serverTime`.  Null when BIRD printed a date only (the default timeformat
// does after 20 hours: the time of day is not known) or the host's clock is.
QDateTime birdTimeToUtc(const BirdTime &stamp, const BirdTime &serverTime,
                        const QDateTime &readAtUtc);

// Recognises one time stamp token: `hh:mm:ss[.fff]`, `YYYY-MM-DD`,
// `YYYY-MM-DD hh:mm:ss[.fff]` or `YYYY-MM-DDThh:mm:ss`.  Returns an invalid
// BirdTime for anything else.
BirdTime parseBirdTime(const QString &text);

// Whether `token` looks like the date or time part of a BirdTime.
bool isBirdDateToken(const QString &token);
bool isBirdTimeToken(const QString &token);

// Reads a time stamp from whitespace-separated tokens starting at `index`:
// one token, or two (`date time`) for iso long.  Advances `index` past it.
BirdTime takeBirdTime(const QStringList &tokens, qsizetype &index);

} // namespace vipdeck
