#include "core/ssh/sshconnection.h"

#include "core/common/handover.h"
#include "core/common/logging.h"
#include "core/ssh/globpattern.h"
#include "core/ssh/hostkeycheck.h"
#include "core/ssh/knownhosts.h"
#include "core/ssh/libssh2init.h"
#include "core/ssh/shellquote.h"
#include "core/ssh/sshwire.h"
#include "core/ssh/translate.h"

#include <QFile>
#include <QHostInfo>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <set>
#include <sys/socket.h>
#include <unistd.h>
#include <utility>

using namespace Qt::StringLiterals;

namespace vipdeck {

// An open passphrase question, shared by the connection and the thread that
// asks it: the answer is posted to `connection` unless the connection let go
// of it; `done` tells a dying connection that the callback returned.
struct PassphraseQuestion
{
    std::mutex mutex;
    std::condition_variable finished;
    SshConnection *connection = nullptr;
    bool done = false;
};

namespace {

qint64 nowMs()
{
    return QDeadlineTimer::current().deadline();
}

// Host key algorithms libssh2 1.10 can verify, best first.  ed25519 leads so
// that a known_hosts holding only the ed25519 line matches (see protocols.md).
const QStringList defaultHostKeyMethods{u"ssh-ed25519"_s, u"ecdsa-sha2-nistp256"_s,
                                        u"ecdsa-sha2-nistp384"_s, u"ecdsa-sha2-nistp521"_s,
                                        u"ssh-rsa"_s};

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

} // namespace

// --- construction ----------------------------------------------------------------------------

SshConnection::SshConnection(SshTransportOptions options, StatusSink statusSink,
                             CountersSink countersSink)
    : m_options(std::move(options))
    , m_statusSink(std::move(statusSink))
    , m_countersSink(std::move(countersSink))
{
    ensureLibssh2Initialised();
    m_setupTimer.setSingleShot(true);
    m_deadlineTimer.setSingleShot(true);
    m_deadlineTimer.setTimerType(Qt::PreciseTimer);
    m_retryTimer.setSingleShot(true);
    connect(&m_setupTimer, &QTimer::timeout, this, &SshConnection::onSetupTimeout);
    connect(&m_deadlineTimer, &QTimer::timeout, this, &SshConnection::onDeadline);
    connect(&m_keepaliveTimer, &QTimer::timeout, this, &SshConnection::onKeepalive);
    connect(&m_retryTimer, &QTimer::timeout, this, &SshConnection::startConnecting);
    m_status.since = QDateTime::currentDateTimeUtc();
}

SshConnection::~SshConnection()
{
    // The passphrase callback may refer to what our owner destroys after us:
    // wait until an open question returned (SshTransport's contract).
    if (const std::shared_ptr<PassphraseQuestion> question = m_question) {
        dropQuestion();
        std::unique_lock<std::mutex> lock(question->mutex);
        question->finished.wait(lock, [&] { return question->done; });
    }
    if (m_session && m_phase == Phase::Connected)
        libssh2_session_disconnect(m_session, "vipdeck closed the connection"); // one try
    const Error closed(ErrorCode::Cancelled, TransportTr::tr("The transport was closed."), where());
    failAll(closed, false);
    tearDown();
    for (const auto &waiter : m_hostKeyWaiters)
        waiter.finish(closed);
}

QString SshConnection::where(const QString &target) const
{
    return target.isEmpty() ? m_options.hostName : m_options.hostName + u':' + target;
}

QDeadlineTimer SshConnection::deadlineFor(std::chrono::milliseconds timeout) const
{
    const auto limit = timeout.count() > 0 ? timeout : m_options.ssh.commandTimeout;
    return QDeadlineTimer(limit, Qt::PreciseTimer);
}

// --- calls -----------------------------------------------------------------------------------

void SshConnection::request(const QString &socketPath, const QByteArray &payload,
                            Transport::Completion complete, std::chrono::milliseconds timeout,
                            qsizetype replyLimit, PendingReply<QByteArray> reply)
{
    if (!socketPath.startsWith(u'/') || socketPath.contains(QChar(0))) {
        reply.finish(Error(ErrorCode::InvalidArgument,
                           TransportTr::tr("The socket path must be absolute."),
                           where(socketPath)));
        return;
    }
    submitStreamLocal(socketPath, nullptr, payload, std::move(complete), deadlineFor(timeout),
                      replyLimit,
                      [reply](Result<QByteArray> result) { reply.finish(std::move(result)); });
}

void SshConnection::streamRequest(const QString &socketPath, const StreamOptions &stream,
                                  const QByteArray &payload, Transport::Completion complete,
                                  std::chrono::milliseconds timeout, qsizetype replyLimit,
                                  PendingReply<QByteArray> reply)
{
    if (!socketPath.startsWith(u'/') || socketPath.contains(QChar(0))) {
        reply.finish(Error(ErrorCode::InvalidArgument,
                           TransportTr::tr("The socket path must be absolute."),
                           where(socketPath)));
        return;
    }
    submitStreamLocal(socketPath, &stream, payload, std::move(complete), deadlineFor(timeout),
                      replyLimit,
                      [reply](Result<QByteArray> result) { reply.finish(std::move(result)); });
}

void SshConnection::closeStream(const QString &socketPath)
{
    const bool busy = std::any_of(m_ops.begin(), m_ops.end(), [&](const auto &op) {
        return op->streamKey() == socketPath && !op->isDone();
    });
    if (m_streams.close(socketPath, busy))
        pump();
}

void SshConnection::exec(const QStringList &argv, std::chrono::milliseconds timeout,
                         qsizetype replyLimit, PendingReply<ExecResult> reply)
{
    const Result<QString> command = shellCommand(argv);
    if (!command) {
        reply.finish(command.error().at(m_options.hostName));
        return;
    }
    submitExec(
        *command, deadlineFor(timeout),
        [reply](Result<SshChannelOp::Output> result) {
            if (!result) {
                reply.finish(result.error());
                return;
            }
            ExecResult out;
            out.exitCode = result->exitStatus;
            out.standardOutput = std::move(result->standardOutput);
            out.standardError = std::move(result->standardError);
            reply.finish(std::move(out));
        },
        replyLimit);
}

void SshConnection::glob(const QString &pattern, std::chrono::milliseconds timeout,
                         PendingReply<QStringList> reply)
{
    const Result<QString> command = globShellCommand(pattern);
    if (!command) {
        reply.finish(command.error().at(m_options.hostName));
        return;
    }
    submitExec(*command, deadlineFor(timeout),
               [reply, where = where(pattern)](Result<SshChannelOp::Output> result) {
                   if (!result) {
                       reply.finish(result.error());
                   } else if (result->exitStatus != 0) {
                       reply.finish(Error(ErrorCode::CommandFailed,
                                          TransportTr::tr("Listing the matching paths failed."),
                                          where, {}, QString::fromUtf8(result->standardError)));
                   } else {
                       reply.finish(parseGlobOutput(result->standardOutput));
                   }
               });
}

void SshConnection::submitStreamLocal(const QString &socketPath, const StreamOptions *stream,
                                      const QByteArray &payload, Transport::Completion complete,
                                      QDeadlineTimer deadline, qsizetype replyLimit,
                                      std::function<void(Result<QByteArray>)> done)
{
    SshChannelOp::Finished finished = [this, socketPath, deadline,
                                       done](Result<SshChannelOp::Output> result,
                                             SshChannelOp::Stage stage) {
        if (result) {
            done(std::move(result->standardOutput));
        } else if (result.error().code == ErrorCode::ChannelFailed &&
                   stage == SshChannelOp::Stage::Opening) {
            // Queued: this runs inside pump(), which must not be re-entered.
            postTo(
                this,
                [this, socketPath, refusal = result.error(), deadline, done] {
                    diagnoseOpenFailure(socketPath, refusal, deadline, done);
                },
                Qt::QueuedConnection);
        } else {
            Error error = result.error();
            if (error.where.isEmpty())
                error.where = where(socketPath);
            done(error);
        }
    };
    std::unique_ptr<SshChannelOp> op =
        stream ? SshChannelOp::keptStream(socketPath, *stream, payload, std::move(complete),
                                          deadline, std::move(finished))
               : SshChannelOp::streamLocal(socketPath, payload, std::move(complete), deadline,
                                           std::move(finished));
    op->setReplyLimit(replyLimit);
    submit(std::move(op));
}

void SshConnection::submitExec(const QString &command, QDeadlineTimer deadline,
                               std::function<void(Result<SshChannelOp::Output>)> done,
                               qsizetype replyLimit)
{
    std::unique_ptr<SshChannelOp> op = SshChannelOp::exec(
        command, deadline,
        [this, command, done](Result<SshChannelOp::Output> result, SshChannelOp::Stage) {
            if (!result && result.error().where.isEmpty()) {
                Error error = result.error();
                error.where = where();
                error.detail = command + u'\n' + error.detail;
                done(error);
                return;
            }
            done(std::move(result));
        });
    op->setReplyLimit(replyLimit);
    submit(std::move(op));
}

// OpenSSH answers every failed direct-streamlocal open with the same
// "administratively prohibited: open failed", whether the socket is missing,
// forbidden or dead.  One small exec tells them apart, so the error can say
// what to do.
void SshConnection::diagnoseOpenFailure(const QString &socketPath, const Error &refusal,
                                        QDeadlineTimer deadline,
                                        std::function<void(Result<QByteArray>)> done)
{
    const QString at = where(socketPath);
    const QString user = m_target.user;
    const Error unknown(
        ErrorCode::ChannelFailed,
        TransportTr::tr("sshd could not open the socket: it does not exist, the SSH user %1 may "
                        "not use it, or sshd forbids socket forwarding.")
            .arg(user),
        at,
        TransportTr::tr("Check the path, the socket's group (add %1 to it) and "
                        "AllowStreamLocalForwarding in sshd_config.")
            .arg(user),
        refusal.detail);
    const QString script =
        u"p="_s + shellQuote(socketPath) +
        u"; d=$(dirname -- \"$p\"); if [ -S \"$p\" ]; then if [ -w \"$p\" ]; then echo refused; "
        "else echo denied $(stat -c '%U %G %a' -- \"$p\" 2>/dev/null); fi; "
        "elif [ -e \"$p\" ]; then echo notsocket; "
        "elif [ -d \"$d\" ] && [ ! -x \"$d\" ]; then echo denied-dir; else echo missing; fi"_s;
    submitExec(script, deadline, [=](Result<SshChannelOp::Output> result) {
        if (!result || result->exitStatus != 0) {
            done(unknown);
            return;
        }
        const QStringList words =
            QString::fromUtf8(result->standardOutput).simplified().split(u' ');
        const QString verdict = words.value(0);
        if (verdict == u"missing"_s) {
            done(
                Error(ErrorCode::NoSuchSocket, TransportTr::tr("The socket does not exist."), at,
                      TransportTr::tr("Check the socket path in the fleet file and that the daemon "
                                      "runs."),
                      refusal.detail));
        } else if (verdict == u"notsocket"_s) {
            done(Error(ErrorCode::NoSuchSocket,
                       TransportTr::tr("The path exists but is not a UNIX socket."), at,
                       TransportTr::tr("Check the socket path in the fleet file."),
                       refusal.detail));
        } else if (verdict == u"denied"_s) {
            const QString owner = words.value(1);
            const QString group = words.value(2);
            const QString message =
                TransportTr::tr("Permission denied on the socket for SSH user %1 (socket owned by "
                                "%2:%3, mode %4).")
                    .arg(user, owner, group, words.value(3));
            QString hint;
            if (owner == user)
                hint = TransportTr::tr("The socket's mode denies even its owner: restore it (for "
                                       "HAProxy, `mode 660` on the `stats socket` line).");
            else if (!group.isEmpty())
                hint = TransportTr::tr("Add the SSH user to the %1 group (usermod -aG %1 %2) and "
                                       "make the socket group-writable (HAProxy: `stats socket ... "
                                       "mode 660 group %1`).")
                           .arg(group, user);
            else
                hint = TransportTr::tr("Give the SSH user write access to the socket.");
            done(Error(ErrorCode::PermissionDenied, message, at, hint, refusal.detail));
        } else if (verdict == u"denied-dir"_s) {
            done(Error(
                ErrorCode::PermissionDenied,
                TransportTr::tr("The SSH user %1 may not enter the socket's directory.").arg(user),
                at, TransportTr::tr("Give the SSH user search (x) permission on the directory."),
                refusal.detail));
        } else if (verdict == u"refused"_s) {
            done(Error(ErrorCode::ConnectFailed,
                       TransportTr::tr("The socket exists but sshd could not connect to it."), at,
                       TransportTr::tr("The daemon may be stopped or restarting; if it runs, check "
                                       "AllowStreamLocalForwarding in sshd_config."),
                       refusal.detail));
        } else {
            done(unknown);
        }
    });
}

void SshConnection::submit(std::unique_ptr<SshChannelOp> op)
{
    op->setTimeoutMs(op->deadline().remainingTime());
    if (!op->streamKey().isEmpty()) {
        // Counted inside step(), before a reply of the same step is delivered:
        // whoever holds the reply sees counters that include its stream.
        op->setChannelEvents([this, key = op->streamKey()](SshChannelOp::ChannelEvent event) {
            if (event == SshChannelOp::ChannelEvent::Opened)
                m_streams.opened(key, nowMs());
            else
                m_streams.reopened();
            publishCounters();
        });
    }
    switch (m_phase) {
    case Phase::Connected:
        m_ops.push_back(std::move(op));
        schedulePump();
        break;
    case Phase::Resolving:
    case Phase::TcpConnecting:
    case Phase::Handshaking:
    case Phase::Authenticating:
        m_ops.push_back(std::move(op));
        scheduleDeadlines();
        break;
    case Phase::Idle:
        if (m_status.state == TransportState::Failed &&
            (m_retryTimer.isActive() || !m_backoff.mayTryAt(nowMs()))) {
            // Failing fast while backing off: a dead host must not make every
            // poll wait for its own timeout.
            op->abandon(m_status.lastError);
            return;
        }
        m_ops.push_back(std::move(op));
        startConnecting();
        scheduleDeadlines();
        break;
    }
}

void SshConnection::connectToHost()
{
    if (m_phase == Phase::Idle && !m_retryTimer.isActive())
        startConnecting();
}

void SshConnection::reconnectNow()
{
    m_backoff.reset();
    m_retryTimer.stop();
    if (m_phase == Phase::Idle)
        startConnecting();
}

void SshConnection::fetchHostKey(PendingReply<HostKeyInfo> reply)
{
    if (m_phase == Phase::Connected) {
        reply.finish(m_offeredKey);
        return;
    }
    m_hostKeyWaiters.push_back(reply);
    if (m_phase == Phase::Idle) {
        m_retryTimer.stop();
        startConnecting();
    }
}

void SshConnection::openTunnel(const QString &host, int port, int localFd,
                               std::chrono::milliseconds timeout, PendingReply<void> reply)
{
    const auto limit = timeout.count() > 0 ? timeout : m_options.ssh.connectTimeout;
    submit(SshChannelOp::tunnel(host, port, localFd, QDeadlineTimer(limit, Qt::PreciseTimer),
                                [reply](Result<SshChannelOp::Output> opened, SshChannelOp::Stage) {
                                    if (opened)
                                        reply.finish({});
                                    else
                                        reply.finish(opened.error());
                                }));
}

template <typename Predicate> void SshConnection::eraseOps(Predicate done)
{
    for (const auto &op : m_ops) {
        if (done(op))
            m_tunnelNotifiers.erase(op.get());
    }
    std::erase_if(m_ops, done);
}

void SshConnection::updateTunnelNotifiers()
{
    // eraseOps() drops an op's notifiers before the op; this catches the rest.
    std::set<const SshChannelOp *> tunnels;
    for (const auto &op : m_ops) {
        if (op->kind() == SshChannelOp::Kind::Tunnel && op->localFd() >= 0)
            tunnels.insert(op.get());
    }
    std::erase_if(m_tunnelNotifiers,
                  [&](const auto &entry) { return !tunnels.count(entry.first); });
    for (const SshChannelOp *op : tunnels) {
        TunnelNotifiers &notifiers = m_tunnelNotifiers[op];
        if (notifiers.fd != op->localFd()) {
            notifiers.fd = op->localFd();
            notifiers.read = std::make_unique<QSocketNotifier>(notifiers.fd, QSocketNotifier::Read);
            notifiers.write =
                std::make_unique<QSocketNotifier>(notifiers.fd, QSocketNotifier::Write);
            connect(notifiers.read.get(), &QSocketNotifier::activated, this,
                    &SshConnection::schedulePump);
            connect(notifiers.write.get(), &QSocketNotifier::activated, this,
                    &SshConnection::schedulePump);
        }
        // Level-triggered: enabled only while the op would act on the wake-up.
        notifiers.read->setEnabled(op->wantsLocalRead());
        notifiers.write->setEnabled(op->wantsLocalWrite());
    }
}

// --- connection set-up -------------------------------------------------------------------------

void SshConnection::startConnecting()
{
    tearDown();
    m_retryTimer.stop();
    const QStringList loggedWarnings = m_target.configWarnings;
    m_target = resolveSshTarget(m_options);
    // Read again on every attempt, as ssh does; said once, not on every retry.
    if (m_target.configWarnings != loggedWarnings) {
        for (const QString &warning : std::as_const(m_target.configWarnings))
            qCWarning(lcSsh).noquote() << warning;
    }
    m_offeredKey = {};
    m_phase = Phase::Resolving;
    setState(TransportState::Connecting);
    // Each jump host gets its own connect_timeout, as with ssh -J: the
    // jump host's own error arrives before this host gives up.
    m_setupTimer.start(m_target.connectTimeout * (1 + m_target.jumps.size()));
    if (m_target.refusal) {
        setupFailed(*m_target.refusal);
        return;
    }
    if (!m_target.jumps.isEmpty()) {
        startTunnel();
        return;
    }
    m_jump.reset();
    m_jumpChain.clear();
    m_tunnel = {};
    // QHostInfo would ask the resolver for a literal address's name (a PTR
    // query): on a network whose resolver is slow or unreachable every
    // connect would wait for it, for a name nobody reads.
    const quint64 generation = m_generation;
    if (const QHostAddress literal(m_target.host); !literal.isNull()) {
        // Answered on the next turn of the loop, like a lookup: whoever
        // started the connection sees it connecting, never failed at once.
        QTimer::singleShot(0, this, [this, generation, literal] {
            if (generation == m_generation)
                onResolved({literal}, {});
        });
        return;
    }
    qCDebug(lcSsh) << "resolving" << m_target.host;
    m_lookupId =
        QHostInfo::lookupHost(m_target.host, this, [this, generation](const QHostInfo &info) {
            if (generation != m_generation)
                return;
            m_lookupId = -1;
            onResolved(info.addresses(),
                       info.error() == QHostInfo::NoError ? QString() : info.errorString());
        });
}

void SshConnection::startTunnel()
{
    if (!m_jump || m_jumpChain != m_target.jumps) {
        m_jump = sharedJumpTransport(m_options, m_target.jumps);
        m_jumpChain = m_target.jumps;
    }
    int ends[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, ends) != 0) {
        setupFailed(Error(ErrorCode::Io,
                          TransportTr::tr("Cannot create a socket pair for the jump host: %1")
                              .arg(errnoText(errno)),
                          where()));
        return;
    }
    m_fd = ends[1];
    // The handshake starts at once: what it sends waits in the socket pair
    // until the jump host's channel is open.
    m_tunnel =
        m_jump->openTunnel(m_target.host, m_target.port, std::make_shared<TunnelEnd>(ends[0]),
                           m_target.connectTimeout * m_target.jumps.size());
    m_phase = Phase::TcpConnecting;
    onTcpConnected();
}

