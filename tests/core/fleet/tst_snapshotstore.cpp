// SnapshotStore: the last known state survives a round trip field by field
// with its original times, reads as stale afterwards, and a broken file, a
// foreign file or another format version is an error, never a crash.

#include "core/fleet/snapshotstore.h"
#include "core/inventory/inventoryloader.h"
#include "tests/support/syntheticfleet.h"
#include "tests/support/testdata.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vipdeck;
using vipdeck::test::healthyFleet;
using vipdeck::test::serverIn;

namespace {

const QDateTime Now = vipdeck::test::syntheticNow();

// healthyFleet() with a value other than the default in every kind of field.
Snapshot::Data variedFleet()
{
    Snapshot::Data data = healthyFleet();
    data.sequence = 42;
    data.time = Now.addSecs(-5);
    ServerObservation &s = serverIn(data, u"web"_s, u"lb1"_s, 1);
    s.status = *parseServerStatus("DRAIN 1/3");
    s.adminFlags = AdminFlag::ForcedDrain | AdminFlag::InheritedDrain;
    s.weight = 7;
    s.initialWeight = 9;
    s.sessions = 11;
    s.maxSessions = 12;
    s.sessionLimit = 13;
    s.totalSessions = 14;
    s.sessionRate = 15;
    s.http5xx = 16;
    s.checkStatus = u"L4CON"_s;
    s.checkCode = 503;
    s.lastChangeSecs = 17;
    s.downtimeSecs = 18;
    HaproxyObservation &h = data.haproxies[Snapshot::key(u"web"_s, u"lb1"_s)];
    h.error = Error(ErrorCode::NoSuchSocket, u"no socket"_s, u"lb1/web"_s, u"start it"_s, u"raw"_s);
    h.version = u"2.6.12"_s;
    h.uptimeSecs = 3600;
    h.reloads = 2;
    h.frontends[0].requestRate = 21;
    h.backends[0].requestRate = 22;
    HostObservation &lb2 = data.hosts[u"lb2"_s];
    lb2.birdVersion = u"2.0.12"_s;
    lb2.routerId = u"10.0.0.2"_s;
    lb2.error = Error(ErrorCode::BirdRuntimeError, u"bird said no"_s);
    lb2.bgpSessions[0].state = BgpState::Active;
    lb2.bgpSessions[0].protocolState = BirdProtocolState::Start;
    lb2.bgpSessions[0].neighborAs = 4200000001u;
    lb2.bgpSessions[0].info = u"Socket: Connection refused"_s;
    BfdSessionObservation bfd;
    bfd.address = u"10.0.0.254"_s;
    bfd.interface = u"eth0"_s;
    bfd.state = BfdState::Init;
    bfd.since = u"12:00:01"_s;
    lb2.bfdSessions << bfd;
    VipProtocolObservation protocol;
    protocol.protocol = u"vip_web"_s;
    protocol.exists = true;
    protocol.up = true;
    protocol.since = u"11:00:00"_s;
    protocol.info = u"announcing"_s;
    lb2.vipProtocols.insert(u"web"_s, protocol);
    return data;
}

QByteArray withVersion(const QByteArray &bytes, int version)
{
    QCborMap root = QCborValue::fromCbor(bytes).toMap();
    root[u"version"_s] = version;
    return root.toCborValue().toCbor();
}

} // namespace

