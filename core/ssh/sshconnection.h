#pragma once

// SshConnection: the worker behind SshTransport, living on the transport's
// thread.  It owns the TCP socket (or, behind a jump host, one end of a
// socket pair) and the libssh2 session, establishes them step by step
// (resolve, connect, handshake, host key, authentication) without ever
// blocking: where to connect comes from resolveSshTarget(), the host key is
// judged by verifyHostKey(), authentication is SshAuthenticator's, and a
// passphrase question runs on a thread of its own.  It drives every
// SshChannelOp from QSocketNotifier
// wake-ups: on each one it steps every pending op until each is blocked,
// because data for one channel is often read while servicing another.
//
// Kept streams: the idle open channel of each socket path is parked in
// m_streams (KeptStreams) between requests.  Requests on one stream run one at a time in
// submission order (pump() lets only the first unfinished op of a stream
// start); an idle channel the peer closed is freed as soon as libssh2 has
// read its EOF; every kept channel dies with the session (tearDown()).

#include "core/ssh/hostkeyinfo.h"
#include "core/ssh/jumphost.h"
#include "core/ssh/keptstreams.h"
#include "core/ssh/pendingreply.h"
#include "core/ssh/reconnectbackoff.h"
#include "core/ssh/sshauthenticator.h"
#include "core/ssh/sshchannelop.h"
#include "core/ssh/sshtarget.h"
#include "core/ssh/sshtransport.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QSocketNotifier>
#include <QTimer>

#include <libssh2.h>
#include <map>
#include <memory>
#include <vector>

namespace vipdeck {

class SshConnection final : public QObject
{
public:
    using StatusSink = std::function<void(const TransportStatus &)>;
    using CountersSink = std::function<void(const StreamCounters &)>;

    SshConnection(SshTransportOptions options, StatusSink statusSink,
                  CountersSink countersSink = {});
    ~SshConnection() override;

    void request(const QString &socketPath, const QByteArray &payload,
                 Transport::Completion complete, std::chrono::milliseconds timeout,
                 qsizetype replyLimit, PendingReply<QByteArray> reply);
    void streamRequest(const QString &socketPath, const StreamOptions &stream,
                       const QByteArray &payload, Transport::Completion complete,
                       std::chrono::milliseconds timeout, qsizetype replyLimit,
                       PendingReply<QByteArray> reply);
    void closeStream(const QString &socketPath);
    void exec(const QStringList &argv, std::chrono::milliseconds timeout, qsizetype replyLimit,
              PendingReply<ExecResult> reply);
    void glob(const QString &pattern, std::chrono::milliseconds timeout,
              PendingReply<QStringList> reply);
    void connectToHost();
    void reconnectNow();
    void setReconnectMaxDelay(std::chrono::milliseconds delay) { m_backoff.setMax(delay); }
    void fetchHostKey(PendingReply<HostKeyInfo> reply);
    // See SshTransport::openTunnel; `localFd` is owned from now on.
    void openTunnel(const QString &host, int port, int localFd, std::chrono::milliseconds timeout,
                    PendingReply<void> reply);

private:
    enum class Phase { Idle, Resolving, TcpConnecting, Handshaking, Authenticating, Connected };

    // Calls
    void submit(std::unique_ptr<SshChannelOp> op);
    // `stream` non-null: a request on the kept stream to socketPath.
    void submitStreamLocal(const QString &socketPath, const StreamOptions *stream,
                           const QByteArray &payload, Transport::Completion complete,
                           QDeadlineTimer deadline, qsizetype replyLimit,
                           std::function<void(Result<QByteArray>)> done);
    void submitExec(const QString &command, QDeadlineTimer deadline,
                    std::function<void(Result<SshChannelOp::Output>)> done,
                    qsizetype replyLimit = 0);
    void diagnoseOpenFailure(const QString &socketPath, const Error &refusal,
                             QDeadlineTimer deadline, std::function<void(Result<QByteArray>)> done);
    QDeadlineTimer deadlineFor(std::chrono::milliseconds timeout) const;
    QString where(const QString &target = {}) const;

    // Connection set-up
    void startConnecting();
    // Instead of resolving and connecting: a channel through the jump host.
    void startTunnel();
    // `error` as the user should read it when this host is reached through a
    // jump host: the jump host's own failure if that is what happened, else
    // the error naming the jump host.
    Error throughJump(const Error &error) const;
    void onResolved(const QList<QHostAddress> &addresses, const QString &lookupError);
    void connectNextAddress();
    void onTcpConnected();
    void driveSetup();
    Result<void> checkHostKey();
    // Asks for the passphrase of `keyPath` on a thread of its own (the
    // callback may wait for a person); the answer comes back queued and
    // resumes authentication.
    void askPassphrase(const QString &keyPath);
    // Lets go of an open question: its answer, when it comes, is dropped.
    void dropQuestion();
    void onSetupTimeout();

