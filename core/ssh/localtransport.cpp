#include "core/ssh/localtransport.h"

#include "core/common/handover.h"
#include "core/common/logging.h"
#include "core/ssh/globpattern.h"
#include "core/ssh/pendingreply.h"
#include "core/ssh/translate.h"

#include <QElapsedTimer>
#include <QLocalSocket>
#include <QProcess>
#include <QTimer>

#include <deque>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

// How much a socket reads from the kernel at a time.
constexpr qint64 readChunk = 256 * 1024;

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
                TransportTr::tr("No complete answer within %1 ms.").arg(timeout.count()), m_where,
                TransportTr::tr("The daemon may be hung or overloaded; raise command_timeout if it "
                                "is merely slow.")));
        });
        m_timer.start(timeout);
    }

    ~LocalCall() override
    {
        m_reply.finish(
            Error(ErrorCode::Cancelled, TransportTr::tr("The transport was closed."), m_where));
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

// The error of a failed connection to a local socket (not a peer close).
Error socketError(QLocalSocket::LocalSocketError error, const QString &errorString,
                  const QString &where)
{
    switch (error) {
    case QLocalSocket::ServerNotFoundError:
        return Error(
            ErrorCode::NoSuchSocket, TransportTr::tr("The socket does not exist."), where,
            TransportTr::tr("Check the socket path in the fleet file and that the daemon runs."));
    case QLocalSocket::SocketAccessError:
        return Error(
            ErrorCode::PermissionDenied, TransportTr::tr("Permission denied on the socket."), where,
            TransportTr::tr("Give this user access to the socket, for example by adding it "
                            "to the haproxy or bird group."));
    case QLocalSocket::ConnectionRefusedError:
        return Error(ErrorCode::ConnectFailed,
                     TransportTr::tr("Nothing accepts connections on the socket."), where,
                     TransportTr::tr("The daemon may be stopped or restarting."));
    default:
        return Error(ErrorCode::Io, errorString, where);
    }
}

class LocalRequest final : public LocalCall<QByteArray>
{
public:
    LocalRequest(QObject *worker, PendingReply<QByteArray> reply, const QString &host,
                 const QString &socketPath, QByteArray payload, Transport::Completion complete,
                 std::chrono::milliseconds timeout, qsizetype replyLimit)
        : LocalCall(worker, std::move(reply), host + u':' + socketPath, timeout)
        , m_payload(std::move(payload))
        , m_complete(std::move(complete))
        , m_limit(replyLimit)
    {
        // Read in bounded steps, so the limit holds for what Qt buffers too.
        m_socket.setReadBufferSize(readChunk);
        connect(&m_socket, &QLocalSocket::connected, this, [this] { m_socket.write(m_payload); });
        connect(&m_socket, &QLocalSocket::readyRead, this, &LocalRequest::onReadyRead);
        connect(&m_socket, &QLocalSocket::disconnected, this, &LocalRequest::onClosed);
        connect(&m_socket, &QLocalSocket::errorOccurred, this, &LocalRequest::onError);
        if (!socketPath.startsWith(u'/')) {
            // QLocalSocket would look for a relative name in the temp folder.
            postTo(
                this,
                [this] {
                    finish(Error(ErrorCode::InvalidArgument,
                                 TransportTr::tr("The socket path must be absolute."), where()));
                },
                Qt::QueuedConnection);
            return;
        }
        m_socket.connectToServer(socketPath);
    }

    ~LocalRequest() override { detach(); }

private:
    void detach() override { m_socket.disconnect(this); }

    // Appends what is available; false (and the call failed) past the limit.
    bool take()
    {
        m_received += m_socket.readAll();
        if (m_received.size() <= m_limit)
            return true;
        m_received = QByteArray();
        finish(replyTooLargeError(m_limit, where())); // detaches from the socket first
        m_socket.abort();
        return false;
    }

    void onReadyRead()
    {
        if (take() && m_complete && m_complete(m_received))
            finish(m_received);
    }

    void onClosed()
    {
        if (take())
            finish(m_received);
    }

    void onError(QLocalSocket::LocalSocketError error)
    {
        if (error == QLocalSocket::PeerClosedError)
            onClosed();
        else
            finish(socketError(error, m_socket.errorString(), where()));
    }

    QLocalSocket m_socket{this};
    QByteArray m_payload;
    Transport::Completion m_complete;
    qsizetype m_limit;
    QByteArray m_received;
};

} // namespace

