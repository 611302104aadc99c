#include "core/history/historysummary.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <map>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vipdeck::HistoryStore)
};

// How far an audited change may lie before the first poll that saw it.
constexpr qint64 kAuditLookbackMs = 10 * 60'000;
// Clocks of the recorder and the operator's workstation may differ a little.
constexpr qint64 kClockSlackMs = 5'000;

struct Interval
{
    qint64 start = 0;
    qint64 end = 0;
};

// A span as it counts in the window: its end is its recording's when it was
// left open, and both ends are clipped to the window.
struct Clipped
{
    const HistorySpan *span = nullptr;
    qint64 start = 0; // unclipped
    qint64 end = 0;   // unclipped effective end
    qint64 from = 0;  // clipped
    qint64 to = 0;
    qint64 length() const { return std::max<qint64>(0, to - from); }
};

class Window
{
public:
    explicit Window(const HistoryInput &input)
        : m_input(input)
    {
        for (const HistoryRecording &r : input.recordings) {
            qint64 end = r.endedMs.value_or(r.lastPollMs);
            // A recording still running covers up to now: what it saw last
            // is the current state until its next poll.
            if (!r.endedMs &&
                input.untilMs - r.lastPollMs <= 3 * std::max<qint64>(r.intervalMs, 1000))
                end = std::max(end, input.untilMs);
            m_recordingEnd.insert(r.id, end);
        }
    }

    Clipped clip(const HistorySpan &span) const
    {
        Clipped c;
        c.span = &span;
        c.start = span.startedMs;
        c.end = span.endedMs.value_or(m_recordingEnd.value(span.recordingId, span.startedMs));
        c.from = std::max(c.start, m_input.sinceMs);
        c.to = std::min(c.end, m_input.untilMs);
        return c;
    }

    qint64 recordingEnd(qint64 id) const { return m_recordingEnd.value(id, 0); }

private:
    const HistoryInput &m_input;
    QHash<qint64, qint64> m_recordingEnd;
};

void coverage(const HistoryInput &input, const Window &window, HistorySummary &out)
{
    QList<std::pair<Interval, const HistoryRecording *>> covered;
    for (const HistoryRecording &r : input.recordings) {
        const qint64 from = std::max(r.startedMs, input.sinceMs);
        const qint64 to = std::min(window.recordingEnd(r.id), input.untilMs);
        if (to > from)
            covered.append({Interval{from, to}, &r});
    }
    std::sort(covered.begin(), covered.end(),
              [](const auto &a, const auto &b) { return a.first.start < b.first.start; });
    qint64 cursor = input.sinceMs;
    qint64 lastEnd = 0;
    for (const auto &[interval, recording] : covered) {
        if (interval.start > cursor) {
            QString reason = recording->resumeReason;
            if (reason.isEmpty())
                reason = Tr::tr("nothing was recorded before %1")
                             .arg(historyTimeText(recording->startedMs));
            out.gaps << HistoryGap{cursor, interval.start, reason};
        }
        out.recordedMs += std::max<qint64>(0, interval.end - std::max(interval.start, cursor));
        cursor = std::max(cursor, interval.end);
        lastEnd = std::max(lastEnd, interval.end);
    }
    if (cursor < input.untilMs) {
        out.gaps << HistoryGap{
            cursor, input.untilMs,
            covered.isEmpty()
                ? Tr::tr("no recorder ran in this window")
                : Tr::tr("no recorder has run since %1").arg(historyTimeText(lastEnd))};
    }
}

HistoryAvailability &availabilityOf(std::map<std::pair<QString, QString>, HistoryAvailability> &map,
                                    const QString &vip, const QString &host)
{
    auto [it, added] = map.try_emplace({vip, host});
    if (added) {
        it->second.vip = vip;
        it->second.host = host;
    }
    return it->second;
}

void addTime(HistoryAvailability &a, const QString &state, qint64 ms)
{
    switch (healthFromKey(state).value_or(Health::Unknown)) {
    case Health::Healthy:
        a.healthyMs += ms;
        break;
    case Health::Degraded:
        a.degradedMs += ms;
        break;
    case Health::Critical:
        a.criticalMs += ms;
        break;
    case Health::Unknown:
        a.unknownMs += ms;
        break;
    }
}

QList<HistoryAvailability> finish(std::map<std::pair<QString, QString>, HistoryAvailability> &map,
                                  qint64 windowMs)
{
    QList<HistoryAvailability> out;
    for (auto &[key, a] : map) {
        a.notRecordedMs =
            std::max<qint64>(0, windowMs - a.healthyMs - a.degradedMs - a.criticalMs - a.unknownMs);
        out << a;
    }
    return out;
}