class TestSnapshotStore : public QObject
{
    Q_OBJECT

private slots:
    void roundTripKeepsEveryField()
    {
        const Snapshot original(variedFleet());
        const Result<Snapshot> decoded =
            decodeSnapshot(encodeSnapshot(original), original.inventory());
        QVERIFY2(decoded, qPrintable(decoded ? QString() : decoded.error().toString()));
        // The encoding is canonical (sorted keys): equal bytes, equal state.
        QCOMPARE(encodeSnapshot(*decoded), encodeSnapshot(original));
        QCOMPARE(decoded->sequence(), 42u);
        QCOMPARE(decoded->time(), Now.addSecs(-5));
        QCOMPARE(decoded->hosts().size(), original.hosts().size());
        QCOMPARE(decoded->haproxies().size(), original.haproxies().size());

        const HaproxyObservation *h = decoded->haproxy(u"web"_s, u"lb1"_s);
        QVERIFY(h);
        QCOMPARE(h->time, original.haproxy(u"web"_s, u"lb1"_s)->time);
        QVERIFY(h->error);
        QCOMPARE(h->error->code, ErrorCode::NoSuchSocket);
        QCOMPARE(h->error->hint, u"start it"_s);
        QCOMPARE(h->reloads, 2);
        const ServerObservation &s = h->backends[0].servers[1];
        QCOMPARE(s.status.state, ServerState::Drain);
        QCOMPARE(s.status.transitionSteps, 3);
        QCOMPARE(s.status.raw, u"DRAIN 1/3"_s);
        QCOMPARE(s.adminFlags, AdminFlag::ForcedDrain | AdminFlag::InheritedDrain);
        QCOMPARE(s.adminState(), AdminState::Drain);
        QCOMPARE(s.downtimeSecs, 18);
        QCOMPARE(s.checkCode, 503);
        QVERIFY(h->backends[0].servers[3].backup);

        const HostObservation *lb2 = decoded->host(u"lb2"_s);
        QVERIFY(lb2);
        QCOMPARE(lb2->bgpSessions[0].state, BgpState::Active);
        QCOMPARE(lb2->bgpSessions[0].protocolState, BirdProtocolState::Start);
        QCOMPARE(lb2->bgpSessions[0].neighborAs, 4200000001u);
        QCOMPARE(lb2->bgpSessions[0].exportedPrefixes,
                 original.host(u"lb2"_s)->bgpSessions[0].exportedPrefixes);
        QCOMPARE(lb2->bfdSessions.size(), original.host(u"lb2"_s)->bfdSessions.size());
        QCOMPARE(lb2->bfdSessions.last().state, BfdState::Init);
        QCOMPARE(lb2->bfdSessions.last().interface, u"eth0"_s);
        QCOMPARE(lb2->vipProtocols.value(u"web"_s).info, u"announcing"_s);
        QCOMPARE(lb2->error->code, ErrorCode::BirdRuntimeError);
        QVERIFY(lb2->announces(*decoded->inventory().vip(u"web"_s)));
    }

    void restoredDataReadsAsStaleWithItsAge()
    {
        // One second old: fresh for evaluateFleet, but from the previous session.
        const Snapshot original(healthyFleet());
        const Snapshot restored = *decodeSnapshot(encodeSnapshot(original), original.inventory());
        QVERIFY(!evaluateFleet(restored, Now).placement(u"web"_s, u"lb1"_s)->stale);

        QSet<QString> restoredHosts;
        for (const Host &host : restored.inventory().hosts())
            restoredHosts << host.name;
        const FleetVerdicts v = evaluateWithRestored(restored, restoredHosts, Now);
        const Verdict *cell = v.placement(u"web"_s, u"lb1"_s);
        QVERIFY(cell->stale);
        QCOMPARE(cell->ageSecs, 1);
        QCOMPARE(cell->health, Health::Unknown);
        QVERIFY(cell->reasons.first().text.contains(u"last known state"_s));
        QVERIFY(v.hosts[u"lb3"_s].stale);
        QVERIFY(v.vips[u"tenant"_s].stale);

        // Hours later the age says so.
        const FleetVerdicts later =
            evaluateWithRestored(restored, restoredHosts, Now.addSecs(7200));
        QCOMPARE(later.placement(u"web"_s, u"lb1"_s)->ageSecs, 7201);
    }

    void liveHostsAreNotMarked()
    {
        const Snapshot snapshot(healthyFleet());
        const FleetVerdicts v = evaluateWithRestored(snapshot, {u"lb3"_s, u"lb4"_s}, Now);
        QVERIFY(!v.placement(u"web"_s, u"lb1"_s)->stale);
        QCOMPARE(v.vips[u"web"_s].health, Health::Healthy);
        QVERIFY(v.placement(u"tenant"_s, u"lb3"_s)->stale);
    }

