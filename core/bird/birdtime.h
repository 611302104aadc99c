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
