#pragma once

// TimeSeriesStore: per VIP, the last hour of sessions, request rate and 5xx
// per second summed over its hosts, for the charts of the VIP details.  One
// point per snapshot, at most `capacity` points per VIP and nothing older
// than `window`, so memory stays flat however long the console runs.

#include "core/fleet/snapshot.h"

#include <QDateTime>
#include <QHash>
#include <QObject>

#include <chrono>
#include <deque>

namespace vipdeck {

class TimeSeriesStore : public QObject
{
    Q_OBJECT
public:
    struct Point
    {
        qint64 msecs = 0; // since the epoch
        qint64 sessions = 0;
        qint64 requestRate = 0;
        double http5xxPerSec = 0; // from the cumulative counters' difference
    };

    explicit TimeSeriesStore(std::chrono::seconds window = std::chrono::hours(1),
                             int capacity = 3600, QObject *parent = nullptr);

    void append(const Snapshot &snapshot);
    // Points saved by an earlier session (RecentHistory), oldest first, put
    // before what this session recorded; beyond `capacity`, the oldest go.
    void restore(const QString &vip, std::deque<Point> points);
    const std::deque<Point> &series(const QString &vip) const;
    QStringList vips() const { return m_series.keys(); }
    std::chrono::seconds window() const { return m_window; }

signals:
    void appended();

private:
    struct Previous
    {
        qint64 msecs = 0;
        qint64 http5xx = 0;
    };

    const std::chrono::seconds m_window;
    const int m_capacity;
    QHash<QString, std::deque<Point>> m_series;
    QHash<QString, Previous> m_previous; // by Snapshot::key(vip, host)
    quint64 m_lastSequence = 0;
};

} // namespace vipdeck
