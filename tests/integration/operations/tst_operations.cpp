// Server operations and reloads against the lab through real SSH
// (sshTransportFactory, as vipdeck runs them): a drain fanned out to every
// host and undone, force on a backend's last UP server, partial failure with
// one host's sshd stopped, weights, drain-then-maint waiting for a real
// session to end, a reload stopped by a broken config before the running
// worker is touched, a drain surviving a reload, a rolling reload (and the
// group lock), the reload pre-flight (a broken config or an unreachable host
// on lb2 refuses a rolling reload with lb1 untouched; dry runs; force
// reloading only the passing host), and the audit records of each in a
// temporary SQLite store.

#include "core/audit/auditstore.h"
#include "core/fleet/fleetpoller.h"
#include "core/fleet/reloadoperationrunner.h"
#include "core/fleet/serveroperationrunner.h"
#include "core/haproxy/haproxyclient.h"
#include "core/haproxy/masterclient.h"
#include "core/inventory/inventoryloader.h"
#include "tests/support/futurewait.h"
#include "tests/support/lab.h"
#include "tests/support/testdata.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QTcpSocket>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vipdeck;
using vipdeck::test::Lab;
using vipdeck::test::LabFault;

namespace {

template <typename T> T waitFor(const QFuture<T> &future)
{
    const std::optional<T> value = vipdeck::test::waitForFuture(future, std::chrono::minutes(2));
    if (!value)
        qFatal("operation did not finish within two minutes");
    return *value;
}

const ServerObservation *findServer(const Snapshot &snapshot, const QString &vip,
                                    const QString &host, const QString &server)
{
    const HaproxyObservation *h = snapshot.haproxy(vip, host);
    if (!h)
        return nullptr;
    for (const BackendObservation &b : h->backends)
        for (const ServerObservation &s : b.servers)
            if (s.name == server)
                return &s;
    return nullptr;
}

ServerOperationRequest request(ServerAction action, const QString &server, const QString &vip = {},
                               const QString &host = {})
{
    ServerOperationRequest r;
    r.action = action;
    r.server = server;
    r.vip = vip;
    r.host = host;
    r.reason = u"lab test"_s;
    return r;
}

} // namespace

class TestOperations : public QObject
{
    Q_OBJECT

private:
    Lab m_lab = Lab::fromEnvironment();
    Inventory m_inventory;
    std::unique_ptr<FleetPoller> m_poller;
    std::unique_ptr<test::TempDir> m_dir;
    std::unique_ptr<AuditStore> m_audit;

