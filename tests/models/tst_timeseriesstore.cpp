// TimeSeriesStore: sums per VIP over hosts, 5xx rate from cumulative
// counters (a reload's reset yields no negative rate), bounded by window and
// capacity.

#include "models/timeseriesstore.h"
#include "tests/support/syntheticfleet.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vipdeck;

class TestTimeSeriesStore : public QObject
{
    Q_OBJECT

private:
    // The synthetic fleet `secs` seconds later, with web's frontends at the given counters.
    static Snapshot at(int secs, qint64 sessions, qint64 http5xx)
    {
        Snapshot::Data data = test::healthyFleet();
        data.sequence = quint64(secs + 1);
        data.time = test::syntheticNow().addSecs(secs);
        for (const QString &host : {u"lb1"_s, u"lb2"_s}) {
            HaproxyObservation &h = data.haproxies[Snapshot::key(u"web"_s, host)];
            h.time = data.time;
            h.frontends[0].sessions = sessions;
            h.frontends[0].requestRate = 10;
            h.frontends[0].http5xx = http5xx;
        }
        return Snapshot(std::move(data));
    }

private slots:
    void sumsAndRates()
    {
        TimeSeriesStore store;
        store.append(at(0, 5, 100));
        store.append(at(2, 7, 110));
        store.append(at(2, 7, 110)); // the same snapshot again adds nothing
        const auto &web = store.series(u"web"_s);
        QCOMPARE(web.size(), size_t(2));
        QCOMPARE(web.back().sessions, 14); // two hosts
        QCOMPARE(web.back().requestRate, 20);
        QCOMPARE(web.front().http5xxPerSec, 0.0); // no previous counter
        QCOMPARE(web.back().http5xxPerSec, 10.0); // 2 hosts x 10 errors / 2 s
        // Counters reset by a reload: no negative rate.
        store.append(at(3, 7, 0));
        QCOMPARE(store.series(u"web"_s).back().http5xxPerSec, 0.0);
        QVERIFY(store.series(u"nosuchvip"_s).empty());
        QCOMPARE(store.vips().size(), 2);
    }

    void boundedByWindowAndCapacity()
    {
        TimeSeriesStore store(std::chrono::seconds(60), 20);
        for (int i = 0; i < 100; ++i)
            store.append(at(i, i, 0));
        QCOMPARE(store.series(u"web"_s).size(), size_t(20));
        QCOMPARE(store.series(u"web"_s).back().sessions, 2 * 99);

        TimeSeriesStore windowed(std::chrono::seconds(10), 1000);
        for (int i = 0; i < 100; i += 5)
            windowed.append(at(i, i, 0));
        const auto &web = windowed.series(u"web"_s);
        QVERIFY(web.back().msecs - web.front().msecs <= 10'000);
        QCOMPARE(web.size(), size_t(3)); // 85, 90, 95
    }
};

QTEST_MAIN(TestTimeSeriesStore)
#include "tst_timeseriesstore.moc"