// The spans of each subject in time order.
QHash<QString, QList<Clipped>> bySubject(const QList<HistorySpan> &spans, const Window &window,
                                         HistoryKind kind)
{
    QHash<QString, QList<Clipped>> out;
    for (const HistorySpan &span : spans)
        if (span.state.subject.kind == kind)
            out[span.state.subject.key()] << window.clip(span);
    for (QList<Clipped> &list : out)
        std::sort(list.begin(), list.end(),
                  [](const Clipped &a, const Clipped &b) { return a.start < b.start; });
    return out;
}

// Runs of spans in `states` that follow each other without a break, merged.
template <typename OnRun>
void runs(const QList<Clipped> &spans, const QStringList &states, qint64 sinceMs, qint64 untilMs,
          OnRun onRun)
{
    for (qsizetype i = 0; i < spans.size(); ++i) {
        if (!states.contains(spans[i].span->state.state))
            continue;
        qsizetype j = i;
        QStringList details = {spans[i].span->state.detail};
        while (j + 1 < spans.size() && spans[j + 1].start == spans[j].end &&
               spans[j + 1].span->state.state == spans[i].span->state.state) {
            ++j;
            if (!details.contains(spans[j].span->state.detail))
                details << spans[j].span->state.detail;
        }
        const qint64 start = spans[i].start;
        const qint64 end = spans[j].end;
        if (end > sinceMs && start < untilMs)
            onRun(spans[i], start, end, details, spans[j].span->endedMs.has_value());
        i = j;
    }
}

const AuditRecord *auditFor(const QList<AuditRecord> &audit, const HistorySubject &subject,
                            const QString &state, qint64 startMs, bool sinceRecordingStart)
{
    const AuditRecord *best = nullptr;
    for (const AuditRecord &record : audit) {
        if (record.kind != AuditKind::Intent || record.action != state)
            continue;
        const qint64 at = record.time.toMSecsSinceEpoch();
        if (at > startMs + kClockSlackMs)
            continue;
        if (!sinceRecordingStart && at < startMs - kAuditLookbackMs)
            continue;
        const bool names =
            std::any_of(record.targets.cbegin(), record.targets.cend(), [&](const AuditTarget &t) {
                return t.server == subject.server && t.host == subject.host &&
                       (t.vip.isEmpty() || t.vip == subject.vip) &&
                       (t.backend.isEmpty() || t.backend == subject.backend);
            });
        if (names && (!best || best->time < record.time))
            best = &record;
    }
    return best;
}

} // namespace

double HistoryAvailability::servingRatio() const
{
    const qint64 recorded = healthyMs + degradedMs + criticalMs + unknownMs;
    if (recorded <= 0)
        return -1;
    return double(healthyMs + degradedMs) / double(recorded);
}

