// The console's maint and weight actions on the lab's fleet (LAB), through the
// widgets found by objectName: web-02 goes to MAINT everywhere through the
// operation dialog with a reason; the per-target results say OK, the model
// shows MAINT after a poll and so does HAProxy itself (asked on its stats
// socket), the audit view finds the entry by searching for the reason; the
// one-click reverse makes it ready again.  Then web-03 gets weight 50, HAProxy
// reports 50, and the reverse restores the configured weight.  Last, the
// keyboard path of an incident: Ctrl+K, the server's name, Enter, Ctrl+D, a
// reason, Enter drains web-01 everywhere in six key events.

#include "core/audit/auditstore.h"
#include "models/auditlogmodel.h"
#include "models/fleetmodels.h"
#include "tests/support/lab.h"
#include "tests/support/testdata.h"
#include "views/mainwindow.h"
#include "views/operations/serveroperationdialog.h"
#include "views/quickfind/quickfinddialog.h"

#include <QAction>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocalSocket>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QtTest>

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;
using namespace vipdeck;

namespace {

constexpr int Timeout = 30'000;
const QString kVip = u"web"_s;

// Rows of `server` in the server table that satisfy `match`.
int rowsWhere(const ServerTableModel *model, const QString &server,
              const std::function<bool(const QModelIndex &)> &match)
{
    int n = 0;
    for (int r = 0; r < model->rowCount(); ++r) {
        const QModelIndex index = model->index(r, 0);
        if (index.data(ServerTableModel::ServerRole).toString() == server && match(index))
            ++n;
    }
    return n;
}

int rowsWithAdmin(const ServerTableModel *model, const QString &server, AdminState admin)
{
    return rowsWhere(model, server, [admin](const QModelIndex &index) {
        return index.data(ServerTableModel::AdminRole).toInt() == int(admin);
    });
}

int rowsWithWeight(const ServerTableModel *model, const QString &server, int weight)
{
    return rowsWhere(model, server, [weight](const QModelIndex &index) {
        return index.siblingAtColumn(ServerTableModel::WeightColumn)
                   .data(ServerTableModel::SortRole)
                   .toInt() == weight;
    });
}

// One runtime API command on every lab host's stats socket of `vip`; the
// answers, one per host.
QStringList askHaproxy(const test::Lab &lab, const QString &vip, const QByteArray &command)
{
    QStringList answers;
    for (const QJsonValue &host : lab.state().value(u"hosts"_s).toArray()) {
        const QString path = host[u"vips"_s][vip][u"stats_socket"_s].toString();
        QLocalSocket socket;
        socket.connectToServer(path);
        if (!socket.waitForConnected(5000)) {
            answers << u"cannot connect to %1: %2"_s.arg(path, socket.errorString());
            continue;
        }
        socket.write(command + '\n');
        QByteArray reply;
        // Without `prompt` HAProxy answers and closes the connection.
        while (socket.state() == QLocalSocket::ConnectedState && socket.waitForReadyRead(5000))
            reply += socket.readAll();
        reply += socket.readAll();
        answers << QString::fromUtf8(reply).trimmed();
    }
    return answers;
}

// The `status` column of `show stat` for backend/server, per host.
QStringList haproxyStatus(const test::Lab &lab, const QString &backend, const QString &server)
{
    QStringList statuses;
    for (const QString &csv : askHaproxy(lab, kVip, "show stat")) {
        const QStringList lines = csv.split(u'\n');
        const QStringList header = lines.value(0).mid(2).split(u','); // "# pxname,svname,…"
        const qsizetype column = header.indexOf(u"status"_s);
        QString status = u"(not listed)"_s;
        for (const QString &line : lines) {
            const QStringList fields = line.split(u',');
            if (fields.value(0) == backend && fields.value(1) == server)
                status = fields.value(column);
        }
        statuses << status;
    }
    return statuses;
}

// The lab's backend of `server`, from the model.
QString backendOf(const ServerTableModel *model, const QString &server)
{
    for (int r = 0; r < model->rowCount(); ++r) {
        const QModelIndex index = model->index(r, 0);
        if (index.data(ServerTableModel::ServerRole).toString() == server)
            return index.data(ServerTableModel::BackendRole).toString();
    }
    return {};
}

} // namespace

