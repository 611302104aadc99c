#include "views/mainwindow.h"

#include "core/audit/auditstore.h"
#include "core/common/logging.h"
#include "core/fleet/fleetpoller.h"
#include "core/fleet/lastknownstate.h"
#include "core/fleet/passphrasecache.h"
#include "core/fleet/reloadoperationrunner.h"
#include "core/fleet/serveroperationrunner.h"
#include "core/fleet/transportfactory.h"
#include "core/history/historystore.h"
#include "core/inventory/inventoryloader.h"
#include "models/attentionnotifier.h"
#include "models/auditlogmodel.h"
#include "models/fleetmodels.h"
#include "models/healthstyle.h"
#include "models/recenthistory.h"
#include "version.h"
#include "views/audit/auditlogwidget.h"
#include "views/eventlog/eventlogwidget.h"
#include "views/host/hostviewwidget.h"
#include "views/hostkey/hostkeydialog.h"
#include "views/operations/serveroperationdialog.h"
#include "views/overview/fleetoverviewwidget.h"
#include "views/passphrase/dialogpassphraseprompter.h"
#include "views/passphrase/qtkeychainstore.h"
#include "views/quickfind/quickfinddialog.h"
#include "views/reload/reloaddialog.h"
#include "views/report/reportexportdialog.h"
#include "views/report/reportsamplebuffer.h"
#include "views/servers/servertablewidget.h"
#include "views/settings/settingsdialog.h"
#include "views/vipdetails/vipdetailswidget.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSet>
#include <QSettings>
#include <QStatusBar>
#include <QSysInfo>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {
constexpr int MaxRecentFiles = 8;
const auto RecentFilesKey = u"fleet/recentFiles"_s;
const auto GeometryKey = u"window/geometry"_s;
const auto StateKey = u"window/state"_s;
const auto TabKey = u"window/tab"_s;
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_models(new FleetModels(this))
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("vipdeck"));
    setWindowIcon(QIcon(u":/icons/vipdeck.svg"_s));
    m_passphrases = std::make_shared<PassphraseCache>(
        std::make_shared<DialogPassphrasePrompter>(this), std::make_shared<QtKeychainStore>());
    m_passphrases->setNonBlockingThread(thread()); // the dialogs need this thread
    m_lastState =
        std::make_unique<LastKnownState>(SnapshotStore(SnapshotStore::defaultDirectory()));
    m_recent = std::make_unique<RecentHistory>(RecentHistory::defaultDirectory());
    auto *saveRecent = new QTimer(this);
    connect(saveRecent, &QTimer::timeout, this, &MainWindow::saveRecentHistory);
    saveRecent->start(std::chrono::minutes(2));
    m_notifier = new AttentionNotifier(Clock::system(), this);
    connect(m_notifier, &AttentionNotifier::notificationReady, this, &MainWindow::showAttention);
    applyAttentionSettings();

    m_navigation = new QTreeView;
    m_navigation->setObjectName(u"navigationTree"_s);
    m_navigation->setModel(m_models->tree());
    m_navigation->setUniformRowHeights(true);
    // The names change only with the tree's rows, so the name column is fitted
    // then (once per burst).  ResizeToContents measured every visible row's
    // text again for each changed VIP: O(rows) per dataChanged, most of the GUI
    // thread's work at 2 x 150 VIPs polled every second.
    auto *fitNames = new QTimer(this);
    fitNames->setSingleShot(true);
    fitNames->setInterval(0);
    connect(fitNames, &QTimer::timeout, this,
            [this] { m_navigation->resizeColumnToContents(FleetTreeModel::NameColumn); });
    const auto refit = [fitNames] { fitNames->start(); };
    QAbstractItemModel *tree = m_models->tree();
    connect(tree, &QAbstractItemModel::rowsInserted, fitNames, refit);
    connect(tree, &QAbstractItemModel::rowsRemoved, fitNames, refit);
    connect(tree, &QAbstractItemModel::modelReset, fitNames, refit);
    connect(tree, &QAbstractItemModel::layoutChanged, fitNames, refit);
    connect(m_navigation, &QTreeView::expanded, fitNames, refit);
    connect(m_navigation, &QTreeView::collapsed, fitNames, refit);
    fitNames->start();
    connect(m_navigation, &QTreeView::activated, this, &MainWindow::navigationActivated);
    auto *dock = new QDockWidget(tr("Fleet"), this);
    dock->setObjectName(u"fleetDock"_s);
    dock->setWidget(m_navigation);
    addDockWidget(Qt::LeftDockWidgetArea, dock);

    m_overview = new FleetOverviewWidget(m_models->matrix());
    m_servers = new ServerTableWidget(m_models->servers());
    m_vipDetails = new VipDetailsWidget(m_models);
    m_hostView = new HostViewWidget(m_models);
    m_eventLog = new EventLogWidget(m_models->events());
    m_tabs = new QTabWidget;
    m_tabs->setObjectName(u"mainTabs"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_overview, tr("&Overview"));
    m_tabs->addTab(m_servers, tr("&Servers"));
    m_tabs->addTab(m_vipDetails, tr("&VIP"));
    m_tabs->addTab(m_hostView, tr("&Host"));
    m_tabs->addTab(m_eventLog, tr("&Events"));
    m_auditModel = new AuditLogModel(200, this);
    m_auditLog = new AuditLogWidget(m_auditModel);
    m_tabs->addTab(m_auditLog, tr("&Audit"));
    setCentralWidget(m_tabs);

    connect(m_overview, &FleetOverviewWidget::vipActivated, this, &MainWindow::showVip);
    connect(m_overview, &FleetOverviewWidget::hostActivated, this, &MainWindow::showHost);
    connect(
        m_overview, &FleetOverviewWidget::vipContextMenuRequested, this,
        [this](const QString &vip, const QPoint &at) {
            QMenu menu(this);
            menu.addAction(tr("Show %1").arg(vip), this, [this, vip] { showVip(vip); });
            menu.addSeparator();
            if (m_notifier->isMuted(vip)) {
                menu.addAction(tr("Notify about %1 again").arg(vip), this,
                               [this, vip] { m_notifier->setMuted(vip, {}); });
            } else {
                for (const int hours : {1, 8, 24}) {
                    menu.addAction(
                        tr("Mute notifications about %1 for %n hour(s)", nullptr, hours).arg(vip),
                        this, [this, vip, hours] {
                            m_notifier->setMuted(
                                vip, QDateTime::currentDateTimeUtc().addSecs(hours * 3600));
                        });
                }
            }
            menu.exec(at);
        });
    connect(m_vipDetails, &VipDetailsWidget::hostActivated, this, &MainWindow::showHost);
    connect(m_eventLog, &EventLogWidget::vipActivated, this, &MainWindow::showVip);
    connect(m_eventLog, &EventLogWidget::hostActivated, this, &MainWindow::showHost);
    connect(m_eventLog, &EventLogWidget::serverActivated, this, &MainWindow::showServer);
    for (QTableView *view : {m_servers->view(), m_vipDetails->serverView()}) {
        view->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(view, &QWidget::customContextMenuRequested, this,
                [this, view](const QPoint &position) {
                    serverContextMenu(view->viewport(), position);
                });
    }

    m_quickFind = new QuickFindDialog(this);
    connect(m_quickFind, &QuickFindDialog::chosen, this,
            [this](QuickFindDialog::Kind kind, const QString &name) {
                // Keys go back to this window: the next one acts on what was found.
                activateWindow();
                switch (kind) {
                case QuickFindDialog::Kind::Vip:
                    showVip(name);
                    break;
                case QuickFindDialog::Kind::Host:
                    showHost(name);
                    break;
                case QuickFindDialog::Kind::Server:
                    // Its rows on every host, selected: Ctrl+D acts on them.
                    showServer(name);
                    m_servers->selectServer(name);
                    break;
                }
            });

    m_fleetStatus = new QLabel;
    m_fleetStatus->setObjectName(u"fleetStatus"_s);
    m_reachable = new QLabel;
    m_reachable->setObjectName(u"statusReachable"_s);
    m_lastPoll = new QLabel;
    m_lastPoll->setObjectName(u"statusLastPoll"_s);
    m_operations = new QLabel;
    m_operations->setObjectName(u"statusOperations"_s);
    statusBar()->addWidget(m_fleetStatus, 1);
    statusBar()->addPermanentWidget(m_reachable);
    statusBar()->addPermanentWidget(m_lastPoll);
    statusBar()->addPermanentWidget(m_operations);
    m_historyStatus = new QLabel;
    m_historyStatus->setObjectName(u"statusHistory"_s);
    statusBar()->addPermanentWidget(m_historyStatus);
    m_ageTimer = new QTimer(this);
    m_ageTimer->setInterval(1000);
    connect(m_ageTimer, &QTimer::timeout, this, &MainWindow::updateStatus);
    m_ageTimer->start();

    createActions();
    applyInventory(Inventory(), QString());

    QSettings settings;
    if (!restoreGeometry(settings.value(GeometryKey).toByteArray()))
        resize(1280, 800);
    resizeDocks({dock}, {440}, Qt::Horizontal); // room for the tree's Details and Problems
    restoreState(settings.value(StateKey).toByteArray());
    m_tabs->setCurrentIndex(settings.value(TabKey, 0).toInt());
}

