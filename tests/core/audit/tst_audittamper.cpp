// Tampering behind the store's back with the sqlite3 tool, as someone with
// write access to the file would: drop the append-only triggers, then change,
// delete or insert rows.  `verify` must name the record.

#include "core/audit/auditcommands.h"
#include "core/audit/auditstore.h"
#include "tests/core/audit/audittesthelpers.h"
#include "tests/support/testdata.h"

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
};

namespace {
const QString kDropTriggers =
    u"DROP TRIGGER audit_record_no_update; DROP TRIGGER audit_record_no_delete;"
    "DROP TRIGGER audit_target_no_update; DROP TRIGGER audit_target_no_delete;"_s;

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
        QVERIFY((*store)->verify()->ok());
    }
    QVERIFY(sqlite3(path, kDropTriggers + sql));

    auto store = AuditStore::open(AuditStoreConfig::sqlite(path));
    QVERIFY(store);
    auto report = (*store)->verify();
    QVERIFY(report);
    QVERIFY(!report->ok());
    QCOMPARE(report->problem->kindName(), kind);
    QCOMPARE(report->problem->firstId, firstId);

    // The same through the command vipdeckctl runs.
    QString out;
    QString err;
    QTextStream outStream(&out);
    QTextStream errStream(&err);
    QCOMPARE(runAuditCommand({u"verify"_s}, AuditStoreConfig::sqlite(path), outStream, errStream),
             int(AuditExitTampered));
    QVERIFY2(out.contains(u"TAMPERED"_s), qPrintable(out));
    QVERIFY2(out.contains(u"record %1 was %2"_s.arg(firstId).arg(kind)), qPrintable(out));
}

QTEST_GUILESS_MAIN(TestAuditTamper)
#include "tst_audittamper.moc"
