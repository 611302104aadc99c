#pragma once

// LocalTransport: a Transport for sockets and commands on this machine, with
// no SSH in between.  Used when vipdeck runs on an LB host itself, by the
// protocol clients' tests, and as the benchmarks' floor.  UNIX sockets are
// reached with QLocalSocket, commands run through QProcess (argv, no shell),
// globs expand with QDir; all of it on the transport's own thread.  Kept
// streams (streamRequest) hold one QLocalSocket per socket path open across
// calls, like SshTransport holds one channel.

#include "core/ssh/transport.h"
#include "core/ssh/workerthread.h"

#include <QHash>
#include <QMutex>

namespace vipdeck {

class LocalStream;

class LocalTransport final : public Transport
{
    Q_OBJECT
public:
    // `hostName` is what errors name in `where`; `commandTimeout` is used for
    // calls that pass no timeout of their own.
    explicit LocalTransport(QString hostName = QStringLiteral("localhost"),
                            std::chrono::milliseconds commandTimeout = std::chrono::seconds(10),
                            QObject *parent = nullptr);
    ~LocalTransport() override;

    QString hostName() const override { return m_hostName; }
    QFuture<Result<QByteArray>> request(const QString &socketPath, const QByteArray &payload,
                                        Completion complete = {},
                                        std::chrono::milliseconds timeout = {},
                                        qsizetype replyLimit = 0) override;
    QFuture<Result<QByteArray>> streamRequest(const QString &socketPath,
                                              const StreamOptions &stream,
                                              const QByteArray &payload, Completion complete,
                                              std::chrono::milliseconds timeout = {},
                                              qsizetype replyLimit = 0) override;
    void closeStream(const QString &socketPath) override;
    StreamCounters streamCounters() const override;
    QFuture<Result<ExecResult>> exec(const QStringList &argv,
                                     std::chrono::milliseconds timeout = {},
                                     qsizetype replyLimit = 0) override;
    QFuture<Result<QStringList>> glob(const QString &pattern,
                                      std::chrono::milliseconds timeout = {}) override;
    TransportStatus status() const override;

    // StreamCounters, updated on the worker thread and read from any.
    class Counters
    {
    public:
        void add(quint64 StreamCounters::*counter);
        void opened(int delta);
        StreamCounters values() const;

    private:
        mutable QMutex m_mutex;
        StreamCounters m_values;
    };

private:
    std::chrono::milliseconds effectiveTimeout(std::chrono::milliseconds timeout) const;
    static qsizetype effectiveLimit(qsizetype replyLimit);

    const QString m_hostName;
    const std::chrono::milliseconds m_commandTimeout;
    TransportStatus m_status;
    WorkerThread m_thread;
    QObject *m_worker = nullptr; // lives on m_thread; parent of every call in flight
    Counters m_counters;
    QHash<QString, LocalStream *> m_streams; // kept streams; worker thread only
};

} // namespace vipdeck
