// vipdeckctl on the lab (tests/lab): each command run in-process with
// cli::run and the lab's fleet.yaml, its JSON read back and its exit code
// checked, including the unreachable-host code 3 under a real fault, the
// reload pre-flight (refusals, dry runs, --force) and the trust command
// against real sshds.

#include "app/cli/cli.h"
#include "core/audit/auditstore.h"
#include "core/haproxy/haproxyclient.h"
#include "core/haproxy/masterclient.h"
#include "core/ssh/localtransport.h"
#include "tests/support/ctlrun.h"
#include "tests/support/lab.h"
#include "tests/support/testdata.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vipdeck;
using vipdeck::cli::StringConsole;
using vipdeck::test::Lab;
using vipdeck::test::LabFault;

namespace {

using Outcome = vipdeck::test::CtlOutcome;

QStringList fingerprintsOf(const QStringList &publicKeyFiles)
{
    QStringList fingerprints;
    for (const QString &file : publicKeyFiles) {
        QProcess keygen;
        keygen.start(u"ssh-keygen"_s, {u"-lf"_s, file});
        keygen.waitForFinished(10000);
        const QStringList fields = QString::fromUtf8(keygen.readAllStandardOutput()).split(u' ');
        if (fields.size() > 1)
            fingerprints << fields.at(1);
    }
    return fingerprints;
}

} // namespace

class TestCliLab : public QObject
{
    Q_OBJECT

private:
    Lab m_lab = Lab::fromEnvironment();
    QTemporaryDir m_scratch;
    QString m_withoutObservers; // the lab's fleet.yaml without `observers:`
    QJsonObject m_state;

    Outcome vipdeckctl(const QStringList &arguments, const QString &fleet = {})
    {
        return test::runCtl(arguments, fleet.isEmpty() ? m_lab.fleetFile() : fleet);
    }

    // status --json until the whole fleet is healthy (after other tests'
    // heals the checkers may need a moment).
    Outcome healthyStatus()
    {
        const QDeadlineTimer deadline(std::chrono::seconds{60});
        Outcome status;
        do {
            status = vipdeckctl({u"status"_s, u"--json"_s});
            if (status.code == 0 && status.json().value(u"health"_s).toString() == u"healthy"_s)
                break;
            QTest::qWait(500);
        } while (!deadline.hasExpired());
        return status;
    }

    QStringList hostNames() const
    {
        QStringList names;
        for (const QJsonValue host : m_state.value(u"hosts"_s).toArray())
            names << host.toObject().value(u"name"_s).toString();
        return names;
    }

    QString statsSocket(const QString &host, const QString &vip) const
    {
        for (const QJsonValue h : m_state.value(u"hosts"_s).toArray()) {
            if (h.toObject().value(u"name"_s).toString() == host)
                return h.toObject()
                    .value(u"vips"_s)
                    .toObject()
                    .value(vip)
                    .toObject()
                    .value(u"stats_socket"_s)
                    .toString();
        }
        return {};
    }

    QString masterSocket(const QString &host, const QString &vip) const
    {
        for (const QJsonValue h : m_state.value(u"hosts"_s).toArray()) {
            if (h.toObject().value(u"name"_s).toString() == host)
                return h[u"vips"_s][vip][u"master_socket"_s].toString();
        }
        return {};
    }

    // The worker PID as HAProxy's master reports it (-1 if unknown).
    qint64 workerPid(const QString &host, const QString &vip) const
    {
        LocalTransport transport;
        const Result<MasterProcInfo> proc =
            MasterClient(&transport, masterSocket(host, vip)).showProc().result();
        return proc.ok() && !proc->workers.isEmpty() ? proc->workers.constFirst().pid : -1;
    }

    QStringList hostKeyFiles(const QString &host) const
    {
        QStringList files;
        for (const QJsonValue h : m_state.value(u"hosts"_s).toArray()) {
            if (h.toObject().value(u"name"_s).toString() != host)
                continue;
            for (const QJsonValue key :
                 h.toObject().value(u"sshd"_s).toObject().value(u"host_keys"_s).toArray())
                files << key.toString() + u".pub"_s;
        }
        return files;
    }

private slots:
    void initTestCase()
    {
        if (!m_lab.isAvailable())
            QFAIL("needs the lab (run through ctest: fixture lab_up)");
        m_state = m_lab.state();
        QVERIFY(!hostNames().isEmpty());
        QVERIFY(m_scratch.isValid());
        m_withoutObservers = m_lab.fleetFileWithoutObservers(m_scratch.path());
    }

    void observersAreReadAndListed()
    {
        const Outcome status = healthyStatus();
        QCOMPARE(status.code, 0);
        const QJsonArray observers = status.json().value(u"observers"_s).toArray();
        QCOMPARE(observers.size(), 2);
        for (const QJsonValue value : observers) {
            const QJsonObject observer = value.toObject();
            const QByteArray text = QJsonDocument(observer).toJson();
            QVERIFY2(observer.value(u"reachable"_s).toBool(), text.constData());
            QCOMPARE(observer.value(u"health"_s).toString(), u"healthy"_s);
            // Each route reflector holds a path from both LB hosts for every VIP.
            const QJsonObject paths = observer.value(u"paths"_s).toObject();
            QCOMPARE(paths.size(), m_state.value(u"vips"_s).toArray().size());
            for (const QJsonValue list : paths)
                QCOMPARE(list.toArray().size(), hostNames().size());
        }
        for (const QJsonValue value : status.json().value(u"vips"_s).toArray()) {
            const QJsonObject fabric = value.toObject().value(u"fabric"_s).toObject();
            QCOMPARE(fabric.value(u"held_by"_s).toArray(), (QJsonArray{u"rr1"_s, u"rr2"_s}));
        }
        const Outcome text = vipdeckctl({u"status"_s});
        const qsizetype vips = m_state.value(u"vips"_s).toArray().size();
        QVERIFY2(text.out.contains(u"OBSERVER"_s) &&
                     text.out.contains(u"%1 of %1 VIP(s)"_s.arg(vips)),
                 qPrintable(text.out));
        // Without observers in the file there is nothing of them.
        const Outcome plain = vipdeckctl({u"status"_s, u"--json"_s}, m_withoutObservers);
        QCOMPARE(plain.json().value(u"observers"_s).toArray().size(), 0);
        QVERIFY(!vipdeckctl({u"status"_s}, m_withoutObservers).out.contains(u"OBSERVER"_s));
    }