MainWindow::~MainWindow()
{
    // The poller's updates must not reach models being destroyed; the runner
    // (which waits for a running operation) goes before the poller whose
    // transports it uses, and the audit store last.
    if (m_poller)
        m_poller->disconnect(this);
    m_lastState->flush();
    m_passphrases->close(); // a transport asking must not wait for this thread
    m_runner.reset();
    m_reloadRunner.reset();
    m_poller.reset();
    m_vipDetails->setHistory(nullptr);
    m_history.reset(); // ends its recording cleanly
    m_auditModel->setStore(nullptr);
    m_audit.reset();
}

FleetTreeModel *MainWindow::fleetTreeModel() const
{
    return m_models->tree();
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open Fleet…"), this, &MainWindow::chooseFleetFile);
    open->setObjectName(u"actionOpenFleet"_s);
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(u"recentMenu"_s);
    QAction *reload = file->addAction(tr("Re&load Fleet File"), this, [this] {
        if (!m_fleetFile.isEmpty())
            openFleet(m_fleetFile);
    });
    reload->setObjectName(u"actionReloadFleet"_s);
    reload->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_R);
    // The console's polls, kept for the charts of exported reports.
    m_reportSamples = new ReportSampleBuffer(m_models, this);
    QAction *report = file->addAction(tr("&Export Report…"), this, &MainWindow::exportReport);
    report->setObjectName(u"actionExportReport"_s);
    // Ctrl+E is Enable (Ready), beside Ctrl+D drain and Ctrl+M maintenance.
    report->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_E);
    QAction *settings = file->addAction(tr("&Settings…"), this, [this] {
        if (SettingsDialog(this).exec() == QDialog::Accepted)
            applyAttentionSettings();
    });
    settings->setObjectName(u"actionSettings"_s);
    settings->setShortcut(QKeyCombination(Qt::ControlModifier, Qt::Key_Comma));
    settings->setMenuRole(QAction::PreferencesRole);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *find = view->addAction(tr("&Quick Find…"), this, &MainWindow::openQuickFind);
    find->setObjectName(u"actionQuickFind"_s);
    find->setShortcut(QKeyCombination(Qt::ControlModifier, Qt::Key_K));
    QAction *pollNow = view->addAction(tr("&Poll Now"), this, [this] {
        if (!m_poller)
            return;
        m_poller->reconnectUnreachable(); // a host that is back is seen in this round
        m_poller->pollOnce();
    });
    pollNow->setObjectName(u"actionPollNow"_s);
    pollNow->setShortcut(QKeySequence::Refresh);
    view->addSeparator();
    const Tab tabs[] = {Tab::Overview, Tab::Servers, Tab::Vip, Tab::Host, Tab::Events, Tab::Audit};
    for (const Tab tab : tabs) {
        const int i = int(tab);
        QAction *action =
            view->addAction(m_tabs->tabText(i).remove(u'&'), this, [this, tab] { showTab(tab); });
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
    }
    view->addSeparator();
    view->addAction(findChild<QDockWidget *>(u"fleetDock"_s)->toggleViewAction());
    // The Overview's density, kept across restarts: automatic turns compact
    // above FleetOverviewWidget::CompactAboveHosts hosts.
    QMenu *density = view->addMenu(tr("Overview &Density"));
    // Compact is for many hosts: the fleet dock gives the matrix room.
    connect(m_overview, &FleetOverviewWidget::compactChanged, this, [this](bool compact) {
        if (!compact)
            return;
        // After the layout of a window still being shown.
        QTimer::singleShot(0, this, [this] {
            auto *dock = findChild<QDockWidget *>(u"fleetDock"_s);
            if (dock && dock->width() > 240)
                resizeDocks({dock}, {240}, Qt::Horizontal);
        });
    });
    auto *densities = new QActionGroup(this);
    using Density = FleetOverviewWidget::Density;
    const struct
    {
        Density density;
        QString text;
        QString key;
    } densityChoices[] = {
        {Density::Automatic,
         tr("&Automatic (compact above %n hosts)", nullptr, FleetOverviewWidget::CompactAboveHosts),
         u"automatic"_s},
        {Density::Comfortable, tr("C&omfortable"), u"comfortable"_s},
        {Density::Compact, tr("&Compact"), u"compact"_s},
    };
    const QString chosen = QSettings().value(u"overview/density"_s, u"automatic"_s).toString();
    for (const auto &choice : densityChoices) {
        QAction *action = density->addAction(choice.text);
        action->setObjectName(u"actionDensity_"_s + choice.key);
        action->setCheckable(true);
        densities->addAction(action);
        // An unknown setting reads as the first choice, automatic.
        if (choice.key == chosen || densities->actions().size() == 1) {
            action->setChecked(true);
            m_overview->setDensity(choice.density);
        }
        connect(action, &QAction::triggered, this, [this, choice] {
            m_overview->setDensity(choice.density);
            QSettings().setValue(u"overview/density"_s, choice.key);
        });
    }

    QMenu *servers = menuBar()->addMenu(tr("Se&rvers"));
    const struct
    {
        ServerAction action;
        QString text;
        QString name;
        QKeySequence shortcut;
    } serverActions[] = {
        {ServerAction::Drain, tr("&Drain Everywhere…"), u"actionDrain"_s,
         QKeyCombination(Qt::ControlModifier, Qt::Key_D)},
        {ServerAction::Ready, tr("&Enable (Ready) Everywhere…"), u"actionReady"_s,
         QKeyCombination(Qt::ControlModifier, Qt::Key_E)},
        {ServerAction::Maint, tr("&Maintenance Everywhere…"), u"actionMaint"_s,
         QKeyCombination(Qt::ControlModifier, Qt::Key_M)},
        {ServerAction::Weight, tr("Set &Weight…"), u"actionWeight"_s,
         Qt::CTRL | Qt::SHIFT | Qt::Key_W},
    };
    for (const auto &a : serverActions) {
        const ServerAction action = a.action;
        QAction *item =
            servers->addAction(a.text, this, [this, action] { startServerOperation(action); });
        item->setObjectName(a.name);
        item->setShortcut(a.shortcut);
        m_serverActions << item;
    }

    servers->addSeparator();
    QAction *reloadVip = servers->addAction(tr("Re&load VIP…"), this, [this] {
        if (!startReload())
            statusBar()->showMessage(tr("Open a VIP in the VIP tab of a polled fleet first."),
                                     5000);
    });
    reloadVip->setObjectName(u"actionReloadVip"_s);
    reloadVip->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_L);

    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(u"mainToolbar"_s);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->addAction(open);
    toolbar->addAction(find);
    toolbar->addAction(pollNow);
    toolbar->addSeparator();
    for (QAction *action : std::as_const(m_serverActions))
        toolbar->addAction(action);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About vipdeck"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    rebuildRecentMenu();
}

