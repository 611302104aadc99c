#include "core/fleet/fleetpoller.h"

#include "core/bird/birdclient.h"
#include "core/common/handover.h"
#include "core/common/logging.h"
#include "core/fleet/observations.h"
#include "core/haproxy/haproxyclient.h"

#include <QPromise>

#include <optional>

using namespace Qt::StringLiterals;

namespace vipdeck {

// One unit's answer, waiting to be merged.
struct FleetPoller::Arrival
{
    ArrivalKind kind = ArrivalKind::RoundStarted;
    quint64 round = 0;
    QString host;
    QString unit;                                    // its key in m_inFlight
    Placement placement;                             // Haproxy
    std::optional<Result<HaproxyPoll>> haproxy;      // Haproxy
    std::optional<Result<BirdPoll>> bird;            // Bird
    std::optional<Result<BirdObservation>> observed; // Observer
    ServicePath path;                                // Haproxy, once known
    bool pathKnown = false;
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

// What a finished read answered; a read abandoned without an answer (its
// transport closed) is an error like any other.
template <typename T> Result<T> resultOf(const QFuture<Result<T>> &done)
{
    if (done.resultCount() > 0)
        return done.result();
    return Error(ErrorCode::Cancelled, u"the read was abandoned before it answered"_s);
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
    QList<Host> connected = m_inventory.hosts();
    connected += m_inventory.observers();
    for (const Host &host : std::as_const(connected)) {
        std::unique_ptr<Transport> transport = factory(host);
        const QString name = host.name;
        connect(transport.get(), &Transport::statusChanged, this,
                [this, name](const TransportStatus &status) {
                    emit transportStatusChanged(name, status);
                });
        // While polling, a host that comes back is seen within a few
        // intervals: the backoff between attempts stops at 4 intervals
        // (between 2 s and the transport's own 30 s).
        transport->setReconnectMaxDelay(std::clamp<std::chrono::milliseconds>(
            4 * m_inventory.pollInterval(), std::chrono::seconds(2), std::chrono::seconds(30)));
        m_transports.emplace(host.name, std::move(transport));
    }
    // Round starts block on discovery and configuration reads block on their
    // exec: two per host can run at once.
    m_pool.setMaxThreadCount(std::max<int>(1, 2 * int(connected.size())));
    m_pool.setExpiryTimeout(-1);
    m_mergePool.setMaxThreadCount(1);
    m_mergePool.setExpiryTimeout(-1);

    Snapshot::Data data;
    data.inventory = m_inventory;
    data.time = m_clock.now();
    m_latest.snapshot = Snapshot(std::move(data));
    m_latest.verdicts =
        std::make_shared<const FleetVerdicts>(evaluateFleet(m_latest.snapshot, m_clock.now()));

    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(m_inventory.pollInterval());
    connect(&m_timer, &QTimer::timeout, this, [this] { startRound(everyName()); });
}

QStringList FleetPoller::everyName() const
{
    QStringList names;
    for (const Host &host : m_inventory.hosts())
        names << host.name;
    for (const Host &observer : m_inventory.observers())
        names << observer.name;
    return names;
}

FleetPoller::~FleetPoller()
{
    m_timer.stop();
    // Units end by themselves: every read has a deadline.  Their answers
    // call back into this object, so wait until the last one is merged.
    {
        QMutexLocker lock(&m_mutex);
        while (!m_inFlight.isEmpty() || !m_arrived.empty() || m_mergeScheduled)
            waitOn(m_idle, m_mutex);
    }
    m_pool.waitForDone();
    m_mergePool.waitForDone();
}

void FleetPoller::start()
{
    m_timer.start();
    startRound(everyName());
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
    const QStringList hosts = everyName();
    {
        QMutexLocker lock(&m_mutex);
        Waiter waiter;
        waiter.started = m_clock.now();
        for (const QString &name : hosts)
            waiter.pending.insert(name);
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

void FleetPoller::reconnectUnreachable()
{
    for (const auto &[name, transport] : m_transports) {
        if (transport->status().state == TransportState::Failed)
            transport->reconnectNow();
    }
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
            const QString unit = u"start:"_s + name;
            if (m_inFlight.contains(unit))
                continue; // discovery on a slow host is still running
            m_inFlight.insert(unit);
        }
        if (const Host *host = m_inventory.host(name))
            startOnPool(m_pool, [this, host] { startHost(*host); });
        else if (const Host *observer = m_inventory.observer(name))
            startOnPool(m_pool, [this, observer] { startObserver(*observer); });
    }
}

void FleetPoller::startObserver(const Host &observer)
{
    Transport *transport = this->transport(observer.name);
    quint64 round = 0;
    bool read = false;
    QStringList prefixes;
    {
        QMutexLocker lock(&m_mutex);
        round = m_nextRound++;
        Round &state = m_rounds[round];
        state.host = observer.name;
        state.pending = 1; // the RoundStarted arrival below
        const QString unit = u"observer:"_s + observer.name;
        if (!m_inFlight.contains(unit)) {
            m_inFlight.insert(unit);
            read = true;
            state.pending += 1;
        }
        const Inventory known = m_inventory.withDiscoveredVips(m_discovered);
        for (const Vip &vip : known.vips()) {
            for (const Prefix &prefix : vip.prefixes) {
                if (!prefixes.contains(prefix.toString()))
                    prefixes << prefix.toString();
            }
        }
    }
    if (read) {
        BirdClient(transport, observer.birdSocket, {}, qsizetype(observer.birdReplyLimit))
            .observe(prefixes)
            .then([this, transport, round,
                   name = observer.name](QFuture<Result<BirdObservation>> done) {
                Arrival arrival =
                    answered(ArrivalKind::Observer, round, name, u"observer:"_s + name, transport);
                arrival.observed = resultOf(done);
                arrive(std::move(arrival));
            });
    }
    arrive(answered(ArrivalKind::RoundStarted, round, observer.name, u"start:"_s + observer.name,
                    transport));
}

void FleetPoller::startHost(const Host &host)
{
    Transport *transport = this->transport(host.name);
    QList<Placement> placements;
    for (const Vip *vip : m_inventory.vipsOnHost(host.name)) {
        if (const Placement *placement = m_inventory.placement(vip->name, host.name))
            placements << *placement;
    }

    // Discovery: glob each discovering group's stats socket template.
    QList<Vip> discovered;
    for (const Group &group : m_inventory.groups()) {
        if (!group.discover || !group.hosts.contains(host.name))
            continue;
        for (const Placement &placement : group.discovery) {
            if (placement.host != host.name)
                continue;
            const QString pattern = QString(placement.statsSocket).replace(u"{vip}"_s, u"*"_s);
            const Result<QStringList> found = transport->glob(pattern).result();
            if (!found) {
                qCWarning(lcFleet)
                    << "discovery on" << host.name << "failed:" << found.error().toString();
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
                vip.group = group.name;
                vip.pollInterval = group.pollInterval;
                vip.minUpServers = group.minUpServers;
                for (const Placement &p : group.discovery)
                    vip.placements << p.withVip(name);
                discovered << vip;
                placements << placement.withVip(name);
            }
        }
    }

    // Claim the units this round runs; one still running from an earlier
    // round (a hung daemon) is left to finish on its own deadline.
    quint64 round = 0;
    bool readBird = false;
    QList<Placement> toRead;
    {
        QMutexLocker lock(&m_mutex);
        for (const Vip &vip : std::as_const(discovered)) {
            if (std::none_of(m_discovered.cbegin(), m_discovered.cend(),
                             [&](const Vip &v) { return v.name == vip.name; }))
                m_discovered << vip;
        }
        round = m_nextRound++;
        Round &state = m_rounds[round];
        state.host = host.name;
        state.pending = 1; // the RoundStarted arrival below
        const QString birdUnit = u"bird:"_s + host.name;
        if (!m_inFlight.contains(birdUnit)) {
            m_inFlight.insert(birdUnit);
            readBird = true;
            state.pending += 1;
        }
        for (const Placement &placement : std::as_const(placements)) {
            const QString unit = u"haproxy:"_s + Snapshot::key(placement.vip, placement.host);
            if (m_inFlight.contains(unit))
                continue;
            m_inFlight.insert(unit);
            toRead << placement;
            state.pending += 1;
        }
    }

    // Each answer is merged as it comes (a continuation on whichever thread
    // finished the read); a read that failed is merged as that failure.
    for (const Placement &placement : std::as_const(toRead)) {
        HaproxyClient(transport, placement.statsSocket, {}, qsizetype(placement.replyLimit))
            .poll()
            .then([this, transport, round, placement](QFuture<Result<HaproxyPoll>> done) {
                Arrival arrival = answered(
                    ArrivalKind::Haproxy, round, placement.host,
                    u"haproxy:"_s + Snapshot::key(placement.vip, placement.host), transport);
                arrival.placement = placement;
                arrival.haproxy = resultOf(done);
                arrive(std::move(arrival));
            });
    }
    if (readBird) {
        BirdClient(transport, host.birdSocket, {}, qsizetype(host.birdReplyLimit))
            .poll()
            .then([this, transport, round, name = host.name](QFuture<Result<BirdPoll>> done) {
                Arrival arrival =
                    answered(ArrivalKind::Bird, round, name, u"bird:"_s + name, transport);
                arrival.bird = resultOf(done);
                arrive(std::move(arrival));
            });
    }
    arrive(
        answered(ArrivalKind::RoundStarted, round, host.name, u"start:"_s + host.name, transport));
}

FleetPoller::Arrival FleetPoller::answered(ArrivalKind kind, quint64 round, const QString &host,
                                           const QString &unit, const Transport *transport) const
{
    Arrival arrival;
    arrival.kind = kind;
    arrival.round = round;
    arrival.host = host;
    arrival.unit = unit;
    arrival.transportStatus = transport->status();
    arrival.finished = m_clock.now();
    return arrival;
}

void FleetPoller::arrive(Arrival arrival)
{
    QMutexLocker lock(&m_mutex);
    if (m_arrived.empty())
        m_batchStarted.start();
    m_arrived.push_back(std::move(arrival));
    m_answered.wakeAll();
    if (!m_mergeScheduled) {
        m_mergeScheduled = true;
        startOnPool(m_mergePool, [this] { mergeArrived(); });
    }
}

bool FleetPoller::pathIsCurrent(Arrival &arrival) const
{
    // A VIP's configuration is read when its HAProxy worker is new to us
    // (first poll, reload, restart) and, after a failed read, again a minute
    // later: HAProxy runs what it read when it started.
    constexpr qint64 retryFailedSecs = 60;
    if (arrival.pathKnown || arrival.placement.configPath.isEmpty() || !*arrival.haproxy)
        return true;
    const auto cached =
        m_paths.constFind(Snapshot::key(arrival.placement.vip, arrival.placement.host));
    const bool current =
        cached != m_paths.constEnd() && cached->pid == (*arrival.haproxy)->info.pid &&
        cached->configPath == arrival.placement.configPath &&
        (!cached->path.error || cached->readAt.secsTo(m_clock.now()) < retryFailedSecs);
    if (current)
        arrival.path = cached->path;
    return current;
}

void FleetPoller::readPaths(std::vector<Arrival> arrivals)
{
    // One exec reads the configurations of every VIP in the batch; the
    // answers are merged only with their service paths, so a verdict never
    // flashes the "no configuration" fallback for a VIP whose config is
    // merely not read yet.
    QList<Placement> placements;
    QList<Vip> vips; // copies: m_discovered may grow meanwhile
    QList<bool> known;
    {
        QMutexLocker lock(&m_mutex);
        for (const Arrival &arrival : arrivals) {
            placements << arrival.placement;
            const Vip *vip = m_inventory.vip(arrival.placement.vip);
            for (const Vip &discovered : std::as_const(m_discovered))
                vip = discovered.name == arrival.placement.vip ? &discovered : vip;
            vips << (vip ? *vip : Vip{});
            known << (vip != nullptr);
        }
    }
    QList<const Vip *> pointers;
    for (qsizetype i = 0; i < vips.size(); ++i)
        pointers << (known[i] ? &vips[i] : nullptr);

    const QList<ServicePath> read =
        readServicePaths(transport(arrivals.front().host), placements, pointers);
    const QDateTime now = m_clock.now();
    {
        QMutexLocker lock(&m_mutex);
        for (size_t j = 0; j < arrivals.size(); ++j) {
            Arrival &arrival = arrivals[j];
            arrival.path = read.value(qsizetype(j));
            arrival.pathKnown = true;
            // The verdict names it on every cell concerned; no stderr line per VIP.
            if (arrival.path.error)
                qCInfo(lcFleet) << "service paths:" << arrival.path.error->toString();
            m_paths.insert(Snapshot::key(arrival.placement.vip, arrival.placement.host),
                           CachedPath{(*arrival.haproxy)->info.pid, arrival.placement.configPath,
                                      now, arrival.path});
        }
    }
    for (Arrival &arrival : arrivals)
        arrive(std::move(arrival));
}

void FleetPoller::apply(Snapshot::Data &data, const Arrival &arrival)
{
    switch (arrival.kind) {
    case ArrivalKind::RoundStarted:
        return;
    case ArrivalKind::Bird: {
        const Result<BirdPoll> &bird = *arrival.bird;
        QList<Placement> placements;
        for (const Vip *vip : m_inventory.vipsOnHost(arrival.host)) {
            if (const Placement *p = m_inventory.placement(vip->name, arrival.host))
                placements << *p;
        }
        for (const Vip &vip : std::as_const(m_discovered)) {
            for (const Placement &p : vip.placements) {
                if (p.host == arrival.host)
                    placements << p;
            }
        }
        HostObservation host;
        if (bird.ok()) {
            host = hostObservation(*bird, arrival.host, placements, arrival.finished);
            if (!bird->errors.isEmpty())
                host.error = bird->errors.first().at(arrival.host);
            // A discovered VIP's prefixes are the routes its protocol exports.
            for (Vip &vip : m_discovered) {
                for (const Placement &p : std::as_const(vip.placements)) {
                    if (p.host != arrival.host)
                        continue;
                    const QList<Prefix> prefixes = prefixesFromBird(*bird, p.birdProtocol);
                    if (!prefixes.isEmpty())
                        vip.prefixes = prefixes;
                }
            }
        } else {
            host = data.hosts.value(arrival.host);
            host.host = arrival.host;
            const Error &error = bird.error();
            host.error = error.where.isEmpty() ? error.at(arrival.host) : error;
            // Whatever BIRD did (hung, stopped, refusing), a host whose SSH
            // connection works is reachable: only what BIRD says is unknown.
            host.reachable = arrival.transportStatus.state == TransportState::Connected;
        }
        data.hosts.insert(arrival.host, host);
        return;
    }
    case ArrivalKind::Observer: {
        const Result<BirdObservation> &observed = *arrival.observed;
        ObserverObservation observer;
        if (observed) {
            observer = observerObservation(*observed, arrival.host, arrival.finished);
            if (!observed->errors.isEmpty())
                observer.error = observed->errors.first().at(arrival.host);
        } else {
            observer = data.observers.value(arrival.host);
            observer.observer = arrival.host;
            const Error &error = observed.error();
            observer.error = error.where.isEmpty() ? error.at(arrival.host) : error;
            observer.reachable = arrival.transportStatus.state == TransportState::Connected;
        }
        data.observers.insert(arrival.host, observer);
        return;
    }
    case ArrivalKind::Haproxy: {
        const Placement &placement = arrival.placement;
        const Result<HaproxyPoll> &result = *arrival.haproxy;
        const QString key = Snapshot::key(placement.vip, placement.host);
        if (result) {
            HaproxyObservation observation =
                haproxyObservation(*result, placement, arrival.finished);
            observation.classification = arrival.path.classification;
            observation.configError = arrival.path.error;
            data.haproxies.insert(key, observation);
        } else {
            HaproxyObservation kept = data.haproxies.value(key);
            kept.vip = placement.vip;
            kept.host = placement.host;
            kept.error = result.error();
            data.haproxies.insert(key, kept);
        }
        return;
    }
    }
}

void FleetPoller::mergeArrived()
{
    FleetUpdate update;
    QList<std::pair<std::shared_ptr<QPromise<FleetUpdate>>, QDateTime>> done;
    {
        QMutexLocker lock(&m_mutex);
        // Answers of one round come in bursts: while some are still due,
        // gather them for up to 250 ms after the first, so listeners (the GUI
        // thread, the history) get about one update per host and round rather
        // than one per VIP, and the configurations of a host's VIPs are read
        // in one command.  At 2 hosts x 150 VIPs a round's answers spread
        // over more than 50 ms; 250 ms took the console from 11.9 % to 9.2 %
        // of a core polling every second (600 ms gained nothing more).
        // Nothing waits once every running read has answered.
        constexpr qint64 gatherMs = 250;
        const QDeadlineTimer gather(std::max<qint64>(0, gatherMs - m_batchStarted.elapsed()));
        while (!gather.hasExpired() && qsizetype(m_arrived.size()) < m_inFlight.size())
            waitOn(m_answered, m_mutex, gather);
        std::vector<Arrival> batch;
        batch.swap(m_arrived);
        m_mergeScheduled = false;

        // HAProxy answers whose configuration must be read first wait for it.
        std::map<QString, std::vector<Arrival>> needPaths; // by host
        std::vector<Arrival> ready;
        for (Arrival &arrival : batch) {
            if (arrival.kind == ArrivalKind::Haproxy && !pathIsCurrent(arrival))
                needPaths[arrival.host].push_back(std::move(arrival));
            else
                ready.push_back(std::move(arrival));
        }
        for (auto &[host, arrivals] : needPaths) {
            startOnPool(m_pool, [this, arrivals = std::move(arrivals)]() mutable {
                readPaths(std::move(arrivals));
            });
        }
        if (ready.empty()) {
            m_idle.wakeAll();
            return;
        }

        const Snapshot previous = m_latest.snapshot;
        Snapshot::Data data = previous.data();
        data.sequence += 1;
        for (const Arrival &arrival : ready) {
            apply(data, arrival);
            if (!data.time.isValid() || arrival.finished > data.time)
                data.time = arrival.finished;
        }
        data.inventory = m_inventory.withDiscoveredVips(m_discovered);

        QStringList hostsDone;
        for (const Arrival &arrival : ready) {
            m_inFlight.remove(arrival.unit);
            const auto round = m_rounds.find(arrival.round);
            if (round == m_rounds.end() || --round->pending > 0)
                continue;
            if (!hostsDone.contains(round->host))
                hostsDone << round->host;
            m_rounds.erase(round);
        }

        update.snapshot = Snapshot(std::move(data));
        update.events = diffSnapshots(previous, update.snapshot);
        update.verdicts =
            std::make_shared<const FleetVerdicts>(evaluateFleet(update.snapshot, m_clock.now()));
        for (const QString &name : std::as_const(hostsDone)) {
            if (m_inventory.host(name))
                update.hostsUpdated << name; // observers are no hosts
        }
        m_latest = update;

        for (qsizetype i = m_waiters.size() - 1; i >= 0; --i) {
            for (const QString &host : std::as_const(hostsDone))
                m_waiters[i].pending.remove(host);
            if (m_waiters[i].pending.isEmpty()) {
                done.append({m_waiters[i].promise, m_waiters[i].started});
                m_waiters.removeAt(i);
            }
        }
        if (m_inFlight.isEmpty() && m_arrived.empty())
            m_idle.wakeAll();
    }
    emitOnItsThread(this, &FleetPoller::updated, update);
    for (const auto &[promise, started] : done) {
        // What this round read is the newest there is, however long the
        // slowest read of the round took.
        FleetUpdate answer = update;
        VerdictOptions options;
        options.freshSince = started;
        answer.verdicts = std::make_shared<const FleetVerdicts>(
            evaluateFleet(answer.snapshot, m_clock.now(), options));
        promise->addResult(answer);
        promise->finish();
    }
}

} // namespace vipdeck
