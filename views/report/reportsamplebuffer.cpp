#include "views/report/reportsamplebuffer.h"

#include "models/fleetmodels.h"

namespace vipdeck {

ReportSampleBuffer::ReportSampleBuffer(FleetModels *models, QObject *parent)
    : QObject(parent)
{
    if (models)
        connect(models, &FleetModels::updated, this,
                [this, models] { record(models->latest().snapshot); });
}

void ReportSampleBuffer::record(const Snapshot &snapshot)
{
    if (!snapshot.time().isValid())
        return;
    if (!m_samples.empty()) {
        const Snapshot &last = m_samples.back();
        if (snapshot.inventory().sourceFile() != last.inventory().sourceFile() ||
            snapshot.sequence() < last.sequence() || snapshot.time() < last.time())
            m_samples.clear();
        else if (last.time().msecsTo(snapshot.time()) < RecentSpacingMs)
            return;
    }
    m_samples.push_back(thinned(snapshot));

    const qint64 now = snapshot.time().toMSecsSinceEpoch();
    while (!m_samples.empty() && now - m_samples.front().time().toMSecsSinceEpoch() > KeepMs)
        m_samples.pop_front();
    // Older than an hour: keep one sample per OldSpacingMs.
    qint64 kept = -1;
    for (auto it = m_samples.begin(); it != m_samples.end();) {
        const qint64 t = it->time().toMSecsSinceEpoch();
        if (now - t <= RecentMs)
            break;
        if (kept >= 0 && t - kept < OldSpacingMs) {
            it = m_samples.erase(it);
        } else {
            kept = t;
            ++it;
        }
    }
}

Snapshot ReportSampleBuffer::thinned(const Snapshot &snapshot)
{
    Snapshot::Data data;
    data.sequence = snapshot.sequence();
    data.time = snapshot.time();
    data.inventory = snapshot.inventory();
    data.haproxies.reserve(snapshot.haproxies().size());
    for (auto it = snapshot.haproxies().cbegin(); it != snapshot.haproxies().cend(); ++it) {
        HaproxyObservation h;
        h.vip = it->vip;
        h.host = it->host;
        h.time = it->time;
        h.pid = it->pid;
        h.frontends = it->frontends; // shared with the snapshot's until it goes
        data.haproxies.insert(it.key(), std::move(h));
    }
    return Snapshot(std::move(data));
}

QList<Snapshot> ReportSampleBuffer::since(const QDateTime &since) const
{
    QList<Snapshot> list;
    for (const Snapshot &s : m_samples)
        if (!since.isValid() || s.time() >= since)
            list << s;
    return list;
}

} // namespace vipdeck
