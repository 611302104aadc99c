#pragma once

// SshTransport: a Transport over one persistent SSH connection to an LB host
// (libssh2, non-blocking, on the transport's own thread).  Every request,
// command and glob is a channel on that connection, many at once: UNIX
// sockets through `direct-streamlocal@openssh.com` channels, commands through
// exec channels (at most `maxSessionChannels` at a time, the rest wait, to
// stay under sshd's MaxSessions).
//
// It connects on first use (or connectToHost()), verifies the host key
// against known_hosts (unknown and changed keys are refused, never
// overridden), authenticates with ssh-agent then identity files, sends
// keepalives, and after a drop reconnects with exponential backoff; the
// state is in status() and statusChanged().  A hung request fails with
// Timeout after its own limit without holding up other channels, and a dead
// host never touches another host's transport (each has its own thread).

#include "core/inventory/inventory.h"
#include "core/ssh/hostkeyinfo.h"
#include "core/ssh/transport.h"
#include "core/ssh/workerthread.h"

#include <QMutex>

#include <functional>
#include <memory>
#include <optional>
#include <utility>

namespace vipdeck {

class SshConnection;

// A file descriptor that is closed unless someone takes it.
class TunnelEnd
{
public:
    explicit TunnelEnd(int fd)
        : m_fd(fd)
    {}
    ~TunnelEnd();
    TunnelEnd(const TunnelEnd &) = delete;
    TunnelEnd &operator=(const TunnelEnd &) = delete;
    int take() { return std::exchange(m_fd, -1); }

private:
    int m_fd;
};

// Asks the user for the passphrase of an encrypted identity file; nullopt if
// they decline.  Called on a thread of its own (never the transport's, which
// goes on meanwhile), and may block until the person answered: a GUI
// implementation hands the question to the GUI thread (for example with a
// BlockingQueuedConnection) and must not block that thread.  The transport
// must not be destroyed while its question is open from the thread the
// question waits for (its destructor waits for the answer).  A passphrase
// that worked is kept in memory for reconnects.
using PassphraseCallback = std::function<std::optional<QString>(const QString &keyPath)>;

// Told, on the transport's thread, whether a passphrase the callback gave
// opened its key file (`worked`; the server may still refuse the key) or was
// wrong, so that whoever answered can forget a wrong one (say, in a keychain).
using PassphraseCheckedCallback =
    std::function<void(const QString &keyPath, const QString &passphrase, bool worked)>;

struct SshTransportOptions
{
    QString hostName;      // the inventory name, used in error `where`
    QString address;       // IP, DNS name or ~/.ssh/config alias
    SshSettings ssh;       // user/port/identity unset: ~/.ssh/config, then defaults
    QString sshConfigFile; // empty: ~/.ssh/config, then /etc/ssh/ssh_config
    bool useSshConfig = true;
    PassphraseCallback passphrase;
    PassphraseCheckedCallback passphraseChecked;
    std::chrono::milliseconds authTimeout{0}; // 0: ssh.connectTimeout
    std::chrono::milliseconds keepaliveInterval{std::chrono::seconds(10)};
    int keepaliveCountMax = 3; // the connection is dead after this many intervals of silence
    std::chrono::milliseconds reconnectInitialDelay{std::chrono::seconds(1)};
    std::chrono::milliseconds reconnectMaxDelay{std::chrono::seconds(30)};
    int maxSessionChannels = 8; // exec channels at once; sshd's MaxSessions defaults to 10
    // Kept streams (streamRequest) held open while idle; beyond it the least
    // recently used idle one is closed.  Forwarding channels cost sshd a file
    // descriptor each, and the daemon behind one a connection slot.
    int maxKeptStreams = 256;
    std::chrono::milliseconds maxStreamAge{defaultMaxStreamAge};
    // SO_SNDBUF of the TCP socket; 0: the system's.  Tests shrink it so that
    // libssh2 often has to park half-sent packets.
    int sendBufferBytes = 0;
    // Asks sshd for zlib@openssh.com compression (what `ssh -C` does).
    bool compression = true;
    // How many jump hosts stand before this connection's host is reached
    // through it (0: an LB host's own connection); see jumphost.h.
    int jumpDepth = 0;

    static SshTransportOptions fromHost(const Host &host);
};

class SshTransport final : public Transport
{
    Q_OBJECT
public:
    explicit SshTransport(SshTransportOptions options, QObject *parent = nullptr);
    ~SshTransport() override;

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

    // Starts connecting now instead of on the first call.
    void connectToHost();
    // Forgets the backoff and connects again at once (after the user fixed
    // known_hosts or keys, say).
    void reconnectNow() override;
    void setReconnectMaxDelay(std::chrono::milliseconds delay) override;
    // The host key the server offers, without authenticating (for
    // `vipdeckctl trust`); resolves even when the key is unknown.  After the
    // user confirmed the fingerprint: trustHostKey(key.knownHostsFile,
    // key.host, key.port, key.keyBlob), then reconnectNow().
    QFuture<Result<HostKeyInfo>> fetchHostKey();
    // For a host behind this one (a jump host): opens a `direct-tcpip`
    // channel to `host`:`port` (resolved by this host's sshd) and copies
    // bytes between it and `localEnd`, one end of a local socket pair whose
    // other end the caller uses as its connection.  Bytes the caller writes
    // before the channel opened wait for it.  The transport owns `localEnd`
    // from now on and closes it when the channel closes or cannot be opened;
    // the future then says why: this host's connection error, or sshd's
    // refusal to connect (ChannelFailed).
    QFuture<Result<void>> openTunnel(const QString &host, int port,
                                     std::shared_ptr<TunnelEnd> localEnd,
                                     std::chrono::milliseconds timeout);

private:
    void setStatus(const TransportStatus &status);

    const QString m_hostName;
    mutable QMutex m_statusMutex;
    TransportStatus m_status;
    StreamCounters m_counters; // guarded by m_statusMutex
    WorkerThread m_thread;
    SshConnection *m_connection = nullptr; // lives on m_thread
};

} // namespace vipdeck
