// The console opens a fleet with the previous session's state on screen at
// once, marked stale with its age, and the first real poll replaces it; a
// corrupt state file is ignored with a warning.  The fleet's hosts point at a
// closed port on 127.0.0.1, so every live poll fails fast and for real.

#include "core/fleet/fleetpoller.h"
#include "core/fleet/lastknownstate.h"
#include "core/fleet/snapshotstore.h"
#include "models/fleetmodels.h"
#include "models/recenthistory.h"
#include "tests/support/syntheticfleet.h"
#include "tests/support/testdata.h"
#include "views/mainwindow.h"

#include <QLabel>
#include <QStandardPaths>
#include <QTcpServer>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vipdeck;

namespace {

// A port nothing listens on: bound, then released.
int closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

QByteArray fleetYaml(int port)
{
    return QByteArray(R"(version: 1
defaults:
  poll_interval: 1s
  ssh:
    port: )") +
           QByteArray::number(port) +
           R"(
    use_agent: false
    connect_timeout: 2s
  haproxy:
    stats_socket: /run/haproxy/{vip}.sock
  bird:
    control_socket: /run/bird/bird.ctl
    vip_protocol: vip_{vip}
hosts:
  - {name: lb1, address: 127.0.0.1}
  - {name: lb2, address: 127.0.0.1}
groups:
  - {name: aa, mode: active-active, hosts: [lb1, lb2]}
vips:
  - {name: web, group: aa, prefixes: [203.0.113.10/32], min_up_servers: 2}
)";
}

QModelIndex cell(const MainWindow &window, const QString &vip, const QString &host)
{
    const VipHostMatrixModel *matrix = window.models()->matrix();
    for (int c = 0; c < matrix->columnCount(); ++c) {
        const QModelIndex index = matrix->index(matrix->rowOfVip(vip), c);
        if (index.data(VipHostMatrixModel::HostRole).toString() == host)
            return index;
    }
    return {};
}

// Removes the state file after the window (declared later) saved it on its
// way out: the fleet's temporary path is never opened again.
struct RemoveAtEnd
{
    QString path;
    ~RemoveAtEnd() { QFile::remove(path); }
};

} // namespace

class TestLastState : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void previousStateShowsAtOnceThenTheFirstPollReplacesIt()
    {
        test::TempDir dir;
        const QString fleet = dir.write(u"fleet.yaml"_s, fleetYaml(closedPort()));
        const SnapshotStore store(SnapshotStore::defaultDirectory());
        // The previous session's state: synthetic data of lb1..lb4 (the fleet
        // file now has lb1 and lb2), read hours before this test runs.
        QVERIFY(store.save(fleet, Snapshot(test::healthyFleet())));

        const RemoveAtEnd removeAtEnd{store.fileFor(fleet)};
        MainWindow window;
        QVERIFY(window.openFleet(fleet));
        // At once, before any event loop turn: the restored state, stale, with its age.
        QVERIFY(window.lastKnownState()->showsRestored());
        const QModelIndex lb1 = cell(window, u"web"_s, u"lb1"_s);
        QVERIFY(lb1.isValid());
        QVERIFY(lb1.data(VipHostMatrixModel::StaleRole).toBool());
        const qint64 age = lb1.data(VipHostMatrixModel::AgeRole).toLongLong();
        QVERIFY2(age > 3600, qPrintable(QString::number(age)));
        QVERIFY2(lb1.data().toString().contains(u"s old"_s), qPrintable(lb1.data().toString()));
        QVERIFY(lb1.data(VipHostMatrixModel::ReasonsRole)
                    .toStringList()
                    .join(u'\n')
                    .contains(u"last known state"_s));
        QVERIFY(lb1.data(VipHostMatrixModel::AnnouncedRole).toBool());
        auto *status = window.findChild<QLabel *>(u"statusLastPoll"_s);
        QVERIFY2(status->text().contains(u"last known state"_s), qPrintable(status->text()));
        QCOMPARE(window.models()->servers()->rowCount(), 2 * 4); // web's 4 servers on 2 hosts

        // As it looks before the first poll lands (grab() needs no event loop).
        if (const QByteArray shots = qgetenv("VIPDECK_SCREENSHOT_DIR"); !shots.isEmpty())
            window.grab().save(QString::fromLocal8Bit(shots) + u"/last-state.png"_s);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // The first real poll (connection refused on both hosts) replaces it.
        QTRY_VERIFY_WITH_TIMEOUT(!window.lastKnownState()->showsRestored(), 20000);
        const QModelIndex live = cell(window, u"web"_s, u"lb1"_s);
        QVERIFY(!live.data(VipHostMatrixModel::ReasonsRole)
                     .toStringList()
                     .join(u'\n')
                     .contains(u"last known state"_s));
        QVERIFY(!status->text().contains(u"last known state"_s));
    }

    void eventsAndChartsOfTheLastHourSurviveARestart()
    {
        test::TempDir dir;
        const QString fleet = dir.write(u"fleet.yaml"_s, fleetYaml(closedPort()));
        const RecentHistory recent(RecentHistory::defaultDirectory());
        const RemoveAtEnd removeAtEnd{recent.fileFor(fleet)};
        FleetEvent seen;
        {
            MainWindow window;
            QVERIFY(window.openFleet(fleet));
            // A first poll (connection refused) makes events of its own;
            // this one stands for what happened in the session.
            QTRY_VERIFY_WITH_TIMEOUT(!window.lastKnownState()->showsRestored(), 20000);
            seen.time = QDateTime::currentDateTimeUtc().addSecs(-60);
            seen.kind = FleetEvent::Kind::ServerStatus;
            seen.severity = FleetEvent::Severity::Problem;
            seen.host = u"lb1"_s;
            seen.vip = u"web"_s;
            seen.server = u"web-01"_s;
            seen.text = u"server web/web-01 on lb1 went DOWN (a minute ago)"_s;
            window.models()->events()->addEvents({seen});
            window.close(); // saves, as quitting does
        }
        MainWindow again;
        QVERIFY(again.openFleet(fleet));
        const EventLogModel *events = again.models()->events();
        bool found = false;
        for (int r = 0; r < events->rowCount(); ++r)
            found |= events->event(r).text == seen.text && events->event(r).time == seen.time;
        QVERIFY2(found, "the event of the session before is in the Events tab at once");
    }

    void corruptStateIsIgnored()
    {
        test::TempDir dir;
        const QString fleet = dir.write(u"fleet.yaml"_s, fleetYaml(closedPort()));
        const SnapshotStore store(SnapshotStore::defaultDirectory());
        QVERIFY(QDir().mkpath(store.directory()));
        QFile file(store.fileFor(fleet));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not CBOR at all \xff\xff");
        file.close();

        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(u"ignoring the last known state of .*"_s));
        const RemoveAtEnd removeAtEnd{store.fileFor(fleet)};
        MainWindow window;
        QVERIFY(window.openFleet(fleet));
        QVERIFY(!window.lastKnownState()->showsRestored());
        QVERIFY(!cell(window, u"web"_s, u"lb1"_s).data(VipHostMatrixModel::StaleRole).toBool());
        // The first poll's state replaces the broken file.
        QTRY_VERIFY_WITH_TIMEOUT(store.load(fleet, window.poller()->inventory()).ok(), 20000);
    }
};

QTEST_MAIN(TestLastState)
#include "tst_laststate.moc"