// The kept stream to one socket path: one QLocalSocket reused by request
// after request, one at a time in submission order.  A socket the peer closed
// while idle is reconnected; a request that fails or times out drops the
// connection, so its late answer cannot reach the next request.
class LocalStream final : public QObject
{
public:
    LocalStream(QObject *worker, QString where, LocalTransport::Counters *counters)
        : QObject(worker)
        , m_where(std::move(where))
        , m_counters(counters)
    {
        m_timer.setSingleShot(true);
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, &LocalStream::onTimeout);
    }

    ~LocalStream() override
    {
        if (m_socket)
            m_socket->disconnect(this);
        const Error closed(ErrorCode::Cancelled, TransportTr::tr("The transport was closed."),
                           m_where);
        for (const Call &call : m_queue)
            call.reply.finish(closed);
    }

    struct Call
    {
        PendingReply<QByteArray> reply;
        QByteArray payload;
        Transport::Completion complete;
        std::chrono::milliseconds timeout;
        qsizetype replyLimit = defaultReplyLimit;
    };

    void enqueue(Call call)
    {
        m_queue.push_back(std::move(call));
        if (m_queue.size() == 1)
            startFront();
    }

    void closeWhenIdle()
    {
        if (m_queue.empty())
            dropConnection();
        else
            m_closeAfterCurrent = true;
    }

    bool isOpen() const { return m_socket && m_socket->state() == QLocalSocket::ConnectedState; }

    StreamOptions options;
    QString path;

