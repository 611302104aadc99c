#pragma once

// What the audit log and the history store share about their databases:
// SQLite files and directories only their owner can read, the connection
// settings of a store URL, and versioned schemas whose migrations run in one
// transaction under the writers' lock.

#include "core/audit/auditstoreconfig.h"
#include "core/common/error.h"
#include "core/common/result.h"

#include <QSqlDatabase>
#include <QStringList>

#include <optional>

namespace vipdeck::sqlstore {

// mkdir -p, with mode 0700 for the directories it creates.
bool makePrivateDirectories(const QString &path);
// Creates `path` with mode 0600 before SQLite does (it would use 0644 less
// the umask); an existing file keeps its mode.  False with errno set.
bool createPrivateFile(const QString &path);

// Why open() failed: `what` in one sentence, `detail` from the system or
// the driver; `missing` when a reader found no file (nothing was created).
struct OpenFailure
{
    bool missing = false;
    QString what;
    QString detail;
};

// Opens a new connection `name` for `config` into `db`.  A SQLite writer
// creates the store's directories (0700) and file (0600) first; a reader
// never creates anything.
std::optional<OpenFailure> open(QSqlDatabase &db, const QString &name,
                                const AuditStoreConfig &config, bool write);

// Sets the driver's connection settings for `config`.  A writer opens the
// SQLite file as given (with a busy timeout); a reader opens it with
// mode=rw, so that it never creates a store, even in a race.
void configure(QSqlDatabase &db, const AuditStoreConfig &config, bool write);

// Write-ahead logging with the given `synchronous` level ("FULL": a commit
// is on disk when it returns; "NORMAL": a commit survives a crash of the
// process but the last ones may be lost with the machine).  The error text
// when the database refuses.
std::optional<QString> useWriteAheadLog(QSqlDatabase &db, const char *synchronous);

struct Schema
{
    QString versionTable; // one row: the version reached
    qint64 lockKey = 0;   // PostgreSQL advisory lock held while migrating
    int latest = 0;
    QStringList (*statements)(int version, bool postgres) = nullptr;
    ErrorCode failureCode = ErrorCode::Internal;
    QString failureHint;
};

// The version stored in `db`, 0 for a database without the schema table.
Result<int> storedVersion(QSqlDatabase &db, const Schema &schema, const QString &where);

// Brings `db` up to `target` and returns the version reached.  Refuses a
// database newer than `schema.latest`.  `where` names the store in errors.
Result<int> migrate(QSqlDatabase &db, bool postgres, const Schema &schema, const QString &where,
                    int target);

// A store newer than this build.
Error newerSchema(const Schema &schema, int version, const QString &where);

} // namespace vipdeck::sqlstore
