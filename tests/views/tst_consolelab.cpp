// The console on the lab's fleet (LAB): open the fleet, quick-find web-01,
// drain it everywhere through the operation dialog with a reason, see every
// target succeed and the audit record, then reverse it with one click and see
// it ready again; a rolling reload through the reload dialog after its
// pre-flight, and one refused at the pre-flight; an unreachable host, a lost
// redundancy, a drift and an outage as the Overview, its verdict column and
// the window title show them.  Everything through the widgets, found by
// objectName.

#include "core/audit/auditstore.h"
#include "core/fleet/fleetpoller.h"
#include "core/haproxy/haproxyclient.h"
#include "core/ssh/localtransport.h"
#include "models/attentionnotifier.h"
#include "models/auditlogmodel.h"
#include "models/eventlogmodel.h"
#include "models/fleetmodels.h"
#include "models/healthstyle.h"
#include "models/recenthistory.h"
#include "models/viphostmatrixmodel.h"
#include "tests/support/futurewait.h"
#include "tests/support/lab.h"
#include "tests/support/testdata.h"
#include "views/hostkey/hostkeydialog.h"
#include "views/mainwindow.h"
#include "views/operations/serveroperationdialog.h"
#include "views/quickfind/quickfinddialog.h"
#include "views/reload/reloaddialog.h"

#include <QAction>
#include <QCheckBox>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTreeWidget>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vipdeck;

namespace {

constexpr int Timeout = 30'000;

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// web-01's rows in the server table with the given admin state and UP status.
int rowsOf(const ServerTableModel *model, const QString &server, AdminState admin)
{
    int n = 0;
    for (int r = 0; r < model->rowCount(); ++r) {
        const QModelIndex index = model->index(r, 0);
        if (index.data(ServerTableModel::ServerRole).toString() == server &&
            index.data(ServerTableModel::AdminRole).toInt() == int(admin))
            ++n;
    }
    return n;
}

} // namespace

class TestConsoleLab : public QObject
{
    Q_OBJECT

