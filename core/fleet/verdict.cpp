#include "core/fleet/verdict.h"

#include <QCoreApplication>
#include <QHostAddress>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

// This file's messages, in a context lupdate can see.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vipdeck::Verdict)
};

QString ageText(qint64 secs)
{
    if (secs < 120)
        return Tr::tr("%n second(s)", nullptr, int(secs));
    if (secs < 7200)
        return Tr::tr("%n minute(s)", nullptr, int(secs / 60));
    return Tr::tr("%n hour(s)", nullptr, int(secs / 3600));
}

// When data counts as stale: older than `secs`, unless read at or after
// `freshSince` (VerdictOptions::freshSince).
struct Staleness
{
    qint64 secs = 0;
    QDateTime freshSince;
};

void noteAge(Verdict &verdict, const QDateTime &time, const QDateTime &now, const Staleness &stale)
{
    if (!time.isValid()) {
        verdict.ageSecs = -1;
        return;
    }
    if (!verdict.dataTime.isValid() || time < verdict.dataTime)
        verdict.dataTime = time;
    verdict.ageSecs = std::max<qint64>(0, verdict.dataTime.secsTo(now));
    verdict.stale = verdict.ageSecs > stale.secs &&
                    !(stale.freshSince.isValid() && verdict.dataTime >= stale.freshSince);
}

// An address as QHostAddress prints it, so "2001:DB8::1" matches "2001:db8::1".
QString normalAddress(const QString &text)
{
    const QHostAddress address(text);
    return address.isNull() ? text : address.toString();
}

// What identifies a host's paths at an observer: its address in fleet.yaml,
// bird.router_id, and the router id its BIRD last reported.
QStringList pathIds(const Host &host, const HostObservation *observed)
{
    QStringList ids;
    for (const QString &id :
         {host.address, host.birdRouterId, observed ? observed->routerId : QString()}) {
        if (!id.isEmpty() && !ids.contains(normalAddress(id)))
            ids << normalAddress(id);
    }
    return ids;
}

// A path a route reflector passed on names its origin in originator_id; a
// path learned from the host itself names it as the neighbor or next hop.
bool pathIsFrom(const ObservedPath &path, const QStringList &ids)
{
    if (!path.originatorId.isEmpty())
        return ids.contains(normalAddress(path.originatorId));
    return ids.contains(normalAddress(path.from)) || ids.contains(normalAddress(path.nextHop));
}

bool isStale(const QDateTime &time, const QDateTime &now, const Staleness &stale)
{
    return time.secsTo(now) > stale.secs &&
           !(stale.freshSince.isValid() && time >= stale.freshSince);
}

// The observers' view of a VIP: paths from `host` (or from anyone, without).
struct FabricView
{
    QStringList heldBy;
    QStringList notHeldBy;
    QStringList unread;
    QDateTime oldestRead; // the oldest data among the observers read

    bool configured() const
    {
        return !heldBy.isEmpty() || !notHeldBy.isEmpty() || !unread.isEmpty();
    }
    bool allRead() const { return configured() && unread.isEmpty(); }
};

FabricView fabricView(const Snapshot &snapshot, const Vip &vip, const Host *host,
                      const QDateTime &now, const Staleness &stale)
{
    FabricView view;
    const QStringList ids = host ? pathIds(*host, snapshot.host(host->name)) : QStringList();
    for (const Host &observer : snapshot.inventory().observers()) {
        const ObserverObservation *seen = snapshot.observer(observer.name);
        if (!seen || !seen->hasData() || seen->error || isStale(seen->time, now, stale)) {
            view.unread << observer.name;
            continue;
        }
        if (!view.oldestRead.isValid() || seen->time < view.oldestRead)
            view.oldestRead = seen->time;
        bool held = false;
        for (const Prefix &prefix : vip.prefixes) {
            for (const ObservedPath &path : seen->paths.value(prefix.toString()))
                held |= !host || pathIsFrom(path, ids);
        }
        (held ? view.heldBy : view.notHeldBy) << observer.name;
    }
    return view;
}