    void statusJson()
    {
        const Outcome status = healthyStatus();
        QCOMPARE(status.code, 0);
        const QJsonObject json = status.json();
        QVERIFY2(json.value(u"health"_s).toString() == u"healthy"_s, qPrintable(status.out));
        QCOMPARE(json.value(u"schema"_s).toString(), u"vipdeck.status/2"_s);
        QCOMPARE(json.value(u"fleet"_s).toString(), m_lab.fleetFile());
        const QJsonObject summary = json.value(u"summary"_s).toObject();
        QCOMPARE(summary.value(u"hosts"_s).toInt(), hostNames().size());
        QCOMPARE(summary.value(u"hosts_reachable"_s).toInt(), hostNames().size());
        const QJsonArray labVips = m_state.value(u"vips"_s).toArray();
        QCOMPARE(summary.value(u"vips"_s).toInt(), labVips.size());
        QCOMPARE(summary.value(u"healthy"_s).toInt(), labVips.size());
        const QJsonArray vips = json.value(u"vips"_s).toArray();
        for (qsizetype i = 0; i < labVips.size(); ++i) {
            const QJsonObject vip = vips.at(i).toObject();
            QCOMPARE(vip.value(u"name"_s).toString(),
                     labVips.at(i).toObject().value(u"name"_s).toString());
            QCOMPARE(vip.value(u"prefixes"_s).toArray().at(0).toString(),
                     labVips.at(i).toObject().value(u"prefix"_s).toString());
            QCOMPARE(vip.value(u"announced_by"_s).toArray().size(), hostNames().size());
            for (const QJsonValue placement : vip.value(u"placements"_s).toArray()) {
                QCOMPARE(placement.toObject().value(u"health"_s).toString(), u"healthy"_s);
                QVERIFY(placement.toObject().value(u"pid"_s).toInteger() > 0);
                QVERIFY(placement.toObject().value(u"age_secs"_s).toInt() >= 0);
            }
        }
        for (const QJsonValue host : json.value(u"hosts"_s).toArray()) {
            QVERIFY(host.toObject().value(u"reachable"_s).toBool());
            QVERIFY(host.toObject().value(u"bird_version"_s).toString().startsWith(u"2."_s));
            for (const QJsonValue bgp : host.toObject().value(u"bgp"_s).toArray()) {
                QCOMPARE(bgp.toObject().value(u"state"_s).toString(), u"Established"_s);
                // BIRD's local time of day, made a UTC time through the host's
                // clock: after the lab came up and not after this poll.
                const QString since = bgp.toObject().value(u"since"_s).toString();
                const QDateTime sinceTime = QDateTime::fromString(since, Qt::ISODateWithMs);
                QVERIFY2(since.endsWith(u'Z') && sinceTime.isValid(), qPrintable(since));
                QVERIFY2(sinceTime <= QDateTime::fromString(json.value(u"time"_s).toString(),
                                                            Qt::ISODateWithMs),
                         qPrintable(since));
                QVERIFY2(sinceTime.secsTo(QDateTime::currentDateTimeUtc()) < 24 * 3600,
                         qPrintable(since));
                QVERIFY(!bgp.toObject().value(u"since_bird"_s).toString().isEmpty());
            }
        }

        // The text form says the same.
        const Outcome text = vipdeckctl({u"status"_s});
        QCOMPARE(text.code, 0);
        QVERIFY2(text.out.contains(u"%1 of %1 hosts reachable"_s.arg(hostNames().size())),
                 qPrintable(text.out));
        QVERIFY(!text.out.contains(u"Worst reasons"_s));
    }

    void vipsAndServersFilters()
    {
        QCOMPARE(healthyStatus().code, 0);
        const Outcome vips = vipdeckctl({u"vips"_s, u"--vip"_s, u"api"_s, u"--json"_s});
        QCOMPARE(vips.code, 0);
        const QJsonArray list = vips.json().value(u"vips"_s).toArray();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.at(0).toObject().value(u"placements"_s).toArray().size(), hostNames().size());

        const Outcome all = vipdeckctl({u"servers"_s, u"--json"_s});
        QCOMPARE(all.code, 0);
        const qsizetype servers = m_state.value(u"servers"_s).toObject().size();
        QCOMPARE(all.json().value(u"servers"_s).toArray().size(), servers * hostNames().size());

        const Outcome web = vipdeckctl(
            {u"servers"_s, u"web-*"_s, u"--state"_s, u"up"_s, u"--host"_s, u"lb1"_s, u"--json"_s});
        QCOMPARE(web.code, 0);
        const QJsonArray rows = web.json().value(u"servers"_s).toArray();
        QCOMPARE(rows.size(), 3);
        for (const QJsonValue row : rows) {
            QCOMPARE(row.toObject().value(u"host"_s).toString(), u"lb1"_s);
            QVERIFY(row.toObject().value(u"server"_s).toString().startsWith(u"web-"_s));
            QCOMPARE(row.toObject().value(u"check"_s).toString(), u"L7OK"_s);
        }

        const Outcome api =
            vipdeckctl({u"servers"_s, u"--vip"_s, u"api"_s, u"--host"_s, u"lb2"_s, u"--json"_s});
        QStringList backups;
        for (const QJsonValue row : api.json().value(u"servers"_s).toArray()) {
            if (row.toObject().value(u"backup"_s).toBool())
                backups << row.toObject().value(u"server"_s).toString();
        }
        QCOMPARE(backups, QStringList{u"api-03"_s});

        const Outcome none = vipdeckctl({u"servers"_s, u"--state"_s, u"maint"_s, u"--json"_s});
        QCOMPARE(none.code, 0);
        QCOMPARE(none.json().value(u"servers"_s).toArray().size(), 0);

