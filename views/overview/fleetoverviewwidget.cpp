#include "views/overview/fleetoverviewwidget.h"

#include "models/healthstyle.h"
#include "models/viphostmatrixmodel.h"
#include "views/overview/vipfilterproxymodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace vipdeck {

FleetOverviewWidget::FleetOverviewWidget(VipHostMatrixModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new VipFilterProxyModel(this))
    , m_view(new QTableView)
    , m_name(new QLineEdit)
    , m_group(new QComboBox)
    , m_state(new QComboBox)
    , m_sort(new QComboBox)
    , m_summary(new QLabel)
    , m_legend(new QLabel)
{
    setObjectName(u"fleetOverview"_s);
    m_proxy->setSourceModel(model);

    m_name->setObjectName(u"overviewNameFilter"_s);
    m_name->setPlaceholderText(tr("Filter VIPs by name…"));
    m_name->setClearButtonEnabled(true);
    connect(m_name, &QLineEdit::textChanged, m_proxy, &VipFilterProxyModel::setNameFilter);

    m_group->setObjectName(u"overviewGroupFilter"_s);
    setGroups({});
    connect(m_group, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setGroupFilter(m_group->currentData().toString()); });

    m_state->setObjectName(u"overviewStateFilter"_s);
    using State = VipFilterProxyModel::StateFilter;
    m_state->addItem(tr("All states"), int(State::All));
    m_state->addItem(tr("Problems only"), int(State::Problems));
    m_state->addItem(healthIcon(Health::Critical), tr("Critical"), int(State::Critical));
    m_state->addItem(healthIcon(Health::Degraded), tr("Degraded"), int(State::Degraded));
    m_state->addItem(healthIcon(Health::Unknown), tr("Unknown"), int(State::Unknown));
    m_state->addItem(healthIcon(Health::Healthy), tr("Healthy"), int(State::Healthy));
    connect(m_state, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setStateFilter(State(m_state->currentData().toInt()));
        updateSummary();
    });

    m_sort->setObjectName(u"overviewSort"_s);
    using Sort = VipFilterProxyModel::SortBy;
    m_sort->addItem(tr("Sort by state (worst first)"), int(Sort::Health));
    m_sort->addItem(tr("Sort by name"), int(Sort::Name));
    m_sort->addItem(tr("Sort by group"), int(Sort::Group));
    connect(m_sort, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setSortBy(Sort(m_sort->currentData().toInt())); });
    m_proxy->setSortBy(Sort::Health);

    // "12 VIPs: 1 critical, 11 OK": each count a link that filters to it.
    m_summary->setObjectName(u"overviewSummary"_s);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    connect(m_summary, &QLabel::linkActivated, this, [this](const QString &link) {
        m_state->setCurrentIndex(m_state->findData(link.toInt()));
    });
    // One update of the matrix emits many signals: the counts follow once.
    const auto schedule = [this] { scheduleSummary(); };
    connect(model, &QAbstractItemModel::modelReset, this, schedule);
    connect(model, &QAbstractItemModel::layoutChanged, this, schedule);
    connect(model, &QAbstractItemModel::rowsInserted, this, schedule);
    connect(model, &QAbstractItemModel::rowsRemoved, this, schedule);
    connect(model, &QAbstractItemModel::headerDataChanged, this, schedule);
    connect(model, &QAbstractItemModel::dataChanged, this, schedule);
    connect(model, &VipHostMatrixModel::observersChanged, this, schedule);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_name, 1);
    bar->addWidget(m_group);
    bar->addWidget(m_state);
    bar->addWidget(m_sort);

    m_view->setObjectName(u"overviewMatrix"_s);
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setIconSize(QSize(16, 16));
    m_view->setWordWrap(false);
    // Host columns of one width; the verdict column, last, takes the rest.
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    applyDensity();
    connect(model, &QAbstractItemModel::modelReset, this, &FleetOverviewWidget::applyDensity);
    m_view->verticalHeader()->setSectionsClickable(true);
    m_view->horizontalHeader()->setSectionsClickable(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_view->indexAt(pos);
        if (index.isValid())
            emit vipContextMenuRequested(index.data(VipHostMatrixModel::VipRole).toString(),
                                         m_view->viewport()->mapToGlobal(pos));
    });
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        emit vipActivated(index.data(VipHostMatrixModel::VipRole).toString());
    });
    connect(m_view->verticalHeader(), &QHeaderView::sectionDoubleClicked, this, [this](int row) {
        emit vipActivated(m_proxy->headerData(row, Qt::Vertical).toString());
    });
    connect(m_view->horizontalHeader(), &QHeaderView::sectionDoubleClicked, this,
            [this](int column) {
                const QString host =
                    m_proxy->headerData(column, Qt::Horizontal, VipHostMatrixModel::HostRole)
                        .toString();
                if (!host.isEmpty()) // not the verdict column
                    emit hostActivated(host);
            });

    auto *legend = m_legend;
    legend->setObjectName(u"overviewLegend"_s);
    legend->setWordWrap(true);
    legend->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);
    layout->addWidget(legend);
    updateSummary();
}

void FleetOverviewWidget::setDensity(Density density)
{
    m_density = density;
    applyDensity();
}

bool FleetOverviewWidget::isCompact() const
{
    const int hosts = m_model->columnCount() - 1; // the last column is the VIP's verdict
    return m_density == Density::Compact ||
           (m_density == Density::Automatic && hosts > CompactAboveHosts);
}