QString nameList(const QStringList &names)
{
    return names.join(u", "_s);
}

// How the verdict counts one backend of a VIP's HAProxy.
struct BackendRoleSeen
{
    bool service = true;
    bool fallback = false; // decided by "has servers", no configuration read
    QString what;          // auxiliary: "health-only backend", "stats page", ...
};

QString auxiliaryWhat(AuxiliaryKind kind)
{
    switch (kind) {
    case AuxiliaryKind::StatsPage:
        return Tr::tr("stats page");
    case AuxiliaryKind::MetricsExporter:
        return Tr::tr("metrics exporter");
    case AuxiliaryKind::HealthOnly:
        return Tr::tr("health-only backend (its servers are tracked by others)");
    case AuxiliaryKind::NoServers:
        return Tr::tr("backend without servers");
    case AuxiliaryKind::Unreferenced:
        return Tr::tr("backend no frontend of the VIP routes to");
    case AuxiliaryKind::Disabled:
        return Tr::tr("disabled backend");
    case AuxiliaryKind::NotListed:
        return Tr::tr("backend not listed in haproxy.backends");
    case AuxiliaryKind::None:
        break;
    }
    return {};
}

// Service or auxiliary: fleet.yaml's haproxy.backends wins, then the VIP's
// configuration (HaproxyObservation::classification), else every backend
// with servers counts (the fallback).
BackendRoleSeen roleOf(const BackendObservation &backend, const HaproxyObservation &haproxy,
                       const Placement *placement)
{
    if (placement && !placement->serviceBackends.isEmpty()) {
        if (placement->serviceBackends.contains(backend.name))
            return {};
        return {false, false, auxiliaryWhat(AuxiliaryKind::NotListed)};
    }
    if (haproxy.classification) {
        if (const BackendClass *known = haproxy.classification->backend(backend.name)) {
            if (known->isService())
                return {};
            return {false, false, auxiliaryWhat(known->auxiliary)};
        }
    }
    if (backend.servers.isEmpty())
        return {false, true, auxiliaryWhat(AuxiliaryKind::NoServers)};
    return {true, true, {}};
}

// Whether a stopped frontend costs the VIP traffic: not a stats or metrics
// page, not one whose binds are on none of the VIP's addresses.
bool frontendIsAuxiliary(const QString &name, const HaproxyObservation &haproxy)
{
    if (!haproxy.classification)
        return false;
    for (const FrontendRoutes &routes : haproxy.classification->frontends) {
        if (routes.name == name)
            return routes.statsPage || routes.metricsExporter || routes.servesVip == VipMatch::No;
    }
    return false;
}

