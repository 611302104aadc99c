#include "views/servers/serverfilterproxymodel.h"

#include "core/fleet/snapshot.h"
#include "models/servertablemodel.h"

namespace vipdeck {

ServerFilterProxyModel::ServerFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ServerTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

void ServerFilterProxyModel::setQuickFilters(QuickFilters filters)
{
    if (filters == m_filters)
        return;
    m_filters = filters;
    invalidateFilter();
}

void ServerFilterProxyModel::setSearchText(const QString &text)
{
    if (text.trimmed() == m_search)
        return;
    m_search = text.trimmed();
    invalidateFilter();
}

void ServerFilterProxyModel::setVipScope(const QString &vip)
{
    m_vip = vip;
    invalidateFilter();
}

void ServerFilterProxyModel::setHostScope(const QString &host)
{
    m_host = host;
    invalidateFilter();
}

bool ServerFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_vip.isEmpty() && index.data(ServerTableModel::VipRole).toString() != m_vip)
        return false;
    if (!m_host.isEmpty() && index.data(ServerTableModel::HostRole).toString() != m_host)
        return false;
    if (m_filters) {
        const auto state = ServerState(index.data(ServerTableModel::StateRole).toInt());
        const auto admin = AdminState(index.data(ServerTableModel::AdminRole).toInt());
        const bool match =
            (m_filters.testFlag(Down) && state == ServerState::Down) ||
            (m_filters.testFlag(Drain) && admin == AdminState::Drain) ||
            (m_filters.testFlag(Maint) && admin == AdminState::Maint) ||
            (m_filters.testFlag(Drift) && index.data(ServerTableModel::DriftRole).toBool());
        if (!match)
            return false;
    }
    if (!m_search.isEmpty()) {
        // Every word must match somewhere: "web-07 lb2" finds web-07 on lb2.
        const QString haystack = index.data(ServerTableModel::SearchRole).toString();
        for (const QString &word : m_search.split(u' ', Qt::SkipEmptyParts)) {
            if (!haystack.contains(word, Qt::CaseInsensitive))
                return false;
        }
    }
    return true;
}

} // namespace vipdeck