    // The lab's fleet in `window` (audit log in `dir`), `vip` healthy and shown.
    void openOnVip(MainWindow &window, const test::Lab &lab, const test::TempDir &dir,
                   const QString &vip)
    {
        window.setAuditStoreConfig(AuditStoreConfig::sqlite(dir.filePath(u"audit.sqlite"_s)));
        QVERIFY(window.openFleet(lab.fleetFile()));
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(
            window.models()->latest().verdicts->vips.value(vip).health == Health::Healthy, Timeout);
        window.showVip(vip);
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void eventsOfTheSessionBeforeComeFromTheHistory()
    {
        const test::Lab lab = test::Lab::fromEnvironment();
        QVERIFY2(lab.isAvailable(), "VIPDECK_LAB_DIR is not set: run through CTest (lab_up)");
        test::TempDir dir;
        // A history store of this test's own.
        QSettings().setValue(u"history/url"_s, dir.filePath(u"history.sqlite"_s));
        const auto forget = qScopeGuard([] { QSettings().remove(u"history/url"_s); });
        const auto downEvents = [](const MainWindow &window) {
            int n = 0;
            const EventLogModel *events = window.models()->events();
            for (int r = 0; r < events->rowCount(); ++r) {
                const FleetEvent &e = events->event(r);
                n += e.kind == FleetEvent::Kind::ServerStatus && e.server == u"web-01"_s &&
                     e.after.startsWith(u"DOWN"_s);
            }
            return n;
        };
        {
            MainWindow window;
            openOnVip(window, lab, dir, u"web"_s);
            auto *status = window.findChild<QLabel *>(u"statusHistory"_s);
            QTRY_COMPARE_WITH_TIMEOUT(status->text(), u"History: recording"_s, Timeout);
            QVERIFY2(status->toolTip().contains(dir.filePath(u"history.sqlite"_s)),
                     qPrintable(status->toolTip()));
            {
                test::LabFault fault(lab, {u"server-down"_s, u"web-01"_s});
                QVERIFY2(fault.injected(), qPrintable(fault.output()));
                QTRY_VERIFY_WITH_TIMEOUT(downEvents(window) >= 1, Timeout);
            }
            // Healed, and seen healed: the DOWN span has its end in the store.
            QTRY_VERIFY_WITH_TIMEOUT(
                window.models()->latest().verdicts->vips.value(u"web"_s).health == Health::Healthy,
                Timeout);
            window.close();
        }
        // The console's own cache of the last hour is gone: what the next
        // session shows of this one comes from the history store.
        QFile::remove(RecentHistory(RecentHistory::defaultDirectory())
                          .fileFor(QFileInfo(lab.fleetFile()).absoluteFilePath()));
        MainWindow again;
        again.setAuditStoreConfig(AuditStoreConfig::sqlite(dir.filePath(u"audit.sqlite"_s)));
        QVERIFY(again.openFleet(lab.fleetFile()));
        QTRY_VERIFY_WITH_TIMEOUT(downEvents(again) >= 1, Timeout);
    }

    void unreachableHostIsUnknownOrWhatTheObserversHold()
    {
        const test::Lab lab = test::Lab::fromEnvironment();
        QVERIFY2(lab.isAvailable(), "VIPDECK_LAB_DIR is not set: run through CTest (lab_up)");
        test::TempDir dir;
        // The lab's fleet (its route reflectors are observers) and the same without them.
        MainWindow observed;
        MainWindow plain;
        observed.setAuditStoreConfig(AuditStoreConfig::sqlite(dir.filePath(u"a1.sqlite"_s)));
        plain.setAuditStoreConfig(AuditStoreConfig::sqlite(dir.filePath(u"a2.sqlite"_s)));
        QVERIFY(observed.openFleet(lab.fleetFile()));
        QVERIFY(plain.openFleet(lab.fleetFileWithoutObservers(dir.path())));
        observed.show();
        plain.show();
        const auto cell = [](MainWindow &window, const QString &vip, const QString &host) {
            VipHostMatrixModel *matrix = window.models()->matrix();
            const int row = matrix->rowOfVip(vip);
            const int column = int(matrix->hosts().indexOf(host));
            return row < 0 || column < 0 ? QModelIndex() : matrix->index(row, column);
        };
        for (MainWindow *window : {&observed, &plain})
            QTRY_COMPARE_WITH_TIMEOUT(cell(*window, u"web"_s, u"lb2"_s).data().toString(),
                                      u"HEALTHY \u25B2"_s, Timeout);
        // The route reflectors answer in their own rounds, maybe after the hosts.
        auto *summary = observed.findChild<QLabel *>(u"overviewSummary"_s);
        QTRY_VERIFY2_WITH_TIMEOUT(summary->text().contains(u"observers: 2 of 2 read"_s),
                                  qPrintable(summary->text()), Timeout);
        const QString fleetName = QFileInfo(lab.fleetFile()).fileName();
        QTRY_COMPARE_WITH_TIMEOUT(observed.windowTitle(),
                                  u"all healthy \u2014 %1 \u2014 vipdeck"_s.arg(fleetName),
                                  Timeout);

        test::LabFault fault(lab, {u"sshd-stop"_s, u"lb2"_s});
        QVERIFY2(fault.injected(), qPrintable(fault.output()));
        // Without observers: unknown, never withdrawn.
        QTRY_COMPARE_WITH_TIMEOUT(cell(plain, u"web"_s, u"lb2"_s).data().toString(),
                                  u"UNKNOWN \u25B3?"_s, Timeout);
        const QString plainTip = cell(plain, u"web"_s, u"lb2"_s).data(Qt::ToolTipRole).toString();
        QVERIFY2(plainTip.contains(u"announcement unknown: lb2 is unreachable"_s) &&
                     !plainTip.contains(u"NOT announced"_s),
                 qPrintable(plainTip));
        // With them: what the route reflectors hold (lb2's BIRD still runs).
        QTRY_COMPARE_WITH_TIMEOUT(cell(observed, u"web"_s, u"lb2"_s).data().toString(),
                                  u"UNKNOWN \u25B2*"_s, Timeout);
        const QString tip = cell(observed, u"web"_s, u"lb2"_s).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(u"* as rr1, rr2 see(s) it"_s) &&
                     tip.contains(u"lb2 is unreachable, but rr1, rr2 still hold(s) lb2's path"_s),
                 qPrintable(tip));
        QCOMPARE(cell(observed, u"web"_s, u"lb1"_s).data().toString(), u"HEALTHY \u25B2"_s);
        // The VIP's own verdict, in its column, says the same as the title.
        VipHostMatrixModel *matrix = plain.models()->matrix();
        const QModelIndex verdict =
            matrix->index(matrix->rowOfVip(u"web"_s), matrix->verdictColumn());
        const auto health = Health(verdict.data(VipHostMatrixModel::HealthRole).toInt());
        QVERIFY(health != Health::Healthy);
        QVERIFY2(verdict.data().toString().startsWith(healthShortText(health) + u" \u2014 "_s),
                 qPrintable(verdict.data().toString()));
        QTRY_VERIFY2_WITH_TIMEOUT(plain.windowTitle().contains(healthName(health)),
                                  qPrintable(plain.windowTitle()), Timeout);
    }

