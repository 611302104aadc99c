#include "core/audit/auditschema.h"

#include "core/audit/sqlstore.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

// A fixed key for pg_advisory_xact_lock: "vipdeck audit schema".
constexpr qint64 kSchemaLockKey = 0x7669706465636b01;

QStringList v1(AuditSchema::Dialect dialect)
{
    const bool pg = dialect == AuditSchema::Dialect::Postgres;
    const QString idType = pg ? u"BIGINT"_s : u"INTEGER"_s;
    return {
        u"CREATE TABLE audit_record ("
        "id %1 PRIMARY KEY,"
        "kind TEXT NOT NULL CHECK (kind IN ('intent', 'completion')),"
        "intent_id %1,"
        "recorded_at TEXT NOT NULL,"
        "operator TEXT NOT NULL,"
        "workstation TEXT NOT NULL,"
        "ssh_user TEXT NOT NULL,"
        "action TEXT NOT NULL,"
        "reason TEXT NOT NULL,"
        "state_before TEXT NOT NULL,"
        "state_after TEXT NOT NULL,"
        "results TEXT NOT NULL,"
        "prev_hash TEXT NOT NULL,"
        "hash TEXT NOT NULL)"_s.arg(idType),
        u"CREATE TABLE audit_target ("
        "record_id %1 NOT NULL REFERENCES audit_record (id),"
        "position INTEGER NOT NULL,"
        "vip TEXT NOT NULL,"
        "host TEXT NOT NULL,"
        "backend TEXT NOT NULL,"
        "server TEXT NOT NULL,"
        "PRIMARY KEY (record_id, position))"_s.arg(idType),
    };
}

// v2: indexes for the filters and the completion lookup, and triggers that
// refuse UPDATE and DELETE, so nothing edits the log by accident.
QStringList v2(AuditSchema::Dialect dialect)
{
    QStringList out = {
        u"CREATE INDEX audit_record_intent ON audit_record (intent_id)"_s,
        u"CREATE INDEX audit_record_time ON audit_record (recorded_at)"_s,
        u"CREATE INDEX audit_record_operator ON audit_record (operator)"_s,
        u"CREATE INDEX audit_record_action ON audit_record (action)"_s,
        u"CREATE INDEX audit_target_vip ON audit_target (vip)"_s,
        u"CREATE INDEX audit_target_host ON audit_target (host)"_s,
        u"CREATE INDEX audit_target_server ON audit_target (server)"_s,
    };
    const QStringList tables = {u"audit_record"_s, u"audit_target"_s};
    if (dialect == AuditSchema::Dialect::Postgres) {
        out << u"CREATE OR REPLACE FUNCTION audit_refuse_change() RETURNS trigger "
               "LANGUAGE plpgsql AS $$ BEGIN "
               "RAISE EXCEPTION 'the vipdeck audit log is append-only'; END $$"_s;
        for (const QString &t : tables)
            out << u"CREATE TRIGGER %1_append_only BEFORE UPDATE OR DELETE ON %1 "
                   "FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()"_s.arg(t);
    } else {
        for (const QString &t : tables) {
            out << u"CREATE TRIGGER %1_no_update BEFORE UPDATE ON %1 BEGIN "
                   "SELECT RAISE(ABORT, 'the vipdeck audit log is append-only'); END"_s.arg(t)
                << u"CREATE TRIGGER %1_no_delete BEFORE DELETE ON %1 BEGIN "
                   "SELECT RAISE(ABORT, 'the vipdeck audit log is append-only'); END"_s.arg(t);
        }
    }
    return out;
}

using MigrationFn = QStringList (*)(AuditSchema::Dialect);
constexpr MigrationFn kMigrations[] = {v1, v2};

QStringList statementsOf(int version, bool postgres)
{
    return AuditSchema::statements(version, postgres ? AuditSchema::Dialect::Postgres
                                                     : AuditSchema::Dialect::Sqlite);
}

sqlstore::Schema schema()
{
    return {u"audit_schema"_s,
            kSchemaLockKey,
            AuditSchema::latestVersion(),
            statementsOf,
            ErrorCode::AuditUnavailable,
            QCoreApplication::translate("vipdeck::AuditStore",
                                        "check that the audit store is writable")};
}

} // namespace

int AuditSchema::latestVersion()
{
    return int(std::size(kMigrations));
}

QStringList AuditSchema::statements(int version, Dialect dialect)
{
    if (version < 1 || version > latestVersion())
        return {};
    return kMigrations[version - 1](dialect);
}

Result<int> AuditSchema::version(QSqlDatabase &db)
{
    return sqlstore::storedVersion(db, schema(), db.databaseName());
}

Result<int> AuditSchema::migrate(QSqlDatabase &db, Dialect dialect, const QString &where,
                                 int target)
{
    return sqlstore::migrate(db, dialect == Dialect::Postgres, schema(), where, target);
}

} // namespace vipdeck
