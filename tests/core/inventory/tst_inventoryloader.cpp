// Tests of the fleet.yaml loader: good fixtures resolve to the expected
// settings, every broken fixture yields its exact file:line:column messages,
// and no truncated file crashes the loader.

#include "core/inventory/inventoryloader.h"
#include "tests/support/testdata.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace vipdeck {

namespace {

const InventoryContext home{u"/home/admin"_s};

QStringList messages(const LoadedInventory &loaded)
{
    QStringList out;
    for (const Diagnostic &d : loaded.diagnostics)
        out.append(d.toString());
    return out;
}

// Parses a fixture of tests/data/inventory and fails the test on any diagnostic.
Inventory loadGood(const QString &fixture)
{
    const LoadedInventory loaded =
        parseInventory(test::readData(u"inventory/"_s + fixture), fixture, home);
    [&] { QCOMPARE(messages(loaded), QStringList()); }();
    if (!loaded.inventory)
        qFatal("%s did not load", qPrintable(fixture));
    return *loaded.inventory;
}

QStringList vipNames(const QList<const Vip *> &vips)
{
    QStringList out;
    for (const Vip *v : vips)
        out.append(v->name);
    return out;
}

} // namespace

class TestInventoryLoader : public QObject
{
    Q_OBJECT

private slots:
    void placements_data();
    void placements();
    void sshSettings_data();
    void sshSettings();
    void hostsAndGroups();
    void discovery();
    void replyLimits();
    void observers();
    void exampleLoads();
    void brokenFixtures_data();
    void brokenFixtures();
    void warningStillLoads();
    void loadNamesThePath();
    void unreadableFile_data();
    void unreadableFile();
    void truncatedFilesNeverCrash_data();
    void truncatedFilesNeverCrash();
};

void TestInventoryLoader::placements_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("vip");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QStringList>("paths"); // stats, master, config, BIRD socket, BIRD protocol
    QTest::addColumn<int>("pollMs");
    QTest::addColumn<int>("minUp");

    // Built-in defaults: only the stats socket is written.
    QTest::newRow("minimal") << u"good-minimal.yaml"_s << u"web"_s << u"lb1"_s
                             << QStringList{u"/run/haproxy/web.sock"_s, QString(), QString(),
                                            u"/run/bird/bird.ctl"_s, QString()}
                             << 2000 << 1;
    // group beats defaults (stats socket, poll, min up); {group} in the defaults' config.
    QTest::newRow("group over defaults")
        << u"good-precedence.yaml"_s << u"shop"_s << u"lb1"_s
        << QStringList{u"/run/haproxy/web-shop.sock"_s, u"/run/haproxy/shop-master.sock"_s,
                       u"/etc/haproxy/web/shop.cfg"_s, u"/run/bird/bird.ctl"_s, u"vip_shop"_s}
        << 500 << 2;
    // host beats group (poll 3s), {host} in master and BIRD socket templates.
    QTest::newRow("host over group")
        << u"good-precedence.yaml"_s << u"shop"_s << u"lb2"_s
        << QStringList{u"/run/haproxy/web-shop.sock"_s, u"/srv/lb2/shop-master.sock"_s,
                       u"/etc/haproxy/web/shop.cfg"_s, u"/run/bird/lb2.ctl"_s, u"vip_shop"_s}
        << 3000 << 2;
    // VIP beats host (poll 1s over lb2's 3s), VIP config and protocol with {host}.
    QTest::newRow("vip over host")
        << u"good-precedence.yaml"_s << u"api"_s << u"lb2"_s
        << QStringList{u"/run/haproxy/web-api.sock"_s, u"/srv/lb2/api-master.sock"_s,
                       u"/etc/haproxy/api.cfg"_s, u"/run/bird/lb2.ctl"_s, u"api_lb2"_s}
        << 1000 << 0;
    QTest::newRow("vip over group")
        << u"good-precedence.yaml"_s << u"api"_s << u"lb1"_s
        << QStringList{u"/run/haproxy/web-api.sock"_s, u"/run/haproxy/api-master.sock"_s,
                       u"/etc/haproxy/api.cfg"_s, u"/run/bird/bird.ctl"_s, u"api_lb1"_s}
        << 1000 << 0;
    // lb1 is in group web too, but a placement uses only the VIP's group (pair).
    QTest::newRow("placement uses the vip's group")
        << u"good-precedence.yaml"_s << u"db"_s << u"lb1"_s
        << QStringList{u"/run/haproxy/db.sock"_s, u"/run/haproxy/db-master.sock"_s,
                       u"/etc/haproxy/pair/db.cfg"_s, u"/run/bird/bird.ctl"_s, u"vip_db"_s}
        << 2000 << 1;
    // A VIP's haproxy map written once under a top-level x- key and aliased.
    QTest::newRow("anchors") << u"good-anchors.yaml"_s << u"web"_s << u"lb1"_s
                             << QStringList{u"/srv/web/stats.sock"_s, u"/srv/web/master.sock"_s,
                                            QString(), u"/run/bird/bird.ctl"_s, QString()}
                             << 2000 << 1;
    QTest::newRow("example host override")
        << u"fleet.yaml"_s << u"tenant-a"_s << u"lb4"_s
        << QStringList{u"/var/lib/haproxy/tenant-a/stats.sock"_s,
                       u"/run/haproxy/tenant-a-master.sock"_s, u"/etc/haproxy/vips/tenant-a.cfg"_s,
                       u"/run/bird/bird.ctl"_s, u"lbaas_tenant_a"_s}
        << 5000 << 1;
    QTest::newRow("example vip override")
        << u"fleet.yaml"_s << u"mail"_s << u"lb2"_s
        << QStringList{u"/run/haproxy/mail.sock"_s, u"/run/haproxy/mail-master.sock"_s,
                       u"/etc/haproxy/mail.cfg"_s, u"/run/bird/bird.ctl"_s, u"vip_mail"_s}
        << 2000 << 1;
}

namespace {

// "fleet.yaml" means the annotated example in resources/examples.
Inventory loadFixtureOrExample(const QString &fixture)
{
    if (fixture == u"fleet.yaml"_s) {
        const LoadedInventory loaded = loadInventory(QStringLiteral(VIPDECK_EXAMPLE_FLEET), home);
        if (!loaded.inventory)
            qFatal("the example fleet does not load");
        return *loaded.inventory;
    }
    return loadGood(fixture);
}

} // namespace

