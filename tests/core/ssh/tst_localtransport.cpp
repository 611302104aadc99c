// LocalTransport against real UNIX sockets served by this test and real
// processes: answers, completion without EOF, typed errors, timeouts that do
// not hold up other calls, exec, glob, and cancellation on destruction.

#include "core/ssh/localtransport.h"
#include "tests/core/ssh/lineserver.h"
#include "tests/support/futurewait.h"
#include "tests/support/sendingpeer.h"
#include "tests/support/testdata.h"

#include <QLocalServer>
#include <QLocalSocket>
#include <QtTest>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace vipdeck;
using vipdeck::test::LineServer;
using vipdeck::test::waitForResult;

namespace {

// A socket file nobody listens on (a daemon that died without cleaning up).
void makeStaleSocket(const QString &path)
{
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const QByteArray encoded = QFile::encodeName(path);
    qstrncpy(address.sun_path, encoded.constData(), sizeof(address.sun_path));
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) != 0)
        qFatal("bind failed");
    ::close(fd);
}

} // namespace

class TestLocalTransport : public QObject
{
    Q_OBJECT
private slots:
    void requestReadsUntilClose();
    void requestStopsWhenComplete();
    void manyConcurrentRequests();
    void missingSocket();
    void staleSocket();
    void timeoutDoesNotBlockOthers();
    void execReportsOutputAndStatus();
    void execPassesArgumentsVerbatim();
    void execMissingProgram();
    void execTimeout();
    void requestStopsAtItsReplyLimit();
    void streamRequestStopsAtItsReplyLimit();
    void execStopsAtItsReplyLimit();
    void globFindsSockets();
    void globRefusesUnsafePattern();
    void destructionCancelsCalls();
    void statusIsConnected();

private:
    test::TempDir m_dir;
};

void TestLocalTransport::requestReadsUntilClose()
{
    LineServer server(
        m_dir.filePath(u"close.sock"_s),
        [](const QByteArray &line) -> QByteArray { return "got " + line + "\n"; }, true);
    LocalTransport transport(u"lb-local"_s);
    const auto result =
        waitForResult(transport.request(m_dir.filePath(u"close.sock"_s), "show info\n"));
    QVERIFY(result);
    QVERIFY2(result->ok(), test::errorText(*result).constData());
    QCOMPARE(result->value(), "got show info\n\n");
}

void TestLocalTransport::requestStopsWhenComplete()
{
    // The server keeps the connection open (like HAProxy's prompt mode): only
    // the completion function can end the call.
    LineServer server(
        m_dir.filePath(u"prompt.sock"_s),
        [](const QByteArray &) { return QByteArray("a\nb\n\n> "); }, false);
    LocalTransport transport;
    const auto result =
        waitForResult(transport.request(
                          m_dir.filePath(u"prompt.sock"_s), "prompt\n",
                          [](const QByteArray &received) { return received.endsWith("\n> "); }, 5s),
                      3s);
    QVERIFY(result);
    QVERIFY2(result->ok(), test::errorText(*result).constData());
    QCOMPARE(result->value(), "a\nb\n\n> ");
}

void TestLocalTransport::manyConcurrentRequests()
{
    LineServer server(
        m_dir.filePath(u"many.sock"_s), [](const QByteArray &line) { return line; }, true);
    LocalTransport transport;
    QList<QFuture<Result<QByteArray>>> futures;
    for (int i = 0; i < 50; ++i)
        futures.append(
            transport.request(m_dir.filePath(u"many.sock"_s), QByteArray::number(i) + '\n'));
    for (int i = 0; i < futures.size(); ++i) {
        const auto result = waitForResult(futures.at(i));
        QVERIFY(result && result->ok());
        QCOMPARE(result->value(), QByteArray::number(i) + '\n');
    }
}

void TestLocalTransport::missingSocket()
{
    LocalTransport transport(u"lb-local"_s);
    const QString path = m_dir.filePath(u"nothing-here.sock"_s);
    const auto result = waitForResult(transport.request(path, "show info\n"));
    QVERIFY(result);
    QVERIFY(!result->ok());
    QCOMPARE(result->error().code, ErrorCode::NoSuchSocket);
    QCOMPARE(result->error().where, u"lb-local:"_s + path);
    QVERIFY(!result->error().hint.isEmpty());
    const auto relative = waitForResult(transport.request(u"relative.sock"_s, "x\n"));
    QVERIFY(relative && !relative->ok());
    QCOMPARE(relative->error().code, ErrorCode::InvalidArgument);
}

