// Protocol-name validation before any BIRD command is built, and BirdTime's
// pattern recognition and resolution against the server clock.

#include "core/bird/birdcommand.h"
#include "core/bird/birdtime.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace vipdeck;

class TestBirdCommand : public QObject
{
    Q_OBJECT
private slots:
    void names_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << u"vip_web"_s << true;
        QTest::newRow("leading underscore") << u"_x1"_s << true;
        QTest::newRow("digits inside") << u"bgp65001"_s << true;
        QTest::newRow("64 chars") << QString(64, u'a') << true;
        QTest::newRow("65 chars") << QString(65, u'a') << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("leading digit") << u"1abc"_s << false;
        QTest::newRow("space") << u"vip web"_s << false;
        QTest::newRow("newline") << u"vip\nshow status"_s << false;
        QTest::newRow("semicolon") << u"vip;"_s << false;
        QTest::newRow("quote pattern") << u"\"vip_*\""_s << false;
        QTest::newRow("star") << u"vip_*"_s << false;
        QTest::newRow("dash") << u"vip-web"_s << false;
        QTest::newRow("dot") << u"vip.web"_s << false;
        QTest::newRow("all") << u"all"_s << false;
        QTest::newRow("ALL") << u"ALL"_s << false;
        QTest::newRow("non-ascii letter") << u"vïp"_s << false;
    }
    void names()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        auto r = validateBirdProtocolName(name);
        QCOMPARE(r.ok(), valid);
        auto cmd = birdProtocolCommand(u"disable"_s, name);
        QCOMPARE(cmd.ok(), valid);
        if (valid) {
            QCOMPARE(*cmd, (u"disable "_s + name + u'\n').toUtf8());
        } else {
            QCOMPARE(r.error().code, ErrorCode::InvalidName);
            QCOMPARE(cmd.error().code, ErrorCode::InvalidName);
        }
    }

    void times_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDate>("date");
        QTest::addColumn<QTime>("time");
        QTest::newRow("short ms") << u"16:57:21.868"_s << QDate() << QTime(16, 57, 21, 868);
        QTest::newRow("short") << u"16:57:21"_s << QDate() << QTime(16, 57, 21);
        QTest::newRow("date") << u"2026-11-23"_s << QDate(2026, 11, 23) << QTime();
        QTest::newRow("iso long") << u"2026-11-23 16:57:21"_s << QDate(2026, 11, 23)
                                  << QTime(16, 57, 21);
        QTest::newRow("iso long ms")
            << u"2026-11-23 16:57:21.5"_s << QDate(2026, 11, 23) << QTime(16, 57, 21, 500);
        QTest::newRow("garbage") << u"yesterday"_s << QDate() << QTime();
        QTest::newRow("bad hour") << u"25:00:00"_s << QDate() << QTime();
        QTest::newRow("bad date") << u"2026-13-40"_s << QDate() << QTime();
        QTest::newRow("trailing") << u"16:57:21.x"_s << QDate() << QTime();
    }
    void times()
    {
        QFETCH(QString, text);
        QFETCH(QDate, date);
        QFETCH(QTime, time);
        const BirdTime t = parseBirdTime(text);
        QCOMPARE(t.date, date);
        QCOMPARE(t.time, time);
        QCOMPARE(t.isValid(), date.isValid() || time.isValid());
    }

    void resolveAcrossMidnight()
    {
        const QDateTime now(QDate(2026, 11, 24), QTime(1, 0), Qt::UTC);
        QCOMPARE(parseBirdTime(u"22:30:00.000"_s).resolve(now),
                 QDateTime(QDate(2026, 11, 23), QTime(22, 30), Qt::UTC));
        QCOMPARE(parseBirdTime(u"00:30:00.000"_s).resolve(now),
                 QDateTime(QDate(2026, 11, 24), QTime(0, 30), Qt::UTC));
        QCOMPARE(parseBirdTime(u"2026-11-20"_s).resolve(now),
                 QDateTime(QDate(2026, 11, 20), QTime(0, 0), Qt::UTC));
        QVERIFY(!parseBirdTime(u"12:00:00"_s).resolve({}).isValid());
    }

    void toUtcThroughTheHostsClock_data()
    {
        QTest::addColumn<QString>("serverTime"); // `show status`, the host's wall clock
        QTest::addColumn<QDateTime>("readAt");   // when vipdeck read it, UTC
        QTest::addColumn<QString>("stamp");
        QTest::addColumn<int>("offset"); // -1 unknown (never a real offset: not a quarter hour)
        QTest::addColumn<QDateTime>("utc");
        const QDateTime read(QDate(2026, 12, 7), QTime(2, 56, 35), Qt::UTC);
        QTest::newRow("UTC host") << u"2026-12-07 02:56:34.657"_s << read << u"02:55:37.609"_s << 0
                                  << QDateTime(QDate(2026, 12, 7), QTime(2, 55, 37, 609), Qt::UTC);
        QTest::newRow("CET host") << u"2026-12-07 03:56:34.657"_s << read << u"03:50:00.000"_s
                                  << 3600 << QDateTime(QDate(2026, 12, 7), QTime(2, 50), Qt::UTC);
        // Local 23:10 is yesterday's on the host: 22:10 UTC on the 6th.
        QTest::newRow("yesterday, local")
            << u"2026-12-07 03:56:34"_s << read << u"23:10:00"_s << 3600
            << QDateTime(QDate(2026, 12, 6), QTime(22, 10), Qt::UTC);
        QTest::newRow("west of UTC") << u"2026-12-06 21:56:40"_s << read << u"21:00:00"_s << -18000
                                     << QDateTime(QDate(2026, 12, 7), QTime(2, 0), Qt::UTC);
        QTest::newRow("Nepal, +05:45") << u"2026-12-07 08:41:35"_s << read << u"08:41:00"_s << 20700
                                       << QDateTime(QDate(2026, 12, 7), QTime(2, 56), Qt::UTC);
        // A host clock 3 minutes fast still rounds to its zone.
        QTest::newRow("skewed clock") << u"2026-12-07 02:59:35"_s << read << u"02:59:00"_s << 0
                                      << QDateTime(QDate(2026, 12, 7), QTime(2, 59), Qt::UTC);
        QTest::newRow("iso long stamp")
            << u"2026-12-07 03:56:34"_s << read << u"2026-12-01 10:00:00"_s << 3600
            << QDateTime(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC);
        // A date alone (after 20 hours in the default format): the time is not known.
        QTest::newRow("date only")
            << u"2026-12-07 03:56:34"_s << read << u"2026-12-05"_s << 3600 << QDateTime();
        QTest::newRow("server time unknown")
            << u"03:56:34"_s << read << u"03:50:00"_s << -1 << QDateTime();
        QTest::newRow("clock a day off")
            << u"2026-12-08 12:00:00"_s << read << u"11:00:00"_s << -1 << QDateTime();
    }
    void toUtcThroughTheHostsClock()
    {
        QFETCH(QString, serverTime);
        QFETCH(QDateTime, readAt);
        QFETCH(QString, stamp);
        QFETCH(int, offset);
        QFETCH(QDateTime, utc);
        const BirdTime server = parseBirdTime(serverTime);
        const std::optional<int> found = birdUtcOffsetSecs(server, readAt);
        QCOMPARE(found.value_or(-1), offset);
        const QDateTime result = birdTimeToUtc(parseBirdTime(stamp), server, readAt);
        QCOMPARE(result, utc);
        if (result.isValid())
            QCOMPARE(result.timeSpec(), Qt::UTC);
    }

    void takeTwoTokens()
    {
        const QStringList words{u"up"_s, u"2026-11-23"_s, u"16:57:21"_s, u"Established"_s};
        qsizetype i = 1;
        const BirdTime t = takeBirdTime(words, i);
        QCOMPARE(i, 3);
        QCOMPARE(t.text, u"2026-11-23 16:57:21"_s);
        qsizetype j = 3;
        QVERIFY(!takeBirdTime(words, j).isValid());
        QCOMPARE(j, 3);
    }
};

QTEST_GUILESS_MAIN(TestBirdCommand)
#include "tst_birdcommand.moc"