void TestInventoryLoader::placements()
{
    QFETCH(QString, fixture);
    QFETCH(QString, vip);
    QFETCH(QString, host);
    QFETCH(QStringList, paths);
    QFETCH(int, pollMs);
    QFETCH(int, minUp);

    const Inventory inventory = loadFixtureOrExample(fixture);
    const Placement *p = inventory.placement(vip, host);
    QVERIFY(p);
    QCOMPARE(p->vip, vip);
    QCOMPARE(p->host, host);
    QCOMPARE(p->group, inventory.vip(vip)->group);
    QCOMPARE((QStringList{p->statsSocket, p->masterSocket, p->configPath, p->birdSocket,
                          p->birdProtocol}),
             paths);
    QCOMPARE(p->pollInterval.count(), pollMs);
    QCOMPARE(p->minUpServers, minUp);
}

void TestInventoryLoader::sshSettings_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("user");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("identityFile");
    QTest::addColumn<bool>("useAgent");
    QTest::addColumn<QString>("knownHosts");
    QTest::addColumn<int>("connectMs");
    QTest::addColumn<int>("commandMs");
    QTest::addColumn<QString>("proxyJump");

    // Nothing written: user, port and known_hosts "not set here" (the SSH layer
    // takes them from ssh_config, else its defaults).
    QTest::newRow("built-in defaults")
        << u"good-minimal.yaml"_s << u"lb1"_s << QString() << 0 << QString() << true << QString()
        << 5000 << 10000 << QString();
    // defaults < group web (port, 1m) < group pair (user); both groups agree on 1m.
    QTest::newRow("groups over defaults")
        << u"good-precedence.yaml"_s << u"lb1"_s << u"pairuser"_s << 2022
        << u"/home/admin/.ssh/id_ed25519"_s << true << QString() << 5000 << 60000
        << u"ops@bastion.example.net"_s;
    QTest::newRow("host over group") << u"good-precedence.yaml"_s << u"lb2"_s << u"admin"_s << 2022
                                     << u"/home/admin/.ssh/id_ed25519"_s << false
                                     << u"/etc/vipdeck/known_hosts"_s << 5000 << 60000 << u"none"_s;
    // Groups pair and other disagree on the user; the host's own user settles it.
    QTest::newRow("host settles a group conflict")
        << u"good-precedence.yaml"_s << u"lb3"_s << u"lb3user"_s << 2024
        << u"/home/admin/.ssh/id_ed25519"_s << true << QString() << 5000 << 60000
        << u"j1,admin@j2:2022"_s;
    QTest::newRow("example host port")
        << u"fleet.yaml"_s << u"lb3"_s << u"vipdeck"_s << 2022 << u"/home/admin/.ssh/id_ed25519"_s
        << true << u"/home/admin/.ssh/known_hosts"_s << 5000 << 10000 << QString();
}

void TestInventoryLoader::sshSettings()
{
    QFETCH(QString, fixture);
    QFETCH(QString, host);
    QFETCH(QString, user);
    QFETCH(int, port);
    QFETCH(QString, identityFile);
    QFETCH(bool, useAgent);
    QFETCH(QString, knownHosts);
    QFETCH(int, connectMs);
    QFETCH(int, commandMs);
    QFETCH(QString, proxyJump);

    const Inventory inventory = loadFixtureOrExample(fixture);
    const Host *h = inventory.host(host);
    QVERIFY(h);
    QCOMPARE(h->ssh.user, user);
    QCOMPARE(h->ssh.port, port);
    QCOMPARE(h->ssh.identityFile, identityFile);
    QCOMPARE(h->ssh.useAgent, useAgent);
    QCOMPARE(h->ssh.knownHosts, knownHosts);
    QCOMPARE(h->ssh.connectTimeout.count(), connectMs);
    QCOMPARE(h->ssh.commandTimeout.count(), commandMs);
    QCOMPARE(h->ssh.proxyJump, proxyJump);
}

void TestInventoryLoader::hostsAndGroups()
{
    const Inventory inventory = loadGood(u"good-precedence.yaml"_s);
    QCOMPARE(inventory.sourceFile(), u"good-precedence.yaml"_s);
    QCOMPARE(inventory.summary(), u"good-precedence.yaml: 3 hosts, 3 groups, 3 VIPs"_s);
    QCOMPARE(inventory.hosts().size(), 3);
    QCOMPARE(inventory.host(u"lb2"_s)->address, u"lb2.example.net"_s);
    QCOMPARE(inventory.host(u"lb3"_s)->address, u"2001:db8::13"_s);
    QCOMPARE(inventory.host(u"lb3"_s)->line, 37);
    QVERIFY(!inventory.host(u"lb9"_s));
    QVERIFY(!inventory.group(u"nope"_s));
    QVERIFY(!inventory.placement(u"db"_s, u"lb2"_s));
    QVERIFY(!inventory.placement(u"nope"_s, u"lb1"_s));

    const Group *pair = inventory.group(u"pair"_s);
    QVERIFY(pair);
    QCOMPARE(pair->mode, GroupMode::PrimaryBackup);
    QCOMPARE(pair->primary, u"lb3"_s);
    QCOMPARE(pair->hosts, (QStringList{u"lb3"_s, u"lb1"_s}));
    QCOMPARE(inventory.group(u"web"_s)->mode, GroupMode::ActiveActive);
    QVERIFY(inventory.group(u"web"_s)->primary.isEmpty());

    QCOMPARE(inventory.groupsOfHost(u"lb1"_s), (QStringList{u"web"_s, u"pair"_s}));
    QCOMPARE(inventory.groupsOfHost(u"lb3"_s), (QStringList{u"pair"_s, u"other"_s}));
    QCOMPARE(vipNames(inventory.vipsOnHost(u"lb1"_s)), (QStringList{u"shop"_s, u"api"_s, u"db"_s}));
    QCOMPARE(vipNames(inventory.vipsOnHost(u"lb2"_s)), (QStringList{u"shop"_s, u"api"_s}));

    const Vip *shop = inventory.vip(u"shop"_s);
    QVERIFY(shop);
    QCOMPARE(shop->group, u"web"_s);
    QCOMPARE(shop->line, 67);
    QCOMPARE(shop->prefixes.size(), 2);
    QCOMPARE(shop->prefixes[0].toString(), u"203.0.113.20/32"_s);
    QCOMPARE(shop->prefixes[1].toString(), u"2001:db8:100::/64"_s);
    QCOMPARE(shop->placements.size(), 2);
    QCOMPARE(shop->placements[0].host, u"lb1"_s); // group order
    // Without the host level: defaults < group < VIP.
    QCOMPARE(shop->pollInterval, 500ms);
    QCOMPARE(shop->minUpServers, 2);
    QCOMPARE(inventory.vip(u"api"_s)->pollInterval, 1s);
    QCOMPARE(inventory.vip(u"api"_s)->minUpServers, 0);
    QCOMPARE(inventory.vip(u"db"_s)->prefixes[0].toString(), u"198.51.100.0/24"_s);
    // A bare address is a host prefix.
    QCOMPARE(loadGood(u"good-minimal.yaml"_s).vip(u"web"_s)->prefixes[0].toString(),
             u"203.0.113.10/32"_s);

    // The shortest interval of any placement.
    QCOMPARE(inventory.pollInterval(), 500ms);
}

