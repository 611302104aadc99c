// VipHostMatrixModel over the synthetic fleet: cells, headers, roles, and
// snapshots applied as diffs (no reset per poll) under QAbstractItemModelTester.

#include "models/healthstyle.h"
#include "models/viphostmatrixmodel.h"
#include "tests/models/fleetupdates.h"
#include "tests/support/syntheticfleet.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vipdeck;
using vipdeck::test::healthyFleet;
using vipdeck::test::makeUpdate;
using vipdeck::test::observedFleet;

class TestVipHostMatrixModel : public QObject
{
    Q_OBJECT

private slots:
    void cellsAndHeaders()
    {
        VipHostMatrixModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.applyUpdate(makeUpdate(healthyFleet()));

        QCOMPARE(model.hosts(), (QStringList{u"lb1"_s, u"lb2"_s, u"lb3"_s, u"lb4"_s}));
        QCOMPARE(model.rowCount(), 2);
        const int web = model.rowOfVip(u"web"_s);
        QVERIFY(web >= 0);
        const QModelIndex webLb1 = model.index(web, 0);
        QCOMPARE(webLb1.data(VipHostMatrixModel::HealthRole).toInt(), int(Health::Healthy));
        QVERIFY(webLb1.data(VipHostMatrixModel::AnnouncedRole).toBool());
        QCOMPARE(webLb1.data().toString(), u"HEALTHY \u25B2"_s);
        QVERIFY(webLb1.data(Qt::ToolTipRole).toString().contains(u"announced"_s));
        QCOMPARE(webLb1.data(VipHostMatrixModel::GroupRole).toString(), u"aa"_s);
        QCOMPARE(webLb1.data(VipHostMatrixModel::HostRole).toString(), u"lb1"_s);

        // web is not served by lb3: an empty cell, never a health.
        const QModelIndex webLb3 = model.index(web, 2);
        QVERIFY(!webLb3.data(VipHostMatrixModel::ServedRole).toBool());
        QCOMPARE(webLb3.data(VipHostMatrixModel::HealthRole).toInt(), -1);
        QVERIFY(webLb3.data().toString().isEmpty());

        // The backup host of the primary-backup group does not announce.
        const int tenant = model.rowOfVip(u"tenant"_s);
        QVERIFY(!model.index(tenant, 3).data(VipHostMatrixModel::AnnouncedRole).toBool());

        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), u"lb1"_s);
        QCOMPARE(model.headerData(0, Qt::Horizontal, VipHostMatrixModel::HealthRole).toInt(),
                 int(Health::Healthy));
        QCOMPARE(model.headerData(web, Qt::Vertical).toString(), u"web"_s);
    }

    void verdictColumnSaysTheVipsOwnState()
    {
        VipHostMatrixModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.applyUpdate(makeUpdate(healthyFleet()));
        QCOMPARE(model.columnCount(), 5); // lb1..lb4, then the verdict
        QCOMPARE(model.verdictColumn(), 4);
        QCOMPARE(model.headerData(4, Qt::Horizontal).toString(), u"VIP verdict"_s);
        QVERIFY(model.headerData(4, Qt::Horizontal, VipHostMatrixModel::HostRole).isNull());
        const int web = model.rowOfVip(u"web"_s);
        QCOMPARE(model.index(web, 4).data().toString(), u"HEALTHY"_s);

        // An outage: web withdrawn on both its hosts, whose HAProxy is fine.
        // The row says CRITICAL and why; no cell of it is green.
        Snapshot::Data outage = healthyFleet();
        for (const QString &host : {u"lb1"_s, u"lb2"_s}) {
            for (BgpSessionObservation &bgp : outage.hosts[host].bgpSessions)
                bgp.exportedPrefixes.clear();
        }
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.applyUpdate(makeUpdate(outage));
        const QModelIndex verdict = model.index(web, 4);
        QCOMPARE(verdict.data(VipHostMatrixModel::HealthRole).toInt(), int(Health::Critical));
        QVERIFY2(verdict.data().toString().startsWith(u"CRITICAL \u2014 "_s) &&
                     verdict.data().toString().contains(u"outage"_s),
                 qPrintable(verdict.data().toString()));
        QCOMPARE(verdict.data(Qt::BackgroundRole).value<QColor>(), healthTint(Health::Critical));
        QCOMPARE(verdict.data(Qt::DecorationRole).value<QIcon>().cacheKey(),
                 healthIcon(Health::Critical).cacheKey());
        bool verdictSignalled = false;
        for (const QList<QVariant> &args : std::as_const(changed)) {
            const auto from = args.at(0).value<QModelIndex>();
            const auto to = args.at(1).value<QModelIndex>();
            verdictSignalled |= from.row() <= web && to.row() >= web && to.column() >= 4;
        }
        QVERIFY(verdictSignalled);
        for (int c = 0; c < 2; ++c) {
            const QModelIndex cell = model.index(web, c);
            QVERIFY2(cell.data().toString().endsWith(u" \u25BD"_s),
                     qPrintable(cell.data().toString()));
            QVERIFY(cell.data(Qt::BackgroundRole).value<QColor>() != healthTint(Health::Healthy));
        }
    }

    void unreadableHostIsUnknownNeverWithdrawn()
    {
        VipHostMatrixModel model;
        Snapshot::Data data = healthyFleet();
        data.hosts[u"lb2"_s].reachable = false;
        data.hosts[u"lb2"_s].error =
            Error(ErrorCode::ConnectFailed, u"connection refused"_s, u"lb2"_s);
        model.applyUpdate(makeUpdate(data));
        const QModelIndex webLb2 = model.index(model.rowOfVip(u"web"_s), 1);
        QCOMPARE(webLb2.data(VipHostMatrixModel::AnnouncementRole).toInt(),
                 int(Announcement::Unknown));
        QVERIFY(!webLb2.data(VipHostMatrixModel::AnnouncedRole).toBool());
        QVERIFY2(webLb2.data().toString().endsWith(u" \u25B3?"_s),
                 qPrintable(webLb2.data().toString()));
        // The icon carries the same mark: not the plain health icon.
        const auto icon = webLb2.data(Qt::DecorationRole).value<QIcon>();
        const Health health = Health(webLb2.data(VipHostMatrixModel::HealthRole).toInt());
        QVERIFY(!icon.isNull());
        QVERIFY(icon.cacheKey() != healthIcon(health).cacheKey());
        QCOMPARE(icon.cacheKey(), cellIcon(health, Announcement::Unknown).cacheKey());
        const QString tip = webLb2.data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(u"announcement unknown: lb2 is unreachable"_s) &&
                     !tip.contains(u"NOT announced"_s),
                 qPrintable(tip));
    }

    void unreadableHostAsTheObserversSeeIt()
    {
        VipHostMatrixModel model;
        Snapshot::Data data = observedFleet();
        data.hosts[u"lb2"_s].reachable = false;
        data.hosts[u"lb2"_s].error =
            Error(ErrorCode::ConnectFailed, u"connection refused"_s, u"lb2"_s);
        model.applyUpdate(makeUpdate(data));
        const QModelIndex webLb2 = model.index(model.rowOfVip(u"web"_s), 1);
        QCOMPARE(webLb2.data(VipHostMatrixModel::AnnouncementRole).toInt(),
                 int(Announcement::Announced));
        QVERIFY2(webLb2.data().toString().endsWith(u" \u25B2*"_s),
                 qPrintable(webLb2.data().toString()));
        const QString tip = webLb2.data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(u"* as rr1, rr2 see(s) it: the host's BIRD could not be read"_s),
                 qPrintable(tip));
        // lb1 was read: no mark.
        QCOMPARE(model.index(model.rowOfVip(u"web"_s), 0).data().toString(), u"HEALTHY \u25B2"_s);
    }

    void observersAreSummarised()
    {
        VipHostMatrixModel model;
        QSignalSpy changed(&model, &VipHostMatrixModel::observersChanged);
        model.applyUpdate(makeUpdate(healthyFleet()));
        QVERIFY(model.observersText().isEmpty()); // none in the fleet file
        QCOMPARE(changed.size(), 0);

        Snapshot::Data data = observedFleet();
        model.applyUpdate(makeUpdate(data));
        QCOMPARE(model.observersText(), u"observers: 2 of 2 read"_s);
        QCOMPARE(changed.size(), 1);
        data.observers[u"rr2"_s].reachable = false;
        data.observers[u"rr2"_s].error =
            Error(ErrorCode::ConnectFailed, u"connection refused"_s, u"rr2"_s);
        model.applyUpdate(makeUpdate(data));
        QCOMPARE(model.observersText(), u"observers: 1 of 2 read (rr2 not)"_s);
        QVERIFY2(model.observersDetail().contains(u"observer rr2 is unreachable"_s),
                 qPrintable(model.observersDetail()));
        QCOMPARE(changed.size(), 2);
        model.applyUpdate(makeUpdate(data)); // unchanged: no signal
        QCOMPARE(changed.size(), 2);
    }

    void changeIsADiff()
    {
        VipHostMatrixModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const FleetUpdate first = makeUpdate(healthyFleet());
        model.applyUpdate(first);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy headers(&model, &QAbstractItemModel::headerDataChanged);

        // Same data again: no signal at all.
        model.applyUpdate(makeUpdate(healthyFleet(), first.snapshot));
        QCOMPARE(changed.size(), 0);

        // lb2 withdraws web: only web's row changes, lb2's cell among others.
        Snapshot::Data data = healthyFleet();
        for (BgpSessionObservation &bgp : data.hosts[u"lb2"_s].bgpSessions)
            bgp.exportedPrefixes.clear();
        model.applyUpdate(makeUpdate(data, first.snapshot));
        QCOMPARE(resets.size(), 0);
        QVERIFY(changed.size() >= 1);
        const int web = model.rowOfVip(u"web"_s);
        const QModelIndex webLb2 = model.index(web, 1);
        QVERIFY(!webLb2.data(VipHostMatrixModel::AnnouncedRole).toBool());
        QVERIFY(!webLb2.data().toString().contains(u"\u25B2"_s));
        // Withdrawn says so (▽) and is never tinted green, whatever HAProxy says.
        QVERIFY2(webLb2.data().toString().endsWith(u" \u25BD"_s),
                 qPrintable(webLb2.data().toString()));
        QCOMPARE(webLb2.data(Qt::BackgroundRole).value<QColor>(), healthTint(Health::Unknown));
        QVERIFY(model.index(web, 0).data().toString().contains(u"\u25B2"_s));
        QCOMPARE(model.index(web, 0).data(Qt::BackgroundRole).value<QColor>(),
                 healthTint(Health::Healthy));
        const QModelIndex topLeft = changed.last().at(0).toModelIndex();
        const QModelIndex bottomRight = changed.last().at(1).toModelIndex();
        QCOMPARE(topLeft.row(), web);
        QCOMPARE(bottomRight.row(), web);
        QVERIFY(topLeft.column() <= 1 && bottomRight.column() >= 1);
        QVERIFY(headers.size() >= 1);
    }

    void staleCellShowsItsAge()
    {
        VipHostMatrixModel model;
        Snapshot::Data data = healthyFleet();
        data.haproxies[Snapshot::key(u"web"_s, u"lb1"_s)].time = test::syntheticNow().addSecs(-40);
        model.applyUpdate(makeUpdate(data));
        const QModelIndex cell = model.index(model.rowOfVip(u"web"_s), 0);
        QVERIFY(cell.data(VipHostMatrixModel::StaleRole).toBool());
        QVERIFY(cell.data(VipHostMatrixModel::AgeRole).toLongLong() >= 40);
        QVERIFY2(cell.data().toString().contains(u"40s"_s), qPrintable(cell.data().toString()));
    }

    void vipsAddedAndRemoved()
    {
        VipHostMatrixModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        Snapshot::Data full = healthyFleet();
        model.applyUpdate(makeUpdate(full));

        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

        // Discovered VIPs on the active-active group arrive as inserted rows.
        Vip extra = *full.inventory.vip(u"web"_s);
        extra.name = u"api"_s;
        Snapshot::Data more = full;
        more.inventory = full.inventory.withDiscoveredVips({extra});
        model.applyUpdate(makeUpdate(more));
        QCOMPARE(resets.size(), 0);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(model.rowOfVip(u"api"_s) >= 0);

        // And leave as removed rows.
        model.applyUpdate(makeUpdate(full));
        QCOMPARE(removed.size(), 1);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowOfVip(u"api"_s), -1);
        QCOMPARE(resets.size(), 0);
    }
};

QTEST_MAIN(TestVipHostMatrixModel)
#include "tst_viphostmatrixmodel.moc"
