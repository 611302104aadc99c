#include "core/fleet/snapshotstore.h"

#include "core/common/logging.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

const auto FormatTag = u"vipdeck-snapshot"_s;

// This file's messages, in a context lupdate can see.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vipdeck::SnapshotStore)
};

// --- encoding -------------------------------------------------------------

QCborValue encodeTime(const QDateTime &time)
{
    return time.isValid() ? QCborValue(time.toMSecsSinceEpoch()) : QCborValue();
}

QCborValue encodeError(const std::optional<Error> &error)
{
    if (!error)
        return {};
    // By name: ErrorCode's numbers move when codes are added in the middle.
    return QCborMap{{u"code"_s, errorCodeName(error->code)},
                    {u"message"_s, error->message},
                    {u"where"_s, error->where},
                    {u"hint"_s, error->hint},
                    {u"detail"_s, error->detail}};
}

QCborArray encodeStrings(const QStringList &list)
{
    QCborArray array;
    for (const QString &s : list)
        array.append(s);
    return array;
}

// A server is a positional array, not a map: there are thousands of them and
// the keys would be most of the file (and of the decoding time).  The order
// is part of the format: append fields, never reorder them.
enum ServerField {
    ServerBackend,
    ServerName,
    ServerStatusText,
    ServerAdminFlags,
    ServerBackup,
    ServerWeight,
    ServerInitialWeight,
    ServerSessions,
    ServerMaxSessions,
    ServerSessionLimit,
    ServerTotalSessions,
    ServerSessionRate,
    ServerHttp5xx,
    ServerCheckStatus,
    ServerCheckCode,
    ServerLastChangeSecs,
    ServerDowntimeSecs,
    ServerCheckFailures,
};

QCborArray encodeServer(const ServerObservation &s)
{
    return QCborArray{s.backend,      s.name,         s.status.raw,    qint64(s.adminFlags.toInt()),
                      s.backup,       s.weight,       s.initialWeight, s.sessions,
                      s.maxSessions,  s.sessionLimit, s.totalSessions, s.sessionRate,
                      s.http5xx,      s.checkStatus,  s.checkCode,     s.lastChangeSecs,
                      s.downtimeSecs, s.checkFailures};
}

// The traffic counters frontends and backends share.
template <typename T> QCborMap encodeTraffic(const T &t)
{
    return QCborMap{{u"name"_s, t.name},
                    {u"sessions"_s, t.sessions},
                    {u"sessionRate"_s, t.sessionRate},
                    {u"requestRate"_s, t.requestRate},
                    {u"http5xx"_s, t.http5xx}};
}

QCborMap encodeHaproxy(const HaproxyObservation &h)
{
    QCborArray frontends;
    for (const FrontendObservation &f : h.frontends) {
        QCborMap frontend = encodeTraffic(f);
        frontend.insert(u"open"_s, f.open);
        frontends.append(frontend);
    }
    QCborArray backends;
    for (const BackendObservation &b : h.backends) {
        QCborArray servers;
        for (const ServerObservation &s : b.servers)
            servers.append(encodeServer(s));
        QCborMap backend = encodeTraffic(b);
        backend.insert(u"up"_s, b.up);
        backend.insert(u"servers"_s, servers);
        backends.append(backend);
    }
    return QCborMap{{u"vip"_s, h.vip},
                    {u"host"_s, h.host},
                    {u"time"_s, encodeTime(h.time)},
                    {u"error"_s, encodeError(h.error)},
                    {u"pid"_s, h.pid},
                    {u"version"_s, h.version},
                    {u"uptimeSecs"_s, h.uptimeSecs},
                    {u"reloads"_s, h.reloads},
                    {u"frontends"_s, frontends},
                    {u"backends"_s, backends}};
}