// Rules for one VIP on one host.
Verdict evaluatePlacement(const Vip &vip, const QString &hostName,
                          const HaproxyObservation *haproxy, const HostObservation *host,
                          const Snapshot &snapshot, const QDateTime &now, const Staleness &stale)
{
    Verdict verdict;
    verdict.health = Health::Healthy;

    if (!haproxy || !haproxy->hasData()) {
        verdict.add(
            Health::Unknown,
            haproxy && haproxy->error
                ? Tr::tr("HAProxy of %1 on %2 could not be read: %3")
                      .arg(vip.name, hostName, haproxy->error->toString())
                : Tr::tr("HAProxy of %1 on %2 has not been read yet").arg(vip.name, hostName),
            hostName);
    } else {
        noteAge(verdict, haproxy->time, now, stale);
        if (haproxy->error) {
            verdict.add(
                Health::Unknown,
                Tr::tr("HAProxy of %1 on %2 could not be read: %3; its data is %4 old")
                    .arg(vip.name, hostName, haproxy->error->toString(), ageText(verdict.ageSecs)),
                hostName);
        } else if (verdict.stale) {
            verdict.add(Health::Unknown,
                        Tr::tr("HAProxy data of %1 on %2 is %3 old")
                            .arg(vip.name, hostName, ageText(verdict.ageSecs)),
                        hostName);
        }
    }

    bool announcementKnown = host && host->hasBirdData() && !host->error;
    if (host && host->hasBirdData()) {
        noteAge(verdict, host->time, now, stale);
        verdict.announced = host->announces(vip);
    }
    const FabricView fabric =
        fabricView(snapshot, vip, snapshot.inventory().host(hostName), now, stale);
    verdict.heldBy = fabric.heldBy;
    verdict.notHeldBy = fabric.notHeldBy;
    verdict.observersUnread = fabric.unread;
    if (!announcementKnown) {
        const QString why = host && host->error
                                ? (host->reachable ? Tr::tr("BIRD on %1 could not be read: %2")
                                                   : Tr::tr("%1 is unreachable: %2"))
                                      .arg(hostName, host->error->toString())
                                : Tr::tr("BIRD on %1 has not been read yet").arg(hostName);
        const QString birdUnread =
            host && host->error
                ? Tr::tr("BIRD on %1 could not be read: %2").arg(hostName, host->error->toString())
                : Tr::tr("BIRD on %1 has not been read yet").arg(hostName);
        // The error itself is the host's reason; the fabric's sentence stays short.
        const QString unread =
            host && host->error && !host->reachable ? Tr::tr("%1 is unreachable").arg(hostName)
            : host && host->error ? Tr::tr("BIRD on %1 could not be read").arg(hostName)
                                  : Tr::tr("BIRD on %1 has not been read yet").arg(hostName);
        if (!fabric.heldBy.isEmpty()) {
            // The fabric still routes to the host: that is what counts for traffic.
            verdict.announcement = Announcement::Announced;
            verdict.announced = true;
            verdict.announcementFromFabric = true;
            verdict.add(Health::Healthy,
                        Tr::tr("%1, but %2 still hold(s) %3's path for %4: traffic still reaches "
                               "%3")
                            .arg(unread, nameList(fabric.heldBy), hostName, vip.name),
                        hostName);
        } else if (fabric.allRead()) {
            verdict.announcement = Announcement::Withdrawn;
            verdict.announced = false;
            verdict.announcementFromFabric = true;
            verdict.add(Health::Healthy,
                        Tr::tr("%1, and no observer (%2) holds a path from %3 for %4: withdrawn as "
                               "the fabric sees it")
                            .arg(unread, nameList(fabric.notHeldBy), hostName, vip.name),
                        hostName);
        } else {
            verdict.announcement = Announcement::Unknown;
            verdict.announcementUnknownWhy = why;
            if (fabric.configured())
                verdict.announcementUnknownWhy +=
                    fabric.notHeldBy.isEmpty()
                        ? Tr::tr("; no observer could be read (%1)").arg(nameList(fabric.unread))
                        : Tr::tr("; %1 hold(s) no path from %2, %3 could not be read")
                              .arg(nameList(fabric.notHeldBy), hostName, nameList(fabric.unread));
            verdict.add(Health::Unknown, birdUnread, hostName);
        }
    } else {
        verdict.announcement =
            verdict.announced ? Announcement::Announced : Announcement::Withdrawn;
        // Compare only with observers read after the host: a change between
        // the two reads would otherwise look like a disagreement.
        const bool comparable = fabric.allRead() && fabric.oldestRead >= host->time;
        if (comparable && verdict.announced && fabric.heldBy.isEmpty())
            verdict.add(Health::Degraded,
                        Tr::tr("BIRD on %1 exports %2, but no observer (%3) received it: check "
                               "its BGP sessions and the observers' import filters")
                            .arg(hostName, vip.name, nameList(fabric.notHeldBy)),
                        hostName);
        else if (comparable && !verdict.announced && !fabric.heldBy.isEmpty())
            verdict.add(Health::Degraded,
                        Tr::tr("BIRD on %1 does not export %2, but %3 still hold(s) %1's path "
                               "for it: traffic may still reach %1")
                            .arg(hostName, vip.name, nameList(fabric.heldBy)),
                        hostName);
    }

    if (haproxy && haproxy->hasData()) {
        const Placement *placement = nullptr;
        for (const Placement &p : vip.placements)
            placement = p.host == hostName ? &p : placement;
        if (haproxy->configError && !(placement && !placement->serviceBackends.isEmpty()))
            verdict.add(Health::Healthy,
                        Tr::tr("the configuration of %1 on %2 could not be read (%3): every "
                               "backend with servers counts as a service backend")
                            .arg(vip.name, hostName, haproxy->configError->toString()),
                        hostName);
        if (placement) {
            for (const QString &name : placement->serviceBackends) {
                if (!haproxy->backend(name))
                    verdict.add(Health::Degraded,
                                Tr::tr("haproxy.backends names %1, but HAProxy of %2 on %3 runs "
                                       "no backend of that name")
                                    .arg(name, vip.name, hostName),
                                hostName, name);
            }
        }
        for (const FrontendObservation &frontend : haproxy->frontends) {
            if (frontend.open)
                continue;
            if (frontendIsAuxiliary(frontend.name, *haproxy))
                verdict.add(Health::Degraded,
                            Tr::tr("frontend %1 on %2 is stopped (it serves none of %3's traffic)")
                                .arg(frontend.name, hostName, vip.name),
                            hostName);
            else
                verdict.add(Health::Critical,
                            Tr::tr("frontend %1 on %2 is stopped").arg(frontend.name, hostName),
                            hostName);
        }
        for (const BackendObservation &backend : haproxy->backends) {
            const BackendRoleSeen role = roleOf(backend, *haproxy, placement);
            const int usable = backend.usableServers();
            const int usableActive = backend.usableActiveServers();
            // A backend of backup servers only (a sorry server): they are its servers.
            const bool onlyBackups =
                !backend.servers.isEmpty() &&
                std::all_of(backend.servers.cbegin(), backend.servers.cend(),
                            [](const ServerObservation &server) { return server.backup; });
            if (role.service)
                verdict.capacity << BackendCapacity{
                    backend.name, onlyBackups ? usable : usableActive, vip.minUpServers};
            if (!role.service) {
                // Auxiliary trouble: at most degraded, and says what it is.
                if (!backend.servers.isEmpty() && usable == 0)
                    verdict.add(Health::Degraded,
                                Tr::tr("backend %1 on %2 has no UP server, but it is a %3 and "
                                       "carries none of %4's traffic")
                                    .arg(backend.name, hostName, role.what, vip.name),
                                hostName, backend.name);
            } else if (usable == 0) {
                const QString fallback =
                    role.fallback ? Tr::tr(" (counted as a service backend: it has servers and "
                                           "no configuration says otherwise)")
                                  : QString();
                verdict.add(
                    Health::Critical,
                    (verdict.announced
                         ? Tr::tr("%1 is announced on %2 while backend %3 has no UP server: "
                                  "its traffic is lost")
                               .arg(vip.name, hostName, backend.name)
                         : Tr::tr("backend %1 on %2 has no UP server")
                               .arg(backend.name, hostName)) +
                        fallback,
                    hostName, backend.name);
            } else if ((onlyBackups ? usable : usableActive) < vip.minUpServers) {
                verdict.add(
                    Health::Degraded,
                    Tr::tr("backend %1 on %2 has %3 usable server(s), fewer than the %4 it needs")
                        .arg(backend.name, hostName)
                        .arg(onlyBackups ? usable : usableActive)
                        .arg(vip.minUpServers),
                    hostName, backend.name);
            }
            for (const ServerObservation &server : backend.servers) {
                const bool down = !server.isUp();
                if (down && server.adminState() == AdminState::Ready) {
                    const QString check = server.checkStatus.isEmpty()
                                              ? QString()
                                              : u" ("_s + server.checkStatus + u')';
                    if ((server.backup && !onlyBackups) || !role.service)
                        verdict.add(
                            Health::Healthy,
                            role.service
                                ? Tr::tr("backup server %1/%2 on %3 is DOWN%4")
                                      .arg(backend.name, server.name, hostName, check)
                                : Tr::tr("server %1/%2 on %3 is DOWN%4 (in a %5)")
                                      .arg(backend.name, server.name, hostName, check, role.what),
                            hostName, backend.name, server.name);
                    else
                        verdict.add(Health::Degraded,
                                    Tr::tr("server %1/%2 on %3 is DOWN%4")
                                        .arg(backend.name, server.name, hostName, check),
                                    hostName, backend.name, server.name);
                } else if (server.adminState() != AdminState::Ready) {
                    verdict.add(Health::Healthy,
                                Tr::tr("server %1/%2 on %3 is in %4")
                                    .arg(backend.name, server.name, hostName,
                                         server.adminState() == AdminState::Drain
                                             ? Tr::tr("drain")
                                             : Tr::tr("maintenance")),
                                hostName, backend.name, server.name);
                }
            }
        }
    }

    if (announcementKnown && verdict.announced) {
        for (const BgpSessionObservation &session : host->bgpSessions) {
            if (session.state != BgpState::Established)
                verdict.add(Health::Degraded,
                            Tr::tr("BGP session %1 to %2 on %3 is %4%5")
                                .arg(session.protocol, session.neighborAddress, hostName,
                                     bgpStateName(session.state),
                                     session.info.isEmpty() ? QString() : u": "_s + session.info),
                            hostName);
        }
        for (const BfdSessionObservation &bfd : host->bfdSessions) {
            if (!bfd.isUp())
                verdict.add(Health::Degraded,
                            Tr::tr("BFD session to %1 on %2 is %3")
                                .arg(bfd.address, hostName, bfdStateName(bfd.state)),
                            hostName);
        }
    }
    return verdict;
}