Error SshConnection::throughJump(const Error &error) const
{
    if (!m_jump || m_jumpChain.isEmpty() || error.code == ErrorCode::Cancelled)
        return error;
    // The jump host's own failure explains this one.  Always ConnectFailed:
    // a host key or login problem of the jump host is not this host's, and
    // the offer to trust a key must not name this host.
    const auto viaJump = [&](const Error &cause) {
        return Error(ErrorCode::ConnectFailed,
                     TransportTr::tr("Cannot reach %1 through the jump host %2: %3")
                         .arg(m_target.host, jumpChainText(m_jumpChain, u", "), cause.message),
                     where(), cause.hint, cause.detail);
    };
    if (m_tunnel.isFinished() && m_tunnel.resultCount() > 0) {
        const Result<void> opened = m_tunnel.result();
        if (!opened)
            return viaJump(opened.error());
    }
    const TransportStatus jump = m_jump->status();
    if (jump.state != TransportState::Connected && !jump.lastError.message.isEmpty())
        return viaJump(jump.lastError);
    Error named = error;
    named.message = TransportTr::tr("%1 (through the jump host %2)")
                        .arg(error.message, jumpChainText(m_jumpChain, u", "));
    return named;
}

void SshConnection::onResolved(const QList<QHostAddress> &addresses, const QString &lookupError)
{
    if (addresses.isEmpty()) {
        setupFailed(
            Error(ErrorCode::ConnectFailed,
                  TransportTr::tr("Cannot resolve %1: %2")
                      .arg(m_target.host,
                           lookupError.isEmpty() ? TransportTr::tr("no address") : lookupError),
                  where(), TransportTr::tr("Check the host's address in the fleet file.")));
        return;
    }
    m_addresses = addresses;
    m_lastConnectError.clear();
    m_phase = Phase::TcpConnecting;
    connectNextAddress();
}

