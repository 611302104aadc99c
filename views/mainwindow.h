#pragma once

// MainWindow: the console's frame: menus, the fleet navigation tree, the
// central views and the status bar.  It owns the models and hands them to the
// views; it does no network or parsing work itself.

#include "core/inventory/inventory.h"

#include <QMainWindow>

class QLabel;
class QMenu;
class QTreeView;

namespace vipdeck {

class FleetTreeModel;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Loads a fleet file; on errors shows them and keeps the current fleet.
    // Returns whether the fleet was loaded.
    bool openFleet(const QString &path);
    // Loads fleet.yaml text already read (for example from a resource).
    bool openFleetData(const QByteArray &yaml, const QString &fileName);

    QString fleetFile() const { return m_fleetFile; }
    FleetTreeModel *fleetTreeModel() const { return m_fleetTree; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void applyInventory(const Inventory &inventory, const QString &path);
    void showLoadErrors(const QString &path, const QStringList &messages);
    void chooseFleetFile();
    void rememberRecent(const QString &path);
    void rebuildRecentMenu();
    void showAbout();

    FleetTreeModel *m_fleetTree = nullptr;
    QTreeView *m_navigation = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_fleetStatus = nullptr;
    QMenu *m_recentMenu = nullptr;
    QString m_fleetFile;
};

} // namespace vipdeck
