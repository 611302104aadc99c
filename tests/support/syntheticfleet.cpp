#include "tests/support/syntheticfleet.h"

#include "core/inventory/inventoryloader.h"

using namespace Qt::StringLiterals;

namespace vipdeck::test {

QDateTime syntheticNow()
{
    return QDateTime(QDate(2026, 11, 23), QTime(12, 0), Qt::UTC);
}

namespace {

// Paths every synthetic fleet shares; only hosts, groups and VIPs differ.
const QByteArray Defaults = R"(version: 1
defaults:
  poll_interval: 1s
  haproxy:
    stats_socket: /run/haproxy/{vip}.sock
    master_socket: /run/haproxy/{vip}-master.sock
    config: /etc/haproxy/{vip}.cfg
  bird:
    control_socket: /run/bird/bird.ctl
    vip_protocol: vip_{vip}
)";

const QByteArray FleetYaml = Defaults + R"(hosts:
  - {name: lb1, address: 127.0.10.1}
  - {name: lb2, address: 127.0.10.2}
  - {name: lb3, address: 127.0.10.3}
  - {name: lb4, address: 127.0.10.4}
groups:
  - {name: aa, mode: active-active, hosts: [lb1, lb2]}
  - {name: pb, mode: primary-backup, primary: lb3, hosts: [lb3, lb4]}
vips:
  - {name: web, group: aa, prefixes: [203.0.113.10/32], min_up_servers: 2}
  - {name: tenant, group: pb, prefixes: [198.51.100.20/32]}
)";

ServerObservation server(const QString &name, bool backup = false)
{
    ServerObservation s;
    s.backend = u"be"_s;
    s.name = name;
    s.status.state = ServerState::Up;
    s.status.raw = u"UP"_s;
    s.checkStatus = u"L7OK"_s;
    s.weight = s.initialWeight = 1;
    s.backup = backup;
    return s;
}

HaproxyObservation haproxy(const QString &vip, const QString &host)
{
    HaproxyObservation h;
    h.vip = vip;
    h.host = host;
    h.time = syntheticNow().addSecs(-1);
    h.pid = 100;
    FrontendObservation fe;
    fe.name = u"fe"_s;
    fe.open = true;
    h.frontends << fe;
    BackendObservation be;
    be.name = u"be"_s;
    be.up = true;
    be.servers << server(u"s1"_s) << server(u"s2"_s) << server(u"s3"_s) << server(u"spare"_s, true);
    h.backends << be;
    return h;
}

HostObservation host(const QString &name, const QStringList &exported)
{
    HostObservation h;
    h.host = name;
    h.time = syntheticNow().addSecs(-1);
    h.reachable = true;
    for (const QString &rr : {u"rr1"_s, u"rr2"_s}) {
        // rr1 is 127.0.20.1, rr2 127.0.20.2 (observedFleet() says so too).
        const QString address = rr == u"rr1"_s ? u"127.0.20.1"_s : u"127.0.20.2"_s;
        BgpSessionObservation bgp;
        bgp.protocol = rr;
        bgp.neighborAddress = address;
        bgp.protocolState = BirdProtocolState::Up;
        bgp.state = BgpState::Established;
        bgp.exportedPrefixes = exported;
        h.bgpSessions << bgp;
        BfdSessionObservation bfd;
        bfd.address = address;
        bfd.state = BfdState::Up;
        h.bfdSessions << bfd;
    }
    return h;
}

Inventory inventoryFrom(const QByteArray &yaml)
{
    const LoadedInventory loaded = parseInventory(yaml, u"fleet.yaml"_s);
    if (!loaded.ok())
        qFatal("test fleet does not load: %s", qPrintable(loaded.diagnostics.first().toString()));
    return *loaded.inventory;
}

} // namespace

