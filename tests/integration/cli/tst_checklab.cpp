// `vipdeckctl check` run the way a monitoring daemon runs a plugin: the real
// binary, no terminal, stdin closed, an environment of PATH, LANG and an
// empty HOME, on the lab in each state (all OK, a server down, a VIP
// withdrawn everywhere, a host unreachable, a hung HAProxy past -t), and a
// few bad command lines.  The output is read with a small parser of the
// plugin format (status line, long output, performance data).

#include "tests/support/lab.h"
#include "tests/support/testdata.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>

using namespace Qt::StringLiterals;
using vipdeck::test::Lab;
using vipdeck::test::LabFault;

namespace {

// One plugin answer, parsed.
struct PluginAnswer
{
    int code = -1;
    QString status;               // "OK", "WARNING", ...
    QString text;                 // the status line's text, without the perfdata
    QStringList longOutput;       // the lines after the first
    QHash<QString, QString> perf; // label -> "value[uom];warn;crit;min;max"
    QString raw;

    QString value(const QString &label) const { return perf.value(label).section(u';', 0, 0); }
};

PluginAnswer parseAnswer(int code, const QString &output)
{
    PluginAnswer a;
    a.code = code;
    a.raw = output;
    QStringList lines = output.split(u'\n', Qt::SkipEmptyParts);
    if (lines.isEmpty())
        return a;
    const QString first = lines.takeFirst();
    const qsizetype bar = first.indexOf(u'|');
    const QString head = bar < 0 ? first : first.left(bar).trimmed();
    static const QRegularExpression status(u"^VIPDECK (OK|WARNING|CRITICAL|UNKNOWN) - (.*)$"_s);
    if (const auto m = status.match(head); m.hasMatch()) {
        a.status = m.captured(1);
        a.text = m.captured(2);
    }
    if (bar >= 0) {
        static const QRegularExpression item(uR"('((?:[^']|'')+)'=(\S+))"_s);
        auto it = item.globalMatch(first.mid(bar + 1));
        while (it.hasNext()) {
            const auto m = it.next();
            a.perf.insert(m.captured(1).replace(u"''"_s, u"'"_s), m.captured(2));
        }
    }
    a.longOutput = lines;
    return a;
}

} // namespace

class TestCheckLab : public QObject
{
    Q_OBJECT

    Lab m_lab = Lab::fromEnvironment();
    QTemporaryDir m_home; // an empty HOME, as a service account may have

