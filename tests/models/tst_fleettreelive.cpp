// FleetTreeModel with live state: health and problem counts per group, host
// and VIP from verdicts, changed nodes signalled; backends and servers under
// each VIP inserted, removed and changed in place as snapshots add, remove and
// change them, with open branches and the selection of a view kept; all under
// QAbstractItemModelTester.

#include "models/fleettreemodel.h"
#include "tests/models/fleetupdates.h"
#include "tests/support/syntheticfleet.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTreeView>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vipdeck;

namespace {

QStringList childNames(const QAbstractItemModel &model, const QModelIndex &parent)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(parent); ++row)
        names << model.index(row, FleetTreeModel::NameColumn, parent).data().toString();
    return names;
}

QString cell(const QModelIndex &index, int column)
{
    return index.siblingAtColumn(column).data().toString();
}

QList<ServerObservation> &serversOf(Snapshot::Data &data, const QString &host)
{
    return data.haproxies[Snapshot::key(u"web"_s, host)].backends[0].servers;
}

} // namespace

class TestFleetTreeLive : public QObject
{
    Q_OBJECT

private:
    // The web VIP (group aa: lb1, lb2, web) and its backend be.
    static QModelIndex web(const FleetTreeModel &model)
    {
        return model.index(2, 0, model.index(0, 0));
    }
    static QModelIndex webBe(const FleetTreeModel &model) { return model.index(0, 0, web(model)); }

private slots:
    void healthAndProblems()
    {
        FleetTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const FleetUpdate healthy = test::makeUpdate(test::healthyFleet());
        model.setInventory(healthy.snapshot.inventory());
        const QModelIndex aa = model.index(0, 0);
        QCOMPARE(aa.data().toString(), u"aa"_s);
        QCOMPARE(aa.data(FleetTreeModel::HealthRole).toInt(), int(Health::Unknown));

        model.applyUpdate(healthy);
        QCOMPARE(aa.data(FleetTreeModel::HealthRole).toInt(), int(Health::Healthy));
        QCOMPARE(aa.data(FleetTreeModel::ProblemsRole).toInt(), 0);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        Snapshot::Data data = test::healthyFleet();
        for (int i = 0; i < 3; ++i) {
            test::serverIn(data, u"web"_s, u"lb1"_s, i).status.state = ServerState::Down;
            test::serverIn(data, u"web"_s, u"lb1"_s, i).status.raw = u"DOWN"_s;
        }
        model.applyUpdate(test::makeUpdate(data));
        QVERIFY(aa.data(FleetTreeModel::HealthRole).toInt() > int(Health::Healthy));
        QVERIFY(aa.data(FleetTreeModel::ProblemsRole).toInt() > 0);
        QVERIFY(!model.index(0, FleetTreeModel::ProblemsColumn).data().toString().isEmpty());
        // The primary-backup group is untouched.
        const QModelIndex pb = model.index(1, 0);
        QCOMPARE(pb.data(FleetTreeModel::HealthRole).toInt(), int(Health::Healthy));
        for (const QList<QVariant> &signal : changed)
            QVERIFY(signal.at(0).toModelIndex() != pb);
        QVERIFY(!changed.isEmpty());

        // The same update again changes nothing.
        changed.clear();
        model.applyUpdate(test::makeUpdate(data));
        QCOMPARE(changed.size(), 0);
    }

