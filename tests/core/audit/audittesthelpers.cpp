#include "tests/core/audit/audittesthelpers.h"

#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace vipdeck::test {

AuditIntent makeIntent(const QString &action, const QList<AuditTarget> &targets,
                       const QString &reason, const QString &operatorName)
{
    AuditIntent intent;
    intent.action = action;
    intent.targets = targets;
    intent.reason = reason;
    intent.operatorName = operatorName;
    intent.workstation = u"ws1"_s;
    intent.sshUser = u"vipdeck"_s;
    intent.stateBefore = u"{\"admin\":\"READY\"}"_s;
    return intent;
}

qint64 appendLegacyRecord(const QString &database, AuditRecord record)
{
    const QString name = u"legacy-writer"_s;
    qint64 id = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(database);
        QSqlQuery q(db);
        const auto failed = [&q] {
            qWarning("appendLegacyRecord: %s", qPrintable(q.lastError().text()));
            return -1;
        };
        if (!db.open() || !q.exec(u"SELECT id, hash FROM audit_record ORDER BY id DESC LIMIT 1"_s))
            return failed();
        record.id = 1;
        record.prevHash = AuditRecord::genesisHash();
        if (q.next()) {
            record.id = q.value(0).toLongLong() + 1;
            record.prevHash = q.value(1).toString().toLatin1();
        }
        q.finish();
        if (!record.time.isValid())
            record.time = QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);
        record.hash = record.computeHash();
        q.prepare(u"INSERT INTO audit_record (id, kind, intent_id, recorded_at, operator, "
                  "workstation, ssh_user, action, reason, state_before, state_after, results, "
                  "prev_hash, hash) VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
        // NOT NULL columns: a null QString would bind as NULL.
        const auto text = [](const QString &v) { return v.isNull() ? u""_s : v; };
        for (const QVariant &v : QVariantList{
                 record.id, auditKindName(record.kind), AuditRecord::formatTime(record.time),
                 text(record.operatorName), text(record.workstation), text(record.sshUser),
                 text(record.action), text(record.reason), text(record.stateBefore),
                 text(record.stateAfter), QString::fromUtf8(auditResultsToJson(record.results)),
                 QString::fromLatin1(record.prevHash), QString::fromLatin1(record.hash)})
            q.addBindValue(v);
        if (!q.exec())
            return failed();
        for (int i = 0; i < record.targets.size(); ++i) {
            const AuditTarget &t = record.targets.at(i);
            q.prepare(u"INSERT INTO audit_target (record_id, position, vip, host, backend, server) "
                      "VALUES (?, ?, ?, ?, ?, ?)"_s);
            for (const QVariant &v : QVariantList{record.id, i, text(t.vip), text(t.host),
                                                  text(t.backend), text(t.server)})
                q.addBindValue(v);
            if (!q.exec())
                return failed();
        }
        id = record.id;
    }
    QSqlDatabase::removeDatabase(name);
    return id;
}

namespace {
bool runSqlite3(const QString &database, const QByteArray &input, QString *output)
{
    QProcess p;
    p.start(u"sqlite3"_s, {u"-batch"_s, u"-bail"_s, database});
    if (!p.waitForStarted()) {
        qWarning("sqlite3 could not start: install the Debian package sqlite3");
        return false;
    }
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000))
        return false;
    if (output)
        *output = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning("sqlite3 failed on %s: %s", qPrintable(database),
                 p.readAllStandardError().constData());
        return false;
    }
    return true;
}
} // namespace

bool sqlite3(const QString &database, const QString &sql, QString *output)
{
    return runSqlite3(database, sql.toUtf8(), output);
}

bool sqlite3Load(const QString &database, const QString &dumpFile)
{
    QFile dump(dumpFile);
    if (!dump.open(QIODevice::ReadOnly))
        return false;
    return runSqlite3(database, dump.readAll(), nullptr);
}

} // namespace vipdeck::test