bool MainWindow::openFleet(const QString &path)
{
    const LoadedInventory loaded = loadInventory(path);
    if (!loaded.ok()) {
        QStringList messages;
        for (const Diagnostic &diagnostic : loaded.diagnostics)
            messages << diagnostic.toString();
        showLoadErrors(path, messages);
        return false;
    }
    applyInventory(*loaded.inventory, QFileInfo(path).absoluteFilePath());
    rememberRecent(QFileInfo(path).absoluteFilePath());
    startPolling(*loaded.inventory);
    return true;
}

bool MainWindow::openFleetData(const QByteArray &yaml, const QString &fileName)
{
    const LoadedInventory loaded = parseInventory(yaml, fileName);
    if (!loaded.ok())
        return false;
    applyInventory(*loaded.inventory, fileName);
    return true;
}

void MainWindow::applyInventory(const Inventory &inventory, const QString &path)
{
    m_passphrases->close(); // a transport asking must not wait for this thread
    m_runner.reset();
    m_reloadRunner.reset();
    m_poller.reset();
    m_vipDetails->setHistory(nullptr);
    m_history.reset();
    m_passphrases->reopen();
    m_passphrases->forgetRefusals();
    m_hostKeysRefused.clear();
    saveRecentHistory(); // the fleet being left
    m_fleetFile = path;
    m_lastPollTime = {};
    m_notifier->reset(); // a new fleet: its state at opening is the baseline
    m_models->setInventory(inventory);
    if (const std::optional<FleetUpdate> restored = m_lastState->open(path, inventory))
        m_models->applyUpdate(*restored);
    // The last hour of events and charts, from the session before (only into
    // empty models: a second fleet opened in this window keeps what it has).
    if (!path.isEmpty() && m_models->events()->rowCount() == 0 &&
        m_models->series()->vips().isEmpty()) {
        const Result<int> restored =
            m_recent->restore(path, *m_models->events(), *m_models->series());
        if (!restored)
            qCWarning(lcFleet).noquote() << "recent history:" << restored.error().toString();
    }
    m_navigation->expandAll();
    QStringList groups, hosts, vips;
    for (const Group &group : inventory.groups())
        groups << group.name;
    for (const Host &host : inventory.hosts())
        hosts << host.name;
    for (const Vip &vip : inventory.vips())
        vips << vip.name;
    m_overview->setGroups(groups);
    m_hostView->setHosts(hosts);
    m_vipDetails->setVips(vips);
    if (path.isEmpty())
        m_fleetStatus->setText(tr("No fleet open: File > Open Fleet (Ctrl+O)"));
    else
        m_fleetStatus->setText(inventory.summary());
    updateStatus();
}

