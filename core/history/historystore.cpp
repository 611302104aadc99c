#include "core/history/historystore.h"

#include "core/common/handover.h"
#include "core/common/logging.h"
#include "core/history/historyevents.h"

#include <QCoreApplication>
#include <QDateTime>

#include <map>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vipdeck::HistoryStore)
};

// How often a console that only reads tries to become the recorder.
constexpr qint64 kTakeOverEveryMs = 60'000;

} // namespace

QList<HistoryPoint> vipTraffic(const QList<HistorySample> &samples, qint64 stepMs,
                               int resolutionSecs)
{
    // Per bucket and host: the host's means, then summed over hosts.
    struct Sum
    {
        qint64 samples = 0;
        qint64 sessions = 0;
        qint64 requestRate = 0;
        qint64 http5xx = 0;
        qint64 buckets = 0; // sample rows (minutes) that fell into it
    };
    std::map<qint64, QHash<QString, Sum>> buckets;
    for (const HistorySample &s : samples) {
        Sum &sum = buckets[s.bucketMs / stepMs * stepMs][s.host];
        sum.samples += s.samples;
        sum.sessions += s.sessionsSum;
        sum.requestRate += s.requestRateSum;
        sum.http5xx += s.http5xx;
        ++sum.buckets;
    }
    QList<HistoryPoint> out;
    out.reserve(qsizetype(buckets.size()));
    for (const auto &[ms, hosts] : buckets) {
        HistoryPoint p;
        p.msecs = ms;
        for (const Sum &sum : hosts) {
            if (sum.samples <= 0)
                continue;
            p.sessions += double(sum.sessions) / double(sum.samples);
            p.requestRate += double(sum.requestRate) / double(sum.samples);
            // Responses over the time the rows cover.
            p.http5xxPerSec += double(sum.http5xx) / double(sum.buckets * resolutionSecs);
        }
        out << p;
    }
    return out;
}

struct HistoryStore::Worker
{
    explicit Worker(const HistoryRecorderOptions &options)
        : options(options)
    {}

    HistoryRecorderOptions options;
    std::unique_ptr<HistoryRecorder> recorder;
    std::unique_ptr<HistoryDatabase> reader;
    qint64 nextTakeOverMs = 0;

    // Becomes the recorder if nobody else is.  Returns the mode and its text.
    std::pair<Mode, QString> tryToRecord()
    {
        auto candidate = std::make_unique<HistoryRecorder>(options);
        const Result<void> started = candidate->start();
        nextTakeOverMs = QDateTime::currentMSecsSinceEpoch() + kTakeOverEveryMs;
        if (started) {
            recorder = std::move(candidate);
            return {Mode::Recording,
                    Tr::tr("History: recording into %1").arg(options.store.location())};
        }
        if (started.error().code == ErrorCode::HistoryLocked)
            return {Mode::Reading, Tr::tr("History: %1").arg(started.error().message)};
        return {Mode::Unavailable,
                Tr::tr("History unavailable: %1").arg(started.error().toString())};
    }

    Result<HistoryDatabase *> read()
    {
        if (!reader) {
            auto db = std::make_unique<HistoryDatabase>(options.store);
            if (Result<void> opened = db->open(HistoryDatabase::Access::Read); !opened)
                return opened.error();
            reader = std::move(db);
        }
        return reader.get();
    }
};

