#pragma once

// HistoryStore: the history store for the console, on a thread of its own
// (QtSql connections belong to one thread).  It records the console's polls
// while no other recorder holds the store (a `vipdeckctl record` service or
// another console), and tries again every minute to take over when the
// other one stops.  It reads what is recorded for the event log and the
// charts.  Every call returns at once; results arrive on the receiver's
// thread, never after the receiver is gone.

#include "core/fleet/event.h"
#include "core/history/historyrecorder.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>

namespace vipdeck {

// A VIP's traffic summed over its hosts, one point per bucket that holds
// samples: a bucket without any is a gap (nothing recorded), never zero.
struct HistoryPoint
{
    qint64 msecs = 0; // start of the bucket
    double sessions = 0;
    double requestRate = 0;
    double http5xxPerSec = 0;
};

// Buckets of `stepMs` (a multiple of the samples' resolution).
QList<HistoryPoint> vipTraffic(const QList<HistorySample> &samples, qint64 stepMs,
                               int resolutionSecs);

class HistoryStore : public QObject
{
    Q_OBJECT
public:
    enum class Mode {
        Opening,
        Recording,   // this console writes the store
        Reading,     // another recorder writes it; this console only reads
        Unavailable, // the store cannot be opened: statusText() says why
    };

    HistoryStore(HistoryRecorderOptions options, QObject *parent = nullptr);
    ~HistoryStore() override;

    Mode mode() const { return m_mode; }
    // One line for the status bar: "History: recording into ...", "History:
    // recorded by vipdeckctl record (pid 4242, ...)", "History unavailable: ...".
    QString statusText() const { return m_status; }
    QString location() const { return m_options.store.location(); }
    const AuditStoreConfig &config() const { return m_options.store; }

    // Records a poll when this console holds the store.  While the thread is
    // still writing an earlier poll, this one is skipped: the next carries
    // the same states.
    void record(const Snapshot &snapshot, std::shared_ptr<const FleetVerdicts> verdicts);

    // Events in [sinceMs, untilMs), oldest first.  No store yet: none.
    void eventsAsync(qint64 sinceMs, qint64 untilMs, QObject *receiver,
                     std::function<void(const Result<QList<FleetEvent>> &)> done);
    // A VIP's traffic in [sinceMs, untilMs) in buckets of `stepMs`.
    void trafficAsync(const QString &vip, qint64 sinceMs, qint64 untilMs, qint64 stepMs,
                      QObject *receiver,
                      std::function<void(const Result<QList<HistoryPoint>> &)> done);

signals:
    void modeChanged();

private:
    struct Worker;
    void setMode(Mode mode, const QString &status);
    template <typename T>
    void post(std::function<Result<T>(Worker &)> job, QObject *receiver,
              std::function<void(const Result<T> &)> done);

    HistoryRecorderOptions m_options;
    Mode m_mode = Mode::Opening;
    QString m_status;
    std::atomic<int> m_recordsQueued{0};
    QThread m_thread;
    std::unique_ptr<QObject> m_context; // lives in m_thread
    std::unique_ptr<Worker> m_worker;   // used and destroyed on m_thread
};

} // namespace vipdeck