    PluginAnswer check(const QStringList &arguments, qint64 *elapsedMs = nullptr)
    {
        QProcess process;
        process.setProcessEnvironment(vipdeck::test::bareEnvironment(m_home.path()));
        process.setStandardInputFile(QProcess::nullDevice());
        QElapsedTimer timer;
        timer.start();
        process.start(QStringLiteral(VIPDECKCTL_PATH),
                      QStringList{u"check"_s, u"--fleet"_s, m_lab.fleetFile()} + arguments);
        if (!process.waitForFinished(120'000)) {
            process.kill();
            process.waitForFinished();
        }
        if (elapsedMs)
            *elapsedMs = timer.elapsed();
        return parseAnswer(process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                           QString::fromUtf8(process.readAllStandardOutput()));
    }

    // check until `done` holds for its answer (the lab's checkers need a few
    // intervals to see a fault), at most 60 s.
    PluginAnswer checkUntil(const QStringList &arguments,
                            const std::function<bool(const PluginAnswer &)> &done)
    {
        const QDeadlineTimer deadline(std::chrono::seconds{60});
        PluginAnswer answer;
        do {
            answer = check(arguments);
            if (done(answer))
                break;
            QTest::qWait(500);
        } while (!deadline.hasExpired());
        return answer;
    }

private slots:
    void initTestCase()
    {
        if (!m_lab.isAvailable())
            QFAIL("needs the lab (run through ctest: fixture lab_up)");
        QVERIFY(m_home.isValid());
    }

    // Every test starts on a healthy lab (the checkers may need a few
    // intervals after an earlier test's heal).
    void init()
    {
        const PluginAnswer ok = checkUntil({}, [](const PluginAnswer &p) { return p.code == 0; });
        QVERIFY2(ok.code == 0, qPrintable(ok.raw));
    }

    void healthyLabIsOk()
    {
        const PluginAnswer a = checkUntil({}, [](const PluginAnswer &p) { return p.code == 0; });
        QVERIFY2(a.code == 0, qPrintable(a.raw));
        QCOMPARE(a.status, u"OK"_s);
        QCOMPARE(a.text, u"4 of 4 VIPs OK, 2 of 2 hosts reachable"_s);
        QVERIFY2(a.longOutput.isEmpty(), qPrintable(a.raw));
        QCOMPARE(a.perf.value(u"vips"_s), u"4;;;0"_s);
        QCOMPARE(a.perf.value(u"vips_ok"_s), u"4;;;0;4"_s);
        QCOMPARE(a.perf.value(u"hosts_reachable"_s), u"2;;;0;2"_s);
        QCOMPARE(a.perf.value(u"announcing_web"_s), u"2;;;0;2"_s);
        QCOMPARE(a.perf.value(u"up_web@lb1/web"_s), u"3;;;0;3"_s);
        QVERIFY(a.value(u"poll_duration"_s).endsWith(u's'));
    }

    void thresholdsOnAnnouncingHostsAndUpServers()
    {
        PluginAnswer a = check({u"--vip"_s, u"web"_s, u"-w"_s, u"3:"_s});
        QCOMPARE(a.code, 1);
        QVERIFY2(a.text.contains(u"the number of hosts announcing it is 2, outside -w 3:"_s),
                 qPrintable(a.raw));
        QCOMPARE(a.perf.value(u"announcing_web"_s), u"2;3:;;0;2"_s);
        QVERIFY(!a.perf.contains(u"announcing_api"_s)); // --vip web only

        a = check({u"--on"_s, u"up"_s, u"-c"_s, u"4:"_s});
        QCOMPARE(a.code, 2);
        QCOMPARE(a.perf.value(u"up_web@lb2/web"_s), u"3;;4:;0;3"_s);
    }

    void serverDownIsWarning()
    {
        LabFault fault(m_lab, {u"server-down"_s, u"web-01"_s});
        QVERIFY2(fault.injected(), qPrintable(fault.output()));
        // Each host's HAProxy sees it on its own checks: wait for both.
        const PluginAnswer a = checkUntil({}, [](const PluginAnswer &p) {
            return p.code == 1 && p.value(u"up_web@lb1/web"_s) == u"2"_s &&
                   p.value(u"up_web@lb2/web"_s) == u"2"_s;
        });
        QVERIFY2(a.code == 1, qPrintable(a.raw));
        QVERIFY2(a.text.startsWith(u"1 degraded of 4 VIPs: web: server web/web-01 on "_s),
                 qPrintable(a.raw));
        QCOMPARE(a.longOutput.size(), 2); // one line per host that sees it DOWN
        for (const QString &line : a.longOutput)
            QVERIFY2(line.startsWith(u"[WARNING] web: server web/web-01 on lb"_s),
                     qPrintable(a.raw));
        QCOMPARE(a.value(u"vips_degraded"_s), u"1"_s);
        QCOMPARE(a.value(u"up_web@lb2/web"_s), u"2"_s);
    }

    void withdrawnEverywhereIsCritical()
    {
        LabFault f1(m_lab, {u"server-down"_s, u"api-01"_s});
        LabFault f2(m_lab, {u"server-down"_s, u"api-02"_s});
        LabFault f3(m_lab, {u"server-down"_s, u"api-03"_s});
        QVERIFY(f1.injected() && f2.injected() && f3.injected());
        const PluginAnswer a = checkUntil({}, [](const PluginAnswer &p) {
            return p.code == 2 && p.value(u"announcing_api"_s) == u"0"_s;
        });
        QVERIFY2(a.code == 2, qPrintable(a.raw));
        QCOMPARE(a.status, u"CRITICAL"_s);
        QVERIFY2(a.raw.contains(u"[CRITICAL] api: api is withdrawn on every host of lab: outage"_s),
                 qPrintable(a.raw));
        QCOMPARE(a.value(u"vips_critical"_s), u"1"_s);
    }

    void unreachableHostIsUnknown()
    {
        LabFault fault(m_lab, {u"sshd-stop"_s, u"lb2"_s});
        QVERIFY2(fault.injected(), qPrintable(fault.output()));
        const PluginAnswer a = check({});
        QVERIFY2(a.code == 3, qPrintable(a.raw));
        QVERIFY2(a.text.startsWith(u"4 unknown of 4 VIPs: "_s), qPrintable(a.raw));
        QCOMPARE(a.perf.value(u"hosts_reachable"_s), u"1;;;0;2"_s);
        QVERIFY2(a.raw.contains(u"[UNKNOWN] lb2: lb2 is unreachable"_s), qPrintable(a.raw));
        // The route reflectors still hold lb2's paths: both hosts announce.
        QCOMPARE(a.value(u"announcing_web"_s), u"2"_s);
    }

    void hungHaproxyPastTheTimeoutIsUnknown()
    {
        LabFault fault(m_lab, {u"haproxy-freeze"_s, u"lb2"_s, u"web"_s});
        QVERIFY2(fault.injected(), qPrintable(fault.output()));
        qint64 elapsed = 0;
        const PluginAnswer a = check({u"-t"_s, u"2"_s}, &elapsed);
        QCOMPARE(a.code, 3);
        QVERIFY2(a.text.startsWith(u"the fleet did not answer within 2 seconds"_s),
                 qPrintable(a.raw));
        // It gives up at -t, not at the read deadline (10 s in the lab);
        // generous for a busy machine, not a speed figure.
        QVERIFY2(elapsed < 9'000, qPrintable(QString::number(elapsed)));
    }

    void badCommandLinesAreUnknownNotCritical()
    {
        PluginAnswer a = check({u"-w"_s, u"abc"_s});
        QCOMPARE(a.code, 3);
        QVERIFY2(a.text.contains(u"'abc' is not a threshold range"_s), qPrintable(a.raw));
        a = check({u"--bogus"_s});
        QCOMPARE(a.code, 3);
        QVERIFY2(a.text.contains(u"unknown option '--bogus'"_s), qPrintable(a.raw));
        a = check({u"--group"_s, u"nosuch"_s});
        QCOMPARE(a.code, 3);
        QVERIFY2(a.text.contains(u"no group 'nosuch'"_s), qPrintable(a.raw));
    }
};

QTEST_GUILESS_MAIN(TestCheckLab)
#include "tst_checklab.moc"
