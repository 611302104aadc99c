// The verdict rules on hand-built snapshots: each rule made true on an
// otherwise healthy fleet, checked for its health and its words.

#include "core/fleet/verdict.h"
#include "tests/support/syntheticfleet.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vipdeck;

namespace {

using vipdeck::test::healthyFleet;
using vipdeck::test::serverIn;
const QDateTime Now = vipdeck::test::syntheticNow();

bool hasReason(const Verdict &verdict, Health severity, const QString &text)
{
    for (const Reason &reason : verdict.reasons) {
        if (reason.severity == severity && reason.text.contains(text))
            return true;
    }
    return false;
}

QString describe(const Verdict &verdict)
{
    QStringList lines{healthName(verdict.health)};
    for (const Reason &reason : verdict.reasons)
        lines << healthName(reason.severity) + u": "_s + reason.text;
    return lines.join(u"\n  "_s);
}

} // namespace

class TestVerdict : public QObject
{
    Q_OBJECT

private slots:
    void healthyFleetIsHealthy()
    {
        const FleetVerdicts v = evaluateFleet(Snapshot(healthyFleet()), Now);
        for (const QString &vip : {u"web"_s, u"tenant"_s})
            QVERIFY2(v.vips[vip].health == Health::Healthy, qPrintable(describe(v.vips[vip])));
        QVERIFY(v.placement(u"web"_s, u"lb1"_s)->announced);
        QVERIFY(!v.placement(u"tenant"_s, u"lb4"_s)->announced);
        QCOMPARE(v.hosts[u"lb1"_s].health, Health::Healthy);
        QCOMPARE(v.vips[u"web"_s].ageSecs, 1);
    }

    void announcedWithoutUpServersIsCritical()
    {
        Snapshot::Data data = healthyFleet();
        for (int i = 0; i < 4; ++i)
            serverIn(data, u"web"_s, u"lb1"_s, i).status.state = ServerState::Down;
        const FleetVerdicts v = evaluateFleet(Snapshot(data), Now);
        const Verdict &cell = *v.placement(u"web"_s, u"lb1"_s);
        QCOMPARE(cell.health, Health::Critical);
        QVERIFY2(hasReason(cell, Health::Critical,
                           u"web is announced on lb1 while backend be has no UP server"_s),
                 qPrintable(describe(cell)));
        QCOMPARE(v.vips[u"web"_s].health, Health::Critical);
    }

    void withdrawnDeadBackendCostsRedundancyOnly()
    {
        Snapshot::Data data = healthyFleet();
        for (int i = 0; i < 4; ++i)
            serverIn(data, u"web"_s, u"lb1"_s, i).status.state = ServerState::Down;
        for (BgpSessionObservation &s : data.hosts[u"lb1"_s].bgpSessions)
            s.exportedPrefixes.clear();
        const FleetVerdicts v = evaluateFleet(Snapshot(data), Now);
        QCOMPARE(v.placement(u"web"_s, u"lb1"_s)->health, Health::Critical);
        const Verdict &vip = v.vips[u"web"_s];
        QCOMPARE(vip.health, Health::Degraded);
        QVERIFY2(hasReason(vip, Health::Degraded,
                           u"announced by 1 of 2 hosts (not by lb1): no redundancy"_s),
                 qPrintable(describe(vip)));
    }

    void withdrawnEverywhereIsAnOutage()
    {
        Snapshot::Data data = healthyFleet();
        for (const QString &h : {u"lb1"_s, u"lb2"_s})
            for (BgpSessionObservation &s : data.hosts[h].bgpSessions)
                s.exportedPrefixes.clear();
        const Verdict vip = evaluateFleet(Snapshot(data), Now).vips[u"web"_s];
        QCOMPARE(vip.health, Health::Critical);
        QVERIFY(
            hasReason(vip, Health::Critical, u"web is withdrawn on every host of aa: outage"_s));
        QVERIFY(!vip.announced);
    }

