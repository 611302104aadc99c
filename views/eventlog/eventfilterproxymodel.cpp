#include "views/eventlog/eventfilterproxymodel.h"

#include "models/eventlogmodel.h"

namespace vipdeck {

EventFilterProxyModel::EventFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{}

void EventFilterProxyModel::setMinimumSeverity(int severity)
{
    m_severity = severity;
    invalidateFilter();
}

void EventFilterProxyModel::setText(const QString &text)
{
    m_text = text.trimmed();
    invalidateFilter();
}

void EventFilterProxyModel::setVipScope(const QString &vip)
{
    m_vip = vip;
    invalidateFilter();
}

void EventFilterProxyModel::setHostScope(const QString &host)
{
    m_host = host;
    invalidateFilter();
}

bool EventFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (index.data(EventLogModel::SeverityRole).toInt() < m_severity)
        return false;
    if (!m_vip.isEmpty() && index.data(EventLogModel::VipRole).toString() != m_vip)
        return false;
    if (!m_host.isEmpty() && index.data(EventLogModel::HostRole).toString() != m_host)
        return false;
    if (!m_text.isEmpty()) {
        const QString text = index.data(EventLogModel::SubjectRole).toString() + u' ' +
                             sourceModel()
                                 ->index(sourceRow, EventLogModel::TextColumn, sourceParent)
                                 .data()
                                 .toString();
        if (!text.contains(m_text, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

} // namespace vipdeck
