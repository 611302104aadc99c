// The console's views offscreen over synthetic snapshots: overview filters,
// server quick filters and search, quick find, the server operation dialog
// refusing a force-less drain of a backend's last usable server, and the host
// key dialog (Enter and Space refuse an unknown key, typing its last four
// characters accepts it into a real known_hosts file, a changed key cannot be
// accepted), and the main window's shortcuts (none ambiguous).

#include "core/audit/auditstore.h"
#include "core/fleet/reloadoperationrunner.h"
#include "core/fleet/serveroperationrunner.h"
#include "core/history/historystore.h"
#include "core/ssh/knownhosts.h"
#include "models/attentionnotifier.h"
#include "models/fleetmodels.h"
#include "models/timeseriesstore.h"
#include "models/viphostmatrixmodel.h"
#include "tests/models/fleetupdates.h"
#include "tests/support/syntheticfleet.h"
#include "tests/support/testdata.h"
#include "views/hostkey/hostkeydialog.h"
#include "views/mainwindow.h"
#include "views/operations/serveroperationdialog.h"
#include "views/overview/fleetoverviewwidget.h"
#include "views/overview/vipfilterproxymodel.h"
#include "views/quickfind/quickfinddialog.h"
#include "views/reload/reloaddialog.h"
#include "views/servers/servertablewidget.h"
#include "views/vipdetails/vipchartview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QToolButton>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vipdeck;

namespace {

Snapshot::Data troubledFleet()
{
    Snapshot::Data data = test::healthyFleet();
    // web on lb1: s2 and s3 DOWN, so s1 (with the backup) is all that serves.
    for (int i : {1, 2}) {
        test::serverIn(data, u"web"_s, u"lb1"_s, i).status.state = ServerState::Down;
        test::serverIn(data, u"web"_s, u"lb1"_s, i).status.raw = u"DOWN"_s;
    }
    return data;
}

} // namespace

class TestConsoleViews : public QObject
{
    Q_OBJECT

private slots:
    void overviewFiltersByStateAndName()
    {
        FleetModels models;
        models.setInventory(test::healthyFleet().inventory);
        models.applyUpdate(test::makeUpdate(troubledFleet()));
        FleetOverviewWidget overview(models.matrix());
        overview.setGroups({u"aa"_s, u"pb"_s});
        overview.show();
        QTableView *matrix = overview.findChild<QTableView *>(u"overviewMatrix"_s);
        QVERIFY(matrix);
        QCOMPARE(matrix->model()->rowCount(), 2);

        auto *state = overview.findChild<QComboBox *>(u"overviewStateFilter"_s);
        state->setCurrentIndex(state->findData(int(VipFilterProxyModel::StateFilter::Problems)));
        QTRY_COMPARE(matrix->model()->rowCount(), 1);
        QCOMPARE(matrix->model()->headerData(0, Qt::Vertical).toString(), u"web"_s);
        state->setCurrentIndex(0);

        auto *name = overview.findChild<QLineEdit *>(u"overviewNameFilter"_s);
        QTest::keyClicks(name, u"ten"_s);
        QTRY_COMPARE(matrix->model()->rowCount(), 1);
        QCOMPARE(matrix->model()->headerData(0, Qt::Vertical).toString(), u"tenant"_s);
        name->clear();

        auto *group = overview.findChild<QComboBox *>(u"overviewGroupFilter"_s);
        group->setCurrentIndex(group->findData(u"aa"_s));
        QTRY_COMPARE(matrix->model()->rowCount(), 1);
        QCOMPARE(matrix->model()->headerData(0, Qt::Vertical).toString(), u"web"_s);

        // Cells say their state in words, not only in colour.
        const QString cell = matrix->model()->index(0, 0).data().toString();
        QVERIFY2(!cell.isEmpty() && cell != u"\u25B2"_s, qPrintable(cell));
    }