Verdict evaluateHost(const Host &hostConfig, const HostObservation *host, const QDateTime &now,
                     const Staleness &stale)
{
    Verdict verdict;
    verdict.health = Health::Healthy;
    const QString &name = hostConfig.name;
    if (!host || (!host->hasBirdData() && !host->error)) {
        verdict.add(Health::Unknown, Tr::tr("%1 has not been read yet").arg(name), name);
        return verdict;
    }
    noteAge(verdict, host->time, now, stale);
    if (!host->reachable) {
        verdict.add(Health::Unknown,
                    Tr::tr("%1 is unreachable: %2")
                        .arg(name, host->error ? host->error->toString() : Tr::tr("no answer")),
                    name);
        return verdict;
    }
    if (host->error)
        verdict.add(Health::Unknown,
                    Tr::tr("BIRD on %1 could not be read: %2").arg(name, host->error->toString()),
                    name);
    if (verdict.stale)
        verdict.add(Health::Unknown,
                    Tr::tr("data of %1 is %2 old").arg(name, ageText(verdict.ageSecs)), name);
    if (host->hasBirdData() && host->bgpSessions.isEmpty())
        verdict.add(Health::Degraded, Tr::tr("%1 has no BGP session").arg(name), name);
    int established = 0;
    for (const BgpSessionObservation &session : host->bgpSessions) {
        if (session.state == BgpState::Established) {
            ++established;
            continue;
        }
        verdict.add(Health::Degraded,
                    Tr::tr("BGP session %1 to %2 is %3%4")
                        .arg(session.protocol, session.neighborAddress, bgpStateName(session.state),
                             session.info.isEmpty() ? QString() : u": "_s + session.info),
                    name);
    }
    if (!host->bgpSessions.isEmpty() && established == 0)
        verdict.add(Health::Critical,
                    Tr::tr("%1 has no Established BGP session: it announces nothing").arg(name),
                    name);
    for (const BfdSessionObservation &bfd : host->bfdSessions) {
        if (!bfd.isUp())
            verdict.add(Health::Degraded,
                        Tr::tr("BFD session to %1 is %2").arg(bfd.address, bfdStateName(bfd.state)),
                        name);
    }
    return verdict;
}