void TestInventoryLoader::replyLimits()
{
    const QByteArray yaml = R"(version: 1
defaults:
  haproxy:
    stats_socket: /run/haproxy/{vip}.sock
    reply_limit: 8MiB
hosts:
  - name: lb1
    address: 192.0.2.1
  - name: lb2
    address: 192.0.2.2
    bird:
      reply_limit: 64MiB
groups:
  - name: pair
    mode: active-active
    hosts: [lb1, lb2]
vips:
  - name: web
    group: pair
    prefixes: [203.0.113.10/32]
  - name: api
    group: pair
    prefixes: [203.0.113.11/32]
    haproxy:
      reply_limit: 1GiB
)";
    const LoadedInventory loaded = parseInventory(yaml, u"limits.yaml"_s, home);
    QCOMPARE(messages(loaded), QStringList());
    const Inventory &inventory = *loaded.inventory;
    QCOMPARE(inventory.host(u"lb1"_s)->birdReplyLimit, defaultBirdReplyLimit);
    QCOMPARE(inventory.host(u"lb2"_s)->birdReplyLimit, qint64(64) << 20);
    QCOMPARE(inventory.placement(u"web"_s, u"lb1"_s)->replyLimit, qint64(8) << 20);
    QCOMPARE(inventory.placement(u"api"_s, u"lb2"_s)->replyLimit, qint64(1) << 30);
    // Unset: 16 MiB per HAProxy reply, 32 MiB per BIRD reply.
    const Inventory minimal = loadGood(u"good-minimal.yaml"_s);
    QCOMPARE(minimal.hosts().constFirst().birdReplyLimit, qint64(32) << 20);
    QCOMPARE(minimal.vips().constFirst().placements.constFirst().replyLimit, qint64(16) << 20);

    // A size out of range, and a BIRD limit on a VIP (BIRD is per host).
    const QByteArray bad =
        QByteArray(yaml)
            .replace("reply_limit: 8MiB", "reply_limit: 2KiB")
            .replace("    haproxy:\n      reply_limit: 1GiB", "    bird:\n      reply_limit: 1GiB");
    const QStringList errors = messages(parseInventory(bad, u"limits.yaml"_s, home));
    QVERIFY2(errors.size() == 2, qPrintable(errors.join(u'\n')));
    QCOMPARE(errors[0], u"limits.yaml:5:18: error: reply_limit: size '2KiB' is outside 4KiB to "
                        "1GiB; write a size between 4KiB and 1GiB, like 16MiB"_s);
    QCOMPARE(errors[1], u"limits.yaml:25:7: error: 'reply_limit' cannot be set in bird; a host "
                        "has one BIRD, so its reply limit is set in defaults, a group or a host"_s);
}

void TestInventoryLoader::observers()
{
    const QByteArray yaml = R"(version: 1
defaults:
  ssh:
    user: vipdeck
    port: 2222
  haproxy:
    stats_socket: /run/haproxy/{vip}.sock
  bird:
    control_socket: /run/bird/{host}.ctl
hosts:
  - name: lb1
    address: 192.0.2.1
    bird:
      router_id: 10.0.0.1
  - name: lb2
    address: lb2.example.org
groups:
  - {name: pair, mode: active-active, hosts: [lb1, lb2]}
observers:
  - name: rr1
    address: 192.0.2.101
  - name: core1
    address: 192.0.2.102
    ssh:
      port: 22
    bird:
      control_socket: /var/run/bird.ctl
      reply_limit: 64MiB
vips:
  - {name: web, group: pair, prefixes: [203.0.113.10/32]}
)";
    const LoadedInventory loaded = parseInventory(yaml, u"observers.yaml"_s, home);
    QCOMPARE(messages(loaded), QStringList());
    const Inventory &inventory = *loaded.inventory;
    QCOMPARE(inventory.observers().size(), 2);
    QCOMPARE(inventory.hosts().size(), 2); // observers are no hosts
    const Host *rr1 = inventory.observer(u"rr1"_s);
    QVERIFY(rr1);
    QVERIFY(!inventory.host(u"rr1"_s));
    QCOMPARE(rr1->ssh.user, u"vipdeck"_s);
    QCOMPARE(rr1->ssh.port, 2222);
    QCOMPARE(rr1->birdSocket, u"/run/bird/rr1.ctl"_s);
    QCOMPARE(rr1->birdReplyLimit, defaultBirdReplyLimit);
    const Host *core1 = inventory.observer(u"core1"_s);
    QCOMPARE(core1->ssh.port, 22);
    QCOMPARE(core1->birdSocket, u"/var/run/bird.ctl"_s);
    QCOMPARE(core1->birdReplyLimit, qint64(64) << 20);
    QCOMPARE(inventory.host(u"lb1"_s)->birdRouterId, u"10.0.0.1"_s);
    QVERIFY(inventory.host(u"lb2"_s)->birdRouterId.isEmpty());
    QVERIFY2(inventory.summary().contains(u"2 observers"_s), qPrintable(inventory.summary()));

    // What an observer cannot have, and a router id that is no address.
    const QByteArray bad = QByteArray(yaml)
                               .replace("  - name: rr1\n", "  - name: lb2\n    min_up_servers: 1\n")
                               .replace("reply_limit: 64MiB", "vip_protocol: vip_{vip}")
                               .replace("router_id: 10.0.0.1", "router_id: 10.0.0.01")
                               .replace("    control_socket: /run/bird/{host}.ctl",
                                        "    control_socket: /run/bird/{host}.ctl\n"
                                        "    router_id: 10.0.0.9");
    const QStringList errors = messages(parseInventory(bad, u"observers.yaml"_s, home));
    QVERIFY2(errors.size() == 5, qPrintable(errors.join(u'\n')));
    QVERIFY2(errors[0].startsWith(u"observers.yaml:10:5: error: 'router_id' cannot be set in bird; "
                                  "a router id is one host's own"_s),
             qPrintable(errors[0]));
    QVERIFY2(errors[1].startsWith(u"observers.yaml:15:18: error: "_s) &&
                 errors[1].contains(u"leading zero"_s),
             qPrintable(errors[1]));
    QCOMPARE(errors[2], u"observers.yaml:21:11: error: observer 'lb2' has the name of a host "
                        "(line 16); give the observer a name of its own, like 'rr1'"_s);
    QVERIFY2(errors[3].startsWith(u"observers.yaml:22:5: error: 'min_up_servers' cannot be set "
                                  "in observer 'lb2'; an observer takes only"_s),
             qPrintable(errors[3]));
    QVERIFY2(errors[4].startsWith(u"observers.yaml:30:7: error: 'vip_protocol' cannot be set in "
                                  "bird; an observer announces no VIP"_s),
             qPrintable(errors[4]));
}

