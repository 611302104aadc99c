#include "core/ssh/sshchannelop.h"

#include "core/ssh/sshwire.h"
#include "core/ssh/translate.h"

#include <cerrno>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

constexpr char streamLocalType[] = "direct-streamlocal@openssh.com";
constexpr char sessionType[] = "session";

} // namespace

bool isSessionFatal(int libssh2Error)
{
    switch (libssh2Error) {
    case LIBSSH2_ERROR_SOCKET_NONE:
    case LIBSSH2_ERROR_BANNER_RECV:
    case LIBSSH2_ERROR_BANNER_SEND:
    case LIBSSH2_ERROR_INVALID_MAC:
    case LIBSSH2_ERROR_KEX_FAILURE:
    case LIBSSH2_ERROR_ALLOC:
    case LIBSSH2_ERROR_SOCKET_SEND:
    case LIBSSH2_ERROR_KEY_EXCHANGE_FAILURE:
    case LIBSSH2_ERROR_TIMEOUT:
    case LIBSSH2_ERROR_DECRYPT:
    case LIBSSH2_ERROR_SOCKET_DISCONNECT:
    case LIBSSH2_ERROR_PROTO:
    case LIBSSH2_ERROR_SOCKET_TIMEOUT:
    case LIBSSH2_ERROR_SOCKET_RECV:
    case LIBSSH2_ERROR_ENCRYPT:
    case LIBSSH2_ERROR_BAD_SOCKET:
        return true;
    default:
        return false;
    }
}

QString libssh2ErrorText(LIBSSH2_SESSION *session)
{
    char *message = nullptr;
    int length = 0;
    libssh2_session_last_error(session, &message, &length, 0);
    return message ? QString::fromUtf8(message, length) : QString();
}

SshChannelOp::SshChannelOp(Kind kind, QString target, QDeadlineTimer deadline, Finished finished)
    : m_kind(kind)
    , m_target(std::move(target))
    , m_deadline(deadline)
    , m_finished(std::move(finished))
{}

SshChannelOp::~SshChannelOp()
{
    // Freed sessions free their channels; a live channel here would leak, so
    // SshConnection only destroys ops that are Done or whose session is gone.
    Q_ASSERT(!m_channel);
    deliver(Error(ErrorCode::Cancelled, TransportTr::tr("The transport was closed.")));
    if (m_localFd >= 0)
        ::close(m_localFd);
}

std::unique_ptr<SshChannelOp> SshChannelOp::streamLocal(const QString &socketPath,
                                                        QByteArray payload,
                                                        Transport::Completion complete,
                                                        QDeadlineTimer deadline, Finished finished)
{
    std::unique_ptr<SshChannelOp> op(
        new SshChannelOp(Kind::StreamLocal, socketPath, deadline, std::move(finished)));
    op->m_openPayload = streamLocalPayload(socketPath);
    op->m_payload = std::move(payload);
    op->m_complete = std::move(complete);
    return op;
}

std::unique_ptr<SshChannelOp>
SshChannelOp::keptStream(const QString &socketPath, const StreamOptions &stream, QByteArray payload,
                         Transport::Completion complete, QDeadlineTimer deadline, Finished finished)
{
    auto op = streamLocal(socketPath, stream.opening + payload, std::move(complete), deadline,
                          std::move(finished));
    op->m_streamKey = socketPath;
    op->m_stream = stream;
    op->m_request = std::move(payload);
    op->m_openingDone = stream.opening.isEmpty();
    return op;
}

std::unique_ptr<SshChannelOp> SshChannelOp::release(const QString &socketPath,
                                                    LIBSSH2_CHANNEL *channel)
{
    std::unique_ptr<SshChannelOp> op(
        new SshChannelOp(Kind::StreamLocal, socketPath, QDeadlineTimer::Forever, {}));
    op->m_channel = channel;
    op->m_stage = Stage::Freeing;
    op->m_delivered = true;
    return op;
}

void SshChannelOp::adopt(LIBSSH2_CHANNEL *channel)
{
    Q_ASSERT(m_stage == Stage::Queued && !m_channel);
    m_channel = channel;
    m_adopted = true;
    m_payload = m_request; // the stream was opened already
    m_openingDone = true;
    m_stage = Stage::Writing;
}

LIBSSH2_CHANNEL *SshChannelOp::takeKeptChannel()
{
    Q_ASSERT(m_stage == Stage::Kept);
    LIBSSH2_CHANNEL *channel = m_channel;
    m_channel = nullptr;
    m_stage = Stage::Done;
    return channel;
}