// An observer is healthy when it can be read; what it holds is judged per VIP.
Verdict evaluateObserver(const Host &config, const ObserverObservation *observer,
                         const QDateTime &now, const Staleness &stale)
{
    Verdict verdict;
    verdict.health = Health::Healthy;
    const QString &name = config.name;
    if (!observer || (!observer->hasData() && !observer->error)) {
        verdict.add(Health::Unknown, Tr::tr("observer %1 has not been read yet").arg(name), name);
        return verdict;
    }
    noteAge(verdict, observer->time, now, stale);
    if (observer->error)
        verdict.add(Health::Unknown,
                    (observer->reachable ? Tr::tr("BIRD on observer %1 could not be read: %2")
                                         : Tr::tr("observer %1 is unreachable: %2"))
                        .arg(name, observer->error->toString()),
                    name);
    else if (verdict.stale)
        verdict.add(Health::Unknown,
                    Tr::tr("data of observer %1 is %2 old").arg(name, ageText(verdict.ageSecs)),
                    name);
    return verdict;
}

} // namespace

QList<ServerDrift> serverDrifts(const Vip &vip, const Snapshot &snapshot)
{
    QHash<QString, ServerDrift> byServer; // "backend/server"
    QStringList order;
    for (const Placement &placement : vip.placements) {
        const HaproxyObservation *haproxy = snapshot.haproxy(vip.name, placement.host);
        if (!haproxy || !haproxy->hasData())
            continue;
        for (const BackendObservation &backend : haproxy->backends) {
            for (const ServerObservation &server : backend.servers) {
                const QString id = backend.name + u'/' + server.name;
                ServerDrift &drift = byServer[id];
                if (drift.seen.isEmpty()) {
                    order << id;
                    drift.backend = backend.name;
                    drift.server = server.name;
                }
                drift.seen.append({placement.host, server.adminState(), server.weight});
            }
        }
    }
    QList<ServerDrift> drifts;
    for (const QString &id : std::as_const(order)) {
        ServerDrift &drift = byServer[id];
        if (drift.seen.size() < 2)
            continue;
        for (const ServerDrift::Seen &s : std::as_const(drift.seen)) {
            drift.adminDiffers |= s.admin != drift.seen.first().admin;
            drift.weightDiffers |= s.weight != drift.seen.first().weight;
        }
        if (drift.adminDiffers || drift.weightDiffers)
            drifts << std::move(drift);
    }
    return drifts;
}

