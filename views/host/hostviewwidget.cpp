#include "views/host/hostviewwidget.h"

#include "models/fleetmodels.h"
#include "models/healthstyle.h"
#include "views/viewhelpers.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

QTableView *sessionTable(QAbstractItemModel *model, const QString &name)
{
    QTableView *view = compactTable(model, name);
    view->setColumnHidden(0, true); // the host column: this view shows one host
    return view;
}

QString duration(qint64 secs)
{
    if (secs < 0)
        return {};
    if (secs < 120)
        return QCoreApplication::translate("vipdeck::HostViewWidget", "%1 s").arg(secs);
    if (secs < 7200)
        return QCoreApplication::translate("vipdeck::HostViewWidget", "%1 min").arg(secs / 60);
    if (secs < 172800)
        return QCoreApplication::translate("vipdeck::HostViewWidget", "%1 h").arg(secs / 3600);
    return QCoreApplication::translate("vipdeck::HostViewWidget", "%1 days").arg(secs / 86400);
}

} // namespace

HostViewWidget::HostViewWidget(FleetModels *models, QWidget *parent)
    : QWidget(parent)
    , m_models(models)
    , m_host(new QComboBox)
    , m_ssh(new QLabel)
    , m_bird(new QLabel)
    , m_processes(new QTreeWidget)
    , m_bgpProxy(new QSortFilterProxyModel(this))
    , m_bfdProxy(new QSortFilterProxyModel(this))
{
    setObjectName(u"hostView"_s);
    m_host->setObjectName(u"hostChooser"_s);
    connect(m_host, &QComboBox::currentIndexChanged, this, &HostViewWidget::refresh);

    m_ssh->setObjectName(u"hostSshState"_s);
    m_ssh->setWordWrap(true);
    m_ssh->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_bird->setObjectName(u"hostBirdState"_s);
    m_bird->setWordWrap(true);
    m_bird->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_processes->setObjectName(u"hostProcesses"_s);
    m_processes->setRootIsDecorated(false);
    m_processes->setHeaderLabels({tr("VIP"), tr("State"), tr("PID"), tr("Version"), tr("Uptime"),
                                  tr("Reloads"), tr("Last error")});
    m_processes->header()->setStretchLastSection(true);

    m_bgpProxy->setSourceModel(models->bgp());
    m_bgpProxy->setFilterRole(BgpSessionModel::HostRole);
    m_bfdProxy->setSourceModel(models->bfd());
    m_bfdProxy->setFilterRole(BfdSessionModel::HostRole);
    m_bgp = sessionTable(m_bgpProxy, u"hostBgpSessions"_s);
    m_bfd = sessionTable(m_bfdProxy, u"hostBfdSessions"_s);

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Host:")));
    top->addWidget(m_host);
    top->addStretch(1);
    auto *state = new QGroupBox(tr("Connection and BIRD"));
    auto *form = new QFormLayout(state);
    form->addRow(tr("SSH:"), m_ssh);
    form->addRow(tr("BIRD:"), m_bird);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(state);
    layout->addWidget(boxed(tr("HAProxy processes"), m_processes), 2);
    layout->addWidget(boxed(tr("BGP sessions"), m_bgp), 1);
    layout->addWidget(boxed(tr("BFD sessions"), m_bfd), 1);

    connect(models, &FleetModels::updated, this, &HostViewWidget::refresh);
}

void HostViewWidget::setHosts(const QStringList &hosts)
{
    replaceItemsKeepingCurrent(m_host, hosts);
    refresh();
}

void HostViewWidget::showHost(const QString &host)
{
    const int index = m_host->findText(host);
    if (index >= 0)
        m_host->setCurrentIndex(index);
}

QString HostViewWidget::host() const
{
    return m_host->currentText();
}

void HostViewWidget::setTransportStatus(const QString &host, const TransportStatus &status)
{
    m_transport.insert(host, status);
    if (host == this->host())
        refresh();
}

void HostViewWidget::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

void HostViewWidget::refresh()
{
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    m_stale = false;
    const QString name = host();
    const QString pattern = u"^%1$"_s.arg(QRegularExpression::escape(name));
    if (m_bgpProxy->filterRegularExpression().pattern() != pattern) {
        m_bgpProxy->setFilterRegularExpression(pattern);
        m_bfdProxy->setFilterRegularExpression(pattern);
    }

    if (const auto it = m_transport.constFind(name); it != m_transport.cend()) {
        QString text = transportStateName(it->state);
        if (it->since.isValid())
            text += tr(" since %1").arg(it->since.toLocalTime().toString(u"HH:mm:ss"_s));
        if (it->reconnectAttempts > 0)
            text += tr(", %n reconnect attempt(s)", nullptr, it->reconnectAttempts);
        if (it->state == TransportState::Failed)
            text += u"\n"_s + tr("Last error: %1").arg(it->lastError.toString());
        m_ssh->setText(text);
    } else {
        m_ssh->setText(tr("not connected yet"));
    }

    const Snapshot &snapshot = m_models->latest().snapshot;
    const HostObservation *observation = snapshot.host(name);
    if (!observation) {
        m_bird->setText(tr("no data yet"));
    } else {
        QString text = observation->hasBirdData()
                           ? tr("BIRD %1, router id %2, read at %3")
                                 .arg(observation->birdVersion, observation->routerId,
                                      observation->time.toLocalTime().toString(u"HH:mm:ss"_s))
                           : tr("never read");
        if (observation->error)
            text += u"\n"_s + tr("Last error: %1").arg(observation->error->toString());
        m_bird->setText(text);
    }

    m_processes->clear();
    for (const Vip *vip : snapshot.inventory().vipsOnHost(name)) {
        const HaproxyObservation *h = snapshot.haproxy(vip->name, name);
        const Verdict *verdict = m_models->latest().verdicts->placement(vip->name, name);
        const Health health = verdict ? verdict->health : Health::Unknown;
        auto *item = new QTreeWidgetItem(m_processes);
        item->setText(0, vip->name);
        item->setIcon(1, healthIcon(health));
        item->setText(1, healthShortText(health));
        if (h && h->hasData()) {
            item->setText(2, QString::number(h->pid));
            item->setText(3, h->version);
            item->setText(4, duration(h->uptimeSecs));
            item->setText(5, h->reloads >= 0 ? QString::number(h->reloads) : QString());
        }
        if (h && h->error)
            item->setText(6, h->error->toString());
    }
    for (int c = 0; c < m_processes->columnCount() - 1; ++c)
        m_processes->resizeColumnToContents(c);
}

} // namespace vipdeck
