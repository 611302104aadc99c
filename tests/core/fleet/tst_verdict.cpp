// The verdict rules on hand-built snapshots: each rule made true on an
// otherwise healthy fleet, checked for its health and its words.

#include "core/fleet/servicepath.h"
#include "core/fleet/verdict.h"
#include "core/inventory/inventoryloader.h"
#include "tests/support/syntheticfleet.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vipdeck;

namespace {

using vipdeck::test::healthyFleet;
using vipdeck::test::observedFleet;
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

// web's HAProxy as real configurations have it: the VIP's frontend routes to
// `be`, whose servers track the health-only backend `hc`; a stats listener.
const QByteArray WebConfig = R"(global
    stats socket /run/haproxy/web.sock level admin
defaults
    mode http
frontend fe
    bind 203.0.113.10:80
    default_backend be
backend be
    server s1 10.0.0.1:80 track hc/s1
    server s2 10.0.0.2:80 track hc/s2
    server s3 10.0.0.3:80 track hc/s3
    server spare 10.0.0.4:80 backup check
backend hc
    option httpchk GET /health
    server s1 10.0.0.1:80 check
    server s2 10.0.0.2:80 check
    server s3 10.0.0.3:80 check
listen stats
    bind 127.0.0.1:8404
    stats enable
    stats uri /
)";

// Adds the stats listener (no servers) and `hc` (all of its servers in
// `state`) to web on both hosts, as `show stat` lists them.
void addAuxiliaryBackends(Snapshot::Data &data, ServerState hcState)
{
    for (const QString &h : {u"lb1"_s, u"lb2"_s}) {
        HaproxyObservation &haproxy = data.haproxies[Snapshot::key(u"web"_s, h)];
        FrontendObservation stats;
        stats.name = u"stats"_s;
        stats.open = true;
        haproxy.frontends << stats;
        BackendObservation statsBackend;
        statsBackend.name = u"stats"_s;
        statsBackend.up = true;
        haproxy.backends << statsBackend;
        BackendObservation hc;
        hc.name = u"hc"_s;
        hc.up = hcState == ServerState::Up;
        for (const QString &name : {u"s1"_s, u"s2"_s, u"s3"_s}) {
            ServerObservation server = haproxy.backends[0].servers[0];
            server.backend = u"hc"_s;
            server.name = name;
            server.status.state = hcState;
            server.checkStatus = hcState == ServerState::Up ? u"L7OK"_s : u"L7STS"_s;
            hc.servers << server;
        }
        haproxy.backends << hc;
    }
}

// The classification the poller would attach after reading WebConfig.
void classifyWeb(Snapshot::Data &data)
{
    const Vip *web = data.inventory.vip(u"web"_s);
    for (const QString &h : {u"lb1"_s, u"lb2"_s}) {
        const ServicePath path = classifyServicePath(QList<ConfigFile>{{u"web.cfg"_s, WebConfig}},
                                                     web, *data.inventory.placement(u"web"_s, h));
        QVERIFY2(path.classification, qPrintable(path.error ? path.error->toString() : QString()));
        data.haproxies[Snapshot::key(u"web"_s, h)].classification = path.classification;
    }
}

