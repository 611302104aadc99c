// vipdeckctl's fleet commands without a lab: option parsing, usage and fleet
// errors (exit 2), the default fleet from the settings, confirmation, and the
// JSON and text renderings of a synthetic FleetUpdate.

#include "app/cli/cli.h"
#include "app/cli/confirm.h"
#include "app/cli/fleetjson.h"
#include "app/cli/fleettext.h"
#include "app/cli/globaloptions.h"
#include "core/audit/auditstore.h"
#include "core/common/controlcharacters.h"
#include "core/common/translations.h"
#include "tests/support/syntheticfleet.h"
#include "tests/support/testdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSettings>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vipdeck;
using namespace vipdeck::cli;

namespace {

FleetUpdate updateOf(const Snapshot::Data &data)
{
    FleetUpdate update;
    update.snapshot = Snapshot(data);
    update.verdicts =
        std::make_shared<const FleetVerdicts>(evaluateFleet(update.snapshot, test::syntheticNow()));
    return update;
}

QStringList keysOf(const QJsonObject &object)
{
    QStringList keys = object.keys();
    keys.sort();
    return keys;
}

QString exampleFleet()
{
    return QString::fromUtf8(VIPDECK_EXAMPLE_FLEET);
}

} // namespace

class TestCliFleet : public QObject
{
    Q_OBJECT

private:
    vipdeck::test::TempDir m_settingsDir;

    void setRecentFleet(const QStringList &files)
    {
        QSettings settings(u"vipdeck"_s, u"vipdeck"_s);
        settings.setValue(u"fleet/recentFiles"_s, files);
        settings.sync();
    }

private slots:
    void initTestCase()
    {
        // Never the user's own settings.
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    }

    void init() { setRecentFleet({}); }

    void optionsAnywhere()
    {
        const Result<GlobalOptions> options =
            parseGlobalOptions({u"--json"_s, u"web-*"_s, u"--fleet=/f.yaml"_s, u"--vip"_s, u"web"_s,
                                u"--state"_s, u"drain"_s, u"-y"_s, u"--"_s, u"--x"_s});
        QVERIFY(options.ok());
        QVERIFY(options->json);
        QVERIFY(options->yes);
        QCOMPARE(options->fleet, u"/f.yaml"_s);
        QCOMPARE(options->vip, u"web"_s);
        QCOMPARE(options->state, u"drain"_s);
        QCOMPARE(options->positional, (QStringList{u"web-*"_s, u"--x"_s}));
    }

