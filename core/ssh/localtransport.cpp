#include "core/ssh/localtransport.h"

#include "core/common/logging.h"
#include "core/ssh/globpattern.h"
#include "core/ssh/pendingreply.h"
#include "core/ssh/translate.h"

#include <QLocalSocket>
#include <QProcess>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

// One call in flight on the worker thread.  It completes its reply exactly
// once: with the answer, an error, a timeout, or Cancelled when the transport
// is destroyed first (the worker deletes its children on shutdown).
template <typename T> class LocalCall : public QObject
{
public:
    LocalCall(QObject *worker, PendingReply<T> reply, QString where,
              std::chrono::milliseconds timeout)
        : QObject(worker)
        , m_reply(std::move(reply))
        , m_where(std::move(where))
    {
        m_timer.setSingleShot(true);
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, [this, timeout] {
            detach();
            onTimeout();
            finish(Error(
                ErrorCode::Timeout,
                trTransport("No complete answer within %1 ms.").arg(timeout.count()), m_where,
                trTransport("The daemon may be hung or overloaded; raise command_timeout if it "
                            "is merely slow.")));
        });
        m_timer.start(timeout);
    }

    ~LocalCall() override
    {
        m_reply.finish(
            Error(ErrorCode::Cancelled, trTransport("The transport was closed."), m_where));
    }

protected:
    virtual void onTimeout() {}
    // Detaches from the socket or process so its teardown cannot report
    // anything more; called once, before the reply completes.
    virtual void detach() {}

    void finish(Result<T> result)
    {
        if (m_reply.isFinished())
            return;
        m_timer.stop();
        detach();
        m_reply.finish(std::move(result));
        deleteLater();
    }

    const QString &where() const { return m_where; }

private:
    PendingReply<T> m_reply;
    QString m_where;
    QTimer m_timer;
};

class LocalRequest final : public LocalCall<QByteArray>
{
public:
    LocalRequest(QObject *worker, PendingReply<QByteArray> reply, const QString &host,
                 const QString &socketPath, QByteArray payload, Transport::Completion complete,
                 std::chrono::milliseconds timeout)
        : LocalCall(worker, std::move(reply), host + u':' + socketPath, timeout)
        , m_payload(std::move(payload))
        , m_complete(std::move(complete))
    {
        connect(&m_socket, &QLocalSocket::connected, this, [this] { m_socket.write(m_payload); });
        connect(&m_socket, &QLocalSocket::readyRead, this, &LocalRequest::onReadyRead);
        connect(&m_socket, &QLocalSocket::disconnected, this, &LocalRequest::onClosed);
        connect(&m_socket, &QLocalSocket::errorOccurred, this, &LocalRequest::onError);
        if (!socketPath.startsWith(u'/')) {
            // QLocalSocket would look for a relative name in the temp folder.
            QMetaObject::invokeMethod(
                this,
                [this] {
                    finish(Error(ErrorCode::InvalidArgument,
                                 trTransport("The socket path must be absolute."), where()));
                },
                Qt::QueuedConnection);
            return;
        }
        m_socket.connectToServer(socketPath);
    }

    ~LocalRequest() override { detach(); }

private:
    void detach() override { m_socket.disconnect(this); }

    void onReadyRead()
    {
        m_received += m_socket.readAll();
        if (m_complete && m_complete(m_received))
            finish(m_received);
    }

    void onClosed()
    {
        m_received += m_socket.readAll();
        finish(m_received);
    }

    void onError(QLocalSocket::LocalSocketError error)
    {
        switch (error) {
        case QLocalSocket::PeerClosedError:
            onClosed();
            return;
        case QLocalSocket::ServerNotFoundError:
            finish(Error(
                ErrorCode::NoSuchSocket, trTransport("The socket does not exist."), where(),
                trTransport("Check the socket path in the fleet file and that the daemon runs.")));
            return;
        case QLocalSocket::SocketAccessError:
            finish(Error(
                ErrorCode::PermissionDenied, trTransport("Permission denied on the socket."),
                where(),
                trTransport("Give this user access to the socket, for example by adding it to "
                            "the haproxy or bird group.")));
            return;
        case QLocalSocket::ConnectionRefusedError:
            finish(Error(ErrorCode::ConnectFailed,
                         trTransport("Nothing accepts connections on the socket."), where(),
                         trTransport("The daemon may be stopped or restarting.")));
            return;
        default:
            finish(Error(ErrorCode::Io, m_socket.errorString(), where()));
            return;
        }
    }

