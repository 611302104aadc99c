// The verdict rules of core/fleet on the lab (tests/lab): a fault makes a
// rule true, the poller (over SSH, as vipdeckctl uses it) must report it in
// plain words, and after the heal everything is healthy again.  Lab VIPs:
// web, api (api-03 is a backup server), mail, shop; hosts lb1, lb2 in one
// active-active group.  Every wait polls with a deadline.

#include "core/fleet/fleetpoller.h"
#include "core/haproxy/haproxyclient.h"
#include "core/inventory/inventoryloader.h"
#include "core/ssh/localtransport.h"
#include "tests/support/futurewait.h"
#include "tests/support/lab.h"
#include "tests/support/pollwait.h"

#include <QDeadlineTimer>
#include <QtTest>

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;
using namespace vipdeck;
using vipdeck::test::describeVerdicts;
using vipdeck::test::Lab;
using vipdeck::test::LabFault;

namespace {

const Verdict &vipVerdict(const FleetUpdate &update, const QString &vip)
{
    static const Verdict none;
    const auto it = update.verdicts->vips.constFind(vip);
    return it == update.verdicts->vips.cend() ? none : *it;
}

const Verdict &hostVerdict(const FleetUpdate &update, const QString &host)
{
    static const Verdict none;
    const auto it = update.verdicts->hosts.constFind(host);
    return it == update.verdicts->hosts.cend() ? none : *it;
}

const Verdict &placementVerdict(const FleetUpdate &update, const QString &vip, const QString &host)
{
    static const Verdict none;
    const Verdict *verdict = update.verdicts->placement(vip, host);
    return verdict ? *verdict : none;
}

// The reason of `verdict` whose text contains `text`, or nullptr.
const Reason *reason(const Verdict &verdict, const QString &text)
{
    for (const Reason &r : verdict.reasons) {
        if (r.text.contains(text, Qt::CaseInsensitive))
            return &r;
    }
    return nullptr;
}

// Sets a server's admin state on ONE host through the runtime API (the
// stats socket on this machine: the lab runs here) and restores `ready`.
class AdminStateChange
{
public:
    AdminStateChange(QString socket, QString backend, QString server, ServerAdminAction action)
        : m_client(&m_transport, std::move(socket))
        , m_backend(std::move(backend))
        , m_server(std::move(server))
    {
        const Result<void> done = m_client.setServerState(m_backend, m_server, action).result();
        m_ok = done.ok();
        if (!m_ok)
            m_error = done.error().toString();
    }
    ~AdminStateChange()
    {
        const Result<void> done =
            m_client.setServerState(m_backend, m_server, ServerAdminAction::Ready).result();
        if (!done)
            qWarning("could not restore %s: %s", qPrintable(m_server),
                     qPrintable(done.error().toString()));
    }
    AdminStateChange(const AdminStateChange &) = delete;
    AdminStateChange &operator=(const AdminStateChange &) = delete;
    bool ok() const { return m_ok; }
    QString error() const { return m_error; }

private:
    LocalTransport m_transport;
    HaproxyClient m_client;
    QString m_backend;
    QString m_server;
    bool m_ok = false;
    QString m_error;
};

} // namespace

class TestVerdictsLab : public QObject
{
    Q_OBJECT

private:
    Lab m_lab = Lab::fromEnvironment();
    std::optional<Inventory> m_inventory;
    std::unique_ptr<FleetPoller> m_poller;

    FleetUpdate poll() { return vipdeck::test::pollRound(*m_poller); }

    bool pollUntil(const std::function<bool(const FleetUpdate &)> &condition, FleetUpdate *last,
                   int seconds = 30)
    {
        return vipdeck::test::pollUntil(*m_poller, condition, last, seconds);
    }

    bool allHealthy(const FleetUpdate &update) const
    {
        for (const Vip &vip : m_inventory->vips()) {
            if (vipVerdict(update, vip.name).health != Health::Healthy)
                return false;
        }
        for (const Host &host : m_inventory->hosts()) {
            if (hostVerdict(update, host.name).health != Health::Healthy)
                return false;
        }
        return true;
    }

    QString statsSocket(const QString &vip, const QString &host) const
    {
        const Placement *placement = m_inventory->placement(vip, host);
        return placement ? placement->statsSocket : QString();
    }

