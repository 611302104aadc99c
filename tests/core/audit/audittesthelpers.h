#pragma once

// Helpers shared by the audit tests: intents with sensible defaults, and the
// sqlite3 command-line tool for looking at (and tampering with) a store
// behind the store's back.

#include "core/audit/auditrecord.h"

#include <QString>
#include <QStringList>

namespace vipdeck::test {

AuditIntent makeIntent(const QString &action, const QList<AuditTarget> &targets,
                       const QString &reason = QStringLiteral("INC-1"),
                       const QString &operatorName = QStringLiteral("alice"));

// Runs SQL through `sqlite3 -batch -bail DB`; true when sqlite3 succeeded.
// Its standard output goes to `output`; failures are printed as warnings.
bool sqlite3(const QString &database, const QString &sql, QString *output = nullptr);

// Appends `record` (an intent; id, links and hash filled in here) to the
// SQLite store `database` with a correct hash, bypassing AuditStore's input
// checks: a record as an older vipdeck could have written it (a reason with
// control characters, say).  Returns its id, or -1.
qint64 appendLegacyRecord(const QString &database, AuditRecord record);

// Loads an SQL dump (fixture) into a new database file.
bool sqlite3Load(const QString &database, const QString &dumpFile);

} // namespace vipdeck::test
