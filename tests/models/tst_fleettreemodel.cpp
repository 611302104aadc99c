// FleetTreeModel over the example fleet: structure, roles, and the model
// contract checked by QAbstractItemModelTester across fleet changes.

#include "core/inventory/inventoryloader.h"
#include "models/fleettreemodel.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace Qt::StringLiterals;
using vipdeck::FleetTreeModel;

class TestFleetTreeModel : public QObject
{
    Q_OBJECT

private:
    static vipdeck::Inventory example()
    {
        const vipdeck::LoadedInventory loaded =
            vipdeck::loadInventory(QString::fromUtf8(VIPDECK_EXAMPLE_FLEET));
        if (!loaded.ok())
            qFatal("example fleet does not load");
        return *loaded.inventory;
    }

    static QStringList childNames(const QAbstractItemModel &model, const QModelIndex &parent)
    {
        QStringList names;
        for (int row = 0; row < model.rowCount(parent); ++row)
            names << model.index(row, FleetTreeModel::NameColumn, parent).data().toString();
        return names;
    }

private slots:
    void groupsHostsAndVips()
    {
        FleetTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setInventory(example());

        QCOMPARE(childNames(model, {}), (QStringList{u"campus"_s, u"lbaas"_s, u"edge"_s}));
        const QModelIndex campus = model.index(0, 0);
        QCOMPARE(childNames(model, campus),
                 (QStringList{u"lb1"_s, u"lb2"_s, u"typo3"_s, u"moodle"_s, u"mail"_s}));
        QCOMPARE(model.index(0, FleetTreeModel::DetailColumn).data().toString(),
                 u"active-active"_s);
        QCOMPARE(model.index(1, FleetTreeModel::DetailColumn).data().toString(),
                 u"primary-backup, primary lb3"_s);

        const QModelIndex typo3 = model.index(2, 0, campus);
        QCOMPARE(typo3.data(FleetTreeModel::KindRole).toInt(), int(FleetTreeModel::NodeKind::Vip));
        QCOMPARE(typo3.data(FleetTreeModel::GroupRole).toString(), u"campus"_s);
        QCOMPARE(model.index(2, FleetTreeModel::DetailColumn, campus).data().toString(),
                 u"203.0.113.10/32, 2001:db8:100::10/128"_s);
        QCOMPARE(model.parent(typo3), campus);

        const QModelIndex lb1 = model.index(0, 0, campus);
        QCOMPARE(lb1.data(FleetTreeModel::KindRole).toInt(), int(FleetTreeModel::NodeKind::Host));
        QCOMPARE(model.rowCount(lb1), 0);
    }

    void replacingTheFleetKeepsTheContract()
    {
        FleetTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setInventory(example());
        model.setInventory(vipdeck::Inventory());
        QCOMPARE(model.rowCount(), 0);
        model.setInventory(example());
        QCOMPARE(model.rowCount(), 3);
    }
};

QTEST_GUILESS_MAIN(TestFleetTreeModel)
#include "tst_fleettreemodel.moc"
