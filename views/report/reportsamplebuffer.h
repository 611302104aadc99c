#pragma once

// ReportSampleBuffer: the snapshots the console has polled, kept for the
// charts of an exported report (ReportInput::samples needs whole snapshots:
// sessions and 5xx per host).  Snapshots share their unchanged data, and the
// buffer thins them so memory stays bounded however long the console runs:
// at most one every 10 s over the last hour, one every 5 min before that, and
// nothing older than 24 h.

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
