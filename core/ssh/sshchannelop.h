#pragma once

// SshChannelOp: one call carried by one SSH channel, written as a
// non-blocking state machine that SshConnection steps whenever the socket
// may have moved: a request to a UNIX socket (direct-streamlocal), a command
// (exec), a probe that only opens and closes a session channel (the
// connection's liveness check, which also drains packets while idle), or a
// tunnel: a `direct-tcpip` channel to a host and port behind this one, its
// bytes copied to and from one end of a local socket pair (how an LB host's
// own SSH session runs through a jump host).
//
// libssh2 rules it follows (1.10): a call that returns EAGAIN is repeated
// with the same arguments; only one channel open may be in flight per
// session (the open state lives in the session), so SshConnection grants
// `mayOpen` to one op at a time; and while a partly sent packet waits in
// libssh2 (EAGAIN with the outbound direction blocked), only the op that
// sent it may call libssh2 again, which is why step() reports sendPending.
//
// A tunnel reports once, when its channel opened (or could not), then copies
// until either side closes: the local end closing (the session behind it
// ended) frees the channel; the channel's EOF shuts the local end for writing.
// It never counts against sshd's MaxSessions (not a session channel).
//
// A request on a kept stream (keptStream()) borrows the stream's open
// channel (adopt()) or opens a fresh one and writes the stream's opening
// first; when its reply is complete it hands the channel back (stage Kept,
// takeKeptChannel()) instead of freeing it.  If the borrowed channel turns
// out closed by the peer before any reply byte arrived, it frees it and
// starts over on a fresh channel, once.

#include "core/common/result.h"
#include "core/ssh/transport.h"

#include <QDeadlineTimer>

#include <functional>
#include <libssh2.h>
#include <memory>

namespace vipdeck {

class SshChannelOp
{
public:
    enum class Kind { StreamLocal, Exec, Probe, Tunnel };
    enum class Stage {
        Queued,
        Opening,
        Starting,
        SendingEof,
        Writing,
        Reading,
        Forwarding, // a tunnel copying bytes both ways
        Closing,
        Freeing,
        Kept, // finished; the open channel waits to be taken back by its stream
        Done
    };

    struct Output
    {
        QByteArray standardOutput;
        QByteArray standardError;
        int exitStatus = -1; // exec only; -1 when killed by a signal
    };
    // Called once with the outcome and the stage the op had reached (an
    // error at Opening means sshd refused the channel).
    using Finished = std::function<void(Result<Output>, Stage)>;

    static std::unique_ptr<SshChannelOp> streamLocal(const QString &socketPath, QByteArray payload,
                                                     Transport::Completion complete,
                                                     QDeadlineTimer deadline, Finished finished);
    static std::unique_ptr<SshChannelOp> keptStream(const QString &socketPath,
                                                    const StreamOptions &stream, QByteArray payload,
                                                    Transport::Completion complete,
                                                    QDeadlineTimer deadline, Finished finished);
    // Closes a kept stream's idle channel; nobody waits for it.
    static std::unique_ptr<SshChannelOp> release(const QString &socketPath,
                                                 LIBSSH2_CHANNEL *channel);
    static std::unique_ptr<SshChannelOp> exec(const QString &command, QDeadlineTimer deadline,
                                              Finished finished);
    static std::unique_ptr<SshChannelOp> probe(QDeadlineTimer deadline, Finished finished);
    // `localFd`: this side's end of a non-blocking socket pair, owned by the
    // op from now on (closed by its destructor).  `finished` is called when
    // the channel opened (empty Output) or could not be opened.
    static std::unique_ptr<SshChannelOp> tunnel(const QString &host, int port, int localFd,
                                                QDeadlineTimer deadline, Finished finished);

    ~SshChannelOp();
    SshChannelOp(const SshChannelOp &) = delete;
    SshChannelOp &operator=(const SshChannelOp &) = delete;

    struct StepResult
    {
        bool progressed = false;    // stage changed or data moved
        bool sendPending = false;   // a partly sent packet of this op waits in libssh2
        bool openedChannel = false; // a channel open succeeded
        bool restarted = false;     // a borrowed kept channel was closed: starting over
        int sessionError = 0;       // a libssh2 error that ends the whole session
        QString sessionErrorText;
    };
    // Advances as far as the socket allows.  `mayOpen`: this op may start or
    // continue opening its channel now.
    StepResult step(LIBSSH2_SESSION *session, bool mayOpen);
    // Told at once when a channel opens or a borrowed one is given up, inside
    // step() and so before the reply can be delivered in the same step: the
    // connection's stream counters are then never behind a reply someone has.
    enum class ChannelEvent { Opened, Restarted };
    void setChannelEvents(std::function<void(ChannelEvent)> onEvent)
    {
        m_onChannelEvent = std::move(onEvent);
    }

