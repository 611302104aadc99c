// `vipdeckctl record` on the lab, as a user runs it (the real binary, its own
// process): a fault injected for a measured time appears in the store and in
// `report --since 1h --format json` with its duration; SIGKILL at random
// moments loses nothing committed and leaves the gap marked; a second
// recorder is refused with the first one's name; a PostgreSQL store that
// restarts under the recorder is recorded into again, with the outage marked.

#include "app/cli/cli.h"
#include "core/audit/auditstore.h"
#include "core/history/historydatabase.h"
#include "tests/integration/audit/postgrescluster.h"
#include "tests/support/lab.h"
#include "tests/support/testdata.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include <csignal>
#include <functional>
#include <memory>

using namespace Qt::StringLiterals;
using namespace vipdeck;
using namespace vipdeck::test;

namespace {

constexpr int kIntervalMs = 1000;
// How late a recorder may see a change: one poll interval, plus the poll's
// own time on a busy machine.
constexpr qint64 kLateMs = kIntervalMs + 3000;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// Waits (running the event loop) until `done` holds; false after `ms`.
bool waitUntil(const std::function<bool()> &done, int ms = 60'000)
{
    const QDeadlineTimer deadline(ms);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(100);
    }
    return true;
}

struct StoreView
{
    QList<HistoryRecording> recordings;
    QList<HistorySpan> spans;
    bool ok = false;
    QString error;
};

StoreView readStore(const AuditStoreConfig &config)
{
    StoreView view;
    HistoryDatabase db(config);
    if (Result<void> opened = db.open(HistoryDatabase::Access::Read); !opened) {
        view.error = opened.error().toString();
        return view;
    }
    const Result<QList<HistoryRecording>> recordings = db.recordings(0, nowMs() + 3'600'000);
    const Result<QList<HistorySpan>> spans = db.spans(0, nowMs() + 3'600'000);
    if (!recordings || !spans) {
        view.error = !recordings ? recordings.error().toString() : spans.error().toString();
        return view;
    }
    view.recordings = *recordings;
    view.spans = *spans;
    view.ok = true;
    return view;
}

const HistorySpan *spanOf(const StoreView &view, HistoryKind kind, const QString &vip,
                          const QString &host, const QString &state, qint64 notBefore = 0)
{
    for (const HistorySpan &s : view.spans)
        if (s.state.subject.kind == kind && s.state.subject.vip == vip &&
            s.state.subject.host == host && s.state.state == state && s.startedMs >= notBefore)
            return &s;
    return nullptr;
}

} // namespace

class TestHistoryLab : public QObject
{
    Q_OBJECT

    Lab m_lab = Lab::fromEnvironment();
    TempDir m_dir;
    QTemporaryDir m_home; // an empty HOME: the fleet file says where keys are

    std::unique_ptr<QProcess> startRecorder(const QString &history)
    {
        auto process = std::make_unique<QProcess>();
        process->setProcessEnvironment(vipdeck::test::bareEnvironment(m_home.path()));
        process->setStandardInputFile(QProcess::nullDevice());
        process->start(QStringLiteral(VIPDECKCTL_PATH),
                       {u"record"_s, u"--fleet"_s, m_lab.fleetFile(), u"--history"_s, history,
                        u"--interval"_s, QString::number(kIntervalMs / 1000)});
        if (!process->waitForStarted())
            qWarning() << "vipdeckctl record did not start:" << process->errorString();
        return process;
    }