bool anyReasonMentions(const Verdict &verdict, const QString &text)
{
    for (const Reason &reason : verdict.reasons) {
        if (reason.text.contains(text))
            return true;
    }
    return false;
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
                u"BGP session rr2 to 127.0.20.2 on lb1 is Active: Received: Administrative shutdown"_s),
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

    void unreachableHostsAnnouncementIsUnknownNotWithdrawn()
    {
        // lb2 cannot be read: it keeps its last data, which said announced.
        Snapshot::Data data = healthyFleet();
        HostObservation &lb2 = data.hosts[u"lb2"_s];
        lb2.reachable = false;
        lb2.error = Error(ErrorCode::ConnectFailed, u"connection refused"_s, u"lb2"_s);
        const FleetVerdicts v = evaluateFleet(Snapshot(data), Now);
        const Verdict &cell = *v.placement(u"web"_s, u"lb2"_s);
        QCOMPARE(cell.announcement, Announcement::Unknown);
        QVERIFY2(
            cell.announcementUnknownWhy.contains(u"lb2 is unreachable: lb2: connection refused"_s),
            qPrintable(cell.announcementUnknownWhy));
        QCOMPARE(v.placement(u"web"_s, u"lb1"_s)->announcement, Announcement::Announced);
        const Verdict &vip = v.vips[u"web"_s];
        QCOMPARE(vip.announcement, Announcement::Announced);
        QVERIFY2(hasReason(vip, Health::Unknown,
                           u"whether lb2 announce(s) web is unknown: outage and redundancy are "
                           "not judged"_s),
                 qPrintable(describe(vip)));
        QVERIFY2(!anyReasonMentions(vip, u"no redundancy"_s), qPrintable(describe(vip)));

        // Both hosts unreadable, lb1 last seen withdrawn: still no outage claimed.
        HostObservation &lb1 = data.hosts[u"lb1"_s];
        for (BgpSessionObservation &s : lb1.bgpSessions)
            s.exportedPrefixes.clear();
        lb1.error = Error(ErrorCode::Timeout, u"BIRD did not answer"_s, u"lb1"_s);
        const FleetVerdicts both = evaluateFleet(Snapshot(data), Now);
        QCOMPARE(both.vips[u"web"_s].announcement, Announcement::Unknown);
        QVERIFY2(!anyReasonMentions(both.vips[u"web"_s], u"withdrawn on every host"_s),
                 qPrintable(describe(both.vips[u"web"_s])));
        QCOMPARE(both.placement(u"web"_s, u"lb1"_s)->announcement, Announcement::Unknown);
        QVERIFY(both.placement(u"web"_s, u"lb1"_s)
                    ->announcementUnknownWhy.contains(u"BIRD on lb1 could not be read"_s));
    }

    void observersAddTheFabricsView()
    {
        const FleetVerdicts v = evaluateFleet(Snapshot(observedFleet()), Now);
        for (const QString &vip : {u"web"_s, u"tenant"_s})
            QVERIFY2(v.vips[vip].health == Health::Healthy, qPrintable(describe(v.vips[vip])));
        const QStringList both{u"rr1"_s, u"rr2"_s};
        QCOMPARE(v.placement(u"web"_s, u"lb1"_s)->heldBy, both);
        QCOMPARE(v.placement(u"web"_s, u"lb2"_s)->heldBy, both);    // by next hop
        QCOMPARE(v.placement(u"tenant"_s, u"lb3"_s)->heldBy, both); // by originator id
        QCOMPARE(v.placement(u"tenant"_s, u"lb4"_s)->notHeldBy, both);
        QVERIFY(!v.placement(u"web"_s, u"lb1"_s)->announcementFromFabric);
        QCOMPARE(v.observers[u"rr1"_s].health, Health::Healthy);
    }

    void unreachableHostIsResolvedByTheFabric()
    {
        Snapshot::Data data = observedFleet();
        HostObservation &lb2 = data.hosts[u"lb2"_s];
        lb2.reachable = false;
        lb2.error = Error(ErrorCode::ConnectFailed, u"connection refused"_s, u"lb2"_s);
        const FleetVerdicts v = evaluateFleet(Snapshot(data), Now);
        const Verdict &cell = *v.placement(u"web"_s, u"lb2"_s);
        QCOMPARE(cell.announcement, Announcement::Announced);
        QVERIFY(cell.announcementFromFabric);
        QVERIFY2(anyReasonMentions(cell, u"lb2 is unreachable, but rr1, rr2 still hold(s) lb2's "
                                         "path for web: traffic still reaches lb2"_s),
                 qPrintable(describe(cell)));
        const Verdict &vip = v.vips[u"web"_s];
        QCOMPARE(vip.announcement, Announcement::Announced);
        QVERIFY2(!anyReasonMentions(vip, u"is unknown"_s), qPrintable(describe(vip)));
        QVERIFY2(!anyReasonMentions(vip, u"no redundancy"_s), qPrintable(describe(vip)));

        // lb3 unreachable since start: only its bird.router_id names its path.
        HostObservation &lb3 = data.hosts[u"lb3"_s];
        lb3 = HostObservation{};
        lb3.host = u"lb3"_s;
        lb3.error = Error(ErrorCode::ConnectFailed, u"connection refused"_s, u"lb3"_s);
        const FleetVerdicts v3 = evaluateFleet(Snapshot(data), Now);
        QCOMPARE(v3.placement(u"tenant"_s, u"lb3"_s)->announcement, Announcement::Announced);
        QVERIFY(v3.placement(u"tenant"_s, u"lb3"_s)->announcementFromFabric);
    }

    void unreachableHostWithdrawnAsTheFabricSeesIt()
    {
        Snapshot::Data data = observedFleet();
        data.hosts[u"lb2"_s].reachable = false;
        data.hosts[u"lb2"_s].error =
            Error(ErrorCode::ConnectFailed, u"connection refused"_s, u"lb2"_s);
        for (ObserverObservation &o : data.observers)
            o.paths[u"203.0.113.10/32"_s].removeLast(); // lb2's path
        const FleetVerdicts v = evaluateFleet(Snapshot(data), Now);
        const Verdict &cell = *v.placement(u"web"_s, u"lb2"_s);
        QCOMPARE(cell.announcement, Announcement::Withdrawn);
        QVERIFY(cell.announcementFromFabric);
        QVERIFY2(anyReasonMentions(cell, u"lb2 is unreachable, and no observer (rr1, rr2) holds "
                                         "a path from lb2 for web: withdrawn as the fabric sees "
                                         "it"_s),
                 qPrintable(describe(cell)));
        QVERIFY2(hasReason(v.vips[u"web"_s], Health::Degraded,
                           u"web is announced by 1 of 2 hosts (not by lb2): no redundancy"_s),
                 qPrintable(describe(v.vips[u"web"_s])));

        // One observer unread: the other's "no path" is not enough.
        data.observers[u"rr2"_s].error = Error(ErrorCode::Timeout, u"no answer"_s, u"rr2"_s);
        const FleetVerdicts half = evaluateFleet(Snapshot(data), Now);
        const Verdict &unknown = *half.placement(u"web"_s, u"lb2"_s);
        QCOMPARE(unknown.announcement, Announcement::Unknown);
        QVERIFY2(unknown.announcementUnknownWhy.contains(
                     u"rr1 hold(s) no path from lb2, rr2 could not be read"_s),
                 qPrintable(unknown.announcementUnknownWhy));
        QCOMPARE(half.observers[u"rr2"_s].health, Health::Unknown);
        QVERIFY(hasReason(half.vips[u"web"_s], Health::Unknown,
                          u"whether lb2 announce(s) web is unknown"_s));
    }

    void exportedButNotReceivedByAnyObserver()
    {
        Snapshot::Data data = observedFleet();
        for (ObserverObservation &o : data.observers)
            o.paths[u"203.0.113.10/32"_s].removeFirst(); // lb1's path
        const FleetVerdicts v = evaluateFleet(Snapshot(data), Now);
        const Verdict &cell = *v.placement(u"web"_s, u"lb1"_s);
        QCOMPARE(cell.health, Health::Degraded);
        QVERIFY2(hasReason(cell, Health::Degraded,
                           u"BIRD on lb1 exports web, but no observer (rr1, rr2) received it"_s),
                 qPrintable(describe(cell)));
        QCOMPARE(cell.announcement, Announcement::Announced); // what lb1 says

        // Observers read before the host: a change in between is no disagreement.
        for (ObserverObservation &o : data.observers)
            o.time = data.hosts[u"lb1"_s].time.addMSecs(-500);
        const FleetVerdicts before = evaluateFleet(Snapshot(data), Now);
        const Verdict &earlier = *before.placement(u"web"_s, u"lb1"_s);
        QVERIFY2(!anyReasonMentions(earlier, u"received it"_s), qPrintable(describe(earlier)));
    }

    void withdrawnButStillHeldByAnObserver()
    {
        Snapshot::Data data = observedFleet();
        for (BgpSessionObservation &s : data.hosts[u"lb1"_s].bgpSessions)
            s.exportedPrefixes.clear();
        const FleetVerdicts v = evaluateFleet(Snapshot(data), Now);
        const Verdict &cell = *v.placement(u"web"_s, u"lb1"_s);
        QCOMPARE(cell.announcement, Announcement::Withdrawn);
        QVERIFY2(hasReason(cell, Health::Degraded,
                           u"BIRD on lb1 does not export web, but rr1, rr2 still hold(s) lb1's "
                           "path for it: traffic may still reach lb1"_s),
                 qPrintable(describe(cell)));
    }

    void outageIsConfirmedByTheObservers()
    {
        Snapshot::Data data = observedFleet();
        for (const QString &h : {u"lb1"_s, u"lb2"_s}) {
            for (BgpSessionObservation &s : data.hosts[h].bgpSessions)
                s.exportedPrefixes.clear();
        }
        for (ObserverObservation &o : data.observers)
            o.paths[u"203.0.113.10/32"_s].clear();
        const FleetVerdicts v = evaluateFleet(Snapshot(data), Now);
        QVERIFY2(hasReason(v.vips[u"web"_s], Health::Critical,
                           u"web is withdrawn on every host of aa: outage (confirmed by rr1, rr2: "
                           "no path for it)"_s),
                 qPrintable(describe(v.vips[u"web"_s])));

        // An observer that still holds a path says so.
        ObservedPath zombie;
        zombie.from = u"127.0.10.1"_s;
        data.observers[u"rr1"_s].paths[u"203.0.113.10/32"_s] = {zombie};
        const FleetVerdicts held = evaluateFleet(Snapshot(data), Now);
        QVERIFY2(hasReason(held.vips[u"web"_s], Health::Critical,
                           u"outage (but rr1 still hold(s) a path for it)"_s),
                 qPrintable(describe(held.vips[u"web"_s])));
    }

    void unreachableObserverIsUnknown()
    {
        Snapshot::Data data = observedFleet();
        ObserverObservation &rr1 = data.observers[u"rr1"_s];
        rr1.reachable = false;
        rr1.error = Error(ErrorCode::ConnectFailed, u"connection refused"_s, u"rr1"_s);
        const FleetVerdicts v = evaluateFleet(Snapshot(data), Now);
        QCOMPARE(v.observers[u"rr1"_s].health, Health::Unknown);
        QVERIFY2(hasReason(v.observers[u"rr1"_s], Health::Unknown,
                           u"observer rr1 is unreachable: rr1: connection refused"_s),
                 qPrintable(describe(v.observers[u"rr1"_s])));
        // Its view is left out; the rest stays as it was.
        QCOMPARE(v.placement(u"web"_s, u"lb1"_s)->heldBy, QStringList{u"rr2"_s});
        QCOMPARE(v.placement(u"web"_s, u"lb1"_s)->observersUnread, QStringList{u"rr1"_s});
        QCOMPARE(v.vips[u"web"_s].health, Health::Healthy);
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

    void auxiliaryBackendsNeverLoseTraffic()
    {
        Snapshot::Data data = healthyFleet();
        addAuxiliaryBackends(data, ServerState::Down);
        classifyWeb(data);
        const FleetVerdicts v = evaluateFleet(Snapshot(data), Now);
        const Verdict &cell = *v.placement(u"web"_s, u"lb1"_s);
        // The stats listener has no servers and the health-only backend is
        // DOWN, but `be` is UP: degraded, never critical, and it says why.
        QCOMPARE(cell.health, Health::Degraded);
        QVERIFY2(
            hasReason(cell, Health::Degraded,
                      u"backend hc on lb1 has no UP server, but it is a health-only backend"_s),
            qPrintable(describe(cell)));
        QVERIFY2(!anyReasonMentions(cell, u"traffic is lost"_s), qPrintable(describe(cell)));
        QVERIFY2(!anyReasonMentions(cell, u"backend stats"_s), qPrintable(describe(cell)));
        QVERIFY2(hasReason(cell, Health::Healthy, u"server hc/s1 on lb1 is DOWN (L7STS) (in a"_s),
                 qPrintable(describe(cell)));
        QCOMPARE(v.vips[u"web"_s].health, Health::Degraded);
    }

    void serviceBackendFailureStaysCritical()
    {
        Snapshot::Data data = healthyFleet();
        addAuxiliaryBackends(data, ServerState::Up);
        classifyWeb(data);
        for (int i = 0; i < 4; ++i)
            serverIn(data, u"web"_s, u"lb1"_s, i).status.state = ServerState::Down;
        const FleetVerdicts v = evaluateFleet(Snapshot(data), Now);
        const Verdict &cell = *v.placement(u"web"_s, u"lb1"_s);
        QCOMPARE(cell.health, Health::Critical);
        QVERIFY2(hasReason(cell, Health::Critical,
                           u"web is announced on lb1 while backend be has no UP server: its "
                           "traffic is lost"_s),
                 qPrintable(describe(cell)));
        QVERIFY2(!anyReasonMentions(cell, u"counted as a service backend"_s),
                 qPrintable(describe(cell)));
    }

    void withoutConfigurationBackendsWithServersCount()
    {
        // No configuration read: a stats listener (no servers) is still no
        // outage, a backend with servers counts, and the reason says it
        // was counted by the fallback.
        Snapshot::Data data = healthyFleet();
        addAuxiliaryBackends(data, ServerState::Down);
        HaproxyObservation &lb1 = data.haproxies[Snapshot::key(u"web"_s, u"lb1"_s)];
        lb1.configError =
            Error(ErrorCode::Io, u"no such file or directory"_s, u"lb1:/etc/haproxy/web.cfg"_s);
        const FleetVerdicts v = evaluateFleet(Snapshot(data), Now);
        const Verdict &cell = *v.placement(u"web"_s, u"lb1"_s);
        QCOMPARE(cell.health, Health::Critical);
        QVERIFY2(hasReason(cell, Health::Critical,
                           u"backend hc has no UP server: its traffic is lost (counted as a "
                           "service backend"_s),
                 qPrintable(describe(cell)));
        QVERIFY2(!anyReasonMentions(cell, u"backend stats"_s), qPrintable(describe(cell)));
        QVERIFY2(hasReason(cell, Health::Healthy,
                           u"the configuration of web on lb1 could not be read "
                           "(lb1:/etc/haproxy/web.cfg: no such file or directory)"_s),
                 qPrintable(describe(cell)));
    }

    void fleetFileNamesTheServiceBackends()
    {
        Snapshot::Data data = healthyFleet();
        addAuxiliaryBackends(data, ServerState::Down);
        const LoadedInventory loaded = parseInventory(R"(version: 1
defaults:
  haproxy:
    stats_socket: /run/haproxy/{vip}.sock
hosts:
  - {name: lb1, address: 127.0.10.1}
  - {name: lb2, address: 127.0.10.2}
groups:
  - {name: aa, mode: active-active, hosts: [lb1, lb2]}
vips:
  - name: web
    group: aa
    prefixes: [203.0.113.10/32]
    min_up_servers: 2
    haproxy:
      backends: [be, be_api]
)",
                                                      u"fleet.yaml"_s);
        QVERIFY2(loaded.ok(), qPrintable(loaded.diagnostics.value(0).toString()));
        QCOMPARE(loaded.inventory->placement(u"web"_s, u"lb1"_s)->serviceBackends,
                 (QStringList{u"be"_s, u"be_api"_s}));
        data.inventory = *loaded.inventory;
        data.haproxies.remove(Snapshot::key(u"tenant"_s, u"lb3"_s));
        data.haproxies.remove(Snapshot::key(u"tenant"_s, u"lb4"_s));
        const FleetVerdicts v = evaluateFleet(Snapshot(data), Now);
        const Verdict &cell = *v.placement(u"web"_s, u"lb1"_s);
        QCOMPARE(cell.health, Health::Degraded);
        QVERIFY2(hasReason(cell, Health::Degraded,
                           u"backend hc on lb1 has no UP server, but it is a backend not listed "
                           "in haproxy.backends"_s),
                 qPrintable(describe(cell)));
        QVERIFY2(hasReason(cell, Health::Degraded,
                           u"haproxy.backends names be_api, but HAProxy of web on lb1 runs no "
                           "backend of that name"_s),
                 qPrintable(describe(cell)));
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
