// HaproxyClient and MasterClient against a real HAProxy 2.6 that this test
// starts in master-worker mode in a temporary directory, reached through
// LocalTransport (the same Transport interface the SSH transport serves).

#include "core/haproxy/haproxyclient.h"
#include "core/haproxy/masterclient.h"
#include "core/haproxy/runtimereply.h"
#include "core/ssh/localtransport.h"
#include "tests/support/testdata.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vipdeck;

namespace {

template <typename T> Result<T> wait(QFuture<Result<T>> future)
{
    future.waitForFinished();
    if (future.resultCount() == 0)
        return Error(ErrorCode::Cancelled, u"no result"_s);
    return future.result();
}

#define VERIFY_OK(result)                                                                          \
    QVERIFY2((result).ok(), qPrintable((result).ok() ? QString() : (result).error().toString()))

quint16 freePort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

} // namespace

class TestHaproxyClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void showInfoAndProc();
    void showStatAndState();
    void pollOneConnection();
    void pollReusesOneStream();
    void pollReopensAfterIdleTimeout();
    void drainReadyMaint();
    void weights();
    void refusals();
    void configCheck();
    void dumpStateAndReload();
    void failedReload();

private:
    QString config(bool broken) const;
    Result<HaproxyPoll> pollNow() const { return wait(m_client->poll()); }

    test::TempDir m_dir;
    QProcess m_haproxy;
    std::unique_ptr<LocalTransport> m_transport;
    std::unique_ptr<HaproxyClient> m_client;
    std::unique_ptr<MasterClient> m_master;
    QString m_stats, m_masterSocket, m_stateFile, m_cfg, m_binary;
    quint16 m_healthPort = 0, m_frontPort = 0, m_deadPort = 0;
};

QString TestHaproxyClient::config(bool broken) const
{
    QString cfg = uR"(global
    stats socket %1 mode 600 level admin
    stats timeout 2s
    server-state-file %2

defaults
    mode http
    timeout connect 1s
    timeout client 5s
    timeout server 5s
    load-server-state-from-file global

frontend fe_health
    bind 127.0.0.1:%3
    http-request return status 200

frontend fe_main
    bind 127.0.0.1:%4
    default_backend web

backend web
    option httpchk GET /
    server s1 127.0.0.1:%3 check inter 200ms
    server s2 127.0.0.1:%3 check inter 200ms
    server s3 127.0.0.1:%5 check inter 200ms
)"_s.arg(m_stats, m_stateFile)
                      .arg(m_healthPort)
                      .arg(m_frontPort)
                      .arg(m_deadPort);
    if (broken)
        cfg += u"    server s4 127.0.0.1:%1 no-such-keyword\n"_s.arg(m_healthPort);
    return cfg;
}

void TestHaproxyClient::initTestCase()
{
    m_binary = QStandardPaths::findExecutable(u"haproxy"_s, {u"/usr/sbin"_s, u"/usr/bin"_s});
    if (m_binary.isEmpty())
        QFAIL("haproxy is not installed: run scripts/deps");
    QVERIFY(m_dir.isValid());
    m_stats = m_dir.filePath(u"stats.sock"_s);
    m_masterSocket = m_dir.filePath(u"master.sock"_s);
    m_stateFile = m_dir.filePath(u"server-state"_s);
    m_healthPort = freePort();
    m_frontPort = freePort();
    m_deadPort = freePort();
    m_cfg = m_dir.write(u"haproxy.cfg"_s, config(false).toUtf8());

    m_haproxy.setProcessChannelMode(QProcess::MergedChannels);
    m_haproxy.start(m_binary, {u"-W"_s, u"-S"_s, m_masterSocket, u"-f"_s, m_cfg});
    QVERIFY(m_haproxy.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(m_stats) && QFile::exists(m_masterSocket), 10000);

    m_transport = std::make_unique<LocalTransport>(u"testhost"_s, std::chrono::seconds(5));
    m_client = std::make_unique<HaproxyClient>(m_transport.get(), m_stats);
    m_master = std::make_unique<MasterClient>(m_transport.get(), m_masterSocket);
    // The master socket's file appears before the master accepts on it (a
    // loaded machine showed "nothing accepts connections" right after).
    QTRY_VERIFY_WITH_TIMEOUT(wait(m_master->showProc()).ok(), 10000);

    // Ready when s1 passed a real check and s3 failed one (not just "UP").
    QTRY_VERIFY_WITH_TIMEOUT(
        [this] {
            auto stat = wait(m_client->showStat());
            if (!stat)
                return false;
            const StatRow *s1 = findStatRow(*stat, u"web"_s, u"s1"_s);
            const StatRow *s3 = findStatRow(*stat, u"web"_s, u"s3"_s);
            return s1 && s3 && s1->checkStatus == u"L7OK"_s && s3->status.raw == u"DOWN"_s;
        }(),
        10000);
}