    // SIGTERM and wait: a clean stop.
    static int stopRecorder(QProcess &process, QString *errors = nullptr)
    {
        ::kill(pid_t(process.processId()), SIGTERM);
        if (!process.waitForFinished(60'000)) {
            process.kill();
            process.waitForFinished();
        }
        if (errors)
            *errors = QString::fromUtf8(process.readAllStandardError());
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }

    // The recorder has committed `polls` polls of a recording after `since`.
    static bool recordedSince(const AuditStoreConfig &store, qint64 since, int polls = 2)
    {
        const StoreView view = readStore(store);
        return view.ok && !view.recordings.isEmpty() && view.recordings.last().startedMs >= since &&
               view.recordings.last().lastPollMs >=
                   view.recordings.last().startedMs + (polls - 1) * kIntervalMs;
    }

private slots:
    void initTestCase()
    {
        if (!m_lab.isAvailable())
            QFAIL("needs the lab: run through ctest (fixture lab) or set VIPDECK_LAB_DIR");
    }

    void faultOfKnownDurationInTheReport()
    {
        const QString history = m_dir.filePath(u"fault.sqlite"_s);
        const AuditStoreConfig store = AuditStoreConfig::sqlite(history);
        const qint64 begun = nowMs();
        auto recorder = startRecorder(history);
        QVERIFY2(waitUntil([&] { return recordedSince(store, begun); }),
                 recorder->readAllStandardError().constData());

        // HAProxy of web on lb2 killed for a while the test measures.
        const qint64 killStart = nowMs();
        auto fault =
            std::make_unique<LabFault>(m_lab, QStringList{u"haproxy-kill"_s, u"lb2"_s, u"web"_s});
        QVERIFY2(fault->injected(), qPrintable(fault->output()));
        const qint64 killDone = nowMs();
        QVERIFY(waitUntil([&] {
            return spanOf(readStore(store), HistoryKind::Haproxy, u"web"_s, u"lb2"_s,
                          u"unreachable"_s, killStart) != nullptr;
        }));
        // Long enough to be more than a poll or two.
        QVERIFY(waitUntil([&] { return nowMs() >= killDone + 5 * kIntervalMs; }));
        const qint64 healStart = nowMs();
        fault.reset(); // heal: HAProxy runs again
        const qint64 healDone = nowMs();
        QVERIFY(waitUntil([&] {
            const StoreView view = readStore(store);
            const HistorySpan *down =
                spanOf(view, HistoryKind::Haproxy, u"web"_s, u"lb2"_s, u"unreachable"_s, killStart);
            return down && down->endedMs;
        }));
        QString errors;
        QCOMPARE(stopRecorder(*recorder, &errors), 0);
        QVERIFY2(errors.contains(u"Recorded"_s), qPrintable(errors));

        const StoreView view = readStore(store);
        QVERIFY2(view.ok, qPrintable(view.error));
        QCOMPARE(view.recordings.size(), 1);
        QVERIFY(view.recordings[0].endedMs); // a clean stop
        const HistorySpan *down =
            spanOf(view, HistoryKind::Haproxy, u"web"_s, u"lb2"_s, u"unreachable"_s, killStart);
        QVERIFY(down && down->endedMs);
        // The store's timeline matches the injected one within a poll.
        QVERIFY2(down->startedMs >= killStart && down->startedMs <= killDone + kLateMs,
                 qPrintable(u"kill %1..%2, span from %3"_s.arg(killStart).arg(killDone).arg(
                     down->startedMs)));
        QVERIFY2(*down->endedMs >= healStart && *down->endedMs <= healDone + kLateMs,
                 qPrintable(u"heal %1..%2, span to %3"_s.arg(healStart).arg(healDone).arg(
                     *down->endedMs)));
        // The placement was not healthy meanwhile, and not announced as if it were.
        const HistorySpan *placement = nullptr;
        for (const HistorySpan &s : view.spans)
            if (s.state.subject.kind == HistoryKind::Placement && s.state.subject.vip == u"web"_s &&
                s.state.subject.host == u"lb2"_s && s.startedMs >= killStart &&
                s.startedMs <= killDone + kLateMs)
                placement = &s;
        QVERIFY(placement);
        QVERIFY2(placement->state.state != u"healthy"_s, qPrintable(placement->state.state));
        QVERIFY2(placement->state.detail.contains(u"lb2"_s) ||
                     placement->state.detail.contains(u"HAProxy"_s),
                 qPrintable(placement->state.detail));

        // The report over the last hour says the same, in seconds.
        const QString audit = m_dir.filePath(u"audit.sqlite"_s);
        QVERIFY(AuditStore::open(AuditStoreConfig::sqlite(audit)));
        const QString out = m_dir.filePath(u"report.json"_s);
        cli::StringConsole console;
        const qint64 reportStart = nowMs();
        const int code = cli::run({u"report"_s, u"--fleet"_s, m_lab.fleetFile(), u"--history"_s,
                                   history, u"--audit"_s, audit, u"--since"_s, u"1h"_s,
                                   u"--format"_s, u"json"_s, u"-o"_s, out},
                                  console);
        const qint64 reportSecs = (nowMs() - reportStart) / 1000 + 1;
        QVERIFY2(code == 0, qPrintable(console.errors()));
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject report = QJsonDocument::fromJson(file.readAll()).object();
        const QJsonArray reloads = report[u"tables"_s][u"reloads"_s][u"rows"_s].toArray();
        QJsonObject row;
        for (const QJsonValue &v : reloads)
            if (v[u"vip"_s] == u"web"_s && v[u"host"_s] == u"lb2"_s)
                row = v.toObject();
        QVERIFY2(!row.isEmpty(), QJsonDocument(reloads).toJson().constData());
        const qint64 spanSecs = (*down->endedMs - down->startedMs + 500) / 1000;
        QCOMPARE(row[u"unreadable_s"_s].toInteger(), spanSecs);
        const qint64 measuredMin = (healStart - killDone) / 1000;
        const qint64 measuredMax = (healDone + kLateMs - killStart) / 1000 + 1;
        QVERIFY2(spanSecs >= measuredMin - 1 && spanSecs <= measuredMax,
                 qPrintable(u"%1 s recorded, %2..%3 s measured"_s.arg(spanSecs)
                                .arg(measuredMin)
                                .arg(measuredMax)));
        // Every second of the window is accounted for, per placement.  The
        // window runs from an hour before the command started to when it
        // wrote the report, after polling the fleet (seconds on a busy machine).
        const qint64 window = report[u"summary"_s][u"history_recorded_s"_s].toInteger() +
                              report[u"summary"_s][u"history_not_recorded_s"_s].toInteger();
        QVERIFY2(
            window >= 3599 && window <= 3601 + reportSecs,
            qPrintable(u"window %1 s, the command took up to %2 s"_s.arg(window).arg(reportSecs)));
        for (const QJsonValue &v :
             report[u"tables"_s][u"availability_placements"_s][u"rows"_s].toArray()) {
            qint64 sum = 0;
            for (const char *key :
                 {"healthy_s", "degraded_s", "critical_s", "unknown_s", "not_recorded_s"})
                sum += v[QLatin1StringView(key)].toInteger();
            QVERIFY2(sum >= window - 2 && sum <= window + 2,
                     QJsonDocument(v.toObject()).toJson().constData());
        }
    }

    void faultsOfEachKindOnTheTimeline()
    {
        const QString history = m_dir.filePath(u"kinds.sqlite"_s);
        const AuditStoreConfig store = AuditStoreConfig::sqlite(history);
        const qint64 begun = nowMs();
        auto recorder = startRecorder(history);
        QVERIFY2(waitUntil([&] { return recordedSince(store, begun); }),
                 recorder->readAllStandardError().constData());

        // A fault held for a few polls; the span it must leave, found by `find`.
        struct Timeline
        {
            qint64 injectStart = 0, injectDone = 0, healStart = 0, healDone = 0;
            qint64 spanStart = 0, spanEnd = 0;
        };
        using Find = std::function<const HistorySpan *(const StoreView &, qint64 since)>;
        const auto hold = [&](const QStringList &fault, const Find &find, Timeline &t) {
            t.injectStart = nowMs();
            auto injected = std::make_unique<LabFault>(m_lab, fault);
            QVERIFY2(injected->injected(), qPrintable(injected->output()));
            t.injectDone = nowMs();
            QVERIFY2(waitUntil([&] { return find(readStore(store), t.injectStart) != nullptr; }),
                     qPrintable(fault.join(u' ')));
            QVERIFY(waitUntil([&] { return nowMs() >= t.injectDone + 4 * kIntervalMs; }));
            t.healStart = nowMs();
            injected.reset();
            t.healDone = nowMs();
            QVERIFY2(waitUntil([&] {
                         const StoreView view = readStore(store);
                         const HistorySpan *span = find(view, t.injectStart);
                         if (!span || !span->endedMs)
                             return false;
                         t.spanStart = span->startedMs;
                         t.spanEnd = *span->endedMs;
                         return true;
                     }),
                     qPrintable(fault.join(u' ')));
        };
        const auto kind = [](HistoryKind k, const QString &vip, const QString &host,
                             const QString &server, const QString &protocol,
                             const std::function<bool(const QString &)> &state) -> Find {
            return [=](const StoreView &view, qint64 since) -> const HistorySpan * {
                for (const HistorySpan &s : view.spans)
                    if (s.state.subject.kind == k && s.state.subject.vip == vip &&
                        s.state.subject.host == host && s.state.subject.server == server &&
                        (protocol.isEmpty() || s.state.subject.protocol == protocol) &&
                        s.startedMs >= since && state(s.state.state))
                        return &s;
                return nullptr;
            };
        };

        // A server DOWN: seen once HAProxy's checks fail (fall 2 at the lab's
        // interval), so its start may lag the fault by those checks too.
        Timeline server;
        hold({u"server-down"_s, u"web-01"_s},
             kind(HistoryKind::ServerStatus, u"web"_s, u"lb1"_s, u"web-01"_s, {},
                  [](const QString &s) { return s == u"DOWN"_s; }),
             server);
        constexpr qint64 kChecksMs = 4000;
        QVERIFY2(server.spanStart >= server.injectStart &&
                     server.spanStart <= server.injectDone + kChecksMs + kLateMs,
                 qPrintable(u"down %1..%2, span from %3"_s.arg(server.injectStart)
                                .arg(server.injectDone)
                                .arg(server.spanStart)));
        QVERIFY2(server.spanEnd >= server.healStart &&
                     server.spanEnd <= server.healDone + kChecksMs + kLateMs,
                 qPrintable(u"up %1..%2, span until %3"_s.arg(server.healStart)
                                .arg(server.healDone)
                                .arg(server.spanEnd)));

        // lb1's BGP sessions disabled: the session and the announcements go.
        Timeline bgp;
        hold({u"bgp-down"_s, u"lb1"_s},
             kind(HistoryKind::Announcement, u"web"_s, u"lb1"_s, {}, {},
                  [](const QString &s) { return s == u"withdrawn"_s; }),
             bgp);
        QVERIFY2(bgp.spanStart >= bgp.injectStart && bgp.spanStart <= bgp.injectDone + kLateMs,
                 qPrintable(u"bgp-down %1..%2, withdrawn from %3"_s.arg(bgp.injectStart)
                                .arg(bgp.injectDone)
                                .arg(bgp.spanStart)));
        QVERIFY2(bgp.spanEnd >= bgp.healStart && bgp.spanEnd <= bgp.healDone + kLateMs,
                 qPrintable(u"bgp-up %1..%2, withdrawn until %3"_s.arg(bgp.healStart)
                                .arg(bgp.healDone)
                                .arg(bgp.spanEnd)));
        const StoreView afterBgp = readStore(store);
        QVERIFY(kind(HistoryKind::Bgp, {}, u"lb1"_s, {}, {}, [](const QString &s) {
            return s != u"Established"_s && s != u"unknown"_s;
        })(afterBgp, bgp.injectStart));

        // lb2's sshd stopped: the host is unreachable, never "withdrawn".
        Timeline ssh;
        hold({u"sshd-stop"_s, u"lb2"_s},
             kind(HistoryKind::Reachability, {}, u"lb2"_s, {}, {},
                  [](const QString &s) { return s == u"unreachable"_s; }),
             ssh);
        QVERIFY2(ssh.spanStart >= ssh.injectStart && ssh.spanStart <= ssh.injectDone + kLateMs,
                 qPrintable(u"sshd-stop %1..%2, unreachable from %3"_s.arg(ssh.injectStart)
                                .arg(ssh.injectDone)
                                .arg(ssh.spanStart)));
        // Coming back is seen at the next connection attempt: while the host
        // was down the attempts backed off up to 4 intervals apart (FleetPoller
        // sets the transport's backoff so), and a restarted sshd may have to
        // wait for the next one.
        constexpr qint64 kBackoffMs = 4 * kIntervalMs;
        QVERIFY2(ssh.spanEnd >= ssh.healStart && ssh.spanEnd <= ssh.healDone + kBackoffMs + kLateMs,
                 qPrintable(u"sshd back %1..%2, unreachable until %3"_s.arg(ssh.healStart)
                                .arg(ssh.healDone)
                                .arg(ssh.spanEnd)));
        const StoreView afterSsh = readStore(store);
        QVERIFY(!kind(HistoryKind::Announcement, u"web"_s, u"lb2"_s, {}, {}, [](const QString &s) {
            return s == u"withdrawn"_s;
        })(afterSsh, ssh.injectStart));
        QCOMPARE(stopRecorder(*recorder), 0);

        // The report counts the withdrawal and the time lb2 was not seen.
        const QString audit = m_dir.filePath(u"audit-kinds.sqlite"_s);
        QVERIFY(AuditStore::open(AuditStoreConfig::sqlite(audit)));
        const QString out = m_dir.filePath(u"kinds.json"_s);
        cli::StringConsole console;
        QCOMPARE(cli::run({u"report"_s, u"--fleet"_s, m_lab.fleetFile(), u"--history"_s, history,
                           u"--audit"_s, audit, u"--since"_s, u"1h"_s, u"-o"_s, out},
                          console),
                 0);
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject tables =
            QJsonDocument::fromJson(file.readAll()).object()[u"tables"_s].toObject();
        bool flapped = false;
        for (const QJsonValue &v : tables[u"flaps"_s][u"rows"_s].toArray())
            flapped |= v[u"vip"_s] == u"web"_s && v[u"host"_s] == u"lb1"_s &&
                       v[u"withdrawals"_s].toInteger() == 1 &&
                       v[u"announcements"_s].toInteger() == 1;
        QVERIFY2(flapped, QJsonDocument(tables[u"flaps"_s].toObject()).toJson().constData());
        for (const QJsonValue &v : tables[u"availability_hosts"_s][u"rows"_s].toArray()) {
            if (v[u"host"_s] != u"lb2"_s)
                continue;
            // lb2's own verdict was not healthy while it could not be seen.
            const qint64 seen = v[u"healthy_s"_s].toInteger() + v[u"degraded_s"_s].toInteger();
            const qint64 recorded =
                seen + v[u"critical_s"_s].toInteger() + v[u"unknown_s"_s].toInteger();
            QVERIFY2(recorded - seen >= (ssh.spanEnd - ssh.spanStart) / 1000 - 1,
                     QJsonDocument(v.toObject()).toJson().constData());
        }
    }

    void sigkillLosesNothingCommitted()
    {
        const QString history = m_dir.filePath(u"killed.sqlite"_s);
        const AuditStoreConfig store = AuditStoreConfig::sqlite(history);
        int committedSpans = 0;
        constexpr int kKills = 4;
        for (int round = 0; round < kKills; ++round) {
            const qint64 begun = nowMs();
            auto recorder = startRecorder(history);
            // At a random moment after its first commit.
            const int polls = 1 + QRandomGenerator::global()->bounded(3);
            QVERIFY2(waitUntil([&] { return recordedSince(store, begun, polls); }),
                     recorder->readAllStandardError().constData());
            QTest::qWait(QRandomGenerator::global()->bounded(kIntervalMs));
            const StoreView before = readStore(store);
            ::kill(pid_t(recorder->processId()), SIGKILL);
            recorder->waitForFinished();
            const StoreView after = readStore(store);
            QVERIFY2(after.ok, qPrintable(after.error));
            // Nothing committed before the kill is gone.
            QVERIFY(after.spans.size() >= before.spans.size());
            QVERIFY(after.spans.size() >= committedSpans);
            committedSpans = int(after.spans.size());
            QCOMPARE(after.recordings.size(), round + 1);
            QVERIFY(!after.recordings.last().endedMs); // killed, not stopped
        }
        // The store is sound, and the next recorder marks what was missed.
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"check"_s);
            db.setDatabaseName(history);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"PRAGMA integrity_check"_s) && q.next());
            QCOMPARE(q.value(0).toString(), u"ok"_s);
        }
        QSqlDatabase::removeDatabase(u"check"_s);
        const qint64 begun = nowMs();
        auto recorder = startRecorder(history);
        QVERIFY(waitUntil([&] { return recordedSince(store, begun); }));
        QCOMPARE(stopRecorder(*recorder), 0);
        const StoreView view = readStore(store);
        QCOMPARE(view.recordings.size(), kKills + 1);
        for (int i = 1; i <= kKills; ++i) {
            QVERIFY2(view.recordings[i].resumeReason.contains(u"without ending"_s),
                     qPrintable(view.recordings[i].resumeReason));
            // Each killed recording ends at its last poll, and so do its spans.
            QCOMPARE(*view.recordings[i - 1].endedMs, view.recordings[i - 1].lastPollMs);
        }
        for (const HistorySpan &s : view.spans)
            QVERIFY(s.endedMs);
    }

    void secondRecorderIsRefused()
    {
        const QString history = m_dir.filePath(u"locked.sqlite"_s);
        const AuditStoreConfig store = AuditStoreConfig::sqlite(history);
        const qint64 begun = nowMs();
        auto first = startRecorder(history);
        QVERIFY(waitUntil([&] { return recordedSince(store, begun); }));
        cli::StringConsole console;
        const int code = cli::run({u"record"_s, u"--fleet"_s, m_lab.fleetFile(), u"--history"_s,
                                   history, u"--count"_s, u"1"_s},
                                  console);
        QCOMPARE(code, 1);
        const QString pid = u"pid %1"_s.arg(first->processId());
        QVERIFY2(console.errors().contains(pid) &&
                     console.errors().contains(u"already being recorded"_s),
                 qPrintable(console.errors()));
        QCOMPARE(stopRecorder(*first), 0);
    }

    void postgresRestartIsMarkedAndRecordingResumes()
    {
        PostgresCluster cluster;
        QString error;
        if (PostgresCluster::findBinDir().isEmpty())
            QFAIL("PostgreSQL is not installed: apt-get install postgresql");
        QVERIFY2(cluster.start(&error), qPrintable(error));
        const Result<AuditStoreConfig> store = AuditStoreConfig::fromUrl(cluster.url());
        QVERIFY(store);
        const qint64 begun = nowMs();
        auto recorder = startRecorder(cluster.url());
        QVERIFY2(waitUntil([&] { return recordedSince(*store, begun); }),
                 recorder->readAllStandardError().constData());
        const qint64 restartAt = nowMs();
        QVERIFY2(cluster.restart(&error), qPrintable(error));
        // A new recording after the restart, saying the store was out.
        QVERIFY2(waitUntil([&] {
                     const StoreView view = readStore(*store);
                     return view.ok && view.recordings.size() >= 2 &&
                            view.recordings.last().lastPollMs > view.recordings.last().startedMs;
                 }),
                 recorder->readAllStandardError().constData());
        QString errors;
        QCOMPARE(stopRecorder(*recorder, &errors), 0);
        QVERIFY2(errors.contains(u"recording resumed"_s), qPrintable(errors));
        const StoreView view = readStore(*store);
        QVERIFY(view.recordings.size() >= 2);
        const HistoryRecording &resumed = view.recordings.last();
        QVERIFY2(resumed.resumeReason.contains(u"could not be written"_s),
                 qPrintable(resumed.resumeReason));
        QVERIFY(resumed.startedMs >= restartAt);
        // The gap lies between the two recordings; nothing claims that time.
        const qint64 gapStart = view.recordings[view.recordings.size() - 2].lastPollMs;
        for (const HistorySpan &s : view.spans)
            QVERIFY(!(s.startedMs > gapStart && s.startedMs < resumed.startedMs));

        // Minutes appended to their hour's row, and folded into hours, in
        // PostgreSQL's dialect too.
        HistoryDatabase db(*store);
        QVERIFY(db.open(HistoryDatabase::Access::Write));
        constexpr qint64 hour = 3'600'000;
        const qint64 old = (nowMs() - 40LL * 24 * hour) / hour * hour;
        // Three series, so that folding reads several rows while it writes.
        const QStringList vips = {u"pgtest"_s, u"pgtest2"_s, u"pgtest3"_s};
        for (const QString &vip : vips) {
            for (const int minute : {1, 2, 2}) {
                HistorySample sample{u"lb9"_s, vip, {}, {}, old + minute * 60'000, 10, 5, 50,
                                     20,       30,  1,  0};
                QVERIFY(db.addSamples({sample}));
            }
        }
        const QList<HistorySample> minutes = db.samples(60, old, old + hour, u"pgtest"_s).value();
        QCOMPARE(minutes.size(), 2);
        QCOMPARE(minutes[1].samples, 20); // minute 2 written twice, merged
        const Result<HistoryPruneResult> pruned = db.prune(nowMs(), HistoryRetention{});
        QVERIFY2(pruned, pruned ? "" : qPrintable(pruned.error().toString()));
        QVERIFY(db.samples(60, old, old + hour, u"pgtest"_s).value().isEmpty());
        QCOMPARE(pruned->hourlyRowsWritten, 3);
        for (const QString &vip : vips) {
            const QList<HistorySample> hours = db.samples(3600, old, old + hour, vip).value();
            QCOMPARE(hours.size(), 1);
            QCOMPARE(hours[0].samples, 30);
            QCOMPARE(hours[0].http5xx, 3);
        }
    }
};

QTEST_GUILESS_MAIN(TestHistoryLab)
#include "tst_historylab.moc"