QCborMap encodeHost(const HostObservation &h)
{
    QCborArray bgp;
    for (const BgpSessionObservation &b : h.bgpSessions)
        bgp.append(QCborMap{{u"protocol"_s, b.protocol},
                            {u"neighborAddress"_s, b.neighborAddress},
                            {u"neighborAs"_s, qint64(b.neighborAs)},
                            {u"localAs"_s, qint64(b.localAs)},
                            {u"protocolState"_s, int(b.protocolState)},
                            {u"state"_s, bgpStateName(b.state)},
                            {u"since"_s, b.since},
                            {u"sinceTime"_s, encodeTime(b.sinceTime)},
                            {u"info"_s, b.info},
                            {u"lastError"_s, b.lastError},
                            {u"routesImported"_s, b.routesImported},
                            {u"routesExported"_s, b.routesExported},
                            {u"exportedPrefixes"_s, encodeStrings(b.exportedPrefixes)}});
    QCborArray bfd;
    for (const BfdSessionObservation &b : h.bfdSessions)
        bfd.append(QCborMap{{u"address"_s, b.address},
                            {u"interface"_s, b.interface},
                            {u"state"_s, bfdStateName(b.state)},
                            {u"since"_s, b.since},
                            {u"sinceTime"_s, encodeTime(b.sinceTime)}});
    QCborMap protocols;
    for (auto it = h.vipProtocols.cbegin(); it != h.vipProtocols.cend(); ++it)
        protocols.insert(it.key(), QCborMap{{u"protocol"_s, it->protocol},
                                            {u"exists"_s, it->exists},
                                            {u"up"_s, it->up},
                                            {u"since"_s, it->since},
                                            {u"info"_s, it->info}});
    return QCborMap{{u"host"_s, h.host},
                    {u"time"_s, encodeTime(h.time)},
                    {u"error"_s, encodeError(h.error)},
                    {u"reachable"_s, h.reachable},
                    {u"birdVersion"_s, h.birdVersion},
                    {u"routerId"_s, h.routerId},
                    {u"bgpSessions"_s, bgp},
                    {u"bfdSessions"_s, bfd},
                    {u"vipProtocols"_s, protocols}};
}

// --- decoding: every field optional, every type checked by QCborValue ------

QDateTime decodeTime(const QCborValue &value)
{
    return value.isInteger() ? QDateTime::fromMSecsSinceEpoch(value.toInteger(), Qt::UTC)
                             : QDateTime();
}

ErrorCode errorCodeFromName(const QString &name)
{
    for (int i = 0; i <= int(ErrorCode::PreconditionFailed) + 64; ++i) {
        if (errorCodeName(ErrorCode(i)) == name)
            return ErrorCode(i);
    }
    return ErrorCode::Internal;
}

std::optional<Error> decodeError(const QCborValue &value)
{
    if (!value.isMap())
        return std::nullopt;
    const QCborMap m = value.toMap();
    return Error(errorCodeFromName(m.value(u"code"_s).toString()), m.value(u"message"_s).toString(),
                 m.value(u"where"_s).toString(), m.value(u"hint"_s).toString(),
                 m.value(u"detail"_s).toString());
}

QStringList decodeStrings(const QCborValue &value)
{
    QStringList list;
    for (const QCborValue &v : value.toArray())
        list << v.toString();
    return list;
}

template <typename T> T decodeTraffic(const QCborMap &m)
{
    T t;
    t.name = m.value(u"name"_s).toString();
    t.sessions = m.value(u"sessions"_s).toInteger();
    t.sessionRate = m.value(u"sessionRate"_s).toInteger();
    t.requestRate = m.value(u"requestRate"_s).toInteger();
    t.http5xx = m.value(u"http5xx"_s).toInteger();
    return t;
}

ServerObservation decodeServer(const QCborArray &a)
{
    // at() past the end is undefined: a short array decodes to defaults.
    ServerObservation s;
    s.backend = a.at(ServerBackend).toString();
    s.name = a.at(ServerName).toString();
    const QString raw = a.at(ServerStatusText).toString();
    if (const Result<ServerStatus> status = parseServerStatus(raw.toUtf8()))
        s.status = *status;
    s.status.raw = raw;
    s.adminFlags = AdminFlags::fromInt(int(a.at(ServerAdminFlags).toInteger()));
    s.backup = a.at(ServerBackup).toBool();
    s.weight = int(a.at(ServerWeight).toInteger());
    s.initialWeight = int(a.at(ServerInitialWeight).toInteger());
    s.sessions = a.at(ServerSessions).toInteger();
    s.maxSessions = a.at(ServerMaxSessions).toInteger();
    s.sessionLimit = a.at(ServerSessionLimit).toInteger();
    s.totalSessions = a.at(ServerTotalSessions).toInteger();
    s.sessionRate = a.at(ServerSessionRate).toInteger();
    s.http5xx = a.at(ServerHttp5xx).toInteger();
    s.checkStatus = a.at(ServerCheckStatus).toString();
    s.checkCode = int(a.at(ServerCheckCode).toInteger());
    s.lastChangeSecs = a.at(ServerLastChangeSecs).toInteger(-1);
    s.downtimeSecs = a.at(ServerDowntimeSecs).toInteger();
    s.checkFailures = a.at(ServerCheckFailures).toInteger();
    return s;
}

