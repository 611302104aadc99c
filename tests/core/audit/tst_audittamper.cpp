// Tampering behind the store's back with the sqlite3 tool, as someone with
// write access to the file would: drop the append-only triggers, then change,
// delete, insert or duplicate rows.  `verify` must name the record, warn
// that the triggers are gone, and with an anchor detect a cut-off end.

#include "core/audit/auditcommands.h"
#include "core/audit/auditschema.h"
#include "core/audit/auditstore.h"
#include "tests/core/audit/audittesthelpers.h"
#include "tests/support/testdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vipdeck;
using namespace vipdeck::test;

class TestAuditTamper : public QObject
{
    Q_OBJECT

private slots:
    void tamper_data();
    void tamper();
    void triggersDroppedWarns();
    void truncationNeedsAnAnchor();

private:
    // A store of 5 drains (10 records) at `path`.
    void fill(const QString &path);
};

namespace {
const QString kDropTriggers =
    u"DROP TRIGGER audit_record_no_update; DROP TRIGGER audit_record_no_delete;"
    "DROP TRIGGER audit_target_no_update; DROP TRIGGER audit_target_no_delete;"_s;

struct Run
{
    int code = -1;
    QString out;
};

// `vipdeckctl audit ARGS` on the SQLite store `path`.
Run runAudit(const QStringList &args, const QString &path)
{
    Run run;
    QString err;
    QTextStream out(&run.out);
    QTextStream errStream(&err);
    run.code = runAuditCommand(args, AuditStoreConfig::sqlite(path), out, errStream);
    return run;
}

// Moves records id >= 4 (and their targets) up by one, freeing id 4.
const QString kMakeRoomAt4 =
    u"UPDATE audit_record SET id = -id WHERE id >= 4;"
    "UPDATE audit_record SET id = -id + 1 WHERE id < 0;"
    "UPDATE audit_target SET record_id = -record_id WHERE record_id >= 4;"
    "UPDATE audit_target SET record_id = -record_id + 1 WHERE record_id < 0;"_s;
} // namespace

void TestAuditTamper::tamper_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<qint64>("firstId");

    QTest::newRow("reason changed")
        << u"UPDATE audit_record SET reason = 'routine maintenance' WHERE id = 5;"_s << u"changed"_s
        << 5LL;
    QTest::newRow("operator changed")
        << u"UPDATE audit_record SET operator = 'bob' WHERE id = 2;"_s << u"changed"_s << 2LL;
    QTest::newRow("target changed")
        << u"UPDATE audit_target SET server = 'web-99' WHERE record_id = 3;"_s << u"changed"_s
        << 3LL;
    QTest::newRow("result changed")
        << u"UPDATE audit_record SET results = replace(results, 'failed', 'ok') WHERE id = 8;"_s
        << u"changed"_s << 8LL;
    QTest::newRow("time changed")
        << u"UPDATE audit_record SET recorded_at = '2020-01-01T00:00:00.000Z' WHERE id = 7;"_s
        << u"changed"_s << 7LL;
    QTest::newRow("row deleted") << u"DELETE FROM audit_target WHERE record_id = 4;"
                                    "DELETE FROM audit_record WHERE id = 4;"_s
                                 << u"removed"_s << 4LL;
    QTest::newRow("first row deleted") << u"DELETE FROM audit_target WHERE record_id = 1;"
                                          "DELETE FROM audit_record WHERE id = 1;"_s
                                       << u"removed"_s << 1LL;
    QTest::newRow("last row duplicated")
        << u"INSERT INTO audit_record SELECT 11, kind, intent_id, recorded_at, operator, "
           "workstation, ssh_user, action, reason, state_before, state_after, results, "
           "prev_hash, hash FROM audit_record WHERE id = 10;"
           "INSERT INTO audit_target SELECT 11, position, vip, host, backend, server "
           "FROM audit_target WHERE record_id = 10;"_s
        << u"duplicated"_s << 11LL;
    QTest::newRow("row inserted")
        << kMakeRoomAt4 +
               u"INSERT INTO audit_record SELECT 4, 'intent', NULL, recorded_at, 'mallory', "
               "workstation, ssh_user, 'ready', 'nothing happened', state_before, '', '[]', "
               "(SELECT hash FROM audit_record WHERE id = 3), "
               "'0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef' "
               "FROM audit_record WHERE id = 3;"_s
        << u"inserted"_s << 4LL;
}

void TestAuditTamper::tamper()
{
    QFETCH(QString, sql);
    QFETCH(QString, kind);
    QFETCH(qint64, firstId);

    TempDir dir;
    const QString path = dir.filePath(u"audit.sqlite"_s);
    fill(path);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(sqlite3(path, kDropTriggers + sql));

    auto store = AuditStore::open(AuditStoreConfig::sqlite(path));
    QVERIFY(store);
    auto report = (*store)->verify();
    QVERIFY(report);
    QVERIFY(!report->ok());
    QCOMPARE(report->problem->kindName(), kind);
    QCOMPARE(report->problem->firstId, firstId);

    // The same through the command vipdeckctl runs.
    const auto [code, out] = runAudit({u"verify"_s}, path);
    QCOMPARE(code, int(AuditExitTampered));
    QVERIFY2(out.contains(u"TAMPERED"_s), qPrintable(out));
    QVERIFY2(out.contains(u"record %1 was %2"_s.arg(firstId).arg(kind)), qPrintable(out));
}

