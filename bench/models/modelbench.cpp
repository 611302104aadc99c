// bench_models: how long the GUI thread spends applying one poll's update to
// every model of the console, for a synthetic fleet of 10,000 servers
// (default: 2 hosts x 250 VIPs x 20 servers).  The verdicts and events are
// computed before timing, as the poller does off the GUI thread.  Each poll
// changes the sessions of ~10 % of the servers and the state of a few, like a
// busy fleet; the first application (all rows inserted) is reported apart.
//
//   bench_models [--vips N] [--servers-per-backend N] [--polls N]

#include "core/fleet/fleetupdate.h"
#include "core/inventory/inventoryloader.h"
#include "models/fleetmodels.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QRandomGenerator>
#include <QTextStream>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;
using namespace vipdeck;

namespace {

Inventory makeInventory(int vips)
{
    QByteArray yaml = R"(version: 1
defaults:
  poll_interval: 1s
  haproxy:
    stats_socket: /run/haproxy/{vip}.sock
    master_socket: /run/haproxy/{vip}-master.sock
    config: /etc/haproxy/{vip}.cfg
  bird:
    control_socket: /run/bird/bird.ctl
    vip_protocol: vip_{vip}
hosts:
  - {name: lb1, address: 127.0.10.1}
  - {name: lb2, address: 127.0.10.2}
groups:
  - {name: aa, mode: active-active, hosts: [lb1, lb2]}
vips:
)";
    for (int v = 0; v < vips; ++v)
        yaml += QByteArray("  - {name: vip") + QByteArray::number(v) +
                ", group: aa, prefixes: [10.1." + QByteArray::number(v / 250) + "." +
                QByteArray::number(v % 250) + "/32]}\n";
    const LoadedInventory loaded = parseInventory(yaml, u"bench.yaml"_s);
    if (!loaded.ok())
        qFatal("bench fleet does not load: %s", qPrintable(loaded.diagnostics.first().toString()));
    return *loaded.inventory;
}

Snapshot::Data makeFleet(const Inventory &inventory, int serversPerBackend, const QDateTime &now)
{
    Snapshot::Data data;
    data.time = now;
    data.inventory = inventory;
    for (const Host &host : inventory.hosts()) {
        HostObservation h;
        h.host = host.name;
        h.time = now;
        h.reachable = true;
        BgpSessionObservation bgp;
        bgp.protocol = u"rr1"_s;
        bgp.neighborAddress = u"127.0.20.1"_s;
        bgp.protocolState = BirdProtocolState::Up;
        bgp.state = BgpState::Established;
        for (const Vip &vip : inventory.vips()) {
            for (const Prefix &prefix : vip.prefixes)
                bgp.exportedPrefixes << prefix.toString();
        }
        h.bgpSessions << bgp;
        BfdSessionObservation bfd;
        bfd.address = u"127.0.20.1"_s;
        bfd.state = BfdState::Up;
        h.bfdSessions << bfd;
        data.hosts.insert(host.name, h);
    }
    for (const Vip &vip : inventory.vips()) {
        for (const Placement &placement : vip.placements) {
            HaproxyObservation h;
            h.vip = vip.name;
            h.host = placement.host;
            h.time = now;
            h.pid = 100;
            FrontendObservation fe;
            fe.name = u"fe"_s;
            fe.open = true;
            h.frontends << fe;
            BackendObservation be;
            be.name = u"be"_s;
            be.up = true;
            for (int s = 0; s < serversPerBackend; ++s) {
                ServerObservation server;
                server.backend = be.name;
                server.name = u"srv%1"_s.arg(s);
                server.status.state = ServerState::Up;
                server.status.raw = u"UP"_s;
                server.checkStatus = u"L7OK"_s;
                server.weight = server.initialWeight = 1;
                server.lastChangeSecs = 1000;
                be.servers << server;
            }
            h.backends << be;
            data.haproxies.insert(Snapshot::key(vip.name, placement.host), h);
        }
    }
    return data;
}

// The next poll: time moves on, ~10 % of servers see new session counts and a few flap.
Snapshot::Data nextPoll(Snapshot::Data data, int poll, QRandomGenerator &random)
{
    data.sequence = quint64(poll + 1);
    data.time = data.time.addSecs(1);
    for (HaproxyObservation &h : data.haproxies) {
        h.time = data.time;
        h.frontends[0].sessions = random.bounded(1000);
        for (ServerObservation &s : h.backends[0].servers) {
            s.lastChangeSecs += 1;
            if (random.bounded(10) == 0) {
                s.sessions = random.bounded(100);
                s.sessionRate = random.bounded(50);
            }
            if (random.bounded(1000) == 0) {
                const bool down = s.status.state == ServerState::Up;
                s.status.state = down ? ServerState::Down : ServerState::Up;
                s.status.raw = down ? u"DOWN"_s : u"UP"_s;
                s.lastChangeSecs = 0;
            }
        }
    }
    return data;
}

