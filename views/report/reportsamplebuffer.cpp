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
    const qint64 now = snapshot.time().toMSecsSinceEpoch();
    if (!m_samples.empty()) {
        const Sample &last = m_samples.back();
        if (snapshot.inventory().sourceFile() != last.inventory.sourceFile() ||
            snapshot.sequence() < last.sequence || now < last.msecs)
            m_samples.clear();
        else if (now - last.msecs < RecentSpacingMs)
            return;
    }
    Sample sample;
    sample.sequence = snapshot.sequence();
    sample.msecs = now;
    sample.inventory = snapshot.inventory();
    sample.entries.reserve(size_t(snapshot.haproxies().size()));
    QList<QString> vips, hosts;
    vips.reserve(snapshot.haproxies().size());
    hosts.reserve(snapshot.haproxies().size());
    for (const HaproxyObservation &h : snapshot.haproxies()) {
        Entry entry;
        entry.msecs = h.hasData() ? h.time.toMSecsSinceEpoch() : -1;
        entry.pid = h.pid;
        for (const FrontendObservation &fe : h.frontends) {
            entry.sessions += fe.sessions;
            entry.http5xx += fe.http5xx;
        }
        sample.entries.push_back(entry);
        vips << h.vip;
        hosts << h.host;
    }
    // The names are shared with the previous sample while they are the same.
    if (!m_samples.empty() && m_samples.back().vips == vips && m_samples.back().hosts == hosts) {
        sample.vips = m_samples.back().vips;
        sample.hosts = m_samples.back().hosts;
    } else {
        sample.vips = std::move(vips);
        sample.hosts = std::move(hosts);
    }
    m_samples.push_back(std::move(sample));

    while (!m_samples.empty() && now - m_samples.front().msecs > KeepMs)
        m_samples.pop_front();
    // Older than an hour: keep one sample per OldSpacingMs.
    qint64 kept = -1;
    for (auto it = m_samples.begin(); it != m_samples.end();) {
        const qint64 t = it->msecs;
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

QList<Snapshot> ReportSampleBuffer::since(const QDateTime &since) const
{
    const qint64 from = since.isValid() ? since.toMSecsSinceEpoch() : 0;
    QList<Snapshot> list;
    for (const Sample &sample : m_samples) {
        if (sample.msecs < from)
            continue;
        Snapshot::Data data;
        data.sequence = sample.sequence;
        data.time = QDateTime::fromMSecsSinceEpoch(sample.msecs, Qt::UTC);
        data.inventory = sample.inventory;
        data.haproxies.reserve(qsizetype(sample.entries.size()));
        for (size_t i = 0; i < sample.entries.size(); ++i) {
            const Entry &entry = sample.entries[i];
            HaproxyObservation h;
            h.vip = sample.vips[qsizetype(i)];
            h.host = sample.hosts[qsizetype(i)];
            if (entry.msecs >= 0)
                h.time = QDateTime::fromMSecsSinceEpoch(entry.msecs, Qt::UTC);
            h.pid = entry.pid;
            FrontendObservation sums;
            sums.sessions = entry.sessions;
            sums.http5xx = entry.http5xx;
            h.frontends = {sums};
            data.haproxies.insert(Snapshot::key(h.vip, h.host), std::move(h));
        }
        list << Snapshot(std::move(data));
    }
    return list;
}

qsizetype ReportSampleBuffer::bytes() const
{
    qsizetype total = 0;
    const QString *sharedVips = nullptr;
    for (const Sample &sample : m_samples) {
        total += qsizetype(sizeof(Sample) + sample.entries.capacity() * sizeof(Entry));
        if (sample.vips.constData() != sharedVips) { // names counted once per fleet shape
            sharedVips = sample.vips.constData();
            for (qsizetype i = 0; i < sample.vips.size(); ++i)
                total += 2 * qsizetype(sizeof(QString)) +
                         (sample.vips[i].size() + sample.hosts[i].size()) * 2;
        }
    }
    return total;
}

} // namespace vipdeck