void TestAuditTamper::fill(const QString &path)
{
    auto store = AuditStore::open(AuditStoreConfig::sqlite(path));
    QVERIFY(store);
    for (int i = 0; i < 5; ++i) {
        const AuditTarget target{u"web"_s, u"lb%1"_s.arg(i), u"be_web"_s, u"web-07"_s};
        auto id = (*store)->beginAction(makeIntent(u"drain"_s, {target}));
        QVERIFY(id);
        AuditCompletion done;
        done.results = {{target, i == 3 ? AuditOutcome::Failed : AuditOutcome::Ok, {}}};
        QVERIFY((*store)->completeAction(*id, done));
    }
    auto report = (*store)->verify();
    QVERIFY(report->ok());
    QVERIFY(report->protectedOk());
}

// Dropping the append-only triggers changes no record, but leaves the log
// open to silent edits: verify says so, names them and how to restore them.
void TestAuditTamper::triggersDroppedWarns()
{
    TempDir dir;
    const QString path = dir.filePath(u"audit.sqlite"_s);
    fill(path);
    QVERIFY(sqlite3(path, u"DROP TRIGGER audit_record_no_delete; DROP TRIGGER "
                          "audit_target_no_update;"_s));

    const Run warned = runAudit({u"verify"_s}, path);
    QCOMPARE(warned.code, int(AuditExitUnprotected));
    const QString &out = warned.out;
    QVERIFY2(out.contains(u"audit log intact: 10 records"_s), qPrintable(out));
    QVERIFY2(out.contains(u"WARNING"_s), qPrintable(out));
    QVERIFY2(out.contains(u"audit_record_no_delete, audit_target_no_update"_s), qPrintable(out));
    QVERIFY2(!out.contains(u"audit_record_no_update,"_s), qPrintable(out));
    QVERIFY2(out.contains(u"CREATE TRIGGER audit_record_no_delete BEFORE DELETE"_s),
             qPrintable(out));

    // The statements printed restore the protection.
    QVERIFY(sqlite3(path, out.mid(out.indexOf(u"CREATE TRIGGER"_s))));
    const Run restored = runAudit({u"verify"_s}, path);
    QCOMPARE(restored.code, int(AuditExitOk));
    QVERIFY2(!restored.out.contains(u"WARNING"_s), qPrintable(restored.out));

    QVERIFY(sqlite3(path, kDropTriggers));
    const Run json = runAudit({u"verify"_s, u"--json"_s}, path);
    QCOMPARE(json.code, int(AuditExitUnprotected));
    const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
    QCOMPARE(o.value("ok"_L1).toBool(), true);
    QCOMPARE(o.value("protected"_L1).toBool(), false);
    QCOMPARE(o.value("missing_protection"_L1).toArray().size(), 4);
}

// Removing the newest records leaves a valid chain; only an anchor taken
// before shows it.
void TestAuditTamper::truncationNeedsAnAnchor()
{
    TempDir dir;
    const QString path = dir.filePath(u"audit.sqlite"_s);
    fill(path);
    const Run taken = runAudit({u"anchor"_s}, path);
    QCOMPARE(taken.code, int(AuditExitOk));
    QVERIFY2(QRegularExpression(u"^10:[0-9a-f]{64}\\n$"_s).match(taken.out).hasMatch(),
             qPrintable(taken.out));
    const QString anchor = taken.out.trimmed();

    const Run intact = runAudit({u"verify"_s, u"--anchor"_s, anchor}, path);
    QCOMPARE(intact.code, int(AuditExitOk));
    QVERIFY2(intact.out.contains(u"anchor "_s + anchor + u" matches"_s), qPrintable(intact.out));

    // Cut the two newest records and put the triggers back, as a careful
    // intruder would.
    QVERIFY(sqlite3(path, kDropTriggers +
                              u"DELETE FROM audit_target WHERE record_id >= 9;"
                              "DELETE FROM audit_record WHERE id >= 9;"_s +
                              AuditSchema::statements(2, AuditSchema::Dialect::Sqlite)
                                  .filter(u"TRIGGER"_s)
                                  .join(u";\n"_s) +
                              u";"_s));
    const Run without = runAudit({u"verify"_s}, path);
    QCOMPARE(without.code, int(AuditExitOk));
    QVERIFY2(without.out.contains(u"8 records"_s), qPrintable(without.out));

    const Run with = runAudit({u"verify"_s, u"--anchor"_s, anchor}, path);
    QCOMPARE(with.code, int(AuditExitTampered));
    QVERIFY2(with.out.contains(u"TAMPERED: records 9 to 10 were removed"_s), qPrintable(with.out));
    QVERIFY2(with.out.contains(u"newest records were removed"_s), qPrintable(with.out));

    // A rewritten log: the anchor's record is there with another hash.
    const Run rewritten = runAudit({u"verify"_s, u"--anchor"_s, u"8:"_s + QString(64, u'0')}, path);
    QCOMPARE(rewritten.code, int(AuditExitTampered));
    QVERIFY2(rewritten.out.contains(u"record 8 does not match the anchor"_s),
             qPrintable(rewritten.out));

    const Run json = runAudit({u"anchor"_s, u"--json"_s}, path);
    QCOMPARE(json.code, int(AuditExitOk));
    const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
    QCOMPARE(o.value("id"_L1).toInt(), 8);
    QCOMPARE(o.value("anchor"_L1).toString(), u"8:"_s + o.value("hash"_L1).toString());
}

QTEST_GUILESS_MAIN(TestAuditTamper)
#include "tst_audittamper.moc"
