#pragma once

// Transport: how vipdeck reaches one LB host.  It opens byte streams to UNIX
// sockets on the host (HAProxy stats and master sockets, BIRD's control
// socket) and runs commands there.  SshTransport carries everything over one
// persistent SSH connection; LocalTransport reaches sockets on this machine.
//
// Every call is thread-safe and returns at once; the work happens on the
// transport's own thread and the future finishes with a value or an Error
// whose `where` names the host.  A slow host never blocks another host's
// transport.

#include "core/common/result.h"
#include "core/ssh/hostkeyinfo.h"

#include <QDateTime>
#include <QFuture>
#include <QObject>
#include <QStringList>

#include <chrono>
#include <functional>

namespace vipdeck {

enum class TransportState { Disconnected, Connecting, Connected, Failed };

struct TransportStatus
{
    TransportState state = TransportState::Disconnected;
    Error lastError; // meaningful when state == Failed
    QDateTime since; // when the state was entered (UTC)
    int reconnectAttempts = 0;
    // The key the host offered when lastError is HostKeyUnknown or HostKeyChanged,
    // so the GUI can show its fingerprint; null otherwise.
    HostKeyInfo offeredHostKey;
};

QString transportStateName(TransportState state);

struct ExecResult
{
    int exitCode = -1; // -1: killed by a signal or no status
    QByteArray standardOutput;
    QByteArray standardError;
};

class Transport : public QObject
{
    Q_OBJECT
public:
    // Decides, from everything received so far, whether the reply is complete.
    // A null Completion reads until the peer closes the stream.
    using Completion = std::function<bool(const QByteArray &received)>;

    using QObject::QObject;
    ~Transport() override = default;

    virtual QString hostName() const = 0;

    // Connects to the UNIX socket `socketPath` on the host, writes `payload`,
    // reads until `complete` says so (or EOF) and returns what was read.
    // timeout 0 means the host's command timeout.
    virtual QFuture<Result<QByteArray>> request(const QString &socketPath,
                                                const QByteArray &payload, Completion complete = {},
                                                std::chrono::milliseconds timeout = {}) = 0;

    // Runs argv on the host.  Every argument is quoted for the remote shell;
    // nothing is interpolated.
    virtual QFuture<Result<ExecResult>> exec(const QStringList &argv,
                                             std::chrono::milliseconds timeout = {}) = 0;

    // Lists paths on the host matching a glob (for VIP discovery).
    virtual QFuture<Result<QStringList>> glob(const QString &pattern,
                                              std::chrono::milliseconds timeout = {}) = 0;

    virtual TransportStatus status() const = 0;

signals:
    void statusChanged(const vipdeck::TransportStatus &status);
};

} // namespace vipdeck

Q_DECLARE_METATYPE(vipdeck::TransportStatus)
