#include "core/audit/auditdatabase.h"

#include "core/audit/auditreason.h"
#include "core/audit/sqlstore.h"
#include "core/common/logging.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QSysInfo>

#include <pwd.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

// This file's messages, in a context lupdate can see.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vipdeck::AuditStore)
};

QString osUser()
{
    if (const passwd *pw = getpwuid(geteuid()); pw && pw->pw_name)
        return QString::fromLocal8Bit(pw->pw_name);
    return qEnvironmentVariable("USER", u"uid-%1"_s.arg(geteuid()));
}

// Columns in the order recordFromQuery() reads them.
const QString kColumns = u"r.id, r.kind, r.intent_id, r.recorded_at, r.operator, r.workstation, "
                         "r.ssh_user, r.action, r.reason, r.state_before, r.state_after, "
                         "r.results, r.prev_hash, r.hash"_s;
const QString kCompletedBy = u", (SELECT MIN(c.id) FROM audit_record c WHERE c.intent_id = r.id "
                             "AND c.kind = 'completion') AS completed_by"_s;

AuditRecord recordFromQuery(const QSqlQuery &q, bool withCompletion)
{
    AuditRecord r;
    r.id = q.value(0).toLongLong();
    r.kind = auditKindFromName(q.value(1).toString()).value_or(AuditKind::Intent);
    if (!q.value(2).isNull())
        r.intentId = q.value(2).toLongLong();
    r.time = QDateTime::fromString(q.value(3).toString(), Qt::ISODateWithMs);
    r.operatorName = q.value(4).toString();
    r.workstation = q.value(5).toString();
    r.sshUser = q.value(6).toString();
    r.action = q.value(7).toString();
    r.reason = q.value(8).toString();
    r.stateBefore = q.value(9).toString();
    r.stateAfter = q.value(10).toString();
    // A results column that does not parse stays empty, and the hash check
    // then reports the record as changed.
    r.results =
        auditResultsFromJson(q.value(11).toString().toUtf8()).value_or(QList<AuditTargetResult>{});
    r.prevHash = q.value(12).toString().toLatin1();
    r.hash = q.value(13).toString().toLatin1();
    if (withCompletion && !q.value(14).isNull())
        r.completedBy = q.value(14).toLongLong();
    return r;
}

// A LIKE pattern that finds `word` anywhere, with LIKE's own wildcards and
// the escape character taken literally (ESCAPE '!').
QString containsPattern(const QString &word)
{
    QString pattern;
    pattern.reserve(word.size() + 4);
    pattern += u'%';
    for (const QChar c : word) {
        if (c == u'!' || c == u'%' || c == u'_')
            pattern += u'!';
        pattern += c;
    }
    pattern += u'%';
    return pattern;
}

// One free-text word: it appears in a column of the record, of one of its
// targets or of one of its results (the JSON array in `results`, read with
// the database's JSON functions so that key names never match and JSON
// escaping does not get in the way of quotes).
QString textSql(const QString &word, bool postgres, QVariantList &values)
{
    const QString like = postgres ? u"ILIKE ? ESCAPE '!'"_s : u"LIKE ? ESCAPE '!'"_s;
    QStringList any;
    for (const char *column : {"r.operator", "r.workstation", "r.ssh_user", "r.action", "r.reason"})
        any << QLatin1StringView(column) + u' ' + like;
    // A completion is found by its intent's reason too, so both halves show.
    any << u"EXISTS (SELECT 1 FROM audit_record i WHERE i.id = r.intent_id AND i.reason %1)"_s.arg(
        like);
    any << u"EXISTS (SELECT 1 FROM audit_target t WHERE t.record_id = r.id AND (t.vip %1 OR "
           "t.host %1 OR t.backend %1 OR t.server %1))"_s.arg(like);
    // A results column that is not a JSON array (only a tampered store has
    // one) is searched as empty instead of failing the query.
    if (postgres)
        any << u"EXISTS (SELECT 1 FROM json_array_elements((CASE WHEN r.results LIKE '[%' "
               "THEN r.results ELSE '[]' END)::json) e WHERE e->>'outcome' %1 OR "
               "e->>'message' %1)"_s.arg(like);
    else
        any << u"EXISTS (SELECT 1 FROM json_each(CASE WHEN json_valid(r.results) THEN r.results "
               "ELSE '[]' END) e WHERE json_extract(e.value, '$.outcome') %1 OR "
               "json_extract(e.value, '$.message') %1)"_s.arg(like);
    const QString pattern = containsPattern(word);
    for (int i = 0; i < 5 + 1 + 4 + 2; ++i)
        values << pattern;
    return u'(' + any.join(u" OR "_s) + u')';
}

