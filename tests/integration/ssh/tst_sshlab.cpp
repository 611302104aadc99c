// SshTransport against the lab's real sshds, HAProxy and BIRD: streamlocal
// requests, exec, glob, typed errors from real refusals, many channels on one
// connection, and the faults (socket-deny, sshd-freeze, sshd-stop,
// hostkey-replace), and HaproxyClient's polls on kept prompt-mode streams:
// reused across polls, reopened after HAProxy closes them, after a reload
// and after sshd restarts, while a frozen host still times out alone.

#include "core/haproxy/haproxyclient.h"
#include "core/haproxy/masterclient.h"
#include "core/haproxy/runtimereply.h"
#include "core/inventory/inventoryloader.h"
#include "core/ssh/knownhosts.h"
#include "core/ssh/sshtransport.h"
#include "tests/support/futurewait.h"
#include "tests/support/lab.h"
#include "tests/support/testdata.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

#include <csignal>
#include <sys/types.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace vipdeck;
using vipdeck::test::errorText;
using vipdeck::test::waitForResult;

namespace {

bool endsWithBirdReply(const QByteArray &received)
{
    // After the greeting line, the reply ends with a line "DDDD text" (a space
    // after the code).
    const qsizetype greetingEnd = received.indexOf('\n');
    if (greetingEnd < 0)
        return false;
    static const QRegularExpression last(u"(^|\\n)\\d{4} [^\\n]*\\n$"_s);
    return last.match(QString::fromUtf8(received.mid(greetingEnd + 1))).hasMatch();
}

// Every descendant of `pid` (an sshd listener's per-connection processes).
QList<qint64> descendantsOf(qint64 pid)
{
    QMultiHash<qint64, qint64> children;
    for (const QString &entry : QDir(u"/proc"_s).entryList(QDir::Dirs)) {
        bool numeric = false;
        const qint64 child = entry.toLongLong(&numeric);
        if (!numeric)
            continue;
        QFile stat(u"/proc/"_s + entry + u"/stat"_s);
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1)
            children.insert(fields.at(1).toLongLong(), child);
    }
    QList<qint64> found;
    QList<qint64> todo{pid};
    while (!todo.isEmpty()) {
        for (const qint64 child : children.values(todo.takeFirst())) {
            found << child;
            todo << child;
        }
    }
    return found;
}

// Freezes a host's established SSH sessions (the lab's sshd-freeze fault
// stops only the listener, which new connections hit); thawed on scope exit.
class FrozenSessions
{
public:
    explicit FrozenSessions(qint64 listenerPid)
        : m_pids(descendantsOf(listenerPid))
    {
        for (const qint64 pid : m_pids)
            ::kill(pid_t(pid), SIGSTOP);
    }
    ~FrozenSessions()
    {
        for (const qint64 pid : m_pids)
            ::kill(pid_t(pid), SIGCONT);
    }
    FrozenSessions(const FrozenSessions &) = delete;
    FrozenSessions &operator=(const FrozenSessions &) = delete;
    qsizetype size() const { return m_pids.size(); }

private:
    QList<qint64> m_pids;
};

} // namespace

#define VERIFY_OK_RESULT(expr)                                                                     \
    do {                                                                                           \
        const auto verifyOkResult = (expr);                                                        \
        QVERIFY(verifyOkResult);                                                                   \
        QVERIFY2(verifyOkResult->ok(), errorText(*verifyOkResult).constData());                    \
    } while (false)

class TestSshLab : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void showInfoOverStreamLocal();
    void promptModeEndsByCompletion();
    void birdControlSocket();
    void execHaproxyVersion();
    void literalAddressIsNotLookedUp();
    void execOutputsAndExitStatus();
    void execArgumentsArriveVerbatim();
    void globFindsStatsSockets();
    void manyConcurrentRequestsOnOneConnection();
    void compressionIsAgreedAndLossless();
    void missingSocket();
    void permissionDeniedOnSocket();
    void frozenSshdTimesOutWhileOtherHostAnswers();
    void stoppedSshdReconnects();
    void replacedHostKeyIsRefused();
    void unknownHostKeyThenTrust();
    void hashedKnownHosts();
    void keptStreamsAreReusedAcrossPolls();
    void keptStreamReopensAfterHaproxyClosedIt();
    void keptStreamFollowsHaproxyReload();
    void keptStreamsSurviveSshdRestart();
    void frozenHostTimesOutOnKeptStreams();