    // Polls until `condition` holds, or the deadline passes; returns the last update.
    template <typename Condition> FleetUpdate pollUntil(Condition condition, int timeoutMs = 30'000)
    {
        QElapsedTimer timer;
        timer.start();
        FleetUpdate update;
        do {
            update = waitFor(m_poller->pollOnce());
            if (condition(update))
                return update;
        } while (timer.elapsed() < timeoutMs);
        return update;
    }

    // Polls until every (VIP, host) of `vip` shows `server` in `state`.
    bool waitForState(const QString &vip, const QString &server, AdminState state,
                      const QStringList &hosts = {u"lb1"_s, u"lb2"_s})
    {
        const FleetUpdate u = pollUntil([&](const FleetUpdate &update) {
            for (const QString &h : hosts) {
                const ServerObservation *s = findServer(update.snapshot, vip, h, server);
                const HaproxyObservation *o = update.snapshot.haproxy(vip, h);
                if (!s || !o || o->error || s->adminState() != state)
                    return false;
            }
            return true;
        });
        for (const QString &h : hosts) {
            const ServerObservation *s = findServer(u.snapshot, vip, h, server);
            if (!s || s->adminState() != state) {
                qWarning() << vip << h << server << "is"
                           << (s ? adminStateName(s->adminState()) : u"missing"_s) << "not"
                           << adminStateName(state);
                return false;
            }
        }
        return true;
    }

    Result<OperationPreview> previewNow(const ServerOperationRequest &r)
    {
        return previewServerOperation(waitFor(m_poller->pollOnce()).snapshot, r);
    }

    OperationResult apply(const ServerOperationRequest &r)
    {
        const Result<OperationPreview> preview = previewNow(r);
        if (!preview.ok()) {
            OperationResult failed;
            failed.refused = preview.error();
            return failed;
        }
        ServerOperationRunner runner(m_poller.get(), m_audit.get());
        return waitFor(runner.run(*preview, u"lab"_s));
    }

    qint64 workerPid(const QString &vip, const QString &host)
    {
        const Placement *p = m_inventory.placement(vip, host);
        const Result<MasterProcInfo> proc =
            waitFor(MasterClient(m_poller->transport(host), p->masterSocket).showProc());
        if (!proc.ok() || proc->workers.isEmpty())
            return -1;
        return proc->workers.constFirst().pid;
    }

    enum class Mode { Plain, Rolling, DryRun, Forced };

    // A reload of `vip` on `hosts` (empty: the whole group), on the lab.
    ReloadResult reload(const QString &vip, const QStringList &hosts, Mode mode = Mode::Plain)
    {
        ReloadRunner runner(m_poller.get(), m_audit.get());
        ReloadRequest r;
        r.vip = vip;
        r.hosts = hosts;
        r.rolling = mode != Mode::Plain;
        r.dryRun = mode == Mode::DryRun;
        r.force = mode == Mode::Forced;
        r.reason = u"lab test: reload"_s;
        return waitFor(runner.run(r, u"lab"_s));
    }

    // A reload while the lab `fault` is injected; healed before it returns.
    // nullopt (with the lab's words) when the fault could not be injected.
    std::optional<ReloadResult> reloadUnder(const QStringList &fault, const QString &vip,
                                            const QStringList &hosts, Mode mode)
    {
        LabFault injected(m_lab, fault);
        if (!injected.injected()) {
            qWarning().noquote() << "fault" << fault << "not injected:" << injected.output();
            return std::nullopt;
        }
        return reload(vip, hosts, mode);
    }

    // Every server of the lab back to ready, weight as configured, confirmed
    // by a poll that read every HAProxy: a placement that could not be read
    // (a worker just reloaded, a loaded machine) is tried again, so no test
    // leaves a drain behind for the next one.  False if that did not happen
    // within 30 s.
    bool restoreAll()
    {
        const FleetUpdate done = pollUntil([this](const FleetUpdate &update) {
            bool clean = !update.snapshot.haproxies().isEmpty();
            for (const HaproxyObservation &h : update.snapshot.haproxies()) {
                if (!h.hasData() || h.error) {
                    clean = false;
                    continue;
                }
                for (const BackendObservation &b : h.backends)
                    for (const ServerObservation &s : b.servers) {
                        if (s.adminState() == AdminState::Ready && s.weight == s.initialWeight)
                            continue;
                        clean = false;
                        const Placement *p = m_inventory.placement(h.vip, h.host);
                        const HaproxyClient client(m_poller->transport(h.host), p->statsSocket);
                        (void)waitFor(
                            client.setServerState(b.name, s.name, ServerAdminAction::Ready));
                        (void)waitFor(client.setWeight(b.name, s.name, s.initialWeight));
                    }
            }
            return clean;
        });
        for (const HaproxyObservation &h : done.snapshot.haproxies()) {
            if (!h.hasData() || h.error)
                return false;
            for (const BackendObservation &b : h.backends)
                for (const ServerObservation &s : b.servers)
                    if (s.adminState() != AdminState::Ready || s.weight != s.initialWeight)
                        return false;
        }
        return !done.snapshot.haproxies().isEmpty();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_lab.isAvailable(), "run through ctest: needs the lab fixture");
        const LoadedInventory loaded = loadInventory(m_lab.fleetFile());
        QVERIFY2(loaded.ok(), qPrintable(loaded.diagnostics.value(0).toString()));
        m_inventory = *loaded.inventory;
        m_poller = std::make_unique<FleetPoller>(m_inventory, sshTransportFactory());
        const FleetUpdate update = pollUntil([](const FleetUpdate &u) {
            for (const HaproxyObservation &h : u.snapshot.haproxies())
                if (!h.hasData() || h.error)
                    return false;
            return !u.snapshot.haproxies().isEmpty();
        });
        QCOMPARE(update.snapshot.haproxies().size(), 8);
    }