void MainWindow::startPolling(const Inventory &inventory)
{
    m_poller = std::make_unique<FleetPoller>(inventory, sshTransportFactory(m_passphrases));
    m_runner = std::make_unique<ServerOperationRunner>(m_poller.get(), auditStore());
    m_reloadRunner = std::make_unique<ReloadRunner>(m_poller.get(), auditStore());
    m_auditModel->setStore(m_audit.get());
    connect(m_poller.get(), &FleetPoller::updated, this, &MainWindow::applyUpdate);
    connect(m_poller.get(), &FleetPoller::transportStatusChanged, this,
            &MainWindow::transportStatusChanged);
    m_poller->start();
    openHistory(inventory);
    updateStatus();
}

void MainWindow::openHistory(const Inventory &inventory)
{
    m_vipDetails->setHistory(nullptr);
    m_history.reset();
    if (m_fleetFile.isEmpty() || !QFileInfo::exists(m_fleetFile)) {
        updateHistoryStatus();
        return;
    }
    const QString url = QSettings().value(u"history/url"_s).toString();
    Result<AuditStoreConfig> store = url.isEmpty()
                                         ? AuditStoreConfig::defaultHistorySqlite(m_fleetFile)
                                         : AuditStoreConfig::fromUrl(url);
    if (!store) {
        m_historyStatus->setText(tr("History unavailable"));
        m_historyStatus->setToolTip(store.error().toString());
        return;
    }
    HistoryRecorderOptions options;
    options.store = *store;
    options.holder = tr("vipdeck console (pid %1, %2@%3)")
                         .arg(QCoreApplication::applicationPid())
                         .arg(qEnvironmentVariable("USER"), QSysInfo::machineHostName());
    options.interval = inventory.pollInterval();
    m_history = std::make_unique<HistoryStore>(options);
    connect(m_history.get(), &HistoryStore::modeChanged, this, &MainWindow::updateHistoryStatus);
    m_vipDetails->setHistory(m_history.get());
    // The last day's events from the store, below what this session shows.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_history->eventsAsync(
        now - 24 * 3'600'000, now, this, [this](const Result<QList<FleetEvent>> &events) {
            if (!events) {
                qCWarning(lcFleet).noquote() << "history:" << events.error().toString();
                return;
            }
            m_models->events()->addEarlierEvents(*events);
        });
    updateHistoryStatus();
}