    QLocalSocket m_socket{this};
    QByteArray m_payload;
    Transport::Completion m_complete;
    QByteArray m_received;
};

class LocalExec final : public LocalCall<ExecResult>
{
public:
    LocalExec(QObject *worker, PendingReply<ExecResult> reply, const QString &host,
              const QStringList &argv, std::chrono::milliseconds timeout)
        : LocalCall(worker, std::move(reply), host + u':' + argv.value(0), timeout)
    {
        connect(&m_process, &QProcess::finished, this,
                [this](int exitCode, QProcess::ExitStatus exitStatus) {
                    ExecResult result;
                    result.exitCode = exitStatus == QProcess::NormalExit ? exitCode : -1;
                    result.standardOutput = m_process.readAllStandardOutput();
                    result.standardError = m_process.readAllStandardError();
                    finish(result);
                });
        connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
            if (error == QProcess::FailedToStart)
                finish(
                    Error(ErrorCode::CommandFailed,
                          trTransport("Cannot start the command: %1").arg(m_process.errorString()),
                          this->where(), trTransport("Check that the program is installed.")));
        });
        if (argv.isEmpty()) {
            QMetaObject::invokeMethod(
                this,
                [this] {
                    finish(Error(ErrorCode::InvalidArgument, trTransport("No command to run."),
                                 this->where()));
                },
                Qt::QueuedConnection);
            return;
        }
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start(argv.first(), argv.mid(1));
        m_process.closeWriteChannel();
    }

    ~LocalExec() override { detach(); }

private:
    void onTimeout() override
    {
        m_process.kill();
        m_process.waitForFinished(1000); // SIGKILL: a matter of milliseconds
    }

    void detach() override { m_process.disconnect(this); }

    QProcess m_process{this};
};

} // namespace

LocalTransport::LocalTransport(QString hostName, std::chrono::milliseconds commandTimeout,
                               QObject *parent)
    : Transport(parent)
    , m_hostName(std::move(hostName))
    , m_commandTimeout(commandTimeout)
    , m_thread(startWorkerThread(u"local:"_s + m_hostName))
    , m_worker(new QObject)
{
    m_worker->moveToThread(m_thread.get());
    // Nothing to connect: a local host is reachable as long as this process runs.
    m_status.state = TransportState::Connected;
    m_status.since = QDateTime::currentDateTimeUtc();
}

LocalTransport::~LocalTransport()
{
    // Calls still in flight complete with Cancelled when the worker deletes them.
    QObject *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker] { delete worker; }, Qt::BlockingQueuedConnection);
    m_thread.reset();
}

std::chrono::milliseconds LocalTransport::effectiveTimeout(std::chrono::milliseconds timeout) const
{
    return timeout.count() > 0 ? timeout : m_commandTimeout;
}

QFuture<Result<QByteArray>> LocalTransport::request(const QString &socketPath,
                                                    const QByteArray &payload, Completion complete,
                                                    std::chrono::milliseconds timeout)
{
    return callOn<QByteArray>(
        m_worker,
        [worker = m_worker, host = m_hostName, socketPath, payload, complete = std::move(complete),
         limit = effectiveTimeout(timeout)](PendingReply<QByteArray> reply) mutable {
            new LocalRequest(worker, reply, host, socketPath, payload, std::move(complete), limit);
        });
}

QFuture<Result<ExecResult>> LocalTransport::exec(const QStringList &argv,
                                                 std::chrono::milliseconds timeout)
{
    return callOn<ExecResult>(m_worker,
                              [worker = m_worker, host = m_hostName, argv,
                               limit = effectiveTimeout(timeout)](PendingReply<ExecResult> reply) {
                                  new LocalExec(worker, reply, host, argv, limit);
                              });
}

QFuture<Result<QStringList>> LocalTransport::glob(const QString &pattern,
                                                  std::chrono::milliseconds timeout)
{
    Q_UNUSED(timeout) // a directory listing on this machine has nothing to wait for
    return callOn<QStringList>(m_worker,
                               [host = m_hostName, pattern](PendingReply<QStringList> reply) {
                                   Result<QStringList> paths = expandGlobLocally(pattern);
                                   reply.finish(paths ? std::move(paths) : paths.error().at(host));
                               });
}

TransportStatus LocalTransport::status() const
{
    return m_status;
}

} // namespace vipdeck