void SshConnection::connectNextAddress()
{
    while (!m_addresses.isEmpty()) {
        const QHostAddress address = m_addresses.takeFirst();
        sockaddr_storage storage{};
        socklen_t length = 0;
        if (address.protocol() == QAbstractSocket::IPv4Protocol) {
            auto *in = reinterpret_cast<sockaddr_in *>(&storage);
            in->sin_family = AF_INET;
            in->sin_port = htons(quint16(m_target.port));
            in->sin_addr.s_addr = htonl(address.toIPv4Address());
            length = sizeof(sockaddr_in);
        } else if (address.protocol() == QAbstractSocket::IPv6Protocol) {
            auto *in6 = reinterpret_cast<sockaddr_in6 *>(&storage);
            in6->sin6_family = AF_INET6;
            in6->sin6_port = htons(quint16(m_target.port));
            const Q_IPV6ADDR bytes = address.toIPv6Address();
            std::memcpy(&in6->sin6_addr, &bytes, sizeof bytes);
            in6->sin6_scope_id = address.scopeId().toUInt();
            length = sizeof(sockaddr_in6);
        } else {
            continue;
        }
        m_fd = ::socket(storage.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (m_fd < 0) {
            m_lastConnectError = errnoText(errno);
            continue;
        }
        const int rc = ::connect(m_fd, reinterpret_cast<sockaddr *>(&storage), length);
        if (rc == 0) {
            onTcpConnected();
            return;
        }
        if (errno == EINPROGRESS) {
            m_writeNotifier = std::make_unique<QSocketNotifier>(m_fd, QSocketNotifier::Write);
            connect(m_writeNotifier.get(), &QSocketNotifier::activated, this,
                    &SshConnection::onWritable);
            return;
        }
        m_lastConnectError = errnoText(errno);
        ::close(m_fd);
        m_fd = -1;
    }
    setupFailed(Error(ErrorCode::ConnectFailed,
                      TransportTr::tr("Cannot connect to %1 port %2: %3")
                          .arg(m_target.host)
                          .arg(m_target.port)
                          .arg(m_lastConnectError),
                      where(),
                      TransportTr::tr("Check that sshd runs on the host and listens on that port, "
                                      "and that no firewall is in the way.")));
}

void SshConnection::onTcpConnected()
{
    m_writeNotifier.reset();
    const int one = 1;
    // Without it every small request waits for Nagle and delayed ACKs:
    // 50 calls took 1.6 s instead of 20 ms on loopback.
    ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (m_options.sendBufferBytes > 0)
        ::setsockopt(m_fd, SOL_SOCKET, SO_SNDBUF, &m_options.sendBufferBytes,
                     sizeof m_options.sendBufferBytes);

    m_session = libssh2_session_init_ex(nullptr, nullptr, nullptr, this);
    if (!m_session) {
        setupFailed(Error(ErrorCode::Internal,
                          TransportTr::tr("libssh2 could not create a session."), where()));
        return;
    }
    auto receiveFunction = &SshConnection::receive;
    void *callback = nullptr;
    static_assert(sizeof callback == sizeof receiveFunction);
    std::memcpy(&callback, &receiveFunction, sizeof callback);
    libssh2_session_callback_set(m_session, LIBSSH2_CALLBACK_RECV, callback);
    libssh2_session_set_blocking(m_session, 0);
    // zlib@openssh.com, as `ssh -C` asks for it: a poll's replies are
    // repetitive text (the same CSV header and columns every second), so
    // fewer bytes cross the link and fewer have to be decrypted.  sshd
    // decides; `Compression no` in sshd_config leaves it off.
    libssh2_session_flag(m_session, LIBSSH2_FLAG_COMPRESS, m_options.compression ? 1 : 0);

    // Ask first for the key types known_hosts holds for this host, as OpenSSH does.
    QStringList methods;
    for (const QString &path : std::as_const(m_target.knownHostsFiles)) {
        QFile knownHosts(path);
        if (!knownHosts.open(QIODevice::ReadOnly))
            continue;
        const KnownHostsVerdict known =
            checkKnownHostsText(knownHosts.readAll(), m_target.host, m_target.port, {});
        for (const QString &type : known.knownKeyTypes) {
            if (defaultHostKeyMethods.contains(type) && !methods.contains(type))
                methods.append(type);
        }
    }
    for (const QString &method : defaultHostKeyMethods) {
        if (!methods.contains(method))
            methods.append(method);
    }
    libssh2_session_method_pref(m_session, LIBSSH2_METHOD_HOSTKEY,
                                methods.join(u',').toLatin1().constData());

    m_readNotifier = std::make_unique<QSocketNotifier>(m_fd, QSocketNotifier::Read);
    connect(m_readNotifier.get(), &QSocketNotifier::activated, this, &SshConnection::onReadable);
    m_writeNotifier = std::make_unique<QSocketNotifier>(m_fd, QSocketNotifier::Write);
    m_writeNotifier->setEnabled(false);
    connect(m_writeNotifier.get(), &QSocketNotifier::activated, this, &SshConnection::onWritable);
    m_lastReceived = nowMs();
    m_phase = Phase::Handshaking;
    driveSetup();
}

void SshConnection::driveSetup()
{
    if (m_phase == Phase::Handshaking) {
        const int rc = libssh2_session_handshake(m_session, m_fd);
        if (rc == LIBSSH2_ERROR_EAGAIN) {
            updateNotifiers();
            return;
        }
        if (rc != 0) {
            setupFailed(Error(
                ErrorCode::ConnectFailed,
                TransportTr::tr("The SSH handshake with %1 failed.").arg(m_target.host), where(),
                TransportTr::tr("Check that an OpenSSH server listens on port %1.")
                    .arg(m_target.port),
                libssh2ErrorText(m_session)));
            return;
        }
        if (auto checked = checkHostKey(); !checked) {
            setupFailed(checked.error());
            return;
        }
        m_phase = Phase::Authenticating;
        m_auth = std::make_unique<SshAuthenticator>(m_target, m_options.ssh.useAgent, where(),
                                                    &m_passphrases, m_options.passphraseChecked);
        const auto authTimeout =
            m_options.authTimeout.count() > 0 ? m_options.authTimeout : m_target.connectTimeout;
        m_setupTimer.start(authTimeout);
    }
    if (m_phase == Phase::Authenticating) {
        if (m_question)
            return; // waiting for the passphrase
        switch (m_auth->step(m_session)) {
        case SshAuthenticator::Progress::Pending:
            updateNotifiers();
            return;
        case SshAuthenticator::Progress::NeedsPassphrase:
            askPassphrase(m_auth->passphraseWanted());
            return;
        case SshAuthenticator::Progress::Failed:
            setupFailed(m_auth->error());
            return;
        case SshAuthenticator::Progress::Succeeded:
            break;
        }
        m_auth.reset();
        m_setupTimer.stop();
        m_phase = Phase::Connected;
        m_connectedAt = nowMs();
        m_backoff.reset();
        m_status.reconnectAttempts = 0;
        m_status.offeredHostKey = {};
        const char *compression = libssh2_session_methods(m_session, LIBSSH2_METHOD_COMP_SC);
        m_status.compression = compression ? QString::fromLatin1(compression) : u"none"_s;
        libssh2_keepalive_config(m_session, 0, 2);
        m_keepaliveTimer.start(m_target.keepaliveInterval);
        setState(TransportState::Connected);
        qCDebug(lcSsh) << "connected to" << m_options.hostName << "as" << m_target.user;
        pump();
    }
}

Result<void> SshConnection::checkHostKey()
{
    size_t length = 0;
    int type = 0;
    const char *key = libssh2_session_hostkey(m_session, &length, &type);
    if (!key)
        return Error(ErrorCode::ConnectFailed, TransportTr::tr("The server sent no host key."),
                     where());
    m_offeredKey.host = m_target.host;
    m_offeredKey.port = m_target.port;
    m_offeredKey.keyBlob = QByteArray(key, qsizetype(length));
    m_offeredKey.keyType = keyBlobType(m_offeredKey.keyBlob);
    m_offeredKey.fingerprint = sshFingerprint(m_offeredKey.keyBlob);
    m_offeredKey.knownHostsFile = m_target.knownHosts;
    for (const auto &waiter : m_hostKeyWaiters)
        waiter.finish(m_offeredKey);
    m_hostKeyWaiters.clear();

    return verifyHostKey(m_offeredKey, m_target.knownHostsFiles, m_options.hostName);
}

namespace {

// The callback may wait for a person for minutes: never on the global pool,
// whose threads carry the polls' continuations.
QThreadPool &questionPool()
{
    static QThreadPool pool;
    pool.setMaxThreadCount(64);
    return pool;
}

} // namespace

void SshConnection::askPassphrase(const QString &keyPath)
{
    if (!m_options.passphrase) {
        m_auth->answerPassphrase(std::nullopt);
        driveSetup();
        return;
    }
    // The user may take a while: that is not the server's time.
    m_setupTimer.stop();
    if (m_readNotifier)
        m_readNotifier->setEnabled(false);
    if (m_writeNotifier)
        m_writeNotifier->setEnabled(false);
    auto question = std::make_shared<PassphraseQuestion>();
    question->connection = this;
    m_question = question;
    const quint64 generation = m_generation;
    startOnPool(questionPool(), [question, ask = m_options.passphrase, keyPath, generation] {
        const std::optional<QString> answer = ask(keyPath);
        std::lock_guard<std::mutex> lock(question->mutex);
        if (SshConnection *connection = question->connection) {
            postTo(connection, [connection, generation, answer] {
                if (generation != connection->m_generation || !connection->m_auth)
                    return;
                connection->m_question.reset();
                connection->m_auth->answerPassphrase(
                    answer ? std::optional<QByteArray>(answer->toUtf8()) : std::nullopt);
                connection->m_setupTimer.start();
                connection->driveSetup();
            });
        }
        question->done = true;
        question->finished.notify_all();
    });
}

void SshConnection::dropQuestion()
{
    if (!m_question)
        return;
    std::lock_guard<std::mutex> lock(m_question->mutex);
    m_question->connection = nullptr;
    m_question.reset();
}

void SshConnection::onSetupTimeout()
{
    const auto limit = std::chrono::milliseconds(m_setupTimer.interval());
    QString stage;
    switch (m_phase) {
    case Phase::Resolving:
        stage = TransportTr::tr("resolving the name");
        break;
    case Phase::TcpConnecting:
        stage = m_target.jumps.isEmpty() ? TransportTr::tr("TCP connect")
                                         : TransportTr::tr("the jump host's channel");
        break;
    case Phase::Handshaking:
        stage = TransportTr::tr("SSH handshake");
        break;
    case Phase::Authenticating:
        stage = TransportTr::tr("authentication");
        break;
    default:
        return;
    }
    setupFailed(Error(ErrorCode::Timeout,
                      TransportTr::tr("No SSH connection to %1 within %2 ms (stuck at: %3).")
                          .arg(m_target.host)
                          .arg(limit.count())
                          .arg(stage),
                      where(),
                      TransportTr::tr("The host or its sshd may be down, frozen or unreachable; "
                                      "raise connect_timeout if it is merely slow.")));
}

// --- running -----------------------------------------------------------------------------------

ssize_t SshConnection::receive(libssh2_socket_t socket, void *buffer, size_t length, int flags,
                               void **abstract)
{
    const ssize_t rc = ::recv(socket, buffer, length, flags);
    if (rc < 0) {
        // The same mapping as libssh2's own _libssh2_recv.
        if (errno == ENOENT || errno == EWOULDBLOCK)
            return -EAGAIN;
        return -errno;
    }
    if (rc > 0)
        static_cast<SshConnection *>(*abstract)->m_lastReceived = nowMs();
    return rc;
}

void SshConnection::pump()
{
    if (m_phase != Phase::Connected)
        return;
    if (m_pumping)
        return; // the running pump loops until nothing moves
    m_pumping = true;
    bool progressed = true;
    while (progressed && m_phase == Phase::Connected) {
        progressed = false;
        int sessionChannels = 0;
        for (const auto &op : m_ops) {
            if (op->holdsSessionChannel() && op->kind() != SshChannelOp::Kind::Probe)
                ++sessionChannels;
        }
        // While a packet is half sent, only its owner may touch libssh2.
        std::vector<SshChannelOp *> order;
        if (m_sendOwner) {
            order.push_back(m_sendOwner);
        } else {
            releaseClosedIdleStreams();
            for (const auto &op : m_ops)
                order.push_back(op.get());
        }
        // A kept stream serves one op at a time, in order; only a queued op
        // needs to know whether one before it holds its stream.
        const bool anyQueuedStream = std::any_of(order.begin(), order.end(), [](auto *op) {
            return !op->streamKey().isEmpty() && op->stage() == SshChannelOp::Stage::Queued;
        });
        QSet<QString> streamsInUse;
        // The first channel read of a pass makes libssh2 read every packet the
        // socket holds; after it, a reader whose channel has nothing queued is
        // left alone (with 150 kept streams per host, that is 149 recv()
        // calls saved per socket event).
        bool socketRead = false;
        for (SshChannelOp *op : order) {
            if (anyQueuedStream && !op->streamKey().isEmpty() && !op->isDone()) {
                const bool first = !streamsInUse.contains(op->streamKey());
                streamsInUse.insert(op->streamKey());
                if (op->stage() == SshChannelOp::Stage::Queued) {
                    if (!first)
                        continue; // waits for the op before it on this stream
                    lendKeptChannel(op);
                }
            }
            if (socketRead && op->awaitsData())
                continue;
            const bool reads = op->stage() == SshChannelOp::Stage::Reading && !op->isDelivered();
            bool mayOpen = !m_opening || m_opening == op;
            if (mayOpen && op->stage() == SshChannelOp::Stage::Queued &&
                op->kind() == SshChannelOp::Kind::Exec &&
                sessionChannels >= m_options.maxSessionChannels)
                mayOpen = false; // stay under sshd's MaxSessions; the probe is exempt
            const SshChannelOp::Stage before = op->stage();
            const SshChannelOp::StepResult result = op->step(m_session, mayOpen);
            socketRead = socketRead || reads;
            if (result.sessionError) {
                m_pumping = false;
                connectionLost(Error(
                    ErrorCode::Disconnected,
                    TransportTr::tr("The SSH connection to %1 broke.").arg(m_target.host), where(),
                    TransportTr::tr("vipdeck reconnects by itself; if this "
                                    "repeats, check sshd on the host."),
                    result.sessionErrorText));
                return;
            }
            if (op->stage() == SshChannelOp::Stage::Opening)
                m_opening = op;
            else if (m_opening == op)
                m_opening = nullptr;
            if (before == SshChannelOp::Stage::Queued && op->holdsSessionChannel() &&
                op->kind() == SshChannelOp::Kind::Exec)
                ++sessionChannels;
            if (!op->streamKey().isEmpty() && op->stage() == SshChannelOp::Stage::Kept)
                takeBackChannel(op); // (opens and restarts were counted as they happened)
            progressed = progressed || result.progressed;
            if (result.sendPending) {
                if (m_sendOwner != op)
                    qCDebug(lcSsh)
                        << m_options.hostName << "send buffer full; waiting for" << op->target();
                m_sendOwner = op;
                break;
            }
            if (m_sendOwner == op) {
                m_sendOwner = nullptr;
                progressed = true; // the others may go on now
                break;
            }
        }
        if (m_sendOwner)
            break; // wait for the socket to take more
        progressed = std::exchange(m_releaseQueued, false) || progressed;
        eraseOps([](const auto &op) { return op->isDone(); });
    }
    eraseOps([this](const auto &op) {
        return op->isDone() && op.get() != m_opening && op.get() != m_sendOwner;
    });
    m_pumping = false;
    publishCounters();
    updateNotifiers();
    scheduleDeadlines();
}

void SshConnection::schedulePump()
{
    if (std::exchange(m_pumpScheduled, true))
        return;
    // Dropped with this object; a pump that ran meanwhile leaves this one idle.
    postTo(
        this,
        [this] {
            m_pumpScheduled = false;
            pump();
        },
        Qt::QueuedConnection);
}

void SshConnection::lendKeptChannel(SshChannelOp *op)
{
    if (op->adopted() || op->reopened())
        return; // it opens its own fresh channel
    if (LIBSSH2_CHANNEL *channel = m_streams.lend(op->streamKey(), nowMs()))
        op->adopt(channel);
    publishCounters();
}

void SshConnection::takeBackChannel(SshChannelOp *op)
{
    const QString key = op->streamKey();
    m_streams.takeBack(key, op->takeKeptChannel(), nowMs());
}

void SshConnection::releaseClosedIdleStreams()
{
    m_streams.releaseClosed(
        [](LIBSSH2_CHANNEL *channel) { return libssh2_channel_eof(channel) != 0; });
}

void SshConnection::releaseChannel(const QString &socketPath, LIBSSH2_CHANNEL *channel)
{
    // Stepped by the running pump (or the next one): freeing may say EAGAIN.
    m_ops.push_back(SshChannelOp::release(socketPath, channel));
    m_releaseQueued = true;
}

void SshConnection::publishCounters()
{
    int busy = 0;
    for (const auto &op : m_ops) {
        if (!op->streamKey().isEmpty() && op->stage() != SshChannelOp::Stage::Queued &&
            !op->isDone())
            ++busy;
    }
    const StreamCounters counters = m_streams.counters(busy);
    if (m_countersSink && (counters.opened != m_publishedCounters.opened ||
                           counters.reused != m_publishedCounters.reused ||
                           counters.reopened != m_publishedCounters.reopened ||
                           counters.open != m_publishedCounters.open)) {
        m_publishedCounters = counters;
        m_countersSink(counters);
    }
}

void SshConnection::onReadable()
{
    switch (m_phase) {
    case Phase::Handshaking:
    case Phase::Authenticating:
        driveSetup();
        return;
    case Phase::Connected:
        // Nothing reads while idle, so whatever sshd sent (a global request,
        // a disconnect, EOF) would wake us forever: a probe channel makes
        // libssh2 read it, and checks the connection on the way.
        if (m_ops.empty())
            startProbe();
        pump();
        return;
    default:
        return;
    }
}

void SshConnection::onWritable()
{
    switch (m_phase) {
    case Phase::TcpConnecting: {
        int error = 0;
        socklen_t length = sizeof error;
        ::getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &error, &length);
        if (error == 0) {
            onTcpConnected();
            return;
        }
        m_lastConnectError = errnoText(error);
        m_writeNotifier.reset();
        ::close(m_fd);
        m_fd = -1;
        connectNextAddress();
        return;
    }
    case Phase::Handshaking:
    case Phase::Authenticating:
        driveSetup();
        return;
    case Phase::Connected:
        pump();
        return;
    default:
        return;
    }
}