HaproxyObservation decodeHaproxy(const QCborMap &m)
{
    HaproxyObservation h;
    h.vip = m.value(u"vip"_s).toString();
    h.host = m.value(u"host"_s).toString();
    h.time = decodeTime(m.value(u"time"_s));
    h.error = decodeError(m.value(u"error"_s));
    h.pid = m.value(u"pid"_s).toInteger();
    h.version = m.value(u"version"_s).toString();
    h.uptimeSecs = m.value(u"uptimeSecs"_s).toInteger();
    h.reloads = int(m.value(u"reloads"_s).toInteger(-1));
    for (const QCborValue &v : m.value(u"frontends"_s).toArray()) {
        const QCborMap f = v.toMap();
        auto frontend = decodeTraffic<FrontendObservation>(f);
        frontend.open = f.value(u"open"_s).toBool();
        h.frontends << frontend;
    }
    for (const QCborValue &v : m.value(u"backends"_s).toArray()) {
        const QCborMap b = v.toMap();
        auto backend = decodeTraffic<BackendObservation>(b);
        backend.up = b.value(u"up"_s).toBool();
        const QCborArray servers = b.value(u"servers"_s).toArray();
        backend.servers.reserve(servers.size());
        for (const QCborValue &s : servers)
            backend.servers << decodeServer(s.toArray());
        h.backends << backend;
    }
    return h;
}

HostObservation decodeHost(const QCborMap &m)
{
    HostObservation h;
    h.host = m.value(u"host"_s).toString();
    h.time = decodeTime(m.value(u"time"_s));
    h.error = decodeError(m.value(u"error"_s));
    h.reachable = m.value(u"reachable"_s).toBool();
    h.birdVersion = m.value(u"birdVersion"_s).toString();
    h.routerId = m.value(u"routerId"_s).toString();
    for (const QCborValue &v : m.value(u"bgpSessions"_s).toArray()) {
        const QCborMap b = v.toMap();
        BgpSessionObservation session;
        session.protocol = b.value(u"protocol"_s).toString();
        session.neighborAddress = b.value(u"neighborAddress"_s).toString();
        session.neighborAs = quint32(b.value(u"neighborAs"_s).toInteger());
        session.localAs = quint32(b.value(u"localAs"_s).toInteger());
        const qint64 protocolState = b.value(u"protocolState"_s).toInteger();
        session.protocolState = protocolState >= 0 && protocolState <= int(BirdProtocolState::Flush)
                                    ? BirdProtocolState(protocolState)
                                    : BirdProtocolState::Unknown;
        session.state = bgpStateFromText(b.value(u"state"_s).toString());
        session.since = b.value(u"since"_s).toString();
        session.sinceTime = decodeTime(b.value(u"sinceTime"_s));
        session.info = b.value(u"info"_s).toString();
        session.lastError = b.value(u"lastError"_s).toString();
        session.routesImported = b.value(u"routesImported"_s).toInteger();
        session.routesExported = b.value(u"routesExported"_s).toInteger();
        session.exportedPrefixes = decodeStrings(b.value(u"exportedPrefixes"_s));
        h.bgpSessions << session;
    }
    for (const QCborValue &v : m.value(u"bfdSessions"_s).toArray()) {
        const QCborMap b = v.toMap();
        BfdSessionObservation session;
        session.address = b.value(u"address"_s).toString();
        session.interface = b.value(u"interface"_s).toString();
        session.state = bfdStateFromText(b.value(u"state"_s).toString());
        session.since = b.value(u"since"_s).toString();
        session.sinceTime = decodeTime(b.value(u"sinceTime"_s));
        h.bfdSessions << session;
    }
    const QCborMap protocols = m.value(u"vipProtocols"_s).toMap();
    for (auto it = protocols.cbegin(); it != protocols.cend(); ++it) {
        const QCborMap p = it.value().toMap();
        VipProtocolObservation protocol;
        protocol.protocol = p.value(u"protocol"_s).toString();
        protocol.exists = p.value(u"exists"_s).toBool();
        protocol.up = p.value(u"up"_s).toBool();
        protocol.since = p.value(u"since"_s).toString();
        protocol.info = p.value(u"info"_s).toString();
        h.vipProtocols.insert(it.key().toString(), protocol);
    }
    return h;
}

} // namespace

