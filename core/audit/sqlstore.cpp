#include "core/audit/sqlstore.h"

#include "core/common/logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace vipdeck::sqlstore {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vipdeck::SqlStore)
};

} // namespace

bool makePrivateDirectories(const QString &path)
{
    QStringList create;
    QString dir = QDir::cleanPath(QDir(path).absolutePath());
    while (!QFileInfo::exists(dir)) {
        create.prepend(dir);
        const QString parent = QFileInfo(dir).path();
        if (parent == dir)
            break;
        dir = parent;
    }
    for (const QString &d : std::as_const(create)) {
        const QByteArray native = QFile::encodeName(d);
        if (::mkdir(native.constData(), 0700) != 0 && errno != EEXIST)
            return false;
    }
    return QFileInfo(path).isDir();
}

bool createPrivateFile(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) {
        ::close(fd);
        return true;
    }
    return errno == EEXIST;
}

void configure(QSqlDatabase &db, const AuditStoreConfig &config, bool write)
{
    if (config.backend == AuditStoreConfig::Backend::Postgres) {
        db.setHostName(config.host);
        db.setPort(config.port);
        db.setUserName(config.user);
        db.setPassword(config.password);
        db.setDatabaseName(config.database);
        QString options = u"connect_timeout=10"_s;
        if (!config.options.isEmpty())
            options += u';' + config.options;
        db.setConnectOptions(options);
    } else if (write) {
        db.setDatabaseName(config.sqlitePath);
        // Other vipdeck processes on this workstation may hold the write lock briefly.
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=15000"_s);
    } else {
        db.setDatabaseName(QUrl::fromLocalFile(QFileInfo(config.sqlitePath).absoluteFilePath())
                               .toString(QUrl::FullyEncoded) +
                           u"?mode=rw"_s);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=15000;QSQLITE_OPEN_URI"_s);
    }
}

std::optional<OpenFailure> open(QSqlDatabase &db, const QString &name,
                                const AuditStoreConfig &config, bool write)
{
    const bool pg = config.backend == AuditStoreConfig::Backend::Postgres;
    const auto failure = [](QString what, QString detail = {}) {
        return OpenFailure{false, std::move(what), std::move(detail)};
    };
    const auto systemError = [] { return QString::fromLocal8Bit(strerror(errno)); };
    if (!pg) {
        const QFileInfo file(config.sqlitePath);
        if (config.sqlitePath.isEmpty())
            return failure(Tr::tr("no store path is set"));
        if (file.isDir())
            return failure(Tr::tr("the store path is a directory"));
        if (!write && !file.exists())
            return OpenFailure{true, Tr::tr("the file does not exist"), {}};
        if (write && !makePrivateDirectories(file.absolutePath()))
            return failure(Tr::tr("cannot create the directory %1").arg(file.absolutePath()),
                           systemError());
        if (write && !createPrivateFile(config.sqlitePath))
            return failure(Tr::tr("cannot create the store file"), systemError());
    }
    db = QSqlDatabase::addDatabase(pg ? u"QPSQL"_s : u"QSQLITE"_s, name);
    if (!db.isValid())
        return failure(
            Tr::tr("the Qt SQL driver %1 is not installed").arg(pg ? u"QPSQL"_s : u"QSQLITE"_s));
    configure(db, config, write);
    if (!db.open()) {
        if (!pg && !write && !QFileInfo::exists(config.sqlitePath))
            return OpenFailure{true, Tr::tr("the file does not exist"), {}};
        return failure(Tr::tr("cannot open the store"), db.lastError().text());
    }
    if (pg)
        QSqlQuery(db).exec(u"SET client_min_messages = warning"_s); // no NOTICEs on the terminal
    return std::nullopt;
}