    void overlayKeepsRestoredHostsUntilTheyReport()
    {
        Snapshot::Data restoredData = healthyFleet();
        restoredData.hosts[u"lb2"_s].routerId = u"restored"_s;
        restoredData.hosts[u"lb1"_s].routerId = u"restored"_s;
        const Snapshot restored(restoredData);

        // The first live round: only lb1 answered, and lb1's web HAProxy failed.
        Snapshot::Data liveData = healthyFleet();
        liveData.hosts.remove(u"lb2"_s);
        liveData.hosts.remove(u"lb3"_s);
        liveData.hosts.remove(u"lb4"_s);
        liveData.hosts[u"lb1"_s].routerId = u"live"_s;
        const QString lb1web = Snapshot::key(u"web"_s, u"lb1"_s);
        liveData.haproxies.clear();
        const Snapshot live(liveData);

        const Snapshot merged = overlayRestored(live, restored, {u"lb1"_s});
        QCOMPARE(merged.host(u"lb1"_s)->routerId, u"live"_s);
        QCOMPARE(merged.host(u"lb2"_s)->routerId, u"restored"_s);
        QVERIFY(merged.host(u"lb4"_s));
        QVERIFY(!merged.haproxies().contains(lb1web)); // lb1 reported: its (missing) data wins
        QVERIFY(merged.haproxy(u"web"_s, u"lb2"_s));
        QVERIFY(merged.haproxy(u"tenant"_s, u"lb3"_s));
    }