        const Outcome text = vipdeckctl({u"servers"_s, u"mail-0[12]"_s, u"--host"_s, u"lb1"_s});
        QCOMPARE(text.code, 0);
        QVERIFY2(text.out.contains(u"2 server(s)"_s), qPrintable(text.out));
    }

    void eventsSeeADrainOnOneHost()
    {
        QCOMPARE(healthyStatus().code, 0);
        const Outcome quiet = vipdeckctl({u"events"_s, u"--interval"_s, u"0.5"_s, u"--json"_s});
        QCOMPARE(quiet.code, 0);
        QCOMPARE(quiet.json().value(u"schema"_s).toString(), u"vipdeck.events/1"_s);
        QVERIFY(quiet.json().value(u"events"_s).isArray());
        LocalTransport transport;
        const HaproxyClient client(&transport, statsSocket(u"lb1"_s, u"web"_s));
        // The drain lands while `events --follow` runs; retried if this busy
        // machine made it land before the first poll finished.
        bool seen = false;
        QString lastOutput;
        for (int attempt = 0; attempt < 3 && !seen; ++attempt) {
            QTimer::singleShot(2000, [&client] {
                (void)client.setServerState(u"web"_s, u"web-01"_s, ServerAdminAction::Drain);
            });
            const Outcome events = vipdeckctl({u"events"_s, u"--follow"_s, u"--json"_s,
                                               u"--count"_s, u"8"_s, u"--interval"_s, u"0.5"_s});
            QCOMPARE(events.code, 0);
            lastOutput = events.out;
            for (const QString &line : events.out.split(u'\n', Qt::SkipEmptyParts)) {
                const QJsonObject event = QJsonDocument::fromJson(line.toUtf8()).object();
                QVERIFY2(!event.isEmpty(), qPrintable(line)); // one JSON object per line
                QCOMPARE(event.value(u"schema"_s).toString(), u"vipdeck.event/1"_s);
                if (event.value(u"server"_s).toString() == u"web-01"_s &&
                    event.value(u"host"_s).toString() == u"lb1"_s &&
                    event.value(u"after"_s).toString() == u"drain"_s) {
                    seen = true;
                    QCOMPARE(event.value(u"before"_s).toString(), u"ready"_s);
                    QCOMPARE(event.value(u"vip"_s).toString(), u"web"_s);
                    QVERIFY(!event.value(u"text"_s).toString().isEmpty());
                }
            }
            const Result<void> restored =
                client.setServerState(u"web"_s, u"web-01"_s, ServerAdminAction::Ready).result();
            QVERIFY2(restored.ok(), qPrintable(restored.error().toString()));
        }
        QVERIFY2(seen, qPrintable(lastOutput));
    }

    void watchWithoutTerminalPrintsFrames()
    {
        const Outcome watch =
            vipdeckctl({u"watch"_s, u"--count"_s, u"2"_s, u"--interval"_s, u"0.5"_s});
        QCOMPARE(watch.code, 0);
        QCOMPARE(watch.out.count(u"hosts reachable"_s), 2);
        QVERIFY(!watch.out.contains(u"\x1b"_s)); // no escapes when not a terminal
    }

    void unreachableHostExits3()
    {
        {
            LabFault fault(m_lab, {u"sshd-stop"_s, u"lb2"_s});
            QVERIFY2(fault.injected(), qPrintable(fault.output()));
            // First without observers: nothing else can tell what lb2 announces.
            const Outcome status = vipdeckctl({u"status"_s, u"--json"_s}, m_withoutObservers);
            QCOMPARE(status.code, 3);
            QVERIFY2(status.err.contains(u"lb2 is unreachable"_s), qPrintable(status.err));
            const QJsonObject json = status.json();
            QCOMPARE(json.value(u"summary"_s).toObject().value(u"hosts_reachable"_s).toInt(),
                     hostNames().size() - 1);
            for (const QJsonValue value : json.value(u"hosts"_s).toArray()) {
                const QJsonObject host = value.toObject();
                if (host.value(u"name"_s).toString() != u"lb2"_s) {
                    QVERIFY(host.value(u"reachable"_s).toBool());
                    continue;
                }
                QCOMPARE(host.value(u"reachable"_s).toBool(), false);
                QCOMPARE(host.value(u"health"_s).toString(), u"unknown"_s);
                QVERIFY2(host.value(u"error"_s)
                             .toObject()
                             .value(u"text"_s)
                             .toString()
                             .contains(u"refused"_s, Qt::CaseInsensitive),
                         QJsonDocument(host).toJson().constData());
            }
            // lb2's announcements are unknown, never withdrawn: JSON null with
            // the reason, "?" in the matrix, words in `vips`.
            for (const QJsonValue value : json.value(u"vips"_s).toArray()) {
                const QJsonObject vip = value.toObject();
                QCOMPARE(vip.value(u"announcement_unknown_on"_s).toArray(), QJsonArray{u"lb2"_s});
                QVERIFY(!vip.value(u"announced_by"_s).toArray().contains(u"lb2"_s));
                for (const QJsonValue p : vip.value(u"placements"_s).toArray()) {
                    const QJsonObject placement = p.toObject();
                    if (placement.value(u"host"_s).toString() != u"lb2"_s) {
                        QCOMPARE(placement.value(u"announced"_s), QJsonValue(true));
                        continue;
                    }
                    QVERIFY2(placement.value(u"announced"_s).isNull(),
                             QJsonDocument(placement).toJson().constData());
                    QCOMPARE(placement.value(u"announcement"_s).toString(), u"unknown"_s);
                    QVERIFY2(placement.value(u"announcement_unknown_reason"_s)
                                 .toString()
                                 .contains(u"lb2 is unreachable"_s),
                             QJsonDocument(placement).toJson().constData());
                }
            }
            const Outcome text = vipdeckctl({u"status"_s}, m_withoutObservers);
            QVERIFY2(text.out.contains(u"unknown ?"_s) && !text.out.contains(u"unknown -"_s),
                     qPrintable(text.out));
            const Outcome vips = vipdeckctl({u"vips"_s}, m_withoutObservers);
            QCOMPARE(vips.code, 3);
            QVERIFY2(vips.out.contains(u"announcement unknown"_s) &&
                         !vips.out.contains(u"not announced"_s),
                     qPrintable(vips.out));

            // With the route reflectors as observers: lb2's BIRD still runs,
            // so they hold its paths and traffic still reaches lb2.
            const Outcome seen = vipdeckctl({u"status"_s, u"--json"_s});
            QCOMPARE(seen.code, 3);
            for (const QJsonValue value : seen.json().value(u"vips"_s).toArray()) {
                const QJsonObject vip = value.toObject();
                QCOMPARE(vip.value(u"announcement_unknown_on"_s).toArray(), QJsonArray());
                QVERIFY(vip.value(u"announced_by"_s).toArray().contains(u"lb2"_s));
                QVERIFY2(!vip.value(u"summary"_s).toString().contains(u"redundancy"_s),
                         qPrintable(vip.value(u"summary"_s).toString()));
                for (const QJsonValue p : vip.value(u"placements"_s).toArray()) {
                    const QJsonObject placement = p.toObject();
                    const QByteArray dump = QJsonDocument(placement).toJson();
                    if (placement.value(u"host"_s).toString() != u"lb2"_s) {
                        QCOMPARE(placement.value(u"announcement_source"_s).toString(), u"host"_s);
                        continue;
                    }
                    QCOMPARE(placement.value(u"announced"_s), QJsonValue(true));
                    QCOMPARE(placement.value(u"announcement_source"_s).toString(), u"observers"_s);
                    QCOMPARE(placement.value(u"fabric"_s).toObject().value(u"held_by"_s),
                             QJsonValue(QJsonArray{u"rr1"_s, u"rr2"_s}));
                    // HAProxy of lb2 is not read: the cell stays unknown.
                    QCOMPARE(placement.value(u"health"_s).toString(), u"unknown"_s);
                    bool said = false;
                    for (const QJsonValue r : placement.value(u"reasons"_s).toArray())
                        said |= r[u"text"_s].toString().contains(
                            u"lb2 is unreachable, but rr1, rr2 still hold(s) lb2's path"_s);
                    QVERIFY2(said, dump.constData());
                }
            }
            const Outcome seenText = vipdeckctl({u"status"_s});
            QVERIFY2(seenText.out.contains(u"unknown +*"_s) &&
                         seenText.out.contains(u"* as the observers see it"_s),
                     qPrintable(seenText.out));
            const Outcome seenVips = vipdeckctl({u"vips"_s});
            QVERIFY2(seenVips.out.contains(u"announced (as rr1, rr2 see(s) it)"_s),
                     qPrintable(seenVips.out));
            // Filtered to the healthy host, nothing is unreachable.
            QCOMPARE(vipdeckctl({u"servers"_s, u"--host"_s, u"lb1"_s, u"--json"_s}).code, 0);
        }
        QCOMPARE(healthyStatus().code, 0);
    }

    void failOnTurnsVerdictsIntoExitCodes()
    {
        QCOMPARE(healthyStatus().code, 0);
        QCOMPARE(vipdeckctl({u"status"_s, u"--fail-on"_s, u"unknown"_s}).code, 0);
        QCOMPARE(vipdeckctl({u"status"_s, u"--fail-on"_s, u"bad"_s}).code, 2);
        {
            LabFault fault(m_lab, {u"server-down"_s, u"web-01"_s});
            QVERIFY2(fault.injected(), qPrintable(fault.output()));
            const QDeadlineTimer deadline(std::chrono::seconds{60});
            Outcome vips;
            do {
                vips = vipdeckctl({u"vips"_s, u"--fail-on"_s, u"degraded"_s});
                if (vips.code == 1)
                    break;
                QTest::qWait(500);
            } while (!deadline.hasExpired());
            QCOMPARE(vips.code, 1);
            QVERIFY2(vips.err.contains(u"--fail-on degraded: web (degraded)"_s),
                     qPrintable(vips.err));
            // Nothing critical: the script goes on.
            QCOMPARE(vipdeckctl({u"status"_s, u"--fail-on"_s, u"critical"_s}).code, 0);
            QCOMPARE(vipdeckctl({u"status"_s, u"--json"_s, u"--fail-on"_s, u"degraded"_s}).code, 1);
        }
        QCOMPARE(healthyStatus().code, 0);
    }

    void hungBirdLeavesTheOtherHostFresh()
    {
        {
            // BIRD of lb2 is SIGSTOPped: its control socket accepts and never
            // answers.  SSH and every HAProxy of lb2 still answer.
            LabFault fault(m_lab, {u"bird-freeze"_s, u"lb2"_s});
            QVERIFY2(fault.injected(), qPrintable(fault.output()));
            QElapsedTimer elapsed;
            elapsed.start();
            const Outcome status = vipdeckctl({u"status"_s, u"--json"_s}, m_withoutObservers);
            // Within the read deadline (the lab's command_timeout, 10 s),
            // with room for a busy machine; not a speed figure.
            QVERIFY2(elapsed.elapsed() < 25'000, qPrintable(QString::number(elapsed.elapsed())));
            QCOMPARE(status.code, 0); // every host reachable
            const QJsonObject json = status.json();
            for (const QJsonValue value : json.value(u"hosts"_s).toArray()) {
                const QJsonObject host = value.toObject();
                QVERIFY2(host.value(u"reachable"_s).toBool(),
                         QJsonDocument(host).toJson().constData());
                if (host.value(u"name"_s).toString() == u"lb2"_s) {
                    QCOMPARE(host.value(u"health"_s).toString(), u"unknown"_s);
                    QVERIFY2(host.value(u"error"_s)
                                 .toObject()
                                 .value(u"where"_s)
                                 .toString()
                                 .endsWith(u"bird.ctl"_s),
                             QJsonDocument(host).toJson().constData());
                } else {
                    QCOMPARE(host.value(u"health"_s).toString(), u"healthy"_s);
                }
            }
            for (const QJsonValue value : json.value(u"vips"_s).toArray()) {
                const QJsonObject vip = value.toObject();
                QCOMPARE(vip.value(u"announcement_unknown_on"_s).toArray(), QJsonArray{u"lb2"_s});
                for (const QJsonValue p : vip.value(u"placements"_s).toArray()) {
                    const QJsonObject placement = p.toObject();
                    const QByteArray text = QJsonDocument(placement).toJson();
                    // lb2's HAProxy was read; nothing of this round is stale.
                    QCOMPARE(placement.value(u"stale"_s), QJsonValue(false));
                    QVERIFY2(placement.value(u"error"_s).isNull(), text.constData());
                    if (placement.value(u"host"_s).toString() == u"lb2"_s) {
                        QVERIFY2(placement.value(u"announced"_s).isNull(), text.constData());
                        QVERIFY2(placement.value(u"announcement_unknown_reason"_s)
                                     .toString()
                                     .contains(u"BIRD on lb2 could not be read"_s),
                                 text.constData());
                    } else {
                        QCOMPARE(placement.value(u"health"_s).toString(), u"healthy"_s);
                        QCOMPARE(placement.value(u"announced"_s), QJsonValue(true));
                    }
                }
            }

            // With observers, lb2's announcement is what the route reflectors
            // hold (its paths go once BFD sees the frozen BIRD; either way it
            // is known, and known from them).
            const Outcome seen = vipdeckctl({u"status"_s, u"--json"_s});
            QCOMPARE(seen.code, 0);
            for (const QJsonValue value : seen.json().value(u"vips"_s).toArray()) {
                for (const QJsonValue p : value[u"placements"_s].toArray()) {
                    const QJsonObject placement = p.toObject();
                    if (placement.value(u"host"_s).toString() != u"lb2"_s)
                        continue;
                    QVERIFY2(!placement.value(u"announced"_s).isNull() &&
                                 placement.value(u"announcement_source"_s) == u"observers"_s,
                             QJsonDocument(placement).toJson().constData());
                }
            }
        }
        QCOMPARE(healthyStatus().code, 0);
    }

    void hungHaproxyLeavesEverythingElseFresh()
    {
        {
            LabFault fault(m_lab, {u"haproxy-freeze"_s, u"lb2"_s, u"web"_s});
            QVERIFY2(fault.injected(), qPrintable(fault.output()));
            const Outcome status = vipdeckctl({u"status"_s, u"--json"_s});
            QCOMPARE(status.code, 0);
            for (const QJsonValue value : status.json().value(u"vips"_s).toArray()) {
                const QJsonObject vip = value.toObject();
                for (const QJsonValue p : vip.value(u"placements"_s).toArray()) {
                    const QJsonObject placement = p.toObject();
                    const QByteArray text = QJsonDocument(placement).toJson();
                    QCOMPARE(placement.value(u"announced"_s), QJsonValue(true));
                    if (vip.value(u"name"_s).toString() == u"web"_s &&
                        placement.value(u"host"_s).toString() == u"lb2"_s) {
                        QCOMPARE(placement.value(u"health"_s).toString(), u"unknown"_s);
                        QVERIFY2(placement.value(u"error"_s)
                                     .toObject()
                                     .value(u"where"_s)
                                     .toString()
                                     .endsWith(u"web.sock"_s),
                                 text.constData());
                    } else {
                        QVERIFY2(placement.value(u"health"_s).toString() == u"healthy"_s,
                                 text.constData());
                    }
                }
            }
        }
        QCOMPARE(healthyStatus().code, 0);
    }

    void unreadablePlacementIsListedNotLeftOut()
    {
        {
            // lb2 answers, but web's stats socket there refuses the lab user.
            LabFault fault(m_lab, {u"socket-deny"_s, u"lb2"_s, u"web"_s});
            QVERIFY2(fault.injected(), qPrintable(fault.output()));
            const Outcome json = vipdeckctl({u"servers"_s, u"web-01"_s, u"--json"_s});
            QCOMPARE(json.code, 3);
            QVERIFY2(json.err.contains(u"HAProxy of web on lb2 could not be read"_s),
                     qPrintable(json.err));
            const QJsonObject document = json.json();
            QCOMPARE(document.value(u"complete"_s), QJsonValue(false));
            const QJsonArray unread = document.value(u"unread_placements"_s).toArray();
            QCOMPARE(unread.size(), 1);
            QCOMPARE(unread.at(0).toObject().value(u"vip"_s).toString(), u"web"_s);
            QCOMPARE(unread.at(0).toObject().value(u"host"_s).toString(), u"lb2"_s);
            QVERIFY(!unread.at(0).toObject().value(u"reason"_s).toString().isEmpty());
            QCOMPARE(document.value(u"servers"_s).toArray().size(), 1); // lb1's web-01 only

            const Outcome text = vipdeckctl({u"servers"_s, u"web-01"_s});
            QCOMPARE(text.code, 3);
            QVERIFY2(text.out.contains(u"1 server(s); INCOMPLETE: 1 placement(s) could not be "
                                       "read:"_s) &&
                         text.out.contains(u"web on lb2: "_s) &&
                         text.out.contains(u"(none of its servers is listed)"_s),
                     qPrintable(text.out));
            QCOMPARE(vipdeckctl({u"vips"_s, u"--vip"_s, u"web"_s}).code, 3);
            // Other VIPs of lb2 are complete.
            const Outcome api = vipdeckctl({u"servers"_s, u"--vip"_s, u"api"_s, u"--json"_s});
            QCOMPARE(api.code, 0);
            QCOMPARE(api.json().value(u"complete"_s), QJsonValue(true));
        }
        QCOMPARE(healthyStatus().code, 0);
    }

    void usageAndConfigErrorsExit2()
    {
        QCOMPARE(vipdeckctl({u"status"_s, u"--vip"_s, u"nope"_s}).code, 2);
        QCOMPARE(vipdeckctl({u"servers"_s, u"--state"_s, u"sideways"_s}).code, 2);
        vipdeck::test::TempDir dir;
        const QString broken = dir.write(u"fleet.yaml"_s, "version: 1\nvips: [\n");
        const Outcome outcome = vipdeckctl({u"status"_s}, broken);
        QCOMPARE(outcome.code, 2);
        QVERIFY2(outcome.err.contains(broken + u":"_s), qPrintable(outcome.err));
    }

    void trustAddsAConfirmedKeyOnly()
    {
        const QStringList fingerprints = fingerprintsOf(hostKeyFiles(u"lb1"_s));
        QVERIFY(!fingerprints.isEmpty());

        // The lab's known_hosts already has the key.
        const Outcome known = vipdeckctl({u"trust"_s, u"lb1"_s});
        QCOMPARE(known.code, 0);
        QVERIFY2(known.out.contains(u"already trusted"_s), qPrintable(known.out + known.err));
        bool fingerprintShown = false;
        for (const QString &fingerprint : fingerprints)
            fingerprintShown = fingerprintShown || known.out.contains(fingerprint);
        QVERIFY2(fingerprintShown, qPrintable(known.out + fingerprints.join(u' ')));

        // A fleet whose known_hosts is empty: the key is unknown.
        vipdeck::test::TempDir dir;
        const QString knownHosts = dir.path() + u"/known_hosts"_s;
        QFile labFleet(m_lab.fleetFile());
        QVERIFY(labFleet.open(QIODevice::ReadOnly));
        QString yaml = QString::fromUtf8(labFleet.readAll());
        QVERIFY(yaml.contains(m_lab.knownHostsFile()));
        yaml.replace(m_lab.knownHostsFile(), knownHosts);
        const QString fleet = dir.write(u"fleet.yaml"_s, yaml.toUtf8());

        const Outcome script = vipdeckctl({u"trust"_s, u"lb1"_s}, fleet);
        QCOMPARE(script.code, 2); // no terminal, no --yes
        QVERIFY2(script.err.contains(u"--yes"_s), qPrintable(script.err));
        QVERIFY(!QFile::exists(knownHosts));

        const Outcome dry = vipdeckctl({u"trust"_s, u"lb1"_s, u"--dry-run"_s}, fleet);
        QCOMPARE(dry.code, 0);
        QVERIFY(dry.out.contains(u"would add"_s));
        QVERIFY(!QFile::exists(knownHosts));

        const Outcome added = vipdeckctl({u"trust"_s, u"lb1"_s, u"--yes"_s}, fleet);
        QCOMPARE(added.code, 0);
        QVERIFY2(added.out.contains(u"Added to "_s + knownHosts), qPrintable(added.out));
        QFile file(knownHosts);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().count('\n'), 1);
        file.close();
        // The new file works: status reaches lb1 with it.
        const Outcome status = vipdeckctl({u"status"_s, u"--host"_s, u"lb1"_s, u"--json"_s}, fleet);
        QCOMPARE(status.code, 0);
        QCOMPARE(vipdeckctl({u"trust"_s, u"lb1"_s}, fleet).code, 0); // already trusted now
    }

    void trustFollowsUserKnownHostsFileAndHashKnownHosts()
    {
        // A fleet that names no known_hosts: ssh_config decides where the key
        // goes (the first UserKnownHostsFile) and whether it is hashed.
        vipdeck::test::TempDir dir;
        const QString first = dir.filePath(u"known_hosts.first"_s);
        const QString second = dir.filePath(u"known_hosts.second"_s);
        QFile labFleet(m_lab.fleetFile());
        QVERIFY(labFleet.open(QIODevice::ReadOnly));
        QStringList lines;
        for (const QString &line : QString::fromUtf8(labFleet.readAll()).split(u'\n')) {
            if (!line.contains(m_lab.knownHostsFile()))
                lines << line;
        }
        const QString fleet = dir.write(u"fleet.yaml"_s, lines.join(u'\n').toUtf8());
        const QByteArray home = qgetenv("HOME");
        const auto restoreHome = qScopeGuard([&] { qputenv("HOME", home); });
        qputenv("HOME", QFile::encodeName(dir.filePath(u"home"_s)));

        for (const bool hashed : {false, true}) {
            QFile::remove(first);
            dir.write(u"home/.ssh/config"_s,
                      u"Host *\n    UserKnownHostsFile %1 %2\n"
                      u"    HashKnownHosts %3\n"_s.arg(first, second, hashed ? u"yes"_s : u"no"_s)
                          .toUtf8());
            const Outcome added = vipdeckctl({u"trust"_s, u"lb1"_s, u"--yes"_s}, fleet);
            QCOMPARE(added.code, 0);
            QVERIFY2(added.out.contains(u"Added to "_s + first), qPrintable(added.out));
            QFile file(first);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray line = file.readAll();
            QCOMPARE(line.count('\n'), 1);
            QCOMPARE(line.startsWith("|1|"), hashed);
            QVERIFY(!QFile::exists(second));
            // The connection checks the key in that same file.
            const Outcome status =
                vipdeckctl({u"status"_s, u"--host"_s, u"lb1"_s, u"--json"_s}, fleet);
            QVERIFY2(status.code == 0, qPrintable(status.err));
        }
    }

    void drainAndReadyThroughTheCli()
    {
        QCOMPARE(healthyStatus().code, 0);
        vipdeck::test::TempDir dir;
        const QString audit = u"sqlite://"_s + dir.path() + u"/audit.sqlite"_s;

        // No reason, no change; no terminal, no change.
        QCOMPARE(vipdeckctl({u"drain"_s, u"web-02"_s, u"--yes"_s}).code, 2);
        QCOMPARE(
            vipdeckctl({u"drain"_s, u"web-02"_s, u"--reason"_s, u"t"_s, u"--audit"_s, audit}).code,
            2);
        const Outcome dry = vipdeckctl({u"drain"_s, u"web-02"_s, u"--dry-run"_s, u"--json"_s});
        QCOMPARE(dry.code, 0);
        QCOMPARE(dry.json().value(u"schema"_s).toString(), u"vipdeck.operation/2"_s);
        QCOMPARE(dry.json().value(u"targets"_s).toArray().size(), hostNames().size());
        QCOMPARE(vipdeckctl({u"servers"_s, u"--state"_s, u"drain"_s, u"--json"_s})
                     .json()
                     .value(u"servers"_s)
                     .toArray()
                     .size(),
                 0);

        const Outcome drain = vipdeckctl({u"drain"_s, u"web-02"_s, u"--reason"_s, u"cli lab test"_s,
                                          u"--yes"_s, u"--json"_s, u"--audit"_s, audit});
        QCOMPARE(drain.code, 0);
        const QJsonObject result = drain.json();
        QVERIFY2(result.value(u"ok"_s).toBool(), qPrintable(drain.out));
        QCOMPARE(result.value(u"succeeded"_s).toInt(), hostNames().size());
        QVERIFY(result.value(u"audit_intent_id"_s).toInteger() > 0);
        for (const QJsonValue target : result.value(u"targets"_s).toArray()) {
            QCOMPARE(target.toObject().value(u"state_after"_s).toString(), u"drain"_s);
            QVERIFY(target.toObject().value(u"verified"_s).toBool());
        }
        const Outcome drained = vipdeckctl({u"servers"_s, u"--state"_s, u"drain"_s, u"--json"_s});
        QCOMPARE(drained.json().value(u"servers"_s).toArray().size(), hostNames().size());

        // The audit log has it.
        StringConsole list;
        QCOMPARE(cli::run({u"audit"_s, u"list"_s, u"--json"_s, u"--audit"_s, audit}, list), 0);
        QVERIFY2(list.output().contains(u"cli lab test"_s), qPrintable(list.output()));

        const Outcome ready = vipdeckctl({u"ready"_s, u"web-02"_s, u"--reason"_s,
                                          u"cli lab test done"_s, u"--yes"_s, u"--audit"_s, audit});
        QCOMPARE(ready.code, 0);
        QVERIFY2(ready.out.contains(u"%1 of %1 targets done"_s.arg(hostNames().size())),
                 qPrintable(ready.out));
        QCOMPARE(vipdeckctl({u"servers"_s, u"--state"_s, u"drain"_s, u"--json"_s})
                     .json()
                     .value(u"servers"_s)
                     .toArray()
                     .size(),
                 0);
    }

    void unreadableTargetStaysUnknown()
    {
        QCOMPARE(healthyStatus().code, 0);
        vipdeck::test::TempDir dir;
        const QString audit = u"sqlite://"_s + dir.path() + u"/audit.sqlite"_s;
        // lb1's drain is undone however the test ends, so no later test
        // finds web-02 drained.
        const auto undo = qScopeGuard([&] {
            vipdeckctl({u"ready"_s, u"web-02"_s, u"--reason"_s, u"unknown state test done"_s,
                        u"--yes"_s, u"--audit"_s, audit});
        });
        Outcome drain;
        {
            // web's socket on lb2 refuses the SSH user: that target's state
            // cannot be read before or after.
            LabFault fault(m_lab, {u"socket-deny"_s, u"lb2"_s, u"web"_s});
            QVERIFY2(fault.injected(), qPrintable(fault.output()));
            const Outcome dry = vipdeckctl(
                {u"drain"_s, u"web-02"_s, u"--vip"_s, u"web"_s, u"--dry-run"_s, u"--json"_s});
            QCOMPARE(dry.code, 0);
            for (const QJsonValue t : dry.json().value(u"targets"_s).toArray()) {
                if (t[u"host"_s].toString() != u"lb2"_s)
                    continue;
                QCOMPARE(t[u"data_known"_s], QJsonValue(false));
                QVERIFY2(t[u"admin"_s].isNull() && t[u"status"_s].isNull(),
                         QJsonDocument(t.toObject()).toJson().constData());
            }
            drain =
                vipdeckctl({u"drain"_s, u"web-02"_s, u"--vip"_s, u"web"_s, u"--reason"_s,
                            u"unknown state test"_s, u"--yes"_s, u"--json"_s, u"--audit"_s, audit});
        }
        {
            // Unread on every host: named as unread, never "no such server".
            LabFault lb1(m_lab, {u"socket-deny"_s, u"lb1"_s, u"web"_s});
            LabFault lb2(m_lab, {u"socket-deny"_s, u"lb2"_s, u"web"_s});
            QVERIFY2(lb1.injected() && lb2.injected(), qPrintable(lb1.output() + lb2.output()));
            const Outcome refused =
                vipdeckctl({u"drain"_s, u"web-02"_s, u"--vip"_s, u"web"_s, u"--dry-run"_s});
            QVERIFY(refused.code != 0);
            QVERIFY2(refused.err.contains(u"could not be read"_s) &&
                         refused.err.contains(u"web on lb1"_s) &&
                         refused.err.contains(u"web on lb2"_s) &&
                         !refused.err.contains(u"did you mean"_s),
                     qPrintable(refused.err));
        }
        QCOMPARE(drain.code, 1); // lb1 drained, lb2 failed
        const QJsonObject json = drain.json();
        for (const QJsonValue t : json.value(u"targets"_s).toArray()) {
            const QByteArray text = QJsonDocument(t.toObject()).toJson();
            if (t[u"host"_s].toString() == u"lb2"_s) {
                QCOMPARE(t[u"ok"_s], QJsonValue(false));
                QVERIFY2(t[u"state_before"_s].isNull() && t[u"state_after"_s].isNull(),
                         text.constData());
            } else {
                QCOMPARE(t[u"state_before"_s].toString(), u"ready"_s);
                QCOMPARE(t[u"state_after"_s].toString(), u"drain"_s);
            }
        }
        auto store = AuditStore::open(AuditStoreConfig::sqlite(dir.path() + u"/audit.sqlite"_s));
        QVERIFY(store.ok());
        const Result<AuditRecord> completion =
            store.value()->record(json.value(u"audit_completion_id"_s).toInteger());
        QVERIFY(completion.ok());
        const QJsonArray after = QJsonDocument::fromJson(completion->stateAfter.toUtf8()).array();
        QCOMPARE(after.size(), 2);
        for (const QJsonValue t : after) {
            if (t[u"host"_s].toString() == u"lb2"_s)
                QVERIFY2(t[u"admin_before"_s].isNull() && t[u"admin"_s].isNull(),
                         qPrintable(completion->stateAfter));
            else
                QCOMPARE(t[u"admin_before"_s].toString(), u"ready"_s);
        }
    }

    void lastUpServerNeedsForce()
    {
        QCOMPARE(healthyStatus().code, 0);
        vipdeck::test::TempDir dir;
        const QString audit = u"sqlite://"_s + dir.path() + u"/audit.sqlite"_s;
        LocalTransport transport;
        const HaproxyClient client(&transport, statsSocket(u"lb1"_s, u"mail"_s));
        for (const QString &server : {u"mail-01"_s, u"mail-02"_s})
            QVERIFY(
                client.setServerState(u"mail"_s, server, ServerAdminAction::Drain).result().ok());
        const Outcome refused =
            vipdeckctl({u"maint"_s, u"mail-03"_s, u"--host"_s, u"lb1"_s, u"--reason"_s, u"t"_s,
                        u"--yes"_s, u"--audit"_s, audit});
        QCOMPARE(refused.code, 1);
        QVERIFY2(refused.err.contains(u"--force"_s), qPrintable(refused.err));
        QVERIFY(refused.out.contains(u"needs --force"_s));
        const Outcome dry = vipdeckctl(
            {u"maint"_s, u"mail-03"_s, u"--host"_s, u"lb1"_s, u"--dry-run"_s, u"--json"_s});
        QVERIFY(dry.json().value(u"needs_force"_s).toBool());
        for (const QString &server : {u"mail-01"_s, u"mail-02"_s})
            QVERIFY(
                client.setServerState(u"mail"_s, server, ServerAdminAction::Ready).result().ok());
    }

    void partialFailureExits1()
    {
        QCOMPARE(healthyStatus().code, 0);
        vipdeck::test::TempDir dir;
        const QString audit = u"sqlite://"_s + dir.path() + u"/audit.sqlite"_s;
        {
            LabFault fault(m_lab, {u"sshd-stop"_s, u"lb2"_s});
            QVERIFY2(fault.injected(), qPrintable(fault.output()));
            const Outcome drain =
                vipdeckctl({u"weight"_s, u"shop-01"_s, u"7"_s, u"--reason"_s, u"t"_s, u"--yes"_s,
                            u"--json"_s, u"--audit"_s, audit});
            QCOMPARE(drain.code, 1);
            const QJsonObject result = drain.json();
            QVERIFY2(result.value(u"failed"_s).toInt() >= 1, qPrintable(drain.out));
            QVERIFY(result.value(u"succeeded"_s).toInt() >= 1);
            for (const QJsonValue value : result.value(u"targets"_s).toArray()) {
                const QJsonObject target = value.toObject();
                if (target.value(u"host"_s).toString() == u"lb2"_s) {
                    QCOMPARE(target.value(u"ok"_s).toBool(), false);
                    QVERIFY(!target.value(u"error"_s).toObject().isEmpty());
                } else {
                    QVERIFY(target.value(u"ok"_s).toBool());
                    QCOMPARE(target.value(u"weight_after"_s).toInt(), 7);
                }
            }
        }
        // Back to the configured weight on every host.
        const Outcome back = vipdeckctl({u"weight"_s, u"shop-01"_s, u"1"_s, u"--reason"_s, u"t"_s,
                                         u"--yes"_s, u"--audit"_s, audit});
        QCOMPARE(back.code, 0);
    }

    void reloadOneHostAndABrokenConfig()
    {
        QCOMPARE(healthyStatus().code, 0);
        vipdeck::test::TempDir dir;
        const QString audit = u"sqlite://"_s + dir.path() + u"/audit.sqlite"_s;
        QCOMPARE(vipdeckctl({u"reload"_s, u"web"_s, u"--reason"_s, u"t"_s}).code, 2);
        QCOMPARE(vipdeckctl({u"reload"_s, u"web"_s, u"--rolling"_s, u"--dry-run"_s}).code, 0);

        const Outcome reload =
            vipdeckctl({u"reload"_s, u"web"_s, u"--host"_s, u"lb1"_s, u"--reason"_s, u"t"_s,
                        u"--yes"_s, u"--json"_s, u"--audit"_s, audit});
        QCOMPARE(reload.code, 0);
        const QJsonObject host = reload.json().value(u"hosts"_s).toArray().at(0).toObject();
        QVERIFY2(host.value(u"ok"_s).toBool(), qPrintable(reload.out));
        QVERIFY(!host.value(u"worker_pids_after"_s).toArray().isEmpty());
        QVERIFY(host.value(u"worker_pids_after"_s).toArray().at(0).toInteger() !=
                host.value(u"worker_pid_before"_s).toInteger());
        QVERIFY2(reload.err.contains(u"lb1 config-check: ok"_s), qPrintable(reload.err));

        {
            LabFault fault(m_lab, {u"config-break"_s, u"lb2"_s, u"web"_s});
            QVERIFY2(fault.injected(), qPrintable(fault.output()));
            const qint64 lb1Before = workerPid(u"lb1"_s, u"web"_s);
            QVERIFY(lb1Before > 0);
            const Outcome broken =
                vipdeckctl({u"reload"_s, u"web"_s, u"--rolling"_s, u"--reason"_s, u"t"_s,
                            u"--yes"_s, u"--json"_s, u"--audit"_s, audit});
            QCOMPARE(broken.code, 1);
            const QJsonObject json = broken.json();
            QVERIFY(!json.value(u"refused"_s).toObject().isEmpty());
            QCOMPARE(json[u"preflight"_s][u"failed_hosts"_s].toArray(), QJsonArray{u"lb2"_s});
            const QJsonArray hosts = json.value(u"hosts"_s).toArray();
            bool stopped = false;
            for (const QJsonValue value : hosts) {
                const QJsonObject h = value.toObject();
                QVERIFY(h.value(u"worker_pids_after"_s).toArray().isEmpty());
                if (h.value(u"host"_s).toString() == u"lb2"_s) {
                    stopped = true;
                    QCOMPARE(h.value(u"ok"_s).toBool(), false);
                    QCOMPARE(h.value(u"failed_step"_s).toString(), u"config-check"_s);
                    QVERIFY(h.value(u"failed_preflight"_s).toBool());
                    QVERIFY(h.value(u"config_check_output"_s)
                                .toString()
                                .contains(u"unknown keyword"_s));
                }
            }
            QVERIFY2(stopped, qPrintable(broken.out));

            // The text names the host, the check and HAProxy's message, and what to do.
            const Outcome text = vipdeckctl({u"reload"_s, u"web"_s, u"--rolling"_s, u"--reason"_s,
                                             u"t"_s, u"--yes"_s, u"--audit"_s, audit});
            qInfo().noquote() << "refusal:\n" << text.out << text.err;
            QCOMPARE(text.code, 1);
            QVERIFY2(text.err.contains(u"refused: "_s) &&
                         text.err.contains(u"pre-flight failed on lb2"_s),
                     qPrintable(text.err));
            QVERIFY2(text.err.contains(u"--force"_s), qPrintable(text.err));
            QVERIFY2(text.out.contains(u"lb2 failed config-check: "_s), qPrintable(text.out));
            QVERIFY2(text.out.contains(u"  | config : parsing"_s), qPrintable(text.out));
            QCOMPARE(workerPid(u"lb1"_s, u"web"_s), lb1Before); // lb1 untouched

            // A dry run says the same, exits 1, and needs no reason.
            const Outcome dry = vipdeckctl({u"reload"_s, u"web"_s, u"--rolling"_s, u"--dry-run"_s});
            qInfo().noquote() << "failing dry run:\n" << dry.out << dry.err;
            QCOMPARE(dry.code, 1);
            QVERIFY2(dry.out.contains(u"Dry run: pre-flight failed on lb2"_s), qPrintable(dry.out));
            QVERIFY(dry.out.contains(u"lb2 failed config-check: "_s));
            QCOMPARE(workerPid(u"lb1"_s, u"web"_s), lb1Before);
        }
        QCOMPARE(healthyStatus().code, 0);
        // Nothing of the refusals reached the audit log: one reload, intent and completion.
        auto store = AuditStore::open(AuditStoreConfig::sqlite(dir.path() + u"/audit.sqlite"_s));
        QVERIFY(store.ok());
        QCOMPARE(store.value()->count({}).valueOr(-1), 2);
    }

    void reloadDryRunReportsThePreflight()
    {
        QCOMPARE(healthyStatus().code, 0);
        const qint64 lb1Before = workerPid(u"lb1"_s, u"shop"_s);
        const qint64 lb2Before = workerPid(u"lb2"_s, u"shop"_s);
        const Outcome dry = vipdeckctl({u"reload"_s, u"shop"_s, u"--rolling"_s, u"--dry-run"_s});
        qInfo().noquote() << "passing dry run:\n" << dry.out << dry.err;
        QCOMPARE(dry.code, 0);
        QVERIFY2(dry.out.contains(u"Dry run: pre-flight passed; nothing was changed."_s),
                 qPrintable(dry.out));
        for (const QString &check : {u"reachable"_s, u"config-check"_s, u"server-state"_s})
            QCOMPARE(dry.out.count(QRegularExpression(u"lb[12] +%1 +ok "_s.arg(check))), 2);

        const Outcome json =
            vipdeckctl({u"reload"_s, u"shop"_s, u"--rolling"_s, u"--dry-run"_s, u"--json"_s});
        QCOMPARE(json.code, 0);
        const QJsonObject preflight = json.json().value(u"preflight"_s).toObject();
        QVERIFY2(preflight.value(u"ok"_s).toBool(), qPrintable(json.out));
        QCOMPARE(json.json().value(u"dry_run"_s).toBool(), true);
        QCOMPARE(preflight.value(u"hosts"_s).toArray().size(), 2);
        for (const QJsonValue host : preflight.value(u"hosts"_s).toArray()) {
            QCOMPARE(host[u"checks"_s].toArray().size(), 3);
            for (const QJsonValue check : host[u"checks"_s].toArray())
                QCOMPARE(check[u"status"_s].toString(), u"passed"_s);
            QVERIFY(host[u"state_file"_s].toString().endsWith(u"shop.state"_s));
        }
        QCOMPARE(workerPid(u"lb1"_s, u"shop"_s), lb1Before);
        QCOMPARE(workerPid(u"lb2"_s, u"shop"_s), lb2Before);
    }

    void reloadRefusedWithAHostUnreachable()
    {
        QCOMPARE(healthyStatus().code, 0);
        vipdeck::test::TempDir dir;
        const QString audit = u"sqlite://"_s + dir.path() + u"/audit.sqlite"_s;
        const qint64 lb1Before = workerPid(u"lb1"_s, u"mail"_s);
        {
            LabFault fault(m_lab, {u"sshd-stop"_s, u"lb2"_s});
            QVERIFY2(fault.injected(), qPrintable(fault.output()));
            const Outcome dry =
                vipdeckctl({u"reload"_s, u"mail"_s, u"--rolling"_s, u"--dry-run"_s});
            QCOMPARE(dry.code, 3);
            QVERIFY2(dry.out.contains(u"lb2 failed reachable: "_s), qPrintable(dry.out));
            const Outcome refused =
                vipdeckctl({u"reload"_s, u"mail"_s, u"--rolling"_s, u"--reason"_s, u"t"_s,
                            u"--yes"_s, u"--audit"_s, audit});
            qInfo().noquote() << "unreachable:\n" << refused.out << refused.err;
            QCOMPARE(refused.code, 3);
            QVERIFY2(refused.err.contains(u"pre-flight failed on lb2"_s), qPrintable(refused.err));
            QVERIFY2(refused.err.contains(u"lb2 is unreachable"_s), qPrintable(refused.err));
            QVERIFY(refused.out.contains(QRegularExpression(u"lb2 +config-check +not run"_s)));
            QCOMPARE(workerPid(u"lb1"_s, u"mail"_s), lb1Before);
        }
        QCOMPARE(healthyStatus().code, 0);
    }

    void reloadForcedSkipsTheFailingHost()
    {
        QCOMPARE(healthyStatus().code, 0);
        vipdeck::test::TempDir dir;
        const QString audit = u"sqlite://"_s + dir.path() + u"/audit.sqlite"_s;
        const qint64 lb2Before = workerPid(u"lb2"_s, u"api"_s);
        Outcome forced;
        {
            LabFault fault(m_lab, {u"config-break"_s, u"lb2"_s, u"api"_s});
            QVERIFY2(fault.injected(), qPrintable(fault.output()));
            forced = vipdeckctl({u"reload"_s, u"api"_s, u"--rolling"_s, u"--force"_s, u"--reason"_s,
                                 u"t"_s, u"--yes"_s, u"--json"_s, u"--audit"_s, audit});
            QCOMPARE(workerPid(u"lb2"_s, u"api"_s), lb2Before);
        }
        QCOMPARE(forced.code, 1); // lb2 was not reloaded
        const QJsonObject json = forced.json();
        QVERIFY(json.value(u"force"_s).toBool());
        QCOMPARE(json.value(u"skipped_by_preflight"_s).toArray(), QJsonArray{u"lb2"_s});
        const QJsonArray hosts = json.value(u"hosts"_s).toArray();
        QVERIFY2(hosts[0][u"ok"_s].toBool(), qPrintable(forced.out));
        QCOMPARE(hosts[0][u"worker_pids_after"_s].toArray().at(0).toInteger(),
                 workerPid(u"lb1"_s, u"api"_s));
        QVERIFY(hosts[1][u"skipped"_s].toBool());
        QCOMPARE(hosts[1][u"failed_step"_s].toString(), u"config-check"_s);

        auto store = AuditStore::open(AuditStoreConfig::sqlite(dir.path() + u"/audit.sqlite"_s));
        QVERIFY(store.ok());
        const qint64 intentId = json.value(u"audit_intent_id"_s).toInteger();
        QVERIFY(store.value()->record(intentId)->stateBefore.contains(u"\"forced\":true"_s));
        const Result<AuditRecord> completion =
            store.value()->record(json.value(u"audit_completion_id"_s).toInteger());
        QCOMPARE(completion->results[1].outcome, AuditOutcome::Skipped);
        QVERIFY(completion->results[1].message.contains(u"skipped by pre-flight (forced)"_s));
        QCOMPARE(healthyStatus().code, 0);
    }

    void trustRefusesAChangedKey()
    {
        QFile knownHosts(m_lab.knownHostsFile());
        QVERIFY(knownHosts.open(QIODevice::ReadOnly));
        const QByteArray before = knownHosts.readAll();
        knownHosts.close();
        {
            LabFault fault(m_lab, {u"hostkey-replace"_s, u"lb2"_s});
            QVERIFY2(fault.injected(), qPrintable(fault.output()));
            const Outcome refused = vipdeckctl({u"trust"_s, u"lb2"_s, u"--yes"_s});
            QCOMPARE(refused.code, 1);
            QVERIFY2(refused.err.contains(u"CHANGED"_s), qPrintable(refused.out + refused.err));
            QVERIFY(knownHosts.open(QIODevice::ReadOnly));
            QCOMPARE(knownHosts.readAll(), before);
            knownHosts.close();
        }
        QCOMPARE(healthyStatus().code, 0);
    }
};

QTEST_GUILESS_MAIN(TestCliLab)
#include "tst_clilab.moc"
