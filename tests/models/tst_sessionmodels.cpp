// BgpSessionModel and BfdSessionModel over the synthetic fleet: rows per
// host, a session going down changes its cells, sessions added and removed,
// all under QAbstractItemModelTester.

#include "models/bfdsessionmodel.h"
#include "models/bgpsessionmodel.h"
#include "tests/models/fleetupdates.h"
#include "tests/support/syntheticfleet.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vipdeck;
using vipdeck::test::healthyFleet;
using vipdeck::test::makeUpdate;

class TestSessionModels : public QObject
{
    Q_OBJECT

private:
    static int rowOf(const QAbstractItemModel &model, int column, const QString &host,
                     const QString &value)
    {
        for (int r = 0; r < model.rowCount(); ++r) {
            if (model.index(r, 0).data().toString() == host &&
                model.index(r, column).data().toString() == value)
                return r;
        }
        return -1;
    }

private slots:
    void bgpSessions()
    {
        BgpSessionModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.applyUpdate(makeUpdate(healthyFleet()));
        QCOMPARE(model.rowCount(), 8); // 4 hosts x rr1, rr2
        const int rr1 = rowOf(model, BgpSessionModel::ProtocolColumn, u"lb2"_s, u"rr1"_s);
        QVERIFY(rr1 >= 0);
        QVERIFY(model.index(rr1, 0).data(BgpSessionModel::EstablishedRole).toBool());
        QCOMPARE(model.index(rr1, BgpSessionModel::StateColumn).data().toString(),
                 bgpStateName(BgpState::Established));

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        Snapshot::Data data = healthyFleet();
        data.hosts[u"lb2"_s].bgpSessions[0].state = BgpState::Active;
        data.hosts[u"lb2"_s].bgpSessions[0].info = u"Socket: Connection refused"_s;
        model.applyUpdate(makeUpdate(data));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed[0].at(0).toModelIndex().row(), rr1);
        QVERIFY(!model.index(rr1, 0).data(BgpSessionModel::EstablishedRole).toBool());
        QCOMPARE(model.index(rr1, BgpSessionModel::InfoColumn).data().toString(),
                 u"Socket: Connection refused"_s);

        data.hosts[u"lb4"_s].bgpSessions.removeLast();
        BgpSessionObservation rr3 = data.hosts[u"lb1"_s].bgpSessions[0];
        rr3.protocol = u"rr3"_s;
        data.hosts[u"lb1"_s].bgpSessions << rr3;
        model.applyUpdate(makeUpdate(data));
        QCOMPARE(removed.size(), 1);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.rowCount(), 8);
        QVERIFY(rowOf(model, BgpSessionModel::ProtocolColumn, u"lb1"_s, u"rr3"_s) >= 0);
        QCOMPARE(rowOf(model, BgpSessionModel::ProtocolColumn, u"lb4"_s, u"rr2"_s), -1);
    }

    void bfdSessions()
    {
        BfdSessionModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        Snapshot::Data data = healthyFleet();
        // The synthetic fleet has two BFD sessions to the same address; give them interfaces.
        for (HostObservation &host : data.hosts) {
            host.bfdSessions[0].interface = u"eth0"_s;
            host.bfdSessions[1].interface = u"eth1"_s;
        }
        model.applyUpdate(makeUpdate(data));
        QCOMPARE(model.rowCount(), 8);
        const int eth1 = rowOf(model, BfdSessionModel::InterfaceColumn, u"lb3"_s, u"eth1"_s);
        QVERIFY(model.index(eth1, 0).data(BfdSessionModel::UpRole).toBool());

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        data.hosts[u"lb3"_s].bfdSessions[1].state = BfdState::Down;
        model.applyUpdate(makeUpdate(data));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed[0].at(0).toModelIndex(), model.index(eth1, BfdSessionModel::StateColumn));
        QCOMPARE(model.index(eth1, BfdSessionModel::StateColumn).data().toString(),
                 bfdStateName(BfdState::Down));

        data.hosts[u"lb3"_s].bfdSessions.clear();
        model.applyUpdate(makeUpdate(data));
        QCOMPARE(model.rowCount(), 6);
        data.hosts.remove(u"lb1"_s); // no observation of lb1 at all
        model.applyUpdate(makeUpdate(data));
        QCOMPARE(model.rowCount(), 4);
    }
};

QTEST_MAIN(TestSessionModels)
#include "tst_sessionmodels.moc"
