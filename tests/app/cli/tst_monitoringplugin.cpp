// vipdeckctl check's plugin output on synthetic fleets: threshold ranges as
// the Monitoring Plugins guidelines define them, the state for each kind of
// trouble, the status line, one line per problem, and performance data.

#include "app/cli/monitoringplugin.h"
#include "core/fleet/verdict.h"
#include "tests/models/fleetupdates.h"
#include "tests/support/syntheticfleet.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vipdeck;
using namespace vipdeck::cli;

namespace {

// label -> "value;warn;crit;min;max" of the status line's performance data.
QHash<QString, QString> perfdata(const QString &output)
{
    QHash<QString, QString> out;
    const QString line = output.section(u'\n', 0, 0);
    const qsizetype bar = line.indexOf(u'|');
    if (bar < 0)
        return out;
    static const QRegularExpression item(uR"('((?:[^']|'')+)'=(\S+))"_s);
    auto it = item.globalMatch(line.mid(bar + 1));
    while (it.hasNext()) {
        const auto m = it.next();
        out.insert(m.captured(1).replace(u"''"_s, u"'"_s), m.captured(2));
    }
    return out;
}

} // namespace

class TestMonitoringPlugin : public QObject
{
    Q_OBJECT

private slots:
    void ranges_data()
    {
        QTest::addColumn<QString>("range");
        QTest::addColumn<QList<double>>("alerting");
        QTest::addColumn<QList<double>>("quiet");
        QTest::newRow("N: 0..N") << u"10"_s << QList<double>{-1, 11} << QList<double>{0, 10};
        QTest::newRow("N: below N") << u"2:"_s << QList<double>{0, 1} << QList<double>{2, 100};
        QTest::newRow("~:N above N") << u"~:4"_s << QList<double>{5} << QList<double>{-100, 4};
        QTest::newRow("N:M outside") << u"1:3"_s << QList<double>{0, 4} << QList<double>{1, 3};
        QTest::newRow("@N:M inside") << u"@1:3"_s << QList<double>{1, 2, 3} << QList<double>{0, 4};
    }
    void ranges()
    {
        QFETCH(QString, range);
        QFETCH(QList<double>, alerting);
        QFETCH(QList<double>, quiet);
        const Result<PluginRange> parsed = parsePluginRange(range);
        QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().toString()));
        for (const double v : alerting)
            QVERIFY2(parsed->alerts(v), qPrintable(u"%1 in %2"_s.arg(v).arg(range)));
        for (const double v : quiet)
            QVERIFY2(!parsed->alerts(v), qPrintable(u"%1 in %2"_s.arg(v).arg(range)));
    }

    void badRangesAreRefused()
    {
        for (const QString &bad : {u""_s, u"abc"_s, u"3:1"_s, u"@"_s, u"1:x"_s}) {
            const Result<PluginRange> parsed = parsePluginRange(bad);
            QVERIFY2(!parsed, qPrintable(bad));
            QVERIFY(parsed.error().toString().contains(u"is not a threshold range"_s));
        }
    }

    void healthyFleetIsOk()
    {
        const CheckOutcome out =
            checkFleet(vipdeck::test::makeUpdate(test::healthyFleet()), {}, {}, 234);
        QCOMPARE(out.state, PluginOk);
        QVERIFY2(out.output.startsWith(u"VIPDECK OK - 2 of 2 VIPs OK, 4 of 4 hosts reachable | "_s),
                 qPrintable(out.output));
        QCOMPARE(out.output.count(u'\n'), 1); // no problem lines
        const QHash<QString, QString> perf = perfdata(out.output);
        QCOMPARE(perf.value(u"vips"_s), u"2;;;0"_s);
        QCOMPARE(perf.value(u"vips_ok"_s), u"2;;;0;2"_s);
        QCOMPARE(perf.value(u"vips_critical"_s), u"0;;;0;2"_s);
        QCOMPARE(perf.value(u"hosts_reachable"_s), u"4;;;0;4"_s);
        QCOMPARE(perf.value(u"poll_duration"_s), u"0.234s;;;0"_s);
        QCOMPARE(perf.value(u"announcing_web"_s), u"2;;;0;2"_s);
        QCOMPARE(perf.value(u"announcing_tenant"_s), u"1;;;0;2"_s);
        QCOMPARE(perf.value(u"up_web@lb1/be"_s), u"4;;;0;4"_s);
    }

    void eachTroubleHasItsState()
    {
        // A server DOWN: web degraded -> WARNING.
        Snapshot::Data down = test::healthyFleet();
        test::serverIn(down, u"web"_s, u"lb1"_s, 0).status.state = ServerState::Down;
        CheckOutcome out = checkFleet(vipdeck::test::makeUpdate(down), {}, {}, 10);
        QCOMPARE(out.state, PluginWarning);
        QVERIFY2(out.output.startsWith(u"VIPDECK WARNING - 1 degraded of 2 VIPs: web: "_s),
                 qPrintable(out.output));
        QVERIFY2(out.output.contains(u"\n[WARNING] web: server be/s1 on lb1 is DOWN"_s),
                 qPrintable(out.output));
        QCOMPARE(perfdata(out.output).value(u"up_web@lb1/be"_s), u"3;;;0;4"_s);

        // Withdrawn on both hosts: an outage -> CRITICAL, first in the line.
        Snapshot::Data outage = test::healthyFleet();
        for (const QString &h : {u"lb1"_s, u"lb2"_s}) {
            for (BgpSessionObservation &s : outage.hosts[h].bgpSessions)
                s.exportedPrefixes.clear();
        }
        out = checkFleet(vipdeck::test::makeUpdate(outage), {}, {}, 10);
        QCOMPARE(out.state, PluginCritical);
        QVERIFY2(out.output.startsWith(u"VIPDECK CRITICAL - 1 critical of 2 VIPs: web: web is "
                                       "withdrawn on every host of aa: outage |"_s),
                 qPrintable(out.output));
        QCOMPARE(perfdata(out.output).value(u"announcing_web"_s), u"0;;;0;2"_s);

        // lb2 unreachable: web's announcement there is unknown -> UNKNOWN, value U.
        Snapshot::Data unreachable = test::healthyFleet();
        unreachable.hosts[u"lb2"_s].reachable = false;
        unreachable.hosts[u"lb2"_s].error =
            Error(ErrorCode::ConnectFailed, u"connection refused"_s, u"lb2"_s);
        out = checkFleet(vipdeck::test::makeUpdate(unreachable), {}, {}, 10);
        QCOMPARE(out.state, PluginUnknown);
        QVERIFY2(out.output.startsWith(u"VIPDECK UNKNOWN - 1 unknown of 2 VIPs: "_s),
                 qPrintable(out.output));
        QCOMPARE(perfdata(out.output).value(u"announcing_web"_s), u"U;;;0;2"_s);
        QCOMPARE(perfdata(out.output).value(u"hosts_reachable"_s), u"3;;;0;4"_s);

        // A known problem outranks missing data: degraded + unknown -> WARNING.
        test::serverIn(unreachable, u"tenant"_s, u"lb3"_s, 0).status.state = ServerState::Down;
        QCOMPARE(checkFleet(vipdeck::test::makeUpdate(unreachable), {}, {}, 10).state,
                 PluginWarning);
    }

    void thresholds()
    {
        CheckOptions options;
        options.warning = *parsePluginRange(u"3:"_s);
        CheckOutcome out =
            checkFleet(vipdeck::test::makeUpdate(test::healthyFleet()), {}, options, 10);
        QCOMPARE(out.state, PluginWarning);
        QVERIFY2(out.output.contains(u"[WARNING] web: the number of hosts announcing it is 2, "
                                     "outside -w 3:"_s),
                 qPrintable(out.output));
        QCOMPARE(perfdata(out.output).value(u"announcing_web"_s), u"2;3:;;0;2"_s);

        options.critical = *parsePluginRange(u"2:"_s);
        out = checkFleet(vipdeck::test::makeUpdate(test::healthyFleet()), {}, options, 10);
        QCOMPARE(out.state, PluginCritical); // tenant: 1 host announcing
        QVERIFY2(out.output.contains(u"[CRITICAL] tenant: the number of hosts announcing it is "
                                     "1, outside -c 2:"_s),
                 qPrintable(out.output));

        CheckOptions up;
        up.on = ThresholdOn::UpServers;
        up.critical = *parsePluginRange(u"5:"_s);
        out = checkFleet(vipdeck::test::makeUpdate(test::healthyFleet()), {}, up, 10);
        QCOMPARE(out.state, PluginCritical);
        QCOMPARE(perfdata(out.output).value(u"up_web@lb1/be"_s), u"4;;5:;0;4"_s);
        QCOMPARE(perfdata(out.output).value(u"announcing_web"_s), u"2;;;0;2"_s);
    }

    void selection()
    {
        CheckOptions group;
        group.group = u"pb"_s;
        const CheckOutcome out =
            checkFleet(vipdeck::test::makeUpdate(test::healthyFleet()), {}, group, 10);
        QVERIFY2(out.output.startsWith(u"VIPDECK OK - 1 of 1 VIPs OK, 2 of 2 hosts reachable"_s),
                 qPrintable(out.output));
        QVERIFY(!perfdata(out.output).contains(u"announcing_web"_s));
        FleetFilter vip;
        vip.vip = u"web"_s;
        QVERIFY(perfdata(
                    checkFleet(vipdeck::test::makeUpdate(test::healthyFleet()), vip, {}, 10).output)
                    .contains(u"announcing_web"_s));
    }

    void remoteTextCannotBreakTheFormat()
    {
        // An error text from a host with a '|' and a newline stays on its line.
        Snapshot::Data data = test::healthyFleet();
        data.hosts[u"lb2"_s].reachable = false;
        data.hosts[u"lb2"_s].error =
            Error(ErrorCode::ConnectFailed, u"refused | fake=1\n[OK] all fine"_s, u"lb2"_s);
        const CheckOutcome out = checkFleet(vipdeck::test::makeUpdate(data), {}, {}, 10);
        const QString first = out.output.section(u'\n', 0, 0);
        QCOMPARE(first.count(u'|'), 1);
        QVERIFY2(!out.output.contains(u"\n[OK]"_s), qPrintable(out.output));
        QVERIFY2(out.output.contains(u"refused / fake=1\\n[OK] all fine"_s),
                 qPrintable(out.output));
    }
};

QTEST_GUILESS_MAIN(TestMonitoringPlugin)
#include "tst_monitoringplugin.moc"
