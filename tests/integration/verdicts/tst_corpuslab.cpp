// Service paths on real HAProxy processes shaped like real fleets: the lab's
// corpus profile (tests/lab, CORPUS_SHAPES) runs one VIP per shape: a
// `listen stats`, a `frontend stats` with an exporter, use_backend with ACLs,
// two frontends on one VIP, a health-only backend whose servers are tracked,
// a backend of backup servers only, TCP mode.  The poller reads each VIP's
// configuration over SSH; no auxiliary backend may cost a VIP its health,
// and a service backend that loses its servers must still be CRITICAL.

#include "app/cli/cli.h"
#include "core/fleet/fleetpoller.h"
#include "core/inventory/inventoryloader.h"
#include "core/ssh/localtransport.h"
#include "tests/support/futurewait.h"
#include "tests/support/lab.h"
#include "tests/support/pollwait.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;
using namespace vipdeck;
using vipdeck::cli::StringConsole;
using vipdeck::test::describeVerdicts;
using vipdeck::test::Lab;
using vipdeck::test::LabFault;

namespace {

bool mentions(const Verdict &verdict, const QString &text)
{
    for (const Reason &r : verdict.reasons) {
        if (r.text.contains(text))
            return true;
    }
    return false;
}

} // namespace

class TestCorpusLab : public QObject
{
    Q_OBJECT

private:
    Lab m_lab = Lab::fromEnvironment();
    std::optional<Inventory> m_inventory;
    std::unique_ptr<FleetPoller> m_poller;

    FleetUpdate poll() { return vipdeck::test::pollRound(*m_poller); }

    bool pollUntil(const std::function<bool(const FleetUpdate &)> &condition, FleetUpdate *last,
                   int seconds = 60)
    {
        return vipdeck::test::pollUntil(*m_poller, condition, last, seconds);
    }

    // Every placement classified from its configuration and every VIP healthy.
    bool classifiedAndHealthy(const FleetUpdate &update) const
    {
        for (const HaproxyObservation &h : update.snapshot.data().haproxies) {
            if (!h.classification)
                return false;
        }
        if (update.snapshot.data().haproxies.size() != 2 * m_inventory->vips().size())
            return false;
        for (const Vip &vip : m_inventory->vips()) {
            if (update.verdicts->vips.value(vip.name).health != Health::Healthy)
                return false;
        }
        return true;
    }

    const BackendClassification &classes(const FleetUpdate &update, const QString &vip)
    {
        static const BackendClassification none;
        const HaproxyObservation *h = update.snapshot.haproxy(vip, u"lb1"_s);
        return h && h->classification ? *h->classification : none;
    }

private slots:
    void initTestCase()
    {
        if (!m_lab.isAvailable())
            QFAIL("needs the corpus lab (run through ctest: fixture lab_corpus)");
        const LoadedInventory loaded = loadInventory(m_lab.fleetFile());
        QVERIFY2(loaded.ok(), qPrintable(loaded.diagnostics.value(0).toString()));
        m_inventory = *loaded.inventory;
        QVERIFY2(m_inventory->vip(u"tracked"_s), "the lab does not run the corpus profile");
        QCOMPARE(m_inventory->vips().size(), 8); // the seven shapes and pb01
    }

    void init()
    {
        m_poller = std::make_unique<FleetPoller>(*m_inventory, sshTransportFactory());
        FleetUpdate update;
        QVERIFY2(
            pollUntil([this](const FleetUpdate &u) { return classifiedAndHealthy(u); }, &update),
            qPrintable(u"the corpus lab is not healthy and classified:\n"_s +
                       describeVerdicts(update)));
    }

    void cleanup() { m_poller.reset(); }