void TestInventoryLoader::discovery()
{
    const Inventory inventory = loadGood(u"good-discovery.yaml"_s);
    QCOMPARE(inventory.summary(),
             u"good-discovery.yaml: 2 hosts, 1 group, 0 VIPs (1 group discovers VIPs)"_s);
    const Group *edge = inventory.group(u"edge"_s);
    QVERIFY(edge);
    QVERIFY(edge->discover);
    QCOMPARE(edge->statsSocketTemplate, u"/run/haproxy/{vip}.sock"_s);
    QCOMPARE(edge->masterSocketTemplate, u"/run/haproxy/{vip}-master.sock"_s);
    QCOMPARE(edge->configTemplate, u"/etc/haproxy/edge/{vip}.cfg"_s);
    QCOMPARE(edge->vipProtocolTemplate, u"vip_{vip}"_s);
    QCOMPARE(edge->pollInterval, 10s);
    QCOMPARE(inventory.pollInterval(), 10s);

    QCOMPARE(edge->discovery.size(), 2);
    const Placement &edge2 = edge->discovery[1];
    QCOMPARE(edge2.host, u"edge2"_s);
    QVERIFY(edge2.vip.isEmpty());
    // The host's own template, {host} resolved, {vip} left for globbing.
    QCOMPARE(edge2.statsSocket, u"/var/lib/haproxy/edge2/{vip}.sock"_s);

    const Placement app = edge2.withVip(u"app1"_s);
    QCOMPARE(app.vip, u"app1"_s);
    QCOMPARE(app.statsSocket, u"/var/lib/haproxy/edge2/app1.sock"_s);
    QCOMPARE(app.masterSocket, u"/run/haproxy/app1-master.sock"_s);
    QCOMPARE(app.configPath, u"/etc/haproxy/edge/app1.cfg"_s);
    QCOMPARE(app.birdProtocol, u"vip_app1"_s);
    QCOMPARE(app.birdSocket, u"/run/bird/bird.ctl"_s);
    QCOMPARE(app.pollInterval, 10s);
    QCOMPARE(edge->discovery[0].withVip(u"app1"_s).statsSocket, u"/run/haproxy/app1.sock"_s);
}

void TestInventoryLoader::exampleLoads()
{
    const LoadedInventory loaded = loadInventory(QStringLiteral(VIPDECK_EXAMPLE_FLEET), home);
    QCOMPARE(messages(loaded), QStringList());
    QVERIFY(loaded.ok());
    const Inventory &inventory = *loaded.inventory;
    QCOMPARE(inventory.summary(),
             QStringLiteral(VIPDECK_EXAMPLE_FLEET) +
                 u": 4 hosts, 3 groups, 4 VIPs, 2 observers (1 group discovers VIPs)"_s);
    QCOMPARE(inventory.observer(u"rr2"_s)->birdSocket, u"/var/run/bird/bird.ctl"_s);
    QCOMPARE(inventory.groupsOfHost(u"lb1"_s), (QStringList{u"campus"_s, u"edge"_s}));
    QCOMPARE(inventory.vip(u"moodle"_s)->minUpServers, 2);
    QCOMPARE(inventory.vip(u"tenant-a"_s)->pollInterval, 5s);
    QCOMPARE(inventory.vip(u"typo3"_s)->prefixes.size(), 2);
    QCOMPARE(inventory.group(u"lbaas"_s)->primary, u"lb3"_s);
    QCOMPARE(inventory.group(u"edge"_s)->discovery.size(), 2);
    QCOMPARE(inventory.pollInterval(), 2s);
}

