#pragma once

// HistoryRecorder: turns the poller's snapshots into the history store's
// spans and samples.  Each poll is one transaction: the spans whose state
// changed end, new ones start, and the recording's last poll moves on, so a
// recorder killed at any moment leaves a store that opens with everything
// committed and the time after its last poll marked "not recorded".
//
// It keeps going when the store fails (a full disk, PostgreSQL restarting):
// the next poll reopens the store and starts a new recording whose resume
// reason says what was missed; nothing is invented for the time between.
// Driven by the caller's poll loop (vipdeckctl record, the GUI); not
// thread-safe.

#include "core/fleet/snapshot.h"
#include "core/fleet/verdict.h"
#include "core/history/historydatabase.h"

#include <QHash>

#include <chrono>
#include <memory>

namespace vipdeck {

struct HistoryRecorderOptions
{
    AuditStoreConfig store;
    QString holder; // who records, for the lock message and the recording
    std::chrono::milliseconds interval{2000};
    HistoryRetention retention;
    std::chrono::minutes pruneEvery{60};
};

struct HistoryRecorderStats
{
    qint64 polls = 0;
    qint64 spansStarted = 0;
    qint64 spansEnded = 0;
    qint64 samplesWritten = 0;
    qint64 recordings = 0; // started by this recorder
    qint64 storeFailures = 0;
};

class HistoryRecorder
{
public:
    explicit HistoryRecorder(HistoryRecorderOptions options);
    ~HistoryRecorder();

    // Opens (creating or migrating) the store and takes the recorder's lock.
    // HistoryLocked naming the holder when another recorder has it.
    Result<void> start();

    // Records one poll.  An error is returned when the store could not be
    // written this time (the recorder retries on the next poll) or when
    // another recorder took the store over (HistoryLocked: stop then).
    Result<void> record(const Snapshot &snapshot, const FleetVerdicts &verdicts, qint64 pollMs);

    // Writes the minute in progress and ends the recording cleanly.
    Result<void> stop();

    const HistoryRecorderStats &stats() const { return m_stats; }
    QString location() const { return m_options.store.location(); }

private:
    struct Open
    {
        HistoryState state;
        qint64 spanId = 0;
    };
    struct Counters
    {
        qint64 pid = 0;
        qint64 http5xx = 0;
        qint64 checkFailures = 0;
    };

    Result<void> ensureRecording(qint64 pollMs);
    Result<void> commitStates(const QList<HistoryState> &states, qint64 pollMs);
    void accumulate(const Snapshot &snapshot, qint64 pollMs);
    void addSample(HistorySample sample, qint64 pid, qint64 http5xxTotal,
                   qint64 checkFailuresTotal);
    Result<void> flushSamples();
    void lose(const Error &error, qint64 sinceMs);

    HistoryRecorderOptions m_options;
    std::unique_ptr<HistoryDatabase> m_db;
    qint64 m_recordingId = 0;
    qint64 m_lastPollMs = 0;
    QString m_resumeReason; // for the next recording, after a failure
    QHash<QString, Open> m_open;
    QList<HistoryState> m_lastStates; // as last committed, in historyStates() order
    // The minute being accumulated, by series key, and the cumulative
    // counters last seen (to turn them into per-minute counts).
    qint64 m_minuteMs = -1;
    QHash<QString, HistorySample> m_minute;
    QHash<QString, Counters> m_counters;
    QList<HistorySample> m_unwritten; // minutes whose write failed, retried
    qint64 m_nextPruneMs = 0;
    HistoryRecorderStats m_stats;
};

} // namespace vipdeck