    void everyShapeIsClassified()
    {
        const FleetUpdate update = poll();
        const auto service = [&](const QString &vip) {
            return classes(update, vip).serviceBackends();
        };
        const auto kind = [&](const QString &vip, const QString &backend) {
            const BackendClass *b = classes(update, vip).backend(backend);
            return b ? b->auxiliary : AuxiliaryKind::None;
        };
        QCOMPARE(service(u"stats_listen"_s), QStringList{u"stats_listen"_s});
        QCOMPARE(kind(u"stats_listen"_s, u"stats"_s), AuxiliaryKind::StatsPage);
        QCOMPARE(service(u"stats_frontend"_s), QStringList{u"stats_frontend"_s});
        QCOMPARE(service(u"acl"_s), (QStringList{u"acl"_s, u"acl_api"_s}));
        QCOMPARE(service(u"dual"_s), QStringList{u"dual"_s});
        QCOMPARE(classes(update, u"dual"_s).frontends.size(), 2);
        QCOMPARE(service(u"tracked"_s), QStringList{u"tracked"_s});
        QCOMPARE(kind(u"tracked"_s, u"tracked_health"_s), AuxiliaryKind::HealthOnly);
        QCOMPARE(service(u"backup_only"_s), QStringList{u"backup_only"_s});
        QCOMPARE(service(u"tcp"_s), QStringList{u"tcp"_s});
        QCOMPARE(kind(u"tcp"_s, u"stats"_s), AuxiliaryKind::StatsPage);
        // The stats listener shows in `show stat` as a backend: seen, not judged.
        QVERIFY(update.snapshot.haproxy(u"stats_listen"_s, u"lb1"_s)->backend(u"stats"_s));
    }

    void vipsJsonNamesNoAuxiliaryBackend()
    {
        StringConsole console;
        const int code =
            cli::run({u"vips"_s, u"--json"_s, u"--fleet"_s, m_lab.fleetFile()}, console);
        QVERIFY2(code == 0, qPrintable(console.errors()));
        const QString out = console.output();
        const QJsonObject json = QJsonDocument::fromJson(out.toUtf8()).object();
        QVERIFY2(!json.isEmpty(), qPrintable(out));
        QVERIFY2(!out.contains(u"traffic is lost"_s), qPrintable(out));
        QVERIFY2(!out.contains(u"backend stats"_s), qPrintable(out));
        QVERIFY2(!out.contains(u"critical"_s), qPrintable(out));
    }

    void stoppedStatsFrontendIsNoOutage()
    {
        // `disable frontend stats` on lb1 through its runtime API.
        const Placement *placement = m_inventory->placement(u"stats_frontend"_s, u"lb1"_s);
        QVERIFY(placement);
        LocalTransport transport;
        const auto command = [&](const QByteArray &text) {
            const auto reply = vipdeck::test::waitForFuture(
                transport.request(placement->statsSocket, text + '\n'), std::chrono::seconds(10));
            return reply && reply->ok() && reply->value().trimmed().isEmpty();
        };
        QVERIFY(command("disable frontend stats"));
        struct Enable
        {
            std::function<void()> undo;
            ~Enable() { undo(); }
        } enable{[&] { command("enable frontend stats"); }};

        FleetUpdate update;
        const bool seen = pollUntil(
            [](const FleetUpdate &u) {
                const Verdict *cell = u.verdicts->placement(u"stats_frontend"_s, u"lb1"_s);
                return cell && mentions(*cell, u"frontend stats on lb1 is stopped"_s);
            },
            &update);
        QVERIFY2(seen, qPrintable(describeVerdicts(update)));
        const Verdict &cell = *update.verdicts->placement(u"stats_frontend"_s, u"lb1"_s);
        QCOMPARE(cell.health, Health::Degraded);
        QVERIFY2(mentions(cell, u"(it serves none of stats_frontend's traffic)"_s),
                 qPrintable(describeVerdicts(update)));
    }

