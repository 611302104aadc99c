#pragma once

// VipFilterProxyModel: rows of the VIP x host matrix filtered by name text,
// group and state (all, problems only, or one health), sorted by VIP name or
// by VIP health (worst first, then name).

#include "core/fleet/verdict.h"

#include <QSortFilterProxyModel>

#include <optional>

namespace vipdeck {

// Compares names in natural order: digit runs by value ("vip2" < "vip10"),
// letters without case.
int naturalCompare(QStringView a, QStringView b);

class VipFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum class SortBy { Name, Health, Group };
    enum class StateFilter { All, Problems, Critical, Degraded, Unknown, Healthy };

    explicit VipFilterProxyModel(QObject *parent = nullptr);

    void setNameFilter(const QString &text);
    void setGroupFilter(const QString &group); // empty: every group
    void setStateFilter(StateFilter filter);
    void setSortBy(SortBy sortBy);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_name;
    QString m_group;
    StateFilter m_state = StateFilter::All;
    SortBy m_sortBy = SortBy::Health; // worst first, the default of the Overview
};

} // namespace vipdeck
