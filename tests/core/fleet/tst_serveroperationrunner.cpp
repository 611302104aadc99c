// ServerOperationRunner against a fake Transport that speaks enough of
// HAProxy's runtime API (set server, set weight, show servers state) to keep
// per-host server state: parallelism, partial failure, refusals, force,
// verification, audit records (temporary SQLite store) and reverses.  The
// real thing is tested on the lab (tests/integration/operations).

#include "core/audit/auditstore.h"
#include "core/common/handover.h"
#include "core/fleet/serveroperationrunner.h"
#include "core/ssh/transport.h"
#include "tests/support/syntheticfleet.h"
#include "tests/support/testdata.h"

#include <QDeadlineTimer>
#include <QMutex>
#include <QProcess>
#include <QPromise>
#include <QTest>
#include <QThread>
#include <QThreadPool>
#include <QWaitCondition>

#include <atomic>
#include <map>
#include <memory>

using namespace Qt::StringLiterals;
using namespace vipdeck;
using vipdeck::test::healthyFleet;

namespace {

struct FakeServer
{
    unsigned adminFlags = 0;
    int weight = 1;
    bool configMaint = false; // `disabled` in the config: ready cannot clear it
};

// One host: every stats socket's servers, by "socket|backend/server".
// Holds each request until `needed` requests are in flight at once, at most
// 10 s: a runner that worked the targets one at a time would never get there.
// Only the first ones wait; once reached, every request passes.
struct Rendezvous
{
    QMutex mutex;
    QWaitCondition all;
    int needed = 2;
    int arrived = 0;
    bool reached = false;

