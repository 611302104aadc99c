#pragma once

// ServerFilterProxyModel: the server table's quick filters (DOWN, DRAIN,
// MAINT, drift: a row shows when it matches any checked one, or all rows when
// none is checked), a case-insensitive text search over server, host, VIP and
// backend, and fixed scopes (one VIP, one host) for the details views.

#include <QSortFilterProxyModel>

namespace vipdeck {

class ServerFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum QuickFilter { Down = 0x1, Drain = 0x2, Maint = 0x4, Drift = 0x8 };
    Q_DECLARE_FLAGS(QuickFilters, QuickFilter)

    explicit ServerFilterProxyModel(QObject *parent = nullptr);

    void setQuickFilters(QuickFilters filters);
    QuickFilters quickFilters() const { return m_filters; }
    void setSearchText(const QString &text);
    void setVipScope(const QString &vip);
    void setHostScope(const QString &host);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QuickFilters m_filters;
    QString m_search;
    QString m_vip;
    QString m_host;
};

} // namespace vipdeck

Q_DECLARE_OPERATORS_FOR_FLAGS(vipdeck::ServerFilterProxyModel::QuickFilters)
