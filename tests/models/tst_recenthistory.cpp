// RecentHistory: the Events tab's rows and the charts' points of the last
// hour survive a restart of the console: saved from one pair of models,
// restored into fresh ones, older than the window dropped, a damaged or
// foreign file refused without adding anything.

#include "models/eventlogmodel.h"
#include "models/recenthistory.h"
#include "models/timeseriesstore.h"
#include "tests/models/fleetupdates.h"
#include "tests/support/fixedclock.h"
#include "tests/support/syntheticfleet.h"
#include "tests/support/testdata.h"

#include <QCborMap>
#include <QCborValue>
#include <QFile>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vipdeck;

namespace {

FleetEvent serverDown(const QDateTime &time, const QString &server, const QString &text)
{
    FleetEvent e;
    e.time = time;
    e.kind = FleetEvent::Kind::ServerStatus;
    e.severity = FleetEvent::Severity::Problem;
    e.host = u"lb1"_s;
    e.vip = u"web"_s;
    e.backend = u"be"_s;
    e.server = server;
    e.before = u"UP"_s;
    e.after = u"DOWN"_s;
    e.text = text;
    return e;
}

} // namespace

class TestRecentHistory : public QObject
{
    Q_OBJECT

private slots:
    void survivesARestart()
    {
        test::TempDir dir;
        const QDateTime start = test::syntheticNow();
        test::FixedClock clock(start);
        const RecentHistory history(dir.path(), std::chrono::hours(1), clock);

        // The session before: an event 2 h ago, one 10 min ago (with an
        // umlaut), and the charts of a few polls.
        EventLogModel events;
        TimeSeriesStore series;
        events.addEvents({serverDown(start.addSecs(-7200), u"s0"_s, u"old"_s),
                          serverDown(start.addSecs(-600), u"s1"_s, u"s1 ist DOWN (Prüfung)"_s)});
        for (int i = 0; i < 5; ++i) {
            Snapshot::Data data = test::healthyFleet();
            data.time = start.addSecs(-300 + i * 2);
            for (HaproxyObservation &h : data.haproxies)
                h.time = data.time;
            series.append(Snapshot(data));
        }
        QVERIFY(!series.series(u"web"_s).empty());
        QVERIFY(history.save(u"/etc/vipdeck/fleet.yaml"_s, events, series));
        QVERIFY(QFile::exists(history.fileFor(u"/etc/vipdeck/fleet.yaml"_s)));

        // The console starts again 5 minutes later.
        clock.advance(300'000);
        EventLogModel restoredEvents;
        TimeSeriesStore restoredSeries;
        const Result<int> restored =
            history.restore(u"/etc/vipdeck/fleet.yaml"_s, restoredEvents, restoredSeries);
        if (!restored)
            QFAIL(qPrintable(restored.error().toString()));
        QCOMPARE(*restored, 1); // the 2 h old event is out of the window
        QCOMPARE(restoredEvents.rowCount(), 1);
        QCOMPARE(restoredEvents.event(0).text, u"s1 ist DOWN (Prüfung)"_s);
        QCOMPARE(restoredEvents.event(0).time, start.addSecs(-600));
        QCOMPARE(restoredEvents.event(0).severity, FleetEvent::Severity::Problem);
        QCOMPARE(restoredEvents.event(0).server, u"s1"_s);
        const auto &before = series.series(u"web"_s);
        const auto &after = restoredSeries.series(u"web"_s);
        QCOMPARE(after.size(), before.size());
        for (size_t i = 0; i < after.size(); ++i) {
            QCOMPARE(after[i].msecs, before[i].msecs);
            QCOMPARE(after[i].sessions, before[i].sessions);
            QCOMPARE(after[i].http5xxPerSec, before[i].http5xxPerSec);
        }

        // Another fleet file has nothing stored.
        EventLogModel none;
        TimeSeriesStore noSeries;
        QCOMPARE(*history.restore(u"/etc/vipdeck/other.yaml"_s, none, noSeries), 0);
        QCOMPARE(none.rowCount(), 0);
    }

    void damagedOrForeignFilesAddNothing()
    {
        test::TempDir dir;
        test::FixedClock clock(test::syntheticNow());
        const RecentHistory history(dir.path(), std::chrono::hours(1), clock);
        EventLogModel events;
        TimeSeriesStore series;
        events.addEvents({serverDown(clock.now(), u"s1"_s, u"x"_s)});
        QVERIFY(history.save(u"f.yaml"_s, events, series));
        const QString path = history.fileFor(u"f.yaml"_s);

        // Cut in half: not CBOR any more.
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        const QByteArray bytes = file.readAll();
        QVERIFY(file.resize(bytes.size() / 2));
        file.close();
        EventLogModel fresh;
        TimeSeriesStore freshSeries;
        Result<int> restored = history.restore(u"f.yaml"_s, fresh, freshSeries);
        QVERIFY(!restored);
        QCOMPARE(restored.error().code, ErrorCode::Parse);
        QCOMPARE(fresh.rowCount(), 0);

        // Written by another format version.
        QCborMap root = QCborValue::fromCbor(bytes).toMap();
        root.insert(u"format"_s, RecentHistory::FormatVersion + 1);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(root.toCborValue().toCbor());
        file.close();
        restored = history.restore(u"f.yaml"_s, fresh, freshSeries);
        QVERIFY(!restored);
        QCOMPARE(restored.error().code, ErrorCode::Unsupported);
        QCOMPARE(fresh.rowCount(), 0);

        // A VIP's packed points cut in the middle of a point.
        root.insert(u"format"_s, RecentHistory::FormatVersion);
        root.insert(u"series"_s, QCborMap{{u"web"_s, QByteArray(32 + 7, '\0')}});
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(root.toCborValue().toCbor());
        file.close();
        restored = history.restore(u"f.yaml"_s, fresh, freshSeries);
        QVERIFY(!restored);
        QCOMPARE(restored.error().code, ErrorCode::Parse);
        QCOMPARE(fresh.rowCount(), 0);
    }
};

QTEST_MAIN(TestRecentHistory)
#include "tst_recenthistory.moc"