    // After a heal: a fresh poller (no reconnect backoff left over) must see
    // the whole fleet healthy again.
    void expectHealedFleet()
    {
        m_poller = std::make_unique<FleetPoller>(*m_inventory, sshTransportFactory());
        FleetUpdate update;
        QVERIFY2(pollUntil([this](const FleetUpdate &u) { return allHealthy(u); }, &update, 60),
                 qPrintable(describeVerdicts(update)));
    }

private slots:
    void initTestCase()
    {
        if (!m_lab.isAvailable())
            QFAIL("needs the lab (run through ctest: fixture lab_up)");
        const LoadedInventory loaded = loadInventory(m_lab.fleetFile());
        QVERIFY2(loaded.ok(), qPrintable(loaded.diagnostics.value(0).toString()));
        m_inventory = *loaded.inventory;
        QVERIFY(m_inventory->vip(u"api"_s));
        QCOMPARE(m_inventory->hosts().size(), 2);
    }

    void init()
    {
        m_poller = std::make_unique<FleetPoller>(*m_inventory, sshTransportFactory());
        FleetUpdate update;
        QVERIFY2(
            pollUntil([this](const FleetUpdate &u) { return allHealthy(u); }, &update, 60),
            qPrintable(u"the lab is not healthy before the test:\n"_s + describeVerdicts(update)));
    }

    void cleanup() { m_poller.reset(); }

    void allServersDownEverywhereIsAnOutage()
    {
        FleetUpdate update;
        {
            LabFault f1(m_lab, {u"server-down"_s, u"api-01"_s});
            LabFault f2(m_lab, {u"server-down"_s, u"api-02"_s});
            LabFault f3(m_lab, {u"server-down"_s, u"api-03"_s});
            QVERIFY(f1.injected() && f2.injected() && f3.injected());
            const bool seen = pollUntil(
                [](const FleetUpdate &u) {
                    // The route reflectors (observers) drop the paths too.
                    return vipVerdict(u, u"api"_s).health == Health::Critical &&
                           reason(vipVerdict(u, u"api"_s), u"withdrawn on every host"_s) &&
                           reason(vipVerdict(u, u"api"_s), u"confirmed by"_s);
                },
                &update);
            QVERIFY2(seen, qPrintable(describeVerdicts(update)));
            const Reason *outage = reason(vipVerdict(update, u"api"_s), u"outage"_s);
            QVERIFY(outage);
            QCOMPARE(outage->severity, Health::Critical);
            QVERIFY2(outage->text.endsWith(u"outage (confirmed by rr1, rr2: no path for it)"_s),
                     qPrintable(outage->text));
            for (const Host &host : m_inventory->hosts()) {
                const Verdict &placement = placementVerdict(update, u"api"_s, host.name);
                QVERIFY(!placement.announced);
                QVERIFY2(reason(placement, u"no UP server"_s),
                         qPrintable(describeVerdicts(update)));
            }
            // The other VIPs are not touched.
            QCOMPARE(vipVerdict(update, u"web"_s).health, Health::Healthy);
        }
        expectHealedFleet();
    }

    void allServersDownOnOneHostIsNoRedundancy()
    {
        // Maintenance for every api server on lb1 only: its health checker
        // withdraws api there; lb2 still announces it.
        const QString socket = statsSocket(u"api"_s, u"lb1"_s);
        FleetUpdate update;
        {
            AdminStateChange a1(socket, u"api"_s, u"api-01"_s, ServerAdminAction::Maint);
            AdminStateChange a2(socket, u"api"_s, u"api-02"_s, ServerAdminAction::Maint);
            AdminStateChange a3(socket, u"api"_s, u"api-03"_s, ServerAdminAction::Maint);
            QVERIFY2(a1.ok() && a2.ok() && a3.ok(), qPrintable(a1.error()));
            const bool seen = pollUntil(
                [](const FleetUpdate &u) {
                    return !placementVerdict(u, u"api"_s, u"lb1"_s).announced &&
                           reason(vipVerdict(u, u"api"_s), u"no redundancy"_s);
                },
                &update);
            QVERIFY2(seen, qPrintable(describeVerdicts(update)));
            const Verdict &api = vipVerdict(update, u"api"_s);
            QCOMPARE(api.health, Health::Degraded);
            QVERIFY(reason(api, u"announced by 1 of 2 hosts"_s));
            QVERIFY(placementVerdict(update, u"api"_s, u"lb2"_s).announced);
            // The same servers differ between the hosts: drift is named too.
            QVERIFY2(reason(api, u"drift"_s), qPrintable(describeVerdicts(update)));
        }
        expectHealedFleet();
    }

