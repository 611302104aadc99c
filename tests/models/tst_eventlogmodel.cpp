// EventLogModel: newest first, bounded, roles for filtering; under
// QAbstractItemModelTester while events arrive and old ones fall off.

#include "models/eventlogmodel.h"
#include "models/healthstyle.h"
#include "tests/models/fleetupdates.h"
#include "tests/support/syntheticfleet.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vipdeck;

class TestEventLogModel : public QObject
{
    Q_OBJECT

private:
    static FleetEvent event(int n)
    {
        FleetEvent e;
        e.time = test::syntheticNow().addSecs(n);
        e.kind = FleetEvent::Kind::ServerStatus;
        e.severity = n % 2 ? FleetEvent::Severity::Problem : FleetEvent::Severity::Info;
        e.host = u"lb1"_s;
        e.vip = u"web"_s;
        e.backend = u"be"_s;
        e.server = u"s%1"_s.arg(n);
        e.text = u"event %1"_s.arg(n);
        return e;
    }

private slots:
    void newestFirstAndBounded()
    {
        EventLogModel model(5);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.addEvents({event(1), event(2), event(3)});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, EventLogModel::TextColumn).data().toString(), u"event 3"_s);
        QCOMPARE(model.index(2, EventLogModel::TextColumn).data().toString(), u"event 1"_s);
        QCOMPARE(model.index(0, 0).data(EventLogModel::ServerRole).toString(), u"s3"_s);
        QCOMPARE(model.index(0, 0).data(EventLogModel::SeverityRole).toInt(),
                 int(FleetEvent::Severity::Problem));

        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.addEvents({event(4), event(5), event(6), event(7)});
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(model.index(0, EventLogModel::TextColumn).data().toString(), u"event 7"_s);
        QCOMPARE(model.index(4, EventLogModel::TextColumn).data().toString(), u"event 3"_s);

        // More than the capacity at once: only the newest stay.
        QList<FleetEvent> many;
        for (int i = 10; i < 20; ++i)
            many << event(i);
        model.addEvents(many);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.index(0, EventLogModel::TextColumn).data().toString(), u"event 19"_s);
        QCOMPARE(model.index(4, EventLogModel::TextColumn).data().toString(), u"event 15"_s);
        model.addEvents({});
        QCOMPARE(model.rowCount(), 5);
    }

    void earlierEventsGoBelowAndNeverTwice()
    {
        EventLogModel model(6);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.addEvents({event(10), event(11)});
        // From the history store: 8..11, of which 10 and 11 are already shown.
        QCOMPARE(model.addEarlierEvents({event(7), event(8), event(9), event(10), event(11)}), 3);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.index(0, EventLogModel::TextColumn).data().toString(), u"event 11"_s);
        QCOMPARE(model.index(2, EventLogModel::TextColumn).data().toString(), u"event 9"_s);
        QCOMPARE(model.index(4, EventLogModel::TextColumn).data().toString(), u"event 7"_s);
        // The capacity holds: the newest of the earlier ones are kept.
        QCOMPARE(model.addEarlierEvents({event(1), event(2), event(3)}), 1);
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.index(5, EventLogModel::TextColumn).data().toString(), u"event 3"_s);
        // Into an empty model: all, newest first.
        EventLogModel empty;
        QCOMPARE(empty.addEarlierEvents({event(1), event(2)}), 2);
        QCOMPARE(empty.index(0, EventLogModel::TextColumn).data().toString(), u"event 2"_s);
    }

    void severityIconsNeverSayHealthyForInformation()
    {
        EventLogModel model;
        FleetEvent info = event(1);
        info.severity = FleetEvent::Severity::Info;
        FleetEvent problem = event(2);
        problem.severity = FleetEvent::Severity::Problem;
        model.addEvents({info, problem});
        const auto icon = [&](int row) {
            return model.index(row, EventLogModel::SeverityColumn)
                .data(Qt::DecorationRole)
                .value<QIcon>()
                .cacheKey();
        };
        QCOMPARE(icon(1), infoIcon().cacheKey()); // the older one: info
        QVERIFY(icon(1) != healthIcon(Health::Healthy).cacheKey());
        QCOMPARE(icon(0), healthIcon(Health::Critical).cacheKey());
    }

    void eventsFromRealSnapshotDiffs()
    {
        EventLogModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const FleetUpdate first = test::makeUpdate(test::healthyFleet());
        Snapshot::Data data = test::healthyFleet();
        test::serverIn(data, u"web"_s, u"lb1"_s, 1).status.state = ServerState::Down;
        test::serverIn(data, u"web"_s, u"lb1"_s, 1).status.raw = u"DOWN"_s;
        const FleetUpdate second = test::makeUpdate(data, first.snapshot);
        QVERIFY(!second.events.isEmpty());
        model.addEvents(second.events);
        QCOMPARE(model.rowCount(), second.events.size());
        bool found = false;
        for (int r = 0; r < model.rowCount(); ++r)
            found |= model.index(r, 0).data(EventLogModel::ServerRole).toString() == u"s2"_s;
        QVERIFY(found);
    }
};

QTEST_MAIN(TestEventLogModel)
#include "tst_eventlogmodel.moc"
