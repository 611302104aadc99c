// AuditFilter::text, the free-text search, on SQLite and on a real PostgreSQL
// server started by the test: every word must appear in the operator, action,
// reason, a target or a result's outcome or message; LIKE's wildcards (`%`,
// `_`), its escape character and quotes are plain characters; JSON key names
// of the results never match; the search combines with field filters, keyset
// paging and counting; text that looks like SQL stays text.

#include "core/audit/auditstore.h"
#include "tests/core/audit/audittesthelpers.h"
#include "tests/integration/audit/postgrescluster.h"
#include "tests/support/testdata.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vipdeck;
using namespace vipdeck::test;

namespace {

const AuditTarget kWeb1{u"web"_s, u"lb1"_s, u"be_web"_s, u"web-07"_s};
const AuditTarget kApi1{u"api"_s, u"lb1"_s, u"be_api"_s, u"api-01"_s};
const AuditTarget kMail2{u"mail"_s, u"lb2"_s, {}, {}};

// The ids the log holds, named for the checks below.
struct Log
{
    qint64 drain = 0, drainDone = 0; // alice, web-07, 100% and quotes; failed "retry"
    qint64 maint = 0, maintDone = 0; // bob, api-01, plain; ok
    qint64 weight = 0;               // carol, mail, a_b and t!; never completed
    qint64 ready = 0;                // dave, web-07, "100 percent axb"
};

Log fill(AuditStore &store)
{
    Log log;
    log.drain = *store.beginAction(
        makeIntent(u"drain"_s, {kWeb1}, u"INC-7 100% of 'prod_web' is \"quoted\""_s, u"alice"_s));
    AuditCompletion failed;
    failed.results << AuditTargetResult{kWeb1, AuditOutcome::Failed,
                                        u"timeout after 5 s; HAProxy said \"retry\""_s};
    log.drainDone = *store.completeAction(log.drain, failed);
    log.maint = *store.beginAction(makeIntent(u"maint"_s, {kApi1}, u"plain"_s, u"bob"_s));
    AuditCompletion ok;
    ok.results << AuditTargetResult{kApi1, AuditOutcome::Ok, u"done"_s};
    log.maintDone = *store.completeAction(log.maint, ok);
    log.weight = *store.beginAction(
        makeIntent(u"set-weight"_s, {kMail2}, u"a_b literal, urgent!"_s, u"carol"_s));
    log.ready =
        *store.beginAction(makeIntent(u"ready"_s, {kWeb1}, u"100 percent axb"_s, u"dave"_s));
    return log;
}

QList<qint64> search(AuditStore &store, const QString &text, AuditFilter filter = {})
{
    filter.text = text;
    AuditPageRequest request;
    request.filter = filter;
    request.limit = 1000;
    auto page = store.page(request);
    if (!page) {
        qWarning("%s", qPrintable(page.error().toString() + u' ' + page.error().detail));
        return {-1};
    }
    QList<qint64> ids;
    for (const AuditRecord &r : std::as_const(page->records))
        ids << r.id;
    auto count = store.count(filter);
    if (!count || *count != ids.size())
        return {-2}; // the count must agree with the page
    return ids;
}

void checkSearch(AuditStore &store)
{
    const Log log = fill(store);
    const QList<qint64> drainPair{log.drain, log.drainDone};
    // Fields of the record.
    QCOMPARE(search(store, u"ALICE"_s), drainPair);
    QCOMPARE(search(store, u"set-wei"_s), QList<qint64>{log.weight});
    QCOMPARE(search(store, u"ws1"_s).size(), 6); // the workstation of every record
    // Targets: VIP, host, backend, server.
    QCOMPARE(search(store, u"api-01"_s), (QList<qint64>{log.maint, log.maintDone}));
    QCOMPARE(search(store, u"be_api"_s), (QList<qint64>{log.maint, log.maintDone}));
    QCOMPARE(search(store, u"mail"_s), QList<qint64>{log.weight});
    // Results: outcome and message, inside the JSON, quotes and all.
    QCOMPARE(search(store, u"failed"_s), QList<qint64>{log.drainDone});
    QCOMPARE(search(store, u"timeout"_s), QList<qint64>{log.drainDone});
    QCOMPARE(search(store, u"\"retry\""_s), QList<qint64>{log.drainDone});
    // The JSON's key names are not text of the record.
    QCOMPARE(search(store, u"message"_s), QList<qint64>{});
    QCOMPARE(search(store, u"outcome"_s), QList<qint64>{});
    // Every word must match, anywhere.
    QCOMPARE(search(store, u"alice  timeout"_s), QList<qint64>{log.drainDone});
    QCOMPARE(search(store, u"alice bob"_s), QList<qint64>{});
    // LIKE's wildcards and escape character are literal.
    QCOMPARE(search(store, u"100%"_s), drainPair);
    QCOMPARE(search(store, u"%"_s), drainPair);
    QCOMPARE(search(store, u"a_b"_s), QList<qint64>{log.weight});
    QCOMPARE(search(store, u"t!"_s), QList<qint64>{log.weight});
    QCOMPARE(search(store, u"!%"_s), QList<qint64>{});
    // Quotes are text, and text that looks like SQL stays text.
    QCOMPARE(search(store, u"'prod_web'"_s), drainPair);
    QCOMPARE(search(store, u"\"quoted\""_s), drainPair);
    QCOMPARE(search(store, u"x' OR '1'='1"_s), QList<qint64>{});
    QCOMPARE(search(store, u"'); DROP TABLE audit_record; --"_s), QList<qint64>{});
    QCOMPARE(search(store, u"   "_s).size(), 6);
    // With field filters.
    AuditFilter drains;
    drains.action = u"drain"_s;
    QCOMPARE(search(store, u"web-07"_s, drains), drainPair);
    AuditFilter incomplete;
    incomplete.incompleteOnly = true;
    QCOMPARE(search(store, u"percent"_s, incomplete), QList<qint64>{log.ready});

    // Keyset paging through the matches, newest first, one at a time.
    AuditPageRequest request;
    request.filter.text = u"web-07"_s;
    request.limit = 1;
    request.newestFirst = true;
    QList<qint64> paged;
    for (int guard = 0; guard < 10; ++guard) {
        auto page = store.page(request);
        QVERIFY(page);
        for (const AuditRecord &r : std::as_const(page->records))
            paged << r.id;
        if (!page->hasMore)
            break;
        request.cursor = page->nextCursor;
    }
    QCOMPARE(paged, (QList<qint64>{log.ready, log.drainDone, log.drain}));
}

} // namespace

class TestAuditSearch : public QObject
{
    Q_OBJECT

private slots:
    void sqlite()
    {
        TempDir dir;
        auto store = AuditStore::open(AuditStoreConfig::sqlite(dir.filePath(u"audit.db"_s)));
        QVERIFY2(store, qPrintable(store ? QString() : store.error().toString()));
        checkSearch(**store);
    }

    void postgres()
    {
        // Not a skip: CI installs PostgreSQL, and team mode must be tested.
        if (PostgresCluster::findBinDir().isEmpty())
            QFAIL("PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin: "
                  "install the Debian package `postgresql` (scripts/deps does)");
        PostgresCluster cluster;
        QString error;
        QVERIFY2(cluster.start(&error), qPrintable(error));
        auto config = AuditStoreConfig::fromUrl(cluster.url());
        QVERIFY(config);
        auto store = AuditStore::open(*config);
        QVERIFY2(store, qPrintable(store ? QString() : store.error().toString()));
        checkSearch(**store);
    }
};

QTEST_GUILESS_MAIN(TestAuditSearch)
#include "tst_auditsearch.moc"