void MainWindow::updateHistoryStatus()
{
    if (!m_history) {
        m_historyStatus->clear();
        m_historyStatus->setToolTip({});
        return;
    }
    switch (m_history->mode()) {
    case HistoryStore::Mode::Opening:
        m_historyStatus->setText(tr("History: opening"));
        break;
    case HistoryStore::Mode::Recording:
        m_historyStatus->setText(tr("History: recording"));
        break;
    case HistoryStore::Mode::Reading:
        m_historyStatus->setText(tr("History: recorded elsewhere"));
        break;
    case HistoryStore::Mode::Unavailable:
        m_historyStatus->setText(tr("History unavailable"));
        break;
    }
    m_historyStatus->setToolTip(m_history->statusText());
}

void MainWindow::applyUpdate(const FleetUpdate &update)
{
    m_models->applyUpdate(m_lastState->live(update));
    m_notifier->applyUpdate(update);
    if (m_history)
        m_history->record(update.snapshot, update.verdicts);
    m_lastPollTime = update.snapshot.time();
    // Discovered VIPs join the choosers.
    QStringList vips;
    for (const Vip &vip : update.snapshot.inventory().vips())
        vips << vip.name;
    if (vips.size() != m_models->tree()->inventory().vips().size())
        m_vipDetails->setVips(vips);
    updateStatus();
}

void MainWindow::transportStatusChanged(const QString &host, const TransportStatus &status)
{
    m_hostView->setTransportStatus(host, status);
    const ErrorCode code = status.lastError.code;
    if (status.state != TransportState::Failed ||
        (code != ErrorCode::HostKeyUnknown && code != ErrorCode::HostKeyChanged) ||
        m_hostKeyDialogs.contains(host) || m_hostKeysRefused.contains(host))
        return;
    auto *dialog = new HostKeyDialog(host, status, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_hostKeyDialogs.insert(host, dialog);
    connect(dialog, &QDialog::finished, this, [this, host, dialog] {
        m_hostKeyDialogs.remove(host);
        if (dialog->trusted()) {
            statusBar()->showMessage(tr("Host key of %1 accepted; reconnecting.").arg(host), 5000);
            if (m_poller)
                m_poller->pollOnce();
        } else {
            m_hostKeysRefused.insert(host);
        }
    });
    dialog->show();
}

void MainWindow::saveRecentHistory()
{
    if (m_fleetFile.isEmpty() || !m_poller)
        return; // nothing polled, nothing to keep
    const Result<void> saved =
        m_recent->save(m_fleetFile, *m_models->events(), *m_models->series());
    if (!saved)
        qCWarning(lcFleet).noquote() << "recent history:" << saved.error().toString();
}

void MainWindow::applyAttentionSettings()
{
    const QSettings settings;
    m_notifier->setEnabled(settings.value(QLatin1StringView(kNotifySettingsKey), true).toBool());
    const bool tray = settings.value(QLatin1StringView(kTraySettingsKey), true).toBool() &&
                      QSystemTrayIcon::isSystemTrayAvailable();
    if (tray && !m_tray) {
        m_tray = new QSystemTrayIcon(windowIcon(), this);
        m_tray->setObjectName(u"trayIcon"_s);
        const auto bringToFront = [this] {
            showNormal();
            raise();
            activateWindow();
        };
        connect(m_tray, &QSystemTrayIcon::activated, this, bringToFront);
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this, bringToFront] {
            bringToFront();
            showTab(Tab::Overview);
        });
        m_tray->show();
    } else if (!tray && m_tray) {
        delete m_tray;
        m_tray = nullptr;
    }
    updateTitle();
}

