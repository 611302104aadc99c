#include "core/ssh/sshtransport.h"

#include "core/common/handover.h"
#include "core/ssh/sshconnection.h"

using namespace Qt::StringLiterals;

#include <unistd.h>

namespace vipdeck {

TunnelEnd::~TunnelEnd()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

SshTransportOptions SshTransportOptions::fromHost(const Host &host)
{
    SshTransportOptions options;
    options.hostName = host.name;
    options.address = host.address.isEmpty() ? host.name : host.address;
    options.ssh = host.ssh;
    return options;
}

SshTransport::SshTransport(SshTransportOptions options, QObject *parent)
    : Transport(parent)
    , m_hostName(options.hostName)
    , m_thread(startWorkerThread(u"ssh:"_s + options.hostName))
{
    m_status.since = QDateTime::currentDateTimeUtc();
    m_connection = new SshConnection(
        std::move(options), [this](const TransportStatus &status) { setStatus(status); },
        [this](const StreamCounters &counters) {
            QMutexLocker lock(&m_statusMutex);
            m_counters = counters;
        });
    m_connection->moveToThread(m_thread.get());
}

SshTransport::~SshTransport()
{
    // Calls in flight complete with Cancelled; the session is closed on its
    // own thread, then the thread stops.
    SshConnection *connection = m_connection;
    postTo(
        connection, [connection] { delete connection; }, Qt::BlockingQueuedConnection);
    m_thread.reset();
}

void SshTransport::setStatus(const TransportStatus &status)
{
    {
        QMutexLocker lock(&m_statusMutex);
        m_status = status;
    }
    // Emitted from this object's own thread, like every other signal of it.
    postTo(
        this, [this, status] { emit statusChanged(status); }, Qt::QueuedConnection);
}

TransportStatus SshTransport::status() const
{
    QMutexLocker lock(&m_statusMutex);
    return m_status;
}

QFuture<Result<QByteArray>> SshTransport::request(const QString &socketPath,
                                                  const QByteArray &payload, Completion complete,
                                                  std::chrono::milliseconds timeout,
                                                  qsizetype replyLimit)
{
    return callOn<QByteArray>(m_connection, [connection = m_connection, socketPath, payload,
                                             complete = std::move(complete), timeout,
                                             replyLimit](PendingReply<QByteArray> reply) mutable {
        connection->request(socketPath, payload, std::move(complete), timeout, replyLimit, reply);
    });
}

QFuture<Result<QByteArray>>
SshTransport::streamRequest(const QString &socketPath, const StreamOptions &stream,
                            const QByteArray &payload, Completion complete,
                            std::chrono::milliseconds timeout, qsizetype replyLimit)
{
    return callOn<QByteArray>(m_connection, [connection = m_connection, socketPath, stream, payload,
                                             complete = std::move(complete), timeout,
                                             replyLimit](PendingReply<QByteArray> reply) mutable {
        connection->streamRequest(socketPath, stream, payload, std::move(complete), timeout,
                                  replyLimit, reply);
    });
}

void SshTransport::closeStream(const QString &socketPath)
{
    postTo(
        m_connection,
        [connection = m_connection, socketPath] { connection->closeStream(socketPath); },
        Qt::QueuedConnection);
}

StreamCounters SshTransport::streamCounters() const
{
    QMutexLocker lock(&m_statusMutex);
    return m_counters;
}

QFuture<Result<ExecResult>>
SshTransport::exec(const QStringList &argv, std::chrono::milliseconds timeout, qsizetype replyLimit)
{
    return callOn<ExecResult>(m_connection, [connection = m_connection, argv, timeout,
                                             replyLimit](PendingReply<ExecResult> reply) {
        connection->exec(argv, timeout, replyLimit, reply);
    });
}

QFuture<Result<QStringList>> SshTransport::glob(const QString &pattern,
                                                std::chrono::milliseconds timeout)
{
    return callOn<QStringList>(m_connection, [connection = m_connection, pattern,
                                              timeout](PendingReply<QStringList> reply) {
        connection->glob(pattern, timeout, reply);
    });
}

void SshTransport::connectToHost()
{
    postTo(m_connection, [connection = m_connection] { connection->connectToHost(); });
}

void SshTransport::setReconnectMaxDelay(std::chrono::milliseconds delay)
{
    postTo(
        m_connection,
        [connection = m_connection, delay] { connection->setReconnectMaxDelay(delay); },
        Qt::QueuedConnection);
}

void SshTransport::reconnectNow()
{
    postTo(m_connection, [connection = m_connection] { connection->reconnectNow(); });
}

QFuture<Result<HostKeyInfo>> SshTransport::fetchHostKey()
{
    return callOn<HostKeyInfo>(m_connection,
                               [connection = m_connection](PendingReply<HostKeyInfo> reply) {
                                   connection->fetchHostKey(reply);
                               });
}

QFuture<Result<void>> SshTransport::openTunnel(const QString &host, int port,
                                               std::shared_ptr<TunnelEnd> localEnd,
                                               std::chrono::milliseconds timeout)
{
    // If the work is dropped unrun (the transport closing), `localEnd` closes.
    return callOn<void>(m_connection,
                        [connection = m_connection, host, port, localEnd = std::move(localEnd),
                         timeout](PendingReply<void> reply) {
                            connection->openTunnel(host, port, localEnd->take(), timeout, reply);
                        });
}

} // namespace vipdeck
