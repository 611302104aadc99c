#pragma once

// EventLogWidget: the live event log, newest first, filterable by severity
// and text.  Activating an event opens the object it names.

#include <QWidget>

class QTableView;

namespace vipdeck {

class EventFilterProxyModel;
class EventLogModel;

class EventLogWidget : public QWidget
{
    Q_OBJECT
public:
    explicit EventLogWidget(EventLogModel *model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }

signals:
    void vipActivated(const QString &vip);
    void hostActivated(const QString &host);
    void serverActivated(const QString &server);

private:
    EventFilterProxyModel *m_proxy;
    QTableView *m_view;
};

} // namespace vipdeck
