#pragma once

// MainWindow: the console's frame: menus, toolbar, the fleet navigation
// tree, the tabs of views (overview matrix, servers, VIP details, host,
// events) and the status bar.  It owns the models and the FleetPoller of the
// open fleet, and hands poller updates to the models on the GUI thread; it
// does no network or parsing work itself.

#include "core/audit/auditstoreconfig.h"
#include "core/fleet/serveroperation.h"
#include "core/inventory/inventory.h"
#include "core/ssh/transport.h"

#include <QDateTime>
#include <QHash>
#include <QMainWindow>
#include <QSet>

#include <memory>

class QLabel;
class QMenu;
class QSystemTrayIcon;
class QTabWidget;
class QTimer;
class QTreeView;

namespace vipdeck {

class AttentionNotifier;
class AuditLogModel;
class AuditLogWidget;
class AuditStore;
class EventLogWidget;
class HostKeyDialog;
class ReloadDialog;
class ReloadRunner;
class ServerOperationDialog;
class ServerOperationRunner;
class FleetModels;
class FleetOverviewWidget;
class FleetPoller;
class FleetTreeModel;
class HostViewWidget;
class LastKnownState;
class PassphraseCache;
class QuickFindDialog;
class RecentHistory;
class HistoryStore;
class ReportSampleBuffer;
class ServerTableWidget;
class VipDetailsWidget;
struct AttentionNotification;
struct FleetUpdate;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum class Tab { Overview, Servers, Vip, Host, Events, Audit };

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Loads a fleet file and starts polling it; on errors shows them and keeps
    // the current fleet.  Returns whether the fleet was loaded.
    bool openFleet(const QString &path);
    // Loads fleet.yaml text already read (for example from a resource) without
    // polling it: the views show the fleet with every state unknown.
    bool openFleetData(const QByteArray &yaml, const QString &fileName);

    QString fleetFile() const { return m_fleetFile; }
    FleetTreeModel *fleetTreeModel() const;
    FleetModels *models() const { return m_models; }
    FleetPoller *poller() const { return m_poller.get(); }
    // Passphrases of encrypted SSH keys, asked once per session (keychain optional).
    PassphraseCache *passphrases() const { return m_passphrases.get(); }
    // The previous session's state, shown stale while the first poll runs.
    LastKnownState *lastKnownState() const { return m_lastState.get(); }
    // Decides the desktop notifications (a VIP or host becoming critical or
    // recovering); tests observe its notificationReady().
    AttentionNotifier *notifier() const { return m_notifier; }

    void showTab(Tab tab);
    void showVip(const QString &vip);
    void showHost(const QString &host);
    void showServer(const QString &server);
    void openQuickFind();
    QuickFindDialog *quickFindDialog() const { return m_quickFind; }

    // Where operations are audited (default: the per-user SQLite log).
    void setAuditStoreConfig(const AuditStoreConfig &config);
    // Opens the operation dialog for the servers selected in the server table
    // (or the VIP details' server list); nullptr when nothing is selected or
    // no fleet is polled.
    ServerOperationDialog *startServerOperation(ServerAction action);
    AuditStore *auditStore();
    // Opens the reload dialog for the VIP shown in the VIP tab.
    ReloadDialog *startReload();

    // Saves a PNG of each main view into `dir`; returns the files written.
    QStringList saveScreenshots(const QString &dir);

signals:
    // A notification was shown (tray message, status bar, taskbar alert).
    void attentionShown(const QString &title, const QString &body);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void applyInventory(const Inventory &inventory, const QString &path);
    void startPolling(const Inventory &inventory);
    void applyUpdate(const FleetUpdate &update);
    void transportStatusChanged(const QString &host, const TransportStatus &status);
    void updateStatus();
    void updateTitle();
    void applyAttentionSettings();
    void saveRecentHistory();
    void openHistory(const Inventory &inventory);
    void updateHistoryStatus();
    void showAttention(const AttentionNotification &notification);
    void operationFinished(const QWidget *dialog, const QString &title, const QString &body,
                           bool ok);
    void showLoadErrors(const QString &path, const QStringList &messages);
    void chooseFleetFile();
    void rememberRecent(const QString &path);
    void rebuildRecentMenu();
    void showAbout();
    void exportReport();
    void navigationActivated(const QModelIndex &index);
    void serverContextMenu(QWidget *view, const QPoint &position);

    AuditStoreConfig m_auditConfig = AuditStoreConfig::defaultSqlite();
    std::unique_ptr<AuditStore> m_audit;
    std::unique_ptr<ServerOperationRunner> m_runner;
    std::unique_ptr<ReloadRunner> m_reloadRunner;
    QList<QAction *> m_serverActions;
    int m_operationsRunning = 0;
    QHash<QString, HostKeyDialog *> m_hostKeyDialogs; // open ones, by host
    QSet<QString> m_hostKeysRefused;                  // not asked again for this fleet
    std::shared_ptr<PassphraseCache> m_passphrases;
    std::unique_ptr<LastKnownState> m_lastState;
    std::unique_ptr<RecentHistory> m_recent; // events and charts of the last hour
    // The fleet's history store: recorded while no other recorder runs, read
    // for the event log and the charts.  Null without a fleet file.
    std::unique_ptr<HistoryStore> m_history;
    AttentionNotifier *m_notifier = nullptr;
    QSystemTrayIcon *m_tray = nullptr; // null when off or without a system tray

    FleetModels *m_models = nullptr;
    std::unique_ptr<FleetPoller> m_poller;
    QTreeView *m_navigation = nullptr;
    QTabWidget *m_tabs = nullptr;
    FleetOverviewWidget *m_overview = nullptr;
    ServerTableWidget *m_servers = nullptr;
    VipDetailsWidget *m_vipDetails = nullptr;
    HostViewWidget *m_hostView = nullptr;
    EventLogWidget *m_eventLog = nullptr;
    AuditLogModel *m_auditModel = nullptr;
    AuditLogWidget *m_auditLog = nullptr;
    QuickFindDialog *m_quickFind = nullptr;
    ReportSampleBuffer *m_reportSamples = nullptr;
    QLabel *m_fleetStatus = nullptr;
    QLabel *m_reachable = nullptr;
    QLabel *m_lastPoll = nullptr;
    QLabel *m_operations = nullptr;
    QLabel *m_historyStatus = nullptr;
    QTimer *m_ageTimer = nullptr;
    QMenu *m_recentMenu = nullptr;
    QString m_fleetFile;
    QDateTime m_lastPollTime;
};

} // namespace vipdeck
