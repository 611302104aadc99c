#pragma once

// VipChartView: one VIP's traffic as QtCharts line charts: sessions and
// requests per second on one chart, 5xx per second on another (its scale is
// usually far smaller).  The last hour is live, from the TimeSeriesStore,
// redrawn after each poll; 24 hours, 7 and 30 days come from the history
// store, where a time nothing was recorded is a gap in the line, never a
// drop to zero.

#include <QList>
#include <QWidget>

class QChart;
class QComboBox;
class QDateTimeAxis;
class QLabel;
class QLineSeries;
class QValueAxis;

namespace vipdeck {

class HistoryStore;
class TimeSeriesStore;
struct HistoryPoint;

class VipChartView : public QWidget
{
    Q_OBJECT
public:
    enum class Window { Hour, Day, Week, Month };

    explicit VipChartView(TimeSeriesStore *store, QWidget *parent = nullptr);

    void setVip(const QString &vip);
    void setHistory(HistoryStore *history);
    void setWindow(Window window);
    Window window() const;
    int pointCount() const;   // of the sessions line, all its pieces
    int segmentCount() const; // pieces of the sessions line: gaps + 1
    QString note() const;

signals:
    void historyShown(); // a longer window was drawn from the history store

private:
    // "last 24 hours", for the charts' titles (a phrase of its own: German
    // capitalises differently inside a sentence).
    static QString windowPhrase(Window window);
    void refresh();
    void refreshLive();
    void requestHistory();
    void drawHistory(const QList<HistoryPoint> &points, qint64 stepMs);
    void clearPieces();
    QLineSeries *piece(QChart *chart, QLineSeries *main, QDateTimeAxis *time, QValueAxis *values);

    TimeSeriesStore *m_store;
    HistoryStore *m_history = nullptr;
    QString m_vip;
    QComboBox *m_window;
    QLabel *m_note;
    QChart *m_trafficChart;
    QChart *m_errorChart;
    QLineSeries *m_sessions;
    QLineSeries *m_requests;
    QLineSeries *m_errors;
    QList<QLineSeries *> m_pieces; // the lines after a gap
    QDateTimeAxis *m_time;
    QValueAxis *m_traffic;
    QDateTimeAxis *m_errorTime;
    QValueAxis *m_errorValues;
    qint64 m_lastRequestMs = 0;
    quint64 m_request = 0; // answers to older requests are dropped
};

} // namespace vipdeck
