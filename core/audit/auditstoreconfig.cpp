#include "core/audit/auditstoreconfig.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

QString dataFile(const QString &name)
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return QDir(base).filePath(u"vipdeck/"_s + name);
}

} // namespace

AuditStoreConfig AuditStoreConfig::defaultSqlite()
{
    return sqlite(dataFile(u"audit.sqlite"_s));
}

AuditStoreConfig AuditStoreConfig::defaultHistorySqlite(const QString &fleetFile)
{
    const QFileInfo file(fleetFile);
    const QByteArray hash = QCryptographicHash::hash(QFile::encodeName(file.absoluteFilePath()),
                                                     QCryptographicHash::Sha256)
                                .toHex()
                                .left(12);
    return sqlite(dataFile(
        u"history/%1-%2.sqlite"_s.arg(file.completeBaseName(), QString::fromLatin1(hash))));
}

AuditStoreConfig AuditStoreConfig::sqlite(const QString &path)
{
    AuditStoreConfig config;
    config.backend = Backend::Sqlite;
    config.sqlitePath = path;
    return config;
}

Result<AuditStoreConfig> AuditStoreConfig::fromUrl(const QString &text)
{
    const auto invalid = [&text](const QString &why) {
        return Error(
            ErrorCode::Config,
            QCoreApplication::translate("vipdeck::AuditStore", "invalid audit store URL: %1")
                .arg(why),
            text,
            QCoreApplication::translate(
                "vipdeck::AuditStore",
                "use postgresql://user@host:port/database or a SQLite file path"));
    };
    if (text.trimmed().isEmpty())
        return invalid(QCoreApplication::translate("vipdeck::AuditStore", "empty"));
    if (text.startsWith(u'/'))
        return sqlite(text);

    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return invalid(url.errorString());
    const QString scheme = url.scheme().toLower();
    if (scheme == "sqlite"_L1) {
        if (url.path().isEmpty())
            return invalid(QCoreApplication::translate("vipdeck::AuditStore", "no file path"));
        return sqlite(url.path());
    }
    if (scheme != "postgresql"_L1 && scheme != "postgres"_L1)
        return invalid(QCoreApplication::translate("vipdeck::AuditStore", "unknown scheme \"%1\"")
                           .arg(url.scheme()));

    AuditStoreConfig config;
    config.backend = Backend::Postgres;
    config.host = url.host();
    config.port = url.port(5432);
    config.user = url.userName();
    config.password = url.password();
    config.database = url.path().mid(1);
    QStringList extra;
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == "host"_L1)
            config.host = value; // libpq style: ?host=/run/postgresql
        else if (key == "user"_L1)
            config.user = value;
        else if (key == "port"_L1)
            config.port = value.toInt();
        else if (key == "password"_L1)
            config.password = value;
        else if (key == "dbname"_L1)
            config.database = value;
        else
            extra << key + u'=' + value;
    }
    config.options = extra.join(u';');
    if (config.database.isEmpty())
        return invalid(QCoreApplication::translate("vipdeck::AuditStore", "no database name"));
    if (config.port <= 0 || config.port > 65535)
        return invalid(QCoreApplication::translate("vipdeck::AuditStore", "bad port"));
    if (config.host.isEmpty())
        config.host = u"localhost"_s;
    return config;
}

QString AuditStoreConfig::location() const
{
    if (backend == Backend::Sqlite)
        return sqlitePath;
    QString out = u"postgresql://"_s;
    if (!user.isEmpty())
        out += user + u'@';
    if (host.startsWith(u'/'))
        return out + u'/' + database + u"?host="_s + host;
    return out + host + u':' + QString::number(port) + u'/' + database;
}

} // namespace vipdeck