void FleetOverviewWidget::applyDensity()
{
    const bool compact = isCompact();
    m_model->setCompact(compact);
    QHeaderView *columns = m_view->horizontalHeader();
    const QFontMetrics metrics = m_view->fontMetrics();
    // Compact: the icon, "▽*" and the padding; comfortable: the longest
    // state word with its mark ("DEGRADED ▲*", in German longer).
    const int width =
        compact ? 16 + metrics.horizontalAdvance(u"\u25BD*"_s) + 12
                : std::max(150, 16 +
                                    metrics.horizontalAdvance(healthShortText(Health::Degraded) +
                                                              u" \u25B2*"_s) +
                                    24);
    columns->setMinimumSectionSize(compact ? 40 : 130);
    columns->setDefaultSectionSize(width);
    // A compact host column is as wide as its name (up to twice a cell;
    // longer names are elided in the middle, whole in the tooltip).
    columns->setTextElideMode(Qt::ElideMiddle);
    for (int c = 0; c + 1 < columns->count(); ++c) {
        const QString host = m_model->headerData(c, Qt::Horizontal).toString();
        columns->resizeSection(
            c,
            compact ? std::clamp(metrics.horizontalAdvance(host) + 14, width, 2 * width) : width);
    }
    m_view->verticalHeader()->setDefaultSectionSize(metrics.height() + (compact ? 4 : 12));
    m_view->verticalHeader()->setMinimumWidth(compact ? 60 : 120);
    m_legend->setText(
        compact
            ? tr("Compact: each cell's icon is the VIP's state on that host (its word is in the "
                 "tooltip).  \u25B2 = prefix announced over BGP; \u25BD = withdrawn (never "
                 "green); ? (and the same badge on the icon) = unknown: the host or its BIRD "
                 "could not be read; * = as the observers see it; italics = stale data.  "
                 "Hosts' states are in their tooltips and the fleet dock.  View > Overview "
                 "Density spells every cell out.")
            : tr("Each cell: the VIP's state on that host (icon and word).  \u25B2 = prefix "
                 "announced over BGP; \u25BD = withdrawn (never green); \u25B3? (and the same "
                 "badge on the icon) = unknown: the host or its BIRD could not be read, so it is "
                 "not known whether it announces; \u25B2* or \u25BD* = as the observers (route "
                 "reflectors) see it.  \"…s old\" = stale data.  Empty = the host does not "
                 "serve the VIP.  The last column: the VIP's own verdict over all its hosts and "
                 "its worst reason.  Double-click a VIP or host for details."));
    if (std::exchange(m_compact, compact) != compact)
        emit compactChanged(compact);
}

void FleetOverviewWidget::scheduleSummary()
{
    if (std::exchange(m_summaryScheduled, true))
        return;
    QTimer::singleShot(0, this, [this] {
        m_summaryScheduled = false;
        updateSummary();
    });
}

void FleetOverviewWidget::updateSummary()
{
    using State = VipFilterProxyModel::StateFilter;
    int counts[4] = {};
    const int rows = m_model->rowCount();
    for (int r = 0; r < rows; ++r) {
        const int health =
            m_model->headerData(r, Qt::Vertical, VipHostMatrixModel::HealthRole).toInt();
        if (health >= 0 && health < 4)
            ++counts[health];
    }
    // Worst first; each count filters the matrix to its VIPs when clicked.
    const struct
    {
        Health health;
        State filter;
    } parts[] = {
        {Health::Critical, State::Critical},
        {Health::Degraded, State::Degraded},
        {Health::Unknown, State::Unknown},
        {Health::Healthy, State::Healthy},
    };
    QStringList shown;
    for (const auto &part : parts) {
        if (const int n = counts[int(part.health)]; n > 0)
            shown << u"<a href=\"%1\">%2</a>"_s.arg(int(part.filter))
                         .arg(healthCountText(part.health, n).toHtmlEscaped());
    }
    QString text = tr("%n VIP(s)", nullptr, rows);
    if (!shown.isEmpty())
        text += u": "_s + shown.join(u", "_s);
    if (counts[int(Health::Critical)] + counts[int(Health::Degraded)] +
            counts[int(Health::Unknown)] >
        0)
        text +=
            u" \u2014 <a href=\"%1\">%2</a>"_s.arg(int(State::Problems)).arg(tr("problems only"));
    if (m_state->currentData().toInt() != int(State::All))
        text += u" \u2014 <a href=\"%1\">%2</a>"_s.arg(int(State::All)).arg(tr("show all"));
    // Without every observer, an unreachable host's announcement may stay unknown.
    if (!m_model->observersText().isEmpty())
        text += u" \u2014 "_s + m_model->observersText().toHtmlEscaped();
    m_summary->setText(text);
    m_summary->setToolTip(m_model->observersDetail());
}

void FleetOverviewWidget::setGroups(const QStringList &groups)
{
    const QString current = m_group->currentData().toString();
    m_group->clear();
    m_group->addItem(tr("All groups"), QString());
    for (const QString &group : groups)
        m_group->addItem(group, group);
    m_group->setCurrentIndex(std::max(0, m_group->findData(current)));
}

void FleetOverviewWidget::showGroup(const QString &group)
{
    m_group->setCurrentIndex(std::max(0, m_group->findData(group)));
}

} // namespace vipdeck
