// AuditLogModel over a real SQLite audit store: newest first, paged through
// fetchMore(), counted, filtered and searched by free text (paging through the
// matches of a large log), under QAbstractItemModelTester.

#include "core/audit/auditstore.h"
#include "models/auditlogmodel.h"
#include "tests/core/audit/audittesthelpers.h"
#include "tests/support/testdata.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vipdeck;

class TestAuditLogModel : public QObject
{
    Q_OBJECT

private slots:
    void pagesNewestFirstAndFilters()
    {
        test::TempDir dir;
        Result<std::unique_ptr<AuditStore>> store =
            AuditStore::open(AuditStoreConfig::sqlite(dir.filePath(u"audit.sqlite"_s)));
        QVERIFY2(store, qPrintable(store ? QString() : store.error().toString()));
        for (int i = 1; i <= 5; ++i) {
            AuditIntent intent;
            intent.action = u"drain"_s;
            intent.reason = u"INC-%1"_s.arg(i);
            intent.operatorName = u"alice"_s;
            intent.targets << AuditTarget{u"web"_s, u"lb1"_s, u"be"_s,
                                          i % 2 ? u"web-01"_s : u"web-02"_s};
            QVERIFY((*store)->beginAction(intent));
        }

        // The tester fetches every page eagerly (it calls fetchMore()), so it
        // watches a second model; this one shows the paging.
        AuditLogModel checked(2);
        QAbstractItemModelTester tester(&checked,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        checked.setStore(store->get());
        QTRY_COMPARE(checked.rowCount(), 5);

        AuditLogModel model(2);
        model.setStore(store->get());
        QTRY_COMPARE(model.rowCount(), 2);
        QTRY_COMPARE(model.totalCount(), 5);
        QCOMPARE(model.index(0, AuditLogModel::ReasonColumn).data().toString(), u"INC-5"_s);
        QCOMPARE(model.index(0, AuditLogModel::OutcomeColumn).data().toString(), u"INCOMPLETE"_s);
        while (model.rowCount() < 5) {
            QTRY_VERIFY(model.canFetchMore({}));
            model.fetchMore({});
            QTRY_VERIFY(!model.isLoading());
        }
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.index(4, AuditLogModel::ReasonColumn).data().toString(), u"INC-1"_s);
        QVERIFY(!model.canFetchMore({}));

        AuditFilter filter;
        filter.server = u"web-02"_s;
        model.setFilter(filter);
        checked.setFilter(filter);
        QTRY_COMPARE(checked.rowCount(), 2);
        QTRY_COMPARE(model.totalCount(), 2);
        QTRY_COMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, AuditLogModel::ReasonColumn).data().toString(), u"INC-4"_s);
        QVERIFY(
            model.index(0, AuditLogModel::TargetsColumn).data().toString().contains(u"web-02"_s));
    }

    // Control characters an older record may hold are shown escaped.
    void showsControlCharactersEscaped()
    {
        test::TempDir dir;
        const QString path = dir.filePath(u"audit.sqlite"_s);
        Result<std::unique_ptr<AuditStore>> store =
            AuditStore::open(AuditStoreConfig::sqlite(path));
        QVERIFY(store);
        AuditRecord legacy;
        legacy.operatorName = u"eve\a"_s;
        legacy.action = u"drain"_s;
        legacy.reason = u"INC-1\x1b[2J\r\nfake"_s;
        legacy.targets = {{u"web"_s, u"lb1"_s, u"be"_s, u"web\x1b-01"_s}};
        QCOMPARE(test::appendLegacyRecord(path, legacy), 1);

        AuditLogModel model(10);
        model.setStore(store->get());
        QTRY_COMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, AuditLogModel::ReasonColumn).data().toString(),
                 u"INC-1\\x1b[2J\\r\\nfake"_s);
        QCOMPARE(model.index(0, AuditLogModel::OperatorColumn).data().toString(), u"eve\\x07"_s);
        QVERIFY(model.index(0, AuditLogModel::TargetsColumn)
                    .data()
                    .toString()
                    .contains(u"web\\x1b-01"_s));
        QVERIFY(model.index(0, AuditLogModel::TargetsColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(u"server=web\\x1b-01"_s));
    }

    void searchPagesThroughTheMatches()
    {
        test::TempDir dir;
        Result<std::unique_ptr<AuditStore>> store =
            AuditStore::open(AuditStoreConfig::sqlite(dir.filePath(u"audit.sqlite"_s)));
        QVERIFY2(store, qPrintable(store ? QString() : store.error().toString()));
        // 1000 records; every 10th names the disk of a server, with LIKE's wildcards in it.
        for (int i = 1; i <= 1000; ++i) {
            AuditIntent intent;
            intent.action = i % 2 ? u"drain"_s : u"maint"_s;
            intent.reason = i % 10 == 0 ? u"CHG-%1 disk_0 at 95%"_s.arg(i) : u"CHG-%1"_s.arg(i);
            intent.operatorName = u"alice"_s;
            intent.targets << AuditTarget{u"web"_s, u"lb1"_s, u"be"_s, u"web-%1"_s.arg(i % 7)};
            QVERIFY((*store)->beginAction(intent));
        }
        AuditLogModel checked(25);
        QAbstractItemModelTester tester(&checked,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        checked.setStore(store->get());
        AuditLogModel model(25);
        model.setStore(store->get());
        QTRY_COMPARE(model.totalCount(), 1000);

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setSearchText(u"  DISK_0   95% "_s);
        checked.setSearchText(u"disk_0 95%"_s);
        QCOMPARE(model.searchText(), u"DISK_0 95%"_s);
        QCOMPARE(reset.size(), 1);
        QTRY_COMPARE(model.totalCount(), 100);
        QTRY_COMPARE(model.rowCount(), 25);
        QCOMPARE(model.index(0, AuditLogModel::ReasonColumn).data().toString(),
                 u"CHG-1000 disk_0 at 95%"_s);
        while (model.rowCount() < 100) {
            QTRY_VERIFY(model.canFetchMore({}));
            model.fetchMore({});
            QTRY_VERIFY(!model.isLoading());
        }
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(model.index(99, AuditLogModel::ReasonColumn).data().toString(),
                 u"CHG-10 disk_0 at 95%"_s);
        QTRY_COMPARE(checked.rowCount(), 100);

        // Only white space differs: nothing happens.
        model.setSearchText(u"DISK_0 95%"_s);
        QCOMPARE(reset.size(), 1);
        // With a field filter: the maint ones (even numbers; all multiples of 10 are).
        AuditFilter filter = model.filter();
        filter.action = u"drain"_s;
        model.setFilter(filter);
        QTRY_COMPARE(model.totalCount(), 0);
        filter.action = u"maint"_s;
        filter.text = u"web-3 95%"_s; // i % 7 == 3 among the multiples of 10: 10, 80, …
        model.setFilter(filter);
        QTRY_COMPARE(model.totalCount(), 15);
        QTRY_COMPARE(model.rowCount(), 15);
        // Cleared: everything again.
        model.setSearchText({});
        QTRY_COMPARE(model.totalCount(), 500);
    }
};

QTEST_MAIN(TestAuditLogModel)
#include "tst_auditlogmodel.moc"
