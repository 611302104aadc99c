#pragma once

// VipDetailsWidget: one VIP: its verdict and reasons, each host's state and
// BIRD announcement, its backends' servers, its events and the charts of the
// last hour.

#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QTableView;
class QTreeWidget;

namespace vipdeck {

class EventFilterProxyModel;
class FleetModels;
class ServerFilterProxyModel;
class VipChartView;
class HistoryStore;

class VipDetailsWidget : public QWidget
{
    Q_OBJECT
public:
    explicit VipDetailsWidget(FleetModels *models, QWidget *parent = nullptr);

    void setVips(const QStringList &vips);
    void showVip(const QString &vip);
    QString vip() const;
    QTableView *serverView() const { return m_servers; }
    // Where the charts read windows longer than the last hour; null: none.
    void setHistory(HistoryStore *history);
    VipChartView *charts() const { return m_charts; }

signals:
    void hostActivated(const QString &host);

private:
    void refresh();

    FleetModels *m_models;
    QComboBox *m_vip;
    QLabel *m_summary;
    QListWidget *m_reasons;
    QTreeWidget *m_hosts;
    ServerFilterProxyModel *m_serverProxy;
    QTableView *m_servers;
    EventFilterProxyModel *m_eventProxy;
    QTableView *m_events;
    VipChartView *m_charts;
};

} // namespace vipdeck
