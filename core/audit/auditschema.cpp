#include "core/audit/auditschema.h"

#include "core/common/logging.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

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

Error failure(const QString &what, const QString &where, const QSqlError &sqlError)
{
    return Error(ErrorCode::AuditUnavailable, what, where,
                 QCoreApplication::translate("vipdeck::AuditStore",
                                             "check that the audit store is writable"),
                 sqlError.text());
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
    if (!db.tables().contains(u"audit_schema"_s))
        return 0;
    QSqlQuery q(db);
    if (!q.exec(u"SELECT version FROM audit_schema"_s))
        return failure(QCoreApplication::translate("vipdeck::AuditStore",
                                                   "cannot read the audit schema version"),
                       db.databaseName(), q.lastError());
    return q.next() ? q.value(0).toInt() : 0;
}

Result<int> AuditSchema::migrate(QSqlDatabase &db, Dialect dialect, const QString &where,
                                 int target)
{
    QSqlQuery q(db);
    const auto run = [&q](const QString &sql) { return q.exec(sql); };
    const auto fail = [&](const QString &what) {
        const QSqlError error = q.lastError();
        q.finish();
        QSqlQuery(db).exec(u"ROLLBACK"_s);
        return failure(what, where, error);
    };

    // The write lock first: two workstations opening an empty shared store at
    // the same moment must not both create the tables.
    const bool pg = dialect == Dialect::Postgres;
    if (!run(pg ? u"BEGIN"_s : u"BEGIN IMMEDIATE"_s))
        return failure(
            QCoreApplication::translate("vipdeck::AuditStore", "cannot start a write transaction"),
            where, q.lastError());
    if (pg && !run(u"SELECT pg_advisory_xact_lock(%1)"_s.arg(kSchemaLockKey)))
        return fail(
            QCoreApplication::translate("vipdeck::AuditStore", "cannot lock the audit schema"));
    if (!run(u"CREATE TABLE IF NOT EXISTS audit_schema (version INTEGER NOT NULL)"_s))
        return fail(QCoreApplication::translate("vipdeck::AuditStore",
                                                "cannot create the audit schema table"));
    if (!run(u"SELECT version FROM audit_schema"_s))
        return fail(QCoreApplication::translate("vipdeck::AuditStore",
                                                "cannot read the audit schema version"));
    int current = 0;
    const bool hasRow = q.next();
    if (hasRow)
        current = q.value(0).toInt();
    q.finish();
    if (current > latestVersion()) {
        QSqlQuery(db).exec(u"ROLLBACK"_s);
        return Error(ErrorCode::AuditUnavailable,
                     QCoreApplication::translate(
                         "vipdeck::AuditStore",
                         "the audit store has schema version %1, newer than this vipdeck "
                         "knows (%2)")
                         .arg(current)
                         .arg(latestVersion()),
                     where,
                     QCoreApplication::translate("vipdeck::AuditStore",
                                                 "upgrade vipdeck on this workstation"));
    }
    for (int v = current + 1; v <= target; ++v) {
        qCDebug(lcAudit) << "migrating audit store" << where << "to schema version" << v;
        for (const QString &sql : statements(v, dialect)) {
            if (!run(sql))
                return fail(QCoreApplication::translate("vipdeck::AuditStore",
                                                        "audit schema migration %1 failed")
                                .arg(v));
        }
    }
    if (target > current) {
        const QString sql = hasRow
                                ? u"UPDATE audit_schema SET version = %1"_s.arg(target)
                                : u"INSERT INTO audit_schema (version) VALUES (%1)"_s.arg(target);
        if (!run(sql))
            return fail(QCoreApplication::translate("vipdeck::AuditStore",
                                                    "cannot record the audit schema version"));
    }
    if (!run(u"COMMIT"_s))
        return fail(QCoreApplication::translate("vipdeck::AuditStore",
                                                "cannot commit the audit schema migration"));
    return std::max(current, target);
}

} // namespace vipdeck