private:
    QStringList statsSockets(const QString &host) const;
    SshTransportOptions options(const QString &host) const;
    QString statsSocket(const QString &host, const QString &vip) const;

    test::Lab m_lab;
    std::optional<Inventory> m_inventory;
    QJsonObject m_state;
};

void TestSshLab::initTestCase()
{
    m_lab = test::Lab::fromEnvironment();
    if (!m_lab.isAvailable())
        QFAIL("needs the lab: run through ctest (fixture lab) or set VIPDECK_LAB_DIR");
    LoadedInventory loaded = loadInventory(m_lab.fleetFile());
    QVERIFY2(loaded.ok(), qPrintable(loaded.diagnostics.value(0).toString()));
    m_inventory = loaded.inventory;
    m_state = m_lab.state();
    QVERIFY(m_inventory->hosts().size() >= 2);
}

SshTransportOptions TestSshLab::options(const QString &host) const
{
    SshTransportOptions options = SshTransportOptions::fromHost(*m_inventory->host(host));
    options.useSshConfig = false; // this machine's ~/.ssh/config is not part of the test
    options.reconnectInitialDelay = 200ms;
    options.reconnectMaxDelay = 1s;
    options.keepaliveInterval = 2s;
    options.maxStreamAge = 1h; // reuse counts must not depend on the machine's speed
    return options;
}

QString TestSshLab::statsSocket(const QString &host, const QString &vip) const
{
    return m_inventory->placement(vip, host)->statsSocket;
}

void TestSshLab::showInfoOverStreamLocal()
{
    SshTransport transport(options(u"lb1"_s));
    const auto result =
        waitForResult(transport.request(statsSocket(u"lb1"_s, u"web"_s), "show info\n"));
    QVERIFY(result);
    QVERIFY2(result->ok(), errorText(*result).constData());
    QVERIFY(result->value().contains("Name: HAProxy"));
    QVERIFY(result->value().contains("Version: 2.6"));
    QCOMPARE(transport.status().state, TransportState::Connected);
}

void TestSshLab::promptModeEndsByCompletion()
{
    SshTransport transport(options(u"lb1"_s));
    // In prompt mode HAProxy keeps the connection open: only the completion ends the call.
    const auto result = waitForResult(transport.request(
        statsSocket(u"lb1"_s, u"web"_s), "prompt\nshow info\n",
        [](const QByteArray &received) {
            return received.count("\n> ") >= 1 && received.contains("Uptime");
        },
        5s));
    QVERIFY(result);
    QVERIFY2(result->ok(), errorText(*result).constData());
    QVERIFY(result->value().endsWith("\n> "));
}

void TestSshLab::birdControlSocket()
{
    SshTransport transport(options(u"lb2"_s));
    const QString socket = m_inventory->host(u"lb2"_s)->birdSocket;
    const auto result =
        waitForResult(transport.request(socket, "show status\n", &endsWithBirdReply, 5s));
    QVERIFY(result);
    QVERIFY2(result->ok(), errorText(*result).constData());
    QVERIFY2(result->value().contains("0013 Daemon is up and running"),
             result->value().constData());
}

void TestSshLab::execHaproxyVersion()
{
    SshTransport transport(options(u"lb1"_s));
    const auto result = waitForResult(transport.exec({u"haproxy"_s, u"-v"_s}));
    QVERIFY(result);
    QVERIFY2(result->ok(), errorText(*result).constData());
    QCOMPARE(result->value().exitCode, 0);
    QVERIFY(result->value().standardOutput.contains("HAProxy version 2.6"));
}