// WHERE clause and bound values for a filter.
QString filterSql(const AuditFilter &f, bool postgres, QVariantList &values)
{
    QStringList parts;
    if (f.since.isValid()) {
        parts << u"r.recorded_at >= ?"_s;
        values << AuditRecord::formatTime(f.since);
    }
    if (f.until.isValid()) {
        parts << u"r.recorded_at < ?"_s;
        values << AuditRecord::formatTime(f.until);
    }
    if (!f.operatorName.isEmpty()) {
        parts << u"r.operator = ?"_s;
        values << f.operatorName;
    }
    if (!f.action.isEmpty()) {
        parts << u"r.action = ?"_s;
        values << f.action;
    }
    const auto target = [&](const char *column, const QString &value) {
        if (value.isEmpty())
            return;
        parts << u"EXISTS (SELECT 1 FROM audit_target t WHERE t.record_id = r.id AND t.%1 = ?)"_s
                     .arg(QLatin1StringView(column));
        values << value;
    };
    target("vip", f.vip);
    target("host", f.host);
    target("server", f.server);
    if (f.incompleteOnly)
        parts << u"r.kind = 'intent' AND NOT EXISTS (SELECT 1 FROM audit_record c "
                 "WHERE c.intent_id = r.id AND c.kind = 'completion')"_s;
    for (const QString &word : f.text.simplified().split(u' ', Qt::SkipEmptyParts))
        parts << textSql(word, postgres, values);
    return parts.join(u" AND "_s);
}

// NOT NULL text columns: a null QString would bind as SQL NULL.
QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QString(u""_s)) : QVariant(value);
}

bool execBound(QSqlQuery &q, const QString &sql, const QVariantList &values)
{
    if (!q.prepare(sql))
        return false;
    for (const QVariant &v : values)
        q.addBindValue(v);
    return q.exec();
}

QAtomicInteger<quint64> connectionCounter;

} // namespace

AuditDatabase::AuditDatabase(AuditStoreConfig config, const Clock &clock)
    : m_config(std::move(config))
    , m_clock(clock)
    , m_connectionName(u"vipdeck-audit-%1"_s.arg(connectionCounter.fetchAndAddRelaxed(1)))
{}

