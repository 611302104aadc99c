// SshTransport against the lab's real sshds, HAProxy and BIRD: streamlocal
// requests, exec, glob, typed errors from real refusals, many channels on one
// connection, and the faults (socket-deny, sshd-freeze, sshd-stop,
// hostkey-replace).

#include "core/inventory/inventoryloader.h"
#include "core/ssh/knownhosts.h"
#include "core/ssh/sshtransport.h"
#include "tests/support/futurewait.h"
#include "tests/support/lab.h"
#include "tests/support/testdata.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

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

} // namespace

class TestSshLab : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void showInfoOverStreamLocal();
    void promptModeEndsByCompletion();
    void birdControlSocket();
    void execHaproxyVersion();
    void execOutputsAndExitStatus();
    void execArgumentsArriveVerbatim();
    void globFindsStatsSockets();
    void manyConcurrentRequestsOnOneConnection();
    void missingSocket();
    void permissionDeniedOnSocket();
    void frozenSshdTimesOutWhileOtherHostAnswers();
    void stoppedSshdReconnects();
    void replacedHostKeyIsRefused();
    void unknownHostKeyThenTrust();
    void hashedKnownHosts();

private:
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
    frozenOptions.ssh.connectTimeout = 1500ms;
    SshTransport lb1(frozenOptions);
    QElapsedTimer clock;
    clock.start();
    const auto hung = lb1.request(statsSocket(u"lb1"_s, u"web"_s), "show info\n", {}, 2s);
    // lb2 keeps answering, quickly, while lb1 hangs.
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer one;
        one.start();
        const auto answer =
            waitForResult(lb2.request(statsSocket(u"lb2"_s, u"web"_s), "show info\n"));
        QVERIFY(answer && answer->ok());
        QVERIFY2(one.elapsed() < 1000, qPrintable(QString::number(one.elapsed())));
    }
    QVERIFY(!hung.isFinished());
    const auto result = waitForResult(hung, 10s);
    QVERIFY(result);
    QVERIFY(!result->ok());
    QCOMPARE(result->error().code, ErrorCode::Timeout);
    QVERIFY2(clock.elapsed() >= 1400 && clock.elapsed() < 4000,
             qPrintable(QString::number(clock.elapsed())));
    QTRY_COMPARE_WITH_TIMEOUT(lb1.status().state, TransportState::Failed, 5000);
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

QTEST_GUILESS_MAIN(TestSshLab)
#include "tst_sshlab.moc"
