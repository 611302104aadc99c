#include "core/ssh/keptstreams.h"

#include <algorithm>

namespace vipdeck {

KeptStreams::KeptStreams(int maxKept, std::chrono::milliseconds maxAge, Release release,
                         Usable usable)
    : m_maxKept(std::max(1, maxKept))
    , m_maxAge(maxAge)
    , m_release(std::move(release))
    , m_usable(std::move(usable))
{}

KeptStreams::Channel KeptStreams::lend(const QString &socketPath, qint64 nowMs)
{
    const auto idle = m_idle.find(socketPath);
    if (idle == m_idle.end())
        return nullptr;
    const Idle parked = idle->second;
    m_idle.erase(idle);
    // Too old (see defaultMaxStreamAge and streamAgeLimit()): open it afresh.
    if (nowMs - parked.openedAt > parked.ageLimit) {
        m_release(socketPath, parked.channel);
        return nullptr;
    }
    // Closed by the peer while idle, or holding bytes nobody asked for (a
    // stream out of step): never reuse it.
    if (!m_usable(parked.channel)) {
        m_release(socketPath, parked.channel);
        ++m_counters.reopened;
        return nullptr;
    }
    ++m_counters.reused;
    return parked.channel;
}

void KeptStreams::takeBack(const QString &socketPath, Channel channel, qint64 nowMs)
{
    if (m_closeOnReturn.remove(socketPath) || m_idle.count(socketPath)) {
        m_release(socketPath, channel);
        return;
    }
    const Opened &opened = m_opened[socketPath];
    m_idle[socketPath] = Idle{channel, nowMs, opened.at, opened.ageLimit};
    while (m_idle.size() > size_t(m_maxKept)) {
        const auto oldest =
            std::min_element(m_idle.begin(), m_idle.end(), [](const auto &a, const auto &b) {
                return a.second.lastUsed < b.second.lastUsed;
            });
        const QString evicted = oldest->first;
        const Channel evictedChannel = oldest->second.channel;
        m_idle.erase(oldest);
        m_release(evicted, evictedChannel);
    }
}

bool KeptStreams::close(const QString &socketPath, bool busy)
{
    const auto idle = m_idle.find(socketPath);
    if (idle != m_idle.end()) {
        const Channel channel = idle->second.channel;
        m_idle.erase(idle);
        m_release(socketPath, channel);
        return true;
    }
    if (busy)
        m_closeOnReturn.insert(socketPath);
    return false;
}

void KeptStreams::releaseClosed(const Usable &closed)
{
    for (auto it = m_idle.begin(); it != m_idle.end();) {
        if (closed(it->second.channel)) {
            m_release(it->first, it->second.channel);
            it = m_idle.erase(it);
        } else {
            ++it;
        }
    }
}

void KeptStreams::opened(const QString &socketPath, qint64 nowMs)
{
    m_opened[socketPath] = Opened{nowMs, streamAgeLimit(m_maxAge, m_counters.opened).count()};
    ++m_counters.opened;
}

void KeptStreams::clear()
{
    m_idle.clear();
    m_opened.clear();
    m_closeOnReturn.clear();
}

StreamCounters KeptStreams::counters(int busy) const
{
    StreamCounters counters = m_counters;
    counters.open = int(m_idle.size()) + busy;
    return counters;
}

} // namespace vipdeck