void SshConnection::updateNotifiers()
{
    updateTunnelNotifiers();
    if (!m_session || !m_readNotifier)
        return;
    m_readNotifier->setEnabled(true);
    m_writeNotifier->setEnabled(libssh2_session_block_directions(m_session) &
                                LIBSSH2_SESSION_BLOCK_OUTBOUND);
}

void SshConnection::scheduleDeadlines()
{
    qint64 earliest = -1;
    for (const auto &op : m_ops) {
        if (op->isDelivered())
            continue;
        const qint64 remaining = op->deadline().remainingTime();
        if (earliest < 0 || remaining < earliest)
            earliest = remaining;
    }
    if (earliest < 0)
        m_deadlineTimer.stop();
    else
        m_deadlineTimer.start(int(std::max<qint64>(earliest, 0)));
}

void SshConnection::onDeadline()
{
    const bool connected = m_phase == Phase::Connected;
    const qint64 silentFor = nowMs() - m_lastReceived;
    for (const auto &op : m_ops) {
        if (op->isDelivered() || !op->deadline().hasExpired())
            continue;
        const qint64 limit = op->timeoutMs();
        Error error;
        if (!connected) {
            error = Error(ErrorCode::Timeout,
                          TransportTr::tr("No SSH connection to %1 within the time limit of %2 ms.")
                              .arg(m_target.host)
                              .arg(limit),
                          where(op->target()),
                          m_status.lastError.message.isEmpty() ? QString()
                                                               : m_status.lastError.message);
        } else {
            error = Error(ErrorCode::Timeout,
                          TransportTr::tr("No complete answer within %1 ms.").arg(limit),
                          where(op->target()),
                          silentFor >= limit
                              ? TransportTr::tr("sshd on %1 sent nothing in that time: the host or "
                                                "its sshd may be frozen or overloaded.")
                                    .arg(m_target.host)
                              : TransportTr::tr("The daemon behind it may be hung or overloaded; "
                                                "raise command_timeout if it is merely slow."));
        }
        if (op->kind() == SshChannelOp::Kind::Probe && connected) {
            // The liveness probe went unanswered: the connection is dead.
            op->abandon(error);
            const quint64 generation = m_generation;
            postTo(
                this,
                [this, generation, silentFor] {
                    if (generation != m_generation || m_phase != Phase::Connected)
                        return;
                    connectionLost(
                        Error(ErrorCode::Timeout,
                              TransportTr::tr("sshd on %1 stopped answering (nothing for "
                                              "%2 s).")
                                  .arg(m_target.host)
                                  .arg(silentFor / 1000),
                              where(), TransportTr::tr("vipdeck keeps trying to reconnect.")));
                },
                Qt::QueuedConnection);
            continue;
        }
        op->abandon(error);
    }
    if (connected)
        pump();
    else
        eraseOps([](const auto &op) { return op->isDone(); });
    scheduleDeadlines();
}

