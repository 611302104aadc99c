#include "views/overview/vipfilterproxymodel.h"

#include "models/viphostmatrixmodel.h"

namespace vipdeck {

VipFilterProxyModel::VipFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
}

void VipFilterProxyModel::setNameFilter(const QString &text)
{
    m_name = text.trimmed();
    invalidateFilter();
}

void VipFilterProxyModel::setGroupFilter(const QString &group)
{
    m_group = group;
    invalidateFilter();
}

void VipFilterProxyModel::setStateFilter(StateFilter filter)
{
    m_state = filter;
    invalidateFilter();
}

void VipFilterProxyModel::setSortBy(SortBy sortBy)
{
    m_sortBy = sortBy;
    invalidate();
    sort(0, Qt::AscendingOrder);
}

bool VipFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceModel()->columnCount(sourceParent) == 0)
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_name.isEmpty() &&
        !index.data(VipHostMatrixModel::VipRole).toString().contains(m_name, Qt::CaseInsensitive))
        return false;
    if (!m_group.isEmpty() && index.data(VipHostMatrixModel::GroupRole).toString() != m_group)
        return false;
    const auto health = Health(index.data(VipHostMatrixModel::VipHealthRole).toInt());
    switch (m_state) {
    case StateFilter::All:
        return true;
    case StateFilter::Problems:
        return health != Health::Healthy;
    case StateFilter::Critical:
        return health == Health::Critical;
    case StateFilter::Degraded:
        return health == Health::Degraded;
    case StateFilter::Unknown:
        return health == Health::Unknown;
    case StateFilter::Healthy:
        return health == Health::Healthy;
    }
    return true;
}

bool VipFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QString leftName = left.data(VipHostMatrixModel::VipRole).toString();
    const QString rightName = right.data(VipHostMatrixModel::VipRole).toString();
    if (m_sortBy == SortBy::Health) {
        const int l = left.data(VipHostMatrixModel::VipHealthRole).toInt();
        const int r = right.data(VipHostMatrixModel::VipHealthRole).toInt();
        if (l != r)
            return l > r; // worst first
    } else if (m_sortBy == SortBy::Group) {
        const int c = QString::compare(left.data(VipHostMatrixModel::GroupRole).toString(),
                                       right.data(VipHostMatrixModel::GroupRole).toString());
        if (c != 0)
            return c < 0;
    }
    return QString::compare(leftName, rightName, Qt::CaseInsensitive) < 0;
}

} // namespace vipdeck