bool SshChannelOp::restartOnFreshChannel()
{
    // Only a borrowed channel, only once, and only while nothing of the reply
    // arrived: then the peer cannot have answered this request.
    if (!m_adopted || m_retried || m_delivered || !m_output.standardOutput.isEmpty())
        return false;
    m_restartAfterFree = true;
    m_sendPending = false;
    m_stage = Stage::Freeing;
    return true;
}

std::unique_ptr<SshChannelOp> SshChannelOp::exec(const QString &command, QDeadlineTimer deadline,
                                                 Finished finished)
{
    std::unique_ptr<SshChannelOp> op(
        new SshChannelOp(Kind::Exec, command, deadline, std::move(finished)));
    op->m_payload = command.toUtf8();
    return op;
}

std::unique_ptr<SshChannelOp> SshChannelOp::probe(QDeadlineTimer deadline, Finished finished)
{
    return std::unique_ptr<SshChannelOp>(
        new SshChannelOp(Kind::Probe, u"keepalive probe"_s, deadline, std::move(finished)));
}

std::unique_ptr<SshChannelOp> SshChannelOp::tunnel(const QString &host, int port, int localFd,
                                                   QDeadlineTimer deadline, Finished finished)
{
    std::unique_ptr<SshChannelOp> op(new SshChannelOp(
        Kind::Tunnel, host + u':' + QString::number(port), deadline, std::move(finished)));
    op->m_tunnelHost = host;
    op->m_tunnelPort = port;
    op->m_openPayload = host.toUtf8();
    op->m_localFd = localFd;
    return op;
}

bool SshChannelOp::holdsSessionChannel() const
{
    return (m_kind == Kind::Exec || m_kind == Kind::Probe) && m_stage != Stage::Queued &&
           m_stage != Stage::Done;
}

bool SshChannelOp::wantsLocalRead() const
{
    return m_stage == Stage::Forwarding && !m_localEof && m_toChannel.isEmpty();
}

bool SshChannelOp::wantsLocalWrite() const
{
    return m_stage == Stage::Forwarding && !m_toLocal.isEmpty();
}

bool SshChannelOp::awaitsData() const
{
    if (m_stage != Stage::Reading || m_delivered || m_sendPending || !m_channel)
        return false;
    // Extended 1 asks for stdout or stderr, 0 for stdout only.
    const int extended = m_kind == Kind::Exec ? 1 : 0;
    return !libssh2_poll_channel_read(m_channel, extended) && !libssh2_channel_eof(m_channel);
}

void SshChannelOp::deliver(Result<Output> result)
{
    if (m_delivered)
        return;
    m_delivered = true;
    if (m_finished)
        m_finished(std::move(result), m_stage);
    m_finished = nullptr;
}

void SshChannelOp::abandon(const Error &error)
{
    m_abandoned = true;
    deliver(error);
    if (m_stage == Stage::Queued)
        m_stage = Stage::Done;
    // Any other stage winds down in step(): an open in flight must finish
    // (its state is the session's), a partly sent packet must be completed.
}

void SshChannelOp::sessionLost(const Error &error)
{
    deliver(error);
    m_channel = nullptr; // freed with the session
    m_stage = Stage::Done;
}

SshChannelOp::StepResult SshChannelOp::blocked(LIBSSH2_SESSION *session, StepResult result)
{
    m_sendPending = libssh2_session_block_directions(session) & LIBSSH2_SESSION_BLOCK_OUTBOUND;
    result.sendPending = m_sendPending;
    return result;
}

bool SshChannelOp::failed(LIBSSH2_SESSION *session, int rc, const QString &what, StepResult &result)
{
    m_sendPending = false;
    result.progressed = true;
    const QString text = libssh2ErrorText(session);
    if (isSessionFatal(rc)) {
        result.sessionError = rc;
        result.sessionErrorText = text;
        return true;
    }
    deliver(Error(ErrorCode::ChannelFailed, what, {}, {}, text));
    m_stage = m_channel ? Stage::Freeing : Stage::Done;
    return false;
}