std::optional<QString> useWriteAheadLog(QSqlDatabase &db, const char *synchronous)
{
    QSqlQuery q(db);
    if (!q.exec(u"PRAGMA journal_mode=WAL"_s) || !q.next() ||
        q.value(0).toString().compare("wal"_L1, Qt::CaseInsensitive) != 0)
        return Tr::tr("cannot switch to write-ahead logging: %1").arg(q.lastError().text());
    if (!q.exec(u"PRAGMA synchronous="_s + QLatin1StringView(synchronous)))
        return Tr::tr("cannot set synchronous=%1: %2")
            .arg(QLatin1StringView(synchronous), q.lastError().text());
    return std::nullopt;
}

namespace {

Error failure(const Schema &schema, const QString &what, const QString &where,
              const QSqlError &sqlError)
{
    return Error(schema.failureCode, what, where, schema.failureHint, sqlError.text());
}

} // namespace

Error newerSchema(const Schema &schema, int version, const QString &where)
{
    return Error(schema.failureCode,
                 Tr::tr("the store has schema version %1, newer than this vipdeck knows (%2)")
                     .arg(version)
                     .arg(schema.latest),
                 where, Tr::tr("upgrade vipdeck on this workstation"));
}

Result<int> storedVersion(QSqlDatabase &db, const Schema &schema, const QString &where)
{
    if (!db.tables().contains(schema.versionTable))
        return 0;
    QSqlQuery q(db);
    if (!q.exec(u"SELECT version FROM "_s + schema.versionTable))
        return failure(schema, Tr::tr("cannot read the schema version"), where, q.lastError());
    return q.next() ? q.value(0).toInt() : 0;
}

Result<int> migrate(QSqlDatabase &db, bool postgres, const Schema &schema, const QString &where,
                    int target)
{
    QSqlQuery q(db);
    const auto run = [&q](const QString &sql) { return q.exec(sql); };
    const auto fail = [&](const QString &what) {
        const QSqlError error = q.lastError();
        q.finish();
        QSqlQuery(db).exec(u"ROLLBACK"_s);
        return failure(schema, what, where, error);
    };

    // The write lock first: two workstations opening an empty shared store at
    // the same moment must not both create the tables.
    if (!run(postgres ? u"BEGIN"_s : u"BEGIN IMMEDIATE"_s))
        return failure(schema, Tr::tr("cannot start a write transaction"), where, q.lastError());
    if (postgres && !run(u"SELECT pg_advisory_xact_lock(%1)"_s.arg(schema.lockKey)))
        return fail(Tr::tr("cannot lock the schema"));
    if (!run(
            u"CREATE TABLE IF NOT EXISTS %1 (version INTEGER NOT NULL)"_s.arg(schema.versionTable)))
        return fail(Tr::tr("cannot create the schema table"));
    if (!run(u"SELECT version FROM "_s + schema.versionTable))
        return fail(Tr::tr("cannot read the schema version"));
    int current = 0;
    const bool hasRow = q.next();
    if (hasRow)
        current = q.value(0).toInt();
    q.finish();
    if (current > schema.latest) {
        QSqlQuery(db).exec(u"ROLLBACK"_s);
        return newerSchema(schema, current, where);
    }
    for (int v = current + 1; v <= target; ++v) {
        qCDebug(lcAudit) << "migrating" << schema.versionTable << where << "to version" << v;
        for (const QString &sql : schema.statements(v, postgres)) {
            if (!run(sql))
                return fail(Tr::tr("schema migration %1 failed").arg(v));
        }
    }
    if (target > current) {
        const QString sql =
            hasRow ? u"UPDATE %1 SET version = %2"_s : u"INSERT INTO %1 (version) VALUES (%2)"_s;
        if (!run(sql.arg(schema.versionTable).arg(target)))
            return fail(Tr::tr("cannot record the schema version"));
    }
    if (!run(u"COMMIT"_s))
        return fail(Tr::tr("cannot commit the schema migration"));
    return std::max(current, target);
}

} // namespace vipdeck::sqlstore