    void optionErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown") << QStringList{u"--frob"_s} << u"unknown option '--frob'"_s;
        QTest::newRow("missing value") << QStringList{u"--vip"_s} << u"--vip needs a value"_s;
        QTest::newRow("bad state")
            << QStringList{u"--state"_s, u"sleepy"_s} << u"--state must be one of"_s;
        QTest::newRow("bad count")
            << QStringList{u"--count"_s, u"-3"_s} << u"--count needs a positive number"_s;
        QTest::newRow("flag with value")
            << QStringList{u"--json=yes"_s} << u"--json takes no value"_s;
    }
    void optionErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Result<GlobalOptions> options = parseGlobalOptions(arguments);
        QVERIFY(!options.ok());
        QVERIFY2(options.error().message.contains(message), qPrintable(options.error().message));

        // Through the dispatcher: exit 2 with the same message.
        StringConsole console;
        QCOMPARE(run(QStringList{u"status"_s} + arguments, console), int(ExitUsage));
        QVERIFY2(console.errors().contains(message), qPrintable(console.errors()));
    }

    void noFleetTellsHowToPassOne()
    {
        StringConsole console;
        QCOMPARE(run({u"status"_s}, console), int(ExitUsage));
        QVERIFY2(console.errors().contains(u"--fleet FILE"_s), qPrintable(console.errors()));
        QVERIFY(console.output().isEmpty());
    }

    void defaultFleetComesFromTheSettings()
    {
        // The first recent file is used: a broken one, so nothing is polled and
        // its diagnostics name it.
        vipdeck::test::TempDir dir;
        const QString broken = dir.write(u"recent.yaml"_s, "version: 1\nhosts: 3\n");
        setRecentFleet({broken, exampleFleet()});
        StringConsole console;
        QCOMPARE(run({u"vips"_s}, console), int(ExitUsage));
        QVERIFY2(console.errors().startsWith(broken + u":"_s), qPrintable(console.errors()));
    }

    void brokenFleetPrintsDiagnosticsAndExits2()
    {
        vipdeck::test::TempDir dir;
        const QString path = dir.write(u"broken.yaml"_s, "version: 1\n"
                                                         "hosts:\n"
                                                         "  - name: lb1\n"
                                                         "    adress: 127.0.0.1\n");
        for (const QString &command :
             {u"status"_s, u"vips"_s, u"servers"_s, u"events"_s, u"watch"_s, u"trust"_s}) {
            StringConsole console;
            QStringList arguments{u"--fleet"_s, path, command};
            if (command == u"trust"_s)
                arguments << u"lb1"_s;
            QCOMPARE(run(arguments, console), int(ExitUsage));
            const QString errors = console.errors();
            QVERIFY2(errors.contains(path + u":3:5: error: host 'lb1' has no 'address'"_s),
                     qPrintable(errors));
            QVERIFY2(errors.contains(path + u":4:5: error: unknown key 'adress'"_s),
                     qPrintable(errors));
            QVERIFY(console.output().isEmpty());
        }
    }

    void unknownVipOrHostIsAUsageError()
    {
        StringConsole vip;
        QCOMPARE(run({u"status"_s, u"--fleet"_s, exampleFleet(), u"--vip"_s, u"nope"_s}, vip),
                 int(ExitUsage));
        QVERIFY2(vip.errors().contains(u"the fleet has no VIP 'nope'"_s), qPrintable(vip.errors()));
        QVERIFY(vip.errors().contains(u"Known VIPs: "_s));

        StringConsole host;
        QCOMPARE(run({u"servers"_s, u"--fleet"_s, exampleFleet(), u"--host"_s, u"lb9"_s}, host),
                 int(ExitUsage));
        QVERIFY(host.errors().contains(u"the fleet has no host 'lb9'"_s));

        StringConsole trust;
        QCOMPARE(run({u"trust"_s, u"lb9"_s, u"--fleet"_s, exampleFleet()}, trust), int(ExitUsage));
        QVERIFY(trust.errors().contains(u"no host 'lb9'"_s));
    }

    void commandUsageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("status extra")
            << QStringList{u"status"_s, u"web"_s} << u"unexpected argument 'web'"_s;
        QTest::newRow("servers two patterns")
            << QStringList{u"servers"_s, u"a"_s, u"b"_s} << u"one name pattern at most"_s;
        QTest::newRow("watch json") << QStringList{u"watch"_s, u"--json"_s} << u"no --json"_s;
        QTest::newRow("trust without host")
            << QStringList{u"trust"_s} << u"Usage: vipdeckctl trust HOST"_s;
        QTest::newRow("options before check-config")
            << QStringList{u"--json"_s, u"check-config"_s, u"x"_s}
            << u"write the options of 'check-config' after it"_s;
        QTest::newRow("only options") << QStringList{u"--fleet"_s, u"x.yaml"_s} << u"Usage:"_s;
        QTest::newRow("drain without reason")
            << QStringList{u"drain"_s, u"web-01"_s, u"--yes"_s} << u"needs --reason TEXT"_s;
        QTest::newRow("drain without server") << QStringList{u"drain"_s, u"--reason"_s, u"r"_s}
                                              << u"Usage: vipdeckctl drain SERVER"_s;
        QTest::newRow("weight out of range")
            << QStringList{u"weight"_s, u"web-01"_s, u"300"_s, u"--reason"_s, u"r"_s}
            << u"from 0 to 256"_s;
        QTest::newRow("wait-sessions on drain")
            << QStringList{u"drain"_s, u"s1"_s, u"--reason"_s, u"r"_s, u"--wait-sessions"_s, u"5"_s}
            << u"--wait-sessions is for maint only"_s;
        QTest::newRow("reload without host or rolling")
            << QStringList{u"reload"_s, u"web"_s, u"--reason"_s, u"r"_s} << u"--rolling"_s;
        // A reason is shown in terminals and reports: no control characters.
        QTest::newRow("drain reason with ESC")
            << QStringList{u"drain"_s, u"web-01"_s, u"--yes"_s, u"--reason"_s, u"INC-1\x1b[2J"_s}
            << u"--reason: the reason contains the control character ESC (\\x1b) at position 6"_s;
        QTest::newRow("maint reason with LF")
            << QStringList{u"maint"_s, u"web-01"_s, u"--yes"_s, u"--reason"_s,
                           u"INC-1\nOperator: root"_s}
            << u"control character LF (\\n)"_s;
        QTest::newRow("weight reason with CR")
            << QStringList{u"weight"_s, u"web-01"_s, u"10"_s, u"--reason"_s, u"a\rb"_s}
            << u"control character CR (\\r)"_s;
        QTest::newRow("dry-run ready reason with BEL")
            << QStringList{u"ready"_s, u"web-01"_s, u"--dry-run"_s, u"--reason"_s, u"a\ab"_s}
            << u"control character BEL (\\x07)"_s;
        QTest::newRow("reload reason with DEL")
            << QStringList{u"reload"_s, u"web"_s, u"--host"_s, u"lb1"_s, u"--reason"_s, u"a\x7f"_s}
            << u"control character DEL (\\x7f)"_s;
        QTest::newRow("reload with both")
            << QStringList{u"reload"_s,    u"web"_s,      u"--host"_s, u"lb1"_s,
                           u"--rolling"_s, u"--reason"_s, u"r"_s}
            << u"--rolling"_s;
    }
    void commandUsageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        StringConsole console;
        QCOMPARE(run(arguments + QStringList{u"--fleet"_s, exampleFleet()}, console),
                 int(ExitUsage));
        QVERIFY2(console.errors().contains(message), qPrintable(console.errors()));
    }

    void commandHelp()
    {
        for (const QString &command :
             {u"status"_s, u"vips"_s, u"servers"_s, u"events"_s, u"watch"_s, u"trust"_s}) {
            StringConsole console;
            QCOMPARE(run({command, u"--help"_s}, console), int(ExitOk));
            QVERIFY2(console.output().startsWith(u"Usage: vipdeckctl "_s + command),
                     qPrintable(console.output()));
            QVERIFY(console.output().contains(u"--fleet FILE"_s));
        }
        StringConsole all;
        QCOMPARE(run({u"--help"_s}, all), int(ExitOk));
        for (const QString &command :
             {u"status"_s, u"servers [PATTERN]"_s, u"trust HOST"_s,
              u"audit list|show|export|verify|anchor"_s, u"check-config"_s})
            QVERIFY2(all.output().contains(command), qPrintable(command));
    }

    void confirmation()
    {
        GlobalOptions options;
        StringConsole script(u"yes\n"_s); // not a terminal: never asks
        QCOMPARE(confirm(options, script, u"Do it?"_s), Confirmation::NoTerminal);
        QCOMPARE(exitCodeFor(Confirmation::NoTerminal), int(ExitUsage));
        QVERIFY(script.errors().contains(u"--yes"_s));

        StringConsole person(u"yes\n"_s);
        person.setInteractive(true);
        QCOMPARE(confirm(options, person, u"Do it?"_s), Confirmation::Yes);
        QVERIFY(person.errors().contains(u"Do it? [yes/no]"_s));

        StringConsole declines(u"n\n"_s);
        declines.setInteractive(true);
        QCOMPARE(confirm(options, declines, u"Do it?"_s), Confirmation::Declined);
        QCOMPARE(exitCodeFor(Confirmation::Declined), int(ExitFailed));

        StringConsole endOfInput;
        endOfInput.setInteractive(true);
        QCOMPARE(confirm(options, endOfInput, u"Do it?"_s), Confirmation::Declined);

        options.yes = true;
        StringConsole nobody;
        QCOMPARE(confirm(options, nobody, u"Do it?"_s), Confirmation::Yes);
        QVERIFY(nobody.errors().isEmpty());
    }

    void statusJsonShape()
    {
        Snapshot::Data data = test::healthyFleet();
        // lb1's first session changed state at 03:50 on a host in UTC+1, and
        // BIRD printed a date only for the second (older than 20 hours).
        data.hosts[u"lb1"_s].bgpSessions[0].since = u"03:50:00.000"_s;
        data.hosts[u"lb1"_s].bgpSessions[0].sinceTime =
            QDateTime(QDate(2026, 11, 23), QTime(2, 50), Qt::UTC);
        data.hosts[u"lb1"_s].bgpSessions[1].since = u"2026-11-20"_s;
        const FleetUpdate update = updateOf(data);
        const QJsonObject status = statusJson(update, {}, u"fleet.yaml"_s);
        QCOMPARE(keysOf(status), (QStringList{u"fleet"_s, u"health"_s, u"hosts"_s, u"observers"_s,
                                              u"schema"_s, u"summary"_s, u"time"_s, u"vips"_s}));
        QCOMPARE(status.value(u"observers"_s).toArray(), QJsonArray());
        QCOMPARE(status.value(u"schema"_s).toString(), u"vipdeck.status/2"_s);
        QCOMPARE(status.value(u"health"_s).toString(), u"healthy"_s);
        QCOMPARE(status.value(u"time"_s).toString(), u"2026-11-23T12:00:00.000Z"_s);
        const QJsonObject summary = status.value(u"summary"_s).toObject();
        QCOMPARE(summary.value(u"hosts"_s).toInt(), 4);
        QCOMPARE(summary.value(u"hosts_reachable"_s).toInt(), 4);
        QCOMPARE(summary.value(u"vips"_s).toInt(), 2);
        QCOMPARE(summary.value(u"healthy"_s).toInt(), 2);

        const QJsonObject host = status.value(u"hosts"_s).toArray().at(0).toObject();
        QCOMPARE(keysOf(host),
                 (QStringList{u"address"_s, u"age_secs"_s, u"bfd"_s, u"bgp"_s, u"bird_version"_s,
                              u"data_time"_s, u"error"_s, u"health"_s, u"name"_s, u"reachable"_s,
                              u"reasons"_s, u"router_id"_s, u"summary"_s}));
        QCOMPARE(host.value(u"name"_s).toString(), u"lb1"_s);
        QVERIFY(host.value(u"error"_s).isNull());
        const QJsonObject bgp = host.value(u"bgp"_s).toArray().at(0).toObject();
        QCOMPARE(bgp.value(u"state"_s).toString(), u"Established"_s);
        QCOMPARE(bgp.value(u"since"_s).toString(), u"2026-11-23T02:50:00.000Z"_s);
        QCOMPARE(bgp.value(u"since_bird"_s).toString(), u"03:50:00.000"_s);
        const QJsonObject older = host.value(u"bgp"_s).toArray().at(1).toObject();
        QVERIFY(older.value(u"since"_s).isNull()); // the time of day is not known
        QCOMPARE(older.value(u"since_bird"_s).toString(), u"2026-11-20"_s);

        const QJsonObject web = status.value(u"vips"_s).toArray().at(0).toObject();
        QCOMPARE(keysOf(web),
                 (QStringList{u"announced_by"_s, u"announcement_unknown_on"_s, u"fabric"_s,
                              u"group"_s, u"health"_s, u"name"_s, u"placements"_s, u"prefixes"_s,
                              u"reasons"_s, u"summary"_s}));
        QVERIFY(web.value(u"fabric"_s).isNull()); // no observers in this fleet
        QCOMPARE(web.value(u"announced_by"_s).toArray(), (QJsonArray{u"lb1"_s, u"lb2"_s}));
        QCOMPARE(web.value(u"prefixes"_s).toArray(), QJsonArray{u"203.0.113.10/32"_s});
        const QJsonObject placement = web.value(u"placements"_s).toArray().at(0).toObject();
        QCOMPARE(keysOf(placement),
                 (QStringList{u"age_secs"_s, u"announced"_s, u"announcement"_s,
                              u"announcement_source"_s, u"announcement_unknown_reason"_s,
                              u"data_time"_s, u"error"_s, u"fabric"_s, u"health"_s, u"host"_s,
                              u"pid"_s, u"reasons"_s, u"reloads"_s, u"stale"_s, u"version"_s}));
        QCOMPARE(placement.value(u"age_secs"_s).toInt(), 1);
        // Unknown numbers are null, never -1 (the master CLI was not read here).
        QVERIFY(placement.value(u"reloads"_s).isNull());
        QCOMPARE(placement.value(u"announced"_s).toBool(), true);
        QCOMPARE(placement.value(u"announcement_source"_s).toString(), u"host"_s);

        // With observers: each placement and VIP says who holds its path,
        // and every observer is listed with its paths.
        const QJsonObject observed =
            statusJson(updateOf(test::observedFleet()), {}, u"fleet.yaml"_s);
        const QJsonArray observers = observed.value(u"observers"_s).toArray();
        QCOMPARE(observers.size(), 2);
        QCOMPARE(
            keysOf(observers.at(0).toObject()),
            (QStringList{u"address"_s, u"age_secs"_s, u"data_time"_s, u"error"_s, u"health"_s,
                         u"name"_s, u"paths"_s, u"reachable"_s, u"reasons"_s, u"router_id"_s}));
        const QJsonArray webPaths = observers.at(0)[u"paths"_s][u"203.0.113.10/32"_s].toArray();
        QCOMPARE(webPaths.size(), 2);
        QCOMPARE(webPaths.at(0)[u"from"_s].toString(), u"127.0.10.1"_s);
        QVERIFY(webPaths.at(0)[u"originator_id"_s].isNull());
        const QJsonObject observedWeb = observed.value(u"vips"_s).toArray().at(0).toObject();
        QCOMPARE(observedWeb[u"fabric"_s][u"held_by"_s].toArray(),
                 (QJsonArray{u"rr1"_s, u"rr2"_s}));
        QCOMPARE(observedWeb[u"placements"_s][1][u"fabric"_s][u"not_held_by"_s].toArray(),
                 QJsonArray());

        // Round-trips through text as valid JSON.
        QVERIFY(!QJsonDocument::fromJson(QJsonDocument(status).toJson()).isNull());
    }

    void statusJsonCarriesVerdictsAndErrors()
    {
        Snapshot::Data data = test::healthyFleet();
        // lb2 unreachable; web's s1 DOWN on lb1.
        data.hosts[u"lb2"_s].reachable = false;
        data.hosts[u"lb2"_s].error =
            Error(ErrorCode::ConnectFailed, u"connection refused"_s, u"lb2"_s);
        ServerObservation &s1 = test::serverIn(data, u"web"_s, u"lb1"_s, 0);
        s1.status.state = ServerState::Down;
        s1.status.raw = u"DOWN"_s;
        const QJsonObject status = statusJson(updateOf(data), {}, u"f"_s);
        QCOMPARE(status.value(u"summary"_s).toObject().value(u"hosts_reachable"_s).toInt(), 3);
        QCOMPARE(status.value(u"health"_s).toString(), u"degraded"_s);
        const QJsonObject lb2 = status.value(u"hosts"_s).toArray().at(1).toObject();
        QCOMPARE(lb2.value(u"reachable"_s).toBool(), false);
        QCOMPARE(lb2.value(u"error"_s).toObject().value(u"code"_s).toString(),
                 errorCodeName(ErrorCode::ConnectFailed));
        QVERIFY(lb2.value(u"error"_s)
                    .toObject()
                    .value(u"text"_s)
                    .toString()
                    .contains(u"connection refused"_s));
        QCOMPARE(lb2.value(u"health"_s).toString(), u"unknown"_s);
        const QJsonObject web = status.value(u"vips"_s).toArray().at(0).toObject();
        bool named = false;
        for (const QJsonValue reason : web.value(u"reasons"_s).toArray()) {
            const QJsonObject r = reason.toObject();
            if (r.value(u"server"_s).toString() == u"s1"_s) {
                named = true;
                QCOMPARE(r.value(u"host"_s).toString(), u"lb1"_s);
                QVERIFY(r.value(u"text"_s).toString().contains(u"DOWN"_s));
            }
        }
        QVERIFY2(named, QJsonDocument(web).toJson().constData());
    }

    void filtersSelectVipsHostsAndServers()
    {
        Snapshot::Data data = test::healthyFleet();
        test::serverIn(data, u"web"_s, u"lb2"_s, 1).adminFlags = AdminFlag::ForcedDrain;
        ServerObservation &down = test::serverIn(data, u"tenant"_s, u"lb3"_s, 2);
        down.status.state = ServerState::Down;
        down.status.raw = u"DOWN"_s;
        test::serverIn(data, u"tenant"_s, u"lb4"_s, 0).adminFlags = AdminFlag::ForcedMaint;
        const FleetUpdate update = updateOf(data);

        const auto servers = [&](const FleetFilter &filter) {
            QStringList rows;
            for (const QJsonValue v : serversJson(update, filter).value(u"servers"_s).toArray()) {
                const QJsonObject o = v.toObject();
                rows << o.value(u"vip"_s).toString() + u'@' + o.value(u"host"_s).toString() + u'/' +
                            o.value(u"server"_s).toString() + u'=' + o.value(u"state"_s).toString();
            }
            return rows;
        };
        QCOMPARE(servers({}).size(), 16);
        QCOMPARE(servers({{}, {}, {}, u"drain"_s}), QStringList{u"web@lb2/s2=drain"_s});
        QCOMPARE(servers({{}, {}, {}, u"down"_s}), QStringList{u"tenant@lb3/s3=down"_s});
        QCOMPARE(servers({{}, {}, {}, u"maint"_s}), QStringList{u"tenant@lb4/s1=maint"_s});
        QCOMPARE(servers({u"web"_s, u"lb1"_s, u"s[12]"_s, {}}),
                 (QStringList{u"web@lb1/s1=up"_s, u"web@lb1/s2=up"_s}));
        QCOMPARE(servers({{}, u"lb4"_s, u"sp*"_s, {}}), QStringList{u"tenant@lb4/spare=up"_s});

        const QJsonObject row = serversJson(update, {u"web"_s, u"lb1"_s, u"s1"_s, {}})
                                    .value(u"servers"_s)
                                    .toArray()
                                    .at(0)
                                    .toObject();
        QCOMPARE(keysOf(row),
                 (QStringList{u"admin"_s, u"backend"_s, u"backup"_s, u"check"_s, u"data_age_secs"_s,
                              u"host"_s, u"initial_weight"_s, u"last_change_secs"_s, u"server"_s,
                              u"session_rate"_s, u"sessions"_s, u"stale"_s, u"state"_s, u"status"_s,
                              u"total_sessions"_s, u"vip"_s, u"weight"_s}));
        QCOMPARE(row.value(u"status"_s).toString(), u"UP"_s);
        QCOMPARE(row.value(u"data_age_secs"_s).toInt(), 1);

        // --host keeps the VIPs placed there; --vip the hosts that carry it.
        const QJsonObject vips = vipsJson(update, {{}, u"lb3"_s, {}, {}});
        QCOMPARE(vips.value(u"vips"_s).toArray().size(), 1);
        const QJsonObject tenant = vips.value(u"vips"_s).toArray().at(0).toObject();
        QCOMPARE(tenant.value(u"name"_s).toString(), u"tenant"_s);
        QCOMPARE(tenant.value(u"placements"_s).toArray().size(), 1);
        const QJsonObject status = statusJson(update, {u"web"_s, {}, {}, {}}, u"f"_s);
        QCOMPARE(status.value(u"hosts"_s).toArray().size(), 2);
        QCOMPARE(status.value(u"vips"_s).toArray().size(), 1);
    }

    void eventsJsonFromTwoSnapshots()
    {
        const Snapshot before(test::healthyFleet());
        Snapshot::Data data = test::healthyFleet();
        data.time = data.time.addSecs(1);
        ServerObservation &s1 = test::serverIn(data, u"web"_s, u"lb1"_s, 0);
        s1.status.state = ServerState::Down;
        s1.status.raw = u"DOWN"_s;
        const QList<FleetEvent> events = diffSnapshots(before, Snapshot(data));
        QVERIFY(!events.isEmpty());
        const QJsonObject json = eventsJson(events);
        QCOMPARE(json.value(u"schema"_s).toString(), u"vipdeck.events/1"_s);
        const QJsonObject event = json.value(u"events"_s).toArray().at(0).toObject();
        QCOMPARE(keysOf(event), (QStringList{u"after"_s, u"backend"_s, u"before"_s, u"host"_s,
                                             u"kind"_s, u"protocol"_s, u"server"_s, u"severity"_s,
                                             u"text"_s, u"time"_s, u"vip"_s}));
        QCOMPARE(event.value(u"server"_s).toString(), u"s1"_s);
        QCOMPARE(event.value(u"before"_s).toString(), u"UP"_s);
        QCOMPARE(event.value(u"after"_s).toString(), u"DOWN"_s);
        QVERIFY(eventLine(events.first()).contains(u"s1"_s));
        QCOMPARE(selectEvents(events, {u"tenant"_s, {}, {}, {}}).size(), 0);
        QCOMPARE(selectEvents(events, {u"web"_s, u"lb1"_s, {}, {}}).size(), events.size());
    }

    void colourFollowsNoColorAndTerm()
    {
        const QByteArray noColor = qgetenv("NO_COLOR");
        const QByteArray term = qgetenv("TERM");
        const bool hadNoColor = qEnvironmentVariableIsSet("NO_COLOR");
        qunsetenv("NO_COLOR");
        qputenv("TERM", "xterm-256color");
        QVERIFY(textStyle(true, true).color);
        QVERIFY(!textStyle(false, true).color); // --no-color
        QVERIFY(!textStyle(true, false).color); // not a terminal
        qputenv("NO_COLOR", "1");
        QVERIFY(!textStyle(true, true).color);
        qputenv("NO_COLOR", ""); // present but empty: no effect (no-color.org)
        QVERIFY(textStyle(true, true).color);
        qunsetenv("NO_COLOR");
        qputenv("TERM", "dumb");
        QVERIFY(!textStyle(true, true).color);
        qputenv("TERM", term);
        if (hadNoColor)
            qputenv("NO_COLOR", noColor);

        // Events colour their severity as the health words are coloured.
        const Snapshot before(test::healthyFleet());
        Snapshot::Data data = test::healthyFleet();
        for (int i = 0; i < 4; ++i)
            test::serverIn(data, u"web"_s, u"lb1"_s, i).status.state = ServerState::Down;
        TextStyle colour;
        colour.color = true;
        bool problem = false;
        for (const FleetEvent &event : diffSnapshots(before, Snapshot(data))) {
            const QString line = eventLine(event, colour);
            if (event.severity == FleetEvent::Severity::Problem) {
                problem = true;
                QVERIFY2(line.contains(u"\x1b[1;31mproblem"_s), qPrintable(line));
            }
            QVERIFY(!eventLine(event).contains(u'\x1b'));
        }
        QVERIFY(problem);
    }

    void remoteTextIsShownNotObeyed()
    {
        // A hostile or broken peer: control characters in a server name, its
        // status and check, and in a host's error.  Every text view shows
        // them escaped; with colour off no ESC reaches the terminal at all.
        Snapshot::Data data = test::healthyFleet();
        ServerObservation &s1 = test::serverIn(data, u"web"_s, u"lb1"_s, 0);
        s1.name = u"s1\x1b[2J"_s;
        s1.status.raw = u"UP\r\x07"_s;
        s1.status.state = ServerState::Down;
        s1.checkStatus = u"L7\x1b]0;pwned\x07"_s;
        data.hosts[u"lb2"_s].reachable = false;
        data.hosts[u"lb2"_s].error =
            Error(ErrorCode::ConnectFailed, u"refused\n[fake] all healthy\x1b[0m"_s, u"lb2"_s);
        const FleetUpdate update = updateOf(data);
        for (const QString &text : {statusText(update, {}, u"fleet.yaml"_s), vipsText(update, {}),
                                    serversText(update, {})}) {
            QVERIFY2(firstControlCharacter(QString(text).remove(u'\n')) < 0, qPrintable(text));
            QVERIFY2(!text.contains(u"\n[fake]"_s), qPrintable(text));
        }
        QVERIFY(serversText(update, {}).contains(u"s1\\x1b[2J"_s));
        for (const FleetEvent &event :
             diffSnapshots(Snapshot(test::healthyFleet()), Snapshot(data)))
            QVERIFY2(firstControlCharacter(eventLine(event)) < 0, qPrintable(eventLine(event)));
    }

    void germanHeadlineKeepsItsCounts()
    {
        QCOMPARE(installTranslations(QLocale(QLocale::German)), u"de"_s);
        const QString text = statusText(updateOf(test::healthyFleet()), {}, u"fleet.yaml"_s);
        installTranslations(QLocale(QLocale::English));
        const QString headline = text.section(u'\n', 0, 0);
        QVERIFY2(headline.endsWith(u"2 VIPs: 2 gesund"_s), qPrintable(headline));
    }

    void statusTextMatrixAndReasons()
    {
        Snapshot::Data data = test::healthyFleet();
        // web withdrawn on lb2: degraded, no redundancy.
        for (BgpSessionObservation &bgp : data.hosts[u"lb2"_s].bgpSessions)
            bgp.exportedPrefixes.clear();
        const QString text = statusText(updateOf(data), {}, u"fleet.yaml"_s);
        QVERIFY2(text.startsWith(u"fleet.yaml at 2026-11-23T12:00:00Z: 4 of 4 hosts reachable; "
                                 "2 VIPs: 1 degraded, 1 healthy\n"_s),
                 qPrintable(text));
        const QStringList lines = text.split(u'\n');
        const auto line = [&](const QString &start) {
            for (const QString &l : lines) {
                if (l.startsWith(start))
                    return l.simplified();
            }
            return QString();
        };
        QCOMPARE(line(u"VIP "_s), u"VIP lb1 lb2 lb3 lb4 VIP VERDICT"_s);
        QCOMPARE(line(u"web "_s), u"web healthy + healthy - . . degraded"_s);
        QCOMPARE(line(u"tenant "_s), u"tenant . . healthy + healthy - healthy"_s);
        QCOMPARE(line(u"lb1 "_s), u"lb1 yes healthy 2/2 established 1s"_s);
        QVERIFY2(text.contains(u"Worst reasons:\n"_s), qPrintable(text));
        QVERIFY2(text.contains(u"degraded  web: web is announced by 1 of 2 hosts"_s),
                 qPrintable(text));
        QVERIFY(!text.contains(u"\x1b["_s));
        const QString colored = statusText(updateOf(data), {}, u"f"_s, TextStyle{true, 10});
        QVERIFY(colored.contains(u"\x1b[33mdegraded\x1b[0m"_s));
    }

    void vipsTextIsOneTable()
    {
        // web and tenant differ in name, verdict and prefix width: their
        // columns still start at the same place, and so do every host's.
        const QString text = vipsText(updateOf(test::healthyFleet()), {});
        QVERIFY2(!text.contains(u" \n"_s), qPrintable(text)); // no trailing blanks
        QStringList vipLines;
        QStringList hostLines;
        for (const QString &line : text.split(u'\n', Qt::SkipEmptyParts)) {
            if (!line.startsWith(u' '))
                vipLines << line;
            else if (line.trimmed().startsWith(u"lb"_s))
                hostLines << line;
        }
        QCOMPARE(vipLines.size(), 2);
        QCOMPARE(hostLines.size(), 4);
        QVERIFY2(vipLines.at(0).startsWith(u"web "_s) && vipLines.at(1).startsWith(u"tenant "_s),
                 qPrintable(text));
        QCOMPARE(vipLines.at(0).indexOf(u"203.0.113.10/32"_s),
                 vipLines.at(1).indexOf(u"198.51.100.20/32"_s));
        QCOMPARE(vipLines.at(0).indexOf(u"group "_s), vipLines.at(1).indexOf(u"group "_s));
        const QRegularExpression announcement(u"announced|withdrawn|unknown"_s);
        for (const QString &line : std::as_const(hostLines)) {
            QCOMPARE(line.indexOf(announcement), hostLines.first().indexOf(announcement));
            // A healthy placement's line ends with its announcement: the
            // state is not repeated as its own reason.
            if (line.section(u' ', 0, -1, QString::SectionSkipEmpty).split(u' ').value(1) ==
                u"healthy"_s)
                QVERIFY2(line.endsWith(u"announced"_s) || line.endsWith(u"withdrawn"_s),
                         qPrintable(line));
        }
        QVERIFY2(!text.contains(u"healthy  healthy"_s), qPrintable(text));
    }

    void formatTableAlignsColumns()
    {
        QCOMPARE(
            formatTable({{u"a"_s, u"bb"_s, u"c"_s}, {u"aaa"_s, u"\x1b[32mb\x1b[0m"_s, u"c"_s}}),
            u"a    bb  c\naaa  \x1b[32mb\x1b[0m   c\n"_s);
    }

    void auditCommandsUseTheGivenStore()
    {
        vipdeck::test::TempDir dir;
        const QString url = u"sqlite://"_s + dir.path() + u"/audit.sqlite"_s;
        // Reading a store that is not there fails and creates nothing.
        StringConsole missing;
        QCOMPARE(run({u"audit"_s, u"verify"_s, u"--audit"_s, url}, missing), 1);
        QVERIFY2(missing.errors().contains(u"no audit log at "_s + dir.path()),
                 qPrintable(missing.errors()));
        QVERIFY(!QFile::exists(dir.path() + u"/audit.sqlite"_s));
        QVERIFY(AuditStore::open(AuditStoreConfig::sqlite(dir.path() + u"/audit.sqlite"_s)));
        StringConsole verify;
        QCOMPARE(run({u"audit"_s, u"verify"_s, u"--audit"_s, url}, verify), 0);
        StringConsole list;
        QCOMPARE(run({u"audit"_s, u"list"_s, u"--json"_s, u"--audit="_s + url}, list), 0);
        QVERIFY2(QJsonDocument::fromJson(list.output().toUtf8()).isArray() ||
                     QJsonDocument::fromJson(list.output().toUtf8()).isObject(),
                 qPrintable(list.output()));
        StringConsole bad;
        QCOMPARE(run({u"audit"_s, u"list"_s, u"--audit"_s, u"mysql://x"_s}, bad), int(ExitUsage));
        QVERIFY(!bad.errors().isEmpty());
        StringConsole usage;
        QCOMPARE(run({u"audit"_s, u"frob"_s, u"--audit"_s, url}, usage), int(ExitUsage));
    }
};

QTEST_GUILESS_MAIN(TestCliFleet)
#include "tst_clifleet.moc"