    void overviewIsWorstFirstInNaturalOrder()
    {
        // vip0..vip11, all healthy but vip7, which is critical.
        Snapshot::Data data = test::scaledFleet(12, 2);
        for (const QString &host : {u"lb1"_s, u"lb2"_s}) {
            for (int i = 0; i < 2; ++i) {
                test::serverIn(data, u"vip7"_s, host, i).status.state = ServerState::Down;
                test::serverIn(data, u"vip7"_s, host, i).status.raw = u"DOWN"_s;
            }
        }
        FleetModels models;
        models.setInventory(data.inventory);
        models.applyUpdate(test::makeUpdate(data));
        FleetOverviewWidget overview(models.matrix());
        overview.show();
        QTableView *matrix = overview.findChild<QTableView *>(u"overviewMatrix"_s);
        QStringList rows;
        for (int r = 0; r < matrix->model()->rowCount(); ++r)
            rows << matrix->model()->headerData(r, Qt::Vertical).toString();
        QCOMPARE(rows,
                 (QStringList{u"vip7"_s, u"vip0"_s, u"vip1"_s, u"vip2"_s, u"vip3"_s, u"vip4"_s,
                              u"vip5"_s, u"vip6"_s, u"vip8"_s, u"vip9"_s, u"vip10"_s, u"vip11"_s}));
        auto *sort = overview.findChild<QComboBox *>(u"overviewSort"_s);
        QCOMPARE(sort->currentData().toInt(), int(VipFilterProxyModel::SortBy::Health));

        // The summary counts, and a count filters to its VIPs when clicked.
        auto *summary = overview.findChild<QLabel *>(u"overviewSummary"_s);
        QVERIFY(summary);
        QCOMPARE(summary->text(),
                 u"12 VIP(s): <a href=\"%1\">1 critical</a>, <a href=\"%2\">11 healthy</a> \u2014 "
                 "<a href=\"%3\">problems only</a>"_s
                     .arg(int(VipFilterProxyModel::StateFilter::Critical))
                     .arg(int(VipFilterProxyModel::StateFilter::Healthy))
                     .arg(int(VipFilterProxyModel::StateFilter::Problems)));
        emit summary->linkActivated(
            QString::number(int(VipFilterProxyModel::StateFilter::Critical)));
        QTRY_COMPARE(matrix->model()->rowCount(), 1);
        QCOMPARE(matrix->model()->headerData(0, Qt::Vertical).toString(), u"vip7"_s);
        QVERIFY(summary->text().contains(u"show all"_s));
    }

    void serverQuickFiltersAndSearch()
    {
        FleetModels models;
        models.setInventory(test::healthyFleet().inventory);
        models.applyUpdate(test::makeUpdate(troubledFleet()));
        ServerTableWidget table(models.servers());
        table.show();
        QTableView *view = table.findChild<QTableView *>(u"serverView"_s);
        QCOMPARE(view->model()->rowCount(), 16);

        QTest::mouseClick(table.findChild<QToolButton *>(u"filterDown"_s), Qt::LeftButton);
        QTRY_COMPARE(view->model()->rowCount(), 2);
        QTest::mouseClick(table.findChild<QToolButton *>(u"filterDown"_s), Qt::LeftButton);
        QTRY_COMPARE(view->model()->rowCount(), 16);

        QTest::keyClicks(table.findChild<QLineEdit *>(u"serverSearch"_s), u"s1 lb2"_s);
        QTRY_COMPARE(view->model()->rowCount(), 1);
        QCOMPARE(view->model()->index(0, ServerTableModel::HostColumn).data().toString(), u"lb2"_s);
        view->selectAll();
        QCOMPARE(table.selectedServers().size(), 1);
        QCOMPARE(table.selectedServers().first().server, u"s1"_s);
    }

