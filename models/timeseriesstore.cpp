#include "models/timeseriesstore.h"

#include <limits>

namespace vipdeck {

TimeSeriesStore::TimeSeriesStore(std::chrono::seconds window, int capacity, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_capacity(std::max(2, capacity))
{}

void TimeSeriesStore::restore(const QString &vip, std::deque<Point> points)
{
    std::deque<Point> &series = m_series[vip];
    const qint64 firstLive =
        series.empty() ? std::numeric_limits<qint64>::max() : series.front().msecs;
    while (!points.empty() && points.back().msecs >= firstLive)
        points.pop_back(); // this session has them already
    series.insert(series.begin(), points.begin(), points.end());
    while (series.size() > size_t(m_capacity))
        series.pop_front();
    emit appended();
}

void TimeSeriesStore::append(const Snapshot &snapshot)
{
    if (snapshot.sequence() != 0 && snapshot.sequence() == m_lastSequence)
        return; // the same snapshot twice adds no information
    m_lastSequence = snapshot.sequence();
    const qint64 now = snapshot.time().toMSecsSinceEpoch();
    const qint64 oldest = now - qint64(m_window.count()) * 1000;

    QSet<QString> seen;
    for (const Vip &vip : snapshot.inventory().vips()) {
        Point point;
        point.msecs = now;
        bool any = false;
        for (const Placement &placement : vip.placements) {
            const HaproxyObservation *h = snapshot.haproxy(vip.name, placement.host);
            if (!h || !h->hasData())
                continue;
            any = true;
            qint64 http5xx = 0;
            for (const FrontendObservation &fe : h->frontends) {
                point.sessions += fe.sessions;
                point.requestRate += fe.requestRate;
                http5xx += fe.http5xx;
            }
            const QString key = Snapshot::key(vip.name, placement.host);
            const qint64 at = h->time.toMSecsSinceEpoch();
            const auto previous = m_previous.constFind(key);
            // A counter that went down means a reload restarted it: no rate then.
            if (previous != m_previous.cend() && at > previous->msecs &&
                http5xx >= previous->http5xx)
                point.http5xxPerSec +=
                    double(http5xx - previous->http5xx) * 1000.0 / double(at - previous->msecs);
            m_previous.insert(key, {at, http5xx});
        }
        if (!any)
            continue;
        seen.insert(vip.name);
        std::deque<Point> &series = m_series[vip.name];
        series.push_back(point);
        while (!series.empty() &&
               (series.front().msecs < oldest || qsizetype(series.size()) > m_capacity))
            series.pop_front();
    }
    // VIPs gone from the fleet free their memory.
    for (auto it = m_series.begin(); it != m_series.end();) {
        if (!seen.contains(it.key()) && (it->empty() || it->back().msecs < oldest))
            it = m_series.erase(it);
        else
            ++it;
    }
    emit appended();
}

const std::deque<TimeSeriesStore::Point> &TimeSeriesStore::series(const QString &vip) const
{
    static const std::deque<Point> empty;
    const auto it = m_series.constFind(vip);
    return it == m_series.cend() ? empty : *it;
}

} // namespace vipdeck
