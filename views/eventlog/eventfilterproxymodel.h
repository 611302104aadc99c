#pragma once

// EventFilterProxyModel: the event log filtered by minimum severity and by
// text (matching the event's object or sentence), or scoped to one VIP or
// host for the details views.

#include <QSortFilterProxyModel>

namespace vipdeck {

class EventFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit EventFilterProxyModel(QObject *parent = nullptr);

    void setMinimumSeverity(int severity); // FleetEvent::Severity as int
    void setText(const QString &text);
    void setVipScope(const QString &vip);
    void setHostScope(const QString &host);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    int m_severity = 0;
    QString m_text;
    QString m_vip;
    QString m_host;
};

} // namespace vipdeck