class TestConsoleActions : public QObject
{
    Q_OBJECT

private:
    // The console on the lab's fleet with an audit store of its own, once
    // `server` is READY on every host (m_everywhere rows, in m_backend).
    void openConsole(const test::Lab &lab, const QString &server)
    {
        QVERIFY2(lab.isAvailable(), "VIPDECK_LAB_DIR is not set: run through CTest (lab_up)");
        m_window = std::make_unique<MainWindow>();
        m_window->setAuditStoreConfig(AuditStoreConfig::sqlite(
            m_dir.filePath(QLatin1StringView(QTest::currentTestFunction()) + u".sqlite"_s)));
        QVERIFY(m_window->openFleet(lab.fleetFile()));
        m_window->show();
        const ServerTableModel *servers = m_window->models()->servers();
        QTRY_VERIFY_WITH_TIMEOUT(rowsWithAdmin(servers, server, AdminState::Ready) >= 2, Timeout);
        m_everywhere = rowsWithAdmin(servers, server, AdminState::Ready);
        m_backend = backendOf(servers, server);
    }

    test::TempDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    int m_everywhere = 0;
    QString m_backend;

    // Selects every row of `server` in the server table and starts `action`.
    static ServerOperationDialog *startOn(MainWindow &window, const QString &server,
                                          const QString &action, int expectedRows)
    {
        window.showServer(server);
        auto *table = window.findChild<QTableView *>(u"serverView"_s);
        if (!QTest::qWaitFor([&] { return table->model()->rowCount() == expectedRows; }, Timeout))
            return nullptr;
        table->setFocus();
        table->selectAll();
        window.findChild<QAction *>(action)->trigger();
        return window.findChild<ServerOperationDialog *>(u"serverOperationDialog"_s);
    }

