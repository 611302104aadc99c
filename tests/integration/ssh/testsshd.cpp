#include "tests/integration/ssh/testsshd.h"

#include "core/ssh/sshconfig.h"
#include "tests/core/ssh/sshtesttools.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTcpServer>
#include <QTcpSocket>

#include <csignal>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace vipdeck::test {

namespace {

int freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

bool appendLine(const QString &path, const QByteArray &line)
{
    QFile file(path);
    return file.open(QIODevice::Append) && file.write(line + '\n') == line.size() + 1;
}

} // namespace

TestSshd::TestSshd(const QStringList &extraConfig)
    : m_extraConfig(extraConfig)
{
    for (const QString &type : {u"ed25519"_s, u"ecdsa"_s})
        generateKey(m_dir.filePath(u"ssh_host_"_s + type + u"_key"_s), type);
    QFile(m_dir.filePath(u"authorized_keys"_s)).open(QIODevice::WriteOnly);
}

TestSshd::~TestSshd()
{
    stop();
}

QString TestSshd::user() const
{
    return localUserName();
}

QString TestSshd::logFile() const
{
    return m_dir.filePath(u"sshd.log"_s);
}

bool TestSshd::start()
{
    // sshd started as root wants its privilege separation directory, which
    // only the sshd service (or the lab) creates on a fresh machine.
    if (geteuid() == 0 && !QFileInfo::exists(u"/run/sshd"_s))
        QDir().mkpath(u"/run/sshd"_s);
    if (m_port == 0)
        m_port = freePort(); // a restart keeps its port
    QStringList config{
        u"Port %1"_s.arg(m_port),
        u"ListenAddress 127.0.0.1"_s,
        u"HostKey "_s + m_dir.filePath(u"ssh_host_ed25519_key"_s),
        u"HostKey "_s + m_dir.filePath(u"ssh_host_ecdsa_key"_s),
        u"AuthorizedKeysFile "_s + m_dir.filePath(u"authorized_keys"_s),
        u"PidFile "_s + m_dir.filePath(u"sshd.pid"_s),
        u"StrictModes no"_s,
        u"UsePAM no"_s,
        u"PermitRootLogin prohibit-password"_s,
        u"PasswordAuthentication no"_s,
        u"KbdInteractiveAuthentication no"_s,
        u"AllowStreamLocalForwarding yes"_s,
        u"AllowTcpForwarding yes"_s,
        u"AllowUsers "_s + user(),
        u"SetEnv SHLVL=1"_s,
        u"LogLevel VERBOSE"_s,
    };
    config += m_extraConfig;
    const QString configFile = m_dir.filePath(u"sshd_config"_s);
    QFile file(configFile);
    if (!file.open(QIODevice::WriteOnly) || file.write((config.join(u'\n') + u'\n').toUtf8()) < 0)
        return false;
    file.close();
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.setStandardOutputFile(logFile(), QIODevice::Append);
    m_process.start(u"/usr/sbin/sshd"_s, {u"-D"_s, u"-e"_s, u"-f"_s, configFile});
    if (!m_process.waitForStarted(5000))
        return false;
    // Ready when it answers with its banner (the port may also be taken by
    // someone else in the meantime: then sshd exits and we report failure).
    const QDeadlineTimer deadline(10'000);
    while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, quint16(m_port));
        if (probe.waitForConnected(500) && probe.waitForReadyRead(1000) &&
            probe.readAll().startsWith("SSH-2.0-"))
            return true;
        m_process.waitForFinished(50); // wait for sshd to bind, bounded
    }
    return false;
}

void TestSshd::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QList<qint64> TestSshd::sessionPids() const
{
    const qint64 listener = m_process.processId();
    QList<qint64> children;
    if (listener <= 0)
        return children;
    const QStringList entries = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool numeric = false;
        const qint64 pid = entry.toLongLong(&numeric);
        QFile stat(u"/proc/"_s + entry + u"/stat"_s);
        if (!numeric || !stat.open(QIODevice::ReadOnly))
            continue;
        // "pid (comm) state ppid ...": comm may hold spaces, so split after ')'.
        const QByteArray text = stat.readAll();
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        if (fields.value(1).toLongLong() == listener)
            children.append(pid);
    }
    return children;
}

void TestSshd::stopWithSessions()
{
    const QList<qint64> children = sessionPids();
    stop();
    for (const qint64 pid : children)
        ::kill(pid_t(pid), SIGTERM);
}

void TestSshd::signalAll(int signal)
{
    for (const qint64 pid : sessionPids())
        ::kill(pid_t(pid), signal);
    if (m_process.processId() > 0)
        ::kill(pid_t(m_process.processId()), signal);
}

bool TestSshd::isRunning() const
{
    return m_process.state() == QProcess::Running;
}

void TestSshd::authorize(const QString &privateKeyPath)
{
    QFile pub(privateKeyPath + u".pub"_s);
    if (!pub.open(QIODevice::ReadOnly) ||
        !appendLine(m_dir.filePath(u"authorized_keys"_s), pub.readAll().trimmed()))
        qFatal("cannot authorize %s", qPrintable(privateKeyPath));
}

QByteArray TestSshd::hostKeyBlob(const QString &type) const
{
    const QString name = type == u"ssh-ed25519"_s ? u"ed25519"_s : u"ecdsa"_s;
    QFile pub(m_dir.filePath(u"ssh_host_"_s + name + u"_key.pub"_s));
    if (!pub.open(QIODevice::ReadOnly))
        return {};
    return publicKeyBlob(pub.readAll());
}

QString TestSshd::knownHosts(const QStringList &types) const
{
    const QString path = m_dir.filePath(u"known_hosts"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    for (const QString &type : types) {
        file.write(u"[127.0.0.1]:%1 %2 "_s.arg(m_port).arg(type).toUtf8() +
                   hostKeyBlob(type).toBase64() + '\n');
    }
    return path;
}

} // namespace vipdeck::test