private:
    void startFront()
    {
        if (m_queue.empty())
            return;
        m_received.clear();
        m_timer.start(m_queue.front().timeout);
        const bool tooOld = m_openedAt.isValid() && m_openedAt.hasExpired(m_ageLimitMs);
        if (isOpen() && m_socket->bytesAvailable() == 0 && !tooOld) {
            m_counters->add(&StreamCounters::reused);
            m_adopted = true;
            m_openingDone = true;
            m_socket->write(m_queue.front().payload);
            return;
        }
        if (isOpen() && !tooOld)
            m_counters->add(&StreamCounters::reopened); // bytes nobody asked for: out of step
        openFresh();
    }

    void openFresh()
    {
        dropConnection();
        m_adopted = false;
        m_openingDone = options.opening.isEmpty();
        m_socket.reset(new QLocalSocket(this));
        m_socket->setReadBufferSize(readChunk);
        connect(m_socket.get(), &QLocalSocket::connected, this, [this] {
            // Spread like the SSH transport's (streamAgeLimit()).
            m_ageLimitMs = streamAgeLimit(defaultMaxStreamAge, m_counters->values().opened).count();
            m_counters->add(&StreamCounters::opened);
            m_counters->opened(+1);
            m_openedAt.start();
            m_counted = true;
            m_socket->write(options.opening + m_queue.front().payload);
        });
        connect(m_socket.get(), &QLocalSocket::readyRead, this, &LocalStream::onReadyRead);
        connect(m_socket.get(), &QLocalSocket::disconnected, this, &LocalStream::onClosed);
        connect(m_socket.get(), &QLocalSocket::errorOccurred, this,
                [this](QLocalSocket::LocalSocketError error) {
                    if (error == QLocalSocket::PeerClosedError)
                        onClosed();
                    else
                        finishFront(socketError(error, m_socket->errorString(), m_where), true);
                });
        m_socket->connectToServer(path);
    }

    void dropConnection()
    {
        if (!m_socket)
            return;
        if (std::exchange(m_counted, false))
            m_counters->opened(-1);
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket.release()->deleteLater(); // we may be inside one of its signals
    }

    // Appends what is available; false (and the front call failed) past its limit.
    bool take()
    {
        m_received += m_socket->readAll();
        if (m_queue.empty() || m_received.size() <= m_queue.front().replyLimit)
            return true;
        const qsizetype limit = m_queue.front().replyLimit;
        m_received = QByteArray();
        finishFront(replyTooLargeError(limit, m_where), true);
        return false;
    }

    void onReadyRead()
    {
        if (!take())
            return;
        if (m_queue.empty()) {
            dropConnection(); // bytes while idle: the stream is out of step
            return;
        }
        if (!m_openingDone) {
            const qsizetype skip =
                options.openingReplyLength ? options.openingReplyLength(m_received) : 0;
            if (skip < 0)
                return;
            m_received.remove(0, skip);
            m_openingDone = true;
        }
        const Transport::Completion &complete = m_queue.front().complete;
        if (complete && complete(m_received))
            finishFront(m_received, m_closeAfterCurrent);
    }

    void onClosed()
    {
        if (m_queue.empty()) {
            dropConnection(); // the peer closed an idle stream
            return;
        }
        if (!take())
            return;
        if (m_adopted && !m_retried && m_received.isEmpty()) {
            // Closed before it answered (idle timeout, restart): once afresh.
            m_retried = true;
            m_counters->add(&StreamCounters::reopened);
            openFresh();
            return;
        }
        finishFront(m_received, true); // what arrived; the parser judges it
    }

    void onTimeout()
    {
        finishFront(Error(ErrorCode::Timeout,
                          TransportTr::tr("No complete answer within %1 ms.")
                              .arg(m_queue.front().timeout.count()),
                          m_where,
                          TransportTr::tr("The daemon may be hung or overloaded; raise "
                                          "command_timeout if it is merely slow.")),
                    true);
    }

    void finishFront(Result<QByteArray> result, bool drop)
    {
        m_timer.stop();
        if (drop || !result) {
            dropConnection();
            m_closeAfterCurrent = false;
        }
        const PendingReply<QByteArray> reply = m_queue.front().reply;
        m_queue.pop_front();
        m_retried = false;
        m_received.clear();
        reply.finish(std::move(result));
        startFront();
    }

    const QString m_where;
    LocalTransport::Counters *m_counters;
    std::unique_ptr<QLocalSocket> m_socket;
    std::deque<Call> m_queue;
    QByteArray m_received;
    QTimer m_timer;
    bool m_adopted = false;
    bool m_openingDone = true;
    bool m_retried = false;
    bool m_closeAfterCurrent = false;
    bool m_counted = false; // counted in StreamCounters::open
    QElapsedTimer m_openedAt;
    qint64 m_ageLimitMs = 0; // when this connection is opened afresh (streamAgeLimit())
};

