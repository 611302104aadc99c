#include "views/vipdetails/vipdetailswidget.h"

#include "models/fleetmodels.h"
#include "models/healthstyle.h"
#include "views/eventlog/eventfilterproxymodel.h"
#include "views/servers/serverfilterproxymodel.h"
#include "views/viewhelpers.h"
#include "views/vipdetails/vipchartview.h"

#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QSplitter>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace vipdeck {

VipDetailsWidget::VipDetailsWidget(FleetModels *models, QWidget *parent)
    : QWidget(parent)
    , m_models(models)
    , m_vip(new QComboBox)
    , m_summary(new QLabel)
    , m_reasons(new QListWidget)
    , m_hosts(new QTreeWidget)
    , m_serverProxy(new ServerFilterProxyModel(this))
    , m_eventProxy(new EventFilterProxyModel(this))
    , m_charts(new VipChartView(models->series()))
{
    setObjectName(u"vipDetails"_s);
    m_vip->setObjectName(u"vipChooser"_s);
    m_vip->setMinimumContentsLength(16);
    connect(m_vip, &QComboBox::currentIndexChanged, this, &VipDetailsWidget::refresh);
    m_summary->setObjectName(u"vipSummary"_s);
    m_summary->setTextFormat(Qt::PlainText);
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    // A long reason (an unreachable host's error) wraps instead of widening the window.
    m_summary->setWordWrap(true);
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    m_reasons->setObjectName(u"vipReasons"_s);
    m_hosts->setObjectName(u"vipHosts"_s);
    m_hosts->setRootIsDecorated(false);
    m_hosts->setHeaderLabels(
        {tr("Host"), tr("State"), tr("Announced"), tr("BIRD protocol"), tr("Data age")});
    connect(m_hosts, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem *item) { emit hostActivated(item->text(0)); });

    m_serverProxy->setSourceModel(models->servers());
    m_servers = compactTable(m_serverProxy, u"vipServers"_s);
    m_servers->setColumnHidden(ServerTableModel::VipColumn, true);
    m_servers->setSortingEnabled(true);
    // The servers that need attention first: DOWN, then drained or in maintenance.
    m_servers->sortByColumn(ServerTableModel::StatusColumn, Qt::AscendingOrder);
    m_servers->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_eventProxy->setSourceModel(models->events());
    m_events = compactTable(m_eventProxy, u"vipEvents"_s);
    m_events->setColumnWidth(EventLogModel::TimeColumn, 140);

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("VIP:")));
    top->addWidget(m_vip);
    top->addSpacing(12);
    top->addWidget(m_summary, 1);

    auto *upper = new QSplitter(Qt::Horizontal);
    upper->addWidget(boxed(tr("Hosts and announcements"), m_hosts));
    upper->addWidget(boxed(tr("Verdict reasons"), m_reasons));
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(upper);
    split->addWidget(boxed(tr("Servers"), m_servers));
    split->addWidget(m_charts);
    split->addWidget(boxed(tr("Events"), m_events));
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);
    split->setStretchFactor(2, 3);
    split->setStretchFactor(3, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    connect(models, &FleetModels::updated, this, &VipDetailsWidget::refresh);
}

void VipDetailsWidget::setHistory(HistoryStore *history)
{
    m_charts->setHistory(history);
}

void VipDetailsWidget::setVips(const QStringList &vips)
{
    replaceItemsKeepingCurrent(m_vip, vips);
    refresh();
}

void VipDetailsWidget::showVip(const QString &vip)
{
    const int index = m_vip->findText(vip);
    if (index >= 0)
        m_vip->setCurrentIndex(index);
}

QString VipDetailsWidget::vip() const
{
    return m_vip->currentText();
}

void VipDetailsWidget::refresh()
{
    const QString name = vip();
    if (m_serverProxy->property("scope").toString() != name) {
        m_serverProxy->setProperty("scope", name);
        m_serverProxy->setVipScope(name.isEmpty() ? u"\n"_s : name);
        m_eventProxy->setVipScope(name.isEmpty() ? u"\n"_s : name);
        m_charts->setVip(name);
    }
    const FleetUpdate &latest = m_models->latest();
    const Vip *vip = latest.snapshot.inventory().vip(name);
    const auto verdictIt = latest.verdicts->vips.constFind(name);
    const Health health =
        verdictIt != latest.verdicts->vips.cend() ? verdictIt->health : Health::Unknown;
    if (!vip) {
        m_summary->setText(tr("No VIP selected"));
    } else {
        QStringList prefixes;
        for (const Prefix &prefix : vip->prefixes)
            prefixes << prefix.toString();
        // The state, and its worst reason unless it is healthy (no "HEALTHY — healthy").
        const bool reason = health != Health::Healthy && verdictIt != latest.verdicts->vips.cend();
        m_summary->setText(
            reason ? tr("%1 — %2 (%3, group %4)")
                         .arg(healthShortText(health), verdictIt->summary(), prefixes.join(u", "_s),
                              vip->group)
                   : tr("%1 (%2, group %3)")
                         .arg(healthShortText(health), prefixes.join(u", "_s), vip->group));
    }

    m_reasons->clear();
    if (verdictIt != latest.verdicts->vips.cend()) {
        for (const Reason &reason : verdictIt->reasons)
            m_reasons->addItem(new QListWidgetItem(healthIcon(reason.severity), reason.text));
        if (verdictIt->reasons.isEmpty())
            m_reasons->addItem(
                new QListWidgetItem(healthIcon(Health::Healthy), tr("Nothing to report")));
    }

    m_hosts->clear();
    if (vip) {
        for (const Placement &placement : vip->placements) {
            const Verdict *verdict = latest.verdicts->placement(name, placement.host);
            const HostObservation *host = latest.snapshot.host(placement.host);
            auto *item = new QTreeWidgetItem(m_hosts);
            const Health h = verdict ? verdict->health : Health::Unknown;
            item->setText(0, placement.host);
            item->setIcon(1, healthIcon(h));
            item->setText(1, healthShortText(h));
            const Announcement announcement =
                verdict ? verdict->announcement : Announcement::Unknown;
            item->setText(2, announcement == Announcement::Announced   ? tr("\u25B2 yes")
                             : announcement == Announcement::Withdrawn ? tr("no (withdrawn)")
                                                                       : tr("? unknown"));
            if (announcement == Announcement::Unknown && verdict)
                item->setToolTip(2, verdict->announcementUnknownWhy);
            if (verdict && verdict->announcementFromFabric) {
                const QStringList by = verdict->decidedBy();
                item->setText(2, tr("%1 (as %2 see(s) it)").arg(item->text(2), by.join(u", "_s)));
                item->setToolTip(2, tr("%1's BIRD could not be read; this is what the observers "
                                       "hold")
                                        .arg(placement.host));
            }
            if (host) {
                const auto protocol = host->vipProtocols.constFind(name);
                item->setText(3, protocol == host->vipProtocols.cend()
                                     ? placement.birdProtocol
                                     : u"%1: %2"_s.arg(protocol->protocol,
                                                       protocol->up ? tr("up") : tr("down")));
            }
            if (verdict && verdict->ageSecs >= 0)
                item->setText(4, verdict->stale ? tr("%1 s (stale)").arg(verdict->ageSecs)
                                                : tr("%1 s").arg(verdict->ageSecs));
        }
        for (int c = 0; c < m_hosts->columnCount(); ++c)
            m_hosts->resizeColumnToContents(c);
    }
}

} // namespace vipdeck