    void backendsAndServersUnderEachVip()
    {
        FleetTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const FleetUpdate healthy = test::makeUpdate(test::healthyFleet());
        model.setInventory(healthy.snapshot.inventory());
        QCOMPARE(web(model).data().toString(), u"web"_s);
        QCOMPARE(model.rowCount(web(model)), 0); // nothing read yet
        model.applyUpdate(healthy);

        QCOMPARE(childNames(model, web(model)), QStringList{u"be"_s});
        const QModelIndex be = webBe(model);
        QCOMPARE(be.data(FleetTreeModel::KindRole).toInt(), int(FleetTreeModel::NodeKind::Backend));
        QCOMPARE(be.data(FleetTreeModel::VipRole).toString(), u"web"_s);
        QCOMPARE(be.data(FleetTreeModel::BackendRole).toString(), u"be"_s);
        QCOMPARE(cell(be, FleetTreeModel::DetailColumn), u"4 servers · usable lb1 4/4, lb2 4/4"_s);
        QCOMPARE(cell(be, FleetTreeModel::ProblemsColumn), QString());
        QCOMPARE(be.data(FleetTreeModel::HealthRole).toInt(), int(Health::Healthy));
        QCOMPARE(childNames(model, be), (QStringList{u"s1"_s, u"s2"_s, u"s3"_s, u"spare"_s}));
        const QModelIndex s1 = model.index(0, 0, be);
        QCOMPARE(s1.data(FleetTreeModel::KindRole).toInt(), int(FleetTreeModel::NodeKind::Server));
        QCOMPARE(s1.data(FleetTreeModel::BackendRole).toString(), u"be"_s);
        QCOMPARE(s1.data(FleetTreeModel::GroupRole).toString(), u"aa"_s);
        QCOMPARE(cell(s1, FleetTreeModel::DetailColumn), u"UP"_s);
        QCOMPARE(cell(model.index(3, 0, be), FleetTreeModel::DetailColumn), u"UP · backup"_s);
        QVERIFY(
            s1.data(Qt::ToolTipRole).toString().contains(u"on lb2: UP, ready, weight 1 of 1"_s));
        QCOMPARE(model.rowCount(s1), 0);
        // The primary-backup VIP has its backend too.
        QCOMPARE(childNames(model, model.index(2, 0, model.index(1, 0))), QStringList{u"be"_s});
    }

    void serverStatesAreCountedByKind()
    {
        FleetTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setInventory(test::healthyFleet().inventory);
        model.applyUpdate(test::makeUpdate(test::healthyFleet()));

        Snapshot::Data data = test::healthyFleet();
        ServerObservation &s1 = test::serverIn(data, u"web"_s, u"lb1"_s, 0);
        s1.status.state = ServerState::Down;
        s1.status.raw = u"DOWN"_s;
        for (const QString &host : {u"lb1"_s, u"lb2"_s}) {
            ServerObservation &s2 = test::serverIn(data, u"web"_s, host, 1);
            s2.status.state = ServerState::Drain;
            s2.status.raw = u"DRAIN"_s;
        }
        ServerObservation &s3 = test::serverIn(data, u"web"_s, u"lb2"_s, 2);
        s3.status.state = ServerState::Maint;
        s3.status.raw = u"MAINT"_s;
        s3.weight = 0;
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.applyUpdate(test::makeUpdate(data));

        const QModelIndex be = webBe(model);
        const QModelIndex server1 = model.index(0, 0, be);
        QCOMPARE(cell(server1, FleetTreeModel::DetailColumn), u"lb1 DOWN · lb2 UP"_s);
        QCOMPARE(cell(server1, FleetTreeModel::ProblemsColumn), u"1 DOWN"_s);
        // DOWN reads red (as on HAProxy's stats page), not as a warning.
        QCOMPARE(server1.data(FleetTreeModel::HealthRole).toInt(), int(Health::Critical));
        QVERIFY(server1.data(Qt::ToolTipRole).toString().contains(u"s1 on lb1 is DOWN"_s));
        QCOMPARE(cell(model.index(1, 0, be), FleetTreeModel::DetailColumn), u"DRAIN"_s);
        QCOMPARE(cell(model.index(1, 0, be), FleetTreeModel::ProblemsColumn), u"2 DRAIN"_s);
        QCOMPARE(cell(model.index(2, 0, be), FleetTreeModel::DetailColumn),
                 u"lb1 UP · lb2 MAINT · weights differ"_s);
        QCOMPARE(cell(be, FleetTreeModel::ProblemsColumn), u"1 DOWN, 2 DRAIN, 1 MAINT"_s);
        QCOMPARE(be.data(FleetTreeModel::ProblemsRole).toInt(), 4);
        QCOMPARE(cell(be, FleetTreeModel::DetailColumn), u"4 servers · usable lb1 2/4, lb2 2/4"_s);
        QVERIFY(cell(web(model), FleetTreeModel::ProblemsColumn)
                    .endsWith(u"1 DOWN, 2 DRAIN, 1 MAINT"_s));
        QVERIFY(cell(model.index(0, 0), FleetTreeModel::ProblemsColumn).contains(u"2 DRAIN"_s));
        QCOMPARE(web(model).data(FleetTreeModel::StateCountsRole).toString(),
                 u"1 DOWN, 2 DRAIN, 1 MAINT"_s);
        // The spare server did not change: no signal names it.
        const QModelIndex spare = model.index(3, 0, be);
        for (const QList<QVariant> &signal : std::as_const(changed))
            QVERIFY(signal.at(0).toModelIndex() != spare);

        // A weight that is not the configured one shows.
        for (const QString &host : {u"lb1"_s, u"lb2"_s})
            test::serverIn(data, u"web"_s, host, 3).weight = 50;
        model.applyUpdate(test::makeUpdate(data));
        QCOMPARE(cell(model.index(3, 0, be), FleetTreeModel::DetailColumn),
                 u"UP · weight 50 (config 1) · backup"_s);
    }

