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

int naturalCompare(QStringView a, QStringView b)
{
    // Runs of digits compare by value ("vip2" < "vip10"), the rest without
    // case; QCollator's numeric mode needs ICU, which a C locale lacks.
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].isDigit() && b[j].isDigit()) {
            qsizetype ei = i;
            qsizetype ej = j;
            while (ei < a.size() && a[ei].isDigit())
                ++ei;
            while (ej < b.size() && b[ej].isDigit())
                ++ej;
            QStringView da = a.sliced(i, ei - i);
            QStringView db = b.sliced(j, ej - j);
            while (da.size() > 1 && da.front() == u'0')
                da = da.sliced(1);
            while (db.size() > 1 && db.front() == u'0')
                db = db.sliced(1);
            if (da.size() != db.size())
                return da.size() < db.size() ? -1 : 1;
            if (const int c = da.compare(db); c != 0)
                return c;
            i = ei;
            j = ej;
            continue;
        }
        const char16_t ca = a[i].toCaseFolded().unicode();
        const char16_t cb = b[j].toCaseFolded().unicode();
        if (ca != cb)
            return ca < cb ? -1 : 1;
        ++i;
        ++j;
    }
    if (i < a.size() || j < b.size())
        return i < a.size() ? 1 : -1;
    return a.compare(b); // equal but for case or zeros: still a total order
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
    return naturalCompare(leftName, rightName) < 0;
}

} // namespace vipdeck