HistoryStore::HistoryStore(HistoryRecorderOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_context(std::make_unique<QObject>())
    , m_worker(std::make_unique<Worker>(m_options))
{
    m_status = Tr::tr("History: opening %1").arg(m_options.store.location());
    m_thread.setObjectName(u"vipdeck-history"_s);
    m_context->moveToThread(&m_thread);
    m_thread.start();
    postTo(
        m_context.get(),
        [this] {
            const auto [mode, status] = m_worker->tryToRecord();
            postTo(
                this, [this, mode, status] { setMode(mode, status); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

HistoryStore::~HistoryStore()
{
    // The recording ends cleanly, on the thread that opened its connection.
    postTo(
        m_context.get(),
        [this] {
            if (m_worker->recorder) {
                if (Result<void> stopped = m_worker->recorder->stop(); !stopped)
                    qCWarning(lcHistory).noquote() << stopped.error().toString();
            }
            m_worker.reset();
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void HistoryStore::setMode(Mode mode, const QString &status)
{
    if (mode == m_mode && status == m_status)
        return;
    m_mode = mode;
    m_status = status;
    emit modeChanged();
}

void HistoryStore::record(const Snapshot &snapshot, std::shared_ptr<const FleetVerdicts> verdicts)
{
    if (m_recordsQueued.load() > 0)
        return;
    ++m_recordsQueued;
    postTo(
        m_context.get(),
        [this, snapshot, verdicts = std::move(verdicts)] {
            Worker &w = *m_worker;
            std::optional<std::pair<Mode, QString>> change;
            if (!w.recorder && QDateTime::currentMSecsSinceEpoch() >= w.nextTakeOverMs)
                change = w.tryToRecord();
            if (w.recorder) {
                const Result<void> recorded =
                    w.recorder->record(snapshot, *verdicts, snapshot.time().toMSecsSinceEpoch());
                if (!recorded && recorded.error().code == ErrorCode::HistoryLocked) {
                    w.recorder.reset();
                    change = {Mode::Reading, Tr::tr("History: %1").arg(recorded.error().message)};
                } else if (!recorded) {
                    change = {Mode::Recording,
                              Tr::tr("History: cannot write %1, retrying: %2")
                                  .arg(w.options.store.location(), recorded.error().message)};
                } else {
                    change = {Mode::Recording,
                              Tr::tr("History: recording into %1").arg(w.options.store.location())};
                }
            }
            --m_recordsQueued;
            if (change)
                postTo(
                    this, [this, change = *change] { setMode(change.first, change.second); },
                    Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

template <typename T>
void HistoryStore::post(std::function<Result<T>(Worker &)> job, QObject *receiver,
                        std::function<void(const Result<T> &)> done)
{
    postTo(
        m_context.get(),
        [this, job = std::move(job), guard = QPointer<QObject>(receiver), done = std::move(done)] {
            Result<T> result = job(*m_worker);
            // Delivered through this store (on its owner's thread): a receiver
            // deleted meanwhile is never called.
            postTo(
                this,
                [guard, done, result = std::move(result)] {
                    if (guard)
                        done(result);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void HistoryStore::eventsAsync(qint64 sinceMs, qint64 untilMs, QObject *receiver,
                               std::function<void(const Result<QList<FleetEvent>> &)> done)
{
    post<QList<FleetEvent>>(
        [sinceMs, untilMs](Worker &w) -> Result<QList<FleetEvent>> {
            const Result<HistoryDatabase *> db = w.read();
            if (!db) {
                if (db.error().code == ErrorCode::HistoryMissing)
                    return QList<FleetEvent>{};
                return db.error();
            }
            const Result<QList<HistorySpan>> spans =
                (*db)->spans(sinceMs, untilMs,
                             {HistoryKind::ServerStatus, HistoryKind::ServerAdmin,
                              HistoryKind::Announcement, HistoryKind::Haproxy,
                              HistoryKind::Reachability, HistoryKind::Bgp, HistoryKind::Bfd});
            if (!spans)
                return spans.error();
            QList<FleetEvent> events = historyEvents(*spans);
            events.removeIf(
                [sinceMs](const FleetEvent &e) { return e.time.toMSecsSinceEpoch() < sinceMs; });
            return events;
        },
        receiver, std::move(done));
}

void HistoryStore::trafficAsync(const QString &vip, qint64 sinceMs, qint64 untilMs, qint64 stepMs,
                                QObject *receiver,
                                std::function<void(const Result<QList<HistoryPoint>> &)> done)
{
    post<QList<HistoryPoint>>(
        [vip, sinceMs, untilMs, stepMs](Worker &w) -> Result<QList<HistoryPoint>> {
            const Result<HistoryDatabase *> db = w.read();
            if (!db) {
                if (db.error().code == ErrorCode::HistoryMissing)
                    return QList<HistoryPoint>{};
                return db.error();
            }
            // Minutes where they are kept, hours before that.
            const int resolution = stepMs >= 3'600'000 ? 3600 : 60;
            Result<QList<HistorySample>> samples =
                (*db)->samples(resolution, sinceMs, untilMs, vip);
            if (!samples)
                return samples.error();
            if (resolution == 3600) {
                // The last 30 days are still in minutes: fold them in too.
                Result<QList<HistorySample>> minutes = (*db)->samples(60, sinceMs, untilMs, vip);
                if (!minutes)
                    return minutes.error();
                QList<HistoryPoint> hourly = vipTraffic(*samples, stepMs, 3600);
                QList<HistoryPoint> recent = vipTraffic(*minutes, stepMs, 60);
                hourly += recent;
                std::sort(
                    hourly.begin(), hourly.end(),
                    [](const HistoryPoint &a, const HistoryPoint &b) { return a.msecs < b.msecs; });
                return hourly;
            }
            return vipTraffic(*samples, stepMs, resolution);
        },
        receiver, std::move(done));
}

} // namespace vipdeck