void SshConnection::onKeepalive()
{
    if (m_phase != Phase::Connected)
        return;
    // Never while a packet is half sent: libssh2 1.10 would refuse it (BAD_USE)
    // or, worse, strand a half-sent keepalive nobody completes.
    const bool sendBlocked = m_sendOwner || (libssh2_session_block_directions(m_session) &
                                             LIBSSH2_SESSION_BLOCK_OUTBOUND);
    if (!sendBlocked) {
        int next = 0;
        const int rc = libssh2_keepalive_send(m_session, &next);
        if (rc != 0 && rc != LIBSSH2_ERROR_EAGAIN) {
            connectionLost(Error(
                ErrorCode::Disconnected,
                TransportTr::tr("The SSH connection to %1 broke.").arg(m_target.host), where(),
                TransportTr::tr("vipdeck reconnects by itself."), libssh2ErrorText(m_session)));
            return;
        }
    }
    // A keepalive proves nothing by itself (libssh2 does not report replies);
    // a probe channel is a round trip with a deadline.
    if (nowMs() - m_lastReceived >= m_target.keepaliveInterval.count() / 2)
        startProbe();
}

void SshConnection::startProbe()
{
    if (m_probeRunning || m_phase != Phase::Connected)
        return;
    m_probeRunning = true;
    const quint64 generation = m_generation;
    const qint64 limit =
        m_target.keepaliveInterval.count() * std::max(1, m_target.keepaliveCountMax);
    submit(
        SshChannelOp::probe(QDeadlineTimer(limit, Qt::PreciseTimer),
                            [this, generation](Result<SshChannelOp::Output>, SshChannelOp::Stage) {
                                if (generation == m_generation)
                                    m_probeRunning = false;
                            }));
}

