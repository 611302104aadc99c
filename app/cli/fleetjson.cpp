#include "app/cli/fleetjson.h"

#include "core/report/reportdocument.h"

using namespace Qt::StringLiterals;

namespace vipdeck::cli {

namespace {

QJsonValue timeJson(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

QJsonArray reasonsJson(const Verdict &verdict)
{
    QJsonArray reasons;
    for (const Reason &reason : verdict.reasons)
        reasons << reasonJson(reason);
    return reasons;
}

QString eventSeverityName(FleetEvent::Severity severity)
{
    switch (severity) {
    case FleetEvent::Severity::Info:
        return u"info"_s;
    case FleetEvent::Severity::Warning:
        return u"warning"_s;
    case FleetEvent::Severity::Problem:
        return u"problem"_s;
    }
    return u"info"_s;
}

// The observers' view of a placement or VIP; null when fleet.yaml lists no observers.
QJsonValue fabricJson(const Snapshot &snapshot, const Verdict *verdict)
{
    if (snapshot.inventory().observers().isEmpty() || !verdict)
        return QJsonValue();
    return QJsonObject{{u"held_by"_s, QJsonArray::fromStringList(verdict->heldBy)},
                       {u"not_held_by"_s, QJsonArray::fromStringList(verdict->notHeldBy)},
                       {u"unread"_s, QJsonArray::fromStringList(verdict->observersUnread)}};
}

// Who decided a placement's announcement: its own BIRD, or the observers
// when that could not be read; null while it is unknown.
QJsonValue announcementSource(const Verdict *verdict)
{
    if (!verdict || verdict->announcement == Announcement::Unknown)
        return QJsonValue();
    return verdict->announcementFromFabric ? u"observers"_s : u"host"_s;
}

} // namespace

QJsonValue knownJson(qint64 value)
{
    return value < 0 ? QJsonValue() : QJsonValue(value);
}

QJsonValue optionalError(const std::optional<Error> &error)
{
    return error ? QJsonValue(errorJson(*error)) : QJsonValue();
}

QString severityName(Health severity)
{
    return severity == Health::Healthy ? u"info"_s : healthKey(severity);
}

QJsonObject errorJson(const Error &error)
{
    return QJsonObject{{u"code"_s, errorCodeName(error.code)},
                       {u"message"_s, error.message},
                       {u"where"_s, error.where},
                       {u"hint"_s, error.hint},
                       {u"text"_s, error.toString()}};
}

QJsonObject reasonJson(const Reason &reason)
{
    return QJsonObject{{u"severity"_s, severityName(reason.severity)},
                       {u"text"_s, reason.text},
                       {u"host"_s, reason.host},
                       {u"backend"_s, reason.backend},
                       {u"server"_s, reason.server}};
}

QJsonObject eventJson(const FleetEvent &event)
{
    return QJsonObject{{u"time"_s, timeJson(event.time)},
                       {u"kind"_s, eventKindName(event.kind)},
                       {u"severity"_s, eventSeverityName(event.severity)},
                       {u"host"_s, event.host},
                       {u"vip"_s, event.vip},
                       {u"backend"_s, event.backend},
                       {u"server"_s, event.server},
                       {u"protocol"_s, event.protocol},
                       {u"before"_s, event.before},
                       {u"after"_s, event.after},
                       {u"text"_s, event.text}};
}

QJsonObject vipJson(const Snapshot &snapshot, const FleetVerdicts &verdicts, const Vip &vip,
                    const FleetFilter &filter)
{
    QJsonArray prefixes;
    for (const Prefix &prefix : vip.prefixes)
        prefixes << prefix.toString();
    QJsonArray placements;
    QJsonArray announcedBy;
    QJsonArray unknownOn;
    for (const Placement &placement : vip.placements) {
        const Verdict *verdict = verdicts.placement(vip.name, placement.host);
        const Announcement announcement = verdict ? verdict->announcement : Announcement::Unknown;
        if (announcement == Announcement::Announced)
            announcedBy << placement.host;
        else if (announcement == Announcement::Unknown)
            unknownOn << placement.host;
        if (!filter.matchesHost(placement.host))
            continue;
        const HaproxyObservation *haproxy = snapshot.haproxy(vip.name, placement.host);
        QJsonObject object{
            {u"host"_s, placement.host},
            {u"health"_s, healthKey(verdict ? verdict->health : Health::Unknown)},
            // true, false, or null when it could not be read (never false then).
            {u"announced"_s, announcement == Announcement::Unknown
                                 ? QJsonValue()
                                 : QJsonValue(announcement == Announcement::Announced)},
            {u"announcement"_s, announcementKey(announcement)},
            {u"announcement_source"_s, announcementSource(verdict)},
            {u"fabric"_s, fabricJson(snapshot, verdict)},
            {u"announcement_unknown_reason"_s,
             announcement == Announcement::Unknown
                 ? QJsonValue(verdict ? verdict->announcementUnknownWhy : u"not evaluated"_s)
                 : QJsonValue()},
            {u"data_time"_s, timeJson(verdict ? verdict->dataTime : QDateTime())},
            {u"age_secs"_s, knownJson(verdict ? verdict->ageSecs : -1)},
            {u"stale"_s, verdict && verdict->stale},
            {u"reasons"_s, verdict ? reasonsJson(*verdict) : QJsonArray()},
            {u"error"_s, haproxy ? optionalError(haproxy->error) : QJsonValue()},
            {u"pid"_s, haproxy && haproxy->pid > 0 ? QJsonValue(haproxy->pid) : QJsonValue()},
            {u"version"_s,
             haproxy && !haproxy->version.isEmpty() ? QJsonValue(haproxy->version) : QJsonValue()},
            {u"reloads"_s, knownJson(haproxy ? haproxy->reloads : -1)},
        };
        placements << object;
    }
    const auto it = verdicts.vips.constFind(vip.name);
    const Verdict *verdict = it == verdicts.vips.cend() ? nullptr : &*it;
    return QJsonObject{{u"name"_s, vip.name},
                       {u"group"_s, vip.group},
                       {u"prefixes"_s, prefixes},
                       {u"health"_s, healthKey(verdict ? verdict->health : Health::Unknown)},
                       {u"summary"_s, verdict ? verdict->summary() : QString()},
                       {u"reasons"_s, verdict ? reasonsJson(*verdict) : QJsonArray()},
                       {u"announced_by"_s, announcedBy},
                       {u"announcement_unknown_on"_s, unknownOn},
                       {u"fabric"_s, fabricJson(snapshot, verdict)},
                       {u"placements"_s, placements}};
}

QJsonObject hostJson(const Snapshot &snapshot, const FleetVerdicts &verdicts, const Host &host)
{
    const HostObservation *observation = snapshot.host(host.name);
    const auto it = verdicts.hosts.constFind(host.name);
    const Verdict *verdict = it == verdicts.hosts.cend() ? nullptr : &*it;
    QJsonArray bgp;
    QJsonArray bfd;
    if (observation) {
        for (const BgpSessionObservation &session : observation->bgpSessions) {
            bgp << QJsonObject{
                {u"protocol"_s, session.protocol},
                {u"neighbor"_s, session.neighborAddress},
                {u"state"_s, bgpStateName(session.state)},
                {u"since"_s, timeJson(session.sinceTime)},
                {u"since_bird"_s, session.since},
                {u"info"_s, session.info},
                {u"routes_exported"_s, session.routesExported},
                {u"exported_prefixes"_s, QJsonArray::fromStringList(session.exportedPrefixes)}};
        }
        for (const BfdSessionObservation &session : observation->bfdSessions) {
            bfd << QJsonObject{{u"address"_s, session.address},
                               {u"interface"_s, session.interface},
                               {u"state"_s, bfdStateName(session.state)},
                               {u"since"_s, timeJson(session.sinceTime)},
                               {u"since_bird"_s, session.since}};
        }
    }
    return QJsonObject{
        {u"name"_s, host.name},
        {u"address"_s, host.address},
        {u"reachable"_s, observation && observation->reachable},
        {u"health"_s, healthKey(verdict ? verdict->health : Health::Unknown)},
        {u"summary"_s, verdict ? verdict->summary() : QString()},
        {u"reasons"_s, verdict ? reasonsJson(*verdict) : QJsonArray()},
        {u"error"_s, observation ? optionalError(observation->error) : QJsonValue()},
        {u"data_time"_s, timeJson(observation ? observation->time : QDateTime())},
        {u"age_secs"_s, knownJson(verdict ? verdict->ageSecs : -1)},
        {u"bird_version"_s, observation ? observation->birdVersion : QString()},
        {u"router_id"_s, observation ? observation->routerId : QString()},
        {u"bgp"_s, bgp},
        {u"bfd"_s, bfd},
    };
}

QJsonObject observerJson(const Snapshot &snapshot, const FleetVerdicts &verdicts,
                         const Host &observer)
{
    const ObserverObservation *observation = snapshot.observer(observer.name);
    const auto it = verdicts.observers.constFind(observer.name);
    const Verdict *verdict = it == verdicts.observers.cend() ? nullptr : &*it;
    QJsonObject paths; // prefix -> the neighbors its paths came from
    if (observation) {
        for (auto p = observation->paths.cbegin(); p != observation->paths.cend(); ++p) {
            QJsonArray list;
            for (const ObservedPath &path : p.value())
                list << QJsonObject{{u"protocol"_s, path.protocol},
                                    {u"from"_s, path.from},
                                    {u"next_hop"_s, path.nextHop},
                                    {u"originator_id"_s, path.originatorId.isEmpty()
                                                             ? QJsonValue()
                                                             : QJsonValue(path.originatorId)},
                                    {u"best"_s, path.best}};
            paths.insert(p.key(), list);
        }
    }
    return QJsonObject{
        {u"name"_s, observer.name},
        {u"address"_s, observer.address},
        {u"reachable"_s, observation && observation->reachable},
        {u"health"_s, healthKey(verdict ? verdict->health : Health::Unknown)},
        {u"reasons"_s, verdict ? reasonsJson(*verdict) : QJsonArray()},
        {u"error"_s, observation ? optionalError(observation->error) : QJsonValue()},
        {u"data_time"_s, timeJson(observation ? observation->time : QDateTime())},
        {u"age_secs"_s, knownJson(verdict ? verdict->ageSecs : -1)},
        {u"router_id"_s, observation ? observation->routerId : QString()},
        {u"paths"_s, paths},
    };
}

QJsonObject serverJson(const ServerRow &row, const QDateTime &now)
{
    const ServerObservation &s = *row.server;
    const qint64 age =
        row.haproxy->time.isValid() && now.isValid() ? row.haproxy->time.secsTo(now) : -1;
    return QJsonObject{{u"vip"_s, row.vip},
                       {u"host"_s, row.host},
                       {u"backend"_s, s.backend},
                       {u"server"_s, s.name},
                       {u"state"_s, serverStateWord(s)},
                       {u"status"_s, s.status.raw},
                       {u"admin"_s, adminStateName(s.adminState())},
                       {u"backup"_s, s.backup},
                       {u"weight"_s, s.weight},
                       {u"initial_weight"_s, s.initialWeight},
                       {u"sessions"_s, s.sessions},
                       {u"session_rate"_s, s.sessionRate},
                       {u"total_sessions"_s, s.totalSessions},
                       {u"check"_s, s.checkStatus},
                       {u"last_change_secs"_s, knownJson(s.lastChangeSecs)},
                       {u"data_age_secs"_s, knownJson(age)},
                       {u"stale"_s, row.haproxy->error.has_value()}};
}

QJsonObject statusJson(const FleetUpdate &update, const FleetFilter &filter,
                       const QString &fleetFile)
{
    const Snapshot &snapshot = update.snapshot;
    const FleetVerdicts &verdicts = *update.verdicts;
    QJsonArray hosts;
    int reachable = 0;
    int hostCount = 0;
    Health worst = Health::Healthy;
    for (const Host *host : selectHosts(snapshot, filter)) {
        const QJsonObject object = hostJson(snapshot, verdicts, *host);
        reachable += object.value(u"reachable"_s).toBool() ? 1 : 0;
        ++hostCount;
        hosts << object;
        const auto it = verdicts.hosts.constFind(host->name);
        worst = worse(worst, it == verdicts.hosts.cend() ? Health::Unknown : it->health);
    }
    QJsonArray observers;
    for (const Host &observer : snapshot.inventory().observers()) {
        observers << observerJson(snapshot, verdicts, observer);
        const auto it = verdicts.observers.constFind(observer.name);
        worst = worse(worst, it == verdicts.observers.cend() ? Health::Unknown : it->health);
    }
    QJsonArray vips;
    QHash<Health, int> counts;
    for (const Vip *vip : selectVips(snapshot, filter)) {
        vips << vipJson(snapshot, verdicts, *vip, filter);
        const auto it = verdicts.vips.constFind(vip->name);
        const Health health = it == verdicts.vips.cend() ? Health::Unknown : it->health;
        ++counts[health];
        worst = worse(worst, health);
    }
    const QJsonObject summary{{u"hosts"_s, hostCount},
                              {u"hosts_reachable"_s, reachable},
                              {u"vips"_s, int(vips.size())},
                              {u"healthy"_s, counts.value(Health::Healthy)},
                              {u"degraded"_s, counts.value(Health::Degraded)},
                              {u"critical"_s, counts.value(Health::Critical)},
                              {u"unknown"_s, counts.value(Health::Unknown)}};
    return QJsonObject{{u"schema"_s, u"vipdeck.status/2"_s},
                       {u"fleet"_s, fleetFile},
                       {u"time"_s, timeJson(snapshot.time())},
                       {u"health"_s, healthKey(worst)},
                       {u"summary"_s, summary},
                       {u"hosts"_s, hosts},
                       {u"observers"_s, observers},
                       {u"vips"_s, vips}};
}

QJsonObject vipsJson(const FleetUpdate &update, const FleetFilter &filter)
{
    QJsonArray vips;
    for (const Vip *vip : selectVips(update.snapshot, filter))
        vips << vipJson(update.snapshot, *update.verdicts, *vip, filter);
    return QJsonObject{{u"schema"_s, u"vipdeck.vips/2"_s},
                       {u"time"_s, timeJson(update.snapshot.time())},
                       {u"vips"_s, vips}};
}

QJsonObject serversJson(const FleetUpdate &update, const FleetFilter &filter)
{
    QJsonArray servers;
    for (const ServerRow &row : selectServers(update.snapshot, filter))
        servers << serverJson(row, update.snapshot.time());
    QJsonArray unread;
    for (const UnreadPlacement &u : unreadPlacements(update.snapshot, filter))
        unread << QJsonObject{{u"vip"_s, u.vip},
                              {u"host"_s, u.host},
                              {u"reason"_s, u.reason},
                              {u"older_data_age_secs"_s,
                               u.olderDataSecs >= 0 ? QJsonValue(u.olderDataSecs) : QJsonValue()}};
    return QJsonObject{{u"schema"_s, u"vipdeck.servers/2"_s},
                       {u"time"_s, timeJson(update.snapshot.time())},
                       {u"complete"_s, unread.isEmpty()},
                       {u"unread_placements"_s, unread},
                       {u"servers"_s, servers}};
}

QJsonObject eventsJson(const QList<FleetEvent> &events)
{
    QJsonArray array;
    for (const FleetEvent &event : events)
        array << eventJson(event);
    return QJsonObject{{u"schema"_s, u"vipdeck.events/1"_s}, {u"events"_s, array}};
}

} // namespace vipdeck::cli