namespace {

void addDrift(Verdict &verdict, const Vip &vip, const Snapshot &snapshot)
{
    for (const ServerDrift &drift : serverDrifts(vip, snapshot)) {
        QStringList parts;
        for (const ServerDrift::Seen &s : drift.seen)
            parts << (drift.adminDiffers ? Tr::tr("%1 on %2").arg(adminStateName(s.admin), s.host)
                                         : Tr::tr("weight %1 on %2").arg(s.weight).arg(s.host));
        const QString id = drift.backend + u'/' + drift.server;
        verdict.add(Health::Degraded, Tr::tr("drift: %1 is %2").arg(id, parts.join(u", "_s)), {},
                    drift.backend, drift.server);
    }
}

Verdict evaluateVip(const Vip &vip, const Group *group, const FleetVerdicts &fleet,
                    const Snapshot &snapshot, const QDateTime &now, const Staleness &stale)
{
    Verdict verdict;
    verdict.health = Health::Healthy;
    const FabricView fabric = fabricView(snapshot, vip, nullptr, now, stale);
    verdict.heldBy = fabric.heldBy;
    verdict.notHeldBy = fabric.notHeldBy;
    verdict.observersUnread = fabric.unread;
    QStringList announcing;
    QStringList unknownHosts;
    for (const Placement &placement : vip.placements) {
        const Verdict *cell = fleet.placement(vip.name, placement.host);
        if (!cell)
            continue;
        // A host that lost its servers but withdrew the prefix costs redundancy,
        // not traffic: critical for the VIP only where it still announces.
        for (const Reason &reason : cell->reasons) {
            const Health severity = reason.severity == Health::Critical && !cell->announced
                                        ? Health::Degraded
                                        : reason.severity;
            verdict.add(severity, reason.text, reason.host, reason.backend, reason.server);
        }
        if (cell->dataTime.isValid() &&
            (!verdict.dataTime.isValid() || cell->dataTime < verdict.dataTime))
            verdict.dataTime = cell->dataTime;
        verdict.stale |= cell->stale;
        verdict.ageSecs = std::max(verdict.ageSecs, cell->ageSecs);
        verdict.announced |= cell->announced;
        if (cell->announcement == Announcement::Announced)
            announcing << placement.host;
        else if (cell->announcement == Announcement::Unknown)
            unknownHosts << placement.host;
    }
    verdict.announcement = !announcing.isEmpty()     ? Announcement::Announced
                           : !unknownHosts.isEmpty() ? Announcement::Unknown
                                                     : Announcement::Withdrawn;
    if (verdict.announcement == Announcement::Unknown)
        verdict.announcementUnknownWhy =
            Tr::tr("announcement unknown on %1").arg(unknownHosts.join(u", "_s));
    if (group && !unknownHosts.isEmpty())
        verdict.add(Health::Unknown,
                    Tr::tr("whether %1 announce(s) %2 is unknown: outage and redundancy are not "
                           "judged until it is read")
                        .arg(unknownHosts.join(u", "_s), vip.name));

    if (group && unknownHosts.isEmpty()) {
        const int hostCount = int(group->hosts.size());
        if (announcing.isEmpty()) {
            QString text =
                Tr::tr("%1 is withdrawn on every host of %2: outage").arg(vip.name, group->name);
            if (!fabric.heldBy.isEmpty())
                text +=
                    Tr::tr(" (but %1 still hold(s) a path for it)").arg(nameList(fabric.heldBy));
            else if (fabric.allRead())
                text +=
                    Tr::tr(" (confirmed by %1: no path for it)").arg(nameList(fabric.notHeldBy));
            verdict.add(Health::Critical, text);
        } else if (group->mode == GroupMode::ActiveActive && announcing.size() < hostCount) {
            QStringList missing;
            for (const QString &h : group->hosts) {
                if (!announcing.contains(h))
                    missing << h;
            }
            verdict.add(Health::Degraded,
                        Tr::tr("%1 is announced by %2 of %3 hosts (not by %4): no redundancy")
                            .arg(vip.name)
                            .arg(announcing.size())
                            .arg(hostCount)
                            .arg(missing.join(u", "_s)));
        } else if (group->mode == GroupMode::PrimaryBackup) {
            if (announcing.size() > 1)
                verdict.add(
                    Health::Degraded,
                    Tr::tr("%1 is announced by %2 at once; only the primary %3 should announce it")
                        .arg(vip.name, announcing.join(u", "_s), group->primary));
            else if (announcing.first() != group->primary)
                verdict.add(Health::Degraded,
                            Tr::tr("%1 is announced by backup %2, not by primary %3")
                                .arg(vip.name, announcing.first(), group->primary));
        }
    }
    addDrift(verdict, vip, snapshot);
    return verdict;
}

} // namespace

