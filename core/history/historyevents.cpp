#include "core/history/historyevents.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

// The live events' context: the same sentences share one translation.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vipdeck::FleetEvent)
};

const QString kUnknown = u"unknown"_s;

bool servesWord(const QString &status)
{
    return status == u"UP"_s || status == u"no check"_s || status == u"NOLB"_s;
}

FleetEvent make(FleetEvent::Kind kind, FleetEvent::Severity severity, const HistorySpan &was,
                const HistorySpan &now, QString text)
{
    const HistorySubject &s = now.state.subject;
    FleetEvent e;
    e.kind = kind;
    e.severity = severity;
    e.time = QDateTime::fromMSecsSinceEpoch(now.startedMs, Qt::UTC);
    e.host = s.host;
    e.vip = s.vip;
    e.backend = s.backend;
    e.server = s.server;
    e.protocol = s.protocol;
    e.before = was.state.state;
    e.after = now.state.state;
    e.text = std::move(text);
    return e;
}

// Servers whose admin state changed at `ms`: their status word changed
// with it (UP -> DRAIN), and the admin event says it once.
QString serverAt(const HistorySubject &s, qint64 ms)
{
    return s.host + u'\x1f' + s.vip + u'\x1f' + s.backend + u'\x1f' + s.server + u'\x1f' +
           QString::number(ms);
}

std::optional<FleetEvent> change(const HistorySpan &was, const HistorySpan &now,
                                 const QSet<QString> &adminChanges)
{
    const HistorySubject &s = now.state.subject;
    const QString &before = was.state.state;
    const QString &after = now.state.state;
    const bool known = before != kUnknown && after != kUnknown;
    switch (s.kind) {
    case HistoryKind::ServerStatus: {
        if (!known)
            return std::nullopt;
        if ((after == u"DRAIN"_s || after == u"MAINT"_s) &&
            adminChanges.contains(serverAt(s, now.startedMs)))
            return std::nullopt;
        const bool worse = servesWord(before) && !servesWord(after);
        return make(FleetEvent::Kind::ServerStatus,
                    worse ? FleetEvent::Severity::Problem : FleetEvent::Severity::Info, was, now,
                    Tr::tr("%1/%2 on %3 (%4): %5 %6 → %7")
                        .arg(s.backend, s.server, s.host, s.vip, Tr::tr("status"), before, after));
    }
    case HistoryKind::ServerAdmin:
        if (!known)
            return std::nullopt;
        return make(
            FleetEvent::Kind::ServerAdmin, FleetEvent::Severity::Warning, was, now,
            Tr::tr("%1/%2 on %3 (%4): %5 %6 → %7")
                .arg(s.backend, s.server, s.host, s.vip, Tr::tr("admin state"), before, after));
    case HistoryKind::Announcement: {
        if (!known)
            return std::nullopt;
        const bool announced = after == announcementKey(Announcement::Announced);
        return make(announced ? FleetEvent::Kind::VipAnnounced : FleetEvent::Kind::VipWithdrawn,
                    announced ? FleetEvent::Severity::Info : FleetEvent::Severity::Warning, was,
                    now,
                    announced ? Tr::tr("%1 is announced by %2").arg(s.vip, s.host)
                              : Tr::tr("%1 is withdrawn on %2").arg(s.vip, s.host));
    }
    case HistoryKind::Haproxy:
        if (before == u"running"_s && after == u"running"_s)
            return make(FleetEvent::Kind::HaproxyReloaded, FleetEvent::Severity::Info, was, now,
                        Tr::tr("HAProxy of %1 on %2 has a new worker: %3 → %4")
                            .arg(s.vip, s.host, was.state.detail, now.state.detail));
        if (before == u"running"_s && after == u"unreachable"_s)
            return make(FleetEvent::Kind::HaproxyUnreachable, FleetEvent::Severity::Problem, was,
                        now,
                        Tr::tr("HAProxy of %1 on %2 stopped answering: %3")
                            .arg(s.vip, s.host, now.state.detail));
        if (before == u"unreachable"_s && after == u"running"_s)
            return make(FleetEvent::Kind::HaproxyReachable, FleetEvent::Severity::Info, was, now,
                        Tr::tr("HAProxy of %1 on %2 answers again").arg(s.vip, s.host));
        return std::nullopt;
    case HistoryKind::Reachability:
        if (before == u"reachable"_s && after == u"unreachable"_s)
            return make(FleetEvent::Kind::HostUnreachable, FleetEvent::Severity::Problem, was, now,
                        Tr::tr("%1 is unreachable: %2").arg(s.host, now.state.detail));
        if (before == u"unreachable"_s && after == u"reachable"_s)
            return make(FleetEvent::Kind::HostReachable, FleetEvent::Severity::Info, was, now,
                        Tr::tr("%1 is reachable again").arg(s.host));
        return std::nullopt;
    case HistoryKind::Bgp:
        if (!known)
            return std::nullopt;
        return make(
            FleetEvent::Kind::BgpSession,
            after == u"Established"_s ? FleetEvent::Severity::Info : FleetEvent::Severity::Problem,
            was, now,
            Tr::tr("BGP session %1 on %2: %3 → %4%5")
                .arg(s.protocol, s.host, before, after,
                     now.state.detail.isEmpty() ? QString() : u" ("_s + now.state.detail + u')'));
    case HistoryKind::Bfd:
        if (!known)
            return std::nullopt;
        return make(
            FleetEvent::Kind::BfdSession,
            after == u"Up"_s ? FleetEvent::Severity::Info : FleetEvent::Severity::Problem, was, now,
            Tr::tr("BFD session to %1 on %2: %3 → %4").arg(s.protocol, s.host, before, after));
    case HistoryKind::Placement:
    case HistoryKind::Vip:
    case HistoryKind::Host:
    case HistoryKind::Capacity:
        return std::nullopt; // verdicts are not events
    }
    return std::nullopt;
}

} // namespace

QList<FleetEvent> historyEvents(const QList<HistorySpan> &spans)
{
    QHash<QString, QList<const HistorySpan *>> bySubject;
    QSet<QString> adminChanges;
    for (const HistorySpan &span : spans) {
        bySubject[span.state.subject.key()] << &span;
        if (span.state.subject.kind == HistoryKind::ServerAdmin)
            adminChanges.insert(serverAt(span.state.subject, span.startedMs));
    }
    QList<FleetEvent> out;
    for (QList<const HistorySpan *> &list : bySubject) {
        std::sort(list.begin(), list.end(), [](const HistorySpan *a, const HistorySpan *b) {
            return a->startedMs < b->startedMs;
        });
        for (qsizetype i = 1; i < list.size(); ++i) {
            const HistorySpan &was = *list[i - 1];
            const HistorySpan &now = *list[i];
            // Only a change seen by consecutive polls: across time nobody
            // recorded there is no event, only a gap.
            if (!was.endedMs || *was.endedMs != now.startedMs || was.state.sameAs(now.state))
                continue;
            if (std::optional<FleetEvent> e = change(was, now, adminChanges))
                out << *e;
        }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const FleetEvent &a, const FleetEvent &b) { return a.time < b.time; });
    return out;
}

} // namespace vipdeck