void TestHaproxyClient::cleanupTestCase()
{
    m_client.reset();
    m_master.reset();
    m_transport.reset();
    if (m_haproxy.state() != QProcess::NotRunning) {
        m_haproxy.terminate(); // SIGTERM to the master, which stops its workers
        if (!m_haproxy.waitForFinished(10000)) {
            m_haproxy.kill();
            m_haproxy.waitForFinished();
        }
    }
}

void TestHaproxyClient::showInfoAndProc()
{
    const auto info = wait(m_client->showInfo());
    VERIFY_OK(info);
    QVERIFY(info->version.startsWith(u"2."_s));
    const auto proc = wait(m_master->showProc());
    VERIFY_OK(proc);
    QCOMPARE(proc->master.pid, m_haproxy.processId());
    QCOMPARE(proc->workers.size(), 1);
    QCOMPARE(proc->workers.constFirst().pid, info->pid);
}

void TestHaproxyClient::showStatAndState()
{
    const auto stat = wait(m_client->showStat());
    VERIFY_OK(stat);
    QCOMPARE(findStatRow(*stat, u"web"_s, u"s1"_s)->status.state, ServerState::Up);
    QCOMPARE(findStatRow(*stat, u"web"_s, u"s3"_s)->status.state, ServerState::Down);
    QCOMPARE(findStatRow(*stat, u"fe_main"_s, u"FRONTEND"_s)->type, StatType::Frontend);
    const auto state = wait(m_client->showServersState(u"web"_s));
    VERIFY_OK(state);
    QCOMPARE(state->size(), 3);
    const auto none = wait(m_client->showServersState(u"nope"_s));
    QVERIFY(!none.ok()); // HAProxy answers "Can't find backend." to an unknown backend
}

void TestHaproxyClient::pollOneConnection()
{
    const auto poll = pollNow();
    VERIFY_OK(poll);
    QVERIFY(poll->info.pid > 0);
    QCOMPARE(poll->stats.size(), 6); // 2 frontends, 1 backend, 3 servers
    QCOMPARE(poll->serverStates.size(), 3);
}

void TestHaproxyClient::pollReusesOneStream()
{
    // Warm polls are requests on the one kept prompt-mode connection: the
    // transport opens nothing, and it is the same HAProxy process.  (HAProxy's
    // CumConns is no witness: the health checks every 200 ms connect to this
    // HAProxy's own fe_health, so it grows whenever the polls span a check.)
    auto first = pollNow();
    VERIFY_OK(first);
    const StreamCounters before = m_transport->streamCounters();
    QCOMPARE(before.open, 1);
    for (int i = 0; i < 5; ++i) {
        const auto poll = pollNow();
        VERIFY_OK(poll);
        QCOMPARE(poll->info.pid, first->info.pid);
        QCOMPARE(poll->stats.size(), 6);
        QCOMPARE(poll->serverStates.size(), 3);
    }
    const StreamCounters after = m_transport->streamCounters();
    QCOMPARE(after.opened, before.opened);
    QCOMPARE(after.reused, before.reused + 5);
    // Several polls in flight at once queue on the stream, one at a time.
    QList<QFuture<Result<HaproxyPoll>>> polls;
    for (int i = 0; i < 8; ++i)
        polls << m_client->poll();
    for (const auto &poll : polls)
        VERIFY_OK(wait(poll));
    QCOMPARE(m_transport->streamCounters().opened, before.opened);
}

