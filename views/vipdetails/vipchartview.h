#pragma once

// VipChartView: one VIP's last hour as QtCharts line charts: sessions and
// requests per second on one chart, 5xx per second on another (its scale is
// usually far smaller).  Redrawn from the TimeSeriesStore after each poll.

#include <QWidget>

class QChart;
class QChartView;
class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace vipdeck {

class TimeSeriesStore;

class VipChartView : public QWidget
{
    Q_OBJECT
public:
    explicit VipChartView(TimeSeriesStore *store, QWidget *parent = nullptr);

    void setVip(const QString &vip);
    int pointCount() const;

private:
    void refresh();

    TimeSeriesStore *m_store;
    QString m_vip;
    QLineSeries *m_sessions;
    QLineSeries *m_requests;
    QLineSeries *m_errors;
    QDateTimeAxis *m_time;
    QValueAxis *m_traffic;
    QDateTimeAxis *m_errorTime;
    QValueAxis *m_errorValues;
};

} // namespace vipdeck