// A desktop notification (through the tray icon: freedesktop Notifications on
// Linux desktops), the status bar, and the taskbar's attention hint.
void MainWindow::showAttention(const AttentionNotification &notification)
{
    if (m_tray && m_tray->supportsMessages())
        m_tray->showMessage(notification.title, notification.body, healthIcon(notification.health),
                            15'000);
    statusBar()->showMessage(notification.title, 15'000);
    if (!isActiveWindow())
        QApplication::alert(this);
    emit attentionShown(notification.title, notification.body);
}

// An operation that ends while neither the console nor the operation's own
// dialog is the active window (the admin went elsewhere during a long rolling
// reload) is notified like a state change; one watched in its dialog is not.
void MainWindow::operationFinished(const QWidget *dialog, const QString &title, const QString &body,
                                   bool ok)
{
    const QWidget *active = QApplication::activeWindow();
    if (active == dialog || active == this || !m_notifier->isEnabled())
        return;
    AttentionNotification notification;
    notification.title = title;
    notification.body = body;
    notification.health = ok ? Health::Healthy : Health::Critical;
    showAttention(notification);
}

// The window title leads with the worst VIP states, so a taskbar or window
// list shows "1 critical" while the console is behind other windows.
void MainWindow::updateTitle()
{
    if (m_fleetFile.isEmpty()) {
        setWindowTitle(tr("vipdeck"));
        return;
    }
    const QString file = QFileInfo(m_fleetFile).fileName();
    const FleetUpdate &latest = m_models->latest();
    if (!latest.verdicts || latest.verdicts->vips.isEmpty()) {
        setWindowTitle(tr("%1 — vipdeck").arg(file));
        return;
    }
    int counts[4] = {};
    for (const Verdict &verdict : std::as_const(latest.verdicts->vips))
        ++counts[int(verdict.health)];
    QStringList worst;
    for (const Health health : {Health::Critical, Health::Degraded, Health::Unknown}) {
        if (const int n = counts[int(health)])
            worst << healthCountText(health, n);
    }
    const QString state = worst.isEmpty() ? tr("all healthy") : worst.join(u", "_s);
    setWindowTitle(tr("%1 — %2 — vipdeck").arg(state, file));
    if (m_tray) {
        // The worst state with a count (Health orders Healthy < ... < Critical).
        int worstHealth = int(Health::Critical);
        while (worstHealth > int(Health::Healthy) && counts[worstHealth] == 0)
            --worstHealth;
        m_tray->setIcon(healthIcon(Health(worstHealth)));
        m_tray->setToolTip(windowTitle());
    }
}

void MainWindow::updateStatus()
{
    updateTitle();
    const Snapshot &snapshot = m_models->latest().snapshot;
    const qsizetype total = snapshot.inventory().hosts().size();
    qsizetype reachable = 0;
    for (const HostObservation &host : snapshot.hosts())
        reachable += host.reachable ? 1 : 0;
    m_reachable->setText(tr("Hosts reachable: %1/%2").arg(reachable).arg(total));
    if (!m_poller) {
        m_lastPoll->setText(m_fleetFile.isEmpty() ? QString() : tr("Not polling"));
    } else if (!m_lastPollTime.isValid() && m_lastState->showsRestored()) {
        const QDateTime restored = m_lastState->restoredTime();
        m_lastPoll->setText(tr("Showing the last known state of %1 (%2 s old); first poll "
                               "running…")
                                .arg(restored.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s))
                                .arg(restored.secsTo(QDateTime::currentDateTimeUtc())));
    } else if (!m_lastPollTime.isValid()) {
        m_lastPoll->setText(tr("First poll running…"));
    } else {
        const qint64 age = m_lastPollTime.secsTo(QDateTime::currentDateTimeUtc());
        m_lastPoll->setText(tr("Last poll %1 (%2 s ago)")
                                .arg(m_lastPollTime.toLocalTime().toString(u"HH:mm:ss"_s))
                                .arg(std::max<qint64>(0, age)));
    }
    m_operations->setText(m_operationsRunning > 0
                              ? tr("Operations running: %1").arg(m_operationsRunning)
                              : tr("No operation running"));
}

void MainWindow::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(int(tab));
}