AuditDatabase::~AuditDatabase()
{
    if (m_db.isValid())
        m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

Error AuditDatabase::unavailable(const QString &what, const QString &detail) const
{
    const QString hint =
        m_config.backend == AuditStoreConfig::Backend::Sqlite
            ? Tr::tr("check that the directory exists and is writable and the disk is not full, or "
                     "set another audit store location")
            : Tr::tr(
                  "check that the PostgreSQL server is reachable and that this user may write the "
                  "audit tables");
    return Error(ErrorCode::AuditUnavailable, what, m_config.location(), hint, detail);
}

Error AuditDatabase::missing(const QString &why) const
{
    const QString hint =
        m_config.backend == AuditStoreConfig::Backend::Sqlite
            ? Tr::tr("check the path (--audit, or audit/url in the settings); a new log is only "
                     "created by the first audited change. If a log was here before, it was moved "
                     "or deleted: restore it from a backup and check it with `vipdeckctl audit "
                     "verify --anchor ID:HASH` against an anchor taken earlier")
            : Tr::tr("check the URL (--audit, or audit/url in the settings) and the database "
                     "name; a new log is only created by the first audited change. If a log was "
                     "here before, its tables were dropped: restore them from a backup");
    return Error(ErrorCode::AuditMissing, Tr::tr("no audit log at %1").arg(m_config.location()), {},
                 hint, why);
}

Result<void> AuditDatabase::open(int schemaVersion, Access access)
{
    const bool pg = m_config.backend == AuditStoreConfig::Backend::Postgres;
    const bool write = access == Access::Write;
    if (const auto failed = sqlstore::open(m_db, m_connectionName, m_config, write)) {
        if (failed->missing)
            return missing(failed->what);
        return unavailable(Tr::tr("cannot open the audit store: %1").arg(failed->what),
                           failed->detail);
    }
    if (!pg && write) {
        // WAL with synchronous=FULL: a commit is on disk when it returns.
        if (const auto error = sqlstore::useWriteAheadLog(m_db, "FULL"))
            return unavailable(Tr::tr("cannot make the audit store's writes durable"), *error);
    }
    if (!write) {
        // A reader takes the store as it is: no tables means no log.
        const Result<int> version = AuditSchema::version(m_db);
        if (!version) {
            m_db.close();
            return version.error();
        }
        if (*version == 0 || !m_db.tables().contains(u"audit_record"_s)) {
            m_db.close();
            return missing(pg ? Tr::tr("the database has no vipdeck audit tables")
                              : Tr::tr("the file holds no vipdeck audit tables"));
        }
        if (*version > AuditSchema::latestVersion()) {
            m_db.close();
            return Error(ErrorCode::AuditUnavailable,
                         Tr::tr("the audit store has schema version %1, newer than this vipdeck "
                                "knows (%2)")
                             .arg(*version)
                             .arg(AuditSchema::latestVersion()),
                         m_config.location(), Tr::tr("upgrade vipdeck on this workstation"));
        }
        m_schemaVersion = *version;
        qCDebug(lcAudit) << "audit store open for reading:" << m_config.location() << "schema"
                         << m_schemaVersion;
        return {};
    }
    auto migrated = AuditSchema::migrate(
        m_db, pg ? AuditSchema::Dialect::Postgres : AuditSchema::Dialect::Sqlite,
        m_config.location(), schemaVersion);
    if (!migrated) {
        m_db.close();
        return migrated.error();
    }
    m_schemaVersion = *migrated;
    qCDebug(lcAudit) << "audit store open:" << m_config.location() << "schema" << m_schemaVersion;
    return {};
}

Result<void> AuditDatabase::ensureOpen()
{
    if (m_db.isOpen())
        return {};
    if (m_db.isValid() && m_db.open())
        return {};
    return unavailable(Tr::tr("the audit store connection was lost and cannot be reopened"),
                       m_db.lastError().text());
}

Result<qint64> AuditDatabase::beginAction(const AuditIntent &intent)
{
    if (intent.action.trimmed().isEmpty())
        return Error(ErrorCode::InvalidArgument, Tr::tr("an audited action needs a name"),
                     m_config.location());
    if (intent.change && intent.reason.trimmed().isEmpty())
        return Error(ErrorCode::InvalidArgument,
                     Tr::tr("a reason is required for \"%1\"").arg(intent.action), {},
                     Tr::tr("give a reason, for example a ticket id"));
    // The callers check it at input; this keeps any other path from writing one.
    if (auto valid = validateAuditReason(intent.reason); !valid)
        return Error(valid.error().code, valid.error().message, m_config.location(),
                     valid.error().hint);
    AuditRecord r;
    r.kind = AuditKind::Intent;
    r.operatorName = intent.operatorName.isEmpty() ? osUser() : intent.operatorName;
    r.workstation = intent.workstation.isEmpty() ? QSysInfo::machineHostName() : intent.workstation;
    r.sshUser = intent.sshUser;
    r.action = intent.action;
    r.targets = intent.targets;
    r.reason = intent.reason.trimmed();
    r.stateBefore = intent.stateBefore;
    return append(std::move(r), std::nullopt);
}

Result<qint64> AuditDatabase::completeAction(qint64 intentId, const AuditCompletion &completion)
{
    AuditRecord r;
    r.kind = AuditKind::Completion;
    r.intentId = intentId;
    r.stateAfter = completion.stateAfter;
    r.results = completion.results;
    return append(std::move(r), intentId);
}

Result<qint64> AuditDatabase::append(AuditRecord r, std::optional<qint64> completes)
{
    if (auto ok = ensureOpen(); !ok)
        return ok.error();
    const bool pg = m_config.backend == AuditStoreConfig::Backend::Postgres;
    QSqlQuery q(m_db);
    const auto abort = [&](const QString &what) {
        const QString detail = q.lastError().text();
        q.finish();
        if (m_db.isOpen())
            QSqlQuery(m_db).exec(u"ROLLBACK"_s);
        // A dropped server connection: reconnect on the next call.
        if (pg && m_db.isOpen() && !QSqlQuery(m_db).exec(u"SELECT 1"_s))
            m_db.close();
        return unavailable(what, detail);
    };

    // One writer at a time across every process and workstation: the tail
    // is read under the lock, so all appends form a single chain.
    if (!q.exec(pg ? u"BEGIN"_s : u"BEGIN IMMEDIATE"_s))
        return abort(Tr::tr("cannot start writing the audit record"));
    if (pg && !q.exec(u"LOCK TABLE audit_record IN EXCLUSIVE MODE"_s))
        return abort(Tr::tr("cannot lock the audit log for writing"));
    if (!q.exec(u"SELECT id, hash FROM audit_record ORDER BY id DESC LIMIT 1"_s))
        return abort(Tr::tr("cannot read the end of the audit log"));
    qint64 tailId = 0;
    QByteArray tailHash = AuditRecord::genesisHash();
    if (q.next()) {
        tailId = q.value(0).toLongLong();
        tailHash = q.value(1).toString().toLatin1();
    }
    q.finish();

    if (completes) {
        // The completion carries the intent's who and what, so filters find both halves.
        if (!q.exec(u"SELECT kind, action, operator, workstation, ssh_user FROM audit_record "
                    "WHERE id = %1"_s.arg(*completes)))
            return abort(Tr::tr("cannot read the audit log"));
        const bool found = q.next();
        const bool isIntent = found && q.value(0).toString() == "intent"_L1;
        if (found) {
            r.action = q.value(1).toString();
            r.operatorName = q.value(2).toString();
            r.workstation = q.value(3).toString();
            r.sshUser = q.value(4).toString();
        }
        q.finish();
        QString problem;
        if (!isIntent)
            problem = Tr::tr("audit record %1 is not an intent").arg(*completes);
        else if (!q.exec(u"SELECT id FROM audit_record WHERE intent_id = %1"_s.arg(*completes)))
            return abort(Tr::tr("cannot read the audit log"));
        else if (q.next())
            problem = Tr::tr("intent %1 is already completed by record %2")
                          .arg(*completes)
                          .arg(q.value(0).toLongLong());
        q.finish();
        if (!problem.isEmpty()) {
            QSqlQuery(m_db).exec(u"ROLLBACK"_s);
            return Error(ErrorCode::InvalidArgument, problem, m_config.location());
        }
        if (!q.exec(u"SELECT vip, host, backend, server FROM audit_target WHERE record_id = %1 "
                    "ORDER BY position"_s.arg(*completes)))
            return abort(Tr::tr("cannot read the audit log"));
        while (q.next())
            r.targets.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                              q.value(3).toString()});
        q.finish();
    }

    r.id = tailId + 1;
    r.prevHash = tailHash;
    // Millisecond precision: what is stored is exactly what is hashed.
    r.time = QDateTime::fromMSecsSinceEpoch(m_clock.now().toMSecsSinceEpoch(), Qt::UTC);
    r.hash = r.computeHash();

    if (!q.prepare(u"INSERT INTO audit_record (id, kind, intent_id, recorded_at, operator, "
                   "workstation, ssh_user, action, reason, state_before, state_after, results, "
                   "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s))
        return abort(Tr::tr("cannot write the audit record"));
    q.addBindValue(r.id);
    q.addBindValue(auditKindName(r.kind));
    q.addBindValue(r.intentId ? QVariant(*r.intentId) : QVariant(QMetaType::fromType<qint64>()));
    q.addBindValue(AuditRecord::formatTime(r.time));
    q.addBindValue(text(r.operatorName));
    q.addBindValue(text(r.workstation));
    q.addBindValue(text(r.sshUser));
    q.addBindValue(text(r.action));
    q.addBindValue(text(r.reason));
    q.addBindValue(text(r.stateBefore));
    q.addBindValue(text(r.stateAfter));
    q.addBindValue(QString::fromUtf8(auditResultsToJson(r.results)));
    q.addBindValue(QString::fromLatin1(r.prevHash));
    q.addBindValue(QString::fromLatin1(r.hash));
    if (!q.exec())
        return abort(Tr::tr("cannot write the audit record"));
    for (int i = 0; i < r.targets.size(); ++i) {
        const AuditTarget &t = r.targets.at(i);
        if (!q.prepare(u"INSERT INTO audit_target (record_id, position, vip, host, backend, "
                       "server) VALUES (?, ?, ?, ?, ?, ?)"_s))
            return abort(Tr::tr("cannot write the audit record's targets"));
        q.addBindValue(r.id);
        q.addBindValue(i);
        q.addBindValue(text(t.vip));
        q.addBindValue(text(t.host));
        q.addBindValue(text(t.backend));
        q.addBindValue(text(t.server));
        if (!q.exec())
            return abort(Tr::tr("cannot write the audit record's targets"));
    }
    if (!q.exec(u"COMMIT"_s))
        return abort(Tr::tr("cannot commit the audit record"));
    qCDebug(lcAudit) << "appended" << auditKindName(r.kind) << r.id << r.action;
    return r.id;
}

Result<QList<AuditRecord>> AuditDatabase::select(const QString &where, const QVariantList &values,
                                                 const QString &tail, bool withCompletion)
{
    if (auto ok = ensureOpen(); !ok)
        return ok.error();
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    QString sql = u"SELECT "_s + kColumns + (withCompletion ? kCompletedBy : QString()) +
                  u" FROM audit_record r"_s;
    if (!where.isEmpty())
        sql += u" WHERE "_s + where;
    sql += u' ' + tail;
    if (!execBound(q, sql, values))
        return unavailable(Tr::tr("cannot read the audit log"), q.lastError().text());
    QList<AuditRecord> records;
    QHash<qint64, qsizetype> index;
    while (q.next()) {
        records.append(recordFromQuery(q, withCompletion));
        index.insert(records.last().id, records.size() - 1);
    }
    q.finish();
    if (records.isEmpty())
        return records;

    QStringList ids;
    ids.reserve(records.size());
    for (const AuditRecord &r : std::as_const(records))
        ids << QString::number(r.id);
    if (!q.exec(u"SELECT record_id, vip, host, backend, server FROM audit_target WHERE record_id "
                "IN (%1) ORDER BY record_id, position"_s.arg(ids.join(u','))))
        return unavailable(Tr::tr("cannot read the audit log's targets"), q.lastError().text());
    while (q.next()) {
        const auto it = index.constFind(q.value(0).toLongLong());
        if (it != index.constEnd())
            records[*it].targets.append({q.value(1).toString(), q.value(2).toString(),
                                         q.value(3).toString(), q.value(4).toString()});
    }
    return records;
}

Result<AuditPage> AuditDatabase::page(const AuditPageRequest &request)
{
    const int limit = std::clamp(request.limit, 1, 10000);
    QVariantList values;
    QString where = filterSql(request.filter, isPostgres(), values);
    if (request.cursor > 0) {
        if (!where.isEmpty())
            where += u" AND "_s;
        where += request.newestFirst ? u"r.id < ?"_s : u"r.id > ?"_s;
        values << request.cursor;
    }
    // One more than asked tells whether another page follows.
    const QString tail = u"ORDER BY r.id %1 LIMIT %2"_s.arg(
        request.newestFirst ? u"DESC"_s : u"ASC"_s, QString::number(limit + 1));
    auto records = select(where, values, tail, true);
    if (!records)
        return records.error();
    AuditPage page;
    page.records = std::move(*records);
    page.hasMore = page.records.size() > limit;
    if (page.hasMore)
        page.records.removeLast();
    if (!page.records.isEmpty())
        page.nextCursor = page.records.last().id;
    return page;
}

Result<qint64> AuditDatabase::count(const AuditFilter &filter)
{
    if (auto ok = ensureOpen(); !ok)
        return ok.error();
    QVariantList values;
    const QString where = filterSql(filter, isPostgres(), values);
    QSqlQuery q(m_db);
    const QString sql = u"SELECT COUNT(*) FROM audit_record r"_s +
                        (where.isEmpty() ? QString() : u" WHERE "_s + where);
    if (!execBound(q, sql, values) || !q.next())
        return unavailable(Tr::tr("cannot count the audit records"), q.lastError().text());
    return q.value(0).toLongLong();
}

Result<AuditRecord> AuditDatabase::record(qint64 id)
{
    auto records = select(u"r.id = ?"_s, {id}, {}, true);
    if (!records)
        return records.error();
    if (records->isEmpty())
        return Error(ErrorCode::InvalidArgument, Tr::tr("there is no audit record %1").arg(id),
                     m_config.location(), Tr::tr("list the records with `vipdeckctl audit list`"));
    return records->first();
}

Result<AuditAnchor> AuditDatabase::anchor()
{
    if (auto ok = ensureOpen(); !ok)
        return ok.error();
    QSqlQuery q(m_db);
    if (!q.exec(u"SELECT id, hash FROM audit_record ORDER BY id DESC LIMIT 1"_s))
        return unavailable(Tr::tr("cannot read the end of the audit log"), q.lastError().text());
    AuditAnchor anchor{0, AuditRecord::genesisHash()};
    if (q.next()) {
        anchor.id = q.value(0).toLongLong();
        anchor.hash = q.value(1).toString().toLatin1();
    }
    return anchor;
}

Result<void> AuditDatabase::checkProtection(AuditVerifyReport &report)
{
    const bool pg = isPostgres();
    // v2's triggers; a store still at v1 never had them.
    const QStringList expected =
        pg ? QStringList{u"audit_record_append_only"_s, u"audit_target_append_only"_s}
           : QStringList{u"audit_record_no_update"_s, u"audit_record_no_delete"_s,
                         u"audit_target_no_update"_s, u"audit_target_no_delete"_s};
    QSqlQuery q(m_db);
    // PostgreSQL: a disabled trigger (ALTER TABLE ... DISABLE TRIGGER) protects nothing.
    const QString sql =
        pg ? u"SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgenabled <> 'D' AND "
             "tgrelid IN ('audit_record'::regclass, 'audit_target'::regclass)"_s
           : u"SELECT name FROM sqlite_master WHERE type = 'trigger' AND "
             "tbl_name IN ('audit_record', 'audit_target')"_s;
    if (!q.exec(sql))
        return unavailable(Tr::tr("cannot read the audit log's triggers"), q.lastError().text());
    QStringList present;
    while (q.next())
        present << q.value(0).toString();
    for (const QString &name : expected) {
        if (!present.contains(name))
            report.missingProtection << name;
    }
    if (report.missingProtection.isEmpty())
        return {};
    if (m_schemaVersion < 2) {
        report.restoreProtection =
            Tr::tr("the store's schema (version %1) predates the triggers: open it once for "
                   "writing (the console, or any audited change) to upgrade it")
                .arg(m_schemaVersion);
        return {};
    }
    QStringList statements;
    for (const QString &statement : AuditSchema::statements(2, pg ? AuditSchema::Dialect::Postgres
                                                                  : AuditSchema::Dialect::Sqlite)) {
        for (const QString &name : std::as_const(report.missingProtection)) {
            if (statement.contains(u"TRIGGER "_s + name + u' '))
                statements << statement + u';';
        }
    }
    report.restoreProtection =
        (pg ? Tr::tr("as the tables' owner, recreate them (psql \"%1\"):").arg(m_config.location())
            : Tr::tr("recreate them with the sqlite3 tool (sqlite3 '%1'):")
                  .arg(m_config.location())) +
        u'\n' + statements.join(u'\n');
    if (pg)
        report.restoreProtection +=
            u'\n' + Tr::tr("a trigger that exists but is disabled: ALTER TABLE ... ENABLE "
                           "TRIGGER name;");
    return {};
}

Result<AuditVerifyReport> AuditDatabase::verify(const std::optional<AuditAnchor> &anchor)
{
    AuditChainVerifier verifier;
    if (anchor)
        verifier.setAnchor(*anchor);
    qint64 cursor = 0;
    constexpr int kBatch = 2000;
    while (!verifier.hasProblem()) {
        auto batch =
            select(u"r.id > ?"_s, {cursor}, u"ORDER BY r.id LIMIT %1"_s.arg(kBatch), false);
        if (!batch)
            return batch.error();
        for (const AuditRecord &r : std::as_const(*batch))
            verifier.add(r);
        if (batch->size() < kBatch)
            break;
        cursor = batch->last().id;
    }
    AuditVerifyReport report = verifier.finish();
    if (auto ok = checkProtection(report); !ok)
        return ok.error();
    return report;
}

} // namespace vipdeck
