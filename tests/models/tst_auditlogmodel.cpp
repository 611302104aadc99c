// AuditLogModel over a real SQLite audit store: newest first, paged through
// fetchMore(), counted, filtered, under QAbstractItemModelTester.

#include "core/audit/auditstore.h"
#include "models/auditlogmodel.h"
#include "tests/support/testdata.h"

#include <QAbstractItemModelTester>
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
};

QTEST_MAIN(TestAuditLogModel)
#include "tst_auditlogmodel.moc"
