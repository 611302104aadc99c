#include "views/mainwindow.h"

#include "core/inventory/inventoryloader.h"
#include "models/fleettreemodel.h"
#include "version.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {
constexpr int MaxRecentFiles = 8;
const auto RecentFilesKey = u"fleet/recentFiles"_s;
const auto GeometryKey = u"window/geometry"_s;
const auto StateKey = u"window/state"_s;
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_fleetTree(new FleetTreeModel(this))
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("vipdeck"));
    setWindowIcon(QIcon(u":/icons/vipdeck.svg"_s));

    m_navigation = new QTreeView;
    m_navigation->setObjectName(u"navigationTree"_s);
    m_navigation->setModel(m_fleetTree);
    m_navigation->setUniformRowHeights(true);
    m_navigation->header()->setSectionResizeMode(FleetTreeModel::NameColumn,
                                                 QHeaderView::ResizeToContents);
    auto *dock = new QDockWidget(tr("Fleet"), this);
    dock->setObjectName(u"fleetDock"_s);
    dock->setWidget(m_navigation);
    addDockWidget(Qt::LeftDockWidgetArea, dock);

    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    m_summary = new QLabel;
    m_summary->setObjectName(u"fleetSummary"_s);
    m_summary->setAlignment(Qt::AlignCenter);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    layout->addWidget(m_summary);
    setCentralWidget(central);

    m_fleetStatus = new QLabel;
    m_fleetStatus->setObjectName(u"fleetStatus"_s);
    statusBar()->addPermanentWidget(m_fleetStatus, 1);

    createActions();
    applyInventory(Inventory(), QString());

    QSettings settings;
    if (!restoreGeometry(settings.value(GeometryKey).toByteArray()))
        resize(1200, 760);
    restoreState(settings.value(StateKey).toByteArray());
}

MainWindow::~MainWindow() = default;

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
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

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
    m_fleetFile = path;
    m_fleetTree->setInventory(inventory);
    m_navigation->expandAll();
    if (path.isEmpty()) {
        setWindowTitle(tr("vipdeck"));
        m_summary->setText(
            tr("No fleet open.\n\nOpen a fleet file with File > Open Fleet (Ctrl+O)."));
        m_fleetStatus->setText(tr("No fleet"));
        return;
    }
    setWindowTitle(tr("%1 — vipdeck").arg(QFileInfo(path).fileName()));
    m_summary->setText(tr("%1\n\nLive state is not polled by this build yet: the fleet tree "
                          "shows the inventory only.")
                           .arg(inventory.summary()));
    m_fleetStatus->setText(inventory.summary());
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
    event->accept();
}

} // namespace vipdeck