void TestInventoryLoader::brokenFixtures_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("bad-bird-protocol")
        << u"bad-bird-protocol.yaml"_s
        << QStringList{
               u"bad-bird-protocol.yaml:14:11: error: BIRD protocol name 'vip_tenant-a' of VIP 'tenant-a' on host 'lb1' is not valid; BIRD names take letters, digits and '_': set 'bird: vip_protocol: vip_tenant_a' on the VIP"_s,
               u"bad-bird-protocol.yaml:21:21: error: 'vip_protocol' is 'tenant-b', not a valid BIRD protocol name; BIRD names take letters, digits and '_', starting with a letter or '_', like 'vip_{vip}'"_s,
           };
    QTest::newRow("bad-comments-only")
        << u"bad-comments-only.yaml"_s
        << QStringList{
               u"bad-comments-only.yaml: error: the file is empty; describe hosts, groups and VIPs as in resources/examples/fleet.yaml"_s,
           };
    QTest::newRow("bad-discovery")
        << u"bad-discovery.yaml"_s
        << QStringList{
               u"bad-discovery.yaml:8:21: error: group 'edge' discovers VIPs, but stats_socket '/run/haproxy/admin.sock' for host 'lb1' has no {vip} to glob; use a template with {vip}, like '/run/haproxy/{vip}.sock'"_s,
           };
    QTest::newRow("bad-duplicate-key")
        << u"bad-duplicate-key.yaml"_s
        << QStringList{
               u"bad-duplicate-key.yaml:7:5: error: duplicate key 'address' in host 'lb1' (first at line 6); remove one of them"_s,
           };
    QTest::newRow("bad-duplicate-name")
        << u"bad-duplicate-name.yaml"_s
        << QStringList{
               u"bad-duplicate-name.yaml:7:11: error: duplicate host name 'lb1' (first declared at line 5); give each host a unique name"_s,
               u"bad-duplicate-name.yaml:13:11: error: duplicate group name 'campus' (first declared at line 10); give each group a unique name"_s,
               u"bad-duplicate-name.yaml:20:11: error: duplicate VIP name 'web' (first declared at line 17); give each VIP a unique name"_s,
           };
    QTest::newRow("bad-duplicate-prefix")
        << u"bad-duplicate-prefix.yaml"_s
        << QStringList{
               u"bad-duplicate-prefix.yaml:17:33: error: prefix 2001:db8::10/128 of VIP 'mail' is already used by VIP 'web' (line 14); a prefix belongs to one VIP; remove it from one of them"_s,
               u"bad-duplicate-prefix.yaml:20:30: error: prefix 203.0.113.12/32 is listed twice in VIP 'shop'; remove one of them"_s,
           };
    QTest::newRow("bad-duration")
        << u"bad-duration.yaml"_s
        << QStringList{
               u"bad-duration.yaml:3:22: error: connect_timeout: duration '5' has no unit; write '5s' or '5ms' (units: ms, s, m, h)"_s,
               u"bad-duration.yaml:4:22: error: command_timeout: '10 seconds' is not a duration; write a whole number and a unit, like 500ms, 5s or 2m"_s,
               u"bad-duration.yaml:7:18: error: 'poll_interval' is 50ms, shorter than 100ms; write it like 'poll_interval: 2s'"_s,
               u"bad-duration.yaml:15:20: error: poll_interval: '1.5s' is not a duration; write a whole number and a unit, like 500ms, 5s or 2m"_s,
           };
    QTest::newRow("bad-duration-overflow")
        << u"bad-duration-overflow.yaml"_s
        << QStringList{
               u"bad-duration-overflow.yaml:3:22: error: 'connect_timeout' is 2147484s, longer than a timer can hold (2147483647ms, about 24 days); write at most 2147483s (or 35791m, 596h)"_s,
               u"bad-duration-overflow.yaml:7:18: error: 'poll_interval' is 600h, longer than a timer can hold (2147483647ms, about 24 days); write at most 2147483s (or 35791m, 596h)"_s,
           };
    QTest::newRow("bad-proxy-jump")
        << u"bad-proxy-jump.yaml"_s
        << QStringList{
               u"bad-proxy-jump.yaml:4:17: error: proxy_jump 'bastion, j2' is not a list of jump hosts; write [user@]host[:port], several separated by ',' without spaces, or 'none'"_s,
               u"bad-proxy-jump.yaml:11:19: error: proxy_jump '-oProxyCommand=nc' is not a list of jump hosts; write [user@]host[:port], several separated by ',' without spaces, or 'none'"_s,
           };
    QTest::newRow("bad-empty")
        << u"bad-empty.yaml"_s
        << QStringList{
               u"bad-empty.yaml: error: the file is empty; describe hosts, groups and VIPs as in resources/examples/fleet.yaml"_s,
           };
    QTest::newRow("bad-host-in-no-group")
        << u"bad-host-in-no-group.yaml"_s
        << QStringList{
               u"bad-host-in-no-group.yaml:7:11: error: host 'lb2' is in no group; add it to the 'hosts:' list of a group, or remove it"_s,
           };
    // inet_aton() reads 010 as octal 8: the VIP would be 203.0.113.8.
    QTest::newRow("bad-ipv4-leading-zero")
        << u"bad-ipv4-leading-zero.yaml"_s
        << QStringList{
               u"bad-ipv4-leading-zero.yaml:6:14: error: address '192.0.2.011' has an IPv4 octet with a leading zero ('011'), which is read as octal: it would mean 192.0.2.9; write 192.0.2.11 (no leading zeros)"_s,
               u"bad-ipv4-leading-zero.yaml:8:14: error: address '3221225996' is not written as four decimal numbers: it would be read as 192.0.2.12; write 192.0.2.12"_s,
               u"bad-ipv4-leading-zero.yaml:17:9: error: prefix '203.0.113.010/32' has an IPv4 octet with a leading zero ('010'), which is read as octal: it would mean 203.0.113.8/32; write 203.0.113.10/32 (no leading zeros)"_s,
               u"bad-ipv4-leading-zero.yaml:18:9: error: prefix '010.0.0.1' has an IPv4 octet with a leading zero ('010'), which is read as octal: it would mean 8.0.0.1; write 10.0.0.1 (no leading zeros)"_s,
               u"bad-ipv4-leading-zero.yaml:19:9: error: prefix '203.0.113.08/32' has an IPv4 octet with a leading zero ('08'), which is read as octal; write 203.0.113.8/32 (no leading zeros)"_s,
               u"bad-ipv4-leading-zero.yaml:20:9: error: prefix '0xcb.0.113.20/32' is not written as four decimal numbers: it would be read as 203.0.113.20/32; write 203.0.113.20/32"_s,
           };
    QTest::newRow("bad-service-backends")
        << u"bad-service-backends.yaml"_s
        << QStringList{
               u"bad-service-backends.yaml:5:15: error: 'backends' must be a list, not 'be_web'; name the VIP's service backends, like 'backends: [be_web, be_static]'"_s,
               u"bad-service-backends.yaml:14:17: error: 'backends' is empty; name the VIP's service backends, like 'backends: [be_web, be_static]'"_s,
               u"bad-service-backends.yaml:20:26: error: 'be web' is not an HAProxy backend name; HAProxy names take letters, digits, '-', '_', '.' and ':'"_s,
               u"bad-service-backends.yaml:20:36: error: backend 'be_web' is listed twice in 'backends'; list each backend once"_s,
               u"bad-service-backends.yaml:20:44: error: each entry of 'backends' must be a string, not a list; write it like 'backends: [be_web, be_static]'"_s,
           };
    QTest::newRow("bad-many")
        << u"bad-many.yaml"_s
        << QStringList{
               u"bad-many.yaml:5:5: error: unknown key 'prot' in ssh; did you mean 'port'?"_s,
               u"bad-many.yaml:8:18: error: poll_interval: duration '2' has no unit; write '2s' or '2ms' (units: ms, s, m, h)"_s,
               u"bad-many.yaml:12:11: error: host 'lb2' is in no group; add it to the 'hosts:' list of a group, or remove it"_s,
               u"bad-many.yaml:14:11: error: duplicate host name 'lb1' (first declared at line 10); give each host a unique name"_s,
               u"bad-many.yaml:19:18: error: group 'campus' lists host 'lb9', which is not declared under 'hosts'; did you mean 'lb1'? declared hosts: 'lb1', 'lb2'"_s,
               u"bad-many.yaml:25:12: error: VIP 'moodle' names group 'campsu', which does not exist; did you mean 'campus'? declared groups: 'campus'"_s,
               u"bad-many.yaml:28:15: error: config: unbalanced '{' in template '/etc/haproxy/{vip}{.cfg'; placeholders here: {vip}, {host}, {group}"_s,
               u"bad-many.yaml:31:16: error: prefix 203.0.113.11/32 of VIP 'mail' is already used by VIP 'moodle' (line 26); a prefix belongs to one VIP; remove it from one of them"_s,
           };
    QTest::newRow("bad-misplaced-key")
        << u"bad-misplaced-key.yaml"_s
        << QStringList{
               u"bad-misplaced-key.yaml:2:3: error: 'stats_socket' cannot be set in defaults; 'stats_socket' belongs under 'haproxy:'"_s,
               u"bad-misplaced-key.yaml:6:5: error: 'port' cannot be set in host 'lb1'; 'port' belongs under 'ssh:'"_s,
               u"bad-misplaced-key.yaml:7:5: error: 'primary' cannot be set in host 'lb1'; 'primary' belongs in a group entry"_s,
               u"bad-misplaced-key.yaml:16:5: error: 'ssh' cannot be set in VIP 'web'; SSH settings apply to hosts: set them in defaults, a group or a host"_s,
               u"bad-misplaced-key.yaml:19:7: error: 'control_socket' cannot be set in bird; a host has one BIRD control socket: set it in defaults, a group or a host"_s,
           };
    QTest::newRow("bad-missing-key")
        << u"bad-missing-key.yaml"_s
        << QStringList{
               u"bad-missing-key.yaml:5:5: error: host 'lb1' has no 'address'; add 'address:' with an IP address, a DNS name or a ~/.ssh/config alias"_s,
               u"bad-missing-key.yaml:6:5: error: a host has no 'name'; add 'name: lb1' (a unique name)"_s,
               u"bad-missing-key.yaml:8:5: error: group 'campus' has no 'mode'; add 'mode: active-active' or 'mode: primary-backup'"_s,
               u"bad-missing-key.yaml:10:5: error: a group has no 'name'; add 'name: campus' (a unique name)"_s,
               u"bad-missing-key.yaml:12:5: error: group 'empty' has no 'hosts'; list its hosts, like 'hosts: [lb1, lb2]'"_s,
               u"bad-missing-key.yaml:15:5: error: VIP 'web' has no 'group'; add 'group:' naming the group of hosts that serves it"_s,
               u"bad-missing-key.yaml:17:5: error: VIP 'mail' has no 'prefixes'; add its prefixes, like 'prefixes: [203.0.113.10/32]'"_s,
           };
    QTest::newRow("bad-no-stats-socket")
        << u"bad-no-stats-socket.yaml"_s
        << QStringList{
               u"bad-no-stats-socket.yaml:12:11: error: group 'edge' discovers VIPs but has no haproxy stats_socket for host 'lb1'; set 'haproxy: stats_socket: /run/haproxy/{vip}.sock' in defaults, the group or the host"_s,
               u"bad-no-stats-socket.yaml:17:11: error: VIP 'web' has no haproxy stats_socket on host 'lb1'; set 'haproxy: stats_socket: /run/haproxy/{vip}.sock' in defaults, the group, the host or the VIP"_s,
           };
    QTest::newRow("bad-paths")
        << u"bad-paths.yaml"_s
        << QStringList{
               u"bad-paths.yaml:3:20: error: 'identity_file' uses '~admin/.ssh/id_ed25519', but only '~/' is expanded; write the full path, like '/home/admin/.ssh/id_ed25519'"_s,
               u"bad-paths.yaml:4:18: error: 'known_hosts' is '.ssh/known_hosts', not an absolute path; write it like 'known_hosts: ~/.ssh/known_hosts'"_s,
               u"bad-paths.yaml:6:19: error: 'stats_socket' is 'run/haproxy/{vip}.sock', not an absolute path; write the full path on the LB host, like '/run/haproxy/{vip}.sock'"_s,
               u"bad-paths.yaml:7:13: error: 'config' is '/etc/haproxy/$(whoami).cfg', which has characters vipdeck does not allow in paths; use letters, digits and / . _ - + @ : = , only"_s,
               u"bad-paths.yaml:9:11: error: host name 'lb 1' is not valid; use letters, digits, '.', '_' and '-', starting with a letter or digit"_s,
               u"bad-paths.yaml:10:14: error: address '-oProxyCommand=evil' is not an IP address, DNS name or alias; write an IP address, a DNS name or a Host alias from ~/.ssh/config"_s,
               u"bad-paths.yaml:14:13: error: group 'campus' lists host 'lb1', which is not declared under 'hosts'; none are declared"_s,
           };
    QTest::newRow("bad-prefix")
        << u"bad-prefix.yaml"_s
        << QStringList{
               u"bad-prefix.yaml:15:9: error: prefix 203.0.113.10/24 has host bits set beyond /24; write 203.0.113.0/24 for the network, or 203.0.113.10/32 for a single address"_s,
               u"bad-prefix.yaml:16:9: error: '203.0.113.300/32' is not an IPv4 or IPv6 prefix; write it like 203.0.113.10/32 or 2001:db8::10/128"_s,
               u"bad-prefix.yaml:17:9: error: prefix length '33' of 203.0.113.10/33 is out of range for IPv4 (0-32); write 203.0.113.10/32 for a single address"_s,
               u"bad-prefix.yaml:18:9: error: prefix 2001:db8::10/64 has host bits set beyond /64; write 2001:db8::/64 for the network, or 2001:db8::10/128 for a single address"_s,
               u"bad-prefix.yaml:19:9: error: prefix length '129' of 2001:db8::/129 is out of range for IPv6 (0-128); write 2001:db8::/128 for a single address"_s,
               u"bad-prefix.yaml:20:9: error: '2001:db8::/abc' is not an IPv4 or IPv6 prefix; write it like 203.0.113.10/32 or 2001:db8::10/128"_s,
               u"bad-prefix.yaml:21:9: error: 'fe80::1%eth0/128' is not an IPv4 or IPv6 prefix; write it like 203.0.113.10/32 or 2001:db8::10/128"_s,
           };
    QTest::newRow("bad-primary")
        << u"bad-primary.yaml"_s
        << QStringList{
               u"bad-primary.yaml:12:14: error: primary 'lb3' is not one of the hosts of group 'pair'; did you mean 'lb1'? declared hosts of the group: 'lb1', 'lb2'"_s,
               u"bad-primary.yaml:15:11: error: group 'nopri' is primary-backup but names no primary; add 'primary:' naming one of its hosts"_s,
               u"bad-primary.yaml:19:14: error: group 'campus' is active-active and cannot have a primary; remove 'primary:' or write 'mode: primary-backup'"_s,
               u"bad-primary.yaml:22:11: error: unknown group mode 'active-passive'; did you mean 'active-active'?"_s,
           };
    QTest::newRow("bad-ssh-conflict")
        << u"bad-ssh-conflict.yaml"_s
        << QStringList{
               u"bad-ssh-conflict.yaml:19:13: error: host 'lb1' is in groups 'campus' and 'lbaas', which set different ssh.user ('campus-ops' and 'lbaas-ops'); set ssh.user on host 'lb1' itself, or the same value in both groups"_s,
               u"bad-ssh-conflict.yaml:21:23: error: host 'lb1' is in groups 'campus' and 'lbaas', which set different bird.control_socket ('/run/bird/campus.ctl' and '/run/bird/lbaas.ctl'); set bird.control_socket on host 'lb1' itself, or the same value in both groups"_s,
           };
    // yaml-cpp alone reads this file as empty, without a position.
    QTest::newRow("bad-stray-token")
        << u"bad-stray-token.yaml"_s
        << QStringList{
               u"bad-stray-token.yaml:2:3: error: unexpected ',' where the first key should be; YAML then reads the whole file as empty; remove it; the file starts with keys like 'version: 1' and 'hosts:'"_s,
           };
    QTest::newRow("bad-template")
        << u"bad-template.yaml"_s
        << QStringList{
               u"bad-template.yaml:3:19: error: stats_socket: unknown placeholder {vips} in template '/run/haproxy/{vips}.sock'; did you mean {vip}? placeholders here: {vip}, {host}, {group}"_s,
               u"bad-template.yaml:4:20: error: master_socket: unbalanced '{' in template '/run/haproxy/{vip-master.sock'; placeholders here: {vip}, {host}, {group}"_s,
               u"bad-template.yaml:5:13: error: config: unbalanced '}' in template '/etc/haproxy/vip}.cfg'; placeholders here: {vip}, {host}, {group}"_s,
               u"bad-template.yaml:7:21: error: control_socket: placeholder {vip} cannot be used in this template; placeholders here: {host}"_s,
               u"bad-template.yaml:8:19: error: vip_protocol: unknown placeholder {name} in template 'vip_{name}'; placeholders here: {vip}, {host}, {group}"_s,
               u"bad-template.yaml:21:21: error: stats_socket: unknown placeholder {service} in template '/run/haproxy/{host}/{service}.sock'; placeholders here: {vip}, {host}, {group}"_s,
           };
    QTest::newRow("bad-unknown-group")
        << u"bad-unknown-group.yaml"_s
        << QStringList{
               u"bad-unknown-group.yaml:16:12: error: VIP 'web' names group 'campuss', which does not exist; did you mean 'campus'? declared groups: 'campus', 'lbaas'"_s,
               u"bad-unknown-group.yaml:19:12: error: VIP 'mail' names group 'office', which does not exist; declared groups: 'campus', 'lbaas'"_s,
           };
    QTest::newRow("bad-unknown-host")
        << u"bad-unknown-host.yaml"_s
        << QStringList{
               u"bad-unknown-host.yaml:12:23: error: group 'campus' lists host 'lb-3', which is not declared under 'hosts'; did you mean 'lb1'? declared hosts: 'lb1', 'lb2'"_s,
               u"bad-unknown-host.yaml:12:29: error: host 'lb1' is listed twice in group 'campus'; remove one of them"_s,
               u"bad-unknown-host.yaml:17:9: error: group 'remote' lists host 'far-away', which is not declared under 'hosts'; declared hosts: 'lb1', 'lb2'"_s,
           };
    QTest::newRow("bad-unknown-key")
        << u"bad-unknown-key.yaml"_s
        << QStringList{
               u"bad-unknown-key.yaml:3:5: error: unknown key 'stat_socket' in haproxy; did you mean 'stats_socket'?"_s,
               u"bad-unknown-key.yaml:4:3: error: unknown key 'pol_interval' in defaults; did you mean 'poll_interval'?"_s,
               u"bad-unknown-key.yaml:8:5: error: unknown key 'colour' in host 'lb1'; use one of: 'name', 'address', 'ssh', 'haproxy', 'bird', 'poll_interval', 'min_up_servers'"_s,
           };
    QTest::newRow("bad-version")
        << u"bad-version.yaml"_s
        << QStringList{
               u"bad-version.yaml:1:10: error: unsupported version 2; this vipdeck reads version 1; write 'version: 1'"_s,
           };
    QTest::newRow("bad-wrong-type")
        << u"bad-wrong-type.yaml"_s
        << QStringList{
               u"bad-wrong-type.yaml:1:11: error: 'defaults' must be a map, not a list; write it like 'defaults: {poll_interval: 2s}'"_s,
               u"bad-wrong-type.yaml:4:14: error: 'address' must be a string, not a list; write it like 'address: 192.0.2.11'"_s,
               u"bad-wrong-type.yaml:6:13: error: 'port' must be a whole number, not 'twenty-two'; write it like 'port: 22'"_s,
               u"bad-wrong-type.yaml:7:18: error: 'use_agent' must be true or false, not 'yes'; write 'use_agent: true' or 'use_agent: false'"_s,
               u"bad-wrong-type.yaml:8:5: error: each entry of 'hosts' must be a map, not 'lb2'; write entries like '- name: ...' with their keys indented below"_s,
               u"bad-wrong-type.yaml:10:3: error: 'groups' must be a list, not a map; write a list of entries, each starting with '- name: ...'"_s,
               u"bad-wrong-type.yaml:14:15: error: 'prefixes' must be a list, not '203.0.113.10/32'; write it like 'prefixes: [203.0.113.10/32, 2001:db8::10/128]'"_s,
               u"bad-wrong-type.yaml:15:5: error: 'min_up_servers' has no value; write it like 'min_up_servers: 1'"_s,
           };
    QTest::newRow("bad-yaml-syntax")
        << u"bad-yaml-syntax.yaml"_s
        << QStringList{
               u"bad-yaml-syntax.yaml:8:5: error: YAML syntax: end of sequence flow not found; check the indentation, brackets and quotes here and just before"_s,
           };
}