void TestLocalTransport::staleSocket()
{
    const QString path = m_dir.filePath(u"stale.sock"_s);
    makeStaleSocket(path);
    LocalTransport transport;
    const auto result = waitForResult(transport.request(path, "show info\n"));
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().code, ErrorCode::ConnectFailed);
}

void TestLocalTransport::timeoutDoesNotBlockOthers()
{
    // A server that accepts and answers only when the test says so: the call
    // to it cannot finish before the other one, whatever the machine's load.
    QLocalServer held;
    QVERIFY(held.listen(m_dir.filePath(u"held.sock"_s)));
    LineServer echo(
        m_dir.filePath(u"echo.sock"_s), [](const QByteArray &line) { return line; }, true);
    LocalTransport transport;
    const auto waiting = transport.request(m_dir.filePath(u"held.sock"_s), "x\n", {}, 60s);
    const auto answered = waitForResult(transport.request(m_dir.filePath(u"echo.sock"_s), "y\n"));
    QVERIFY(answered && answered->ok());
    QCOMPARE(answered->value(), "y\n");
    // Now release the held call: it was waiting for its server, not blocking.
    QVERIFY(held.hasPendingConnections() || held.waitForNewConnection(10000));
    QLocalSocket *peer = held.nextPendingConnection();
    QVERIFY(peer);
    peer->write("late\n");
    peer->disconnectFromServer();
    const auto late = waitForResult(waiting, 10s);
    QVERIFY(late && late->ok());
    QCOMPARE(late->value(), "late\n");

    // A server that never answers: the call ends with Timeout, not before its limit.
    QLocalServer silent;
    QVERIFY(silent.listen(m_dir.filePath(u"silent.sock"_s)));
    QElapsedTimer clock;
    clock.start();
    const auto timedOut =
        waitForResult(transport.request(m_dir.filePath(u"silent.sock"_s), "x\n", {}, 400ms), 30s);
    QVERIFY(timedOut && !timedOut->ok());
    QCOMPARE(timedOut->error().code, ErrorCode::Timeout);
    QVERIFY2(clock.elapsed() >= 390, qPrintable(QString::number(clock.elapsed())));
}

void TestLocalTransport::execReportsOutputAndStatus()
{
    LocalTransport transport;
    const auto result =
        waitForResult(transport.exec({u"/bin/sh"_s, u"-c"_s, u"echo out; echo err >&2; exit 3"_s}));
    QVERIFY(result && result->ok());
    QCOMPARE(result->value().exitCode, 3);
    QCOMPARE(result->value().standardOutput, "out\n");
    QCOMPARE(result->value().standardError, "err\n");
}

void TestLocalTransport::execPassesArgumentsVerbatim()
{
    LocalTransport transport;
    const QString evil = u"a'b\"; $(id) `id` \n|&"_s;
    const auto result = waitForResult(transport.exec({u"printf"_s, u"%s"_s, evil}));
    QVERIFY(result && result->ok());
    QCOMPARE(QString::fromUtf8(result->value().standardOutput), evil);
    QCOMPARE(result->value().exitCode, 0);
}

void TestLocalTransport::execMissingProgram()
{
    LocalTransport transport(u"lb-local"_s);
    const auto result = waitForResult(transport.exec({u"/nonexistent/haproxy"_s, u"-v"_s}));
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().code, ErrorCode::CommandFailed);
    QVERIFY(result->error().where.startsWith(u"lb-local"_s));
}

void TestLocalTransport::execTimeout()
{
    LocalTransport transport;
    QElapsedTimer clock;
    clock.start();
    // waitForResult's limit (well under the 30 s sleep) shows the call did
    // not wait for the program to end by itself.
    const auto result = waitForResult(transport.exec({u"sleep"_s, u"30"_s}, 300ms), 20s);
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().code, ErrorCode::Timeout);
    QVERIFY(clock.elapsed() >= 290);
}