    void primaryBackupAnnouncedByBackupOrBoth()
    {
        Snapshot::Data backupOnly = healthyFleet();
        for (BgpSessionObservation &s : backupOnly.hosts[u"lb3"_s].bgpSessions)
            s.exportedPrefixes.clear();
        for (BgpSessionObservation &s : backupOnly.hosts[u"lb4"_s].bgpSessions)
            s.exportedPrefixes = {u"198.51.100.20/32"_s};
        const Verdict a = evaluateFleet(Snapshot(backupOnly), Now).vips[u"tenant"_s];
        QVERIFY2(hasReason(a, Health::Degraded, u"announced by backup lb4, not by primary lb3"_s),
                 qPrintable(describe(a)));

        Snapshot::Data both = healthyFleet();
        for (BgpSessionObservation &s : both.hosts[u"lb4"_s].bgpSessions)
            s.exportedPrefixes = {u"198.51.100.20/32"_s};
        const Verdict b = evaluateFleet(Snapshot(both), Now).vips[u"tenant"_s];
        QVERIFY2(hasReason(b, Health::Degraded, u"announced by lb3, lb4 at once"_s),
                 qPrintable(describe(b)));
    }

    void drainDriftBetweenHosts()
    {
        Snapshot::Data data = healthyFleet();
        serverIn(data, u"web"_s, u"lb1"_s, 1).adminFlags = AdminFlag::ForcedDrain;
        serverIn(data, u"web"_s, u"lb1"_s, 1).status.state = ServerState::Drain;
        const Verdict vip = evaluateFleet(Snapshot(data), Now).vips[u"web"_s];
        QVERIFY2(hasReason(vip, Health::Degraded, u"drift: be/s2 is drain on lb1, ready on lb2"_s),
                 qPrintable(describe(vip)));
    }

    void weightDriftBetweenHosts()
    {
        Snapshot::Data data = healthyFleet();
        serverIn(data, u"web"_s, u"lb2"_s, 0).weight = 50;
        const Verdict vip = evaluateFleet(Snapshot(data), Now).vips[u"web"_s];
        QVERIFY2(hasReason(vip, Health::Degraded,
                           u"drift: be/s1 is weight 1 on lb1, weight 50 on lb2"_s),
                 qPrintable(describe(vip)));
    }

    void belowThresholdAndDownServers()
    {
        Snapshot::Data data = healthyFleet();
        serverIn(data, u"web"_s, u"lb2"_s, 0).status.state = ServerState::Down;
        serverIn(data, u"web"_s, u"lb2"_s, 0).checkStatus = u"L4CON"_s;
        serverIn(data, u"web"_s, u"lb2"_s, 1).status.state = ServerState::Down;
        const Verdict cell = *evaluateFleet(Snapshot(data), Now).placement(u"web"_s, u"lb2"_s);
        QCOMPARE(cell.health, Health::Degraded);
        QVERIFY2(
            hasReason(cell, Health::Degraded,
                      u"backend be on lb2 has 1 usable server(s), fewer than the 2 it needs"_s),
            qPrintable(describe(cell)));
        QVERIFY(hasReason(cell, Health::Degraded, u"server be/s1 on lb2 is DOWN (L4CON)"_s));
    }

    void backupDownIsReportedNotAlarming()
    {
        Snapshot::Data data = healthyFleet();
        serverIn(data, u"web"_s, u"lb1"_s, 3).status.state = ServerState::Down;
        const Verdict cell = *evaluateFleet(Snapshot(data), Now).placement(u"web"_s, u"lb1"_s);
        QCOMPARE(cell.health, Health::Healthy);
        QVERIFY(hasReason(cell, Health::Healthy, u"backup server be/spare on lb1 is DOWN"_s));
    }