    void arrive()
    {
        QMutexLocker lock(&mutex);
        if (reached)
            return;
        if (++arrived >= needed) {
            reached = true;
            all.wakeAll();
            return;
        }
        waitOn(all, mutex, QDeadlineTimer(10'000));
    }
};

class FakeHaproxyHost : public Transport
{
public:
    explicit FakeHaproxyHost(QString name)
        : m_name(std::move(name))
    {}

    QString hostName() const override { return m_name; }
    TransportStatus status() const override { return {}; }

    QFuture<Result<QByteArray>> request(const QString &socketPath, const QByteArray &payload,
                                        Completion, std::chrono::milliseconds, qsizetype) override
    {
        auto promise = std::make_shared<QPromise<Result<QByteArray>>>();
        promise->start();
        QFuture<Result<QByteArray>> future = promise->future();
        startOnPool(*QThreadPool::globalInstance(), [this, promise, socketPath, payload] {
            if (gate)
                gate->arrive();
            const int now = ++inFlight;
            int seen = maxInFlight.load();
            while (now > seen && !maxInFlight.compare_exchange_weak(seen, now)) {
            }
            QThread::msleep(quint64(delayMs));
            promise->addResult(answer(socketPath, payload));
            --inFlight;
            promise->finish();
        });
        return future;
    }
    QFuture<Result<ExecResult>> exec(const QStringList &, std::chrono::milliseconds,
                                     qsizetype) override
    {
        return QtFuture::makeReadyFuture(
            Result<ExecResult>(Error(ErrorCode::Unsupported, u"no exec here"_s, m_name)));
    }
    QFuture<Result<QStringList>> glob(const QString &, std::chrono::milliseconds) override
    {
        return QtFuture::makeReadyFuture(Result<QStringList>(QStringList()));
    }

    FakeServer &server(const QString &socket, const QString &backend, const QString &name)
    {
        QMutexLocker lock(&m_mutex);
        return m_servers[socket + u'|' + backend + u'/' + name];
    }

    bool down = false;
    int delayMs = 0;
    Rendezvous *gate = nullptr;
    std::atomic<int> inFlight{0};
    std::atomic<int> maxInFlight{0};
    std::atomic<int> writes{0};

private:
    Result<QByteArray> answer(const QString &socket, const QByteArray &payload)
    {
        if (down)
            return Error(ErrorCode::ConnectFailed, u"connection refused"_s, m_name);
        QMutexLocker lock(&m_mutex);
        QByteArray out;
        for (const QByteArray &command : payload.trimmed().split(';')) {
            const QList<QByteArray> w = command.split(' ');
            if (command == "set severity-output number") {
                out += "\n";
            } else if (w.size() == 5 && w[0] == "set" && w[1] == "server" && w[3] == "state") {
                ++writes;
                FakeServer &s = m_servers[socket + u'|' + QString::fromUtf8(w[2])];
                if (w[4] == "drain")
                    s.adminFlags = 0x08;
                else if (w[4] == "maint")
                    s.adminFlags = 0x01;
                else
                    s.adminFlags = 0;
                if (s.configMaint)
                    s.adminFlags |= 0x04;
                out += "\n";
            } else if (w.size() == 5 && w[0] == "set" && w[1] == "server" && w[3] == "weight") {
                ++writes;
                m_servers[socket + u'|' + QString::fromUtf8(w[2])].weight = w[4].toInt();
                out += "\n";
            } else if (w.size() == 4 && w[0] == "show" && w[1] == "servers") {
                out += "1\n# be_id be_name srv_id srv_name srv_addr srv_op_state "
                       "srv_admin_state srv_uweight srv_iweight srv_time_since_last_change "
                       "srv_check_status srv_check_result srv_check_health srv_check_state "
                       "srv_agent_state bk_f_forced_id srv_f_forced_id srv_fqdn srv_port "
                       "srvrecord srv_use_ssl srv_check_port srv_check_addr srv_agent_addr "
                       "srv_agent_port\n";
                const QString prefix = socket + u'|' + QString::fromUtf8(w[3]) + u'/';
                int id = 0;
                for (const auto &[key, s] : m_servers) {
                    if (!key.startsWith(prefix))
                        continue;
                    out += "3 " + w[3] + ' ' + QByteArray::number(++id) + ' ' +
                           key.mid(prefix.size()).toUtf8() + " 127.0.0.1 2 " +
                           QByteArray::number(s.adminFlags) + ' ' + QByteArray::number(s.weight) +
                           " 1 0 15 3 4 6 0 0 0 - 80 - 0 0 - - 0\n";
                }
                out += "\n";
            } else {
                out += "Unknown command.\n\n";
            }
        }
        return out;
    }

    QString m_name;
    QMutex m_mutex;
    std::map<QString, FakeServer> m_servers;
};

class Fleet
{
public:
    Fleet()
    {
        for (const QString &h : {u"lb1"_s, u"lb2"_s, u"lb3"_s, u"lb4"_s}) {
            hosts[h] = std::make_unique<FakeHaproxyHost>(h);
            const QString vip = h == u"lb1"_s || h == u"lb2"_s ? u"web"_s : u"tenant"_s;
            for (const QString &s : {u"s1"_s, u"s2"_s, u"s3"_s, u"spare"_s})
                hosts[h]->server(u"/run/haproxy/"_s + vip + u".sock"_s, u"be"_s, s);
        }
    }
    ServerOperationRunner::TransportLookup lookup()
    {
        return [this](const QString &host) -> Transport * {
            const auto it = hosts.find(host);
            return it == hosts.end() ? nullptr : it->second.get();
        };
    }
    FakeServer &server(const QString &vip, const QString &host, const QString &name)
    {
        return hosts[host]->server(u"/run/haproxy/"_s + vip + u".sock"_s, u"be"_s, name);
    }
    int writes() const
    {
        int n = 0;
        for (const auto &[name, h] : hosts)
            n += h->writes;
        return n;
    }

    std::map<QString, std::unique_ptr<FakeHaproxyHost>> hosts;
};

OperationPreview preview(const ServerOperationRequest &request,
                         const Snapshot::Data &data = healthyFleet())
{
    auto p = previewServerOperation(Snapshot(data), request);
    if (!p.ok())
        qFatal("preview failed: %s", qPrintable(p.error().toString()));
    return *p;
}

ServerOperationRequest drain(const QString &server)
{
    ServerOperationRequest r;
    r.action = ServerAction::Drain;
    r.server = server;
    r.reason = u"INC-42 web errors"_s;
    return r;
}

} // namespace

class TestServerOperationRunner : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<test::TempDir> m_dir;
    std::unique_ptr<AuditStore> m_audit;