bool SshChannelOp::readInto(LIBSSH2_SESSION *session, int stream, QByteArray &buffer,
                            StepResult &result, bool &sessionFailed)
{
    char chunk[32768];
    bool gotData = false;
    for (;;) {
        const ssize_t n = libssh2_channel_read_ex(m_channel, stream, chunk, sizeof chunk);
        if (n > 0) {
            if (buffer.size() + n > m_replyLimit) {
                // A peer that never stops (or a reply far larger than the
                // command can have) costs no more than the limit.
                buffer = QByteArray();
                deliver(replyTooLargeError(m_replyLimit));
                m_stage = m_channel ? Stage::Freeing : Stage::Done;
                result.progressed = true;
                return gotData;
            }
            buffer.append(chunk, qsizetype(n));
            gotData = true;
            result.progressed = true;
            continue;
        }
        if (n == 0 || n == LIBSSH2_ERROR_EAGAIN)
            return gotData;
        if (n == LIBSSH2_ERROR_CHANNEL_CLOSED || n == LIBSSH2_ERROR_CHANNEL_EOF_SENT)
            return gotData; // the peer closed: handled like EOF by the caller
        sessionFailed =
            failed(session, int(n), TransportTr::tr("Reading from the channel failed."), result);
        return gotData;
    }
}

