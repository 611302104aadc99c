// The BIRD reply parsers on replies captured from BIRD 2.0.12
// (tests/data/bird, see capture.py) and on broken variants of them.

#include "core/bird/bfdparser.h"
#include "core/bird/controlparser.h"
#include "core/bird/protocolsparser.h"
#include "core/bird/routeparser.h"
#include "core/bird/statusparser.h"
#include "tests/support/testdata.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace vipdeck;

Q_DECLARE_METATYPE(vipdeck::ErrorCode)
Q_DECLARE_METATYPE(vipdeck::BgpState)
Q_DECLARE_METATYPE(vipdeck::BirdProtocolState)
Q_DECLARE_METATYPE(vipdeck::BfdState)
Q_DECLARE_METATYPE(vipdeck::BirdControlAction)

namespace {

QByteArray fixture(const QString &name)
{
    return test::readData(u"bird/bird-2.0.12-"_s + name + u".txt"_s);
}

const BirdProtocol *find(const QList<BirdProtocol> &list, const QString &name)
{
    for (const BirdProtocol &p : list) {
        if (p.name == name)
            return &p;
    }
    return nullptr;
}

template <typename T> QByteArray why(const Result<T> &r)
{
    return r.ok() ? QByteArray()
                  : r.error().toString().toUtf8() + " | " + r.error().detail.toUtf8();
}

} // namespace