void MainWindow::showVip(const QString &vip)
{
    m_vipDetails->showVip(vip);
    showTab(Tab::Vip);
}

void MainWindow::showHost(const QString &host)
{
    m_hostView->showHost(host);
    showTab(Tab::Host);
}

void MainWindow::showServer(const QString &server)
{
    m_servers->search(server);
    showTab(Tab::Servers);
    m_servers->view()->setFocus();
}

void MainWindow::openQuickFind()
{
    QList<QuickFindDialog::Entry> entries;
    const Inventory &inventory = m_models->latest().snapshot.inventory();
    for (const Vip &vip : inventory.vips())
        entries << QuickFindDialog::Entry{QuickFindDialog::Kind::Vip, vip.name, vip.group};
    for (const Host &host : inventory.hosts())
        entries << QuickFindDialog::Entry{QuickFindDialog::Kind::Host, host.name, host.address};
    // Each server once, with where it serves.
    QHash<QString, QSet<QString>> servers;
    QStringList order;
    const ServerTableModel *model = m_models->servers();
    for (int r = 0; r < model->rowCount(); ++r) {
        const QModelIndex index = model->index(r, 0);
        const QString name = index.data(ServerTableModel::ServerRole).toString();
        if (!servers.contains(name))
            order << name;
        servers[name].insert(index.data(ServerTableModel::VipRole).toString());
    }
    for (const QString &name : std::as_const(order)) {
        QStringList vips = servers.value(name).values();
        vips.sort();
        entries << QuickFindDialog::Entry{QuickFindDialog::Kind::Server, name,
                                          tr("in %1").arg(vips.join(u", "_s))};
    }
    m_quickFind->setEntries(entries);
    m_quickFind->input()->clear();
    m_quickFind->show();
    m_quickFind->raise();
    m_quickFind->activateWindow();
    m_quickFind->input()->setFocus();
}

void MainWindow::navigationActivated(const QModelIndex &index)
{
    const auto kind = FleetTreeModel::NodeKind(index.data(FleetTreeModel::KindRole).toInt());
    const QString name = index.data(FleetTreeModel::NameRole).toString();
    // A backend opens its VIP's details; a server, its rows on every host.
    const QString vip = index.data(FleetTreeModel::VipRole).toString();
    if (kind == FleetTreeModel::NodeKind::Vip || kind == FleetTreeModel::NodeKind::Backend)
        showVip(vip);
    else if (kind == FleetTreeModel::NodeKind::Server)
        showServer(
            u"%1 %2 %3"_s.arg(name, vip, index.data(FleetTreeModel::BackendRole).toString()));
    else if (kind == FleetTreeModel::NodeKind::Host)
        showHost(name);
    else {
        m_overview->showGroup(name);
        showTab(Tab::Overview);
    }
}

void MainWindow::setAuditStoreConfig(const AuditStoreConfig &config)
{
    m_auditConfig = config;
    m_runner.reset();
    m_reloadRunner.reset();
    m_auditModel->setStore(nullptr);
    m_audit.reset();
    if (m_poller) {
        m_runner = std::make_unique<ServerOperationRunner>(m_poller.get(), auditStore());
        m_reloadRunner = std::make_unique<ReloadRunner>(m_poller.get(), auditStore());
    }
    m_auditModel->setStore(m_audit.get());
}

void MainWindow::exportReport()
{
    if (m_models->latest().snapshot.inventory().vips().isEmpty()) {
        statusBar()->showMessage(tr("Open a fleet to export its report."), 10000);
        return;
    }
    ReportExportSource source;
    source.fleetFile = m_fleetFile;
    source.latest = m_models->latest();
    source.samples = m_reportSamples->since({});
    source.samplesSource = tr("polled by the console");
    source.audit = m_auditConfig;
    if (m_history)
        source.history = m_history->config();
    source.generator = u"vipdeck "_s + QString::fromLatin1(VIPDECK_VERSION);
    auto *dialog = new ReportExportDialog(std::move(source), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ReportExportDialog::exportFinished, this,
            [this](bool ok, const QString &path) {
                if (ok)
                    statusBar()->showMessage(
                        tr("Report written to %1").arg(QDir::toNativeSeparators(path)), 10000);
            });
    dialog->show();
}

AuditStore *MainWindow::auditStore()
{
    if (!m_audit) {
        Result<std::unique_ptr<AuditStore>> opened = AuditStore::open(m_auditConfig);
        if (opened)
            m_audit = std::move(*opened);
        else
            statusBar()->showMessage(tr("Audit log unavailable: %1; server operations are "
                                        "refused until it can be written.")
                                         .arg(opened.error().toString()));
    }
    return m_audit.get();
}