void TestHaproxyClient::pollReopensAfterIdleTimeout()
{
    // HAProxy closes the idle stream (`set timeout cli 1` on this session:
    // the `stats timeout` did not always end an idle prompt session in
    // time); the next poll opens a fresh one by itself.
    VERIFY_OK(pollNow());
    const auto shortened = wait(m_transport->streamRequest(
        m_stats, StreamOptions{"prompt\n", promptOpeningLength}, "set timeout cli 1\n",
        [](const QByteArray &received) { return received.endsWith("\n> "); }));
    VERIFY_OK(shortened);
    const StreamCounters before = m_transport->streamCounters();
    QCOMPARE(before.open, 1);
    QTRY_COMPARE_WITH_TIMEOUT(m_transport->streamCounters().open, 0, 10000);
    const auto poll = pollNow();
    VERIFY_OK(poll);
    QCOMPARE(m_transport->streamCounters().opened, before.opened + 1);
    QCOMPARE(m_transport->streamCounters().open, 1);
}

void TestHaproxyClient::drainReadyMaint()
{
    VERIFY_OK(wait(m_client->setServerState(u"web"_s, u"s2"_s, ServerAdminAction::Drain)));
    auto poll = pollNow();
    VERIFY_OK(poll);
    QCOMPARE(findStatRow(poll->stats, u"web"_s, u"s2"_s)->status.state, ServerState::Drain);
    for (const ServerStateRow &row : poll->serverStates) {
        if (row.server == u"s2"_s) {
            QVERIFY(row.isDraining());
            QCOMPARE(row.drainCause(), AdminCause::Operator);
        }
    }
    VERIFY_OK(wait(m_client->setServerState(u"web"_s, u"s2"_s, ServerAdminAction::Maint)));
    poll = pollNow();
    QCOMPARE(findStatRow(poll->stats, u"web"_s, u"s2"_s)->status.state, ServerState::Maint);
    VERIFY_OK(wait(m_client->setServerState(u"web"_s, u"s2"_s, ServerAdminAction::Ready)));
    poll = pollNow();
    QVERIFY(findStatRow(poll->stats, u"web"_s, u"s2"_s)->status.state != ServerState::Maint);
}

void TestHaproxyClient::weights()
{
    VERIFY_OK(wait(m_client->setWeight(u"web"_s, u"s1"_s, 42)));
    const auto weight = wait(m_client->getWeight(u"web"_s, u"s1"_s));
    VERIFY_OK(weight);
    QCOMPARE(weight->current, 42);
    QCOMPARE(weight->initial, 1);
    VERIFY_OK(wait(m_client->setWeight(u"web"_s, u"s1"_s, 1)));
}

void TestHaproxyClient::refusals()
{
    auto noServer = wait(m_client->setServerState(u"web"_s, u"nope"_s, ServerAdminAction::Drain));
    QVERIFY(!noServer.ok());
    QCOMPARE(noServer.error().code, ErrorCode::NoSuchServer);
    QVERIFY(noServer.error().where.startsWith(u"testhost:"_s));
    auto noBackend = wait(m_client->setWeight(u"nope"_s, u"s1"_s, 3));
    QCOMPARE(noBackend.error().code, ErrorCode::NoSuchBackend);
    auto noWeight = wait(m_client->getWeight(u"web"_s, u"nope"_s));
    QCOMPARE(noWeight.error().code, ErrorCode::NoSuchServer);
    auto evil = wait(m_client->setServerState(u"web"_s, u"s1;shutdown sessions server web/s2"_s,
                                              ServerAdminAction::Maint));
    QCOMPARE(evil.error().code, ErrorCode::InvalidName);
    auto range = wait(m_client->setWeight(u"web"_s, u"s1"_s, 300));
    QCOMPARE(range.error().code, ErrorCode::InvalidArgument);
    HaproxyClient missing(m_transport.get(), m_dir.filePath(u"missing.sock"_s));
    QVERIFY(!wait(missing.showInfo()).ok());
}