namespace {

// The "resolving NAME" lines the transports log (vipdeck.ssh, debug) while
// one of these is alive, from whichever thread.
class ResolverLog
{
public:
    ResolverLog()
    {
        QLoggingCategory::setFilterRules(u"vipdeck.ssh.debug=true"_s);
        s_lines.clear();
        s_previous = qInstallMessageHandler(&ResolverLog::handle);
    }
    ~ResolverLog()
    {
        qInstallMessageHandler(s_previous);
        QLoggingCategory::setFilterRules(QString());
    }
    QStringList lines() const
    {
        QMutexLocker lock(&s_mutex);
        return s_lines;
    }

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        if (qstrcmp(context.category, "vipdeck.ssh") == 0 && message.startsWith(u"resolving"_s)) {
            QMutexLocker lock(&s_mutex);
            s_lines << message;
        }
        if (s_previous)
            s_previous(type, context, message);
    }

    static inline QMutex s_mutex;
    static inline QStringList s_lines;
    static inline QtMessageHandler s_previous = nullptr;
};

} // namespace

void TestSshLab::literalAddressIsNotLookedUp()
{
    // QHostInfo asks the resolver for the name of a literal address (a PTR
    // query; on a network with a slow resolver every connect would wait for
    // it).  The lab's hosts are literal addresses: the transport connects
    // without a lookup.
    const ResolverLog log;
    const SshTransportOptions literal = options(u"lb1"_s);
    QVERIFY2(!QHostAddress(literal.address).isNull(), qPrintable(literal.address));
    {
        SshTransport transport(literal);
        const auto result = waitForResult(transport.exec({u"true"_s}));
        QVERIFY(result);
        QVERIFY2(result->ok(), errorText(*result).constData());
    }
    QCOMPARE(log.lines(), QStringList());

    // A name is looked up, and the log shows it (what the check above would
    // see if a literal address were looked up too).  Whatever answers on
    // localhost at that port does not matter: the lookup comes first.
    SshTransportOptions named = literal;
    named.address = u"localhost"_s;
    SshTransport transport(named);
    transport.connectToHost();
    QTRY_VERIFY_WITH_TIMEOUT(!log.lines().isEmpty(), 10000);
    QVERIFY2(log.lines().constFirst().contains(u"localhost"_s),
             qPrintable(log.lines().join(u'\n')));
}

void TestSshLab::execOutputsAndExitStatus()
{
    SshTransport transport(options(u"lb1"_s));
    const auto result =
        waitForResult(transport.exec({u"sh"_s, u"-c"_s, u"echo out; echo err >&2; exit 7"_s}));
    QVERIFY(result);
    QVERIFY2(result->ok(), errorText(*result).constData());
    QCOMPARE(result->value().exitCode, 7);
    QCOMPARE(result->value().standardOutput, "out\n");
    QCOMPARE(result->value().standardError, "err\n");
}

void TestSshLab::execArgumentsArriveVerbatim()
{
    SshTransport transport(options(u"lb1"_s));
    const QString evil = u"a'b\"; $(touch /tmp/vipdeck-pwned) `id` \n|& *"_s;
    const auto result = waitForResult(transport.exec({u"printf"_s, u"%s"_s, evil}));
    QVERIFY(result);
    QVERIFY2(result->ok(), errorText(*result).constData());
    QCOMPARE(QString::fromUtf8(result->value().standardOutput), evil);
    QVERIFY(!QFile::exists(u"/tmp/vipdeck-pwned"_s));
}

void TestSshLab::globFindsStatsSockets()
{
    SshTransport transport(options(u"lb1"_s));
    const QString web = statsSocket(u"lb1"_s, u"web"_s);
    const QString pattern = QFileInfo(web).path() + u"/*.sock"_s;
    const auto result = waitForResult(transport.glob(pattern));
    QVERIFY(result);
    QVERIFY2(result->ok(), errorText(*result).constData());
    QVERIFY2(result->value().contains(web), qPrintable(result->value().join(u' ')));
    for (const QString &vip : {u"api"_s, u"mail"_s, u"shop"_s})
        QVERIFY(result->value().contains(statsSocket(u"lb1"_s, vip)));
    const auto none = waitForResult(transport.glob(QFileInfo(web).path() + u"/*.nothing"_s));
    QVERIFY(none && none->ok());
    QVERIFY(none->value().isEmpty());
}

