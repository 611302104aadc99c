#include "core/fleet/fleetpoller.h"

#include "core/bird/birdclient.h"
#include "core/common/logging.h"
#include "core/fleet/observations.h"
#include "core/haproxy/haproxyclient.h"

#include <QPromise>

#include <optional>

using namespace Qt::StringLiterals;

namespace vipdeck {

struct FleetPoller::HostRound
{
    QString host;
    QList<Placement> placements;
    std::optional<Result<BirdPoll>> bird;
    QList<Result<HaproxyPoll>> haproxies; // one per placement
    QList<ServicePath> paths;             // one per placement; empty: not read this round
    QList<Vip> discovered;
    TransportStatus transportStatus;
    QDateTime finished;
};

namespace {

// Where a VIP's prefixes come from when it was discovered, not declared: the
// routes its BIRD protocol exports.
QList<Prefix> prefixesFromBird(const BirdPoll &poll, const QString &protocol)
{
    QList<Prefix> prefixes;
    for (const QList<BirdRoute> &routes : poll.exports) {
        for (const BirdRoute &route : routes) {
            if (route.protocol != protocol)
                continue;
            const auto [address, length] = QHostAddress::parseSubnet(route.prefix);
            Prefix prefix{address, length};
            if (!address.isNull() && !prefixes.contains(prefix))
                prefixes << prefix;
        }
    }
    return prefixes;
}

bool isTransportFailure(ErrorCode code)
{
    switch (code) {
    case ErrorCode::ConnectFailed:
    case ErrorCode::HostKeyUnknown:
    case ErrorCode::HostKeyChanged:
    case ErrorCode::AuthFailed:
    case ErrorCode::KeyUnsupported:
    case ErrorCode::PassphraseNeeded:
    case ErrorCode::Disconnected:
    case ErrorCode::Timeout:
        return true;
    default:
        return false;
    }
}

} // namespace

FleetPoller::FleetPoller(Inventory inventory, TransportFactory factory, QObject *parent,
                         const Clock &clock)
    : QObject(parent)
    , m_inventory(std::move(inventory))
    , m_clock(clock)
{
    qRegisterMetaType<vipdeck::FleetUpdate>();
    qRegisterMetaType<vipdeck::TransportStatus>();
    for (const Host &host : m_inventory.hosts()) {
        std::unique_ptr<Transport> transport = factory(host);
        const QString name = host.name;
        connect(transport.get(), &Transport::statusChanged, this,
                [this, name](const TransportStatus &status) {
                    emit transportStatusChanged(name, status);
                });
        m_transports.emplace(host.name, std::move(transport));
    }
    m_pool.setMaxThreadCount(std::max<int>(1, int(m_inventory.hosts().size())));
    m_pool.setExpiryTimeout(-1);

    Snapshot::Data data;
    data.inventory = m_inventory;
    data.time = m_clock.now();
    m_latest.snapshot = Snapshot(std::move(data));
    m_latest.verdicts =
        std::make_shared<const FleetVerdicts>(evaluateFleet(m_latest.snapshot, m_clock.now()));

    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(m_inventory.pollInterval());
    connect(&m_timer, &QTimer::timeout, this, [this] {
        QStringList hosts;
        for (const Host &host : m_inventory.hosts())
            hosts << host.name;
        startRound(hosts);
    });
}

FleetPoller::~FleetPoller()
{
    m_timer.stop();
    // Rounds end by themselves: every request has a timeout.
    m_pool.waitForDone();
}

void FleetPoller::start()
{
    m_timer.start();
    QStringList hosts;
    for (const Host &host : m_inventory.hosts())
        hosts << host.name;
    startRound(hosts);
}

void FleetPoller::stop()
{
    m_timer.stop();
}

QFuture<FleetUpdate> FleetPoller::pollOnce()
{
    auto promise = std::make_shared<QPromise<FleetUpdate>>();
    promise->start();
    QFuture<FleetUpdate> future = promise->future();
    QStringList hosts;
    {
        QMutexLocker lock(&m_mutex);
        Waiter waiter;
        for (const Host &host : m_inventory.hosts()) {
            waiter.pending.insert(host.name);
            hosts << host.name;
        }
        if (waiter.pending.isEmpty()) {
            promise->addResult(m_latest);
            promise->finish();
            return future;
        }
        waiter.promise = promise;
        m_waiters << waiter;
    }
    startRound(hosts);
    return future;
}

FleetUpdate FleetPoller::latest() const
{
    QMutexLocker lock(&m_mutex);
    return m_latest;
}

Transport *FleetPoller::transport(const QString &host) const
{
    const auto it = m_transports.find(host);
    return it == m_transports.end() ? nullptr : it->second.get();
}

void FleetPoller::startRound(const QStringList &hosts)
{
    for (const QString &name : hosts) {
        {
            QMutexLocker lock(&m_mutex);
            if (m_inFlight.contains(name))
                continue; // a slow host: its round is still running
            m_inFlight.insert(name);
        }
        const Host *host = m_inventory.host(name);
        m_pool.start([this, host] { pollHost(*host); });
    }
}

void FleetPoller::pollHost(const Host &host)
{
    Transport *transport = this->transport(host.name);
    HostRound round;
    round.host = host.name;
    for (const Vip *vip : m_inventory.vipsOnHost(host.name)) {
        if (const Placement *placement = m_inventory.placement(vip->name, host.name))
            round.placements << *placement;
    }

    // Discovery: glob each discovering group's stats socket template.
    QList<std::pair<const Group *, Placement>> templates;
    for (const Group &group : m_inventory.groups()) {
        if (!group.discover || !group.hosts.contains(host.name))
            continue;
        for (const Placement &placement : group.discovery) {
            if (placement.host == host.name)
                templates.append({&group, placement});
        }
    }
    for (const auto &[group, placement] : templates) {
        const QString pattern = QString(placement.statsSocket).replace(u"{vip}"_s, u"*"_s);
        const Result<QStringList> found = transport->glob(pattern).result();
        if (!found) {
            qCWarning(lcFleet) << "discovery on" << host.name
                               << "failed:" << found.error().toString();
            continue;
        }
        const QStringList parts = placement.statsSocket.split(u"{vip}"_s);
        for (const QString &path : *found) {
            if (parts.size() != 2 || !path.startsWith(parts[0]) || !path.endsWith(parts[1]))
                continue;
            const QString name =
                path.mid(parts[0].size(), path.size() - parts[0].size() - parts[1].size());
            if (!isValidName(name) || m_inventory.vip(name))
                continue;
            Vip vip;
            vip.name = name;
            vip.group = group->name;
            vip.pollInterval = group->pollInterval;
            vip.minUpServers = group->minUpServers;
            for (const Placement &p : group->discovery)
                vip.placements << p.withVip(name);
            round.discovered << vip;
            round.placements << placement.withVip(name);
        }
    }

    QList<QFuture<Result<HaproxyPoll>>> haproxyFutures;
    for (const Placement &placement : std::as_const(round.placements))
        haproxyFutures << HaproxyClient(transport, placement.statsSocket).poll();
    QFuture<Result<BirdPoll>> birdFuture = BirdClient(transport, host.birdSocket).poll();

    for (QFuture<Result<HaproxyPoll>> &future : haproxyFutures)
        round.haproxies << future.result();
    round.bird = birdFuture.result();
    if (round.bird->ok()) {
        for (Vip &vip : round.discovered) {
            const Placement *mine = nullptr;
            for (const Placement &p : vip.placements)
                mine = p.host == host.name ? &p : mine;
            if (mine)
                vip.prefixes = prefixesFromBird(**round.bird, mine->birdProtocol);
        }
    }
    readServicePathsOf(transport, round);
    round.transportStatus = transport->status();
    round.finished = m_clock.now();
    merge(round);
}

void FleetPoller::readServicePathsOf(Transport *transport, HostRound &round)
{
    // A VIP's configuration is read when its HAProxy worker is new to us
    // (first poll, reload, restart) and, after a failed read, again a minute
    // later: HAProxy runs what it read when it started.
    constexpr qint64 retryFailedSecs = 60;
    const QDateTime now = m_clock.now();
    round.paths.resize(round.placements.size());
    QList<qsizetype> toRead;
    {
        QMutexLocker lock(&m_mutex);
        for (qsizetype i = 0; i < round.placements.size(); ++i) {
            const Placement &placement = round.placements[i];
            if (placement.configPath.isEmpty() || !round.haproxies[i])
                continue;
            const auto cached = m_paths.constFind(Snapshot::key(placement.vip, placement.host));
            const bool current =
                cached != m_paths.constEnd() && cached->pid == round.haproxies[i]->info.pid &&
                cached->configPath == placement.configPath &&
                (!cached->path.error || cached->readAt.secsTo(now) < retryFailedSecs);
            if (current)
                round.paths[i] = cached->path;
            else
                toRead << i;
        }
    }
    if (toRead.isEmpty())
        return;
    QList<Placement> placements;
    QList<const Vip *> vips;
    for (const qsizetype i : std::as_const(toRead)) {
        const Placement &placement = round.placements[i];
        placements << placement;
        const Vip *vip = m_inventory.vip(placement.vip);
        for (const Vip &discovered : std::as_const(round.discovered))
            vip = discovered.name == placement.vip ? &discovered : vip;
        vips << vip;
    }
    const QList<ServicePath> read = readServicePaths(transport, placements, vips);
    QMutexLocker lock(&m_mutex);
    for (qsizetype j = 0; j < toRead.size(); ++j) {
        const qsizetype i = toRead[j];
        const Placement &placement = round.placements[i];
        round.paths[i] = read[j];
        // The verdict names it on every cell concerned; no stderr line per VIP.
        if (read[j].error)
            qCInfo(lcFleet) << "service paths:" << read[j].error->toString();
        m_paths.insert(
            Snapshot::key(placement.vip, placement.host),
            CachedPath{round.haproxies[i]->info.pid, placement.configPath, now, read[j]});
    }
}

void FleetPoller::merge(const HostRound &round)
{
    FleetUpdate update;
    QList<std::shared_ptr<QPromise<FleetUpdate>>> done;
    {
        QMutexLocker lock(&m_mutex);
        const Snapshot previous = m_latest.snapshot;
        Snapshot::Data data = previous.data();
        data.sequence += 1;
        data.time = round.finished;

        for (const Vip &vip : round.discovered) {
            const auto known = std::find_if(m_discovered.begin(), m_discovered.end(),
                                            [&](const Vip &v) { return v.name == vip.name; });
            if (known == m_discovered.end())
                m_discovered << vip;
            else if (!vip.prefixes.isEmpty())
                known->prefixes = vip.prefixes;
        }
        data.inventory = m_inventory.withDiscoveredVips(m_discovered);

        const bool connected = round.transportStatus.state == TransportState::Connected;
        HostObservation host;
        if (round.bird->ok()) {
            host = hostObservation(**round.bird, round.host, round.placements, round.finished);
            if (!(*round.bird)->errors.isEmpty())
                host.error = (*round.bird)->errors.first().at(round.host);
        } else {
            host = data.hosts.value(round.host);
            host.host = round.host;
            const Error &error = round.bird->error();
            host.error = error.where.isEmpty() ? error.at(round.host) : error;
            host.reachable = connected && !isTransportFailure(error.code);
        }
        data.hosts.insert(round.host, host);

        for (qsizetype i = 0; i < round.placements.size(); ++i) {
            const Placement &placement = round.placements[i];
            const Result<HaproxyPoll> &result = round.haproxies[i];
            const QString key = Snapshot::key(placement.vip, placement.host);
            if (result) {
                HaproxyObservation observation =
                    haproxyObservation(*result, placement, round.finished);
                const ServicePath &path = round.paths.value(i);
                observation.classification = path.classification;
                observation.configError = path.error;
                data.haproxies.insert(key, observation);
            } else {
                HaproxyObservation kept = data.haproxies.value(key);
                kept.vip = placement.vip;
                kept.host = placement.host;
                kept.error = result.error();
                data.haproxies.insert(key, kept);
            }
        }

        update.snapshot = Snapshot(std::move(data));
        update.events = diffSnapshots(previous, update.snapshot);
        update.verdicts =
            std::make_shared<const FleetVerdicts>(evaluateFleet(update.snapshot, m_clock.now()));
        update.hostsUpdated = {round.host};
        m_latest = update;
        m_inFlight.remove(round.host);

        for (qsizetype i = m_waiters.size() - 1; i >= 0; --i) {
            m_waiters[i].pending.remove(round.host);
            if (m_waiters[i].pending.isEmpty()) {
                done << m_waiters[i].promise;
                m_waiters.removeAt(i);
            }
        }
    }
    emit updated(update);
    for (const auto &promise : done) {
        promise->addResult(update);
        promise->finish();
    }
}

} // namespace vipdeck