// --- failure and state -------------------------------------------------------------------------

void SshConnection::setupFailed(const Error &original)
{
    const Error error = throughJump(original);
    qCInfo(lcSsh) << error.toString();
    tearDown();
    const ReconnectBackoff::Decision next = m_backoff.failed(error.code, nowMs());
    m_status.reconnectAttempts = m_backoff.failures();
    if (error.code == ErrorCode::HostKeyUnknown || error.code == ErrorCode::HostKeyChanged)
        m_status.offeredHostKey = m_offeredKey;
    else
        m_status.offeredHostKey = {};
    if (next.retryByItself)
        m_retryTimer.start(next.delay);
    // The state first, so whoever gets the error below already sees it.
    setState(TransportState::Failed, error);
    failAll(error, false);
    for (const auto &waiter : m_hostKeyWaiters)
        waiter.finish(error);
    m_hostKeyWaiters.clear();
}

void SshConnection::connectionLost(const Error &original)
{
    if (nowMs() - m_connectedAt < 2000) {
        // Up and down again at once: back off instead of hammering the host.
        setupFailed(original);
        return;
    }
    const Error error = throughJump(original);
    qCInfo(lcSsh) << error.toString();
    // Calls whose channel never opened were never seen by the host: they
    // wait for the next connection.  The others failed with it.
    failAll(error, true);
    tearDown();
    startConnecting();
    scheduleDeadlines();
}

