#include "tests/integration/audit/postgrescluster.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QThread>

#include <pwd.h>
#include <signal.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace vipdeck::test {

namespace {
const QString kUser = u"vipdeck"_s;
const QString kDatabase = u"vipdeck_audit"_s;

// Opens a connection to the cluster, or returns the error text.
QString tryConnect(int port, const QString &database, const QString &sql = {})
{
    const QString name = u"vipdeck-pgcluster-probe"_s;
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
        db.setHostName(u"127.0.0.1"_s);
        db.setPort(port);
        db.setUserName(kUser);
        db.setDatabaseName(database);
        db.setConnectOptions(u"connect_timeout=2"_s);
        if (!db.open()) {
            error = db.lastError().text();
            if (error.isEmpty())
                error = u"cannot connect"_s;
        } else if (!sql.isEmpty()) {
            QSqlQuery q(db);
            if (!q.exec(sql))
                error = q.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return error;
}
} // namespace

PostgresCluster::PostgresCluster()
    : m_binDir(findBinDir())
    , m_root(geteuid() == 0)
{}

PostgresCluster::~PostgresCluster()
{
    stop();
}

QString PostgresCluster::findBinDir()
{
    const QDir base(u"/usr/lib/postgresql"_s);
    QStringList versions = base.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(versions.begin(), versions.end(),
              [](const QString &a, const QString &b) { return a.toInt() > b.toInt(); });
    for (const QString &v : versions) {
        const QString bin = base.filePath(v + u"/bin"_s);
        if (QFile::exists(bin + u"/initdb"_s) && QFile::exists(bin + u"/postgres"_s))
            return bin;
    }
    return {};
}

QStringList PostgresCluster::asOwner(const QString &program, const QStringList &args) const
{
    const QString path = m_binDir + u'/' + program;
    if (!m_root)
        return QStringList{path} + args;
    return QStringList{u"runuser"_s, u"-u"_s, u"postgres"_s, u"--"_s, path} + args;
}

bool PostgresCluster::run(const QStringList &command, QString *error)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(command.first(), command.mid(1));
    if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = command.join(u' ') + u" failed: "_s + p.errorString() + u'\n' +
                 QString::fromLocal8Bit(p.readAll());
        return false;
    }
    return true;
}

QString PostgresCluster::log() const
{
    QFile file(m_dir.filePath(u"postgres.log"_s));
    return file.open(QIODevice::ReadOnly) ? QString::fromLocal8Bit(file.readAll()) : QString();
}

bool PostgresCluster::start(QString *error)
{
    if (m_binDir.isEmpty()) {
        *error = u"PostgreSQL server binaries (initdb, postgres) not found under "
                 "/usr/lib/postgresql/*/bin: install the Debian package `postgresql`"_s;
        return false;
    }
    if (!m_dir.isValid()) {
        *error = u"cannot create a temporary directory"_s;
        return false;
    }
    m_dataDir = m_dir.filePath(u"data"_s);
    const QString socketDir = m_dir.filePath(u"socket"_s);
    QDir().mkpath(m_dataDir);
    QDir().mkpath(socketDir);
    if (m_root) {
        const passwd *pw = getpwnam("postgres");
        if (!pw) {
            *error = u"running as root but there is no `postgres` account (the Debian package "
                     "`postgresql` creates it)"_s;
            return false;
        }
        // The account must reach and own its directories.
        QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                                QFile::ExeGroup | QFile::ExeOther |
                                                QFile::ReadGroup | QFile::ReadOther);
        for (const QString &d : {m_dataDir, socketDir}) {
            if (chown(QFile::encodeName(d).constData(), pw->pw_uid, pw->pw_gid) != 0) {
                *error = u"cannot hand %1 to the postgres account"_s.arg(d);
                return false;
            }
        }
        // The server log is written by the postgres account too.
        QFile logFile(m_dir.filePath(u"postgres.log"_s));
        logFile.open(QIODevice::WriteOnly);
        logFile.close();
        if (chown(QFile::encodeName(logFile.fileName()).constData(), pw->pw_uid, pw->pw_gid) != 0) {
            *error = u"cannot hand the log file to the postgres account"_s;
            return false;
        }
    }
    if (!run(asOwner(u"initdb"_s, {u"-D"_s, m_dataDir, u"-U"_s, kUser, u"-A"_s, u"trust"_s, u"-E"_s,
                                   u"UTF8"_s, u"--no-sync"_s}),
             error))
        return false;

    {
        QTcpServer probe; // a free loopback port; closed again before postgres binds it
        if (!probe.listen(QHostAddress::LocalHost)) {
            *error = u"no free loopback port"_s;
            return false;
        }
        m_port = probe.serverPort();
    }
    if (!launch(error))
        return false;
    if (const QString e = tryConnect(m_port, u"postgres"_s, u"CREATE DATABASE "_s + kDatabase);
        !e.isEmpty()) {
        *error = u"cannot create the test database: "_s + e;
        return false;
    }
    return true;
}

bool PostgresCluster::restart(QString *error)
{
    stop();
    return launch(error);
}

bool PostgresCluster::launch(QString *error)
{
    const QString socketDir = m_dir.filePath(u"socket"_s);
    m_server.setProcessChannelMode(QProcess::MergedChannels);
    m_server.setStandardOutputFile(m_dir.filePath(u"postgres.log"_s), QIODevice::Append);
    const QStringList command =
        asOwner(u"postgres"_s, {u"-D"_s, m_dataDir, u"-k"_s, socketDir, u"-h"_s, u"127.0.0.1"_s,
                                u"-p"_s, QString::number(m_port)});
    m_server.start(command.first(), command.mid(1));
    if (!m_server.waitForStarted()) {
        *error = u"cannot start postgres: "_s + m_server.errorString();
        return false;
    }

    // Wait until it accepts connections (or dies).
    QDeadlineTimer deadline(60000);
    QString lastError;
    for (;;) {
        if (m_pid == 0) {
            QFile pidFile(m_dataDir + u"/postmaster.pid"_s);
            if (pidFile.open(QIODevice::ReadOnly))
                m_pid = pidFile.readLine().trimmed().toLongLong();
        }
        if (m_server.state() == QProcess::NotRunning) {
            *error = u"postgres exited during startup:\n"_s + log();
            m_pid = 0;
            return false;
        }
        lastError = tryConnect(m_port, u"postgres"_s);
        if (lastError.isEmpty() && m_pid > 0)
            break;
        if (deadline.hasExpired()) {
            *error =
                u"postgres did not accept connections within 60 s: "_s + lastError + u'\n' + log();
            return false;
        }
        m_server.waitForFinished(100); // returns early only if it died
    }
    return true;
}

void PostgresCluster::stop()
{
    if (m_pid > 0) {
        ::kill(pid_t(m_pid), SIGINT); // fast shutdown: roll back sessions, exit
        if (!m_server.waitForFinished(30000)) {
            ::kill(pid_t(m_pid), SIGKILL);
            m_server.waitForFinished(5000);
        }
        m_pid = 0;
    }
    if (m_server.state() != QProcess::NotRunning) {
        m_server.kill();
        m_server.waitForFinished(5000);
    }
}

QString PostgresCluster::url() const
{
    return u"postgresql://%1@127.0.0.1:%2/%3"_s.arg(kUser).arg(m_port).arg(kDatabase);
}

} // namespace vipdeck::test