    void bgpOrBfdDownOnAnnouncingHost()
    {
        Snapshot::Data data = healthyFleet();
        data.hosts[u"lb1"_s].bgpSessions[1].state = BgpState::Active;
        data.hosts[u"lb1"_s].bgpSessions[1].info = u"Received: Administrative shutdown"_s;
        data.hosts[u"lb2"_s].bfdSessions[0].state = BfdState::Down;
        const FleetVerdicts v = evaluateFleet(Snapshot(data), Now);
        QVERIFY2(
            hasReason(
                *v.placement(u"web"_s, u"lb1"_s), Health::Degraded,
                u"BGP session rr2 to 127.0.20.1 on lb1 is Active: Received: Administrative shutdown"_s),
            qPrintable(describe(*v.placement(u"web"_s, u"lb1"_s))));
        QVERIFY(hasReason(*v.placement(u"web"_s, u"lb2"_s), Health::Degraded,
                          u"BFD session to 127.0.20.1 on lb2 is Down"_s));
        QCOMPARE(v.hosts[u"lb1"_s].health, Health::Degraded);
    }

    void unreadableIsUnknownNeverHealthy()
    {
        Snapshot::Data data = healthyFleet();
        HaproxyObservation &h = data.haproxies[Snapshot::key(u"web"_s, u"lb2"_s)];
        h.error = Error(ErrorCode::PermissionDenied, u"permission denied on /run/web.sock"_s);
        h.time = Now.addSecs(-30);
        HostObservation &lb4 = data.hosts[u"lb4"_s];
        lb4 = HostObservation{};
        lb4.host = u"lb4"_s;
        lb4.error = Error(ErrorCode::Timeout, u"connection timed out"_s, u"lb4"_s);
        const FleetVerdicts v = evaluateFleet(Snapshot(data), Now);
        const Verdict &cell = *v.placement(u"web"_s, u"lb2"_s);
        QCOMPARE(cell.health, Health::Unknown);
        QVERIFY2(
            hasReason(
                cell, Health::Unknown,
                u"could not be read: permission denied on /run/web.sock; its data is 30 second(s) old"_s),
            qPrintable(describe(cell)));
        QCOMPARE(v.vips[u"web"_s].health, Health::Unknown);
        QCOMPARE(v.hosts[u"lb4"_s].health, Health::Unknown);
        QVERIFY(hasReason(v.hosts[u"lb4"_s], Health::Unknown,
                          u"lb4 is unreachable: lb4: connection timed out"_s));
        QCOMPARE(v.placement(u"tenant"_s, u"lb4"_s)->health, Health::Unknown);
    }

    void staleDataIsUnknownWithItsAge()
    {
        Snapshot::Data data = healthyFleet();
        data.haproxies[Snapshot::key(u"web"_s, u"lb1"_s)].time = Now.addSecs(-600);
        const Verdict cell = *evaluateFleet(Snapshot(data), Now).placement(u"web"_s, u"lb1"_s);
        QCOMPARE(cell.health, Health::Unknown);
        QVERIFY(cell.stale);
        QCOMPARE(cell.ageSecs, 600);
        QVERIFY2(hasReason(cell, Health::Unknown, u"is 10 minute(s) old"_s),
                 qPrintable(describe(cell)));
    }

    void neverReadIsUnknown()
    {
        Snapshot::Data data = healthyFleet();
        data.haproxies.clear();
        data.hosts.clear();
        const FleetVerdicts v = evaluateFleet(Snapshot(data), Now);
        for (const Verdict &verdict : v.vips)
            QCOMPARE(verdict.health, Health::Unknown);
        for (const Verdict &verdict : v.hosts)
            QCOMPARE(verdict.health, Health::Unknown);
    }

    void reasonsAreWorstFirst()
    {
        Verdict verdict;
        verdict.health = Health::Healthy;
        verdict.add(Health::Healthy, u"a"_s);
        verdict.add(Health::Critical, u"b"_s);
        verdict.add(Health::Degraded, u"c"_s);
        verdict.add(Health::Critical, u"d"_s);
        QStringList order;
        for (const Reason &r : verdict.reasons)
            order << r.text;
        QCOMPARE(order, (QStringList{u"b"_s, u"d"_s, u"c"_s, u"a"_s}));
        QCOMPARE(verdict.health, Health::Critical);
        QCOMPARE(verdict.summary(), u"b"_s);
    }
};

QTEST_GUILESS_MAIN(TestVerdict)
#include "tst_verdict.moc"