class TestBirdParsers : public QObject
{
    Q_OBJECT
private slots:
    void status_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("routerId");
        QTest::newRow("default") << u"show-status"_s << u"10.255.0.1"_s;
        QTest::newRow("iso long") << u"show-status-iso-long"_s << u"10.255.0.2"_s;
        QTest::newRow("restricted") << u"show-status-restricted"_s << u"10.255.0.1"_s;
    }
    void status()
    {
        QFETCH(QString, file);
        QFETCH(QString, routerId);
        auto s = parseBirdStatus(fixture(file));
        QVERIFY2(s.ok(), why(s).constData());
        QCOMPARE(s->version, u"2.0.12"_s);
        QCOMPARE(s->routerId, routerId);
        QCOMPARE(s->hostname.isEmpty(), false);
        QVERIFY(s->daemonUp);
        QCOMPARE(s->statusText, u"Daemon is up and running"_s);
        QVERIFY(s->serverTime.date.isValid() && s->serverTime.time.isValid());
        QVERIFY(s->serverTime.time.msec() >= 0);
        QVERIFY(s->lastReboot.isValid());
        QVERIFY(s->lastReconfiguration.isValid());
        QVERIFY(s->lastReboot.resolve({}) <= s->serverTime.resolve({}));
    }

    void protocolsAll()
    {
        auto list = parseBirdProtocols(fixture(u"show-protocols-all"_s));
        QVERIFY2(list.ok(), why(list).constData());
        QStringList names;
        for (const BirdProtocol &p : *list)
            names.append(p.name);
        QCOMPARE(names,
                 (QStringList{u"device1"_s, u"bfd1"_s, u"peer_b"_s, u"vip_web"_s, u"vip_api"_s,
                              u"vip_old"_s, u"other_routes"_s, u"vip_web_backup"_s}));
        const BirdProtocol *bgp = find(*list, u"peer_b"_s);
        QVERIFY(bgp && bgp->bgp);
        QCOMPARE(bgp->protocolType, u"BGP"_s);
        QCOMPARE(bgp->state, BirdProtocolState::Up);
        QCOMPARE(bgp->description, u"to B"_s);
        QCOMPARE(bgp->bgp->state, BgpState::Established);
        QCOMPARE(bgp->bgp->neighborAddress, u"127.0.0.2"_s);
        QCOMPARE(bgp->bgp->neighborAs, std::optional<quint32>(65002));
        QCOMPARE(bgp->bgp->localAs, std::optional<quint32>(65001));
        QCOMPARE(bgp->bgp->neighborId, u"10.255.0.2"_s);
        QCOMPARE(bgp->bgp->sourceAddress, u"127.0.0.1"_s);
        QVERIFY(bgp->bgp->lastError.isEmpty());
        QCOMPARE(bgp->channels.size(), 1);
        QCOMPARE(bgp->channels.at(0).name, u"ipv4"_s);
        QCOMPARE(bgp->channels.at(0).state, u"UP"_s);
        QCOMPARE(bgp->channels.at(0).table, u"master4"_s);
        QCOMPARE(bgp->channels.at(0).imported, 0);
        QCOMPARE(bgp->channels.at(0).exported, 3);
        QCOMPARE(bgp->channels.at(0).preferred, 0);
        QCOMPARE(bgp->routesExported(), 3);
        QVERIFY(bgp->since.time.isValid() && !bgp->since.date.isValid());

        const BirdProtocol *api = find(*list, u"vip_api"_s);
        QVERIFY(api && !api->bgp);
        QCOMPARE(api->protocolType, u"Static"_s);
        QCOMPARE(api->table, u"master4"_s);
        QVERIFY(!api->isDisabled());
        QCOMPARE(api->routesImported(), 2);
        QCOMPARE(api->channels.at(0).preference, 200);
        QCOMPARE(api->channels.at(0).outputFilter, u"REJECT"_s);

        const BirdProtocol *old = find(*list, u"vip_old"_s);
        QVERIFY(old && old->isDisabled());
        QCOMPARE(old->routesImported(), -1); // no Routes line while down
        QCOMPARE(find(*list, u"bfd1"_s)->protocolType, u"BFD"_s);
        QCOMPARE(find(*list, u"device1"_s)->protocolType, u"Device"_s);
        QCOMPARE(find(*list, u"other_routes"_s)->state, BirdProtocolState::Up);
    }

    void bgpStates_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("name");
        QTest::addColumn<BirdProtocolState>("state");
        QTest::addColumn<BgpState>("bgpState");
        QTest::addColumn<QString>("lastError");
        QTest::newRow("established") << u"show-protocols-all-bgp-established"_s << u"peer_b"_s
                                     << BirdProtocolState::Up << BgpState::Established << QString();
        QTest::newRow("admin shutdown")
            << u"show-protocols-all-bgp-admin-shutdown"_s << u"peer_b"_s << BirdProtocolState::Start
            << BgpState::Active << u"Received: Administrative shutdown"_s;
        QTest::newRow("bfd down") << u"show-protocols-all-bgp-bfd-down"_s << u"peer_b"_s
                                  << BirdProtocolState::Start << BgpState::Idle
                                  << u"Error: BFD session down"_s;
        QTest::newRow("peer gone")
            << u"show-protocols-all-bgp-active"_s << u"peer_b"_s << BirdProtocolState::Start
            << BgpState::Active << u"Error: BFD session down"_s;
        QTest::newRow("disabled") << u"show-protocols-all-bgp-disabled"_s << u"peer_a"_s
                                  << BirdProtocolState::Down << BgpState::Down << QString();
        QTest::newRow("short: shutdown")
            << u"show-protocols-bgp-down"_s << u"peer_b"_s << BirdProtocolState::Start
            << BgpState::Active << u"Received: Administrative shutdown"_s;
        QTest::newRow("short: bfd")
            << u"show-protocols-bfd-down"_s << u"peer_b"_s << BirdProtocolState::Start
            << BgpState::Idle << u"Error: BFD session down"_s;
        QTest::newRow("iso long") << u"show-protocols-all-iso-long"_s << u"peer_a"_s
                                  << BirdProtocolState::Up << BgpState::Established << QString();
    }
    void bgpStates()
    {
        QFETCH(QString, file);
        QFETCH(QString, name);
        QFETCH(BirdProtocolState, state);
        QFETCH(BgpState, bgpState);
        QFETCH(QString, lastError);
        auto list = parseBirdProtocols(fixture(file));
        QVERIFY2(list.ok(), why(list).constData());
        const BirdProtocol *p = find(*list, name);
        QVERIFY(p && p->bgp);
        QCOMPARE(p->state, state);
        QCOMPARE(bgpStateName(p->bgp->state), bgpStateName(bgpState));
        QCOMPARE(p->bgp->lastError, lastError);
        QVERIFY(p->since.isValid());
    }

    void sinceFormats_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("hasDate");
        QTest::addColumn<bool>("hasTime");
        QTest::addColumn<bool>("hasMs");
        QTest::newRow("hh:mm:ss.sss") << u"show-protocols"_s << false << true << true;
        QTest::newRow("iso long") << u"show-protocols-iso-long"_s << true << true << false;
        QTest::newRow("date only") << u"show-protocols-date"_s << true << false << false;
        QTest::newRow("date only, all") << u"show-protocols-all-date"_s << true << false << false;
    }
    void sinceFormats()
    {
        QFETCH(QString, file);
        QFETCH(bool, hasDate);
        QFETCH(bool, hasTime);
        QFETCH(bool, hasMs);
        auto list = parseBirdProtocols(fixture(file));
        QVERIFY2(list.ok(), why(list).constData());
        QVERIFY(list->size() >= 3);
        for (const BirdProtocol &p : *list) {
            QCOMPARE(p.since.date.isValid(), hasDate);
            QCOMPARE(p.since.time.isValid(), hasTime);
            if (hasTime && hasMs)
                QCOMPARE(p.since.text.size(), 12);
            // the Info column did not swallow part of the time stamp
            QVERIFY2(!p.info.contains(u':') || p.isBgp(), qPrintable(p.info));
        }
        const BirdProtocol *off = find(*list, u"vip_off"_s);
        if (off)
            QVERIFY(off->isDisabled());
    }

    void routes_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("prefixes");
        QTest::addColumn<QStringList>("protocols");
        QTest::newRow("export") << u"show-route-export-bgp"_s
                                << QStringList{u"203.0.113.21/32"_s, u"203.0.113.11/32"_s,
                                               u"203.0.113.10/32"_s}
                                << QStringList{u"vip_api"_s, u"vip_api"_s, u"vip_web"_s};
        QTest::newRow("export after withdraw")
            << u"show-route-export-bgp-withdrawn"_s << QStringList{u"203.0.113.10/32"_s}
            << QStringList{u"vip_web"_s};
        QTest::newRow("export, session down")
            << u"show-route-export-bgp-down"_s << QStringList() << QStringList();
        QTest::newRow("export of a static")
            << u"show-route-export-static"_s << QStringList() << QStringList();
        QTest::newRow("protocol static") << u"show-route-protocol-static"_s
                                         << QStringList{u"203.0.113.21/32"_s, u"203.0.113.11/32"_s}
                                         << QStringList{u"vip_api"_s, u"vip_api"_s};
        QTest::newRow("protocol, empty")
            << u"show-route-protocol-empty"_s << QStringList() << QStringList();
        QTest::newRow("for, two routes")
            << u"show-route-for"_s << QStringList{u"203.0.113.10/32"_s, u"203.0.113.10/32"_s}
            << QStringList{u"vip_web"_s, u"vip_web_backup"_s};
        QTest::newRow("observer, a path from each LB host")
            << u"show-route-prefix-all-two-paths"_s
            << QStringList{u"203.0.113.10/32"_s, u"203.0.113.10/32"_s}
            << QStringList{u"lb1"_s, u"lb2"_s};
        QTest::newRow("observer, a path passed on by a route reflector")
            << u"show-route-prefix-all-reflected"_s << QStringList{u"203.0.113.10/32"_s}
            << QStringList{u"rr1"_s};
        QTest::newRow("observer, no route for the prefix")
            << u"show-route-prefix-not-found"_s << QStringList() << QStringList();
        QTest::newRow("all routes")
            << u"show-route"_s
            << QStringList{u"198.51.100.0/24"_s, u"203.0.113.21/32"_s, u"203.0.113.11/32"_s,
                           u"203.0.113.10/32"_s, u"203.0.113.10/32"_s}
            << QStringList{u"other_routes"_s, u"vip_api"_s, u"vip_api"_s, u"vip_web"_s,
                           u"vip_web_backup"_s};
    }
    void routes()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, prefixes);
        QFETCH(QStringList, protocols);
        auto routes = parseBirdRoutes(fixture(file));
        QVERIFY2(routes.ok(), why(routes).constData());
        QStringList gotPrefixes, gotProtocols;
        for (const BirdRoute &r : *routes) {
            gotPrefixes.append(r.prefix);
            gotProtocols.append(r.protocol);
            QCOMPARE(r.table, u"master4"_s);
            QVERIFY(r.since.isValid());
        }
        QCOMPARE(gotPrefixes, prefixes);
        QCOMPARE(gotProtocols, protocols);
    }

    void observedPathDetails()
    {
        auto two = parseBirdRoutes(fixture(u"show-route-prefix-all-two-paths"_s));
        QVERIFY2(two.ok(), why(two).constData());
        QCOMPARE(two->size(), 2);
        QVERIFY(two->at(0).primary);
        QVERIFY(!two->at(1).primary);
        QCOMPARE(two->at(0).from, u"127.230.90.11"_s);
        QCOMPARE(two->at(1).from, u"127.230.90.12"_s);
        QCOMPARE(two->at(1).attributes.value(u"BGP.next_hop"_s), u"127.230.90.12"_s);
        QCOMPARE(two->at(1).attributes.value(u"Type"_s), u"BGP univ"_s);

        auto reflected = parseBirdRoutes(fixture(u"show-route-prefix-all-reflected"_s));
        QVERIFY2(reflected.ok(), why(reflected).constData());
        QCOMPARE(reflected->size(), 1);
        QCOMPARE(reflected->at(0).from, u"127.0.200.1"_s);
        QCOMPARE(reflected->at(0).attributes.value(u"BGP.originator_id"_s), u"127.0.200.11"_s);
        QCOMPARE(reflected->at(0).attributes.value(u"BGP.next_hop"_s), u"127.0.200.11"_s);
    }

    void routeDetails()
    {
        auto forAddr = parseBirdRoutes(fixture(u"show-route-for"_s));
        QVERIFY2(forAddr.ok(), why(forAddr).constData());
        QVERIFY(forAddr->at(0).primary);
        QCOMPARE(forAddr->at(0).preference, 200);
        QCOMPARE(forAddr->at(0).routeType, u"blackhole"_s);
        QVERIFY(!forAddr->at(1).primary);
        QCOMPARE(forAddr->at(1).preference, 150);

        auto bgp = parseBirdRoutes(fixture(u"show-route-all-protocol-bgp"_s));
        QVERIFY2(bgp.ok(), why(bgp).constData());
        QCOMPARE(bgp->size(), 3);
        const BirdRoute &r = bgp->at(0);
        QCOMPARE(r.routeType, u"unreachable"_s);
        QCOMPARE(r.protocol, u"peer_a"_s);
        QCOMPARE(r.from, u"127.0.0.1"_s);
        QCOMPARE(r.extra, u"[AS65001i]"_s);
        QCOMPARE(r.attributes.value(u"Type"_s), u"BGP univ"_s);
        QCOMPARE(r.attributes.value(u"BGP.as_path"_s), u"65001"_s);
        QCOMPARE(r.attributes.value(u"BGP.next_hop"_s), u"127.0.0.1"_s);

        auto all = parseBirdRoutes(fixture(u"show-route-all"_s));
        QVERIFY2(all.ok(), why(all).constData());
        QCOMPARE(all->constFirst().attributes.value(u"Type"_s), u"static univ"_s);
    }

    void bfd_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("count");
        QTest::addColumn<BfdState>("state");
        QTest::addColumn<double>("interval");
        QTest::newRow("up") << u"show-bfd-sessions-up"_s << 1 << BfdState::Up << 0.1;
        QTest::newRow("iso long") << u"show-bfd-sessions-iso-long"_s << 1 << BfdState::Up << 0.1;
        QTest::newRow("down") << u"show-bfd-sessions-down"_s << 1 << BfdState::Down << 1.0;
        QTest::newRow("after bgp down")
            << u"show-bfd-sessions-after-bgp-down"_s << 1 << BfdState::Down << 1.0;
        QTest::newRow("peer gone")
            << u"show-bfd-sessions-peer-gone"_s << 1 << BfdState::Init << 1.0;
        QTest::newRow("no bfd protocol")
            << u"show-bfd-sessions-none"_s << 0 << BfdState::Unknown << 0.0;
    }
    void bfd()
    {
        QFETCH(QString, file);
        QFETCH(int, count);
        QFETCH(BfdState, state);
        QFETCH(double, interval);
        auto s = parseBirdBfdSessions(fixture(file));
        QVERIFY2(s.ok(), why(s).constData());
        QCOMPARE(s->size(), count);
        if (count == 0)
            return;
        const BirdBfdSession &b = s->constFirst();
        QCOMPARE(b.protocol, u"bfd1"_s);
        QVERIFY(b.address == u"127.0.0.2"_s || b.address == u"127.0.0.1"_s);
        QCOMPARE(b.interface, u"---"_s);
        QCOMPARE(int(b.state), int(state));
        QCOMPARE(b.intervalSeconds, interval);
        QVERIFY(b.timeoutSeconds >= 0);
        QVERIFY(b.since.isValid());
    }

    void control_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("protocol");
        QTest::addColumn<BirdControlAction>("action");
        QTest::newRow("disable") << u"disable"_s << u"vip_api"_s << BirdControlAction::Disabled;
        QTest::newRow("disable again")
            << u"disable-already"_s << u"vip_api"_s << BirdControlAction::AlreadyDisabled;
        QTest::newRow("enable") << u"enable"_s << u"vip_api"_s << BirdControlAction::Enabled;
        QTest::newRow("enable again")
            << u"enable-already"_s << u"vip_api"_s << BirdControlAction::AlreadyEnabled;
        QTest::newRow("disable bgp")
            << u"disable-bgp"_s << u"peer_a"_s << BirdControlAction::Disabled;
        QTest::newRow("enable bgp") << u"enable-bgp"_s << u"peer_a"_s << BirdControlAction::Enabled;
    }
    void control()
    {
        QFETCH(QString, file);
        QFETCH(QString, protocol);
        QFETCH(BirdControlAction, action);
        auto o = parseBirdControl(fixture(file));
        QVERIFY2(o.ok(), why(o).constData());
        QCOMPARE(o->size(), 1);
        QCOMPARE(o->at(0).protocol, protocol);
        QCOMPARE(int(o->at(0).action), int(action));
    }

    void errorReplies_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<ErrorCode>("code");
        QTest::newRow("restricted") << u"disable-restricted"_s << ErrorCode::BirdAccessDenied;
        QTest::newRow("no match") << u"disable-pattern"_s << ErrorCode::NoSuchProtocol;
        QTest::newRow("syntax") << u"unknown-command"_s << ErrorCode::BirdSyntaxError;
    }
    void errorReplies()
    {
        QFETCH(QString, file);
        QFETCH(ErrorCode, code);
        const QByteArray bytes = fixture(file);
        auto s = parseBirdStatus(bytes);
        auto p = parseBirdProtocols(bytes);
        auto r = parseBirdRoutes(bytes);
        auto b = parseBirdBfdSessions(bytes);
        auto c = parseBirdControl(bytes);
        QVERIFY(!s.ok() && !p.ok() && !r.ok() && !b.ok() && !c.ok());
        for (const Error &e : {s.error(), p.error(), r.error(), b.error(), c.error()}) {
            QCOMPARE(errorCodeName(e.code), errorCodeName(code));
            QVERIFY(e.message.startsWith(u"BIRD: "_s));
        }
    }

    // Broken and truncated variants: a typed error naming the line, never a value.
    void broken_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("parser");
        QTest::newRow("status truncated") << u"show-status-truncated"_s << u"status"_s;
        QTest::newRow("status router id") << u"show-status-broken-router-id"_s << u"status"_s;
        QTest::newRow("status bad code") << u"show-status-broken-code"_s << u"status"_s;
        QTest::newRow("not bird") << u"not-bird"_s << u"status"_s;
        QTest::newRow("protocols truncated") << u"show-protocols-all-truncated"_s << u"protocols"_s;
        QTest::newRow("protocols row") << u"show-protocols-broken-row"_s << u"protocols"_s;
        QTest::newRow("bfd truncated") << u"show-bfd-sessions-truncated"_s << u"bfd"_s;
        QTest::newRow("bfd state") << u"show-bfd-sessions-broken-state"_s << u"bfd"_s;
        QTest::newRow("route prefix") << u"show-route-export-bgp-broken-prefix"_s << u"routes"_s;
        QTest::newRow("status as protocols") << u"show-status"_s << u"protocols"_s;
        QTest::newRow("protocols as routes") << u"show-protocols"_s << u"routes"_s;
        QTest::newRow("routes as bfd") << u"show-route"_s << u"bfd"_s;
        QTest::newRow("protocols as control") << u"show-protocols"_s << u"control"_s;
        QTest::newRow("status as control") << u"show-status"_s << u"control"_s;
        QTest::newRow("bfd as status") << u"show-bfd-sessions-up"_s << u"status"_s;
    }
    void broken()
    {
        QFETCH(QString, file);
        QFETCH(QString, parser);
        const QByteArray bytes = fixture(file);
        Error e;
        if (parser == u"status"_s)
            e = parseBirdStatus(bytes).error();
        else if (parser == u"protocols"_s)
            e = parseBirdProtocols(bytes).error();
        else if (parser == u"routes"_s)
            e = parseBirdRoutes(bytes).error();
        else if (parser == u"bfd"_s)
            e = parseBirdBfdSessions(bytes).error();
        else
            e = parseBirdControl(bytes).error();
        QCOMPARE(e.code, ErrorCode::Parse);
        QVERIFY(!e.where.isEmpty());
        QVERIFY(!e.message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestBirdParsers)
#include "tst_birdparsers.moc"