void TestSshLab::manyConcurrentRequestsOnOneConnection()
{
    SshTransport transport(options(u"lb1"_s));
    QSignalSpy statusSpy(&transport, &Transport::statusChanged);
    const QStringList vips{u"web"_s, u"api"_s, u"mail"_s, u"shop"_s};
    QList<QFuture<Result<QByteArray>>> futures;
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < 200; ++i)
        futures.append(transport.request(statsSocket(u"lb1"_s, vips.at(i % 4)), "show stat\n"));
    // Exec channels at the same time, more than sshd's MaxSessions (10).
    QList<QFuture<Result<ExecResult>>> execs;
    for (int i = 0; i < 16; ++i)
        execs.append(transport.exec({u"echo"_s, QString::number(i)}));
    for (const auto &future : futures) {
        const auto result = waitForResult(future, 30s);
        QVERIFY(result);
        QVERIFY2(result->ok(), errorText(*result).constData());
        QVERIFY(result->value().startsWith("# pxname,svname,"));
    }
    for (int i = 0; i < execs.size(); ++i) {
        const auto result = waitForResult(execs.at(i), 30s);
        QVERIFY(result);
        QVERIFY2(result->ok(), errorText(*result).constData());
        QCOMPARE(result->value().standardOutput, QByteArray::number(i) + '\n');
    }
    qInfo("200 show stat + 16 exec on one connection: %lld ms", clock.elapsed());
    // One connection throughout: Connecting, Connected, nothing else.
    QCOMPARE(transport.status().state, TransportState::Connected);
    QCOMPARE(transport.status().reconnectAttempts, 0);
    QTRY_COMPARE_WITH_TIMEOUT(statusSpy.size(), 2, 2000);
}

void TestSshLab::compressionIsAgreedAndLossless()
{
    // A reply of many packets (about 2 MB of text): every byte arrives as
    // sent through zlib, and the count of lines proves nothing was dropped.
    QByteArray expected;
    for (int i = 1; i <= 300000; ++i)
        expected += QByteArray::number(i) + '\n';
    for (const bool compression : {true, false}) {
        SshTransportOptions opts = options(u"lb1"_s);
        opts.compression = compression;
        SshTransport transport(opts);
        QVERIFY(transport.status().compression.isEmpty());
        const auto result =
            waitForResult(transport.exec({u"seq"_s, u"1"_s, u"300000"_s}, 30s, 8 << 20), 40s);
        QVERIFY(result);
        QVERIFY2(result->ok(), errorText(*result).constData());
        QCOMPARE(result->value().exitCode, 0);
        QCOMPARE(result->value().standardOutput.size(), expected.size());
        QVERIFY(result->value().standardOutput == expected);
        QCOMPARE(transport.status().compression, compression ? u"zlib@openssh.com"_s : u"none"_s);
        // A stats socket's reply on the same connection.
        const auto stat =
            waitForResult(transport.request(statsSocket(u"lb1"_s, u"web"_s), "show stat\n"));
        QVERIFY(stat);
        QVERIFY2(stat->ok(), errorText(*stat).constData());
        QVERIFY(stat->value().startsWith("# pxname,svname,"));
    }
}

void TestSshLab::missingSocket()
{
    SshTransport transport(options(u"lb1"_s));
    const QString path = QFileInfo(statsSocket(u"lb1"_s, u"web"_s)).path() + u"/nothing.sock"_s;
    const auto result = waitForResult(transport.request(path, "show info\n"));
    QVERIFY(result);
    QVERIFY(!result->ok());
    QCOMPARE(result->error().code, ErrorCode::NoSuchSocket);
    QCOMPARE(result->error().where, u"lb1:"_s + path);
    QVERIFY(!result->error().detail.isEmpty()); // what libssh2 reported
    qInfo("%s", qPrintable(result->error().toString() + u" [" + result->error().detail + u']'));
}