    void init()
    {
        m_dir = std::make_unique<test::TempDir>();
        auto store = AuditStore::open(AuditStoreConfig::sqlite(m_dir->filePath(u"audit.db"_s)));
        QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().toString()));
        m_audit = std::move(store.value());
    }

    void cleanup()
    {
        const bool restored = restoreAll();
        m_audit.reset();
        m_dir.reset();
        QVERIFY2(restored, "the lab's servers could not be put back to ready with their weights");
    }

    void cleanupTestCase() { m_poller.reset(); }

    void drainEverywhereThenReady()
    {
        const Result<OperationPreview> preview =
            previewNow(request(ServerAction::Drain, u"web-01"_s));
        QVERIFY(preview.ok());
        QCOMPARE(preview->targets.size(), 2);
        QVERIFY(!preview->needsForce());

        ServerOperationRunner runner(m_poller.get(), m_audit.get());
        QSignalSpy started(&runner, &ServerOperationRunner::targetStarted);
        QSignalSpy finished(&runner, &ServerOperationRunner::targetFinished);
        const OperationResult result = waitFor(runner.run(*preview, u"lab"_s));
        QVERIFY2(result.ok(), qPrintable(result.summary()));
        QTRY_COMPARE(finished.size(), 2); // queued to this thread
        QCOMPARE(started.size(), 2);
        for (const TargetResult &t : result.targets) {
            QVERIFY(t.verified);
            QVERIFY(t.stateBefore == AdminState::Ready);
            QVERIFY(t.stateAfter == AdminState::Drain);
        }
        // An independent read (the poller) sees DRAIN on every host.
        QVERIFY(waitForState(u"web"_s, u"web-01"_s, AdminState::Drain));

        const QList<ServerOperationRequest> reverse = reverseOperation(result, u"lab test: undo"_s);
        QCOMPARE(reverse.size(), 1);
        QCOMPARE(reverse[0].action, ServerAction::Ready);
        const OperationResult undone = apply(reverse[0]);
        QVERIFY2(undone.ok(), qPrintable(undone.summary()));
        QVERIFY(waitForState(u"web"_s, u"web-01"_s, AdminState::Ready));

        // Audit: two actions, each an intent closed by its completion.
        QCOMPARE(m_audit->count({}).valueOr(-1), 4);
        const Result<AuditRecord> intent = m_audit->record(result.auditIntentId);
        QVERIFY(intent.ok());
        QCOMPARE(intent->action, u"drain"_s);
        QCOMPARE(intent->targets.size(), 2);
        QVERIFY(!intent->isIncomplete());
        const Result<AuditRecord> completion = m_audit->record(result.auditCompletionId);
        QVERIFY(completion.ok());
        QCOMPARE(completion->intentId, std::optional<qint64>(result.auditIntentId));
        QVERIFY(completion->stateAfter.contains(u"\"admin\":\"drain\""_s));
        QCOMPARE(m_audit->record(undone.auditIntentId)->reason, u"lab test: undo"_s);
        QVERIFY(m_audit->verify().ok() && m_audit->verify()->ok());
    }

    void forceNeededOnLastUpServer()
    {
        LabFault down2(m_lab, {u"server-down"_s, u"web-02"_s});
        LabFault down3(m_lab, {u"server-down"_s, u"web-03"_s});
        QVERIFY2(down2.injected() && down3.injected(), qPrintable(down2.output() + down3.output()));
        pollUntil([](const FleetUpdate &u) {
            for (const QString &h : {u"lb1"_s, u"lb2"_s})
                for (const QString &s : {u"web-02"_s, u"web-03"_s}) {
                    const ServerObservation *o = findServer(u.snapshot, u"web"_s, h, s);
                    if (!o || o->isUp())
                        return false;
                }
            return true;
        });

        ServerOperationRequest r = request(ServerAction::Drain, u"web-01"_s);
        Result<OperationPreview> preview = previewNow(r);
        QVERIFY(preview.ok());
        QVERIFY(preview->needsForce());
        QCOMPARE(preview->flagged().size(), 2);
        for (const ServerTarget &t : preview->targets) {
            QCOMPARE(t.usableBefore, 1);
            QCOMPARE(t.usableAfter, 0);
        }
        const OperationResult refused = apply(r);
        QVERIFY(refused.refused);
        QCOMPARE(refused.refused->code, ErrorCode::PreconditionFailed);
        QCOMPARE(m_audit->count({}).valueOr(-1), 0); // not started, not audited
        QVERIFY(waitForState(u"web"_s, u"web-01"_s, AdminState::Ready));

        r.force = true;
        const OperationResult forced = apply(r);
        QVERIFY2(forced.ok(), qPrintable(forced.summary()));
        QVERIFY(waitForState(u"web"_s, u"web-01"_s, AdminState::Drain));
        // cleanup() readies web-01 before the faults heal.
        restoreAll();
    }

    void partialFailureWhenOneHostIsDown()
    {
        const FleetUpdate before = waitFor(m_poller->pollOnce());
        const Result<OperationPreview> preview =
            previewServerOperation(before.snapshot, request(ServerAction::Drain, u"api-01"_s));
        QVERIFY(preview.ok());
        QCOMPARE(preview->targets.size(), 2);
        OperationResult result;
        {
            LabFault sshd(m_lab, {u"sshd-stop"_s, u"lb2"_s});
            QVERIFY2(sshd.injected(), qPrintable(sshd.output()));
            ServerOperationRunner runner(m_poller.get(), m_audit.get());
            result = waitFor(runner.run(*preview));
        }
        QVERIFY(!result.refused);
        QCOMPARE(result.succeeded(), 1);
        QCOMPARE(result.failed(), 1);
        const TargetResult &lb1 = result.targets[0];
        const TargetResult &lb2 = result.targets[1];
        QCOMPARE(lb1.target.host, u"lb1"_s);
        QVERIFY(lb1.ok);
        QCOMPARE(lb2.target.host, u"lb2"_s);
        QVERIFY(!lb2.ok);
        QVERIFY(lb2.error);
        qInfo() << "lb2 failed with:" << lb2.error->toString();
        QVERIFY(lb2.error->toString().contains(u"lb2"_s));
        QVERIFY(result.summary().contains(u"1 of 2 targets done"_s));

        const Result<AuditRecord> completion = m_audit->record(result.auditCompletionId);
        QVERIFY(completion.ok());
        QCOMPARE(completion->results.size(), 2);
        QCOMPARE(completion->results[0].outcome, AuditOutcome::Ok);
        QCOMPARE(completion->results[1].outcome, AuditOutcome::Failed);

        // lb1 stays drained (no rollback); lb2 was never changed.
        QVERIFY(waitForState(u"api"_s, u"api-01"_s, AdminState::Drain, {u"lb1"_s}));
        QVERIFY(waitForState(u"api"_s, u"api-01"_s, AdminState::Ready, {u"lb2"_s}));
        const QList<ServerOperationRequest> reverse = reverseOperation(result, u"undo"_s);
        QCOMPARE(reverse.size(), 1);
        QCOMPARE(reverse[0].only.size(), 1);
        QVERIFY(apply(reverse[0]).ok());
        QVERIFY(waitForState(u"api"_s, u"api-01"_s, AdminState::Ready));
    }

    void setsWeight()
    {
        ServerOperationRequest r = request(ServerAction::Weight, u"shop-02"_s);
        r.weight = 50;
        const OperationResult result = apply(r);
        QVERIFY2(result.ok(), qPrintable(result.summary()));
        for (const TargetResult &t : result.targets) {
            QCOMPARE(t.weightAfter, 50);
            QVERIFY(t.verified);
        }
        const FleetUpdate u = pollUntil([](const FleetUpdate &update) {
            for (const QString &h : {u"lb1"_s, u"lb2"_s}) {
                const ServerObservation *s =
                    findServer(update.snapshot, u"shop"_s, h, u"shop-02"_s);
                if (!s || s->weight != 50)
                    return false;
            }
            return true;
        });
        // A lab that went away mid-test leaves no row: fail, never dereference.
        QVERIFY(findServer(u.snapshot, u"shop"_s, u"lb2"_s, u"shop-02"_s));
        QVERIFY(findServer(u.snapshot, u"shop"_s, u"lb1"_s, u"shop-02"_s));
        QCOMPARE(findServer(u.snapshot, u"shop"_s, u"lb2"_s, u"shop-02"_s)->weight, 50);
        const int initial =
            findServer(u.snapshot, u"shop"_s, u"lb1"_s, u"shop-02"_s)->initialWeight;

        const QList<ServerOperationRequest> reverse = reverseOperation(result, u"undo"_s);
        QCOMPARE(reverse.size(), 1);
        const OperationResult undone = apply(reverse[0]);
        QVERIFY2(undone.ok(), qPrintable(undone.summary()));
        for (const TargetResult &t : undone.targets)
            QCOMPARE(t.weightAfter, initial);
        QCOMPARE(m_audit->record(result.auditIntentId)->action, u"set-weight"_s);
    }

    void drainThenMaintWaitsForSessions()
    {
        // mail is plain TCP: an idle connection through lb1's frontend is a
        // session on the one server left in ready, until it is closed.
        for (const QString &s : {u"mail-02"_s, u"mail-03"_s})
            QVERIFY(apply(request(ServerAction::Maint, s, u"mail"_s, u"lb1"_s)).ok());
        QString frontend;
        for (const QJsonValue &h : m_lab.state().value(u"hosts"_s).toArray())
            if (h[u"name"_s].toString() == u"lb1"_s)
                frontend = h[u"vips"_s][u"mail"_s][u"frontend"_s].toString();
        QVERIFY2(frontend.contains(u':'), qPrintable(frontend));
        QTcpSocket client;
        client.connectToHost(frontend.section(u':', 0, 0), frontend.section(u':', 1).toUShort());
        QVERIFY(client.waitForConnected(5000));
        pollUntil([](const FleetUpdate &u) {
            const ServerObservation *s = findServer(u.snapshot, u"mail"_s, u"lb1"_s, u"mail-01"_s);
            return s && s->sessions == 1;
        });

        ServerOperationRequest r = request(ServerAction::Drain, u"mail-01"_s, u"mail"_s, u"lb1"_s);
        r.waitForDrain = true;
        r.drainTimeout = std::chrono::seconds(20);
        r.drainPollInterval = std::chrono::milliseconds(200);
        const Result<OperationPreview> preview = previewNow(r);
        QVERIFY(preview.ok());
        QVERIFY(preview->needsForce()); // the last usable mail server on lb1
        r.force = true;
        ServerOperationRunner runner(m_poller.get(), m_audit.get());
        QStringList progress;
        QMutex mutex;
        connect(
            &runner, &ServerOperationRunner::targetProgress, this,
            [&](int, const QString &message) {
                QMutexLocker lock(&mutex);
                progress << message;
            },
            Qt::DirectConnection);
        QElapsedTimer timer;
        timer.start();
        OperationPreview forced = *previewNow(r);
        QFuture<OperationResult> future = runner.run(forced, u"lab"_s);
        // It waits while the session is open...
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                QMutexLocker lock(&mutex);
                return progress.contains(u"1 session(s) left"_s);
            }(),
            10000);
        QVERIFY(!future.isFinished());
        QVERIFY(waitForState(u"mail"_s, u"mail-01"_s, AdminState::Drain, {u"lb1"_s}));
        // ...and goes to maint once it is closed.
        client.disconnectFromHost();
        client.close();
        const OperationResult result = waitFor(future);
        QVERIFY2(result.ok(), qPrintable(result.summary()));
        QVERIFY(!result.targets.isEmpty());
        QCOMPARE(result.targets[0].sessionsAtEnd, 0);
        QCOMPARE(result.targets[0].stateAfter, AdminState::Maint);
        QVERIFY(progress.contains(u"0 session(s) left"_s));
        QCOMPARE(m_audit->record(result.auditIntentId)->action, u"drain-then-maint"_s);
        QVERIFY(waitForState(u"mail"_s, u"mail-01"_s, AdminState::Maint, {u"lb1"_s}));
    }

    void brokenConfigStopsBeforeTheWorker()
    {
        const qint64 before = workerPid(u"web"_s, u"lb1"_s);
        QVERIFY(before > 0);
        const std::optional<ReloadResult> done =
            reloadUnder({u"config-break"_s, u"lb1"_s, u"web"_s}, u"web"_s, {u"lb1"_s}, Mode::Plain);
        QVERIFY(done);
        const ReloadResult &result = *done;
        // A single host has its pre-flight too: refused there, nothing audited.
        QVERIFY(result.refused);
        QCOMPARE(result.refused->code, ErrorCode::PreconditionFailed);
        QVERIFY(!result.ok());
        QCOMPARE(result.hosts.size(), 1);
        const ReloadHostResult &lb1 = result.hosts[0];
        QCOMPARE(lb1.failedPreflightCheck, std::optional(PreflightCheck::ConfigCheck));
        QCOMPARE(lb1.error->code, ErrorCode::ConfigCheckFailed);
        QVERIFY2(!lb1.configCheckOutput.isEmpty(), "HAProxy's output is kept");
        qInfo() << "config check said:" << lb1.error->toString() << lb1.configCheckOutput;
        QCOMPARE(workerPid(u"web"_s, u"lb1"_s), before); // the running worker is untouched
        QCOMPARE(result.auditIntentId, -1);
        QCOMPARE(m_audit->count({}).valueOr(-1), 0);
    }

    void rollingRefusedWhenOneConfigIsBroken()
    {
        const qint64 lb1Before = workerPid(u"api"_s, u"lb1"_s);
        const qint64 lb2Before = workerPid(u"api"_s, u"lb2"_s);
        const std::optional<ReloadResult> done =
            reloadUnder({u"config-break"_s, u"lb2"_s, u"api"_s}, u"api"_s, {}, Mode::Rolling);
        QVERIFY(done);
        const ReloadResult &result = *done;
        QVERIFY(result.refused);
        qInfo() << "refused:" << result.refused->toString();
        QVERIFY(result.refused->message.contains(u"lb2"_s));
        QVERIFY(result.preflight.ran);
        QCOMPARE(result.preflight.failedHosts(), QStringList{u"lb2"_s});
        QVERIFY(!result.preflight.onlyUnreachable());
        QVERIFY(result.preflight.host(u"lb1"_s)->ok());
        const HostPreflight *lb2 = result.preflight.host(u"lb2"_s);
        QCOMPARE(lb2->failure()->check, PreflightCheck::ConfigCheck);
        QCOMPARE(lb2->failure()->error->code, ErrorCode::ConfigCheckFailed);
        // HAProxy's own words, not just ours.
        QVERIFY2(lb2->configCheckOutput.contains(u"unknown keyword"_s),
                 qPrintable(lb2->configCheckOutput));
        QVERIFY2(!lb2->failure()->error->detail.isEmpty(),
                 qPrintable(lb2->failure()->error->toString()));
        // The other checks of lb2 still ran: one pre-flight shows every problem.
        QCOMPARE(lb2->checks[int(PreflightCheck::ServerState)].status, PreflightStatus::Passed);
        for (const ReloadHostResult &h : result.hosts)
            QVERIFY(h.skipped && h.workerPidsAfter.isEmpty());
        QCOMPARE(workerPid(u"api"_s, u"lb1"_s), lb1Before);
        QCOMPARE(workerPid(u"api"_s, u"lb2"_s), lb2Before);
        QCOMPARE(m_audit->count({}).valueOr(-1), 0);
    }

    void rollingRefusedWhenOneHostIsUnreachable()
    {
        const qint64 lb1Before = workerPid(u"mail"_s, u"lb1"_s);
        const std::optional<ReloadResult> done =
            reloadUnder({u"sshd-stop"_s, u"lb2"_s}, u"mail"_s, {}, Mode::Rolling);
        QVERIFY(done);
        const ReloadResult &result = *done;
        QVERIFY(result.refused);
        qInfo() << "refused:" << result.refused->toString();
        QCOMPARE(result.preflight.failedHosts(), QStringList{u"lb2"_s});
        QVERIFY(result.preflight.onlyUnreachable());
        const HostPreflight *lb2 = result.preflight.host(u"lb2"_s);
        QCOMPARE(lb2->failure()->check, PreflightCheck::Reachable);
        QVERIFY(lb2->failure()->error->message.contains(u"lb2 is unreachable"_s));
        QCOMPARE(lb2->checks[int(PreflightCheck::ConfigCheck)].status, PreflightStatus::NotRun);
        QCOMPARE(lb2->checks[int(PreflightCheck::ServerState)].status, PreflightStatus::NotRun);
        QCOMPARE(workerPid(u"mail"_s, u"lb1"_s), lb1Before);
        QCOMPARE(m_audit->count({}).valueOr(-1), 0);
        // Back: the next pre-flight connects afresh instead of repeating the old failure.
        const ReloadResult dry = reload(u"mail"_s, {}, Mode::DryRun);
        QVERIFY2(dry.preflight.ok(), qPrintable(dry.summary()));
    }

    void dryRunChecksAndReloadsNothing()
    {
        const qint64 lb1Before = workerPid(u"shop"_s, u"lb1"_s);
        const qint64 lb2Before = workerPid(u"shop"_s, u"lb2"_s);
        ReloadRunner runner(m_poller.get(), nullptr); // a dry run needs no audit store
        QSignalSpy checks(&runner, &ReloadRunner::preflightCheckFinished);
        QSignalSpy steps(&runner, &ReloadRunner::stepStarted);
        ReloadRequest r;
        r.vip = u"shop"_s;
        r.rolling = true;
        r.dryRun = true; // and no reason
        const ReloadResult passing = waitFor(runner.run(r));
        QVERIFY2(!passing.refused, qPrintable(passing.summary()));
        QVERIFY2(passing.preflight.ok(), qPrintable(passing.summary()));
        QCOMPARE(passing.preflight.hosts.size(), 2);
        for (const HostPreflight &h : passing.preflight.hosts) {
            QCOMPARE(h.checks.size(), 3);
            QVERIFY(h.stateFile.endsWith(u"shop.state"_s));
            QVERIFY(h.servers >= 6);
        }
        QTRY_COMPARE(checks.size(), 6);
        QVERIFY(passing.summary().contains(u"pre-flight passed"_s));

        {
            LabFault broken(m_lab, {u"config-break"_s, u"lb2"_s, u"shop"_s});
            QVERIFY2(broken.injected(), qPrintable(broken.output()));
            const ReloadResult failing = waitFor(runner.run(r));
            QVERIFY(!failing.refused); // a dry run reports, it does not refuse
            QCOMPARE(failing.preflight.failedHosts(), QStringList{u"lb2"_s});
            QVERIFY(failing.summary().contains(u"lb2 config-check"_s));
            QCOMPARE(failing.hosts.size(), 2);
            QCOMPARE(failing.hosts[1].failedPreflightCheck,
                     std::optional(PreflightCheck::ConfigCheck));
        }
        QCOMPARE(steps.size(), 0); // no reload step ever started
        QCOMPARE(workerPid(u"shop"_s, u"lb1"_s), lb1Before);
        QCOMPARE(workerPid(u"shop"_s, u"lb2"_s), lb2Before);
        QCOMPARE(m_audit->count({}).valueOr(-1), 0);
    }

    void concurrentReloadsReportOnlyTheirOwnProgress()
    {
        // Two dialogs start a dry run each at once: each handle reports its
        // own pre-flight and result, never the other's.
        ReloadRunner runner(m_poller.get(), nullptr);
        QSignalSpy all(&runner, &ReloadRunner::preflightCheckFinished);
        struct Run
        {
            QString vip;
            std::shared_ptr<ReloadHandle> handle = ReloadHandle::create();
            std::unique_ptr<QSignalSpy> checks;
            std::unique_ptr<QSignalSpy> finished;
            QFuture<ReloadResult> future;
        };
        Run runs[2];
        runs[0].vip = u"shop"_s;
        runs[1].vip = u"web"_s;
        for (Run &run : runs) {
            run.checks = std::make_unique<QSignalSpy>(run.handle.get(),
                                                      &ReloadHandle::preflightCheckFinished);
            run.finished = std::make_unique<QSignalSpy>(run.handle.get(), &ReloadHandle::finished);
        }
        for (Run &run : runs) {
            ReloadRequest r;
            r.vip = run.vip;
            r.rolling = true;
            r.dryRun = true;
            run.future = runner.run(r, {}, run.handle);
        }
        for (Run &run : runs) {
            const ReloadResult result = waitFor(run.future);
            QVERIFY2(result.preflight.ok(), qPrintable(result.summary()));
            QTRY_COMPARE(run.finished->size(), 1);
            QCOMPARE(run.finished->first().at(0).value<ReloadResult>().request.vip, run.vip);
            QTRY_COMPARE(run.checks->size(), 6); // 2 hosts x 3 checks, its own
        }
        QTRY_COMPARE(all.size(), 12); // the runner's own signals report both
        for (Run &run : runs)
            QCOMPARE(run.checks->size(), 6);
    }

    void forceReloadsThePassingHostsOnly()
    {
        const qint64 lb1Before = workerPid(u"api"_s, u"lb1"_s);
        const qint64 lb2Before = workerPid(u"api"_s, u"lb2"_s);
        const std::optional<ReloadResult> done =
            reloadUnder({u"config-break"_s, u"lb2"_s, u"api"_s}, u"api"_s, {}, Mode::Forced);
        QVERIFY(done);
        const ReloadResult &result = *done;
        QVERIFY2(!result.refused, qPrintable(result.summary()));
        QVERIFY(!result.ok()); // lb2 was not reloaded
        QCOMPARE(result.skippedByPreflight(), QStringList{u"lb2"_s});
        QCOMPARE(result.hosts.size(), 2);
        const ReloadHostResult &lb1 = result.hosts[0];
        const ReloadHostResult &lb2 = result.hosts[1];
        QVERIFY2(lb1.ok, qPrintable(result.summary()));
        QCOMPARE(lb1.workerPidBefore, lb1Before);
        QCOMPARE(workerPid(u"api"_s, u"lb1"_s), lb1.workerPidsAfter.value(0));
        QVERIFY(lb1.workerPidsAfter.value(0) != lb1Before);
        QVERIFY(lb2.skipped);
        QCOMPARE(lb2.failedPreflightCheck, std::optional(PreflightCheck::ConfigCheck));
        QCOMPARE(workerPid(u"api"_s, u"lb2"_s), lb2Before);

        // The audit says forced, and which host the pre-flight skipped and why.
        const Result<AuditRecord> intent = m_audit->record(result.auditIntentId);
        QVERIFY(intent.ok());
        QCOMPARE(intent->targets.size(), 2);
        const QJsonArray before = QJsonDocument::fromJson(intent->stateBefore.toUtf8()).array();
        QCOMPARE(before.size(), 2);
        QCOMPARE(before[0][u"forced"_s].toBool(), true);
        QCOMPARE(before[0][u"preflight"_s].toString(), u"passed"_s);
        QCOMPARE(before[1][u"preflight"_s].toString(), u"failed"_s);
        QVERIFY2(before[1][u"skipped_by_preflight"_s].toString().startsWith(u"config-check: "_s),
                 qPrintable(intent->stateBefore));
        const Result<AuditRecord> completion = m_audit->record(result.auditCompletionId);
        QVERIFY(completion.ok());
        QCOMPARE(completion->results[0].outcome, AuditOutcome::Ok);
        QCOMPARE(completion->results[1].outcome, AuditOutcome::Skipped);
        QVERIFY2(completion->results[1].message.startsWith(
                     u"skipped by pre-flight (forced): config-check: "_s),
                 qPrintable(completion->results[1].message));
        QVERIFY(m_audit->verify().ok() && m_audit->verify()->ok());
    }

    void drainSurvivesReload()
    {
        QVERIFY(apply(request(ServerAction::Drain, u"web-02"_s, u"web"_s, u"lb1"_s)).ok());
        QVERIFY(waitForState(u"web"_s, u"web-02"_s, AdminState::Drain, {u"lb1"_s}));
        const qint64 before = workerPid(u"web"_s, u"lb1"_s);

        ReloadRunner runner(m_poller.get(), m_audit.get());
        QSignalSpy steps(&runner, &ReloadRunner::stepFinished);
        ReloadRequest r;
        r.vip = u"web"_s;
        r.hosts = {u"lb1"_s};
        r.reason = u"lab test: reload"_s;
        const ReloadResult result = waitFor(runner.run(r, u"lab"_s));
        QVERIFY2(result.ok(), qPrintable(result.summary()));
        QCOMPARE(result.hosts.size(), 1);
        const ReloadHostResult &lb1 = result.hosts[0];
        QVERIFY(!lb1.stateFile.isEmpty());
        // The state file now says web-02 is drained: any later start of this
        // HAProxy (another test's haproxy-kill heal) would load the drain
        // again.  Put web-02 back and save the file again, even on failure.
        struct SaveReadyState
        {
            TestOperations *test;
            QString stateFile;
            ~SaveReadyState()
            {
                test->restoreAll();
                const Placement *p = test->m_inventory.placement(u"web"_s, u"lb1"_s);
                const MasterClient master(test->m_poller->transport(u"lb1"_s), p->masterSocket);
                const Result<int> saved = waitFor(master.dumpServerState(stateFile));
                if (!saved)
                    qWarning("could not save web's server state on lb1 again: %s",
                             qPrintable(saved.error().toString()));
            }
        } saveReady{this, lb1.stateFile};
        QVERIFY(lb1.serversSaved >= 3);
        QCOMPARE(lb1.workerPidBefore, before);
        QCOMPARE(lb1.workerPidsAfter.size(), 1);
        QVERIFY(lb1.workerPidsAfter[0] != before);
        QCOMPARE(workerPid(u"web"_s, u"lb1"_s), lb1.workerPidsAfter[0]);
        QTRY_COMPARE(steps.size(), 4);

        // Still drained, read from the new worker.
        const FleetUpdate u = waitFor(m_poller->pollOnce());
        QVERIFY(u.snapshot.haproxy(u"web"_s, u"lb1"_s));
        QVERIFY(findServer(u.snapshot, u"web"_s, u"lb1"_s, u"web-02"_s));
        QVERIFY(findServer(u.snapshot, u"web"_s, u"lb2"_s, u"web-02"_s));
        QCOMPARE(u.snapshot.haproxy(u"web"_s, u"lb1"_s)->pid, lb1.workerPidsAfter[0]);
        QCOMPARE(findServer(u.snapshot, u"web"_s, u"lb1"_s, u"web-02"_s)->adminState(),
                 AdminState::Drain);
        QCOMPARE(findServer(u.snapshot, u"web"_s, u"lb2"_s, u"web-02"_s)->adminState(),
                 AdminState::Ready);
    }

    void rollingReloadOneHostAtATime()
    {
        const qint64 lb1Before = workerPid(u"shop"_s, u"lb1"_s);
        const qint64 lb2Before = workerPid(u"shop"_s, u"lb2"_s);
        ReloadRunner runner(m_poller.get(), m_audit.get());
        QStringList events;
        QMutex mutex;
        connect(
            &runner, &ReloadRunner::hostStarted, this,
            [&](const QString &host) {
                QMutexLocker lock(&mutex);
                events << u"start "_s + host;
            },
            Qt::DirectConnection);
        connect(
            &runner, &ReloadRunner::hostFinished, this,
            [&](const ReloadHostResult &h) {
                QMutexLocker lock(&mutex);
                events << u"end "_s + h.host;
            },
            Qt::DirectConnection);

        ReloadRequest r;
        r.vip = u"shop"_s;
        r.reason = u"lab test: rolling"_s;
        // Several hosts need `rolling`.
        ReloadResult refused = waitFor(runner.run(r));
        QVERIFY(refused.refused);
        QCOMPARE(refused.refused->code, ErrorCode::PreconditionFailed);

        r.rolling = true;
        QFuture<ReloadResult> future = runner.run(r, u"lab"_s);
        // While it runs, no other reload may touch the group.
        QTRY_VERIFY([&] {
            QMutexLocker lock(&mutex);
            return !events.isEmpty();
        }());
        ReloadRunner other(m_poller.get(), m_audit.get());
        ReloadRequest api;
        api.vip = u"api"_s;
        api.hosts = {u"lb2"_s};
        api.reason = u"lab test: concurrent"_s;
        const ReloadResult blocked = waitFor(other.run(api));
        QVERIFY(blocked.refused);
        QCOMPARE(blocked.refused->code, ErrorCode::PreconditionFailed);
        QVERIFY(blocked.refused->message.contains(u"group lab"_s));

        const ReloadResult result = waitFor(future);
        QVERIFY2(result.ok(), qPrintable(result.summary()));
        QCOMPARE(events, QStringList({u"start lb1"_s, u"end lb1"_s, u"start lb2"_s, u"end lb2"_s}));
        QCOMPARE(result.hosts.size(), 2);
        QVERIFY(result.hosts[0].workerPidsAfter.value(0) != lb1Before);
        QVERIFY(result.hosts[1].workerPidsAfter.value(0) != lb2Before);
        QCOMPARE(m_audit->record(result.auditIntentId)->targets.size(), 2);
        QCOMPARE(m_audit->record(result.auditCompletionId)->results.size(), 2);
        QVERIFY(m_audit->verify().ok() && m_audit->verify()->ok());
    }
};

QTEST_GUILESS_MAIN(TestOperations)
#include "tst_operations.moc"