SshChannelOp::StepResult SshChannelOp::step(LIBSSH2_SESSION *session, bool mayOpen)
{
    StepResult result;
    for (;;) {
        // Abandoned (timed out): skip to closing as soon as no open or partly
        // sent packet is in flight.  (A tunnel is delivered when it opens.)
        const bool ended = m_kind == Kind::Tunnel ? m_abandoned : m_delivered;
        if (ended && !m_sendPending && m_stage != Stage::Opening && m_stage != Stage::Freeing &&
            m_stage != Stage::Kept && m_stage != Stage::Done)
            m_stage = m_channel ? Stage::Freeing : Stage::Done;

        switch (m_stage) {
        case Stage::Queued:
            if (!mayOpen)
                return result;
            m_stage = Stage::Opening;
            result.progressed = true;
            continue;

        case Stage::Opening: {
            const bool streamLocal = m_kind == Kind::StreamLocal;
            const bool tunnel = m_kind == Kind::Tunnel;
            // The originator is reported to sshd only; nothing connects to it.
            LIBSSH2_CHANNEL *channel =
                tunnel ? libssh2_channel_direct_tcpip_ex(session, m_openPayload.constData(),
                                                         m_tunnelPort, "127.0.0.1", 22)
                       : libssh2_channel_open_ex(
                             session, streamLocal ? streamLocalType : sessionType,
                             streamLocal ? sizeof streamLocalType - 1 : sizeof sessionType - 1,
                             LIBSSH2_CHANNEL_WINDOW_DEFAULT, LIBSSH2_CHANNEL_PACKET_DEFAULT,
                             streamLocal ? m_openPayload.constData() : nullptr,
                             streamLocal ? unsigned(m_openPayload.size()) : 0);
            if (!channel) {
                const int rc = libssh2_session_last_errno(session);
                if (rc == LIBSSH2_ERROR_EAGAIN)
                    return blocked(session, result);
                const QString what =
                    tunnel ? TransportTr::tr("sshd refused to connect to %1 port %2.")
                                 .arg(m_tunnelHost)
                                 .arg(m_tunnelPort)
                    : streamLocal ? TransportTr::tr("sshd refused to open the socket.")
                                  : TransportTr::tr("sshd refused a session channel.");
                if (failed(session, rc, what, result))
                    return result;
                continue;
            }
            m_channel = channel;
            m_sendPending = false;
            result.progressed = true;
            result.openedChannel = true;
            channelEvent(ChannelEvent::Opened);
            if (m_kind == Kind::StreamLocal) {
                m_stage = Stage::Writing;
            } else if (m_kind == Kind::Tunnel) {
                m_stage = Stage::Forwarding;
                deliver(Output{});
            } else if (m_kind == Kind::Exec) {
                m_stage = Stage::Starting;
            } else {
                m_stage = Stage::Freeing;
            }
            continue;
        }

        case Stage::Forwarding:
            result = forward(session, result);
            if (result.sessionError || m_stage == Stage::Forwarding)
                return result;
            continue;

        case Stage::Starting: {
            const int rc = libssh2_channel_process_startup(
                m_channel, "exec", 4, m_payload.constData(), unsigned(m_payload.size()));
            if (rc == LIBSSH2_ERROR_EAGAIN)
                return blocked(session, result);
            if (rc != 0) {
                if (failed(session, rc, TransportTr::tr("sshd refused to run the command."),
                           result))
                    return result;
                continue;
            }
            m_sendPending = false;
            m_stage = Stage::SendingEof;
            result.progressed = true;
            continue;
        }

        case Stage::SendingEof: {
            // The command gets an empty stdin, so nothing waits for input.
            const int rc = libssh2_channel_send_eof(m_channel);
            if (rc == LIBSSH2_ERROR_EAGAIN)
                return blocked(session, result);
            if (rc != 0 &&
                failed(session, rc, TransportTr::tr("Closing the command's input failed."), result))
                return result;
            m_sendPending = false;
            if (m_stage == Stage::SendingEof)
                m_stage = Stage::Reading;
            result.progressed = true;
            continue;
        }

        case Stage::Writing:
            // No EOF after the request: BIRD closes a half-closed socket
            // without answering, and HAProxy does not need one.
            while (m_written < m_payload.size()) {
                const ssize_t n =
                    libssh2_channel_write_ex(m_channel, 0, m_payload.constData() + m_written,
                                             size_t(m_payload.size() - m_written));
                if (n == LIBSSH2_ERROR_EAGAIN)
                    return blocked(session, result);
                if ((n == LIBSSH2_ERROR_CHANNEL_CLOSED || n == LIBSSH2_ERROR_CHANNEL_EOF_SENT) &&
                    restartOnFreshChannel()) {
                    result.progressed = result.restarted = true;
                    channelEvent(ChannelEvent::Restarted);
                    break;
                }
                if (n < 0) {
                    if (failed(session, int(n), TransportTr::tr("Writing to the socket failed."),
                               result))
                        return result;
                    break;
                }
                m_sendPending = false;
                m_written += n;
                result.progressed = true;
            }
            if (m_stage == Stage::Writing)
                m_stage = Stage::Reading;
            continue;

        case Stage::Reading: {
            bool sessionFailed = false;
            const bool gotData =
                readInto(session, 0, m_output.standardOutput, result, sessionFailed);
            if (sessionFailed)
                return result;
            if (m_kind == Kind::Exec) {
                readInto(session, SSH_EXTENDED_DATA_STDERR, m_output.standardError, result,
                         sessionFailed);
                if (sessionFailed)
                    return result;
            }
            if (m_stage != Stage::Reading)
                continue; // a channel error ended it
            if (m_kind == Kind::StreamLocal) {
                QByteArray &received = m_output.standardOutput;
                if (!m_openingDone && gotData) {
                    const qsizetype skip =
                        m_stream.openingReplyLength ? m_stream.openingReplyLength(received) : 0;
                    if (skip >= 0) {
                        received.remove(0, skip);
                        m_openingDone = true;
                    }
                }
                const bool complete =
                    m_openingDone && gotData && m_complete && m_complete(received);
                if (complete) {
                    deliver(m_output);
                    // A kept stream's channel goes back to its stream, unless
                    // a packet (a window adjust) may still be half sent: then
                    // this op must finish with libssh2 itself, by freeing it.
                    const bool sendBlocked =
                        libssh2_session_block_directions(session) & LIBSSH2_SESSION_BLOCK_OUTBOUND;
                    m_stage = m_streamKey.isEmpty() || sendBlocked ? Stage::Freeing : Stage::Kept;
                    result.progressed = true;
                    if (m_stage == Stage::Kept)
                        return result;
                    continue;
                }
                if (libssh2_channel_eof(m_channel)) {
                    if (restartOnFreshChannel()) {
                        result.progressed = result.restarted = true;
                        channelEvent(ChannelEvent::Restarted);
                        continue;
                    }
                    deliver(m_output);
                    m_stage = Stage::Freeing;
                    result.progressed = true;
                    continue;
                }
            } else if (libssh2_channel_eof(m_channel)) {
                m_stage = Stage::Closing;
                result.progressed = true;
                continue;
            }
            return blocked(session, result);
        }

        case Stage::Closing: {
            // Exec: wait for sshd's close, which follows the exit status.
            if (!m_closeSent) {
                const int rc = libssh2_channel_close(m_channel);
                if (rc == LIBSSH2_ERROR_EAGAIN)
                    return blocked(session, result);
                if (rc != 0 &&
                    failed(session, rc, TransportTr::tr("Closing the channel failed."), result))
                    return result;
                m_closeSent = true;
                m_sendPending = false;
                result.progressed = true;
                if (m_stage != Stage::Closing)
                    continue;
            }
            const int rc = libssh2_channel_wait_closed(m_channel);
            if (rc == LIBSSH2_ERROR_EAGAIN)
                return blocked(session, result);
            char *signal = nullptr;
            libssh2_channel_get_exit_signal(m_channel, &signal, nullptr, nullptr, nullptr, nullptr,
                                            nullptr);
            m_output.exitStatus = signal ? -1 : libssh2_channel_get_exit_status(m_channel);
            if (signal)
                libssh2_free(session, signal);
            deliver(m_output);
            m_stage = Stage::Freeing;
            result.progressed = true;
            continue;
        }

        case Stage::Freeing: {
            const int rc = libssh2_channel_free(m_channel);
            if (rc == LIBSSH2_ERROR_EAGAIN)
                return blocked(session, result);
            m_sendPending = false;
            m_channel = nullptr;
            m_stage = Stage::Done;
            result.progressed = true;
            if (m_restartAfterFree && !isSessionFatal(rc)) {
                m_restartAfterFree = false;
                m_retried = true;
                m_adopted = false;
                m_payload = m_stream.opening + m_request;
                m_written = 0;
                m_output = {};
                m_openingDone = m_stream.opening.isEmpty();
                m_stage = Stage::Queued;
                return result;
            }
            if (m_kind == Kind::Probe)
                deliver(Output{});
            else
                deliver(Error(ErrorCode::Internal,
                              TransportTr::tr("The channel closed unexpectedly.")));
            if (isSessionFatal(rc)) {
                result.sessionError = rc;
                result.sessionErrorText = libssh2ErrorText(session);
            }
            return result;
        }

        case Stage::Kept:
        case Stage::Done:
            return result;
        }
    }
}

