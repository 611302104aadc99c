// FleetPoller against the lab through real SSH: a full round reads every VIP
// on every host and finds the fleet healthy and announced; a killed HAProxy
// and a frozen sshd show up as unknown with their reasons while the other
// host keeps being read, and healing brings them back.

#include "core/fleet/fleetpoller.h"
#include "core/inventory/inventoryloader.h"
#include "tests/support/futurewait.h"
#include "tests/support/lab.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vipdeck;
using vipdeck::test::Lab;
using vipdeck::test::LabFault;

namespace {

FleetUpdate waitFor(const QFuture<FleetUpdate> &future)
{
    const std::optional<FleetUpdate> update =
        vipdeck::test::waitForFuture(future, std::chrono::minutes(1));
    if (!update)
        qFatal("poll round did not finish within a minute");
    return *update;
}

// Polls until `condition` holds for an update, or the deadline passes.
template <typename Condition>
FleetUpdate pollUntil(FleetPoller &poller, Condition condition, int timeoutMs = 30'000)
{
    QElapsedTimer timer;
    timer.start();
    FleetUpdate update;
    do {
        update = waitFor(poller.pollOnce());
        if (condition(update))
            return update;
    } while (timer.elapsed() < timeoutMs);
    return update;
}

QString reasons(const Verdict *verdict)
{
    QStringList out;
    if (!verdict)
        return u"(no verdict)"_s;
    for (const Reason &reason : verdict->reasons)
        out << healthName(reason.severity) + u": "_s + reason.text;
    return healthName(verdict->health) + u"\n  "_s + out.join(u"\n  "_s);
}

} // namespace

class TestFleetPoller : public QObject
{
    Q_OBJECT

private:
    Lab m_lab = Lab::fromEnvironment();
    Inventory m_inventory;

private slots:
    void initTestCase()
    {
        QVERIFY2(m_lab.isAvailable(), "run through ctest: needs the lab fixture");
        const LoadedInventory loaded = loadInventory(m_lab.fleetFile());
        QVERIFY2(loaded.ok(), qPrintable(loaded.diagnostics.value(0).toString()));
        m_inventory = *loaded.inventory;
    }

    void fullRoundIsHealthyAndAnnounced()
    {
        FleetPoller poller(m_inventory, sshTransportFactory());
        const FleetUpdate update = pollUntil(poller, [](const FleetUpdate &u) {
            for (const Verdict &v : u.verdicts->vips)
                if (v.health != Health::Healthy)
                    return false;
            return true;
        });
        const QJsonObject lab = m_lab.state();
        for (const Vip &vip : m_inventory.vips()) {
            QCOMPARE(vip.placements.size(), 2);
            const Verdict &verdict = update.verdicts->vips[vip.name];
            QVERIFY2(verdict.health == Health::Healthy,
                     qPrintable(vip.name + u": "_s + reasons(&verdict)));
            for (const Placement &placement : vip.placements) {
                const HaproxyObservation *h = update.snapshot.haproxy(vip.name, placement.host);
                QVERIFY(h && h->hasData() && !h->error);
                QVERIFY(h->pid > 0);
                QVERIFY(h->version.startsWith(u"2.6"_s));
                QVERIFY(update.verdicts->placement(vip.name, placement.host)->announced);
            }
        }
        // Every server the lab runs appears on both hosts.
        const QJsonObject servers = lab.value(u"servers"_s).toObject();
        for (auto it = servers.begin(); it != servers.end(); ++it) {
            const QString vip = it.value().toObject().value(u"vip"_s).toString();
            const QString backend = it.value().toObject().value(u"backend"_s).toString();
            for (const QString &host : {u"lb1"_s, u"lb2"_s}) {
                const BackendObservation *be = update.snapshot.haproxy(vip, host)->backend(backend);
                QVERIFY2(be, qPrintable(vip + u'/' + backend));
                QVERIFY(
                    std::any_of(be->servers.cbegin(), be->servers.cend(),
                                [&](const ServerObservation &s) { return s.name == it.key(); }));
            }
        }
        const HostObservation *lb1 = update.snapshot.host(u"lb1"_s);
        QVERIFY(lb1 && lb1->reachable && !lb1->error);
        QCOMPARE(lb1->bgpSessions.size(), 2);
        for (const BgpSessionObservation &s : lb1->bgpSessions)
            QCOMPARE(s.state, BgpState::Established);
        QVERIFY(lb1->birdVersion.startsWith(u"2.0"_s));
    }