// --- SnapshotStore ----------------------------------------------------------

SnapshotStore::SnapshotStore(QString directory)
    : m_directory(std::move(directory))
{}

QString SnapshotStore::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + u"/snapshots"_s;
}

QString SnapshotStore::fileFor(const QString &fleetFile) const
{
    const QFileInfo info(fleetFile);
    const QString canonical = info.canonicalFilePath();
    const QString path = canonical.isEmpty() ? info.absoluteFilePath() : canonical;
    const QByteArray hash =
        QCryptographicHash::hash(path.toUtf8(), QCryptographicHash::Sha256).toHex().left(32);
    return QDir(m_directory).filePath(QString::fromLatin1(hash) + u".cbor"_s);
}

Result<void> SnapshotStore::save(const QString &fleetFile, const Snapshot &snapshot) const
{
    const QString path = fileFor(fleetFile);
    if (!QDir().mkpath(m_directory))
        return Error(ErrorCode::Io, Tr::tr("Cannot create the directory for the last known state."),
                     m_directory, Tr::tr("Check the permissions of the cache directory."));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error(ErrorCode::Io,
                     Tr::tr("Cannot write the last known state: %1").arg(file.errorString()), path);
    file.write(encodeSnapshot(snapshot, fleetFile));
    if (!file.commit())
        return Error(ErrorCode::Io,
                     Tr::tr("Cannot write the last known state: %1").arg(file.errorString()), path,
                     Tr::tr("Check the free space and permissions of the cache directory."));
    return {};
}

Result<std::optional<Snapshot>> SnapshotStore::load(const QString &fleetFile,
                                                    const Inventory &inventory) const
{
    const QString path = fileFor(fleetFile);
    QFile file(path);
    if (!file.exists())
        return std::optional<Snapshot>();
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::Io,
                     Tr::tr("Cannot read the last known state: %1").arg(file.errorString()), path);
    Result<Snapshot> decoded = decodeSnapshot(file.readAll(), inventory, path);
    if (!decoded)
        return decoded.error();
    return std::optional<Snapshot>(std::move(*decoded));
}

// --- pure functions -----------------------------------------------------------

QByteArray encodeSnapshot(const Snapshot &snapshot, const QString &fleetFile)
{
    // In key order: the same state always gives the same bytes.
    QStringList keys = snapshot.hosts().keys();
    keys.sort();
    QCborArray hosts;
    for (const QString &key : std::as_const(keys))
        hosts.append(encodeHost(snapshot.hosts().value(key)));
    keys = snapshot.haproxies().keys();
    keys.sort();
    QCborArray haproxies;
    for (const QString &key : std::as_const(keys))
        haproxies.append(encodeHaproxy(snapshot.haproxies().value(key)));
    const QCborMap root{{u"format"_s, FormatTag},
                        {u"version"_s, SnapshotStore::FormatVersion},
                        {u"fleetFile"_s, fleetFile},
                        {u"sequence"_s, qint64(snapshot.sequence())},
                        {u"time"_s, encodeTime(snapshot.time())},
                        {u"hosts"_s, hosts},
                        {u"haproxies"_s, haproxies}};
    return root.toCborValue().toCbor();
}

