#pragma once

// Transport: how vipdeck reaches one LB host.  It opens byte streams to UNIX
// sockets on the host (HAProxy stats and master sockets, BIRD's control
// socket) and runs commands there.  SshTransport carries everything over one
// persistent SSH connection; LocalTransport reaches sockets on this machine.
//
// Besides one-shot requests (connect, ask, close), a transport keeps streams
// open across calls (streamRequest): one per socket path, started with an
// opening payload (HAProxy's `prompt`), so a warm request costs one round
// trip on an already-open stream instead of a new channel or connection.
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
    // SSH only: the compression agreed for what the host sends
    // ("zlib@openssh.com" or "none") while connected; empty otherwise.
    QString compression;
};

QString transportStateName(TransportState state);

struct ExecResult
{
    int exitCode = -1; // -1: killed by a signal or no status
    QByteArray standardOutput;
    QByteArray standardError;
};

// How a kept-open stream starts.  `opening` is written first on every fresh
// stream (together with the first request); `openingReplyLength(received)`
// gives the length of its answer at the start of `received`, or -1 while it
// is incomplete.  That answer is dropped from the first request's reply.
struct StreamOptions
{
    QByteArray opening;
    std::function<qsizetype(const QByteArray &received)> openingReplyLength;
};

// A kept stream older than this is closed when it is next used and opened
// afresh, so what only shows at connect time (the socket's permissions, a
// daemon replaced under the same path) shows up within this time.
inline constexpr std::chrono::seconds defaultMaxStreamAge{20};

// The age at which one kept stream is opened afresh: from half of `maxAge` up
// to `maxAge`, spread by the stream's open number `sequence` (0, 1, 2, ...)
// so that streams opened in one round (every stream, when polling starts)
// are not all reopened in one later round: at 150 streams polled every
// second, about 15 a round instead of 150 every 20 s.  The fractional parts
// of multiples of the golden ratio spread any run of consecutive numbers
// evenly over the range.
std::chrono::milliseconds streamAgeLimit(std::chrono::milliseconds maxAge, quint64 sequence);

// The most a reply may hold when a call names no limit of its own.  Past its
// limit a read stops: the call fails with ErrorCode::ReplyTooLarge, what was
// received is dropped and the stream or channel is closed, so a peer that
// never stops sending costs at most its limit in memory.
inline constexpr qsizetype defaultReplyLimit = qsizetype(64) * 1024 * 1024;

// "16 MiB", "512 KiB", "100 bytes": a byte count for messages.
QString byteSizeText(qsizetype bytes);

// The error of a read stopped at `limit` bytes (ErrorCode::ReplyTooLarge);
// `commands` names what was asked ("show info; show stat"), when known.
// `limit` 0 stands for defaultReplyLimit.
Error replyTooLargeError(qsizetype limit, const QString &where = {}, const QString &commands = {});

// What a transport did with its kept streams, since it was created.
struct StreamCounters
{
    quint64 opened = 0;   // fresh streams opened (the first, and every reopen)
    quint64 reused = 0;   // requests answered on a stream that was already open
    quint64 reopened = 0; // requests that found their stream closed by the peer and reopened it
    int open = 0;         // streams open now
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
    // timeout 0 means the host's command timeout; replyLimit 0 means
    // defaultReplyLimit.
    virtual QFuture<Result<QByteArray>> request(const QString &socketPath,
                                                const QByteArray &payload, Completion complete = {},
                                                std::chrono::milliseconds timeout = {},
                                                qsizetype replyLimit = 0) = 0;

    // Like request(), on the stream to `socketPath` that this transport keeps
    // open across calls: the first call opens it (writing stream.opening
    // first), later calls reuse it, one request at a time in the order they
    // were made.  A stream the peer closed while idle (an idle timeout, a
    // daemon restart, a reconnect of the SSH connection) is reopened
    // transparently, once per call; a call that fails or times out closes
    // its stream, so a half-read reply never leaks into the next call.  The
    // reply must end exactly where `complete` says (nothing may follow it).
    // The default runs a one-shot request() with the opening in front.
    virtual QFuture<Result<QByteArray>>
    streamRequest(const QString &socketPath, const StreamOptions &stream, const QByteArray &payload,
                  Completion complete, std::chrono::milliseconds timeout = {},
                  qsizetype replyLimit = 0);

    // Closes the kept stream to `socketPath` once the calls queued on it are
    // done; the next streamRequest() opens a fresh one.  For a peer that
    // still answers but should not be used any more (an HAProxy worker that
    // is stopping after a reload).
    virtual void closeStream(const QString &socketPath) { Q_UNUSED(socketPath) }

    virtual StreamCounters streamCounters() const { return {}; }

    // A transport that failed and waits to retry connects again at once
    // (the user asked for a poll now).  Nothing to do for transports that
    // do not connect.
    virtual void reconnectNow() {}
    // The longest wait between reconnection attempts; a console that polls
    // every few seconds must not wait half a minute to see a host return.
    virtual void setReconnectMaxDelay(std::chrono::milliseconds delay) { Q_UNUSED(delay) }

    // Runs argv on the host.  Every argument is quoted for the remote shell;
    // nothing is interpolated.  replyLimit bounds standard output and
    // standard error, each.
    virtual QFuture<Result<ExecResult>> exec(const QStringList &argv,
                                             std::chrono::milliseconds timeout = {},
                                             qsizetype replyLimit = 0) = 0;

    // Lists paths on the host matching a glob (for VIP discovery).
    virtual QFuture<Result<QStringList>> glob(const QString &pattern,
                                              std::chrono::milliseconds timeout = {}) = 0;

    virtual TransportStatus status() const = 0;

signals:
    void statusChanged(const vipdeck::TransportStatus &status);
};

} // namespace vipdeck

Q_DECLARE_METATYPE(vipdeck::TransportStatus)
