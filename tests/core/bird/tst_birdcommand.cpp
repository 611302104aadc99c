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
