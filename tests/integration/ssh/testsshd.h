#pragma once

// TestSshd: a real OpenSSH sshd started by a test for itself, on 127.0.0.1
// and a free port, with its own host keys, authorized_keys and config in a
// temporary directory.  It logs in the user running the test (root in CI,
// with PermitRootLogin prohibit-password).  Stopped by its own PID when the
// object goes away.

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace vipdeck::test {

class TestSshd
{
public:
    // `extraConfig` lines are appended to sshd_config (MaxSessions 3, ...).
    explicit TestSshd(const QStringList &extraConfig = {});
    ~TestSshd();
    TestSshd(const TestSshd &) = delete;
    TestSshd &operator=(const TestSshd &) = delete;

    // Starts sshd and waits (with a deadline) until it sends its banner.
    bool start();
    void stop();
    // Stops the per-connection session processes too (found by PID in /proc),
    // which a plain stop() leaves running.
    void stopWithSessions();
    // Sends `signal` to the listener and its session processes (SIGSTOP: a frozen host).
    void signalAll(int signal);
    bool isRunning() const;

    QString host() const { return QStringLiteral("127.0.0.1"); }
    int port() const { return m_port; }
    QString user() const;
    QString dir() const { return m_dir.path(); }
    QString logFile() const;

    // Adds the public half of `privateKeyPath` to authorized_keys.
    void authorize(const QString &privateKeyPath);
    // A known_hosts file (in the temp dir) listing this sshd's keys of the given types.
    QString knownHosts(const QStringList &types = {QStringLiteral("ssh-ed25519"),
                                                   QStringLiteral("ecdsa-sha2-nistp256")}) const;
    QByteArray hostKeyBlob(const QString &type) const;

private:
    QList<qint64> sessionPids() const;

    QTemporaryDir m_dir;
    QStringList m_extraConfig;
    QProcess m_process;
    int m_port = 0;
};

} // namespace vipdeck::test