SshChannelOp::StepResult SshChannelOp::forward(LIBSSH2_SESSION *session, StepResult result)
{
    const auto transient = [] { return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR; };
    char chunk[32768];
    for (bool moved = true; moved;) {
        moved = false;
        // To the channel first: a packet libssh2 holds half sent must be
        // finished with the same call before anything else touches it.
        while (!m_toChannel.isEmpty()) {
            const ssize_t n = libssh2_channel_write_ex(m_channel, 0, m_toChannel.constData(),
                                                       size_t(m_toChannel.size()));
            if (n == LIBSSH2_ERROR_EAGAIN) {
                if (libssh2_session_block_directions(session) & LIBSSH2_SESSION_BLOCK_OUTBOUND)
                    return blocked(session, result);
                break; // the channel's window is full: reading may open it
            }
            if (n < 0) {
                failed(session, int(n), TransportTr::tr("Writing to the tunnel failed."), result);
                return result;
            }
            m_sendPending = false;
            m_toChannel.remove(0, qsizetype(n));
            moved = true;
        }
        if (m_toLocal.isEmpty() && !m_remoteEof) {
            const ssize_t n = libssh2_channel_read_ex(m_channel, 0, chunk, sizeof chunk);
            if (n > 0) {
                m_toLocal.append(chunk, qsizetype(n));
                moved = true;
            } else if (n == 0 || n == LIBSSH2_ERROR_EAGAIN || n == LIBSSH2_ERROR_CHANNEL_CLOSED ||
                       n == LIBSSH2_ERROR_CHANNEL_EOF_SENT) {
                if (libssh2_channel_eof(m_channel)) {
                    // The far end closed: tell the session behind us.
                    m_remoteEof = true;
                    ::shutdown(m_localFd, SHUT_WR);
                    moved = true;
                }
            } else {
                failed(session, int(n), TransportTr::tr("Reading from the tunnel failed."), result);
                return result;
            }
        }
        if (!m_toLocal.isEmpty()) {
            const ssize_t n = ::send(m_localFd, m_toLocal.constData(), size_t(m_toLocal.size()),
                                     MSG_NOSIGNAL | MSG_DONTWAIT);
            if (n > 0) {
                m_toLocal.remove(0, qsizetype(n));
                moved = true;
            } else if (!transient()) {
                m_localEof = true; // the session behind us is gone
                m_toLocal.clear();
                m_toChannel.clear();
            }
        }
        if (m_toChannel.isEmpty() && !m_localEof) {
            const ssize_t n = ::recv(m_localFd, chunk, sizeof chunk, MSG_DONTWAIT);
            if (n > 0) {
                m_toChannel.append(chunk, qsizetype(n));
                moved = true;
            } else if (n == 0 || !transient()) {
                m_localEof = true;
                moved = true;
            }
        }
        if (m_localEof && m_toChannel.isEmpty()) {
            // The session behind us ended: nothing more can be asked for.
            m_stage = Stage::Freeing;
            result.progressed = true;
            return result;
        }
        result.progressed = result.progressed || moved;
    }
    return blocked(session, result);
}

} // namespace vipdeck