void TestSshLab::permissionDeniedOnSocket()
{
    SshTransport transport(options(u"lb1"_s));
    test::LabFault fault(m_lab, {u"socket-deny"_s, u"lb1"_s, u"web"_s});
    QVERIFY2(fault.injected(), qPrintable(fault.output()));
    const auto result =
        waitForResult(transport.request(statsSocket(u"lb1"_s, u"web"_s), "show info\n"));
    QVERIFY(result);
    QVERIFY(!result->ok());
    QCOMPARE(result->error().code, ErrorCode::PermissionDenied);
    QVERIFY(result->error().message.contains(u"mode 0"_s));
    QVERIFY(!result->error().hint.isEmpty());
    qInfo("%s", qPrintable(result->error().toString()));
    // Another VIP's socket on the same connection still answers.
    const auto other =
        waitForResult(transport.request(statsSocket(u"lb1"_s, u"api"_s), "show info\n"));
    QVERIFY(other && other->ok());
}

void TestSshLab::frozenSshdTimesOutWhileOtherHostAnswers()
{
    SshTransport lb2(options(u"lb2"_s));
    QVERIFY(waitForResult(lb2.request(statsSocket(u"lb2"_s, u"web"_s), "show info\n"))->ok());

    test::LabFault fault(m_lab, {u"sshd-freeze"_s, u"lb1"_s});
    QVERIFY2(fault.injected(), qPrintable(fault.output()));
    SshTransportOptions frozenOptions = options(u"lb1"_s);
    frozenOptions.ssh.connectTimeout = 8s;
    SshTransport lb1(frozenOptions);
    QElapsedTimer clock;
    clock.start();
    const auto hung = lb1.request(statsSocket(u"lb1"_s, u"web"_s), "show info\n", {}, 10s);
    // lb2 keeps answering while lb1 hangs: all five answers come before lb1's
    // connect timeout could have freed anything that lb2 might wait for.
    for (int i = 0; i < 5; ++i) {
        const auto answer =
            waitForResult(lb2.request(statsSocket(u"lb2"_s, u"web"_s), "show info\n"));
        QVERIFY(answer && answer->ok());
    }
    QVERIFY2(clock.elapsed() < 7500, qPrintable(QString::number(clock.elapsed())));
    const auto result = waitForResult(hung, 30s);
    QVERIFY(result);
    QVERIFY(!result->ok());
    QCOMPARE(result->error().code, ErrorCode::Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(lb1.status().state, TransportState::Failed, 20000);
    QCOMPARE(lb1.status().lastError.code, ErrorCode::Timeout);
    qInfo("%s", qPrintable(lb1.status().lastError.toString()));
}

void TestSshLab::stoppedSshdReconnects()
{
    SshTransport transport(options(u"lb1"_s));
    QVERIFY(waitForResult(transport.request(statsSocket(u"lb1"_s, u"web"_s), "show info\n"))->ok());
    {
        test::LabFault fault(m_lab, {u"sshd-stop"_s, u"lb1"_s});
        QVERIFY2(fault.injected(), qPrintable(fault.output()));
        // The drop is noticed without any request (EOF on the idle connection).
        QTRY_VERIFY_WITH_TIMEOUT(transport.status().state != TransportState::Connected, 10000);
        const auto refused = waitForResult(
            transport.request(statsSocket(u"lb1"_s, u"web"_s), "show info\n", {}, 3s));
        QVERIFY(refused && !refused->ok());
        qInfo("while stopped: %s", qPrintable(refused->error().toString()));
    } // healed: sshd runs again
    QTRY_COMPARE_WITH_TIMEOUT(transport.status().state, TransportState::Connected, 15000);
    const auto again =
        waitForResult(transport.request(statsSocket(u"lb1"_s, u"web"_s), "show info\n"));
    QVERIFY(again);
    QVERIFY2(again->ok(), errorText(*again).constData());
}

void TestSshLab::replacedHostKeyIsRefused()
{
    test::LabFault fault(m_lab, {u"hostkey-replace"_s, u"lb1"_s});
    QVERIFY2(fault.injected(), qPrintable(fault.output()));
    SshTransport transport(options(u"lb1"_s));
    const auto result =
        waitForResult(transport.request(statsSocket(u"lb1"_s, u"web"_s), "show info\n"));
    QVERIFY(result);
    QVERIFY(!result->ok());
    QCOMPARE(result->error().code, ErrorCode::HostKeyChanged);
    // It names the known_hosts line to look at.
    QVERIFY2(result->error().message.contains(m_lab.knownHostsFile() + u':'),
             qPrintable(result->error().message));
    const TransportStatus status = transport.status();
    QCOMPARE(status.state, TransportState::Failed);
    QVERIFY(!status.offeredHostKey.isNull());
    QVERIFY(status.offeredHostKey.fingerprint.startsWith(u"SHA256:"_s));
    // trust refuses to replace it.
    const auto trusted = trustHostKey(m_lab.knownHostsFile(), status.offeredHostKey.host,
                                      status.offeredHostKey.port, status.offeredHostKey.keyBlob);
    QVERIFY(!trusted.ok());
    QCOMPARE(trusted.error().code, ErrorCode::HostKeyChanged);
    qInfo("%s", qPrintable(result->error().toString()));
}

void TestSshLab::unknownHostKeyThenTrust()
{
    test::TempDir dir;
    SshTransportOptions opts = options(u"lb2"_s);
    opts.ssh.knownHosts = dir.filePath(u"known_hosts"_s); // does not exist yet
    SshTransport transport(opts);
    const auto refused =
        waitForResult(transport.request(statsSocket(u"lb2"_s, u"web"_s), "show info\n"));
    QVERIFY(refused && !refused->ok());
    QCOMPARE(refused->error().code, ErrorCode::HostKeyUnknown);
    QVERIFY(refused->error().message.contains(u"SHA256:"_s));

    const auto key = waitForResult(transport.fetchHostKey());
    QVERIFY(key && key->ok());
    QCOMPARE(key->value().keyType, u"ssh-ed25519"_s);
    QCOMPARE(key->value(), transport.status().offeredHostKey);
    QVERIFY(refused->error().message.contains(key->value().fingerprint));

    QCOMPARE(key->value().knownHostsFile, opts.ssh.knownHosts);
    QVERIFY(trustHostKey(key->value().knownHostsFile, key->value().host, key->value().port,
                         key->value().keyBlob)
                .ok());
    transport.reconnectNow();
    QTRY_COMPARE_WITH_TIMEOUT(transport.status().state, TransportState::Connected, 10000);
    const auto answer =
        waitForResult(transport.request(statsSocket(u"lb2"_s, u"web"_s), "show info\n"));
    QVERIFY(answer && answer->ok());
}

void TestSshLab::hashedKnownHosts()
{
    test::TempDir dir;
    const QString hashed = dir.filePath(u"known_hosts"_s);
    QVERIFY(QFile::copy(m_lab.knownHostsFile(), hashed));
    QCOMPARE(QProcess::execute(u"ssh-keygen"_s, {u"-q"_s, u"-H"_s, u"-f"_s, hashed}), 0);
    QVERIFY(QFile(hashed).open(QIODevice::ReadOnly));
    SshTransportOptions opts = options(u"lb1"_s);
    opts.ssh.knownHosts = hashed;
    SshTransport transport(opts);
    const auto answer =
        waitForResult(transport.request(statsSocket(u"lb1"_s, u"web"_s), "show info\n"));
    QVERIFY(answer);
    QVERIFY2(answer->ok(), errorText(*answer).constData());
}

QStringList TestSshLab::statsSockets(const QString &host) const
{
    QStringList sockets;
    for (const Vip *vip : m_inventory->vipsOnHost(host))
        sockets << statsSocket(host, vip->name);
    return sockets;
}

void TestSshLab::keptStreamsAreReusedAcrossPolls()
{
    // Every VIP of lb1, polled three times: each socket's stream is opened
    // once and then only carries requests.
    SshTransport transport(options(u"lb1"_s));
    const QStringList sockets = statsSockets(u"lb1"_s);
    QVERIFY(sockets.size() >= 2);
    QHash<QString, qint64> workerPid;
    for (int round = 0; round < 3; ++round) {
        QList<QFuture<Result<HaproxyPoll>>> polls;
        for (const QString &socket : sockets)
            polls << HaproxyClient(&transport, socket).poll();
        for (qsizetype i = 0; i < polls.size(); ++i) {
            const auto poll = waitForResult(polls.at(i));
            QVERIFY(poll);
            QVERIFY2(poll->ok(), errorText(*poll).constData());
            QVERIFY(!(*poll)->stats.isEmpty());
            QCOMPARE((*poll)->info.stopping, 0);
            if (round == 0)
                workerPid[sockets.at(i)] = (*poll)->info.pid;
            QCOMPARE((*poll)->info.pid, workerPid.value(sockets.at(i)));
        }
        const StreamCounters counters = transport.streamCounters();
        QCOMPARE(counters.opened, quint64(sockets.size()));
        QCOMPARE(counters.reused, quint64(round * sockets.size()));
        QCOMPARE(counters.reopened, quint64(0));
    }
    QTRY_COMPARE(transport.streamCounters().open, int(sockets.size()));
}

void TestSshLab::keptStreamReopensAfterHaproxyClosedIt()
{
    // `set timeout cli` shortens the idle timeout of this one CLI session (the
    // lab's stats timeout is 10 minutes): HAProxy closes the idle stream, the
    // transport notices the EOF and frees the channel; the next poll opens
    // a fresh one by itself.
    SshTransport transport(options(u"lb1"_s));
    const QString socket = statsSocket(u"lb1"_s, u"web"_s);
    HaproxyClient client(&transport, socket);
    VERIFY_OK_RESULT(waitForResult(client.poll()));
    const StreamOptions prompt{"prompt\n", promptOpeningLength};
    const auto shortened = waitForResult(transport.streamRequest(
        socket, prompt, "set timeout cli 1\n",
        [](const QByteArray &received) { return received.endsWith("\n> "); }));
    QVERIFY(shortened && shortened->ok());
    QCOMPARE(shortened->value(), "\n> "_ba); // a silent success
    QCOMPARE(transport.streamCounters().open, 1);
    QTRY_COMPARE_WITH_TIMEOUT(transport.streamCounters().open, 0, 10000);
    const auto again = waitForResult(client.poll());
    QVERIFY(again);
    QVERIFY2(again->ok(), errorText(*again).constData());
    QCOMPARE(transport.streamCounters().opened, quint64(2));
}

void TestSshLab::keptStreamFollowsHaproxyReload()
{
    // After a reload the old worker still answers a stream opened before it
    // (Stopping: 1); the first poll after the reload must reach the new one.
    SshTransport transport(options(u"lb2"_s));
    const Placement *placement = m_inventory->placement(u"api"_s, u"lb2"_s);
    HaproxyClient client(&transport, placement->statsSocket);
    const auto before = waitForResult(client.poll());
    QVERIFY(before && before->ok());
    MasterClient master(&transport, placement->masterSocket);
    const auto reloaded = waitForResult(master.reload(20s), 30s);
    QVERIFY(reloaded);
    QVERIFY2(reloaded->ok(), errorText(*reloaded).constData());
    QCOMPARE((*reloaded)->newWorkerPids.size(), 1);
    const auto after = waitForResult(client.poll());
    QVERIFY(after);
    QVERIFY2(after->ok(), errorText(*after).constData());
    QCOMPARE((*after)->info.pid, (*reloaded)->newWorkerPids.constFirst());
    QCOMPARE((*after)->info.stopping, 0);
    QVERIFY((*after)->info.pid != (*before)->info.pid);
    // The old worker is let go: no client of ours holds it any more.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const auto proc = waitForResult(master.showProc());
            return proc && proc->ok() && (*proc)->oldWorkers.isEmpty();
        }(),
        8000); // before the lab's hard-stop-after (10 s) would end it anyway
}

