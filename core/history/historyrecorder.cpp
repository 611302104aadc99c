#include "core/history/historyrecorder.h"

#include "core/common/logging.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vipdeck::HistoryStore)
};

constexpr qint64 kMinuteMs = 60'000;
// Samples kept in memory while the store cannot be written: about an hour
// of a 2 x 150 VIP fleet; older ones are dropped and read as not recorded.
constexpr qsizetype kMaxUnwrittenSamples = 100'000;

QString seriesKey(const HistorySample &s)
{
    return s.host + u'\x1f' + s.vip + u'\x1f' + s.backend + u'\x1f' + s.server;
}

// A cumulative counter's growth since the last poll; a new process (a
// reload) starts its counters at zero.
qint64 growth(qint64 now, qint64 before, bool sameProcess)
{
    if (!sameProcess || now < before)
        return now;
    return now - before;
}

} // namespace

HistoryRecorder::HistoryRecorder(HistoryRecorderOptions options)
    : m_options(std::move(options))
{}

HistoryRecorder::~HistoryRecorder() = default;

Result<void> HistoryRecorder::start()
{
    auto db = std::make_unique<HistoryDatabase>(m_options.store);
    if (Result<void> opened = db->open(HistoryDatabase::Access::Write); !opened)
        return opened;
    if (Result<void> locked = db->lockForRecording(); !locked)
        return locked;
    m_db = std::move(db);
    return {};
}

void HistoryRecorder::lose(const Error &error, qint64 sinceMs)
{
    ++m_stats.storeFailures;
    qCWarning(lcHistory).noquote() << "history store failed:" << error.message << error.detail;
    // Start over on the next poll: a new connection, a new lock, a new
    // recording that says what was missed.
    m_db.reset();
    m_recordingId = 0;
    m_open.clear();
    m_lastStates.clear();
    m_resumeReason = Tr::tr("the history store could not be written after the poll at %1: %2")
                         .arg(historyTimeText(sinceMs), error.message);
}