Snapshot::Data healthyFleet()
{
    Snapshot::Data data;
    data.time = syntheticNow();
    data.inventory = inventoryFrom(FleetYaml);
    data.hosts[u"lb1"_s] = host(u"lb1"_s, {u"203.0.113.10/32"_s});
    data.hosts[u"lb2"_s] = host(u"lb2"_s, {u"203.0.113.10/32"_s});
    data.hosts[u"lb3"_s] = host(u"lb3"_s, {u"198.51.100.20/32"_s});
    data.hosts[u"lb4"_s] = host(u"lb4"_s, {});
    for (const QString &h : {u"lb1"_s, u"lb2"_s})
        data.haproxies[Snapshot::key(u"web"_s, h)] = haproxy(u"web"_s, h);
    for (const QString &h : {u"lb3"_s, u"lb4"_s})
        data.haproxies[Snapshot::key(u"tenant"_s, h)] = haproxy(u"tenant"_s, h);
    return data;
}

Snapshot::Data observedFleet()
{
    Snapshot::Data data = healthyFleet();
    QByteArray yaml = FleetYaml;
    yaml.replace("  - {name: lb3, address: 127.0.10.3}",
                 "  - {name: lb3, address: lb3.example.org, bird: {router_id: 10.0.0.3}}");
    yaml += R"(observers:
  - {name: rr1, address: 127.0.20.1}
  - {name: rr2, address: 127.0.20.2}
)";
    data.inventory = inventoryFrom(yaml);
    for (const QString &rr : {u"rr1"_s, u"rr2"_s}) {
        ObserverObservation o;
        o.observer = rr;
        o.time = syntheticNow().addSecs(-1);
        o.reachable = true;
        ObservedPath fromLb1;
        fromLb1.protocol = u"lb1"_s;
        fromLb1.from = u"127.0.10.1"_s;
        fromLb1.nextHop = u"127.0.10.1"_s;
        fromLb1.best = true;
        ObservedPath fromLb2;
        fromLb2.protocol = u"lb2"_s;
        fromLb2.from = u"127.0.20.9"_s; // a neighbor that is no LB host
        fromLb2.nextHop = u"127.0.10.2"_s;
        ObservedPath fromLb3;
        fromLb3.protocol = u"rr3"_s;
        fromLb3.from = u"127.0.20.3"_s;
        fromLb3.nextHop = u"192.0.2.3"_s;
        fromLb3.originatorId = u"10.0.0.3"_s;
        fromLb3.best = true;
        o.paths[u"203.0.113.10/32"_s] = {fromLb1, fromLb2};
        o.paths[u"198.51.100.20/32"_s] = {fromLb3};
        data.observers[rr] = o;
    }
    return data;
}

ServerObservation &serverIn(Snapshot::Data &data, const QString &vip, const QString &h, int index)
{
    return data.haproxies[Snapshot::key(vip, h)].backends[0].servers[index];
}

Snapshot::Data scaledFleet(int vips, int serversPerBackend, int hosts)
{
    QStringList names;
    QByteArray yaml = Defaults + "hosts:\n";
    for (int h = 1; h <= hosts; ++h) {
        names << u"lb%1"_s.arg(h);
        yaml += "  - {name: lb" + QByteArray::number(h) + ", address: 127.0.10." +
                QByteArray::number(h) + "}\n";
    }
    yaml += "groups:\n  - {name: aa, mode: active-active, hosts: [" +
            names.join(u", "_s).toLatin1() + "]}\nvips:\n";
    QStringList prefixes;
    for (int v = 0; v < vips; ++v) {
        const QString prefix = u"10.1.%1.%2/32"_s.arg(v / 250).arg(v % 250);
        prefixes << prefix;
        yaml += "  - {name: vip" + QByteArray::number(v) + ", group: aa, prefixes: [" +
                prefix.toLatin1() + "]}\n";
    }
    Snapshot::Data data;
    data.time = syntheticNow();
    data.inventory = inventoryFrom(yaml);
    for (const QString &name : std::as_const(names))
        data.hosts[name] = host(name, prefixes);
    for (const Vip &vip : data.inventory.vips()) {
        for (const Placement &placement : vip.placements) {
            HaproxyObservation h = haproxy(vip.name, placement.host);
            QList<ServerObservation> &servers = h.backends[0].servers;
            servers.clear();
            for (int s = 0; s < serversPerBackend; ++s) {
                servers << server(u"srv%1"_s.arg(s));
                servers.last().lastChangeSecs = 1000;
            }
            data.haproxies.insert(Snapshot::key(vip.name, placement.host), h);
        }
    }
    return data;
}

} // namespace vipdeck::test