    void outageReadsAsAnOutage()
    {
        const test::Lab lab = test::Lab::fromEnvironment();
        QVERIFY2(lab.isAvailable(), "VIPDECK_LAB_DIR is not set: run through CTest (lab_up)");
        test::TempDir dir;
        MainWindow window;
        openOnVip(window, lab, dir, u"web"_s);
        VipHostMatrixModel *matrix = window.models()->matrix();
        const auto at = [matrix](const QString &vip, int column) {
            return matrix->index(matrix->rowOfVip(vip), column);
        };
        // Every decision to notify, without the 30 s spacing of the desktop.
        window.notifier()->setMinInterval(0);
        QSignalSpy notifications(window.notifier(), &AttentionNotifier::notificationReady);
        // Both hosts stop announcing: every VIP is withdrawn everywhere while
        // every HAProxy is fine.
        test::LabFault lb1(lab, {u"bgp-down"_s, u"lb1"_s});
        test::LabFault lb2(lab, {u"bgp-down"_s, u"lb2"_s});
        QVERIFY2(lb1.injected() && lb2.injected(), qPrintable(lb1.output() + lb2.output()));
        const int vips = matrix->rowCount();
        QTRY_VERIFY_WITH_TIMEOUT(
            at(u"web"_s, matrix->verdictColumn()).data(VipHostMatrixModel::HealthRole).toInt() ==
                int(Health::Critical),
            Timeout);
        const QString verdict = at(u"web"_s, matrix->verdictColumn()).data().toString();
        QVERIFY2(verdict.startsWith(u"CRITICAL \u2014 web is withdrawn on every host"_s) &&
                     verdict.contains(u"outage (confirmed by rr1, rr2"_s),
                 qPrintable(verdict));
        // No cell of the row is green: each says withdrawn.
        for (int c = 0; c < matrix->verdictColumn(); ++c) {
            QTRY_VERIFY_WITH_TIMEOUT(at(u"web"_s, c).data().toString().endsWith(u" \u25BD"_s),
                                     Timeout);
            QVERIFY(at(u"web"_s, c).data(Qt::BackgroundRole).value<QColor>() !=
                    healthTint(Health::Healthy));
        }
        QTRY_VERIFY2_WITH_TIMEOUT(
            window.windowTitle().startsWith(u"%1 critical \u2014 "_s.arg(vips)),
            qPrintable(window.windowTitle()), Timeout);
        // Worst first: the outage rows lead, and the summary counts them.
        auto *summary = window.findChild<QLabel *>(u"overviewSummary"_s);
        QTRY_VERIFY2_WITH_TIMEOUT(summary->text().contains(u"%1 critical"_s.arg(vips)),
                                  qPrintable(summary->text()), Timeout);
        // A notification said web became critical, once, however many polls
        // see it critical after that.
        QSignalSpy updates(window.poller(), &FleetPoller::updated);
        QTRY_VERIFY_WITH_TIMEOUT(updates.size() >= 6, Timeout);
        int aboutWeb = 0;
        for (const QList<QVariant> &args : std::as_const(notifications)) {
            const auto notification = args.at(0).value<AttentionNotification>();
            if (notification.subjects.contains(u"vip:web"_s)) {
                ++aboutWeb;
                QCOMPARE(notification.health, Health::Critical);
                QVERIFY2(notification.body.contains(u"web is critical: web is withdrawn"_s),
                         qPrintable(notification.body));
            }
        }
        QCOMPARE(aboutWeb, 1);
    }

