#include "core/fleet/event.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

// This file's messages, in a context lupdate can see.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vipdeck::FleetEvent)
};

FleetEvent make(FleetEvent::Kind kind, FleetEvent::Severity severity, QDateTime time, QString host,
                QString vip, QString before, QString after, QString text)
{
    FleetEvent e;
    e.kind = kind;
    e.severity = severity;
    e.time = std::move(time);
    e.host = std::move(host);
    e.vip = std::move(vip);
    e.before = std::move(before);
    e.after = std::move(after);
    e.text = std::move(text);
    return e;
}

void diffServers(const HaproxyObservation &was, const HaproxyObservation &now,
                 QList<FleetEvent> &out)
{
    for (const BackendObservation &backend : now.backends) {
        const BackendObservation *old = was.backend(backend.name);
        if (!old)
            continue;
        for (const ServerObservation &server : backend.servers) {
            const auto match =
                std::find_if(old->servers.cbegin(), old->servers.cend(),
                             [&](const ServerObservation &s) { return s.name == server.name; });
            if (match == old->servers.cend())
                continue;
            const auto add = [&](FleetEvent::Kind kind, FleetEvent::Severity severity,
                                 const QString &before, const QString &after, const QString &what) {
                FleetEvent e = make(
                    kind, severity, now.time, now.host, now.vip, before, after,
                    Tr::tr("%1/%2 on %3 (%4): %5 %6 → %7")
                        .arg(backend.name, server.name, now.host, now.vip, what, before, after));
                e.backend = backend.name;
                e.server = server.name;
                out << e;
            };
            // A drain or maintenance changes HAProxy's status word too
            // (UP -> DRAIN): the admin event below says it, once.  A server
            // that went DOWN as well still gets its status event.
            const bool adminChanged = match->adminState() != server.adminState();
            const bool statusIsTheAdminState =
                adminChanged && (server.status.state == ServerState::Drain ||
                                 server.status.state == ServerState::Maint);
            if (match->status != server.status && !statusIsTheAdminState) {
                const bool worse = match->isUp() && !server.isUp();
                add(FleetEvent::Kind::ServerStatus,
                    worse ? (server.backup ? FleetEvent::Severity::Warning
                                           : FleetEvent::Severity::Problem)
                          : FleetEvent::Severity::Info,
                    match->status.raw, server.status.raw, Tr::tr("status"));
            }
            if (adminChanged)
                add(FleetEvent::Kind::ServerAdmin, FleetEvent::Severity::Warning,
                    adminStateName(match->adminState()), adminStateName(server.adminState()),
                    Tr::tr("admin state"));
            if (match->weight != server.weight)
                add(FleetEvent::Kind::ServerWeight, FleetEvent::Severity::Info,
                    QString::number(match->weight), QString::number(server.weight),
                    Tr::tr("weight"));
        }
    }
}

void diffHaproxy(const HaproxyObservation *was, const HaproxyObservation &now,
                 QList<FleetEvent> &out)
{
    const bool wasOk = was && was->hasData() && !was->error;
    const bool isOk = now.hasData() && !now.error;
    const QDateTime when = now.time.isValid() ? now.time : QDateTime::currentDateTimeUtc();
    if (was && wasOk && !isOk) {
        out << make(FleetEvent::Kind::HaproxyUnreachable, FleetEvent::Severity::Problem, when,
                    now.host, now.vip, Tr::tr("answering"), Tr::tr("not answering"),
                    Tr::tr("HAProxy of %1 on %2 stopped answering: %3")
                        .arg(now.vip, now.host, now.error ? now.error->toString() : QString()));
        return;
    }
    if (was && !wasOk && isOk && was->error) {
        out << make(FleetEvent::Kind::HaproxyReachable, FleetEvent::Severity::Info, when, now.host,
                    now.vip, Tr::tr("not answering"), Tr::tr("answering"),
                    Tr::tr("HAProxy of %1 on %2 answers again").arg(now.vip, now.host));
    }
    if (!wasOk || !isOk)
        return;
    if (was->pid != now.pid && was->pid != 0 && now.pid != 0)
        out << make(FleetEvent::Kind::HaproxyReloaded, FleetEvent::Severity::Info, when, now.host,
                    now.vip, QString::number(was->pid), QString::number(now.pid),
                    Tr::tr("HAProxy of %1 on %2 has a new worker: pid %3 → %4")
                        .arg(now.vip, now.host)
                        .arg(was->pid)
                        .arg(now.pid));
    diffServers(*was, now, out);
}

