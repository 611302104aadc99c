#pragma once

// ReportSampleBuffer: the snapshots the console has polled, kept for the
// charts of an exported report (ReportInput::samples: sessions and 5xx of
// each VIP's frontends per host).  Each kept snapshot is thinned to what
// those charts read: per VIP and host its time, pid and frontends, without
// backends, servers or BIRD data (at 2 hosts x 150 VIPs x 4 servers a whole
// snapshot is about 0.6 MB, a thinned one about 0.1 MB).  The buffer keeps at
// most one every 10 s over the last hour, one every 5 min before that, and
// nothing older than 24 h: at most 361 + 276 samples, so memory stays bounded
// however long the console runs (docs/memory.md).

#include "core/fleet/snapshot.h"

#include <QDateTime>
#include <QObject>

#include <deque>

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
    // What the buffer keeps of `snapshot`.
    static Snapshot thinned(const Snapshot &snapshot);
    // The samples taken at or after `since`, oldest first.
    QList<Snapshot> since(const QDateTime &since) const;
    int size() const { return int(m_samples.size()); }
    void clear() { m_samples.clear(); }

    static constexpr qint64 RecentSpacingMs = 10'000;
    static constexpr qint64 RecentMs = 3'600'000;
    static constexpr qint64 OldSpacingMs = 300'000;
    static constexpr qint64 KeepMs = 24 * 3'600'000;

private:
    std::deque<Snapshot> m_samples; // oldest first
};

} // namespace vipdeck
