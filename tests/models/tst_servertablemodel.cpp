// ServerTableModel over the synthetic fleet: one row per server everywhere,
// admin states, drift, and snapshots applied as diffs under
// QAbstractItemModelTester.

#include "models/servertablemodel.h"
#include "tests/models/fleetupdates.h"
#include "tests/support/syntheticfleet.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vipdeck;
using vipdeck::test::healthyFleet;
using vipdeck::test::makeUpdate;
using vipdeck::test::serverIn;

class TestServerTableModel : public QObject
{
    Q_OBJECT

private:
    static int rowOf(const ServerTableModel &model, const QString &vip, const QString &host,
                     const QString &server)
    {
        for (int r = 0; r < model.rowCount(); ++r) {
            const QModelIndex i = model.index(r, 0);
            if (i.data(ServerTableModel::VipRole) == vip &&
                i.data(ServerTableModel::HostRole) == host &&
                i.data(ServerTableModel::ServerRole) == server)
                return r;
        }
        return -1;
    }

private slots:
    void everyServerEverywhere()
    {
        ServerTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.applyUpdate(makeUpdate(healthyFleet()));
        // 2 VIPs x 2 hosts x 4 servers.
        QCOMPARE(model.rowCount(), 16);
        QCOMPARE(model.columnCount(), int(ServerTableModel::ColumnCount));
        const int r = rowOf(model, u"web"_s, u"lb2"_s, u"s2"_s);
        QVERIFY(r >= 0);
        QCOMPARE(model.index(r, ServerTableModel::StatusColumn).data().toString(), u"UP"_s);
        QCOMPARE(model.index(r, ServerTableModel::AdminColumn).data(ServerTableModel::AdminRole),
                 QVariant(int(AdminState::Ready)));
        QCOMPARE(model.index(r, ServerTableModel::BackendColumn).data().toString(), u"be"_s);
        QCOMPARE(model.index(r, ServerTableModel::CheckColumn).data().toString(), u"L7OK"_s);
        QVERIFY(!model.index(r, 0).data(ServerTableModel::DriftRole).toBool());
        const int spare = rowOf(model, u"web"_s, u"lb2"_s, u"spare"_s);
        QVERIFY(model.index(spare, 0).data(ServerTableModel::BackupRole).toBool());
        QVERIFY(model.index(spare, ServerTableModel::ServerColumn)
                    .data()
                    .toString()
                    .contains(u"backup"_s));
        QCOMPARE(model.headerData(ServerTableModel::SessionsColumn, Qt::Horizontal).toString(),
                 u"Sessions"_s);
        // Where a server is leads the row.
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), u"Host"_s);
        QCOMPARE(model.index(spare, 0).data().toString(), u"lb2"_s);
        // Status sorts by need of attention: DOWN (admin ready) < drained < usable.
        Snapshot::Data data = healthyFleet();
        serverIn(data, u"web"_s, u"lb1"_s, 0).status.state = ServerState::Down;
        serverIn(data, u"web"_s, u"lb1"_s, 1).adminFlags = AdminFlag::ForcedDrain;
        model.applyUpdate(makeUpdate(data));
        const auto rank = [&](int server) {
            const int row =
                rowOf(model, u"web"_s, u"lb1"_s, serverIn(data, u"web"_s, u"lb1"_s, server).name);
            return model.index(row, ServerTableModel::StatusColumn)
                .data(ServerTableModel::SortRole)
                .toInt();
        };
        QVERIFY(rank(0) < rank(1));
        QVERIFY(rank(1) < rank(2));
    }

    void weightOnOneHostIsDriftAsInTheVerdict()
    {
        // One rule: what the verdict calls drift, the Drift column and
        // filter show, for a weight as for an admin state.
        ServerTableModel model;
        Snapshot::Data data = healthyFleet();
        serverIn(data, u"web"_s, u"lb1"_s, 1).weight = 50;
        const FleetUpdate update = makeUpdate(data);
        model.applyUpdate(update);
        const auto verdict = update.verdicts->vips.constFind(u"web"_s);
        QVERIFY(verdict != update.verdicts->vips.cend());
        QStringList driftReasons;
        for (const Reason &reason : verdict->reasons)
            if (reason.text.startsWith(u"drift: "_s))
                driftReasons << reason.text;
        QCOMPARE(driftReasons.size(), 1);
        QVERIFY2(driftReasons.first().contains(u"/s2 is weight 50 on lb1"_s),
                 qPrintable(driftReasons.first()));
        for (const QString &host : {u"lb1"_s, u"lb2"_s})
            QVERIFY(model.index(rowOf(model, u"web"_s, host, u"s2"_s), 0)
                        .data(ServerTableModel::DriftRole)
                        .toBool());
        QVERIFY(!model.index(rowOf(model, u"web"_s, u"lb1"_s, u"s1"_s), 0)
                     .data(ServerTableModel::DriftRole)
                     .toBool());
    }

    void drainOnOneHostIsDrift()
    {
        ServerTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const FleetUpdate first = makeUpdate(healthyFleet());
        model.applyUpdate(first);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

        Snapshot::Data data = healthyFleet();
        ServerObservation &s1 = serverIn(data, u"web"_s, u"lb1"_s, 0);
        s1.adminFlags |= AdminFlag::ForcedDrain;
        s1.weight = 0;
        s1.status.state = ServerState::Drain;
        s1.status.raw = u"DRAIN"_s;
        model.applyUpdate(makeUpdate(data, first.snapshot));

        QCOMPARE(resets.size(), 0);
        const int lb1 = rowOf(model, u"web"_s, u"lb1"_s, u"s1"_s);
        const int lb2 = rowOf(model, u"web"_s, u"lb2"_s, u"s1"_s);
        QCOMPARE(model.index(lb1, ServerTableModel::AdminColumn).data().toString(),
                 adminStateName(AdminState::Drain));
        QVERIFY(model.index(lb1, 0).data(ServerTableModel::DriftRole).toBool());
        QVERIFY(model.index(lb2, 0).data(ServerTableModel::DriftRole).toBool());
        QCOMPARE(model.index(lb2, ServerTableModel::DriftColumn).data().toString(), u"drift"_s);
        // Other servers did not drift.
        QVERIFY(!model.index(rowOf(model, u"web"_s, u"lb2"_s, u"s2"_s), 0)
                     .data(ServerTableModel::DriftRole)
                     .toBool());
        // Exactly two rows changed (s1 on lb1 and on lb2), nothing else.
        QSet<int> rows;
        for (const QList<QVariant> &signal : changed) {
            const QModelIndex tl = signal.at(0).toModelIndex();
            const QModelIndex br = signal.at(1).toModelIndex();
            for (int r = tl.row(); r <= br.row(); ++r)
                rows.insert(r);
        }
        QCOMPARE(rows, (QSet<int>{lb1, lb2}));
    }

    void serversAddedAndRemoved()
    {
        ServerTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.applyUpdate(makeUpdate(healthyFleet()));
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

        Snapshot::Data data = healthyFleet();
        auto &servers = data.haproxies[Snapshot::key(u"tenant"_s, u"lb3"_s)].backends[0].servers;
        servers.removeAt(1); // s2 gone
        ServerObservation s9 = servers[0];
        s9.name = u"s9"_s;
        servers << s9;
        model.applyUpdate(makeUpdate(data));
        QCOMPARE(removed.size(), 1);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.rowCount(), 16);
        QCOMPARE(rowOf(model, u"tenant"_s, u"lb3"_s, u"s2"_s), -1);
        QVERIFY(rowOf(model, u"tenant"_s, u"lb3"_s, u"s9"_s) >= 0);

        // A host whose HAProxy never answered has no rows.
        Snapshot::Data gone = healthyFleet();
        gone.haproxies.remove(Snapshot::key(u"web"_s, u"lb1"_s));
        model.applyUpdate(makeUpdate(gone));
        QCOMPARE(model.rowCount(), 12);
        QCOMPARE(rowOf(model, u"web"_s, u"lb1"_s, u"s1"_s), -1);

        // Everything back.
        model.applyUpdate(makeUpdate(healthyFleet()));
        QCOMPARE(model.rowCount(), 16);
    }
};

QTEST_MAIN(TestServerTableModel)
#include "tst_servertablemodel.moc"