Result<void> HistoryRecorder::ensureRecording(qint64 pollMs)
{
    const qint64 interval = m_options.interval.count();
    if (m_recordingId && m_lastPollMs &&
        pollMs - m_lastPollMs > std::max(3 * interval, interval + 30'000)) {
        // The workstation slept or the polls stalled: what happened
        // meanwhile was not seen.
        const qint64 last = m_lastPollMs;
        if (Result<void> ended = m_db->endRecording(m_recordingId); !ended) {
            lose(ended.error(), last);
            return ended;
        }
        m_recordingId = 0;
        m_open.clear();
        m_lastStates.clear();
        m_resumeReason = Tr::tr("no poll between %1 and %2 (the workstation slept or the "
                                "fleet did not answer)")
                             .arg(historyTimeText(last), historyTimeText(pollMs));
    }
    if (!m_db) {
        if (Result<void> started = start(); !started)
            return started;
    }
    if (m_recordingId)
        return {};
    const Result<qint64> id =
        m_db->beginRecording(m_options.holder, m_options.interval, pollMs, m_resumeReason);
    if (!id) {
        lose(id.error(), m_lastPollMs ? m_lastPollMs : pollMs);
        return id.error();
    }
    m_recordingId = *id;
    m_resumeReason.clear();
    ++m_stats.recordings;
    return {};
}

Result<void> HistoryRecorder::commitStates(const QList<HistoryState> &states, qint64 pollMs)
{
    QList<qint64> close;
    QList<HistoryState> open;
    QStringList gone;
    // The subjects of a fleet come in the same order every poll: then only
    // a state that changed since the last poll needs its key and its span
    // (at 2 x 150 VIPs, about 3,000 subjects and a handful of changes).
    const bool sameSubjects = states.size() == m_lastStates.size() &&
                              m_open.size() == m_lastStates.size() &&
                              std::equal(states.cbegin(), states.cend(), m_lastStates.cbegin(),
                                         [](const HistoryState &a, const HistoryState &b) {
                                             return a.subject == b.subject;
                                         });
    if (sameSubjects) {
        for (qsizetype i = 0; i < states.size(); ++i) {
            if (states[i].sameAs(m_lastStates[i]))
                continue;
            const auto it = m_open.constFind(states[i].subject.key());
            if (it != m_open.constEnd())
                close << it->spanId;
            open << states[i];
        }
    } else {
        QSet<QString> seen;
        seen.reserve(states.size());
        for (const HistoryState &state : states) {
            const QString key = state.subject.key();
            seen.insert(key);
            const auto it = m_open.constFind(key);
            if (it != m_open.constEnd() && it->state.sameAs(state))
                continue;
            if (it != m_open.constEnd())
                close << it->spanId;
            open << state;
        }
        // Subjects gone from the fleet (a VIP removed, a server deleted).
        for (auto it = m_open.cbegin(); it != m_open.cend(); ++it) {
            if (!seen.contains(it.key())) {
                close << it->spanId;
                gone << it.key();
            }
        }
    }
    const Result<QList<qint64>> ids = m_db->commitPoll(m_recordingId, pollMs, close, open);
    if (!ids) {
        lose(ids.error(), m_lastPollMs ? m_lastPollMs : pollMs);
        return ids.error();
    }
    for (const QString &key : std::as_const(gone))
        m_open.remove(key);
    for (qsizetype i = 0; i < open.size(); ++i)
        m_open.insert(open[i].subject.key(), Open{open[i], ids->at(i)});
    m_lastStates = states;
    m_stats.spansEnded += close.size();
    m_stats.spansStarted += open.size();
    m_lastPollMs = pollMs;
    return {};
}

void HistoryRecorder::addSample(HistorySample sample, qint64 pid, qint64 http5xxTotal,
                                qint64 checkFailuresTotal)
{
    const QString key = seriesKey(sample);
    const auto counters = m_counters.constFind(key);
    if (counters != m_counters.constEnd()) {
        const bool same = counters->pid == pid;
        sample.http5xx = growth(http5xxTotal, counters->http5xx, same);
        sample.checkFailures = growth(checkFailuresTotal, counters->checkFailures, same);
    }
    m_counters.insert(key, Counters{pid, http5xxTotal, checkFailuresTotal});
    auto it = m_minute.find(key);
    if (it == m_minute.end()) {
        m_minute.insert(key, sample);
        return;
    }
    it->samples += sample.samples;
    it->sessionsMax = std::max(it->sessionsMax, sample.sessionsMax);
    it->sessionsSum += sample.sessionsSum;
    it->sessionRateSum += sample.sessionRateSum;
    it->requestRateSum += sample.requestRateSum;
    it->http5xx += sample.http5xx;
    it->checkFailures += sample.checkFailures;
}

void HistoryRecorder::accumulate(const Snapshot &snapshot, qint64 pollMs)
{
    const qint64 minute = pollMs / kMinuteMs * kMinuteMs;
    if (minute != m_minuteMs) {
        for (const HistorySample &sample : std::as_const(m_minute))
            m_unwritten << sample;
        m_minute.clear();
        m_minuteMs = minute;
    }
    for (const HaproxyObservation &h : snapshot.haproxies()) {
        // Only what this poll read: an old reading would count twice.
        if (!h.hasData() || h.error)
            continue;
        HistorySample vip;
        vip.host = h.host;
        vip.vip = h.vip;
        vip.bucketMs = minute;
        vip.samples = 1;
        qint64 http5xx = 0;
        for (const FrontendObservation &f : h.frontends) {
            vip.sessionsMax += f.sessions;
            vip.sessionRateSum += f.sessionRate;
            vip.requestRateSum += f.requestRate;
            http5xx += f.http5xx;
        }
        vip.sessionsSum = vip.sessionsMax;
        addSample(vip, h.pid, http5xx, 0);
        for (const BackendObservation &b : h.backends) {
            for (const ServerObservation &s : b.servers) {
                HistorySample server;
                server.host = h.host;
                server.vip = h.vip;
                server.backend = b.name;
                server.server = s.name;
                server.bucketMs = minute;
                server.samples = 1;
                server.sessionsMax = server.sessionsSum = s.sessions;
                server.sessionRateSum = s.sessionRate;
                addSample(server, h.pid, s.http5xx, s.checkFailures);
            }
        }
    }
}

Result<void> HistoryRecorder::flushSamples()
{
    if (m_unwritten.isEmpty() || !m_db)
        return {};
    if (m_unwritten.size() > kMaxUnwrittenSamples)
        m_unwritten.remove(0, m_unwritten.size() - kMaxUnwrittenSamples);
    if (Result<void> written = m_db->addSamples(m_unwritten); !written)
        return written;
    m_stats.samplesWritten += m_unwritten.size();
    m_unwritten.clear();
    return {};
}

Result<void> HistoryRecorder::record(const Snapshot &snapshot, const FleetVerdicts &verdicts,
                                     qint64 pollMs)
{
    ++m_stats.polls;
    accumulate(snapshot, pollMs);
    if (Result<void> ready = ensureRecording(pollMs); !ready)
        return ready;
    if (Result<void> committed = commitStates(historyStates(snapshot, verdicts), pollMs);
        !committed)
        return committed;
    if (Result<void> flushed = flushSamples(); !flushed) {
        lose(flushed.error(), pollMs);
        return flushed;
    }
    if (pollMs >= m_nextPruneMs) {
        const Result<HistoryPruneResult> pruned = m_db->prune(pollMs, m_options.retention);
        if (!pruned) {
            lose(pruned.error(), pollMs);
            return pruned.error();
        }
        m_nextPruneMs = pollMs + std::chrono::milliseconds(m_options.pruneEvery).count();
        qCDebug(lcHistory) << "history pruned:" << pruned->minuteRowsFolded << "minute rows folded,"
                           << pruned->spansDeleted << "spans deleted";
    }
    return {};
}

Result<void> HistoryRecorder::stop()
{
    for (const HistorySample &sample : std::as_const(m_minute))
        m_unwritten << sample;
    m_minute.clear();
    if (!m_db || !m_recordingId)
        return {};
    Result<void> flushed = flushSamples();
    Result<void> ended = m_db->endRecording(m_recordingId);
    m_recordingId = 0;
    m_open.clear();
    m_lastStates.clear();
    if (!flushed)
        return flushed;
    return ended;
}

} // namespace vipdeck