ServerOperationDialog *MainWindow::startServerOperation(ServerAction action)
{
    if (!m_runner)
        return nullptr;
    QList<ServerLocation> selection;
    if (m_tabs->currentWidget() == m_vipDetails) {
        for (const QModelIndex &index :
             m_vipDetails->serverView()->selectionModel()->selectedRows())
            selection << ServerTableModel::location(index);
    } else {
        selection = m_servers->selectedServers();
    }
    if (selection.isEmpty()) {
        statusBar()->showMessage(tr("Select one or more servers first."), 5000);
        return nullptr;
    }
    auto *dialog = new ServerOperationDialog(
        m_runner.get(), [this] { return m_models->latest().snapshot; }, action, selection, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ServerOperationDialog::runningChanged, this, [this](bool running) {
        m_operationsRunning += running ? 1 : -1;
        updateStatus();
        if (!running)
            m_auditModel->refresh();
        // The result shows at once instead of at the next poll.
        if (!running && m_poller)
            m_poller->pollOnce();
    });
    connect(dialog, &ServerOperationDialog::outcomeReady, this,
            [this, dialog](const QString &title, const QString &body, bool ok) {
                operationFinished(dialog, title, body, ok);
            });
    dialog->show();
    return dialog;
}

ReloadDialog *MainWindow::startReload()
{
    const Vip *vip = m_models->latest().snapshot.inventory().vip(m_vipDetails->vip());
    if (!m_reloadRunner || !vip)
        return nullptr;
    QStringList hosts;
    for (const Placement &placement : vip->placements)
        hosts << placement.host;
    auto *dialog = new ReloadDialog(m_reloadRunner.get(), vip->name, hosts, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ReloadDialog::runningChanged, this, [this](bool running) {
        m_operationsRunning += running ? 1 : -1;
        updateStatus();
        if (!running) {
            m_auditModel->refresh();
            if (m_poller)
                m_poller->pollOnce();
        }
    });
    connect(dialog, &ReloadDialog::outcomeReady, this,
            [this, dialog](const QString &title, const QString &body, bool ok) {
                operationFinished(dialog, title, body, ok);
            });
    dialog->show();
    return dialog;
}

void MainWindow::serverContextMenu(QWidget *view, const QPoint &position)
{
    QMenu menu(this);
    for (QAction *action : std::as_const(m_serverActions))
        menu.addAction(action);
    menu.exec(view->mapToGlobal(position));
}

QStringList MainWindow::saveScreenshots(const QString &dir)
{
    QDir().mkpath(dir);
    QStringList files;
    const int previous = m_tabs->currentIndex();
    const struct
    {
        Tab tab;
        QString name;
    } shots[] = {{Tab::Overview, u"overview"_s}, {Tab::Servers, u"servers"_s},
                 {Tab::Vip, u"vip-details"_s},   {Tab::Host, u"host"_s},
                 {Tab::Events, u"events"_s},     {Tab::Audit, u"audit"_s}};
    for (const auto &shot : shots) {
        showTab(shot.tab);
        QApplication::processEvents();
        const QString file = QDir(dir).filePath(shot.name + u".png"_s);
        if (grab().save(file))
            files << file;
    }
    m_tabs->setCurrentIndex(previous);
    return files;
}

void MainWindow::showLoadErrors(const QString &path, const QStringList &messages)
{
    QMessageBox box(
        QMessageBox::Warning, tr("Cannot open fleet"),
        tr("%1 has %n problem(s); the fleet was not opened.", nullptr, int(messages.size()))
            .arg(QFileInfo(path).fileName()),
        QMessageBox::Ok, this);
    box.setObjectName(u"fleetErrorBox"_s);
    box.setInformativeText(tr("Fix the file and open it again. The current fleet stays open."));
    box.setDetailedText(messages.join(u'\n'));
    if (QApplication::platformName() == u"offscreen"_s)
        return; // nobody could close a modal box
    box.exec();
}

void MainWindow::chooseFleetFile()
{
    const QString start = m_fleetFile.isEmpty() ? QString() : QFileInfo(m_fleetFile).absolutePath();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Fleet"), start, tr("Fleet files (*.yaml *.yml);;All files (*)"));
    if (!path.isEmpty())
        openFleet(path);
}

void MainWindow::rememberRecent(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(RecentFilesKey).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > MaxRecentFiles)
        recent.removeLast();
    settings.setValue(RecentFilesKey, recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(RecentFilesKey).toStringList();
    for (const QString &path : recent)
        m_recentMenu->addAction(path, this, [this, path] { openFleet(path); });
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About vipdeck"),
                       tr("<h3>vipdeck %1</h3><p>Operations console for anycast HAProxy and "
                          "BIRD load-balancer fleets.</p>")
                           .arg(QString::fromLatin1(VIPDECK_VERSION)));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(GeometryKey, saveGeometry());
    settings.setValue(StateKey, saveState());
    settings.setValue(TabKey, m_tabs->currentIndex());
    m_lastState->flush();
    saveRecentHistory();
    event->accept();
}

} // namespace vipdeck