    void lostRedundancyAndDriftReadAsSuch()
    {
        const test::Lab lab = test::Lab::fromEnvironment();
        QVERIFY2(lab.isAvailable(), "VIPDECK_LAB_DIR is not set: run through CTest (lab_up)");
        test::TempDir dir;
        MainWindow window;
        openOnVip(window, lab, dir, u"web"_s);
        VipHostMatrixModel *matrix = window.models()->matrix();
        const auto at = [matrix](int column) {
            return matrix->index(matrix->rowOfVip(u"web"_s), column);
        };
        const int verdictColumn = matrix->verdictColumn();
        const int lb2 = int(matrix->hosts().indexOf(u"lb2"_s));
        {
            // lb2 stops announcing: web runs on lb1 alone.
            test::LabFault fault(lab, {u"bgp-down"_s, u"lb2"_s});
            QVERIFY2(fault.injected(), qPrintable(fault.output()));
            QTRY_VERIFY_WITH_TIMEOUT(
                at(verdictColumn).data().toString().contains(u"no redundancy"_s), Timeout);
            QVERIFY2(at(verdictColumn).data().toString().startsWith(u"DEGRADED \u2014 "_s),
                     qPrintable(at(verdictColumn).data().toString()));
            QTRY_VERIFY_WITH_TIMEOUT(at(lb2).data().toString().endsWith(u" \u25BD"_s), Timeout);
            QVERIFY(at(lb2).data(Qt::BackgroundRole).value<QColor>() !=
                    healthTint(Health::Healthy));
        }
        QTRY_COMPARE_WITH_TIMEOUT(at(verdictColumn).data().toString(), u"HEALTHY"_s, Timeout);

        // web-02 drained on lb1 only (by hand, beside vipdeck): a drift.
        QString socket;
        for (const QJsonValue host : lab.state().value(u"hosts"_s).toArray()) {
            if (host[u"name"_s].toString() == u"lb1"_s)
                socket = host[u"vips"_s][u"web"_s][u"stats_socket"_s].toString();
        }
        QVERIFY(!socket.isEmpty());
        LocalTransport transport;
        const HaproxyClient client(&transport, socket);
        QVERIFY(test::waitForResult(
                    client.setServerState(u"web"_s, u"web-02"_s, ServerAdminAction::Drain))
                    ->ok());
        const auto ready = qScopeGuard([&] {
            (void)test::waitForResult(
                client.setServerState(u"web"_s, u"web-02"_s, ServerAdminAction::Ready));
        });
        QTRY_VERIFY_WITH_TIMEOUT(at(verdictColumn).data().toString().contains(u"drift: "_s),
                                 Timeout);
        QCOMPARE(at(verdictColumn).data(VipHostMatrixModel::HealthRole).toInt(),
                 int(Health::Degraded));
    }