Result<Snapshot> decodeSnapshot(const QByteArray &bytes, const Inventory &inventory,
                                const QString &source)
{
    QCborParserError parseError;
    const QCborValue value = QCborValue::fromCbor(bytes, &parseError);
    if (parseError.error != QCborError::NoError)
        return Error(ErrorCode::Parse,
                     Tr::tr("The last known state is corrupt: %1 at byte %2")
                         .arg(parseError.errorString())
                         .arg(parseError.offset),
                     source, Tr::tr("It is ignored and rewritten after the next poll."));
    const QCborMap root = value.toMap();
    if (!value.isMap() || root.value(u"format"_s).toString() != FormatTag)
        return Error(ErrorCode::Parse, Tr::tr("The last known state is not a vipdeck snapshot."),
                     source, Tr::tr("It is ignored and rewritten after the next poll."));
    const qint64 version = root.value(u"version"_s).toInteger(-1);
    if (version != SnapshotStore::FormatVersion)
        return Error(ErrorCode::Unsupported,
                     Tr::tr("The last known state has format version %1; this vipdeck reads %2.")
                         .arg(version)
                         .arg(SnapshotStore::FormatVersion),
                     source, Tr::tr("It is ignored and rewritten after the next poll."));

    Snapshot::Data data;
    data.sequence = quint64(root.value(u"sequence"_s).toInteger());
    data.time = decodeTime(root.value(u"time"_s));
    data.inventory = inventory;
    // Only what the fleet file still has: a host or placement removed since
    // has no place in the views.
    for (const QCborValue &v : root.value(u"hosts"_s).toArray()) {
        HostObservation host = decodeHost(v.toMap());
        if (inventory.host(host.host))
            data.hosts.insert(host.host, std::move(host));
    }
    for (const QCborValue &v : root.value(u"haproxies"_s).toArray()) {
        HaproxyObservation haproxy = decodeHaproxy(v.toMap());
        const Vip *vip = inventory.vip(haproxy.vip);
        if (!vip)
            continue;
        const bool placed =
            std::any_of(vip->placements.cbegin(), vip->placements.cend(),
                        [&](const Placement &placement) { return placement.host == haproxy.host; });
        if (placed)
            data.haproxies.insert(Snapshot::key(haproxy.vip, haproxy.host), std::move(haproxy));
    }
    return Snapshot(std::move(data));
}

Snapshot overlayRestored(const Snapshot &live, const Snapshot &restored,
                         const QSet<QString> &liveHosts)
{
    Snapshot::Data data = live.data();
    for (const HostObservation &host : restored.hosts()) {
        if (!liveHosts.contains(host.host))
            data.hosts.insert(host.host, host);
    }
    for (auto it = restored.haproxies().cbegin(); it != restored.haproxies().cend(); ++it) {
        if (!liveHosts.contains(it->host))
            data.haproxies.insert(it.key(), *it);
    }
    return Snapshot(std::move(data));
}

FleetVerdicts evaluateWithRestored(const Snapshot &snapshot, const QSet<QString> &restoredHosts,
                                   const QDateTime &now)
{
    FleetVerdicts verdicts = evaluateFleet(snapshot, now);
    if (restoredHosts.isEmpty())
        return verdicts;
    const auto mark = [](Verdict &verdict, const QString &host) {
        if (verdict.ageSecs < 0)
            return; // no data: nothing to mark
        verdict.stale = true;
        verdict.add(
            Health::Unknown,
            Tr::tr("%1: last known state, saved before the fleet was opened; the first poll is "
                   "running")
                .arg(host),
            host);
    };
    for (auto it = verdicts.hosts.begin(); it != verdicts.hosts.end(); ++it) {
        if (restoredHosts.contains(it.key()))
            mark(*it, it.key());
    }
    for (const Vip &vip : snapshot.inventory().vips()) {
        bool restored = false;
        for (const Placement &placement : vip.placements) {
            if (!restoredHosts.contains(placement.host))
                continue;
            const auto it = verdicts.placements.find(Snapshot::key(vip.name, placement.host));
            if (it == verdicts.placements.end() || it->ageSecs < 0)
                continue;
            mark(*it, placement.host);
            restored = true;
        }
        const auto vipIt = verdicts.vips.find(vip.name);
        if (restored && vipIt != verdicts.vips.end())
            vipIt->stale = true;
    }
    return verdicts;
}

} // namespace vipdeck