    void killedHaproxyIsUnknownThenRecovers()
    {
        FleetPoller poller(m_inventory, sshTransportFactory());
        waitFor(poller.pollOnce());
        {
            LabFault fault(m_lab, {u"haproxy-kill"_s, u"lb1"_s, u"web"_s});
            QVERIFY2(fault.injected(), qPrintable(fault.output()));
            const FleetUpdate update = pollUntil(poller, [](const FleetUpdate &u) {
                const Verdict *v = u.verdicts->placement(u"web"_s, u"lb1"_s);
                return v && v->health == Health::Unknown;
            });
            const Verdict *cell = update.verdicts->placement(u"web"_s, u"lb1"_s);
            QVERIFY2(cell->health == Health::Unknown, qPrintable(reasons(cell)));
            QVERIFY2(
                cell->reasons.first().text.contains(u"HAProxy of web on lb1 could not be read"_s),
                qPrintable(reasons(cell)));
            // The same VIP on lb2 and the other VIPs on lb1 are still read.
            QVERIFY(!update.snapshot.haproxy(u"web"_s, u"lb2"_s)->error);
            QVERIFY(!update.snapshot.haproxy(u"api"_s, u"lb1"_s)->error);
        }
        const FleetUpdate healed = pollUntil(poller, [](const FleetUpdate &u) {
            const Verdict *v = u.verdicts->placement(u"web"_s, u"lb1"_s);
            return v && v->health == Health::Healthy;
        });
        QVERIFY2(healed.verdicts->placement(u"web"_s, u"lb1"_s)->health == Health::Healthy,
                 qPrintable(reasons(healed.verdicts->placement(u"web"_s, u"lb1"_s))));
    }

    void hungBirdLeavesItsHaproxyFresh()
    {
        // BIRD of lb2 is SIGSTOPped.  Each read is its own unit: lb2's HAProxy
        // keeps being read every interval while the BIRD read waits for its
        // deadline, and lb2 stays reachable with only its BGP state unknown.
        LabFault fault(m_lab, {u"bird-freeze"_s, u"lb2"_s});
        QVERIFY2(fault.injected(), qPrintable(fault.output()));
        FleetPoller poller(m_inventory, sshTransportFactory());
        QSignalSpy spy(&poller, &FleetPoller::updated);
        poller.start();
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const HostObservation *h = poller.latest().snapshot.host(u"lb2"_s);
                return h && h->error;
            }(),
            60'000);
        poller.stop();
        // The HAProxy readings of web on lb2 merged before BIRD's answer (its
        // deadline, 10 s) came: with a 2 s interval, several.
        QSet<QDateTime> readings;
        for (const QList<QVariant> &args : std::as_const(spy)) {
            const FleetUpdate update = args.at(0).value<FleetUpdate>();
            const HostObservation *h = update.snapshot.host(u"lb2"_s);
            if (h && h->error)
                break;
            if (const HaproxyObservation *o = update.snapshot.haproxy(u"web"_s, u"lb2"_s);
                o && o->hasData())
                readings.insert(o->time);
        }
        QVERIFY2(readings.size() >= 2, qPrintable(QString::number(readings.size())));

