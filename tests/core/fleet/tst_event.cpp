// Events between consecutive synthetic snapshots: each kind of change yields
// exactly the event that names it, and an unchanged fleet yields none.

#include "core/fleet/event.h"
#include "tests/support/syntheticfleet.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vipdeck;
using vipdeck::test::healthyFleet;
using vipdeck::test::serverIn;

namespace {

QStringList texts(const QList<FleetEvent> &events)
{
    QStringList out;
    for (const FleetEvent &e : events)
        out << eventKindName(e.kind) + u": "_s + e.text;
    out.sort();
    return out;
}

} // namespace

class TestEvent : public QObject
{
    Q_OBJECT

private slots:
    void noChangeNoEvent()
    {
        QCOMPARE(diffSnapshots(Snapshot(healthyFleet()), Snapshot(healthyFleet())).size(), 0);
    }

    void serverChanges()
    {
        const Snapshot::Data before = healthyFleet();
        Snapshot::Data after = healthyFleet();
        ServerObservation &s1 = serverIn(after, u"web"_s, u"lb1"_s, 0);
        s1.status.state = ServerState::Down;
        s1.status.raw = u"DOWN"_s;
        ServerObservation &s2 = serverIn(after, u"web"_s, u"lb2"_s, 1);
        s2.adminFlags = AdminFlag::ForcedDrain;
        s2.status.state = ServerState::Drain;
        s2.status.raw = u"DRAIN"_s;
        serverIn(after, u"tenant"_s, u"lb3"_s, 2).weight = 7;
        const QList<FleetEvent> events = diffSnapshots(Snapshot(before), Snapshot(after));
        QCOMPARE(texts(events),
                 (QStringList{
                     u"server-admin: be/s2 on lb2 (web): admin state ready → drain"_s,
                     u"server-status: be/s1 on lb1 (web): status UP → DOWN"_s,
                     // No "status UP → DRAIN" beside it: the drain is said once.
                     u"server-weight: be/s3 on lb3 (tenant): weight 1 → 7"_s,
                 }));
        for (const FleetEvent &e : events) {
            if (e.kind == FleetEvent::Kind::ServerStatus && e.server == u"s1"_s) {
                QCOMPARE(e.severity, FleetEvent::Severity::Problem);
                QCOMPARE(e.before, u"UP"_s);
                QCOMPARE(e.after, u"DOWN"_s);
                QCOMPARE(e.subject(), u"s1"_s);
            }
        }
    }

    void drainedAndDownSaysBoth()
    {
        // Drained while its checks fail: the drain, and the DOWN too.
        const Snapshot::Data before = healthyFleet();
        Snapshot::Data after = healthyFleet();
        ServerObservation &s1 = serverIn(after, u"web"_s, u"lb1"_s, 0);
        s1.adminFlags = AdminFlag::ForcedDrain;
        s1.status.state = ServerState::Down;
        s1.status.raw = u"DOWN"_s;
        QCOMPARE(texts(diffSnapshots(Snapshot(before), Snapshot(after))),
                 (QStringList{u"server-admin: be/s1 on lb1 (web): admin state ready → drain"_s,
                              u"server-status: be/s1 on lb1 (web): status UP → DOWN"_s}));
    }

    void announcementAndSessions()
    {
        const Snapshot::Data before = healthyFleet();
        Snapshot::Data after = healthyFleet();
        for (BgpSessionObservation &s : after.hosts[u"lb2"_s].bgpSessions)
            s.exportedPrefixes.clear();
        after.hosts[u"lb1"_s].bgpSessions[0].state = BgpState::Active;
        after.hosts[u"lb1"_s].bgpSessions[0].info = u"Received: Administrative shutdown"_s;
        after.hosts[u"lb3"_s].bfdSessions[0].state = BfdState::Down;
        QCOMPARE(texts(diffSnapshots(Snapshot(before), Snapshot(after))),
                 (QStringList{
                     u"bfd-session: BFD session to 127.0.20.1 on lb3: Up → Down"_s,
                     u"bgp-session: BGP session rr1 to 127.0.20.1 on lb1: Established → Active "
                     "(Received: Administrative shutdown)"_s,
                     u"vip-withdrawn: web is withdrawn on lb2"_s,
                 }));
        // ...and back.
        QCOMPARE(texts(diffSnapshots(Snapshot(after), Snapshot(before))).filter(u"vip-"_s),
                 (QStringList{u"vip-announced: web is announced by lb2"_s}));
    }

    void reloadsAndReachability()
    {
        const Snapshot::Data before = healthyFleet();
        Snapshot::Data after = healthyFleet();
        after.haproxies[Snapshot::key(u"web"_s, u"lb1"_s)].pid = 200;
        HaproxyObservation &dead = after.haproxies[Snapshot::key(u"tenant"_s, u"lb4"_s)];
        dead.error = Error(ErrorCode::NoSuchSocket, u"no such socket"_s);
        HostObservation &lb3 = after.hosts[u"lb3"_s];
        lb3.reachable = false;
        lb3.error = Error(ErrorCode::Timeout, u"timed out"_s, u"lb3"_s);
        QCOMPARE(
            texts(diffSnapshots(Snapshot(before), Snapshot(after))),
            (QStringList{
                u"haproxy-reloaded: HAProxy of web on lb1 has a new worker: pid 100 → 200"_s,
                u"haproxy-unreachable: HAProxy of tenant on lb4 stopped answering: no such socket"_s,
                u"host-unreachable: lb3 is unreachable: lb3: timed out"_s,
            }));
        QCOMPARE(texts(diffSnapshots(Snapshot(after), Snapshot(before))).filter(u"reachable"_s),
                 (QStringList{u"haproxy-reachable: HAProxy of tenant on lb4 answers again"_s,
                              u"host-reachable: lb3 is reachable again"_s}));
    }
};

QTEST_GUILESS_MAIN(TestEvent)
#include "tst_event.moc"