    void snapshotsAddRemoveAndChangeBackendsAndServers()
    {
        FleetTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTreeView view;
        view.setModel(&model);
        model.setInventory(test::healthyFleet().inventory);
        model.applyUpdate(test::makeUpdate(test::healthyFleet()));
        view.expandAll();
        const QPersistentModelIndex s1 = model.index(0, 0, webBe(model));
        const QPersistentModelIndex spare = model.index(3, 0, webBe(model));
        view.setCurrentIndex(spare);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        // s3 leaves both hosts, s4 arrives on lb1 only, backend api appears on lb2.
        Snapshot::Data data = test::healthyFleet();
        for (const QString &host : {u"lb1"_s, u"lb2"_s})
            serversOf(data, host).removeAt(2);
        ServerObservation s4 = serversOf(data, u"lb1"_s).first();
        s4.name = u"s4"_s;
        serversOf(data, u"lb1"_s) << s4;
        BackendObservation api = data.haproxies[Snapshot::key(u"web"_s, u"lb2"_s)].backends[0];
        api.name = u"api"_s;
        api.servers.resize(1);
        api.servers[0].backend = u"api"_s;
        api.servers[0].name = u"a1"_s;
        data.haproxies[Snapshot::key(u"web"_s, u"lb2"_s)].backends << api;
        model.applyUpdate(test::makeUpdate(data));

        QCOMPARE(childNames(model, web(model)), (QStringList{u"be"_s, u"api"_s}));
        QCOMPARE(childNames(model, webBe(model)),
                 (QStringList{u"s1"_s, u"s2"_s, u"spare"_s, u"s4"_s}));
        QCOMPARE(childNames(model, model.index(1, 0, web(model))), QStringList{u"a1"_s});
        QCOMPARE(cell(model.index(3, 0, webBe(model)), FleetTreeModel::DetailColumn), u"UP"_s);
        QCOMPARE(cell(webBe(model), FleetTreeModel::DetailColumn),
                 u"4 servers · usable lb1 4/4, lb2 3/3"_s);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.at(0).at(1).toInt(), 2);
        QCOMPARE(inserted.size(), 3); // s4 under be, api under web, a1 under api
        QCOMPARE(reset.size(), 0);
        QCOMPARE(s1.row(), 0);
        QCOMPARE(spare.row(), 2);
        QCOMPARE(spare.data().toString(), u"spare"_s);
        // The view kept its open branches and its current row.
        QVERIFY(view.isExpanded(web(model)));
        QVERIFY(view.isExpanded(webBe(model)));
        QCOMPARE(view.currentIndex(), QModelIndex(spare));

        // The same snapshot again: nothing at all.
        inserted.clear();
        removed.clear();
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.applyUpdate(test::makeUpdate(data));
        QCOMPARE(inserted.size() + removed.size() + changed.size(), 0);

        // The backend goes away again, and so does the whole VIP's data.
        data.haproxies[Snapshot::key(u"web"_s, u"lb2"_s)].backends.removeLast();
        model.applyUpdate(test::makeUpdate(data));
        QCOMPARE(childNames(model, web(model)), QStringList{u"be"_s});
        QCOMPARE(removed.size(), 1);
        data.haproxies.remove(Snapshot::key(u"web"_s, u"lb1"_s));
        data.haproxies.remove(Snapshot::key(u"web"_s, u"lb2"_s));
        model.applyUpdate(test::makeUpdate(data));
        QCOMPARE(model.rowCount(web(model)), 0);
        QVERIFY(!spare.isValid());
        QCOMPARE(reset.size(), 0);
    }
};

QTEST_MAIN(TestFleetTreeLive)
#include "tst_fleettreelive.moc"
