// FleetTreeModel with live state: health and problem counts per group, host
// and VIP from verdicts, changed nodes signalled, under QAbstractItemModelTester.

#include "models/fleettreemodel.h"
#include "tests/models/fleetupdates.h"
#include "tests/support/syntheticfleet.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vipdeck;

class TestFleetTreeLive : public QObject
{
    Q_OBJECT

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
};

QTEST_MAIN(TestFleetTreeLive)
#include "tst_fleettreelive.moc"