void TestInventoryLoader::brokenFixtures()
{
    QFETCH(QString, fixture);
    QFETCH(QStringList, expected);

    const LoadedInventory loaded =
        parseInventory(test::readData(u"inventory/"_s + fixture), fixture, home);
    QCOMPARE(messages(loaded), expected);
    QVERIFY(!loaded.ok());
    QVERIFY(!loaded.inventory);
}

void TestInventoryLoader::warningStillLoads()
{
    const LoadedInventory loaded = parseInventory(test::readData(u"inventory/warn-no-vips.yaml"_s),
                                                  u"warn-no-vips.yaml"_s, home);
    QCOMPARE(messages(loaded),
             QStringList{u"warn-no-vips.yaml:2:1: warning: the file declares no VIPs and no "
                         u"group discovers VIPs; add a 'vips:' list, or 'discover: true' on a "
                         u"group"_s});
    QCOMPARE(loaded.diagnostics[0].severity, Diagnostic::Severity::Warning);
    QVERIFY(loaded.ok());
    QCOMPARE(loaded.inventory->summary(), u"warn-no-vips.yaml: 1 host, 1 group, 0 VIPs"_s);
}

void TestInventoryLoader::loadNamesThePath()
{
    const QString path = test::dataPath(u"inventory/bad-version.yaml"_s);
    const LoadedInventory loaded = loadInventory(path, home);
    QCOMPARE(messages(loaded),
             QStringList{path + u":1:10: error: unsupported version 2; this "
                                u"vipdeck reads version 1; write 'version: 1'"_s});
}

