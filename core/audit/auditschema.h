#pragma once

// AuditSchema: the audit log's tables and their migrations.  Every schema
// change is a new entry at the end of the migration list, applied in one
// transaction under the writers' lock, so a store written by any earlier
// release opens and upgrades in place.

#include "core/common/result.h"

#include <QSqlDatabase>
#include <QStringList>

namespace vipdeck {

class AuditSchema
{
public:
    enum class Dialect { Sqlite, Postgres };

    static int latestVersion();

    // The schema version stored in `db`, 0 for an empty database.
    static Result<int> version(QSqlDatabase &db);

    // Brings `db` up to `target` (latest by default) and returns the version
    // reached.  Refuses a database newer than this build knows.  `where`
    // names the store in errors.
    static Result<int> migrate(QSqlDatabase &db, Dialect dialect, const QString &where,
                               int target = latestVersion());

    // Statements of migration `version` (1-based) in `dialect`.
    static QStringList statements(int version, Dialect dialect);
};

} // namespace vipdeck