void TestHaproxyClient::configCheck()
{
    const auto ok = wait(m_master->configCheck(m_binary, m_cfg));
    VERIFY_OK(ok);
    const QString broken = m_dir.write(u"broken.cfg"_s, config(true).toUtf8());
    const auto failed = wait(m_master->configCheck(m_binary, broken));
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().code, ErrorCode::ConfigCheckFailed);
    QVERIFY2(failed.error().message.contains(u"no-such-keyword"_s),
             qPrintable(failed.error().toString()));
}

void TestHaproxyClient::dumpStateAndReload()
{
    VERIFY_OK(wait(m_client->setServerState(u"web"_s, u"s2"_s, ServerAdminAction::Drain)));
    const auto saved = wait(m_master->dumpServerState(m_stateFile));
    VERIFY_OK(saved);
    QCOMPARE(*saved, 3);
    QFile file(m_stateFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const auto rows = parseShowServersState(file.readAll());
    VERIFY_OK(rows);
    QCOMPARE(rows->size(), 3);

    const auto before = wait(m_master->showProc());
    VERIFY_OK(before);
    VERIFY_OK(pollNow()); // the kept stream is open to the old worker now
    const quint64 openedBefore = m_transport->streamCounters().opened;
    const auto outcome = wait(m_master->reload(std::chrono::seconds(20)));
    VERIFY_OK(outcome);
    QCOMPARE(outcome->newWorkerPids.size(), 1);
    // The old worker still answers on the kept stream ("Stopping: 1"): the
    // very first poll after the reload must already see the new worker.
    const auto first = pollNow();
    VERIFY_OK(first);
    QCOMPARE(first->info.pid, outcome->newWorkerPids.constFirst());
    QCOMPARE(first->info.stopping, 0);
    QVERIFY(m_transport->streamCounters().opened > openedBefore);
    QVERIFY(outcome->newWorkerPids.constFirst() != before->workers.constFirst().pid);
    QCOMPARE(outcome->after.master.reloads, before->master.reloads + 1);

    // The drain survived the reload: the new worker loaded the state file.
    const qint64 newWorker = outcome->newWorkerPids.constFirst();
    const auto drainedInNewWorker = [this, newWorker] {
        auto poll = pollNow();
        return poll && poll->info.pid == newWorker &&
               findStatRow(poll->stats, u"web"_s, u"s2"_s)->status.state == ServerState::Drain;
    };
    QTRY_VERIFY_WITH_TIMEOUT(drainedInNewWorker(), 10000);
    VERIFY_OK(wait(m_client->setServerState(u"web"_s, u"s2"_s, ServerAdminAction::Ready)));
    QVERIFY(!wait(m_master->dumpServerState(u"relative/path"_s)).ok());
}

void TestHaproxyClient::failedReload()
{
    const auto before = wait(m_master->showProc());
    VERIFY_OK(before);
    m_dir.write(u"haproxy.cfg"_s, config(true).toUtf8());
    const auto outcome = wait(m_master->reload(std::chrono::seconds(20)));
    m_dir.write(u"haproxy.cfg"_s, config(false).toUtf8());
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.error().code, ErrorCode::ReloadFailed);
    const auto after = wait(m_master->showProc());
    VERIFY_OK(after);
    QCOMPARE(after->master.failedReloads, before->master.failedReloads + 1);
    QCOMPARE(after->workers.constFirst().pid, before->workers.constFirst().pid); // still serving
    VERIFY_OK(wait(m_client->showInfo()));
}

QTEST_GUILESS_MAIN(TestHaproxyClient)
#include "tst_haproxyclient.moc"
