#include "app/cli/fleetview.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// This file's messages, in a context lupdate can see.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vipdeck::cli)
};

} // namespace

namespace vipdeck::cli {

QString serverStateWord(const ServerObservation &server)
{
    switch (server.adminState()) {
    case AdminState::Maint:
        return u"maint"_s;
    case AdminState::Drain:
        return u"drain"_s;
    case AdminState::Ready:
        break;
    }
    return server.isUp() ? u"up"_s : u"down"_s;
}

QList<ServerRow> selectServers(const Snapshot &snapshot, const FleetFilter &filter)
{
    const QRegularExpression name =
        filter.namePattern.isEmpty()
            ? QRegularExpression()
            : QRegularExpression(
                  QRegularExpression::wildcardToRegularExpression(filter.namePattern));
    QList<ServerRow> rows;
    for (const Vip *vip : selectVips(snapshot, filter)) {
        for (const Placement &placement : vip->placements) {
            if (!filter.matchesHost(placement.host))
                continue;
            const HaproxyObservation *haproxy = snapshot.haproxy(vip->name, placement.host);
            if (!haproxy)
                continue;
            for (const BackendObservation &backend : haproxy->backends) {
                for (const ServerObservation &server : backend.servers) {
                    if (!filter.namePattern.isEmpty() && !name.match(server.name).hasMatch())
                        continue;
                    if (!filter.state.isEmpty() && serverStateWord(server) != filter.state)
                        continue;
                    rows << ServerRow{vip->name, placement.host, &server, haproxy};
                }
            }
        }
    }
    return rows;
}

QList<UnreadPlacement> unreadPlacements(const Snapshot &snapshot, const FleetFilter &filter)
{
    QList<UnreadPlacement> unread;
    for (const Vip *vip : selectVips(snapshot, filter)) {
        for (const Placement &placement : vip->placements) {
            if (!filter.matchesHost(placement.host))
                continue;
            const HaproxyObservation *haproxy = snapshot.haproxy(vip->name, placement.host);
            if (haproxy && haproxy->hasData() && !haproxy->error)
                continue;
            UnreadPlacement u{vip->name, placement.host, Tr::tr("not read yet"), -1};
            if (haproxy && haproxy->error)
                u.reason = haproxy->error->toString();
            if (haproxy && haproxy->hasData())
                u.olderDataSecs = std::max<qint64>(0, haproxy->time.secsTo(snapshot.time()));
            unread << u;
        }
    }
    return unread;
}

QList<const Vip *> selectVips(const Snapshot &snapshot, const FleetFilter &filter)
{
    QList<const Vip *> vips;
    for (const Vip &vip : snapshot.inventory().vips()) {
        if (!filter.matchesVip(vip.name))
            continue;
        if (!filter.host.isEmpty() && !snapshot.inventory().placement(vip.name, filter.host))
            continue;
        vips << &vip;
    }
    return vips;
}

QList<const Host *> selectHosts(const Snapshot &snapshot, const FleetFilter &filter)
{
    QList<const Host *> hosts;
    for (const Host &host : snapshot.inventory().hosts()) {
        if (!filter.matchesHost(host.name))
            continue;
        if (!filter.vip.isEmpty() && !snapshot.inventory().placement(filter.vip, host.name))
            continue;
        hosts << &host;
    }
    return hosts;
}

QList<FleetEvent> selectEvents(const QList<FleetEvent> &events, const FleetFilter &filter)
{
    QList<FleetEvent> selected;
    for (const FleetEvent &event : events) {
        if (!filter.vip.isEmpty() && event.vip != filter.vip)
            continue;
        if (!filter.host.isEmpty() && event.host != filter.host)
            continue;
        selected << event;
    }
    return selected;
}

QStringList unreachableHosts(const Snapshot &snapshot)
{
    QStringList hosts;
    for (const Host &host : snapshot.inventory().hosts()) {
        const HostObservation *observation = snapshot.host(host.name);
        if (!observation || !observation->reachable)
            hosts << host.name;
    }
    return hosts;
}

Result<void> validateFilter(const Inventory &inventory, const FleetFilter &filter)
{
    if (!filter.vip.isEmpty() && !inventory.vip(filter.vip)) {
        QStringList names;
        for (const Vip &vip : inventory.vips())
            names << vip.name;
        return Error(ErrorCode::InvalidArgument,
                     Tr::tr("the fleet has no VIP '%1'.").arg(filter.vip), inventory.sourceFile(),
                     Tr::tr("Known VIPs: %1.").arg(names.join(u", "_s)));
    }
    if (!filter.host.isEmpty() && !inventory.host(filter.host)) {
        QStringList names;
        for (const Host &host : inventory.hosts())
            names << host.name;
        return Error(ErrorCode::InvalidArgument,
                     Tr::tr("the fleet has no host '%1'.").arg(filter.host), inventory.sourceFile(),
                     Tr::tr("Known hosts: %1.").arg(names.join(u", "_s)));
    }
    return {};
}

std::optional<int> announcingHosts(const FleetVerdicts &verdicts, const Vip &vip)
{
    int announcing = 0;
    for (const Placement &placement : vip.placements) {
        const Verdict *cell = verdicts.placement(vip.name, placement.host);
        const Announcement a = cell ? cell->announcement : Announcement::Unknown;
        if (a == Announcement::Unknown)
            return std::nullopt;
        announcing += a == Announcement::Announced ? 1 : 0;
    }
    return announcing;
}

} // namespace vipdeck::cli