void TestInventoryLoader::unreadableFile_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("reason");

    test::TempDir dir;
    QTest::newRow("missing") << dir.filePath(u"absent/fleet.yaml"_s)
                             << u"No such file or directory"_s;
    QTest::newRow("directory") << test::dataPath(u"inventory"_s)
                               << u"file to open is a directory"_s;
}

void TestInventoryLoader::unreadableFile()
{
    QFETCH(QString, path);
    QFETCH(QString, reason);

    const LoadedInventory loaded = loadInventory(path, home);
    QVERIFY(!loaded.ok());
    QCOMPARE(messages(loaded), QStringList{path + u": error: cannot read the file: "_s + reason +
                                           u"; check the path and its permissions"_s});
}

void TestInventoryLoader::truncatedFilesNeverCrash_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<bool>("wholeLoads");
    QTest::newRow("example") << [] {
        QFile file(QStringLiteral(VIPDECK_EXAMPLE_FLEET));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read the example fleet");
        return file.readAll();
    }() << true;
    QTest::newRow("precedence") << test::readData(u"inventory/good-precedence.yaml"_s) << true;
    QTest::newRow("many errors") << test::readData(u"inventory/bad-many.yaml"_s) << false;
}

// Every prefix of a file is parsed (most are broken mid-token): the loader
// must neither crash nor throw, and what it returns must be consistent.
void TestInventoryLoader::truncatedFilesNeverCrash()
{
    QFETCH(QByteArray, contents);
    QFETCH(bool, wholeLoads);

    int loadedCount = 0;
    bool lastLoaded = false;
    for (qsizetype n = 0; n <= contents.size(); ++n) {
        const QByteArray part = contents.left(n);
        const LoadedInventory loaded = parseInventory(part, u"part.yaml"_s, home);
        const bool hasError = std::any_of(
            loaded.diagnostics.cbegin(), loaded.diagnostics.cend(),
            [](const Diagnostic &d) { return d.severity == Diagnostic::Severity::Error; });
        QVERIFY2(loaded.ok() == !hasError, qPrintable(QString::number(n)));
        QVERIFY2(loaded.inventory.has_value() == !hasError, qPrintable(QString::number(n)));
        const int lines = int(part.count('\n')) + 1;
        for (const Diagnostic &d : loaded.diagnostics) {
            QCOMPARE(d.file, u"part.yaml"_s);
            QVERIFY2(d.line >= 0 && d.line <= lines + 1, qPrintable(d.toString()));
            QVERIFY2(!d.message.isEmpty(), qPrintable(d.toString()));
        }
        lastLoaded = loaded.inventory.has_value();
        if (lastLoaded)
            ++loadedCount;
    }
    QCOMPARE(lastLoaded, wholeLoads);
    qInfo() << loadedCount << "of" << contents.size() + 1 << "prefixes loaded";
}

} // namespace vipdeck

QTEST_GUILESS_MAIN(vipdeck::TestInventoryLoader)
#include "tst_inventoryloader.moc"