HistorySummary summarizeHistory(const HistoryInput &input)
{
    HistorySummary out;
    out.sinceMs = input.sinceMs;
    out.untilMs = input.untilMs;
    const Window window(input);
    coverage(input, window, out);
    const qint64 windowMs = input.untilMs - input.sinceMs;

    std::map<std::pair<QString, QString>, HistoryAvailability> vips, placements, hosts;
    for (const HistorySpan &span : input.spans) {
        const HistorySubject &s = span.state.subject;
        const qint64 ms = window.clip(span).length();
        if (s.kind == HistoryKind::Vip)
            addTime(availabilityOf(vips, s.vip, {}), span.state.state, ms);
        else if (s.kind == HistoryKind::Placement)
            addTime(availabilityOf(placements, s.vip, s.host), span.state.state, ms);
        else if (s.kind == HistoryKind::Host)
            addTime(availabilityOf(hosts, {}, s.host), span.state.state, ms);
    }
    out.vips = finish(vips, windowMs);
    out.placements = finish(placements, windowMs);
    out.hosts = finish(hosts, windowMs);

    // Incidents: critical periods of a VIP or a host.
    const QString critical = healthKey(Health::Critical);
    for (const HistoryKind kind : {HistoryKind::Vip, HistoryKind::Host}) {
        for (const QList<Clipped> &spans : bySubject(input.spans, window, kind)) {
            runs(spans, {critical}, input.sinceMs, input.untilMs,
                 [&](const Clipped &first, qint64 start, qint64 end, const QStringList &details,
                     bool closed) {
                     HistoryIncident incident;
                     incident.vip = first.span->state.subject.vip;
                     incident.host =
                         kind == HistoryKind::Host ? first.span->state.subject.host : QString();
                     incident.startMs = std::max(start, input.sinceMs);
                     incident.endMs = std::min(end, input.untilMs);
                     incident.startsEarlier = start < input.sinceMs;
                     incident.ongoing = !closed && end >= input.untilMs;
                     incident.reasons = details.join(u"; "_s);
                     out.incidents << incident;
                 });
        }
    }
    std::sort(out.incidents.begin(), out.incidents.end(),
              [](const HistoryIncident &a, const HistoryIncident &b) {
                  return std::tie(a.startMs, a.vip, a.host) < std::tie(b.startMs, b.vip, b.host);
              });

    // Announcement flaps: changes between known states inside the window.
    const QString announced = announcementKey(Announcement::Announced);
    const QString withdrawn = announcementKey(Announcement::Withdrawn);
    for (const QList<Clipped> &spans : bySubject(input.spans, window, HistoryKind::Announcement)) {
        HistoryFlaps flaps;
        QString known;
        for (const Clipped &c : spans) {
            const QString &state = c.span->state.state;
            if (state != announced && state != withdrawn)
                continue;
            if (!known.isEmpty() && state != known && c.start >= input.sinceMs &&
                c.start < input.untilMs)
                ++(state == withdrawn ? flaps.withdrawals : flaps.announcements);
            known = state;
        }
        if (flaps.withdrawals + flaps.announcements > 0) {
            flaps.vip = spans.first().span->state.subject.vip;
            flaps.host = spans.first().span->state.subject.host;
            out.flaps << flaps;
        }
    }
    std::sort(out.flaps.begin(), out.flaps.end(), [](const HistoryFlaps &a, const HistoryFlaps &b) {
        return std::tie(a.vip, a.host) < std::tie(b.vip, b.host);
    });

    // Drains and maintenance, with who and why.
    QHash<qint64, qint64> recordingStart;
    for (const HistoryRecording &r : input.recordings)
        recordingStart.insert(r.id, r.startedMs);
    for (const QList<Clipped> &spans : bySubject(input.spans, window, HistoryKind::ServerAdmin)) {
        runs(spans, {u"drain"_s, u"maint"_s}, input.sinceMs, input.untilMs,
             [&](const Clipped &first, qint64 start, qint64 end, const QStringList &, bool closed) {
                 const HistorySubject &s = first.span->state.subject;
                 HistoryMaintenance m;
                 m.host = s.host;
                 m.vip = s.vip;
                 m.backend = s.backend;
                 m.server = s.server;
                 m.state = first.span->state.state;
                 m.startMs = std::max(start, input.sinceMs);
                 m.endMs = std::min(end, input.untilMs);
                 m.startsEarlier = start < input.sinceMs;
                 m.ongoing = !closed && end >= input.untilMs;
                 const bool fromStart = recordingStart.value(first.span->recordingId, -1) == start;
                 if (const AuditRecord *record =
                         auditFor(input.audit, s, m.state, start, fromStart)) {
                     m.auditId = record->id;
                     m.operatorName = record->operatorName;
                     m.reason = record->reason;
                 }
                 out.maintenance << m;
             });
    }
    std::sort(out.maintenance.begin(), out.maintenance.end(),
              [](const HistoryMaintenance &a, const HistoryMaintenance &b) {
                  return std::tie(a.startMs, a.host, a.vip, a.server) <
                         std::tie(b.startMs, b.host, b.vip, b.server);
              });

    // Reloads (a running HAProxy followed by another process) and the time
    // HAProxy could not be read.
    for (const QList<Clipped> &spans : bySubject(input.spans, window, HistoryKind::Haproxy)) {
        HistoryReloads reloads;
        for (qsizetype i = 0; i < spans.size(); ++i) {
            const HistoryState &state = spans[i].span->state;
            if (state.state == u"unreachable"_s)
                reloads.downMs += spans[i].length();
            if (i > 0 && state.state == u"running"_s &&
                spans[i - 1].span->state.state == u"running"_s &&
                spans[i - 1].end == spans[i].start && spans[i].start >= input.sinceMs &&
                spans[i].start < input.untilMs)
                ++reloads.reloads;
        }
        if (reloads.reloads > 0 || reloads.downMs > 0) {
            reloads.vip = spans.first().span->state.subject.vip;
            reloads.host = spans.first().span->state.subject.host;
            out.reloads << reloads;
        }
    }
    // Time below min_up_servers, per placement.
    for (const QList<Clipped> &spans : bySubject(input.spans, window, HistoryKind::Capacity)) {
        HistoryCapacity capacity;
        runs(spans, {u"below"_s}, input.sinceMs, input.untilMs,
             [&](const Clipped &first, qint64 start, qint64 end, const QStringList &details, bool) {
                 const qint64 length =
                     std::min(end, input.untilMs) - std::max(start, input.sinceMs);
                 capacity.belowMs += length;
                 if (length > capacity.longestMs) {
                     capacity.longestMs = length;
                     capacity.detail = details.join(u"; "_s);
                 }
                 capacity.vip = first.span->state.subject.vip;
                 capacity.host = first.span->state.subject.host;
             });
        if (capacity.belowMs > 0)
            out.capacity << capacity;
    }
    std::sort(out.capacity.begin(), out.capacity.end(),
              [](const HistoryCapacity &a, const HistoryCapacity &b) {
                  return std::tie(a.vip, a.host) < std::tie(b.vip, b.host);
              });
    std::sort(out.reloads.begin(), out.reloads.end(),
              [](const HistoryReloads &a, const HistoryReloads &b) {
                  return std::tie(a.vip, a.host) < std::tie(b.vip, b.host);
              });
    return out;
}

} // namespace vipdeck
