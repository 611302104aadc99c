#pragma once

// PostgresCluster: a throwaway PostgreSQL server for tests and benchmarks.
// initdb in a temporary directory, postgres on 127.0.0.1 and a free port,
// stopped by its PID in the destructor whatever happened.  As root it runs
// as the `postgres` account (initdb and postgres refuse root).

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace vipdeck::test {

class PostgresCluster
{
public:
    PostgresCluster();
    ~PostgresCluster();
    PostgresCluster(const PostgresCluster &) = delete;
    PostgresCluster &operator=(const PostgresCluster &) = delete;

    // The directory with initdb and postgres (Debian: /usr/lib/postgresql/N/bin),
    // empty when PostgreSQL is not installed.
    static QString findBinDir();

    // initdb, start, wait until it accepts connections, create the database.
    // On failure `error` says why (with the server log).
    bool start(QString *error);
    void stop();
    // Stops the server and starts it again on the same data and port (the
    // clients' connections are cut, as in a restart of a production server).
    bool restart(QString *error);
    bool isRunning() const { return m_pid > 0; }

    // postgresql://vipdeck@127.0.0.1:PORT/vipdeck_audit
    QString url() const;
    qint64 pid() const { return m_pid; }

private:
    bool run(const QStringList &command, QString *error);
    bool launch(QString *error);
    QStringList asOwner(const QString &program, const QStringList &args) const;
    QString log() const;

    QTemporaryDir m_dir;
    QString m_binDir;
    QString m_dataDir;
    QProcess m_server;
    int m_port = 0;
    qint64 m_pid = 0;
    bool m_root = false;
};

} // namespace vipdeck::test