void TestSshLab::keptStreamsSurviveSshdRestart()
{
    SshTransport transport(options(u"lb1"_s));
    HaproxyClient client(&transport, statsSocket(u"lb1"_s, u"mail"_s));
    VERIFY_OK_RESULT(waitForResult(client.poll()));
    QCOMPARE(transport.streamCounters().open, 1);
    {
        test::LabFault fault(m_lab, {u"sshd-stop"_s, u"lb1"_s});
        QVERIFY2(fault.injected(), qPrintable(fault.output()));
        QTRY_VERIFY_WITH_TIMEOUT(transport.status().state != TransportState::Connected, 10000);
        QCOMPARE(transport.streamCounters().open, 0); // the kept channels went with the session
    }
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const auto poll = waitForResult(client.poll(), 10s);
            return poll && poll->ok();
        }(),
        20000);
    QCOMPARE(transport.streamCounters().opened, quint64(2));
    QCOMPARE(transport.streamCounters().open, 1);
}

void TestSshLab::frozenHostTimesOutOnKeptStreams()
{
    SshTransportOptions frozenOptions = options(u"lb1"_s);
    frozenOptions.ssh.commandTimeout = 8s;
    frozenOptions.keepaliveInterval = 10s; // the requests' timeout ends them, not a dead connection
    SshTransport lb1(frozenOptions);
    SshTransport lb2(options(u"lb2"_s));
    const QStringList lb1Sockets = statsSockets(u"lb1"_s);
    const QStringList lb2Sockets = statsSockets(u"lb2"_s);
    const auto pollAll = [](Transport *transport, const QStringList &sockets) {
        QList<QFuture<Result<HaproxyPoll>>> polls;
        for (const QString &socket : sockets)
            polls << HaproxyClient(transport, socket).poll();
        return polls;
    };
    for (const auto &poll : pollAll(&lb1, lb1Sockets) + pollAll(&lb2, lb2Sockets))
        VERIFY_OK_RESULT(waitForResult(poll)); // every stream open and warm

    QList<QFuture<Result<HaproxyPoll>>> hung;
    {
        test::LabFault fault(m_lab, {u"sshd-freeze"_s, u"lb1"_s});
        QVERIFY2(fault.injected(), qPrintable(fault.output()));
        const qint64 listener = m_lab.state()
                                    .value(u"processes"_s)
                                    .toObject()
                                    .value(u"lb1/sshd"_s)
                                    .toObject()
                                    .value(u"pid"_s)
                                    .toInteger();
        QVERIFY(listener > 0);
        const FrozenSessions sessions(listener); // our connection's sshd processes too
        QVERIFY(sessions.size() > 0);
        QElapsedTimer clock;
        clock.start();
        hung = pollAll(&lb1, lb1Sockets);
        // Three rounds on lb2, all before lb1's command timeout could have
        // freed anything lb2 might wait for.
        for (int i = 0; i < 3; ++i) {
            for (const auto &poll : pollAll(&lb2, lb2Sockets))
                VERIFY_OK_RESULT(waitForResult(poll));
        }
        QVERIFY2(clock.elapsed() < 7500, qPrintable(QString::number(clock.elapsed())));
        for (const auto &poll : hung) {
            const auto result = waitForResult(poll, 30s);
            QVERIFY(result && !result->ok());
            QCOMPARE(result->error().code, ErrorCode::Timeout);
            QVERIFY(result->error().where.startsWith(u"lb1:"_s));
        }
        QVERIFY2(clock.elapsed() >= 7900, qPrintable(QString::number(clock.elapsed())));
    } // thawed
    // The timed-out requests dropped their streams; polls work again.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const auto poll = waitForResult(HaproxyClient(&lb1, lb1Sockets.first()).poll(), 10s);
            return poll && poll->ok();
        }(),
        20000);
}

QTEST_GUILESS_MAIN(TestSshLab)
#include "tst_sshlab.moc"