void TestLocalTransport::requestStopsAtItsReplyLimit()
{
    // A peer that never stops: the call fails once 1 MiB has arrived, long
    // before its 20 s deadline, and names the limit.
    test::SendingPeer peer(m_dir.filePath(u"endless.sock"_s), -1);
    LocalTransport transport(u"lb-local"_s);
    const auto result = waitForResult(
        transport.request(m_dir.filePath(u"endless.sock"_s), "show status\n", {}, 20s, 1 << 20),
        15s);
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().code, ErrorCode::ReplyTooLarge);
    QCOMPARE(result->error().where, u"lb-local:"_s + m_dir.filePath(u"endless.sock"_s));
    QVERIFY2(result->error().message.contains(u"1 MiB"_s), test::errorText(*result).constData());
    QVERIFY(peer.bytesSent() > (1 << 20));

    // A finite reply just under the limit still arrives whole.
    test::SendingPeer finite(m_dir.filePath(u"finite.sock"_s), 1 << 19);
    const auto whole = waitForResult(
        transport.request(m_dir.filePath(u"finite.sock"_s), "show status\n", {}, 20s, 1 << 20),
        15s);
    QVERIFY(whole && whole->ok());
    QCOMPARE(whole->value().size(), 1 << 19);
}

void TestLocalTransport::streamRequestStopsAtItsReplyLimit()
{
    test::SendingPeer peer(m_dir.filePath(u"endless-stream.sock"_s), -1);
    LocalTransport transport;
    StreamOptions stream; // no opening
    const auto result = waitForResult(transport.streamRequest(
                                          m_dir.filePath(u"endless-stream.sock"_s), stream, "x\n",
                                          [](const QByteArray &) { return false; }, 20s, 1 << 20),
                                      15s);
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().code, ErrorCode::ReplyTooLarge);
    // The stream was dropped, not kept half-read.
    QCOMPARE(transport.streamCounters().open, 0);
}

void TestLocalTransport::execStopsAtItsReplyLimit()
{
    // yes(1) writes without end: the command is stopped at the limit.
    LocalTransport transport;
    const auto result = waitForResult(transport.exec({u"yes"_s}, 20s, 1 << 20), 15s);
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().code, ErrorCode::ReplyTooLarge);
}

void TestLocalTransport::globFindsSockets()
{
    QDir(m_dir.path()).mkpath(u"g/vip1"_s);
    QDir(m_dir.path()).mkpath(u"g/vip2"_s);
    QDir(m_dir.path()).mkpath(u"g/vip3"_s);
    QLocalServer one, two;
    QVERIFY(one.listen(m_dir.filePath(u"g/vip1/stats.sock"_s)));
    QVERIFY(two.listen(m_dir.filePath(u"g/vip2/stats.sock"_s)));
    LocalTransport transport;
    const QString root = QDir(m_dir.path()).canonicalPath();
    const auto result = waitForResult(transport.glob(root + u"/g/*/stats.sock"_s));
    QVERIFY(result && result->ok());
    QCOMPARE(result->value(),
             QStringList({root + u"/g/vip1/stats.sock"_s, root + u"/g/vip2/stats.sock"_s}));
}

void TestLocalTransport::globRefusesUnsafePattern()
{
    LocalTransport transport(u"lb-local"_s);
    const auto result = waitForResult(transport.glob(u"/run/*; rm -rf /"_s));
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().code, ErrorCode::InvalidArgument);
    QVERIFY(result->error().where.startsWith(u"lb-local"_s));
}

void TestLocalTransport::destructionCancelsCalls()
{
    QLocalServer silent;
    QVERIFY(silent.listen(m_dir.filePath(u"silent2.sock"_s)));
    QFuture<Result<QByteArray>> pending;
    {
        LocalTransport transport;
        pending = transport.request(m_dir.filePath(u"silent2.sock"_s), "x\n", {}, 60s);
    }
    QVERIFY(pending.isFinished());
    QCOMPARE(pending.result().error().code, ErrorCode::Cancelled);
}

void TestLocalTransport::statusIsConnected()
{
    LocalTransport transport(u"lb-local"_s);
    QCOMPARE(transport.hostName(), u"lb-local"_s);
    QCOMPARE(transport.status().state, TransportState::Connected);
}

QTEST_GUILESS_MAIN(TestLocalTransport)
#include "tst_localtransport.moc"
