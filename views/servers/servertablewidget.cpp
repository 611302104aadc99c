#include "views/servers/servertablewidget.h"

#include "models/servertablemodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace vipdeck {

ServerTableWidget::ServerTableWidget(ServerTableModel *model, QWidget *parent)
    : QWidget(parent)
    , m_proxy(new ServerFilterProxyModel(this))
{
    setObjectName(u"serverTable"_s);
    m_proxy->setSourceModel(model);

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Show only:")));
    const struct
    {
        ServerFilterProxyModel::QuickFilter filter;
        QString text;
        QString name;
        QString tip;
    } filters[] = {
        {ServerFilterProxyModel::Down, tr("DOWN"), u"filterDown"_s,
         tr("Servers whose checks fail")},
        {ServerFilterProxyModel::Drain, tr("DRAIN"), u"filterDrain"_s, tr("Drained servers")},
        {ServerFilterProxyModel::Maint, tr("MAINT"), u"filterMaint"_s,
         tr("Servers in maintenance")},
        {ServerFilterProxyModel::Drift, tr("Drift"), u"filterDrift"_s,
         tr("Servers whose admin state differs between hosts")},
    };
    for (const auto &f : filters) {
        auto *button = new QToolButton;
        button->setText(f.text);
        button->setObjectName(f.name);
        button->setToolTip(f.tip);
        button->setCheckable(true);
        button->setProperty("quickFilter", int(f.filter));
        connect(button, &QToolButton::toggled, this, &ServerTableWidget::updateFilters);
        bar->addWidget(button);
        m_filterButtons << button;
    }
    bar->addSpacing(12);
    m_search = new QLineEdit;
    m_search->setObjectName(u"serverSearch"_s);
    m_search->setPlaceholderText(tr("Search server, host, VIP, backend…"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, m_proxy, &ServerFilterProxyModel::setSearchText);
    bar->addWidget(m_search, 1);
    m_count = new QLabel;
    m_count->setObjectName(u"serverCount"_s);
    bar->addWidget(m_count);

    m_view = new QTableView;
    m_view->setObjectName(u"serverView"_s);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ServerTableModel::ServerColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    // At 1280x800 every column up to Check is in view, the location first.
    for (int c = 0; c < ServerTableModel::ColumnCount; ++c)
        m_view->setColumnWidth(c, c == ServerTableModel::LastChangeColumn ? 150 : 72);
    m_view->setColumnWidth(ServerTableModel::HostColumn, 70);
    m_view->setColumnWidth(ServerTableModel::VipColumn, 90);
    m_view->setColumnWidth(ServerTableModel::BackendColumn, 110);
    m_view->setColumnWidth(ServerTableModel::ServerColumn, 150);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &ServerTableWidget::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ServerTableWidget::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &ServerTableWidget::updateCount);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    updateCount();
}

void ServerTableWidget::search(const QString &text)
{
    for (QToolButton *button : std::as_const(m_filterButtons))
        button->setChecked(false);
    m_search->setText(text);
}

int ServerTableWidget::selectServer(const QString &server)
{
    QItemSelection rows;
    QModelIndex first;
    int count = 0;
    for (int r = 0; r < m_proxy->rowCount(); ++r) {
        const QModelIndex index = m_proxy->index(r, 0);
        if (index.data(ServerTableModel::ServerRole).toString() != server)
            continue;
        rows.select(index, m_proxy->index(r, m_proxy->columnCount() - 1));
        ++count;
        if (!first.isValid())
            first = index;
    }
    m_view->selectionModel()->select(rows, QItemSelectionModel::ClearAndSelect);
    if (first.isValid()) {
        m_view->selectionModel()->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
        m_view->scrollTo(first);
    }
    return count;
}

void ServerTableWidget::updateFilters()
{
    ServerFilterProxyModel::QuickFilters filters;
    for (QToolButton *button : std::as_const(m_filterButtons)) {
        if (button->isChecked())
            filters |= ServerFilterProxyModel::QuickFilter(button->property("quickFilter").toInt());
    }
    m_proxy->setQuickFilters(filters);
    updateCount();
}

void ServerTableWidget::updateCount()
{
    m_count->setText(tr("%1 of %2 servers")
                         .arg(m_proxy->rowCount())
                         .arg(m_proxy->sourceModel() ? m_proxy->sourceModel()->rowCount() : 0));
}

QList<ServerLocation> ServerTableWidget::selectedServers() const
{
    QList<ServerLocation> locations;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        locations << ServerTableModel::location(index);
    return locations;
}

} // namespace vipdeck