QString announcementName(Announcement announcement)
{
    switch (announcement) {
    case Announcement::Announced:
        return Tr::tr("announced");
    case Announcement::Withdrawn:
        return Tr::tr("withdrawn");
    case Announcement::Unknown:
        break;
    }
    return Tr::tr("unknown");
}

QString healthKey(Health health)
{
    switch (health) {
    case Health::Healthy:
        return u"healthy"_s;
    case Health::Unknown:
        return u"unknown"_s;
    case Health::Degraded:
        return u"degraded"_s;
    case Health::Critical:
        return u"critical"_s;
    }
    return u"unknown"_s;
}

std::optional<Health> healthFromKey(QStringView key)
{
    for (const Health h : {Health::Healthy, Health::Unknown, Health::Degraded, Health::Critical})
        if (key == healthKey(h))
            return h;
    return std::nullopt;
}

QString announcementKey(Announcement announcement)
{
    switch (announcement) {
    case Announcement::Announced:
        return u"announced"_s;
    case Announcement::Withdrawn:
        return u"withdrawn"_s;
    case Announcement::Unknown:
        break;
    }
    return u"unknown"_s;
}

QString healthName(Health health)
{
    switch (health) {
    case Health::Healthy:
        return Tr::tr("healthy");
    case Health::Unknown:
        return Tr::tr("unknown");
    case Health::Degraded:
        return Tr::tr("degraded");
    case Health::Critical:
        return Tr::tr("critical");
    }
    return Tr::tr("unknown");
}