void SshConnection::failAll(const Error &error, bool keepUnsent)
{
    for (const auto &op : m_ops) {
        if (keepUnsent && op->stage() == SshChannelOp::Stage::Queued && !op->isDelivered())
            continue;
        if (op->stage() == SshChannelOp::Stage::Queued)
            op->abandon(error);
        else
            op->sessionLost(error);
    }
    eraseOps([](const auto &op) { return op->isDone(); });
    m_opening = nullptr;
    m_sendOwner = nullptr;
    m_probeRunning = false;
}

void SshConnection::tearDown()
{
    ++m_generation;
    if (m_lookupId >= 0) {
        QHostInfo::abortHostLookup(m_lookupId);
        m_lookupId = -1;
    }
    m_setupTimer.stop();
    m_keepaliveTimer.stop();
    m_readNotifier.reset();
    m_writeNotifier.reset();
    for (const auto &op : m_ops) {
        if (op->stage() != SshChannelOp::Stage::Queued)
            op->sessionLost(Error(ErrorCode::Disconnected,
                                  TransportTr::tr("The SSH connection closed."), where()));
    }
    eraseOps([](const auto &op) { return op->isDone(); });
    m_opening = nullptr;
    m_sendOwner = nullptr;
    m_probeRunning = false;
    // Kept channels die with the session: the next request opens afresh.
    m_streams.clear();
    publishCounters();
    dropQuestion();
    m_auth.reset(); // frees the agent connection, which needs the session
    if (m_session) {
        // Shut the socket first so that freeing cannot wait on a dead peer:
        // every send and receive now fails at once instead of saying EAGAIN.
        if (m_fd >= 0)
            ::shutdown(m_fd, SHUT_RDWR);
        int rc = LIBSSH2_ERROR_EAGAIN;
        for (int i = 0; i < 100 && rc == LIBSSH2_ERROR_EAGAIN; ++i)
            rc = libssh2_session_free(m_session);
        if (rc == LIBSSH2_ERROR_EAGAIN)
            qCWarning(lcSsh) << "could not free the libssh2 session of" << m_options.hostName;
        m_session = nullptr;
    }
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    m_phase = Phase::Idle;
}

void SshConnection::setState(TransportState state, const Error &error)
{
    if (m_status.state == state && state != TransportState::Failed)
        return;
    m_status.state = state;
    m_status.lastError = error;
    if (state != TransportState::Connected)
        m_status.compression.clear(); // what the next session agrees is not known yet
    m_status.since = QDateTime::currentDateTimeUtc();
    if (m_statusSink)
        m_statusSink(m_status);
}

} // namespace vipdeck