FleetUpdate makeUpdate(Snapshot::Data data, const Snapshot &previous)
{
    FleetUpdate update;
    update.snapshot = Snapshot(std::move(data));
    update.verdicts = std::make_shared<const FleetVerdicts>(
        evaluateFleet(update.snapshot, update.snapshot.time()));
    update.events = diffSnapshots(previous, update.snapshot);
    return update;
}

double millis(qint64 nanos)
{
    return double(nanos) / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption vipsOption(u"vips"_s, u"VIPs (2 hosts each)."_s, u"n"_s, u"250"_s);
    const QCommandLineOption serversOption(u"servers-per-backend"_s, u"Servers per backend."_s,
                                           u"n"_s, u"20"_s);
    const QCommandLineOption pollsOption(u"polls"_s, u"Polls to time."_s, u"n"_s, u"50"_s);
    parser.addOptions({vipsOption, serversOption, pollsOption});
    parser.process(app);
    const int vips = parser.value(vipsOption).toInt();
    const int perBackend = parser.value(serversOption).toInt();
    const int polls = parser.value(pollsOption).toInt();

    QTextStream out(stdout);
    const Inventory inventory = makeInventory(vips);
    const QDateTime start = QDateTime::currentDateTimeUtc();
    QRandomGenerator random(7);

    // Build every update first: that work belongs to the poller's thread.
    QList<FleetUpdate> updates;
    Snapshot::Data data = makeFleet(inventory, perBackend, start);
    updates << makeUpdate(data, Snapshot());
    for (int p = 0; p < polls; ++p) {
        data = nextPoll(std::move(data), p, random);
        updates << makeUpdate(data, updates.last().snapshot);
    }

    FleetModels models;
    models.tree()->setInventory(inventory);
    QElapsedTimer timer;
    timer.start();
    models.applyUpdate(updates.first());
    const qint64 firstNanos = timer.nsecsElapsed();
    const int servers = models.servers()->rowCount();

    QList<qint64> times;
    for (qsizetype i = 1; i < updates.size(); ++i) {
        timer.restart();
        models.applyUpdate(updates[i]);
        times << timer.nsecsElapsed();
    }
    std::sort(times.begin(), times.end());

    // Where the time goes: each model alone over the same polls.
    FleetModels single;
    single.tree()->setInventory(inventory);
    single.applyUpdate(updates.first());
    const struct
    {
        QString name;
        std::function<void(const FleetUpdate &)> apply;
    } parts[] = {
        {u"matrix"_s, [&](const FleetUpdate &u) { single.matrix()->applyUpdate(u); }},
        {u"servers"_s, [&](const FleetUpdate &u) { single.servers()->applyUpdate(u); }},
        {u"bgp+bfd"_s,
         [&](const FleetUpdate &u) {
             single.bgp()->applyUpdate(u);
             single.bfd()->applyUpdate(u);
         }},
        {u"tree"_s, [&](const FleetUpdate &u) { single.tree()->applyUpdate(u); }},
        {u"events"_s, [&](const FleetUpdate &u) { single.events()->addEvents(u.events); }},
        {u"series"_s, [&](const FleetUpdate &u) { single.series()->append(u.snapshot); }},
    };
    QStringList breakdown;
    for (const auto &part : parts) {
        qint64 total = 0;
        for (qsizetype i = 1; i < updates.size(); ++i) {
            timer.restart();
            part.apply(updates[i]);
            total += timer.nsecsElapsed();
        }
        breakdown << u"%1 %2"_s.arg(part.name).arg(
            millis(total / qMax<qint64>(1, updates.size() - 1)), 0, 'f', 2);
    }
    const auto percentile = [&](double p) {
        return times.isEmpty() ? 0 : times[qsizetype(p * double(times.size() - 1))];
    };
    out << u"fleet: %1 VIPs x 2 hosts, %2 servers, %3 server rows in the table\n"_s.arg(vips)
               .arg(vips * 2 * perBackend)
               .arg(servers);
    out << u"first update (all rows inserted): %1 ms\n"_s.arg(millis(firstNanos), 0, 'f', 2);
    out << u"per poll over %1 polls: median %2 ms, p90 %3 ms, max %4 ms (target < 8 ms)\n"_s
               .arg(times.size())
               .arg(millis(percentile(0.5)), 0, 'f', 2)
               .arg(millis(percentile(0.9)), 0, 'f', 2)
               .arg(millis(times.isEmpty() ? 0 : times.last()), 0, 'f', 2);
    out << u"mean per model (ms): "_s << breakdown.join(u", "_s) << u'\n';
    return 0;
}