namespace {

class LocalExec final : public LocalCall<ExecResult>
{
public:
    LocalExec(QObject *worker, PendingReply<ExecResult> reply, const QString &host,
              const QStringList &argv, std::chrono::milliseconds timeout, qsizetype replyLimit)
        : LocalCall(worker, std::move(reply), host + u':' + argv.value(0), timeout)
        , m_limit(replyLimit)
    {
        // QProcess buffers all output until it is read: collect it as it
        // comes and stop the command once either stream passes the limit.
        const auto collect = [this](QProcess::ProcessChannel channel, QByteArray &into) {
            m_process.setReadChannel(channel);
            into += m_process.readAll();
            if (into.size() <= m_limit)
                return;
            m_stdout = QByteArray();
            m_stderr = QByteArray();
            detach();
            m_process.kill();
            m_process.waitForFinished(1000);
            finish(replyTooLargeError(m_limit, this->where()));
        };
        connect(&m_process, &QProcess::readyReadStandardOutput, this,
                [this, collect] { collect(QProcess::StandardOutput, m_stdout); });
        connect(&m_process, &QProcess::readyReadStandardError, this,
                [this, collect] { collect(QProcess::StandardError, m_stderr); });
        connect(&m_process, &QProcess::finished, this,
                [this](int exitCode, QProcess::ExitStatus exitStatus) {
                    ExecResult result;
                    result.exitCode = exitStatus == QProcess::NormalExit ? exitCode : -1;
                    result.standardOutput = m_stdout + m_process.readAllStandardOutput();
                    result.standardError = m_stderr + m_process.readAllStandardError();
                    if (result.standardOutput.size() > m_limit ||
                        result.standardError.size() > m_limit)
                        finish(replyTooLargeError(m_limit, this->where()));
                    else
                        finish(result);
                });
        connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
            if (error == QProcess::FailedToStart)
                finish(Error(
                    ErrorCode::CommandFailed,
                    TransportTr::tr("Cannot start the command: %1").arg(m_process.errorString()),
                    this->where(), TransportTr::tr("Check that the program is installed.")));
        });
        if (argv.isEmpty()) {
            postTo(
                this,
                [this] {
                    finish(Error(ErrorCode::InvalidArgument, TransportTr::tr("No command to run."),
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

    qsizetype m_limit;
    QByteArray m_stdout;
    QByteArray m_stderr;
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
    postTo(
        worker, [worker] { delete worker; }, Qt::BlockingQueuedConnection);
    m_thread.reset();
}

std::chrono::milliseconds LocalTransport::effectiveTimeout(std::chrono::milliseconds timeout) const
{
    return timeout.count() > 0 ? timeout : m_commandTimeout;
}

qsizetype LocalTransport::effectiveLimit(qsizetype replyLimit)
{
    return replyLimit > 0 ? replyLimit : defaultReplyLimit;
}

QFuture<Result<QByteArray>> LocalTransport::request(const QString &socketPath,
                                                    const QByteArray &payload, Completion complete,
                                                    std::chrono::milliseconds timeout,
                                                    qsizetype replyLimit)
{
    return callOn<QByteArray>(
        m_worker, [worker = m_worker, host = m_hostName, socketPath, payload,
                   complete = std::move(complete), limit = effectiveTimeout(timeout),
                   bytes = effectiveLimit(replyLimit)](PendingReply<QByteArray> reply) mutable {
            new LocalRequest(worker, reply, host, socketPath, payload, std::move(complete), limit,
                             bytes);
        });
}

void LocalTransport::Counters::add(quint64 StreamCounters::*counter)
{
    QMutexLocker lock(&m_mutex);
    ++(m_values.*counter);
}

void LocalTransport::Counters::opened(int delta)
{
    QMutexLocker lock(&m_mutex);
    m_values.open += delta;
}

StreamCounters LocalTransport::Counters::values() const
{
    QMutexLocker lock(&m_mutex);
    return m_values;
}

QFuture<Result<QByteArray>>
LocalTransport::streamRequest(const QString &socketPath, const StreamOptions &stream,
                              const QByteArray &payload, Completion complete,
                              std::chrono::milliseconds timeout, qsizetype replyLimit)
{
    return callOn<QByteArray>(
        m_worker, [this, socketPath, stream, payload, complete = std::move(complete),
                   limit = effectiveTimeout(timeout),
                   bytes = effectiveLimit(replyLimit)](PendingReply<QByteArray> reply) mutable {
            if (!socketPath.startsWith(u'/')) {
                reply.finish(Error(ErrorCode::InvalidArgument,
                                   TransportTr::tr("The socket path must be absolute."),
                                   m_hostName + u':' + socketPath));
                return;
            }
            LocalStream *&kept = m_streams[socketPath]; // worker thread only
            if (!kept) {
                kept = new LocalStream(m_worker, m_hostName + u':' + socketPath, &m_counters);
                kept->path = socketPath;
            }
            kept->options = stream;
            kept->enqueue({reply, payload, std::move(complete), limit, bytes});
        });
}

void LocalTransport::closeStream(const QString &socketPath)
{
    postTo(
        m_worker,
        [this, socketPath] {
            if (LocalStream *kept = m_streams.value(socketPath))
                kept->closeWhenIdle();
        },
        Qt::QueuedConnection);
}

StreamCounters LocalTransport::streamCounters() const
{
    return m_counters.values();
}

QFuture<Result<ExecResult>> LocalTransport::exec(const QStringList &argv,
                                                 std::chrono::milliseconds timeout,
                                                 qsizetype replyLimit)
{
    return callOn<ExecResult>(
        m_worker, [worker = m_worker, host = m_hostName, argv, limit = effectiveTimeout(timeout),
                   bytes = effectiveLimit(replyLimit)](PendingReply<ExecResult> reply) {
            new LocalExec(worker, reply, host, argv, limit, bytes);
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