        const FleetUpdate update = poller.latest();
        const HostObservation *lb2 = update.snapshot.host(u"lb2"_s);
        QVERIFY(lb2->reachable);
        QVERIFY2(lb2->error->where.endsWith(u"bird.ctl"_s), qPrintable(lb2->error->toString()));
        // What lb2 announces is what the lab's route reflectors (observers)
        // hold, never what its unread BIRD last said (tst_clilab checks the
        // same fleet without observers: unknown).
        const Verdict *cell = update.verdicts->placement(u"web"_s, u"lb2"_s);
        QVERIFY(cell->announcementFromFabric);
        QVERIFY(cell->announcement != Announcement::Unknown);
        QVERIFY(!update.snapshot.haproxy(u"web"_s, u"lb2"_s)->error);
        QCOMPARE(update.verdicts->placement(u"web"_s, u"lb1"_s)->health, Health::Healthy);
    }

    void reconnectUnreachableSeesAHostThatIsBack()
    {
        FleetPoller poller(m_inventory, sshTransportFactory());
        {
            LabFault fault(m_lab, {u"sshd-stop"_s, u"lb2"_s});
            QVERIFY2(fault.injected(), qPrintable(fault.output()));
            // Two failed rounds: lb2's transport backs off.
            for (int i = 0; i < 2; ++i) {
                const FleetUpdate down = waitFor(poller.pollOnce());
                QVERIFY(!down.snapshot.host(u"lb2"_s)->reachable);
            }
            QCOMPARE(poller.transport(u"lb2"_s)->status().state, TransportState::Failed);
            QString output;
            QCOMPARE(m_lab.run({u"heal"_s, u"sshd-stop"_s, u"lb2"_s}, &output), 0);
        }
        // Without waiting for the backoff, the next round reaches lb2.
        poller.reconnectUnreachable();
        const FleetUpdate back = waitFor(poller.pollOnce());
        QVERIFY2(back.snapshot.host(u"lb2"_s)->reachable,
                 qPrintable(back.snapshot.host(u"lb2"_s)->error
                                ? back.snapshot.host(u"lb2"_s)->error->toString()
                                : QString()));
    }

    void frozenHostDoesNotDelayTheOther()
    {
        // A frozen sshd listener accepts TCP and never answers: a new
        // connection to lb2 hangs until the connect timeout (the fleet's 5 s).
        LabFault fault(m_lab, {u"sshd-freeze"_s, u"lb2"_s});
        QVERIFY2(fault.injected(), qPrintable(fault.output()));
        FleetPoller poller(m_inventory, sshTransportFactory());

        QSignalSpy spy(&poller, &FleetPoller::updated);
        poller.start();
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                int lb1Rounds = 0;
                for (const QList<QVariant> &args : spy)
                    lb1Rounds += args.at(0).value<FleetUpdate>().hostsUpdated.contains(u"lb1"_s);
                return lb1Rounds >= 3;
            }(),
            20'000);
        // lb2's first round fails once its connect timeout (5 s) has passed.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const HostObservation *h = poller.latest().snapshot.host(u"lb2"_s);
                return h && h->error;
            }(),
            30'000);
        poller.stop();
        const FleetUpdate update = poller.latest();
        const HostObservation *lb2 = update.snapshot.host(u"lb2"_s);
        QVERIFY(lb2 && lb2->error);
        QVERIFY2(lb2->error->code == ErrorCode::Timeout ||
                     lb2->error->code == ErrorCode::Disconnected ||
                     lb2->error->code == ErrorCode::ConnectFailed,
                 qPrintable(lb2->error->toString()));
        QVERIFY2(lb2->error->toString().contains(u"lb2"_s), qPrintable(lb2->error->toString()));
        QVERIFY(!update.snapshot.haproxy(u"web"_s, u"lb1"_s)->error);
        QCOMPARE(update.verdicts->placement(u"web"_s, u"lb1"_s)->health, Health::Healthy);
        QCOMPARE(update.verdicts->placement(u"web"_s, u"lb2"_s)->health, Health::Unknown);
        QCOMPARE(update.verdicts->hosts[u"lb2"_s].health, Health::Unknown);
    }
};

QTEST_GUILESS_MAIN(TestFleetPoller)
#include "tst_fleetpoller.moc"