    void drainOnOneHostIsDrift()
    {
        FleetUpdate update;
        {
            AdminStateChange drain(statsSocket(u"web"_s, u"lb2"_s), u"web"_s, u"web-02"_s,
                                   ServerAdminAction::Drain);
            QVERIFY2(drain.ok(), qPrintable(drain.error()));
            const bool seen = pollUntil(
                [](const FleetUpdate &u) { return reason(vipVerdict(u, u"web"_s), u"drift"_s); },
                &update);
            QVERIFY2(seen, qPrintable(describeVerdicts(update)));
            const Reason *drift = reason(vipVerdict(update, u"web"_s), u"drift"_s);
            QCOMPARE(drift->severity, Health::Degraded);
            QCOMPARE(drift->server, u"web-02"_s);
            QVERIFY2(drift->text.contains(u"drain on lb2"_s) &&
                         drift->text.contains(u"ready on lb1"_s),
                     qPrintable(drift->text));
            // Still announced on both: a drain is no outage.
            QVERIFY(placementVerdict(update, u"web"_s, u"lb1"_s).announced);
            QVERIFY(placementVerdict(update, u"web"_s, u"lb2"_s).announced);
        }
        expectHealedFleet();
    }

    void bgpDownOnAHost()
    {
        FleetUpdate update;
        {
            LabFault fault(m_lab, {u"bgp-down"_s, u"lb1"_s});
            QVERIFY2(fault.injected(), qPrintable(fault.output()));
            const bool seen = pollUntil(
                [](const FleetUpdate &u) {
                    return hostVerdict(u, u"lb1"_s).health == Health::Critical;
                },
                &update);
            QVERIFY2(seen, qPrintable(describeVerdicts(update)));
            const Verdict &lb1 = hostVerdict(update, u"lb1"_s);
            QVERIFY2(reason(lb1, u"no Established BGP session"_s),
                     qPrintable(describeVerdicts(update)));
            const Reason *session = reason(lb1, u"BGP session rr1"_s);
            QVERIFY2(session, qPrintable(describeVerdicts(update)));
            QVERIFY2(session->text.contains(u"Administrative shutdown"_s) ||
                         session->text.contains(u"Down"_s, Qt::CaseInsensitive),
                     qPrintable(session->text));
            // No VIP is announced by lb1; each VIP is down to one host.
            for (const Vip &vip : m_inventory->vips()) {
                QVERIFY(!placementVerdict(update, vip.name, u"lb1"_s).announced);
                QCOMPARE(vipVerdict(update, vip.name).health, Health::Degraded);
            }
            QCOMPARE(hostVerdict(update, u"lb2"_s).health, Health::Healthy);
        }
        expectHealedFleet();
    }

    void birdStoppedIsUnknownAndTheFabricSaysWithdrawn()
    {
        FleetUpdate update;
        {
            LabFault fault(m_lab, {u"bird-stop"_s, u"lb2"_s});
            QVERIFY2(fault.injected(), qPrintable(fault.output()));
            // lb2's BGP sessions went down with its BIRD: the route
            // reflectors (the lab's observers) drop its paths.
            const QList<Vip> vips = m_inventory->vips();
            const bool seen = pollUntil(
                [&vips](const FleetUpdate &u) {
                    if (!reason(hostVerdict(u, u"lb2"_s), u"BIRD on lb2 could not be read"_s))
                        return false;
                    return std::all_of(vips.cbegin(), vips.cend(), [&u](const Vip &vip) {
                        const Verdict &cell = placementVerdict(u, vip.name, u"lb2"_s);
                        return cell.announcementFromFabric &&
                               cell.announcement == Announcement::Withdrawn;
                    });
                },
                &update);
            QVERIFY2(seen, qPrintable(describeVerdicts(update)));
            QCOMPARE(hostVerdict(update, u"lb2"_s).health, Health::Unknown);
            for (const Vip &vip : m_inventory->vips()) {
                const Verdict &placement = placementVerdict(update, vip.name, u"lb2"_s);
                QVERIFY2(reason(placement, u"withdrawn as the fabric sees it"_s),
                         qPrintable(describeVerdicts(update)));
                QCOMPARE(placement.notHeldBy, (QStringList{u"rr1"_s, u"rr2"_s}));
                const Verdict &verdict = vipVerdict(update, vip.name);
                QCOMPARE(verdict.health, Health::Degraded);
                QVERIFY2(reason(verdict, u"(not by lb2): no redundancy"_s),
                         qPrintable(describeVerdicts(update)));
            }
            // HAProxy on lb2 is still read: the host is reachable.
            QVERIFY(update.snapshot.host(u"lb2"_s)->reachable);
        }
        expectHealedFleet();
    }