    void dropsWhatTheFleetFileNoLongerHas()
    {
        const Snapshot original(healthyFleet());
        const LoadedInventory smaller = parseInventory(R"(version: 1
defaults:
  haproxy:
    stats_socket: /run/haproxy/{vip}.sock
hosts:
  - {name: lb1, address: 127.0.10.1}
  - {name: lb9, address: 127.0.10.9}
groups:
  - {name: aa, mode: active-active, hosts: [lb1, lb9]}
vips:
  - {name: web, group: aa, prefixes: [203.0.113.10/32]}
)",
                                                       u"fleet.yaml"_s);
        QStringList problems;
        for (const Diagnostic &d : smaller.diagnostics)
            problems << d.toString();
        QVERIFY2(smaller.ok(), qPrintable(problems.join(u'\n')));
        const Result<Snapshot> decoded =
            decodeSnapshot(encodeSnapshot(original), *smaller.inventory);
        QVERIFY(decoded);
        QCOMPARE(decoded->hosts().keys(), QStringList{u"lb1"_s});
        QCOMPARE(decoded->haproxies().keys(), QStringList{Snapshot::key(u"web"_s, u"lb1"_s)});
        QCOMPARE(decoded->inventory().hosts().size(), 2);
    }

    void brokenBytesAreAnError_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<ErrorCode>("code");
        const QByteArray good = encodeSnapshot(Snapshot(variedFleet()));
        QTest::newRow("empty") << QByteArray() << ErrorCode::Parse;
        QTest::newRow("truncated") << good.left(good.size() / 2) << ErrorCode::Parse;
        QTest::newRow("garbage") << QByteArray("\xff\x00\x13garbage", 10) << ErrorCode::Parse;
        QTest::newRow("json") << QByteArray(R"({"format": "vipdeck-snapshot"})")
                              << ErrorCode::Parse;
        QTest::newRow("not a map") << QCborValue(42).toCbor() << ErrorCode::Parse;
        QTest::newRow("foreign map")
            << QCborMap{{u"format"_s, u"other"_s}}.toCborValue().toCbor() << ErrorCode::Parse;
        QTest::newRow("newer version")
            << withVersion(good, SnapshotStore::FormatVersion + 1) << ErrorCode::Unsupported;
        QTest::newRow("older version") << withVersion(good, 0) << ErrorCode::Unsupported;
    }

    void brokenBytesAreAnError()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(ErrorCode, code);
        const Result<Snapshot> decoded =
            decodeSnapshot(bytes, healthyFleet().inventory, u"state.cbor"_s);
        QVERIFY(!decoded);
        QCOMPARE(decoded.error().code, code);
        QCOMPARE(decoded.error().where, u"state.cbor"_s);
    }

    void wrongTypesInsideDecodeToDefaults()
    {
        // Valid CBOR of the right format whose fields have the wrong types.
        QCborMap host{{u"host"_s, u"lb1"_s}, {u"time"_s, u"yesterday"_s}, {u"bgpSessions"_s, 7}};
        QCborMap root{{u"format"_s, u"vipdeck-snapshot"_s},
                      {u"version"_s, SnapshotStore::FormatVersion},
                      {u"hosts"_s, QCborArray{host, 5, u"x"_s}},
                      {u"haproxies"_s, u"none"_s}};
        const Result<Snapshot> decoded =
            decodeSnapshot(root.toCborValue().toCbor(), healthyFleet().inventory);
        QVERIFY(decoded);
        QVERIFY(decoded->host(u"lb1"_s));
        QVERIFY(!decoded->host(u"lb1"_s)->hasBirdData());
        QVERIFY(decoded->haproxies().isEmpty());
    }

    void shortServerArrayDecodesToDefaults()
    {
        // A server written with fewer fields (or cut): the rest are defaults.
        const QCborMap backend{{u"name"_s, u"be"_s},
                               {u"servers"_s, QCborArray{QCborArray{u"be"_s, u"s1"_s, u"UP"_s}}}};
        const QCborMap haproxy{
            {u"vip"_s, u"web"_s}, {u"host"_s, u"lb1"_s}, {u"backends"_s, QCborArray{backend}}};
        const QCborMap root{{u"format"_s, u"vipdeck-snapshot"_s},
                            {u"version"_s, SnapshotStore::FormatVersion},
                            {u"haproxies"_s, QCborArray{haproxy}}};
        const Result<Snapshot> decoded =
            decodeSnapshot(root.toCborValue().toCbor(), healthyFleet().inventory);
        QVERIFY(decoded);
        const ServerObservation &s = decoded->haproxy(u"web"_s, u"lb1"_s)->backends[0].servers[0];
        QCOMPARE(s.name, u"s1"_s);
        QCOMPARE(s.status.state, ServerState::Up);
        QCOMPARE(s.weight, 0);
        QCOMPARE(s.lastChangeSecs, -1);
    }

    void storeSavesAndLoadsPerFleetFile()
    {
        test::TempDir dir;
        const QString fleet = dir.write(u"fleets/prod.yaml"_s, "version: 1\n");
        const QString other = dir.write(u"fleets/test.yaml"_s, "version: 1\n");
        QVERIFY(QFile::link(fleet, dir.filePath(u"prod-link.yaml"_s)));
        SnapshotStore store(dir.filePath(u"cache/snapshots"_s));
        const Snapshot original(variedFleet());

        const auto nothing = store.load(fleet, original.inventory());
        QVERIFY(nothing);
        QVERIFY(!nothing->has_value());

        QVERIFY(store.save(fleet, original));
        // One file per canonical path: another spelling or a link is the same fleet.
        QCOMPARE(store.fileFor(dir.filePath(u"fleets/../fleets/prod.yaml"_s)),
                 store.fileFor(fleet));
        QCOMPARE(store.fileFor(dir.filePath(u"prod-link.yaml"_s)), store.fileFor(fleet));
        QVERIFY(store.fileFor(other) != store.fileFor(fleet));
        QVERIFY(QFile::exists(store.fileFor(fleet)));
        QVERIFY(!QFile::exists(store.fileFor(other)));

        const auto loaded = store.load(dir.filePath(u"prod-link.yaml"_s), original.inventory());
        QVERIFY(loaded);
        QVERIFY(loaded->has_value());
        QCOMPARE(encodeSnapshot(**loaded), encodeSnapshot(original));
        // No temporary file left beside it.
        QCOMPARE(QDir(store.directory()).entryList(QDir::Files).size(), 1);

        // Overwritten in place by a later save.
        Snapshot::Data next = variedFleet();
        next.sequence = 43;
        QVERIFY(store.save(fleet, Snapshot(next)));
        QCOMPARE((*store.load(fleet, original.inventory()))->sequence(), 43u);
    }

    void storeReportsACorruptFile()
    {
        test::TempDir dir;
        const QString fleet = dir.write(u"prod.yaml"_s, "version: 1\n");
        SnapshotStore store(dir.filePath(u"snapshots"_s));
        QVERIFY(store.save(fleet, Snapshot(variedFleet())));
        QFile file(store.fileFor(fleet));
        QVERIFY(file.open(QIODevice::ReadWrite));
        const QByteArray bytes = file.readAll();
        file.resize(bytes.size() / 3);
        file.close();
        const auto loaded = store.load(fleet, healthyFleet().inventory);
        QVERIFY(!loaded);
        QCOMPARE(loaded.error().code, ErrorCode::Parse);
        QCOMPARE(loaded.error().where, store.fileFor(fleet));
        // A good save replaces it.
        QVERIFY(store.save(fleet, Snapshot(variedFleet())));
        QVERIFY(store.load(fleet, healthyFleet().inventory));
    }
};

QTEST_GUILESS_MAIN(TestSnapshotStore)
#include "tst_snapshotstore.moc"
