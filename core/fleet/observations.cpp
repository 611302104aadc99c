#include "core/fleet/observations.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

qint64 counter(qint64 value)
{
    return value == StatRow::NotReported ? 0 : value;
}

ServerObservation serverObservation(const StatRow &row, const ServerStateRow *state)
{
    ServerObservation server;
    server.backend = row.proxy;
    server.name = row.name;
    server.status = row.status;
    server.backup = row.isBackup;
    server.weight = int(counter(row.weight));
    server.sessions = counter(row.scur);
    server.maxSessions = counter(row.smax);
    server.sessionLimit = counter(row.slim);
    server.totalSessions = counter(row.stot);
    server.sessionRate = counter(row.rate);
    server.http5xx = counter(row.hrsp5xx);
    server.checkStatus = row.checkStatus;
    server.checkCode = int(counter(row.checkCode));
    server.lastChangeSecs = row.lastChange;
    server.downtimeSecs = counter(row.downtime);
    server.checkFailures = counter(row.chkfail);
    if (state) {
        server.adminFlags = state->adminFlags;
        server.initialWeight = int(state->initialWeight);
    } else {
        server.initialWeight = server.weight;
    }
    return server;
}

} // namespace

HaproxyObservation haproxyObservation(const HaproxyPoll &poll, const Placement &placement,
                                      const QDateTime &time)
{
    HaproxyObservation h;
    h.vip = placement.vip;
    h.host = placement.host;
    h.time = time;
    h.pid = poll.info.pid;
    h.version = poll.info.version;
    h.uptimeSecs = poll.info.uptimeSec;

    // `show stat` and `show servers state` list servers in the same order, so
    // the search starts after the last match: one comparison per row instead
    // of hashing "backend/server" keys every poll, and still linear when a
    // backend has hundreds of servers.
    const QList<ServerStateRow> &states = poll.serverStates;
    qsizetype cursor = 0;
    const auto stateOf = [&](const StatRow &row) -> const ServerStateRow * {
        for (qsizetype n = 0; n < states.size(); ++n) {
            const qsizetype i = (cursor + n) % states.size();
            if (states.at(i).server == row.name && states.at(i).backend == row.proxy) {
                cursor = i + 1;
                return &states.at(i);
            }
        }
        return nullptr;
    };

    // Servers come before their BACKEND row in `show stat`: whichever row
    // names a backend first creates it.
    const auto backendNamed = [&](const QString &name) -> BackendObservation & {
        for (BackendObservation &backend : h.backends) {
            if (backend.name == name)
                return backend;
        }
        h.backends.append(BackendObservation{});
        h.backends.last().name = name;
        return h.backends.last();
    };
    for (const StatRow &row : poll.stats) {
        switch (row.type) {
        case StatType::Frontend: {
            FrontendObservation fe;
            fe.name = row.proxy;
            fe.open = row.status.state == ServerState::Open;
            fe.sessions = counter(row.scur);
            fe.sessionRate = counter(row.rate);
            fe.requestRate = counter(row.reqRate);
            fe.http5xx = counter(row.hrsp5xx);
            h.frontends << fe;
            break;
        }
        case StatType::Backend: {
            BackendObservation &be = backendNamed(row.proxy);
            be.up = row.status.state == ServerState::Up;
            be.sessions = counter(row.scur);
            be.sessionRate = counter(row.rate);
            be.requestRate = counter(row.reqRate);
            be.http5xx = counter(row.hrsp5xx);
            break;
        }
        case StatType::Server: {
            backendNamed(row.proxy).servers << serverObservation(row, stateOf(row));
            break;
        }
        case StatType::Listener:
            break;
        }
    }
    return h;
}

HostObservation hostObservation(const BirdPoll &poll, const QString &host,
                                const QList<Placement> &placements, const QDateTime &time)
{
    HostObservation h;
    h.host = host;
    h.time = time;
    h.reachable = true;
    h.birdVersion = poll.status.version;
    h.routerId = poll.status.routerId;

    QHash<QString, const BirdProtocol *> byName;
    for (const BirdProtocol &protocol : poll.protocols) {
        byName.insert(protocol.name, &protocol);
        if (!protocol.isBgp())
            continue;
        BgpSessionObservation session;
        session.protocol = protocol.name;
        session.neighborAddress = protocol.bgp->neighborAddress;
        session.neighborAs = protocol.bgp->neighborAs.value_or(0);
        session.localAs = protocol.bgp->localAs.value_or(0);
        session.protocolState = protocol.state;
        session.state = protocol.bgp->state;
        session.since = protocol.since.text;
        session.sinceTime = birdTimeToUtc(protocol.since, poll.status.serverTime, time);
        session.info = protocol.info;
        session.lastError = protocol.bgp->lastError;
        session.routesImported = std::max(0, protocol.routesImported());
        session.routesExported = std::max(0, protocol.routesExported());
        for (const BirdRoute &route : poll.exports.value(protocol.name))
            session.exportedPrefixes << route.prefix;
        h.bgpSessions << session;
    }
    for (const BirdBfdSession &bfd : poll.bfdSessions) {
        BfdSessionObservation session;
        session.address = bfd.address;
        session.interface = bfd.interface;
        session.state = bfd.state;
        session.since = bfd.since.text;
        session.sinceTime = birdTimeToUtc(bfd.since, poll.status.serverTime, time);
        h.bfdSessions << session;
    }
    for (const Placement &placement : placements) {
        VipProtocolObservation vip;
        vip.protocol = placement.birdProtocol;
        if (const BirdProtocol *protocol = byName.value(placement.birdProtocol, nullptr)) {
            vip.exists = true;
            vip.up = protocol->state == BirdProtocolState::Up;
            vip.since = protocol->since.text;
            vip.info = protocol->info;
        }
        h.vipProtocols.insert(placement.vip, vip);
    }
    return h;
}

ObserverObservation observerObservation(const BirdObservation &observed, const QString &observer,
                                        const QDateTime &time)
{
    ObserverObservation o;
    o.observer = observer;
    o.time = time;
    o.reachable = true;
    o.routerId = observed.status.routerId;
    for (auto it = observed.routes.cbegin(); it != observed.routes.cend(); ++it) {
        QList<ObservedPath> &paths = o.paths[it.key()];
        for (const BirdRoute &route : it.value()) {
            const bool bgp = route.attributes.contains(u"BGP.next_hop"_s) ||
                             route.attributes.value(u"Type"_s).startsWith(u"BGP"_s);
            if (!bgp)
                continue;
            ObservedPath path;
            path.protocol = route.protocol;
            path.from = route.from;
            // "127.0.1.11" or, for IPv6, "2001:db8::1 fe80::1": the global one first.
            path.nextHop = route.attributes.value(u"BGP.next_hop"_s).section(u' ', 0, 0);
            path.originatorId = route.attributes.value(u"BGP.originator_id"_s);
            path.best = route.primary;
            paths.append(path);
        }
    }
    return o;
}

} // namespace vipdeck