Health worse(Health a, Health b)
{
    return int(a) >= int(b) ? a : b;
}

void Verdict::add(Health severity, QString text, QString host, QString backend, QString server)
{
    health = worse(health, severity);
    Reason reason{severity, std::move(text), std::move(host), std::move(backend),
                  std::move(server)};
    // Keep reasons worst first, in the order found within one severity.
    const auto at = std::find_if(reasons.begin(), reasons.end(),
                                 [&](const Reason &r) { return int(r.severity) < int(severity); });
    reasons.insert(at, std::move(reason));
}

QStringList Verdict::decidedBy() const
{
    if (!announcementFromFabric)
        return {};
    return announcement == Announcement::Announced ? heldBy : notHeldBy;
}

QString Verdict::summary() const
{
    if (reasons.isEmpty() || reasons.first().severity == Health::Healthy)
        return health == Health::Healthy ? Tr::tr("healthy") : healthName(health);
    return reasons.first().text;
}

const Verdict *FleetVerdicts::placement(const QString &vip, const QString &host) const
{
    const auto it = placements.constFind(Snapshot::key(vip, host));
    return it == placements.constEnd() ? nullptr : &it.value();
}

FleetVerdicts evaluateFleet(const Snapshot &snapshot, const QDateTime &now,
                            const VerdictOptions &options)
{
    FleetVerdicts fleet;
    const Inventory &inventory = snapshot.inventory();
    for (const Host &host : inventory.hosts()) {
        const Staleness stale{qint64(options.staleAfterIntervals) *
                                  inventory.pollInterval().count() / 1000,
                              options.freshSince};
        fleet.hosts.insert(host.name, evaluateHost(host, snapshot.host(host.name), now, stale));
    }
    for (const Vip &vip : inventory.vips()) {
        const Staleness stale{qint64(options.staleAfterIntervals) * vip.pollInterval.count() / 1000,
                              options.freshSince};
        for (const Placement &placement : vip.placements) {
            fleet.placements.insert(
                Snapshot::key(vip.name, placement.host),
                evaluatePlacement(vip, placement.host, snapshot.haproxy(vip.name, placement.host),
                                  snapshot.host(placement.host), snapshot, now, stale));
        }
    }
    for (const Vip &vip : inventory.vips()) {
        const Staleness stale{qint64(options.staleAfterIntervals) * vip.pollInterval.count() / 1000,
                              options.freshSince};
        fleet.vips.insert(
            vip.name, evaluateVip(vip, inventory.group(vip.group), fleet, snapshot, now, stale));
    }
    const Staleness observerStale{qint64(options.staleAfterIntervals) *
                                      inventory.pollInterval().count() / 1000,
                                  options.freshSince};
    for (const Host &observer : inventory.observers())
        fleet.observers.insert(
            observer.name,
            evaluateObserver(observer, snapshot.observer(observer.name), now, observerStale));
    return fleet;
}

} // namespace vipdeck