    void sshdStoppedMakesTheHostUnknown()
    {
        FleetUpdate update;
        {
            LabFault fault(m_lab, {u"sshd-stop"_s, u"lb2"_s});
            QVERIFY2(fault.injected(), qPrintable(fault.output()));
            const bool seen = pollUntil(
                [](const FleetUpdate &u) {
                    // First the open connection breaks; the reconnect is then refused.
                    return !u.snapshot.host(u"lb2"_s)->reachable &&
                           reason(hostVerdict(u, u"lb2"_s), u"refused"_s);
                },
                &update);
            QVERIFY2(seen, qPrintable(describeVerdicts(update)));
            const Verdict &lb2 = hostVerdict(update, u"lb2"_s);
            QCOMPARE(lb2.health, Health::Unknown);
            const Reason *unreachable = reason(lb2, u"lb2 is unreachable"_s);
            QVERIFY2(unreachable, qPrintable(describeVerdicts(update)));
            QVERIFY2(unreachable->text.contains(u"refused"_s, Qt::CaseInsensitive),
                     qPrintable(unreachable->text));
            for (const Vip &vip : m_inventory->vips()) {
                const Verdict &placement = placementVerdict(update, vip.name, u"lb2"_s);
                QVERIFY(placement.health != Health::Healthy);
                // Its BIRD still runs: the route reflectors still route to lb2.
                QCOMPARE(placement.announcement, Announcement::Announced);
                QVERIFY(placement.announcementFromFabric);
                QVERIFY2(reason(placement, u"but rr1, rr2 still hold(s) lb2's path for %1: "
                                           "traffic still reaches lb2"_s.arg(vip.name)),
                         qPrintable(describeVerdicts(update)));
                QVERIFY2(!reason(vipVerdict(update, vip.name), u"no redundancy"_s),
                         qPrintable(describeVerdicts(update)));
            }
            QCOMPARE(hostVerdict(update, u"lb1"_s).health, Health::Healthy);
        }
        expectHealedFleet();
    }

    void socketDenyIsNamed()
    {
        FleetUpdate update;
        {
            LabFault fault(m_lab, {u"socket-deny"_s, u"lb1"_s, u"mail"_s});
            QVERIFY2(fault.injected(), qPrintable(fault.output()));
            const bool seen = pollUntil(
                [](const FleetUpdate &u) {
                    return reason(placementVerdict(u, u"mail"_s, u"lb1"_s),
                                  u"permission denied"_s) != nullptr;
                },
                &update);
            QVERIFY2(seen, qPrintable(describeVerdicts(update)));
            const Verdict &placement = placementVerdict(update, u"mail"_s, u"lb1"_s);
            QVERIFY(placement.health != Health::Healthy);
            QVERIFY2(reason(placement, u"HAProxy of mail on lb1 could not be read"_s),
                     qPrintable(describeVerdicts(update)));
            QCOMPARE(update.snapshot.haproxy(u"mail"_s, u"lb1"_s)->error->code,
                     ErrorCode::PermissionDenied);
            QCOMPARE(placementVerdict(update, u"mail"_s, u"lb2"_s).health, Health::Healthy);
        }
        expectHealedFleet();
    }

    void backupServerDownIsReportedNotAlarming()
    {
        FleetUpdate update;
        {
            LabFault fault(m_lab, {u"server-down"_s, u"api-03"_s});
            QVERIFY2(fault.injected(), qPrintable(fault.output()));
            const bool seen = pollUntil(
                [](const FleetUpdate &u) {
                    return reason(vipVerdict(u, u"api"_s), u"backup server api/api-03"_s);
                },
                &update);
            QVERIFY2(seen, qPrintable(describeVerdicts(update)));
            const Verdict &api = vipVerdict(update, u"api"_s);
            const Reason *backup = reason(api, u"backup server api/api-03"_s);
            QCOMPARE(backup->severity, Health::Healthy);
            QVERIFY(backup->text.contains(u"DOWN"_s));
            QCOMPARE(api.health, Health::Healthy);
            QVERIFY(placementVerdict(update, u"api"_s, u"lb1"_s).announced);
            QVERIFY(placementVerdict(update, u"api"_s, u"lb2"_s).announced);
        }
        expectHealedFleet();
    }
};

QTEST_GUILESS_MAIN(TestVerdictsLab)
#include "tst_verdictslab.moc"
