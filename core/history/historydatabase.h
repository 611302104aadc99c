#pragma once

// HistoryDatabase: the history store's SQL, run synchronously on one
// connection (QtSql connections belong to one thread).  The store holds
// recordings (who recorded, from when to which last poll), spans (one
// subject in one state from a start to an end), and per-minute and hourly
// traffic samples.  What no recording covers is "not recorded": the store
// never holds a state for a time nobody looked.
//
// The same URL conventions as the audit log (AuditStoreConfig): a local
// SQLite file by default, PostgreSQL for a team.  One recorder writes a store
// at a time: lockForRecording() takes an advisory lock (flock on SQLite's
// "<file>.lock", pg_try_advisory_lock on PostgreSQL) that the kernel or the
// server drops when the recorder dies, however it dies.

#include "core/audit/auditstoreconfig.h"
#include "core/common/result.h"
#include "core/history/historystate.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>

#include <chrono>
#include <optional>

namespace vipdeck {

struct HistoryRecording
{
    qint64 id = 0;
    QString holder; // "vipdeckctl record (pid 4242, ops@ws1)"
    qint64 intervalMs = 0;
    qint64 startedMs = 0;
    qint64 lastPollMs = 0; // the last poll committed; the recording covers [started, lastPoll]
    std::optional<qint64> endedMs; // a clean stop; absent while running or after a kill
    QString resumeReason;          // why the time before it was not recorded, when known
};

struct HistorySpan
{
    qint64 id = 0;
    qint64 recordingId = 0;
    HistoryState state;
    qint64 startedMs = 0;
    std::optional<qint64> endedMs; // open: still in this state at the recording's last poll
};

// One minute (or, after downsampling, one hour) of a VIP's or a server's
// traffic on one host.  A VIP's own row has empty backend and server.
struct HistorySample
{
    QString host;
    QString vip;
    QString backend;
    QString server;
    qint64 bucketMs = 0; // start of the minute or hour (UTC)
    int samples = 0;     // polls that went into it
    qint64 sessionsMax = 0;
    qint64 sessionsSum = 0;    // / samples = mean
    qint64 sessionRateSum = 0; // sessions per second, summed over samples
    qint64 requestRateSum = 0;
    qint64 http5xx = 0;       // responses in the bucket
    qint64 checkFailures = 0; // failed health checks in the bucket
};

struct HistoryRetention
{
    std::chrono::hours minuteSamples{24 * 30};  // then folded into hourly samples
    std::chrono::hours hourlySamples{24 * 396}; // 13 months
    std::chrono::hours spans{24 * 396};         // spans and recordings
};

struct HistoryPruneResult
{
    qint64 minuteRowsFolded = 0;
    qint64 hourlyRowsWritten = 0;
    qint64 hourlyRowsDeleted = 0;
    qint64 spansDeleted = 0;
    qint64 recordingsDeleted = 0;
};

class HistoryDatabase
{
public:
    explicit HistoryDatabase(AuditStoreConfig config);
    ~HistoryDatabase();
    HistoryDatabase(const HistoryDatabase &) = delete;
    HistoryDatabase &operator=(const HistoryDatabase &) = delete;

    enum class Access {
        Write, // creates the store (file 0600, directories 0700) and migrates it
        Read,  // an existing store only; HistoryMissing when there is none
    };
    Result<void> open(Access access);
    QString location() const { return m_config.location(); }
    const AuditStoreConfig &config() const { return m_config; }
    static int latestSchemaVersion();

    // The writer's lock.  HistoryLocked naming the recorder that holds it
    // (its holder text and since when).  Held until the database closes.
    Result<void> lockForRecording();

    // Starts a recording: closes what earlier recordings left open at their
    // last poll (a killed recorder, a lost connection) and returns the new
    // recording's id.  `resumeReason` says why the time since the previous
    // recording was not recorded; empty: derived from how that one ended.
    Result<qint64> beginRecording(const QString &holder, std::chrono::milliseconds interval,
                                  qint64 nowMs, const QString &resumeReason = {});

    // One poll, in one transaction: closes the spans `close` at `pollMs`,
    // opens `open` at `pollMs`, and moves the recording's last poll there.
    // Returns the ids of the opened spans, in order.
    Result<QList<qint64>> commitPoll(qint64 recordingId, qint64 pollMs, const QList<qint64> &close,
                                     const QList<HistoryState> &open);

    // A clean stop: open spans end at the last poll, and so does the recording.
    Result<void> endRecording(qint64 recordingId);

    // Per-minute samples (resolution 60 s), added to what the bucket holds.
    Result<void> addSamples(const QList<HistorySample> &samples);

    // Folds minute samples older than the retention into hourly ones and
    // deletes what is older than the retention keeps.  `nowMs` is the
    // writer's clock.
    Result<HistoryPruneResult> prune(qint64 nowMs, const HistoryRetention &retention);

    // Reading.  Recordings and spans that overlap [sinceMs, untilMs).
    Result<QList<HistoryRecording>> recordings(qint64 sinceMs, qint64 untilMs);
    Result<QList<HistorySpan>> spans(qint64 sinceMs, qint64 untilMs,
                                     const QList<HistoryKind> &kinds = {});
    // Samples at `resolutionSecs` (60 or 3600) in [sinceMs, untilMs); with
    // `vip`, only that VIP's own rows (its frontends, per host).
    Result<QList<HistorySample>> samples(int resolutionSecs, qint64 sinceMs, qint64 untilMs,
                                         const QString &vip = {});
    // Row counts by table, for status and the benchmark.
    Result<QList<std::pair<QString, qint64>>> tableSizes();

private:
    bool isPostgres() const { return m_config.backend == AuditStoreConfig::Backend::Postgres; }
    Error unavailable(const QString &what, const QString &detail) const;
    Error failed(const QString &what, const QSqlQuery &query) const;
    Result<qint64> seriesId(const HistorySample &sample);
    Result<void> transaction(const std::function<Result<void>()> &work);

    AuditStoreConfig m_config;
    QString m_connectionName;
    QSqlDatabase m_db;
    int m_lockFd = -1;
    bool m_pgLocked = false;
    QHash<QString, qint64> m_seriesIds;
};

} // namespace vipdeck