    static void runWithReason(ServerOperationDialog *dialog, const QString &reason)
    {
        auto *run = dialog->findChild<QPushButton *>(u"operationRun"_s);
        QVERIFY(!run->isEnabled()); // a reason is required
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"operationReason"_s), reason);
        QVERIFY(run->isEnabled());
        QTest::mouseClick(run, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning() && dialog->results().size() == 1, Timeout);
        QVERIFY2(dialog->results().first().ok(), qPrintable(dialog->results().first().summary()));
    }

    static void everyTargetOk(ServerOperationDialog *dialog, int expected)
    {
        auto *targets = dialog->findChild<QTableWidget *>(u"operationTargets"_s);
        QCOMPARE(targets->rowCount(), expected);
        for (int r = 0; r < targets->rowCount(); ++r) {
            const QString result = targets->item(r, ServerOperationDialog::ResultColumn)->text();
            QVERIFY2(result.startsWith(u"OK"_s), qPrintable(result));
        }
    }

    static void reverse(ServerOperationDialog *dialog)
    {
        auto *button = dialog->findChild<QPushButton *>(u"operationReverse"_s);
        QVERIFY(button->isVisible() && button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning() && dialog->results().size() == 1, Timeout);
        QVERIFY2(dialog->results().first().ok(), qPrintable(dialog->results().first().summary()));
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void cleanup() { m_window.reset(); }

    void maintThroughTheDialogAndReverse()
    {
        const test::Lab lab = test::Lab::fromEnvironment();
        const QString server = u"web-02"_s;
        const QString reason = u"GUI-3 maint 100% 'disk'"_s;
        openConsole(lab, server);
        if (QTest::currentTestFailed())
            return;
        MainWindow &window = *m_window;
        const ServerTableModel *servers = window.models()->servers();
        const int everywhere = m_everywhere;
        const QString backend = m_backend;
        for (const QString &status : haproxyStatus(lab, backend, server))
            QCOMPARE(status, u"UP"_s);

        ServerOperationDialog *dialog = startOn(window, server, u"actionMaint"_s, everywhere);
        QVERIFY(dialog);
        // The admin starts it, then switches to another program while it runs:
        // its end is notified.
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"operationReason"_s), reason);
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        QWidget elsewhere;
        elsewhere.show();
        elsewhere.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&elsewhere));
        QSignalSpy shown(&window, &MainWindow::attentionShown);
        const auto aboutThisDialog = [&] {
            int n = 0;
            for (const QList<QVariant> &args : std::as_const(shown))
                n += args.at(0).toString().startsWith(dialog->windowTitle());
            return n;
        };
        dialog->findChild<QPushButton *>(u"operationRun"_s)->click(); // no click event
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning() && dialog->results().size() == 1, Timeout);
        QVERIFY2(dialog->results().first().ok(), qPrintable(dialog->results().first().summary()));
        everyTargetOk(dialog, everywhere);
        QTRY_COMPARE(aboutThisDialog(), 1);
        QCOMPARE(shown.constLast().at(0).toString(), dialog->windowTitle() + u": done"_s);
        QVERIFY(shown.constLast().at(1).toString().contains(u"targets done"_s));
        const OperationResult done = dialog->results().first();
        QVERIFY(dialog->findChild<QLabel *>(u"operationSummary"_s)
                    ->text()
                    .contains(u"#%1"_s.arg(done.auditIntentId)));

        // After a poll the model shows MAINT on every host, and so does HAProxy.
        QTRY_COMPARE_WITH_TIMEOUT(rowsWithAdmin(servers, server, AdminState::Maint), everywhere,
                                  Timeout);
        const QStringList maint(everywhere, u"MAINT"_s);
        QCOMPARE(haproxyStatus(lab, backend, server), maint);

        // The audit entry, found in the audit view by searching for its reason.
        const Result<AuditRecord> record = window.auditStore()->record(done.auditIntentId);
        QVERIFY2(record, qPrintable(record ? QString() : record.error().toString()));
        QCOMPARE(record->action, u"maint"_s);
        QCOMPARE(record->reason, reason);
        QVERIFY(record->completedBy.has_value());
        window.showTab(MainWindow::Tab::Audit);
        auto *search = window.findChild<QLineEdit *>(u"auditSearch"_s);
        QVERIFY(search);
        QTest::keyClicks(search, u"100% 'disk'"_s);
        auto *audit = window.findChild<QTableView *>(u"auditView"_s);
        // The intent and its completion, nothing else.
        QTRY_COMPARE_WITH_TIMEOUT(audit->model()->rowCount(), 2, Timeout);
        // Newest first: the completion (found by its intent's reason), then the intent.
        QCOMPARE(audit->model()->index(0, AuditLogModel::IdColumn).data().toLongLong(),
                 *record->completedBy);
        QVERIFY(audit->model()
                    ->index(0, AuditLogModel::OutcomeColumn)
                    .data()
                    .toString()
                    .contains(u"#%1"_s.arg(done.auditIntentId)));
        QCOMPARE(audit->model()->index(1, AuditLogModel::IdColumn).data().toLongLong(),
                 done.auditIntentId);
        QCOMPARE(audit->model()->index(1, AuditLogModel::ReasonColumn).data().toString(), reason);
        QTRY_VERIFY_WITH_TIMEOUT(window.findChild<QLabel *>(u"auditCount"_s)
                                     ->text()
                                     .startsWith(u"Matches for “100% 'disk'”: 2;"_s),
                                 Timeout);

        // Watched in its dialog, the reverse ends without a notification.
        elsewhere.hide();
        dialog->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        reverse(dialog);
        QCOMPARE(aboutThisDialog(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(rowsWithAdmin(servers, server, AdminState::Ready), everywhere,
                                  Timeout);
        // Out of MAINT, HAProxy checks the server again before it is UP ("UP 1/2" first).
        QTRY_COMPARE_WITH_TIMEOUT(haproxyStatus(lab, backend, server),
                                  QStringList(everywhere, u"UP"_s), Timeout);
    }

    void keyboardIncidentPath()
    {
        const test::Lab lab = test::Lab::fromEnvironment();
        const QString server = u"web-01"_s;
        openConsole(lab, server);
        if (QTest::currentTestFailed())
            return;
        MainWindow &window = *m_window;
        const ServerTableModel *servers = window.models()->servers();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        int keyEvents = 0;
        const auto press = [&](Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
            ++keyEvents;
            QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : &window,
                            key, modifiers);
        };
        const auto type = [&](const QString &text) {
            ++keyEvents; // one act of typing
            QTest::keyClicks(QApplication::focusWidget(), text);
        };

        press(Qt::Key_K, Qt::ControlModifier);
        auto *find = window.findChild<QuickFindDialog *>(u"quickFind"_s);
        QTRY_VERIFY(find && find->isVisible());
        QTRY_COMPARE(QApplication::focusWidget(), find->input());
        type(server);
        press(Qt::Key_Return);
        // Its rows on every host are selected, so Ctrl+D acts on them.
        auto *table = window.findChild<QTableView *>(u"serverView"_s);
        QTRY_COMPARE(table->selectionModel()->selectedRows().size(), m_everywhere);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        press(Qt::Key_D, Qt::ControlModifier);
        ServerOperationDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<ServerOperationDialog *>(
                         u"serverOperationDialog"_s)) != nullptr &&
                    dialog->isVisible());
        auto *reason = dialog->findChild<QLineEdit *>(u"operationReason"_s);
        auto *run = dialog->findChild<QPushButton *>(u"operationRun"_s);
        auto *reverseButton = dialog->findChild<QPushButton *>(u"operationReverse"_s);
        QVERIFY(!reverseButton->isVisible()); // nothing ran yet
        QTRY_COMPARE(QApplication::focusWidget(), reason);
        type(u"INC-42 keyboard only"_s);
        QVERIFY(run->isEnabled());
        // Tab reaches Run and Close from Reason (not the targets' cells).
        QTest::keyClick(reason, Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), run);
        QTest::keyClick(run, Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget()->objectName(), u"operationClose"_s);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab);
        QCOMPARE(QApplication::focusWidget(), reason);
        QVERIFY(run->isDefault());
        press(Qt::Key_Return); // Run is the default button
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning() && dialog->results().size() == 1, Timeout);
        QVERIFY2(dialog->results().first().ok(), qPrintable(dialog->results().first().summary()));
        QCOMPARE(keyEvents, 6);
        QTRY_COMPARE_WITH_TIMEOUT(rowsWithAdmin(servers, server, AdminState::Drain), m_everywhere,
                                  Timeout);
        // Results are readable: each says OK and what changed, in full.
        auto *targets = dialog->findChild<QTableWidget *>(u"operationTargets"_s);
        for (int r = 0; r < targets->rowCount(); ++r) {
            QTableWidgetItem *item = targets->item(r, ServerOperationDialog::ResultColumn);
            QVERIFY2(item->text().startsWith(u"OK: ready weight 1 -> drain"_s),
                     qPrintable(item->text()));
            QCOMPARE(item->toolTip(), item->text());
            QVERIFY(targets->columnWidth(ServerOperationDialog::ResultColumn) >=
                    targets->fontMetrics().horizontalAdvance(item->text()));
        }
        reverse(dialog); // visible now; restores READY
        QTRY_COMPARE_WITH_TIMEOUT(rowsWithAdmin(servers, server, AdminState::Ready), m_everywhere,
                                  Timeout);
    }

    void weightThroughTheDialogAndRestore()
    {
        const test::Lab lab = test::Lab::fromEnvironment();
        const QString server = u"web-03"_s;
        openConsole(lab, server);
        if (QTest::currentTestFailed())
            return;
        MainWindow &window = *m_window;
        const ServerTableModel *servers = window.models()->servers();
        const int everywhere = m_everywhere;
        const QString backend = m_backend;
        // The configured weight, from HAProxy: "1 (initial 1)".
        const QStringList before =
            askHaproxy(lab, kVip, "get weight " + (backend + u'/' + server).toUtf8());
        QCOMPARE(before.size(), everywhere);
        const int configured = before.first().section(u' ', 0, 0).toInt();
        QVERIFY2(configured != 50, qPrintable(before.first()));
        QCOMPARE(rowsWithWeight(servers, server, configured), everywhere);

        ServerOperationDialog *dialog = startOn(window, server, u"actionWeight"_s, everywhere);
        QVERIFY(dialog);
        auto *weight = dialog->findChild<QSpinBox *>(u"operationWeight"_s);
        QVERIFY(weight && weight->isVisible());
        weight->setValue(50);
        runWithReason(dialog, u"GUI-4 weight"_s);
        everyTargetOk(dialog, everywhere);
        const Result<AuditRecord> record =
            window.auditStore()->record(dialog->results().first().auditIntentId);
        QVERIFY(record);
        QCOMPARE(record->action, u"set-weight"_s);

        QTRY_COMPARE_WITH_TIMEOUT(rowsWithWeight(servers, server, 50), everywhere, Timeout);
        for (const QString &answer :
             askHaproxy(lab, kVip, "get weight " + (backend + u'/' + server).toUtf8()))
            QVERIFY2(answer.startsWith(u"50 "_s), qPrintable(answer));

        reverse(dialog);
        QTRY_COMPARE_WITH_TIMEOUT(rowsWithWeight(servers, server, configured), everywhere, Timeout);
        QCOMPARE(askHaproxy(lab, kVip, "get weight " + (backend + u'/' + server).toUtf8()), before);
    }
};

QTEST_MAIN(TestConsoleActions)
#include "tst_consoleactions.moc"