void diffHost(const Inventory &inventory, const HostObservation *was, const HostObservation &now,
              QList<FleetEvent> &out)
{
    const QDateTime when =
        now.time.isValid() && !now.error ? now.time : QDateTime::currentDateTimeUtc();
    if (was && was->reachable && !now.reachable) {
        out << make(FleetEvent::Kind::HostUnreachable, FleetEvent::Severity::Problem, when,
                    now.host, {}, Tr::tr("reachable"), Tr::tr("unreachable"),
                    Tr::tr("%1 is unreachable: %2")
                        .arg(now.host, now.error ? now.error->toString() : QString()));
        return;
    }
    if (was && !was->reachable && was->error && now.reachable)
        out << make(FleetEvent::Kind::HostReachable, FleetEvent::Severity::Info, when, now.host, {},
                    Tr::tr("unreachable"), Tr::tr("reachable"),
                    Tr::tr("%1 is reachable again").arg(now.host));
    if (!was || !was->hasBirdData() || !now.hasBirdData() || now.error || was->error)
        return;

    for (const Vip *vip : inventory.vipsOnHost(now.host)) {
        const bool before = was->announces(*vip);
        const bool after = now.announces(*vip);
        if (before == after)
            continue;
        out << make(after ? FleetEvent::Kind::VipAnnounced : FleetEvent::Kind::VipWithdrawn,
                    after ? FleetEvent::Severity::Info : FleetEvent::Severity::Warning, when,
                    now.host, vip->name, before ? Tr::tr("announced") : Tr::tr("withdrawn"),
                    after ? Tr::tr("announced") : Tr::tr("withdrawn"),
                    after ? Tr::tr("%1 is announced by %2").arg(vip->name, now.host)
                          : Tr::tr("%1 is withdrawn on %2").arg(vip->name, now.host));
    }
    for (const BgpSessionObservation &session : now.bgpSessions) {
        const auto old = std::find_if(
            was->bgpSessions.cbegin(), was->bgpSessions.cend(),
            [&](const BgpSessionObservation &s) { return s.protocol == session.protocol; });
        if (old == was->bgpSessions.cend() || old->state == session.state)
            continue;
        FleetEvent e =
            make(FleetEvent::Kind::BgpSession,
                 session.state == BgpState::Established ? FleetEvent::Severity::Info
                                                        : FleetEvent::Severity::Problem,
                 when, now.host, {}, bgpStateName(old->state), bgpStateName(session.state),
                 Tr::tr("BGP session %1 to %2 on %3: %4 → %5%6")
                     .arg(session.protocol, session.neighborAddress, now.host,
                          bgpStateName(old->state), bgpStateName(session.state),
                          session.info.isEmpty() ? QString() : u" ("_s + session.info + u')'));
        e.protocol = session.protocol;
        out << e;
    }
    for (const BfdSessionObservation &bfd : now.bfdSessions) {
        const auto old =
            std::find_if(was->bfdSessions.cbegin(), was->bfdSessions.cend(),
                         [&](const BfdSessionObservation &s) { return s.address == bfd.address; });
        if (old == was->bfdSessions.cend() || old->state == bfd.state)
            continue;
        FleetEvent e = make(
            FleetEvent::Kind::BfdSession,
            bfd.isUp() ? FleetEvent::Severity::Info : FleetEvent::Severity::Problem, when, now.host,
            {}, bfdStateName(old->state), bfdStateName(bfd.state),
            Tr::tr("BFD session to %1 on %2: %3 → %4")
                .arg(bfd.address, now.host, bfdStateName(old->state), bfdStateName(bfd.state)));
        e.protocol = bfd.address;
        out << e;
    }
}

} // namespace

QString FleetEvent::subject() const
{
    if (!server.isEmpty())
        return server;
    if (!vip.isEmpty())
        return vip + u'@' + host;
    return host;
}

QString eventKindName(FleetEvent::Kind kind)
{
    switch (kind) {
    case FleetEvent::Kind::ServerStatus:
        return u"server-status"_s;
    case FleetEvent::Kind::ServerAdmin:
        return u"server-admin"_s;
    case FleetEvent::Kind::ServerWeight:
        return u"server-weight"_s;
    case FleetEvent::Kind::VipAnnounced:
        return u"vip-announced"_s;
    case FleetEvent::Kind::VipWithdrawn:
        return u"vip-withdrawn"_s;
    case FleetEvent::Kind::BgpSession:
        return u"bgp-session"_s;
    case FleetEvent::Kind::BfdSession:
        return u"bfd-session"_s;
    case FleetEvent::Kind::HaproxyReloaded:
        return u"haproxy-reloaded"_s;
    case FleetEvent::Kind::HaproxyUnreachable:
        return u"haproxy-unreachable"_s;
    case FleetEvent::Kind::HaproxyReachable:
        return u"haproxy-reachable"_s;
    case FleetEvent::Kind::HostUnreachable:
        return u"host-unreachable"_s;
    case FleetEvent::Kind::HostReachable:
        return u"host-reachable"_s;
    }
    return u"unknown"_s;
}

QList<FleetEvent> diffSnapshots(const Snapshot &before, const Snapshot &after)
{
    QList<FleetEvent> events;
    for (const HostObservation &host : after.hosts())
        diffHost(after.inventory(), before.host(host.host), host, events);
    for (const HaproxyObservation &haproxy : after.haproxies())
        diffHaproxy(before.haproxy(haproxy.vip, haproxy.host), haproxy, events);
    std::stable_sort(events.begin(), events.end(),
                     [](const FleetEvent &a, const FleetEvent &b) { return a.time < b.time; });
    return events;
}

} // namespace vipdeck
