#pragma once

// ReportSampleBuffer: what the console has polled, kept for the charts of an
// exported report (ReportInput::samples: sessions and 5xx of each VIP's
// frontends per host).  A sample keeps only that: per VIP and host the read
// time, the pid and the frontends' summed sessions and 5xx count, 32 bytes,
// with the VIP and host names shared by every sample of the same fleet.  At
// 2 hosts x 150 VIPs that is about 10 KB a sample, where a whole snapshot is
// about 0.6 MB.  The buffer keeps at most one sample every 10 s over the
// last hour, one every 5 min before that, and nothing older than 24 h: at
// most 361 + 276 samples (about 6 MB at that size), so memory stays bounded
// however long the console runs (docs/memory.md).  since() turns samples
// back into (thin) snapshots for the report.

#include "core/fleet/snapshot.h"

#include <QDateTime>
#include <QObject>

#include <deque>
#include <vector>

namespace vipdeck {

class FleetModels;

class ReportSampleBuffer : public QObject
{
    Q_OBJECT
public:
    // Records every update `models` takes (nullptr: only what record() gets).
    explicit ReportSampleBuffer(FleetModels *models, QObject *parent = nullptr);

    // A snapshot of a different fleet (or a restarted poller) starts afresh.
    void record(const Snapshot &snapshot);
    // The samples taken at or after `since`, oldest first, as snapshots that
    // hold per VIP and host its time, pid and one frontend with the sums.
    QList<Snapshot> since(const QDateTime &since) const;
    int size() const { return int(m_samples.size()); }
    void clear() { m_samples.clear(); }
    // Heap bytes the samples hold (the names they share counted once).
    qsizetype bytes() const;

    static constexpr qint64 RecentSpacingMs = 10'000;
    static constexpr qint64 RecentMs = 3'600'000;
    static constexpr qint64 OldSpacingMs = 300'000;
    static constexpr qint64 KeepMs = 24 * 3'600'000;

private:
    struct Entry
    {
        qint64 msecs = -1; // read time; -1: never read
        qint64 pid = 0;
        qint64 sessions = 0;
        qint64 http5xx = 0;
    };
    struct Sample
    {
        quint64 sequence = 0;
        qint64 msecs = 0;
        Inventory inventory;        // shares its lists with the fleet's
        QList<QString> vips, hosts; // shared by the samples of one fleet
        std::vector<Entry> entries; // in the order of vips/hosts
    };

    std::deque<Sample> m_samples; // oldest first
};

} // namespace vipdeck