    // Running
    void pump();
    // One pump for every call submitted in the same event-loop turn: a poll
    // submits one call per socket, and pumping after each would step every
    // op already queued again (quadratic in the VIPs per host).
    void schedulePump();
    // Kept streams, from inside pump(): lend a queued op its stream's idle
    // channel, take a channel back, free idle channels the peer closed.
    void lendKeptChannel(SshChannelOp *op);
    void takeBackChannel(SshChannelOp *op);
    void releaseClosedIdleStreams();
    void releaseChannel(const QString &socketPath, LIBSSH2_CHANNEL *channel);
    void publishCounters();
    void onReadable();
    void onWritable();
    void updateNotifiers();
    void scheduleDeadlines();
    void onDeadline();
    void onKeepalive();
    void startProbe();

    // Failure and state
    void setupFailed(const Error &error);
    void connectionLost(const Error &error);
    void tearDown();
    void failAll(const Error &error, bool keepUnsent);
    void setState(TransportState state, const Error &error = {});

    const SshTransportOptions m_options;
    ReconnectBackoff m_backoff{m_options.reconnectInitialDelay, m_options.reconnectMaxDelay};
    const StatusSink m_statusSink;
    TransportStatus m_status;

    Phase m_phase = Phase::Idle;
    quint64 m_generation = 0; // bumped per attempt; stale callbacks compare it
    SshTarget m_target;
    QList<QHostAddress> m_addresses;
    QString m_lastConnectError;
    int m_lookupId = -1;
    int m_fd = -1;
    std::unique_ptr<QSocketNotifier> m_readNotifier;
    std::unique_ptr<QSocketNotifier> m_writeNotifier;
    // Jump hosts: the connection to the last hop, and the tunnel of this attempt.
    std::shared_ptr<SshTransport> m_jump;
    QList<JumpHop> m_jumpChain;
    QFuture<Result<void>> m_tunnel;
    // Tunnels this connection carries for hosts behind it: the local end's
    // wake-ups, by op.
    struct TunnelNotifiers
    {
        int fd = -1;
        std::unique_ptr<QSocketNotifier> read;
        std::unique_ptr<QSocketNotifier> write;
    };
    std::map<const SshChannelOp *, TunnelNotifiers> m_tunnelNotifiers;
    void updateTunnelNotifiers();
    // Removes the ops `done` selects, their tunnel wake-ups first (an op
    // closes its local end when destroyed).
    template <typename Predicate> void eraseOps(Predicate done);
    LIBSSH2_SESSION *m_session = nullptr;
    std::unique_ptr<SshAuthenticator> m_auth; // while authenticating
    // An open passphrase question; shared with the thread that asks it.
    std::shared_ptr<struct PassphraseQuestion> m_question;
    HostKeyInfo m_offeredKey;
    QHash<QString, QByteArray> m_passphrases; // per key file, for reconnects

    std::vector<std::unique_ptr<SshChannelOp>> m_ops;
    SshChannelOp *m_opening = nullptr;   // the one op whose channel open is in flight
    SshChannelOp *m_sendOwner = nullptr; // the op whose partly sent packet waits in libssh2
    bool m_pumping = false;
    bool m_pumpScheduled = false;
    bool m_probeRunning = false;
    std::vector<PendingReply<HostKeyInfo>> m_hostKeyWaiters;

    // Kept streams: the idle channels, what may be borrowed, the counters.
    KeptStreams m_streams{m_options.maxKeptStreams, m_options.maxStreamAge,
                          [this](const QString &socketPath, LIBSSH2_CHANNEL *channel) {
                              releaseChannel(socketPath, channel);
                          },
                          [](LIBSSH2_CHANNEL *channel) {
                              // not closed by the peer, no bytes nobody asked for
                              return !libssh2_channel_eof(channel) &&
                                     !libssh2_poll_channel_read(channel, 0);
                          }};
    bool m_releaseQueued = false; // a release op waits for its first step
    const CountersSink m_countersSink;
    StreamCounters m_publishedCounters;

    QTimer m_setupTimer{this};    // connect, then authentication timeout
    QTimer m_deadlineTimer{this}; // the earliest op deadline
    QTimer m_keepaliveTimer{this};
    QTimer m_retryTimer{this}; // reconnect backoff
    qint64 m_lastReceived = 0; // monotonic ms of the last bytes from sshd
    qint64 m_connectedAt = 0;

    // libssh2's socket reader, wrapped to note when sshd last sent anything.
    static ssize_t receive(libssh2_socket_t socket, void *buffer, size_t length, int flags,
                           void **abstract);
};

} // namespace vipdeck