    qint64 auditCount()
    {
        Result<qint64> n = m_audit->count({});
        return n.ok() ? n.value() : -1;
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<test::TempDir>();
        auto store = AuditStore::open(AuditStoreConfig::sqlite(m_dir->filePath(u"audit.db"_s)));
        QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().toString()));
        m_audit = std::move(store.value());
    }
    void cleanup()
    {
        m_audit.reset();
        m_dir.reset();
    }

    void drainsEverywhereInParallel()
    {
        Fleet fleet;
        Rendezvous twoAtOnce;
        for (auto &[name, h] : fleet.hosts)
            h->gate = &twoAtOnce;
        ServerOperationRunner runner(fleet.lookup(), m_audit.get());
        QList<int> started;
        QList<TargetResult> finished;
        QMutex mutex;
        connect(
            &runner, &ServerOperationRunner::targetStarted, this,
            [&](int index, const ServerTarget &) {
                QMutexLocker lock(&mutex);
                started << index;
            },
            Qt::DirectConnection);
        connect(
            &runner, &ServerOperationRunner::targetFinished, this,
            [&](int, const TargetResult &r) {
                QMutexLocker lock(&mutex);
                finished << r;
            },
            Qt::DirectConnection);
        const OperationResult result = runner.runAndWait(preview(drain(u"s1"_s)), u"ops"_s);
        QVERIFY2(result.ok(), qPrintable(result.summary()));
        QCOMPARE(result.targets.size(), 4);
        // The signals are emitted on this thread, by its event loop.
        QTRY_COMPARE(finished.size(), 4);
        QCOMPARE(started.size(), 4);
        for (const TargetResult &r : result.targets) {
            QVERIFY(r.verified);
            QCOMPARE(r.stateBefore, AdminState::Ready);
            QCOMPARE(r.stateAfter, AdminState::Drain);
            QCOMPARE(fleet.server(r.target.vip, r.target.host, u"s1"_s).adminFlags, 0x08u);
            QCOMPARE(fleet.server(r.target.vip, r.target.host, u"s2"_s).adminFlags, 0u);
        }
        // Two targets' requests were in flight at the same time (the gate
        // held the first until a second came): the targets ran in parallel.
        // No time is measured, so a busy machine cannot make this fail.
        QVERIFY(twoAtOnce.reached);
        int busyHosts = 0;
        for (auto &[name, h] : fleet.hosts)
            busyHosts += h->maxInFlight.load() > 0 ? 1 : 0;
        QCOMPARE(busyHosts, 4);

        // Audit: intent, then its completion.
        QCOMPARE(auditCount(), 2);
        const Result<AuditRecord> intent = m_audit->record(result.auditIntentId);
        QVERIFY(intent.ok());
        QCOMPARE(intent->action, u"drain"_s);
        QCOMPARE(intent->reason, u"INC-42 web errors"_s);
        QCOMPARE(intent->sshUser, u"ops"_s);
        QCOMPARE(intent->targets.size(), 4);
        QCOMPARE(intent->stateBefore.count(u"\"admin\":\"ready\""_s), 4);
        QCOMPARE(intent->completedBy, std::optional<qint64>(result.auditCompletionId));
        const Result<AuditRecord> completion = m_audit->record(result.auditCompletionId);
        QVERIFY(completion.ok());
        QCOMPARE(completion->results.size(), 4);
        for (const AuditTargetResult &r : completion->results)
            QCOMPARE(r.outcome, AuditOutcome::Ok);
    }

    void concurrentOperationsReportOnlyTheirOwnTargets()
    {
        // Two dialogs at once: draining s1 and s2 everywhere, overlapping.
        Fleet fleet;
        for (auto &[name, h] : fleet.hosts)
            h->delayMs = 50;
        ServerOperationRunner runner(fleet.lookup(), m_audit.get());
        QMutex mutex;
        QHash<const OperationHandle *, QStringList> startedFor;
        QHash<const OperationHandle *, QStringList> finishedFor;
        QHash<const OperationHandle *, QList<int>> indexesFor;
        const auto watch = [&](const std::shared_ptr<OperationHandle> &handle) {
            const OperationHandle *key = handle.get();
            connect(
                handle.get(), &OperationHandle::targetStarted, this,
                [&, key](int, const ServerTarget &target) {
                    QMutexLocker lock(&mutex);
                    startedFor[key] << target.server;
                },
                Qt::DirectConnection);
            connect(
                handle.get(), &OperationHandle::targetFinished, this,
                [&, key](int index, const TargetResult &result) {
                    QMutexLocker lock(&mutex);
                    finishedFor[key] << result.target.server;
                    indexesFor[key] << index;
                },
                Qt::DirectConnection);
        };
        // Each connected before it starts, as the dialogs do.
        const auto one = OperationHandle::create(preview(drain(u"s1"_s)));
        const auto two = OperationHandle::create(preview(drain(u"s2"_s)));
        watch(one);
        watch(two);
        runner.start(one);
        runner.start(two);
        QVERIFY(one->future().result().ok());
        QVERIFY(two->future().result().ok());
        // The handles' signals are emitted on this thread, by its event loop.
        QTRY_COMPARE(finishedFor.value(one.get()).size() + finishedFor.value(two.get()).size(), 8);
        QMutexLocker lock(&mutex);
        QCOMPARE(finishedFor.value(one.get()), QStringList(4, u"s1"_s));
        QCOMPARE(finishedFor.value(two.get()), QStringList(4, u"s2"_s));
        QCOMPARE(startedFor.value(one.get()).size(), 4);
        QCOMPARE(startedFor.value(two.get()).size(), 4);
        QList<int> sorted = indexesFor.value(one.get());
        std::sort(sorted.begin(), sorted.end());
        QCOMPARE(sorted, (QList<int>{0, 1, 2, 3}));
    }

    void partialFailureLeavesTheRestDone()
    {
        Fleet fleet;
        fleet.hosts[u"lb2"_s]->down = true;
        ServerOperationRunner runner(fleet.lookup(), m_audit.get());
        const OperationResult result = runner.runAndWait(preview(drain(u"s2"_s)));
        QVERIFY(!result.refused);
        QVERIFY(!result.ok());
        QCOMPARE(result.succeeded(), 3);
        QCOMPARE(result.failed(), 1);
        const TargetResult &lb2 = result.targets[3];
        QCOMPARE(lb2.target.host, u"lb2"_s);
        QVERIFY(!lb2.ok);
        QVERIFY(lb2.error);
        QCOMPARE(lb2.error->code, ErrorCode::ConnectFailed);
        QVERIFY(result.summary().contains(u"3 of 4 targets done"_s));
        QVERIFY(result.summary().contains(u"host=lb2"_s));
        QVERIFY(result.summary().contains(u"connection refused"_s));
        QCOMPARE(fleet.server(u"web"_s, u"lb1"_s, u"s2"_s).adminFlags, 0x08u); // not rolled back

        const Result<AuditRecord> completion = m_audit->record(result.auditCompletionId);
        QVERIFY(completion.ok());
        int failed = 0;
        for (const AuditTargetResult &r : completion->results)
            if (r.outcome == AuditOutcome::Failed) {
                ++failed;
                QCOMPARE(r.target.host, u"lb2"_s);
                QVERIFY(r.message.contains(u"connection refused"_s));
            }
        QCOMPARE(failed, 1);

        // The reverse touches only what was done.
        const QList<ServerOperationRequest> reverse = reverseOperation(result, u"undo INC-42"_s);
        QCOMPARE(reverse.size(), 1);
        QCOMPARE(reverse[0].only.size(), 3);
        fleet.hosts[u"lb2"_s]->down = false;
        const OperationResult undone = runner.runAndWait(preview(reverse[0]));
        QVERIFY2(undone.ok(), qPrintable(undone.summary()));
        QCOMPARE(undone.targets.size(), 3);
        QCOMPARE(fleet.server(u"web"_s, u"lb1"_s, u"s2"_s).adminFlags, 0u);
        QCOMPARE(auditCount(), 4);
    }

    void refusesWithoutReasonForceOrAudit()
    {
        Fleet fleet;
        Snapshot::Data data = healthyFleet();
        test::serverIn(data, u"tenant"_s, u"lb3"_s, 1).status.state = ServerState::Down;
        test::serverIn(data, u"tenant"_s, u"lb3"_s, 2).status.state = ServerState::Down;

        ServerOperationRequest r = drain(u"s1"_s);
        ServerOperationRunner runner(fleet.lookup(), m_audit.get());
        OperationResult result = runner.runAndWait(preview(r, data));
        QVERIFY(result.refused);
        QCOMPARE(result.refused->code, ErrorCode::PreconditionFailed);
        QVERIFY(result.refused->message.contains(u"tenant (backend be on lb3"_s));
        QVERIFY(result.refused->hint.contains(u"force"_s));
        for (const TargetResult &t : result.targets)
            QVERIFY(t.skipped);

        r.reason = u"  "_s;
        r.force = true;
        result = runner.runAndWait(preview(r, data));
        QVERIFY(result.refused);
        QCOMPARE(result.refused->code, ErrorCode::InvalidArgument);

        ServerOperationRunner unaudited(fleet.lookup(), nullptr);
        result = unaudited.runAndWait(preview(drain(u"s1"_s), data));
        QVERIFY(result.refused);
        QCOMPARE(result.refused->code, ErrorCode::AuditUnavailable);

        QCOMPARE(fleet.writes(), 0);
        QCOMPARE(auditCount(), 0);

        // With force it goes ahead, and the intent says it was forced.
        r.reason = u"INC-43"_s;
        result = runner.runAndWait(preview(r, data));
        QVERIFY2(result.ok(), qPrintable(result.summary()));
        QVERIFY(m_audit->record(result.auditIntentId)->stateBefore.contains(u"\"forced\":true"_s));
    }

    void reportsWhatHaproxyReallyDid()
    {
        Fleet fleet;
        fleet.server(u"web"_s, u"lb1"_s, u"s3"_s).configMaint = true;
        fleet.server(u"web"_s, u"lb1"_s, u"s3"_s).adminFlags = 0x04;
        ServerOperationRequest r = drain(u"s3"_s);
        r.action = ServerAction::Ready;
        r.vip = u"web"_s;
        ServerOperationRunner runner(fleet.lookup(), m_audit.get());
        const OperationResult result = runner.runAndWait(preview(r));
        QCOMPARE(result.succeeded(), 1);
        const TargetResult &lb1 = result.targets[0];
        QVERIFY(!lb1.ok);
        QVERIFY(!lb1.verified);
        QCOMPARE(lb1.stateBefore, AdminState::Maint);
        QCOMPARE(lb1.stateAfter, AdminState::Maint);
        QCOMPARE(lb1.error->code, ErrorCode::PreconditionFailed);
        QVERIFY(lb1.error->message.contains(u"flags 0x4"_s));
    }

    void setsWeightsAndReversesThem()
    {
        Fleet fleet;
        fleet.server(u"web"_s, u"lb2"_s, u"s1"_s).weight = 7;
        ServerOperationRequest r = drain(u"s1"_s);
        r.action = ServerAction::Weight;
        r.weight = 50;
        r.vip = u"web"_s;
        ServerOperationRunner runner(fleet.lookup(), m_audit.get());
        const OperationResult result = runner.runAndWait(preview(r));
        QVERIFY2(result.ok(), qPrintable(result.summary()));
        QCOMPARE(result.targets[0].weightBefore, 1);
        QCOMPARE(result.targets[1].weightBefore, 7); // read from HAProxy, not the snapshot
        QCOMPARE(fleet.server(u"web"_s, u"lb2"_s, u"s1"_s).weight, 50);
        QCOMPARE(m_audit->record(result.auditIntentId)->action, u"set-weight"_s);

        const QList<ServerOperationRequest> reverse = reverseOperation(result, u"undo"_s);
        QCOMPARE(reverse.size(), 1);
        const OperationResult undone = runner.runAndWait(preview(reverse[0]));
        QVERIFY2(undone.ok(), qPrintable(undone.summary()));
        QCOMPARE(fleet.server(u"web"_s, u"lb1"_s, u"s1"_s).weight, 1);
        QCOMPARE(fleet.server(u"web"_s, u"lb2"_s, u"s1"_s).weight, 7);
    }

    void staysInDrainOnTimeout()
    {
        // No `show stat` in the fake: the session count is never read, so the
        // wait ends at its deadline and the server is left in DRAIN.
        Fleet fleet;
        ServerOperationRequest r = drain(u"s1"_s);
        r.vip = u"web"_s;
        r.host = u"lb1"_s;
        r.waitForDrain = true;
        r.drainTimeout = std::chrono::milliseconds(300);
        r.drainPollInterval = std::chrono::milliseconds(50);
        ServerOperationRunner runner(fleet.lookup(), m_audit.get());
        const OperationResult result = runner.runAndWait(preview(r));
        QCOMPARE(result.failed(), 1);
        QCOMPARE(result.targets[0].error->code, ErrorCode::Timeout);
        QVERIFY(result.targets[0].error->message.contains(u"could not be read"_s));
        QCOMPARE(result.targets[0].stateAfter, AdminState::Drain);
        QCOMPARE(fleet.server(u"web"_s, u"lb1"_s, u"s1"_s).adminFlags, 0x08u);
        QCOMPARE(m_audit->record(result.auditIntentId)->action, u"drain-then-maint"_s);
    }

    void unwritableAuditStoreStopsTheOperation()
    {
        // The store opened fine, then stops accepting records (as a full
        // disk or a revoked grant would): the operation must not start.
        QProcess sqlite;
        sqlite.start(u"sqlite3"_s, {m_dir->filePath(u"audit.db"_s),
                                    u"CREATE TRIGGER no_more BEFORE INSERT ON audit_record "
                                    "BEGIN SELECT RAISE(ABORT, 'disk full'); END;"_s});
        QVERIFY(sqlite.waitForFinished(10000));
        QCOMPARE(sqlite.exitCode(), 0);
        Fleet fleet;
        ServerOperationRunner runner(fleet.lookup(), m_audit.get());
        const OperationResult result = runner.runAndWait(preview(drain(u"s1"_s)));
        QVERIFY(result.refused);
        QVERIFY2(result.refused->hint.contains(u"not started"_s),
                 qPrintable(result.refused->toString()));
        QCOMPARE(result.auditIntentId, -1);
        QCOMPARE(fleet.writes(), 0);
        for (const TargetResult &t : result.targets)
            QVERIFY(t.skipped);
    }

    void unknownHostFailsClearly()
    {
        Fleet fleet;
        fleet.hosts.erase(u"lb4"_s);
        ServerOperationRunner runner(fleet.lookup(), m_audit.get());
        const OperationResult result = runner.runAndWait(preview(drain(u"s1"_s)));
        QCOMPARE(result.failed(), 1);
        QCOMPARE(result.targets[1].target.host, u"lb4"_s);
        QVERIFY(result.targets[1].error->message.contains(u"lb4"_s));
    }
};

QTEST_GUILESS_MAIN(TestServerOperationRunner)
#include "tst_serveroperationrunner.moc"
