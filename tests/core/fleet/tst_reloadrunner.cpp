// ReloadRunner's refusals, which happen before any host is touched and
// before anything is audited: unknown VIP or host, several hosts without
// `rolling`, no reason, no audit store; what a pre-flight's result says.  The reloads themselves
// run on the lab (tests/integration/operations).

#include "core/audit/auditstore.h"
#include "core/fleet/fleetpoller.h"
#include "core/fleet/reloadoperationrunner.h"
#include "tests/support/syntheticfleet.h"
#include "tests/support/testdata.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace vipdeck;

class TestReloadRunner : public QObject
{
    Q_OBJECT
private slots:
    void refusals_data()
    {
        QTest::addColumn<QString>("vip");
        QTest::addColumn<QStringList>("hosts");
        QTest::addColumn<bool>("rolling");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<bool>("audited");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("text");
        QTest::newRow("unknown VIP") << u"nope"_s << QStringList() << true << u"r"_s << true
                                     << int(ErrorCode::InvalidArgument) << u"no VIP named nope"_s;
        QTest::newRow("host of another group")
            << u"web"_s << QStringList({u"lb3"_s}) << false << u"r"_s << true
            << int(ErrorCode::InvalidArgument) << u"not placed on host lb3"_s;
        QTest::newRow("whole group without rolling")
            << u"web"_s << QStringList() << false << u"r"_s << true
            << int(ErrorCode::PreconditionFailed) << u"needs a rolling reload"_s;
        QTest::newRow("two hosts without rolling")
            << u"web"_s << QStringList({u"lb1"_s, u"lb2"_s}) << false << u"r"_s << true
            << int(ErrorCode::PreconditionFailed) << u"on 2 hosts"_s;
        QTest::newRow("no reason") << u"web"_s << QStringList({u"lb1"_s}) << false << u" "_s << true
                                   << int(ErrorCode::InvalidArgument) << u"a reason is required"_s;
        QTest::newRow("no audit store")
            << u"web"_s << QStringList({u"lb1"_s}) << false << u"r"_s << false
            << int(ErrorCode::AuditUnavailable) << u"no audit store"_s;
    }
    void refusals()
    {
        QFETCH(QString, vip);
        QFETCH(QStringList, hosts);
        QFETCH(bool, rolling);
        QFETCH(QString, reason);
        QFETCH(bool, audited);
        QFETCH(int, code);
        QFETCH(QString, text);

        test::TempDir dir;
        auto store = AuditStore::open(AuditStoreConfig::sqlite(dir.filePath(u"audit.db"_s)));
        QVERIFY(store.ok());
        // Never started: nothing is polled, and a refused reload touches no host.
        FleetPoller poller(test::healthyFleet().inventory, localTransportFactory());
        ReloadRunner runner(&poller, audited ? store.value().get() : nullptr);
        ReloadRequest r;
        r.vip = vip;
        r.hosts = hosts;
        r.rolling = rolling;
        r.reason = reason;
        const ReloadResult result = runner.runAndWait(r);
        QVERIFY(result.refused);
        QCOMPARE(int(result.refused->code), code);
        QVERIFY2(result.refused->message.contains(text), qPrintable(result.refused->toString()));
        QVERIFY(!result.ok());
        for (const ReloadHostResult &h : result.hosts)
            QVERIFY(h.skipped);
        QCOMPARE(result.auditIntentId, -1);
        QCOMPARE(store.value()->count({}).valueOr(-1), 0);
    }

    // What the CLI and the dialog read from a pre-flight: which hosts
    // passed, which failed where, and whether only reachability failed.
    void preflightAggregates()
    {
        auto host = [](const QString &name, PreflightStatus reach, PreflightStatus config) {
            HostPreflight h;
            h.host = name;
            h.checks = {{PreflightCheck::Reachable, reach, u"r"_s, {}},
                        {PreflightCheck::ConfigCheck, config, u"c"_s, {}},
                        {PreflightCheck::ServerState,
                         reach == PreflightStatus::Passed ? PreflightStatus::Passed
                                                          : PreflightStatus::NotRun,
                         u"s"_s,
                         {}}};
            for (PreflightCheckResult &c : h.checks)
                if (c.status == PreflightStatus::Failed)
                    c.error = Error(ErrorCode::ConnectFailed, name + u" broke"_s);
            return h;
        };
        ReloadPreflight p;
        QVERIFY(!p.ok()); // never ran
        p.ran = true;
        p.hosts = {host(u"lb1"_s, PreflightStatus::Passed, PreflightStatus::Passed),
                   host(u"lb2"_s, PreflightStatus::Failed, PreflightStatus::NotRun)};
        QVERIFY(!p.ok());
        QCOMPARE(p.passedHosts(), QStringList{u"lb1"_s});
        QCOMPARE(p.failedHosts(), QStringList{u"lb2"_s});
        QVERIFY(p.onlyUnreachable());
        QCOMPARE(p.host(u"lb2"_s)->failure()->check, PreflightCheck::Reachable);
        QCOMPARE(p.failureText(), u"lb2 reachable: lb2 broke"_s);

        p.hosts.append(host(u"lb3"_s, PreflightStatus::Passed, PreflightStatus::Failed));
        QVERIFY(!p.onlyUnreachable());
        QCOMPARE(p.failedHosts(), QStringList({u"lb2"_s, u"lb3"_s}));
        QVERIFY(p.failureText().contains(u"lb3 config-check: lb3 broke"_s));

        p.hosts = {host(u"lb1"_s, PreflightStatus::Passed, PreflightStatus::Passed)};
        QVERIFY(p.ok());
        QVERIFY(!p.onlyUnreachable());
        QVERIFY(p.failureText().isEmpty());
    }

    // A dry run needs neither a reason nor an audit store, but still a VIP
    // that exists.
    void dryRunRefusesOnlyWhatIsWrong()
    {
        FleetPoller poller(test::healthyFleet().inventory, localTransportFactory());
        ReloadRunner runner(&poller, nullptr);
        ReloadRequest r;
        r.vip = u"nope"_s;
        r.dryRun = true;
        r.rolling = true;
        const ReloadResult unknown = runner.runAndWait(r);
        QVERIFY(unknown.refused);
        QVERIFY(!unknown.preflight.ran);
        QCOMPARE(unknown.refused->code, ErrorCode::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(TestReloadRunner)
#include "tst_reloadrunner.moc"