    void drainEverywhereAndReverse()
    {
        const test::Lab lab = test::Lab::fromEnvironment();
        QVERIFY2(lab.isAvailable(), "VIPDECK_LAB_DIR is not set: run through CTest (lab_up)");
        test::TempDir dir;
        const QString server = u"web-01"_s;

        MainWindow window;
        window.setAuditStoreConfig(AuditStoreConfig::sqlite(dir.filePath(u"audit.sqlite"_s)));
        QVERIFY(window.openFleet(lab.fleetFile()));
        window.show();
        const ServerTableModel *servers = window.models()->servers();
        QTRY_VERIFY_WITH_TIMEOUT(rowsOf(servers, server, AdminState::Ready) >= 2, Timeout);
        const int everywhere = rowsOf(servers, server, AdminState::Ready);

        // Quick find: type, Enter; the server table shows web-01's rows.
        window.openQuickFind();
        QuickFindDialog *find = window.quickFindDialog();
        QTest::keyClicks(find->findChild<QLineEdit *>(u"quickFindInput"_s), server);
        QTRY_VERIFY(find->findChild<QListWidget *>(u"quickFindMatches"_s)->count() >= 1);
        QTest::keyClick(find->findChild<QLineEdit *>(u"quickFindInput"_s), Qt::Key_Return);
        auto *table = window.findChild<QTableView *>(u"serverView"_s);
        QTRY_COMPARE(table->model()->rowCount(), everywhere);
        table->setFocus();
        table->selectAll();

        window.findChild<QAction *>(u"actionDrain"_s)->trigger();
        auto *dialog = window.findChild<ServerOperationDialog *>(u"serverOperationDialog"_s);
        QVERIFY(dialog);
        auto *targets = dialog->findChild<QTableWidget *>(u"operationTargets"_s);
        QCOMPARE(targets->rowCount(), everywhere);
        QVERIFY(!dialog->needsForce());
        auto *run = dialog->findChild<QPushButton *>(u"operationRun"_s);
        QVERIFY(!run->isEnabled()); // a reason is required
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"operationReason"_s), u"GUI-1 drain"_s);
        QVERIFY(run->isEnabled());
        QTest::mouseClick(run, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning() && dialog->results().size() == 1, Timeout);
        const OperationResult drained = dialog->results().first();
        QVERIFY2(drained.ok(), qPrintable(drained.summary()));
        for (int r = 0; r < targets->rowCount(); ++r)
            QVERIFY2(
                targets->item(r, ServerOperationDialog::ResultColumn)->text().startsWith(u"OK"_s),
                qPrintable(targets->item(r, ServerOperationDialog::ResultColumn)->text()));
        QVERIFY(dialog->findChild<QLabel *>(u"operationSummary"_s)
                    ->text()
                    .contains(u"#%1"_s.arg(drained.auditIntentId)));

        // The audit entry, with its reason.
        const Result<AuditRecord> record = window.auditStore()->record(drained.auditIntentId);
        QVERIFY2(record, qPrintable(record ? QString() : record.error().toString()));
        QCOMPARE(record->action, u"drain"_s);
        QCOMPARE(record->reason, u"GUI-1 drain"_s);

        // The audit tab lists it.
        window.showTab(MainWindow::Tab::Audit);
        auto *audit = window.findChild<QTableView *>(u"auditView"_s);
        QTRY_VERIFY_WITH_TIMEOUT(audit->model()->rowCount() >= 1, Timeout);
        bool listed = false;
        for (int r = 0; r < audit->model()->rowCount(); ++r)
            listed |=
                audit->model()->index(r, AuditLogModel::ReasonColumn).data() == u"GUI-1 drain"_s;
        QVERIFY(listed);

        // The next polls show the drain everywhere.
        QTRY_COMPARE_WITH_TIMEOUT(rowsOf(servers, server, AdminState::Drain), everywhere, Timeout);

        // One click reverses it.
        auto *reverse = dialog->findChild<QPushButton *>(u"operationReverse"_s);
        QVERIFY(reverse->isVisible() && reverse->isEnabled());
        QTest::mouseClick(reverse, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning() && dialog->results().size() == 1, Timeout);
        QVERIFY2(dialog->results().first().ok(), qPrintable(dialog->results().first().summary()));
        QTRY_COMPARE_WITH_TIMEOUT(rowsOf(servers, server, AdminState::Ready), everywhere, Timeout);
    }

    void rollingReloadThroughTheDialog()
    {
        const test::Lab lab = test::Lab::fromEnvironment();
        QVERIFY2(lab.isAvailable(), "VIPDECK_LAB_DIR is not set: run through CTest (lab_up)");
        test::TempDir dir;
        MainWindow window;
        openOnVip(window, lab, dir, u"web"_s);
        if (QTest::currentTestFailed())
            return;

        ReloadDialog *dialog = window.startReload();
        QVERIFY(dialog);
        auto *run = dialog->findChild<QPushButton *>(u"reloadRun"_s);
        QVERIFY(!run->isEnabled()); // a reason is required
        // The pre-flight alone needs no reason and reloads nothing.
        auto *check = dialog->findChild<QPushButton *>(u"reloadPreflightRun"_s);
        QVERIFY(check->isEnabled());
        QTest::mouseClick(check, Qt::LeftButton);
        auto *preflight = dialog->findChild<QTreeWidget *>(u"reloadPreflight"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning() && preflight->topLevelItemCount() == 2,
                                 Timeout);
        for (int i = 0; i < 2; ++i) {
            QTreeWidgetItem *host = preflight->topLevelItem(i);
            QCOMPARE(host->childCount(), 3);
            for (int c = 0; c < 3; ++c)
                QCOMPARE(host->child(c)->text(1), u"passed"_s);
        }
        QVERIFY(!dialog->result().has_value());
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"reloadReason"_s), u"GUI-2 reload"_s);
        QVERIFY(run->isEnabled());
        QTest::mouseClick(run, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->result().has_value(), 150'000);
        QVERIFY2(dialog->result()->ok(), qPrintable(dialog->result()->summary()));
        QCOMPARE(dialog->result()->hosts.size(), 2);
        QVERIFY(!dialog->findChild<QPlainTextEdit *>(u"reloadOutput"_s)->toPlainText().isEmpty());
    }

    // A broken config on lb2: the reload is refused at its pre-flight, the
    // dialog shows which host failed which check, and skipping it is a
    // separate, unticked choice.
    void reloadRefusedAtPreflightInTheDialog()
    {
        const test::Lab lab = test::Lab::fromEnvironment();
        QVERIFY2(lab.isAvailable(), "VIPDECK_LAB_DIR is not set: run through CTest (lab_up)");
        test::TempDir dir;
        MainWindow window;
        openOnVip(window, lab, dir, u"mail"_s);
        if (QTest::currentTestFailed())
            return;
        test::LabFault broken(lab, {u"config-break"_s, u"lb2"_s, u"mail"_s});
        QVERIFY2(broken.injected(), qPrintable(broken.output()));

        ReloadDialog *dialog = window.startReload();
        QVERIFY(dialog);
        QVERIFY(!dialog->findChild<QCheckBox *>(u"reloadForce"_s)->isChecked());
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"reloadReason"_s), u"GUI-3 reload"_s);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"reloadRun"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->result().has_value(), 150'000);
        QVERIFY(dialog->result()->refused);
        QCOMPARE(dialog->result()->preflight.failedHosts(), QStringList{u"lb2"_s});
        auto *preflight = dialog->findChild<QTreeWidget *>(u"reloadPreflight"_s);
        const QList<QTreeWidgetItem *> failed =
            preflight->findItems(u"config-check"_s, Qt::MatchExactly | Qt::MatchRecursive);
        QCOMPARE(failed.size(), 2);
        for (QTreeWidgetItem *item : failed)
            QCOMPARE(item->text(1),
                     item->parent()->text(0) == u"lb2"_s ? u"FAILED"_s : u"passed"_s);
        QVERIFY(dialog->findChild<QLabel *>(u"reloadSummary"_s)->text().contains(u"lb2"_s));
        QVERIFY(dialog->findChild<QPlainTextEdit *>(u"reloadOutput"_s)
                    ->toPlainText()
                    .contains(u"unknown keyword"_s));
        QCOMPARE(window.auditStore()->count({}).valueOr(-1), 0);
    }

    // The lab's fleet with an empty known_hosts: each host's key is unknown, the
    // console asks, the user accepts, and the hosts connect.
    void unknownHostKeyAcceptedThroughTheDialog()
    {
        const test::Lab lab = test::Lab::fromEnvironment();
        QVERIFY2(lab.isAvailable(), "VIPDECK_LAB_DIR is not set: run through CTest (lab_up)");
        test::TempDir dir;
        QByteArray fleet = readFile(lab.fleetFile());
        QVERIFY(fleet.contains(lab.knownHostsFile().toUtf8()));
        const QString knownHosts = dir.filePath(u"known_hosts"_s);
        fleet.replace(lab.knownHostsFile().toUtf8(), knownHosts.toUtf8());
        const QString fleetFile = dir.write(u"fleet.yaml"_s, fleet);

        MainWindow window;
        window.setAuditStoreConfig(AuditStoreConfig::sqlite(dir.filePath(u"audit.sqlite"_s)));
        QVERIFY(window.openFleet(fleetFile));
        window.show();
        // Every LB host and every observer (the route reflectors) asks once.
        const Inventory inventory = window.models()->latest().snapshot.inventory();
        const qsizetype hosts = inventory.hosts().size() + inventory.observers().size();
        QSet<QString> accepted;
        QElapsedTimer timer;
        timer.start();
        while (accepted.size() < hosts && timer.elapsed() < Timeout) {
            QTest::qWait(50);
            for (HostKeyDialog *dialog : window.findChildren<HostKeyDialog *>(u"hostKeyDialog"_s)) {
                if (!dialog->isVisible() || accepted.contains(dialog->windowTitle()))
                    continue;
                QVERIFY(!dialog->isChangedKey());
                QVERIFY(dialog->findChild<QLabel *>(u"hostKeyFingerprint"_s)
                            ->text()
                            .startsWith(u"SHA256:"_s));
                accepted.insert(dialog->windowTitle());
                dialog->findChild<QLineEdit *>(u"hostKeyConfirm"_s)
                    ->setText(
                        dialog->findChild<QLabel *>(u"hostKeyFingerprint"_s)->text().right(4));
                QTest::mouseClick(dialog->findChild<QPushButton *>(u"hostKeyAccept"_s),
                                  Qt::LeftButton);
                QVERIFY2(dialog->trusted(), qPrintable(dialog->errorText()));
            }
        }
        QCOMPARE(accepted.size(), hosts);
        const auto reachable = [&window] {
            qsizetype n = 0;
            for (const HostObservation &h : window.models()->latest().snapshot.hosts())
                n += h.reachable ? 1 : 0;
            return n;
        };
        QTRY_COMPARE_WITH_TIMEOUT(reachable(), inventory.hosts().size(), 60'000);
        QVERIFY(readFile(knownHosts).count('\n') >= hosts);
    }
};

QTEST_MAIN(TestConsoleLab)
#include "tst_consolelab.moc"