    void primaryBackupGroup()
    {
        // pb01 belongs to a primary-backup group: lb1 announces it, lb2 runs
        // the same HAProxy as a standby and keeps its prefix withdrawn.
        const Vip *pb = m_inventory->vip(u"pb01"_s);
        QVERIFY(pb);
        const Group *group = m_inventory->group(pb->group);
        QVERIFY(group);
        QCOMPARE(group->mode, GroupMode::PrimaryBackup);
        QCOMPARE(group->primary, u"lb1"_s);

        const auto announcement = [](const FleetUpdate &u, const QString &host) {
            const Verdict *cell = u.verdicts->placement(u"pb01"_s, host);
            return cell ? std::optional<Announcement>(cell->announcement) : std::nullopt;
        };
        FleetUpdate update;
        QVERIFY2(pollUntil(
                     [&](const FleetUpdate &u) {
                         return announcement(u, u"lb1"_s) == Announcement::Announced &&
                                announcement(u, u"lb2"_s) == Announcement::Withdrawn;
                     },
                     &update),
                 qPrintable(describeVerdicts(update)));
        // A withdrawn standby is the group working as meant: no lost redundancy.
        const Verdict steady = update.verdicts->vips.value(u"pb01"_s);
        QCOMPARE(steady.health, Health::Healthy);
        QVERIFY2(!mentions(steady, u"no redundancy"_s), qPrintable(describeVerdicts(update)));

        // The primary's HAProxy dies: its health checker withdraws the prefix,
        // the standby still serves but does not announce: an outage, even
        // though one host's HAProxy is healthy.
        LabFault kill(m_lab, {u"haproxy-kill"_s, u"lb1"_s, u"pb01"_s});
        QVERIFY2(kill.injected(), qPrintable(kill.output()));
        QVERIFY2(pollUntil(
                     [](const FleetUpdate &u) {
                         return u.verdicts->vips.value(u"pb01"_s).health == Health::Critical;
                     },
                     &update),
                 qPrintable(describeVerdicts(update)));
        const Verdict outage = update.verdicts->vips.value(u"pb01"_s);
        QVERIFY2(mentions(outage, u"pb01 is withdrawn on every host of lab-pb: outage"_s),
                 qPrintable(describeVerdicts(update)));
        const Verdict *standby = update.verdicts->placement(u"pb01"_s, u"lb2"_s);
        QVERIFY(standby);
        QCOMPARE(standby->announcement, Announcement::Withdrawn);
        // The active-active VIPs are untouched.
        QCOMPARE(update.verdicts->vips.value(u"tcp"_s).health, Health::Healthy);
    }

    void serviceBackendsStillFailCritical_data()
    {
        QTest::addColumn<QString>("vip");
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QStringList>("servers");
        QTest::newRow("acl: the ACL's backend")
            << u"acl"_s << u"acl_api"_s << QStringList{u"acl-api-01"_s, u"acl-api-02"_s};
        QTest::newRow("tracked: the checked servers fail, the tracking ones follow")
            << u"tracked"_s << u"tracked"_s << QStringList{u"tracked-01"_s, u"tracked-02"_s};
        QTest::newRow("backup_only") << u"backup_only"_s << u"backup_only"_s
                                     << QStringList{u"backup_only-01"_s, u"backup_only-02"_s};
        QTest::newRow("tcp") << u"tcp"_s << u"tcp"_s << QStringList{u"tcp-01"_s, u"tcp-02"_s};
    }

    void serviceBackendsStillFailCritical()
    {
        QFETCH(QString, vip);
        QFETCH(QString, backend);
        QFETCH(QStringList, servers);
        std::vector<std::unique_ptr<LabFault>> faults;
        for (const QString &server : servers) {
            faults.push_back(
                std::make_unique<LabFault>(m_lab, QStringList{u"server-down"_s, server}));
            QVERIFY2(faults.back()->injected(), qPrintable(faults.back()->output()));
        }
        // Both hosts' checks must see it: wait for lb1's cell to say so.
        const auto lostOnLb1 = [&](const FleetUpdate &u) {
            const Verdict *cell = u.verdicts->placement(vip, u"lb1"_s);
            return cell &&
                   (mentions(*cell, u"backend "_s + backend + u" on lb1 has no UP server"_s) ||
                    mentions(*cell, u"while backend "_s + backend + u" has no UP server"_s));
        };
        FleetUpdate update;
        const bool seen = pollUntil(
            [&](const FleetUpdate &u) {
                return u.verdicts->vips.value(vip).health == Health::Critical && lostOnLb1(u);
            },
            &update);
        QVERIFY2(seen, qPrintable(describeVerdicts(update)));
        const Verdict *cell = update.verdicts->placement(vip, u"lb1"_s);
        QVERIFY(cell);
        QCOMPARE(cell->health, Health::Critical);
        QVERIFY2(!mentions(*cell, u"counted as a service backend"_s),
                 qPrintable(describeVerdicts(update)));
    }
};

QTEST_MAIN(TestCorpusLab)
#include "tst_corpuslab.moc"