    void quickFindFindsServers()
    {
        QuickFindDialog dialog;
        dialog.setEntries({{QuickFindDialog::Kind::Vip, u"web"_s, u"aa"_s},
                           {QuickFindDialog::Kind::Host, u"lb1"_s, {}},
                           {QuickFindDialog::Kind::Server, u"web-07"_s, u"in web"_s}});
        dialog.show();
        QSignalSpy chosen(&dialog, &QuickFindDialog::chosen);
        QTest::keyClicks(dialog.findChild<QLineEdit *>(u"quickFindInput"_s), u"web-0"_s);
        QTRY_COMPARE(dialog.findChild<QListWidget *>(u"quickFindMatches"_s)->count(), 1);
        QTest::keyClick(dialog.findChild<QLineEdit *>(u"quickFindInput"_s), Qt::Key_Return);
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosen[0].at(0).value<QuickFindDialog::Kind>(), QuickFindDialog::Kind::Server);
        QCOMPARE(chosen[0].at(1).toString(), u"web-07"_s);
    }

    void forcelessDrainOfLastServerIsRefused()
    {
        test::TempDir dir;
        Result<std::unique_ptr<AuditStore>> audit =
            AuditStore::open(AuditStoreConfig::sqlite(dir.filePath(u"audit.sqlite"_s)));
        QVERIFY2(audit, qPrintable(audit ? QString() : audit.error().toString()));
        // No transport: nothing may run here; the dialog must stop before.
        ServerOperationRunner runner([](const QString &) { return nullptr; }, audit->get());
        const Snapshot snapshot = test::makeUpdate(troubledFleet()).snapshot;
        ServerOperationDialog dialog(&runner, [snapshot] { return snapshot; }, ServerAction::Drain,
                                     {{u"web"_s, u"lb1"_s, u"be"_s, u"s1"_s}});
        dialog.show();
        auto *targets = dialog.findChild<QTableWidget *>(u"operationTargets"_s);
        // Everywhere: s1 serves web on lb1 and lb2 and tenant on lb3 and lb4.
        QVERIFY2(dialog.errorText().isEmpty(), qPrintable(dialog.errorText()));
        QCOMPARE(targets->rowCount(), 4);
        QVERIFY(dialog.needsForce());
        bool flagged = false;
        for (int r = 0; r < targets->rowCount(); ++r)
            flagged |= targets->item(r, ServerOperationDialog::ImpactColumn)
                           ->text()
                           .contains(u"BELOW THRESHOLD"_s);
        QVERIFY(flagged);

        auto *run = dialog.findChild<QPushButton *>(u"operationRun"_s);
        auto *force = dialog.findChild<QCheckBox *>(u"operationForce"_s);
        QVERIFY(force->isVisible());
        QVERIFY(!run->isEnabled()); // no reason yet
        QTest::keyClicks(dialog.findChild<QLineEdit *>(u"operationReason"_s), u"INC-42"_s);
        QVERIFY(!run->isEnabled()); // a reason, but no force
        QTest::mouseClick(run, Qt::LeftButton);
        QVERIFY(!dialog.isRunning());
        QVERIFY(dialog.results().isEmpty());
        force->setChecked(true);
        QVERIFY(run->isEnabled());

        // Only the selected row: the flagged lb1 target, still needing force.
        auto *everywhere = dialog.findChild<QCheckBox *>(u"operationEverywhere"_s);
        everywhere->setChecked(false);
        QCOMPARE(targets->rowCount(), 1);
        QCOMPARE(targets->item(0, ServerOperationDialog::HostColumn)->text(), u"lb1"_s);
        QVERIFY(dialog.needsForce());
    }

    // A reason with a control character is refused in both dialogs, through
    // the same core check as vipdeckctl's --reason.
    void reasonWithControlCharacterIsRefused()
    {
        test::TempDir dir;
        Result<std::unique_ptr<AuditStore>> audit =
            AuditStore::open(AuditStoreConfig::sqlite(dir.filePath(u"audit.sqlite"_s)));
        QVERIFY(audit);
        ServerOperationRunner runner([](const QString &) { return nullptr; }, audit->get());
        const Snapshot snapshot = test::makeUpdate(troubledFleet()).snapshot;
        ServerOperationDialog dialog(&runner, [snapshot] { return snapshot; }, ServerAction::Drain,
                                     {{u"web"_s, u"lb1"_s, u"be"_s, u"s1"_s}});
        dialog.show();
        dialog.findChild<QCheckBox *>(u"operationForce"_s)->setChecked(true);
        auto *run = dialog.findChild<QPushButton *>(u"operationRun"_s);
        auto *reason = dialog.findChild<QLineEdit *>(u"operationReason"_s);
        reason->setText(u"INC-42\x1b[2J"_s);
        QVERIFY(!run->isEnabled());
        QVERIFY2(run->toolTip().contains(u"control character ESC"_s), qPrintable(run->toolTip()));
        QVERIFY(reason->toolTip().contains(u"control character ESC"_s));
        reason->setText(u"INC-42"_s);
        QVERIFY(run->isEnabled());
        QVERIFY(reason->toolTip().isEmpty());

        ReloadRunner reloads(nullptr, audit->get());
        ReloadDialog reload(&reloads, u"web"_s, {u"lb1"_s});
        reload.show();
        auto *reloadRun = reload.findChild<QPushButton *>(u"reloadRun"_s);
        auto *reloadReason = reload.findChild<QLineEdit *>(u"reloadReason"_s);
        reloadReason->setText(u"CHG-7\rOperator: root"_s);
        QVERIFY(!reloadRun->isEnabled());
        QVERIFY2(reloadRun->toolTip().contains(u"control character CR"_s),
                 qPrintable(reloadRun->toolTip()));
        reloadReason->setText(u"CHG-7"_s);
        QVERIFY(reloadRun->isEnabled());
    }

    void muteAVipFromItsRow()
    {
        // The fleet without polling: its rows are there, every state unknown.
        MainWindow window;
        QVERIFY(window.openFleetData(test::readData(u"inventory/good-minimal.yaml"_s),
                                     u"fleet.yaml"_s));
        window.show();
        auto *matrix = window.findChild<QTableView *>(u"overviewMatrix"_s);
        QVERIFY(matrix && matrix->model()->rowCount() > 0);
        const QModelIndex first = matrix->model()->index(0, 0);
        const QString vip = first.data(VipHostMatrixModel::VipRole).toString();
        // Right click the row, choose "for 1 hour" in the menu that opens.
        QTimer::singleShot(0, this, [] {
            auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
            QVERIFY(menu);
            for (QAction *action : menu->actions()) {
                if (action->text().contains(u"for 1 hour"_s)) // "hour(s)" without the catalogue
                    action->trigger();
            }
            menu->close();
        });
        emit matrix->customContextMenuRequested(matrix->visualRect(first).center());
        QVERIFY2(window.notifier()->isMuted(vip), qPrintable(vip));
    }

    void chartsShowTheHistoryWithItsGaps()
    {
        test::TempDir dir;
        const QString path = dir.filePath(u"history.sqlite"_s);
        constexpr qint64 minute = 60'000;
        const qint64 base = QDateTime::currentMSecsSinceEpoch() / minute * minute;
        {
            HistoryDatabase db(AuditStoreConfig::sqlite(path));
            QVERIFY(db.open(HistoryDatabase::Access::Write));
            QList<HistorySample> samples;
            for (qint64 m = 1; m <= 40; ++m) {
                if (m > 20 && m <= 30)
                    continue; // ten minutes nobody recorded
                HistorySample s;
                s.host = u"lb1"_s;
                s.vip = u"web"_s;
                s.bucketMs = base - m * minute;
                s.samples = 30;
                s.sessionsSum = 30 * 5;
                s.requestRateSum = 30 * 2;
                samples << s;
            }
            QVERIFY(db.addSamples(samples));
        }
        HistoryRecorderOptions options;
        options.store = AuditStoreConfig::sqlite(path);
        options.holder = u"tst_consoleviews"_s;
        HistoryStore history(options);
        TimeSeriesStore live;
        VipChartView view(&live);
        view.resize(1280, 400);
        view.show();
        view.setVip(u"web"_s);
        QVERIFY(view.findChild<QComboBox *>(u"chartWindow"_s)->isEnabled() == false);
        QSignalSpy shown(&view, &VipChartView::historyShown);
        view.setHistory(&history);
        view.setWindow(VipChartView::Window::Day);
        QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 1, 20'000);
        QCOMPARE(view.segmentCount(), 2); // the ten minutes are a gap, not a zero
        QCOMPARE(view.pointCount(), 30);
        QVERIFY2(view.note().contains(u"1 gap"_s), qPrintable(view.note()));
        // Back to the live hour: nothing from the store is left on the chart.
        view.setWindow(VipChartView::Window::Hour);
        QCOMPARE(view.segmentCount(), 0);
        view.setHistory(nullptr);
        QCOMPARE(view.window(), VipChartView::Window::Hour);
    }

    void compactOverviewFitsTwentyHosts()
    {
        // 20 hosts x 40 VIPs at 1280x800: automatic density turns compact and
        // every host column is in view beside the fleet dock.
        const Snapshot::Data data = test::scaledFleet(40, 2, 20);
        MainWindow window;
        window.models()->setInventory(data.inventory);
        window.models()->applyUpdate(test::makeUpdate(data));
        window.resize(1280, 800);
        window.show();
        window.showTab(MainWindow::Tab::Overview);
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *overview = window.findChild<FleetOverviewWidget *>(u"fleetOverview"_s);
        QVERIFY(overview->isCompact());
        QTableView *matrix = overview->view();
        QCOMPARE(matrix->model()->columnCount(), 21); // 20 hosts and the verdict
        QHeaderView *columns = matrix->horizontalHeader();
        const int lastHost = 19;
        // (The fleet dock gives room once the window is laid out.)
        QTRY_VERIFY2(columns->sectionViewportPosition(lastHost) + columns->sectionSize(lastHost) <=
                         matrix->viewport()->width(),
                     qPrintable(u"lb20 ends at %1, the view is %2 wide"_s
                                    .arg(columns->sectionViewportPosition(lastHost) +
                                         columns->sectionSize(lastHost))
                                    .arg(matrix->viewport()->width())));
        // A cell says the announcement; the state is its icon and tint, and
        // the tooltip and the accessible text keep every word.
        const QModelIndex cell = matrix->model()->index(0, 0);
        QCOMPARE(cell.data().toString(), u"\u25B2"_s);
        QVERIFY(!cell.data(Qt::DecorationRole).isNull());
        QCOMPARE(cell.data(Qt::AccessibleTextRole).toString(), u"HEALTHY announced"_s);
        QVERIFY(cell.data(Qt::ToolTipRole).toString().contains(u"prefix announced over BGP"_s));
        // Chosen in the View menu, the comfortable density spells it out.
        window.findChild<QAction *>(u"actionDensity_comfortable"_s)->trigger();
        QVERIFY(!overview->isCompact());
        QCOMPARE(cell.data().toString(), u"HEALTHY \u25B2"_s);
        QVERIFY(columns->sectionSize(0) >= 150);
        window.findChild<QAction *>(u"actionDensity_automatic"_s)->trigger();
        QVERIFY(overview->isCompact());
    }

    void everyShortcutIsUnique()
    {
        // Qt runs neither of two actions that share a key ("ambiguous
        // shortcut"): every key of the main window must mean one thing.
        MainWindow window;
        QHash<QKeySequence, QString> owners;
        QStringList clashes;
        const auto claim = [&](const QKeySequence &key, const QString &who) {
            if (key.isEmpty())
                return;
            const auto it = owners.constFind(key);
            if (it != owners.constEnd() && *it != who)
                clashes << u"%1: %2 and %3"_s.arg(key.toString(), *it, who);
            owners.insert(key, who);
        };
        for (const QAction *action : window.findChildren<QAction *>()) {
            for (const QKeySequence &key : action->shortcuts())
                claim(key, action->objectName().isEmpty() ? action->text() : action->objectName());
        }
        for (const QShortcut *shortcut : window.findChildren<QShortcut *>())
            claim(shortcut->key(), shortcut->objectName());
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(u'\n')));
        // The incident keys are where the docs say.
        QCOMPARE(owners.value(QKeySequence(u"Ctrl+D"_s)), u"actionDrain"_s);
        QCOMPARE(owners.value(QKeySequence(u"Ctrl+E"_s)), u"actionReady"_s);
        QCOMPARE(owners.value(QKeySequence(u"Ctrl+Shift+E"_s)), u"actionExportReport"_s);
        QCOMPARE(owners.value(QKeySequence(u"Ctrl+K"_s)), u"actionQuickFind"_s);
    }

    void unknownHostKeyAccepted()
    {
        test::TempDir dir;
        TransportStatus status;
        status.state = TransportState::Failed;
        status.lastError.code = ErrorCode::HostKeyUnknown;
        status.lastError.message = u"host key of lb1 is not in known_hosts"_s;
        status.offeredHostKey.host = u"127.0.10.1"_s;
        status.offeredHostKey.port = 2222;
        status.offeredHostKey.keyType = u"ssh-ed25519"_s;
        // An ed25519 key in wire format: string "ssh-ed25519", string 32 bytes.
        QByteArray blob;
        const auto putString = [&blob](const QByteArray &s) {
            const quint32 n = quint32(s.size());
            blob += char(n >> 24);
            blob += char(n >> 16);
            blob += char(n >> 8);
            blob += char(n);
            blob += s;
        };
        putString("ssh-ed25519");
        putString(QByteArray(32, '\x42'));
        status.offeredHostKey.keyBlob = blob;
        status.offeredHostKey.fingerprint = u"SHA256:test"_s;
        status.offeredHostKey.knownHostsFile = dir.filePath(u"known_hosts"_s);

        // Enter and Space, as they come, refuse: focus starts on Refuse and
        // Accept is disabled until the fingerprint's last four characters
        // are typed.
        for (const Qt::Key key : {Qt::Key_Return, Qt::Key_Enter, Qt::Key_Space}) {
            HostKeyDialog hasty(u"lb1"_s, status);
            hasty.show();
            QVERIFY(QTest::qWaitForWindowActive(&hasty));
            auto *refuse = hasty.findChild<QPushButton *>(u"hostKeyRefuse"_s);
            QTRY_COMPARE(QApplication::focusWidget(), refuse);
            QVERIFY(!hasty.findChild<QPushButton *>(u"hostKeyAccept"_s)->isEnabled());
            QTest::keyClick(QApplication::focusWidget(), key);
            QCOMPARE(hasty.result(), int(QDialog::Rejected));
            QVERIFY(!hasty.trusted());
        }
        QVERIFY(!QFile::exists(status.offeredHostKey.knownHostsFile));

        HostKeyDialog dialog(u"lb1"_s, status);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        QVERIFY(dialog.findChild<QLabel *>(u"hostKeyFingerprint"_s)->text() == u"SHA256:test"_s);
        auto *accept = dialog.findChild<QPushButton *>(u"hostKeyAccept"_s);
        auto *confirm = dialog.findChild<QLineEdit *>(u"hostKeyConfirm"_s);
        QVERIFY(accept && confirm);
        confirm->setFocus();
        QTest::keyClicks(confirm, u"tesx"_s); // a typo leaves Accept disabled
        QVERIFY(!accept->isEnabled());
        confirm->clear();
        QTest::keyClicks(confirm, u"test"_s); // the last four of SHA256:test
        QVERIFY(accept->isEnabled());
        QTest::keyClick(confirm, Qt::Key_Return); // now Enter means what was typed for
        QVERIFY2(dialog.trusted(), qPrintable(dialog.errorText()));
        const Result<KnownHostsVerdict> verdict =
            checkKnownHostsFile(status.offeredHostKey.knownHostsFile, u"127.0.10.1"_s, 2222, blob);
        QVERIFY(verdict);
        QCOMPARE(verdict->kind, KnownHostsVerdict::Match);

        // A changed key: an error, and no button that trusts it.
        status.lastError.code = ErrorCode::HostKeyChanged;
        HostKeyDialog changed(u"lb1"_s, status);
        changed.show();
        QVERIFY(changed.isChangedKey());
        QVERIFY(!changed.findChild<QPushButton *>(u"hostKeyAccept"_s));
        QVERIFY(changed.findChild<QPushButton *>(u"hostKeyClose"_s));
        QVERIFY(!changed.errorText().isEmpty());
    }
};

QTEST_MAIN(TestConsoleViews)
#include "tst_consoleviews.moc"