    Kind kind() const { return m_kind; }
    Stage stage() const { return m_stage; }
    QString target() const { return m_target; }
    QDeadlineTimer deadline() const { return m_deadline; }
    // The limit the deadline was computed from, for messages.
    qint64 timeoutMs() const { return m_timeoutMs; }
    void setTimeoutMs(qint64 ms) { m_timeoutMs = ms; }
    // The most one reply (each of stdout and stderr for exec) may hold;
    // 0: defaultReplyLimit.
    void setReplyLimit(qsizetype bytes) { m_replyLimit = bytes > 0 ? bytes : defaultReplyLimit; }
    bool isDelivered() const { return m_delivered; }
    // Kept streams: the socket path this op's stream is kept under, or empty.
    const QString &streamKey() const { return m_streamKey; }
    // Uses the stream's open channel instead of opening one (stage Queued only).
    void adopt(LIBSSH2_CHANNEL *channel);
    bool adopted() const { return m_adopted; }
    // Whether it found its borrowed channel closed and opened a fresh one.
    bool reopened() const { return m_retried; }
    // Stage Kept: gives the channel back to the stream; the op is then Done.
    LIBSSH2_CHANNEL *takeKeptChannel();
    bool isDone() const { return m_stage == Stage::Done; }
    bool sendPending() const { return m_sendPending; }
    // A session channel (exec or probe) that is opening or open.
    bool holdsSessionChannel() const;
    // Reading, and libssh2 holds nothing for its channel (no data, no EOF):
    // once the socket was read in this pass, stepping it would only cost a
    // recv() that says EAGAIN.
    bool awaitsData() const;

    // Tunnels: the local end, and whether the op waits for it to become
    // readable (room for more bytes to send) or writable (bytes from the
    // channel wait for it).
    int localFd() const { return m_localFd; }
    bool wantsLocalRead() const;
    bool wantsLocalWrite() const;

    // Completes the call with `error` now (a timeout, say); the channel, if
    // any, is closed later without anyone waiting for it.
    void abandon(const Error &error);
    // The session is gone and took the channel with it.
    void sessionLost(const Error &error);

private:
    SshChannelOp(Kind kind, QString target, QDeadlineTimer deadline, Finished finished);

    void deliver(Result<Output> result);
    void channelEvent(ChannelEvent event)
    {
        if (m_onChannelEvent)
            m_onChannelEvent(event);
    }
    std::function<void(ChannelEvent)> m_onChannelEvent;
    StepResult blocked(LIBSSH2_SESSION *session, StepResult result);
    // Sorts a failed libssh2 call: session errors go to the connection,
    // channel errors end this op.  Returns true if the session failed.
    bool failed(LIBSSH2_SESSION *session, int rc, const QString &what, StepResult &result);
    bool readInto(LIBSSH2_SESSION *session, int stream, QByteArray &buffer, StepResult &result,
                  bool &sessionFailed);
    // A borrowed channel the peer had closed: free it, then open afresh.
    bool restartOnFreshChannel();
    // One step of a tunnel in stage Forwarding.
    StepResult forward(LIBSSH2_SESSION *session, StepResult result);

    const Kind m_kind;
    const QString m_target; // socket path or command line, for messages
    QByteArray m_openPayload;
    QByteArray m_payload; // bytes to write (request) or the command (exec)
    qsizetype m_written = 0;
    Transport::Completion m_complete;
    QDeadlineTimer m_deadline;
    qint64 m_timeoutMs = 0;
    qsizetype m_replyLimit = defaultReplyLimit;
    Finished m_finished;
    LIBSSH2_CHANNEL *m_channel = nullptr;
    Stage m_stage = Stage::Queued;
    bool m_delivered = false;
    bool m_sendPending = false;
    bool m_closeSent = false;
    Output m_output;
    // Kept streams
    QString m_streamKey;
    StreamOptions m_stream;
    QByteArray m_request;      // the caller's payload, without the opening
    bool m_adopted = false;    // writing on a channel that was already open
    bool m_openingDone = true; // the opening's answer has been read and dropped
    bool m_retried = false;    // it already started over once
    bool m_restartAfterFree = false;
    // Tunnels
    QString m_tunnelHost;
    int m_tunnelPort = 0;
    int m_localFd = -1;
    QByteArray m_toChannel;   // read from the local end, not yet written to the channel
    QByteArray m_toLocal;     // read from the channel, not yet written to the local end
    bool m_localEof = false;  // the local end closed (or failed): the tunnel winds down
    bool m_remoteEof = false; // the channel's EOF was passed on to the local end
    bool m_abandoned = false; // abandon() was called (a tunnel is delivered when it opens)
};

// True for libssh2 errors after which the session cannot be used any more.
bool isSessionFatal(int libssh2Error);

// The last libssh2 error message of `session`.
QString libssh2ErrorText(LIBSSH2_SESSION *session);

} // namespace vipdeck
