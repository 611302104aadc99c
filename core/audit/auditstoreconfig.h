#pragma once

// AuditStoreConfig: where the audit log lives.  A local SQLite file by
// default; in team mode a PostgreSQL database that every workstation shares.

#include "core/common/result.h"

#include <QString>

namespace vipdeck {

struct AuditStoreConfig
{
    enum class Backend { Sqlite, Postgres };

    Backend backend = Backend::Sqlite;
    QString sqlitePath; // Sqlite: the database file

    // Postgres: connection settings (libpq semantics).  `host` may be a
    // socket directory (starts with '/').
    QString host;
    int port = 5432;
    QString user;
    QString password; // never shown by location()
    QString database;
    QString options; // extra QPSQL connect options, "key=value;key=value"

    // XDG data dir: $XDG_DATA_HOME/vipdeck/audit.sqlite (~/.local/share/...).
    // The GUI and vipdeckctl share it whatever their application names are.
    static AuditStoreConfig defaultSqlite();
    // The history store's default for a fleet file, beside the audit log:
    // .../vipdeck/history/NAME-HASH.sqlite, one store per fleet (HASH of the
    // file's absolute path).  core/history uses the same URL conventions.
    static AuditStoreConfig defaultHistorySqlite(const QString &fleetFile);
    static AuditStoreConfig sqlite(const QString &path);

    // "postgresql://user[:password]@host[:port]/db[?host=/socket/dir&sslmode=...]",
    // "postgres://..." too; "sqlite:///path" or a plain file path for SQLite.
    static Result<AuditStoreConfig> fromUrl(const QString &url);

    // Where the log is, for messages: a path, or a URL without the password.
    QString location() const;
};

} // namespace vipdeck
