// LastKnownState: the previous session's state comes back stale when a fleet
// is opened, stays for the hosts that have not reported yet, steps aside once
// all did, and is saved at most every interval and on flush.

#include "core/fleet/lastknownstate.h"
#include "tests/support/fixedclock.h"
#include "tests/support/syntheticfleet.h"
#include "tests/support/testdata.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace vipdeck;
using vipdeck::test::healthyFleet;

namespace {

FleetUpdate update(const Snapshot::Data &data, const QStringList &hostsUpdated)
{
    FleetUpdate u;
    u.snapshot = Snapshot(data);
    u.verdicts = std::make_shared<const FleetVerdicts>(
        evaluateFleet(u.snapshot, vipdeck::test::syntheticNow()));
    u.hostsUpdated = hostsUpdated;
    return u;
}

const QStringList AllHosts{u"lb1"_s, u"lb2"_s, u"lb3"_s, u"lb4"_s};

} // namespace

class TestLastKnownState : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<test::TempDir>();
        m_fleet = m_dir->write(u"fleet.yaml"_s, "version: 1\n");
        m_clock = std::make_unique<test::FixedClock>(vipdeck::test::syntheticNow());
    }

    void nothingStoredShowsNothing()
    {
        LastKnownState state(SnapshotStore(m_dir->filePath(u"cache"_s)), 30s, *m_clock);
        QVERIFY(!state.open(m_fleet, healthyFleet().inventory));
        QVERIFY(!state.showsRestored());
        QVERIFY(!state.open(QString(), healthyFleet().inventory));
    }

    void previousSessionComesBackStale()
    {
        const Snapshot::Data data = healthyFleet();
        {
            LastKnownState first(SnapshotStore(m_dir->filePath(u"cache"_s)), 30s, *m_clock);
            QVERIFY(!first.open(m_fleet, data.inventory));
            first.live(update(data, AllHosts)); // the first update is saved at once
        }
        m_clock->advance(90'000);
        LastKnownState second(SnapshotStore(m_dir->filePath(u"cache"_s)), 30s, *m_clock);
        const std::optional<FleetUpdate> restored = second.open(m_fleet, data.inventory);
        QVERIFY(restored);
        QVERIFY(second.showsRestored());
        QCOMPARE(second.restoredTime(), data.time);
        const Verdict *cell = restored->verdicts->placement(u"web"_s, u"lb1"_s);
        QVERIFY(cell->stale);
        QCOMPARE(cell->ageSecs, 91); // its original time, 1 s before "now" then
        QCOMPARE(restored->snapshot.haproxy(u"web"_s, u"lb1"_s)->time,
                 data.haproxies.value(Snapshot::key(u"web"_s, u"lb1"_s)).time);
        QVERIFY(restored->events.isEmpty());
    }

    void firstPollReplacesItHostByHost()
    {
        Snapshot::Data data = healthyFleet();
        {
            LastKnownState first(SnapshotStore(m_dir->filePath(u"cache"_s)), 30s, *m_clock);
            first.open(m_fleet, data.inventory);
            first.live(update(data, AllHosts));
        }
        LastKnownState state(SnapshotStore(m_dir->filePath(u"cache"_s)), 30s, *m_clock);
        QVERIFY(state.open(m_fleet, data.inventory));

        // lb1 reports first: its data is live, the others' restored and stale.
        Snapshot::Data live = data;
        live.hosts.remove(u"lb2"_s);
        live.hosts.remove(u"lb3"_s);
        live.hosts.remove(u"lb4"_s);
        live.hosts[u"lb1"_s].routerId = u"live"_s;
        const FleetUpdate shown = state.live(update(live, {u"lb1"_s}));
        QCOMPARE(shown.snapshot.host(u"lb1"_s)->routerId, u"live"_s);
        QVERIFY(shown.snapshot.host(u"lb3"_s));
        QVERIFY(!shown.verdicts->hosts[u"lb1"_s].stale);
        QVERIFY(shown.verdicts->hosts[u"lb3"_s].stale);
        QVERIFY(state.showsRestored());

        // Everyone reported: the live update passes through untouched.
        const FleetUpdate rest = update(data, {u"lb2"_s, u"lb3"_s, u"lb4"_s});
        const FleetUpdate after = state.live(rest);
        QVERIFY(!state.showsRestored());
        QCOMPARE(after.verdicts.get(), rest.verdicts.get());
    }

    void savedAtMostEveryIntervalAndOnFlush()
    {
        Snapshot::Data data = healthyFleet();
        const SnapshotStore store(m_dir->filePath(u"cache"_s));
        LastKnownState state(store, 30s, *m_clock);
        state.open(m_fleet, data.inventory);
        data.sequence = 1;
        state.live(update(data, AllHosts));
        const auto sequence = [&] {
            state.flush(); // only waits here: nothing unsaved yet in the first check
            return (*store.load(m_fleet, data.inventory))->sequence();
        };
        QCOMPARE(sequence(), 1u);
        data.sequence = 2;
        m_clock->advance(10'000);
        state.live(update(data, AllHosts));
        data.sequence = 3;
        m_clock->advance(10'000);
        state.live(update(data, AllHosts));
        // Not yet 30 s since the last save: the file still has 1 ...
        {
            LastKnownState reader(store, 30s, *m_clock);
            QCOMPARE((*reader.open(m_fleet, data.inventory)).snapshot.sequence(), 1u);
        }
        // ... after 30 s the next update is saved ...
        data.sequence = 4;
        m_clock->advance(10'000);
        state.live(update(data, AllHosts));
        data.sequence = 5;
        state.live(update(data, AllHosts));
        state.flush();
        // ... and flush() writes the latest.
        QCOMPARE((*store.load(m_fleet, data.inventory))->sequence(), 5u);
    }

    void corruptFileIsIgnoredWithAWarning()
    {
        const SnapshotStore store(m_dir->filePath(u"cache"_s));
        QVERIFY(QDir().mkpath(store.directory()));
        QFile file(store.fileFor(m_fleet));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("\xa1\x66"
                   "format"); // a map cut short
        file.close();
        LastKnownState state(store, 30s, *m_clock);
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(u"ignoring the last known state of .*corrupt"_s));
        QVERIFY(!state.open(m_fleet, healthyFleet().inventory));
        QVERIFY(!state.showsRestored());
        // The next save replaces it.
        state.live(update(healthyFleet(), AllHosts));
        state.flush();
        QVERIFY(store.load(m_fleet, healthyFleet().inventory));
    }

private:
    std::unique_ptr<test::TempDir> m_dir;
    std::unique_ptr<test::FixedClock> m_clock;
    QString m_fleet;
};

QTEST_GUILESS_MAIN(TestLastKnownState)
#include "tst_lastknownstate.moc"
