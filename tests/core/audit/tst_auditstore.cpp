// AuditStore on SQLite: intents and completions, reasons, incomplete
// intents, filters, keyset paging, migrations (from empty and from the v1
// fixture), unavailable stores, and concurrent writers.

#include "core/audit/auditreason.h"
#include "core/audit/auditstore.h"
#include "tests/core/audit/audittesthelpers.h"
#include "tests/support/fixedclock.h"
#include "tests/support/testdata.h"

#include <QFile>
#include <QTcpServer>
#include <QtTest>

#include <sys/stat.h>
#include <thread>

using namespace Qt::StringLiterals;
using namespace vipdeck;
using namespace vipdeck::test;

namespace {

const AuditTarget kWeb1{u"web"_s, u"lb1"_s, u"be_web"_s, u"web-07"_s};
const AuditTarget kWeb2{u"web"_s, u"lb2"_s, u"be_web"_s, u"web-07"_s};
const AuditTarget kApi1{u"api"_s, u"lb1"_s, u"be_api"_s, u"api-01"_s};
const AuditTarget kMail2{u"mail"_s, u"lb2"_s, {}, {}};

std::unique_ptr<AuditStore> openStore(const QString &path, const Clock &clock = Clock::system(),
                                      int version = AuditSchema::latestVersion())
{
    auto store = AuditStore::open(AuditStoreConfig::sqlite(path), clock, version);
    if (!store) {
        qWarning("%s", qPrintable(store.error().toString() + u' ' + store.error().detail));
        return nullptr;
    }
    return std::move(*store);
}

QList<qint64> ids(const QList<AuditRecord> &records)
{
    QList<qint64> out;
    for (const AuditRecord &r : records)
        out << r.id;
    return out;
}

QList<qint64> allIds(AuditStore &store, const AuditFilter &filter)
{
    AuditPageRequest request;
    request.filter = filter;
    request.limit = 10000;
    auto page = store.page(request);
    return page ? ids(page->records) : QList<qint64>{-1};
}

// Permission bits of `path`, as stat(2) gives them.
int modeOf(const QString &path)
{
    struct stat st = {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

} // namespace

class TestAuditStore : public QObject
{
    Q_OBJECT

private slots:
    void beginAndComplete();
    void reasonRequiredForChanges_data();
    void reasonRequiredForChanges();
    void completionMustMatchAnOpenIntent();
    void incompleteIntentsAreListed();
    void filters_data();
    void filters();
    void keysetPaging();
    void asyncPageArrivesOnReceiverThread();
    void sqliteIsWalAndDurable();
    void migrationsFromEmpty();
    void migrationFromV1Fixture();
    void migrationFromV1Store();
    void newerSchemaIsRefused();
    void appendOnlyTriggers();
    void unavailableStore_data();
    void unavailableStore();
    void concurrentWritersFormOneChain();
    void configFromUrl_data();
    void configFromUrl();
    void controlCharactersInReasonRefused_data();
    void controlCharactersInReasonRefused();
    void newStoreIsPrivate();
    void existingStoreKeepsItsMode();
    void readerCreatesNothing_data();
    void readerCreatesNothing();
};

void TestAuditStore::beginAndComplete()
{
    TempDir dir;
    FixedClock clock;
    auto store = openStore(dir.filePath(u"audit.sqlite"_s), clock);
    QVERIFY(store);
    QCOMPARE(store->schemaVersion(), AuditSchema::latestVersion());

    auto intent = store->beginAction(makeIntent(u"drain"_s, {kWeb1, kWeb2}, u"INC-42"_s));
    QVERIFY2(intent, qPrintable(intent ? QString() : intent.error().toString()));
    QCOMPARE(*intent, 1);
    clock.advance(1500);
    AuditCompletion completion;
    completion.results = {{kWeb1, AuditOutcome::Ok, u"DRAIN set"_s},
                          {kWeb2, AuditOutcome::Failed, u"permission denied"_s}};
    completion.stateAfter = u"{\"admin\":\"DRAIN\"}"_s;
    auto done = store->completeAction(*intent, completion);
    QVERIFY(done);
    QCOMPARE(*done, 2);

    auto first = store->record(1);
    QVERIFY(first);
    QCOMPARE(first->kind, AuditKind::Intent);
    QCOMPARE(first->action, u"drain"_s);
    QCOMPARE(first->reason, u"INC-42"_s);
    QCOMPARE(first->operatorName, u"alice"_s);
    QCOMPARE(first->workstation, u"ws1"_s);
    QCOMPARE(first->sshUser, u"vipdeck"_s);
    QCOMPARE(first->stateBefore, u"{\"admin\":\"READY\"}"_s);
    QCOMPARE(first->targets, (QList<AuditTarget>{kWeb1, kWeb2}));
    QCOMPARE(first->time, clock.now().addMSecs(-1500));
    QCOMPARE(first->completedBy, std::optional<qint64>(2));
    QVERIFY(!first->isIncomplete());
    QCOMPARE(first->prevHash, AuditRecord::genesisHash());

    auto second = store->record(2);
    QVERIFY(second);
    QCOMPARE(second->kind, AuditKind::Completion);
    QCOMPARE(second->intentId, std::optional<qint64>(1));
    QCOMPARE(second->action, u"drain"_s);
    QCOMPARE(second->operatorName, u"alice"_s);
    QCOMPARE(second->targets, first->targets);
    QCOMPARE(second->results, completion.results);
    QCOMPARE(second->stateAfter, completion.stateAfter);
    QCOMPARE(second->prevHash, first->hash);
    QCOMPARE(second->hash, second->computeHash());

    auto missing = store->record(3);
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ErrorCode::InvalidArgument);

    auto report = store->verify();
    QVERIFY(report);
    QVERIFY(report->ok());
    QCOMPARE(report->checked, 2);
}

void TestAuditStore::reasonRequiredForChanges_data()
{
    QTest::addColumn<QString>("reason");
    QTest::addColumn<bool>("change");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("change, reason") << u"INC-1"_s << true << true;
    QTest::newRow("change, no reason") << QString() << true << false;
    QTest::newRow("change, blank reason") << u"  \t "_s << true << false;
    QTest::newRow("no change, no reason") << QString() << false << true;
}

void TestAuditStore::reasonRequiredForChanges()
{
    QFETCH(QString, reason);
    QFETCH(bool, change);
    QFETCH(bool, accepted);
    TempDir dir;
    auto store = openStore(dir.filePath(u"audit.sqlite"_s));
    QVERIFY(store);
    AuditIntent intent = makeIntent(u"drain"_s, {kWeb1}, reason);
    intent.change = change;
    auto id = store->beginAction(intent);
    QCOMPARE(id.ok(), accepted);
    if (!accepted) {
        QCOMPARE(id.error().code, ErrorCode::InvalidArgument);
        QVERIFY(id.error().message.contains(u"reason"_s));
        QVERIFY(!id.error().hint.isEmpty());
    }
    QCOMPARE(*store->count({}), accepted ? 1 : 0);
}

void TestAuditStore::completionMustMatchAnOpenIntent()
{
    TempDir dir;
    auto store = openStore(dir.filePath(u"audit.sqlite"_s));
    QVERIFY(store);
    auto unknown = store->completeAction(7, {});
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().code, ErrorCode::InvalidArgument);

    const qint64 intent = *store->beginAction(makeIntent(u"drain"_s, {kWeb1}));
    const qint64 completion = *store->completeAction(intent, {});
    auto twice = store->completeAction(intent, {});
    QVERIFY(!twice);
    QVERIFY(twice.error().message.contains(u"already completed"_s));
    auto ofCompletion = store->completeAction(completion, {});
    QVERIFY(!ofCompletion);
    QVERIFY(ofCompletion.error().message.contains(u"not an intent"_s));
    QCOMPARE(*store->count({}), 2);
    QVERIFY(store->verify()->ok());
}

void TestAuditStore::incompleteIntentsAreListed()
{
    TempDir dir;
    auto store = openStore(dir.filePath(u"audit.sqlite"_s));
    QVERIFY(store);
    const qint64 a = *store->beginAction(makeIntent(u"drain"_s, {kWeb1}));
    const qint64 b = *store->beginAction(makeIntent(u"drain"_s, {kWeb2}));
    const qint64 c = *store->beginAction(makeIntent(u"reload"_s, {kMail2}));
    QVERIFY(store->completeAction(b, {}));

    AuditFilter incomplete;
    incomplete.incompleteOnly = true;
    QCOMPARE(allIds(*store, incomplete), (QList<qint64>{a, c}));
    QCOMPARE(*store->count(incomplete), 2);
    QVERIFY(store->record(a)->isIncomplete());
    QVERIFY(!store->record(b)->isIncomplete());
    QVERIFY(!store->record(4)->isIncomplete()); // the completion itself
}

void TestAuditStore::filters_data()
{
    QTest::addColumn<AuditFilter>("filter");
    QTest::addColumn<QList<qint64>>("expected");

    // The log built in filters(): one record per minute from 12:00 UTC.
    //  1 intent     drain  alice  web/lb1, web/lb2 (web-07)    12:00
    //  2 completion of 1                                       12:01
    //  3 intent     reload bob    mail/lb2                     12:02
    //  4 intent     drain  bob    api/lb1 (api-01)             12:03
    //  5 completion of 4                                       12:04
    const QDateTime t0(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);
    const auto f = [](auto edit) {
        AuditFilter filter;
        edit(filter);
        return filter;
    };
    QTest::newRow("none") << AuditFilter{} << QList<qint64>{1, 2, 3, 4, 5};
    QTest::newRow("operator") << f([](AuditFilter &x) { x.operatorName = u"bob"_s; })
                              << QList<qint64>{3, 4, 5};
    QTest::newRow("vip") << f([](AuditFilter &x) { x.vip = u"web"_s; }) << QList<qint64>{1, 2};
    QTest::newRow("host") << f([](AuditFilter &x) { x.host = u"lb2"_s; }) << QList<qint64>{1, 2, 3};
    QTest::newRow("server") << f([](AuditFilter &x) { x.server = u"api-01"_s; })
                            << QList<qint64>{4, 5};
    QTest::newRow("action") << f([](AuditFilter &x) { x.action = u"reload"_s; })
                            << QList<qint64>{3};
    QTest::newRow("since") << f([t0](AuditFilter &x) { x.since = t0.addSecs(120); })
                           << QList<qint64>{3, 4, 5};
    QTest::newRow("until (exclusive)")
        << f([t0](AuditFilter &x) { x.until = t0.addSecs(120); }) << QList<qint64>{1, 2};
    QTest::newRow("range") << f([t0](AuditFilter &x) {
        x.since = t0.addSecs(60);
        x.until = t0.addSecs(181);
    }) << QList<qint64>{2, 3, 4};
    QTest::newRow("combined") << f([](AuditFilter &x) {
        x.operatorName = u"alice"_s;
        x.host = u"lb1"_s;
        x.action = u"drain"_s;
    }) << QList<qint64>{1, 2};
    QTest::newRow("incomplete + operator") << f([](AuditFilter &x) {
        x.incompleteOnly = true;
        x.operatorName = u"bob"_s;
    }) << QList<qint64>{3};
    QTest::newRow("no match") << f([](AuditFilter &x) { x.vip = u"nope"_s; }) << QList<qint64>{};
    QTest::newRow("quote in value")
        << f([](AuditFilter &x) { x.vip = u"w'eb"_s; }) << QList<qint64>{};
}

void TestAuditStore::filters()
{
    QFETCH(AuditFilter, filter);
    QFETCH(QList<qint64>, expected);
    TempDir dir;
    FixedClock clock;
    auto store = openStore(dir.filePath(u"audit.sqlite"_s), clock);
    QVERIFY(store);
    const auto tick = [&clock] { clock.advance(60000); };
    const qint64 one = *store->beginAction(makeIntent(u"drain"_s, {kWeb1, kWeb2}));
    tick();
    QVERIFY(store->completeAction(one, {}));
    tick();
    QVERIFY(store->beginAction(makeIntent(u"reload"_s, {kMail2}, u"CHG-1"_s, u"bob"_s)));
    tick();
    const qint64 four = *store->beginAction(makeIntent(u"drain"_s, {kApi1}, u"x"_s, u"bob"_s));
    tick();
    QVERIFY(store->completeAction(four, {}));

    QCOMPARE(allIds(*store, filter), expected);
    QCOMPARE(*store->count(filter), expected.size());
}

void TestAuditStore::keysetPaging()
{
    TempDir dir;
    auto store = openStore(dir.filePath(u"audit.sqlite"_s));
    QVERIFY(store);
    for (int i = 0; i < 250; ++i)
        QVERIFY(store->beginAction(makeIntent(u"drain"_s, {i % 2 ? kWeb1 : kApi1})));

    AuditPageRequest request;
    request.limit = 100;
    QList<int> sizes;
    QList<qint64> seen;
    for (;;) {
        auto page = store->page(request);
        QVERIFY(page);
        sizes << int(page->records.size());
        seen << ids(page->records);
        if (!page->hasMore)
            break;
        request.cursor = page->nextCursor;
    }
    QCOMPARE(sizes, (QList<int>{100, 100, 50}));
    QCOMPARE(seen.size(), 250);
    QCOMPARE(seen.first(), 1);
    QCOMPARE(seen.last(), 250);

    // Newest first, filtered: the odd records touch web.
    AuditPageRequest newest;
    newest.newestFirst = true;
    newest.limit = 3;
    newest.filter.vip = u"web"_s;
    auto page = store->page(newest);
    QVERIFY(page);
    QCOMPARE(ids(page->records), (QList<qint64>{250, 248, 246}));
    QVERIFY(page->hasMore);
    newest.cursor = page->nextCursor;
    QCOMPARE(ids(store->page(newest)->records), (QList<qint64>{244, 242, 240}));
    QCOMPARE(*store->count(newest.filter), 125);

    // A page that ends exactly at the end says so.
    AuditPageRequest exact;
    exact.limit = 250;
    QVERIFY(!store->page(exact)->hasMore);
}

void TestAuditStore::asyncPageArrivesOnReceiverThread()
{
    TempDir dir;
    auto store = openStore(dir.filePath(u"audit.sqlite"_s));
    QVERIFY(store);
    QVERIFY(store->beginAction(makeIntent(u"drain"_s, {kWeb1})));
    QObject receiver;
    std::optional<Result<AuditPage>> got;
    QThread *calledOn = nullptr;
    store->pageAsync({}, &receiver, [&](const Result<AuditPage> &page) {
        got = page;
        calledOn = QThread::currentThread();
    });
    std::optional<Result<qint64>> counted;
    store->countAsync({}, &receiver, [&](const Result<qint64> &n) { counted = n; });
    QTRY_VERIFY(got.has_value() && counted.has_value());
    QCOMPARE(calledOn, QThread::currentThread());
    QCOMPARE(got->value().records.size(), 1);
    QCOMPARE(counted->value(), 1);
}

void TestAuditStore::sqliteIsWalAndDurable()
{
    TempDir dir;
    const QString path = dir.filePath(u"audit.sqlite"_s);
    auto store = openStore(path);
    QVERIFY(store);
    QVERIFY(store->beginAction(makeIntent(u"drain"_s, {kWeb1})));
    // Another process sees the committed intent while the store is still open.
    QString out;
    QVERIFY(sqlite3(path, u"PRAGMA journal_mode; SELECT COUNT(*) FROM audit_record;"_s, &out));
    QCOMPARE(out, u"wal\n1"_s);
}

void TestAuditStore::migrationsFromEmpty()
{
    TempDir dir;
    const QString path = dir.filePath(u"audit.sqlite"_s);
    {
        auto store = openStore(path);
        QVERIFY(store);
        QCOMPARE(store->schemaVersion(), AuditSchema::latestVersion());
    }
    QString out;
    QVERIFY(sqlite3(path, u"SELECT version FROM audit_schema;"_s, &out));
    QCOMPARE(out, QString::number(AuditSchema::latestVersion()));
    QVERIFY(sqlite3(path,
                    u"SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name LIKE "
                    "'audit_%';"_s,
                    &out));
    QCOMPARE(out, u"7"_s);
    // Reopening an up-to-date store changes nothing.
    auto again = openStore(path);
    QVERIFY(again);
    QCOMPARE(again->schemaVersion(), AuditSchema::latestVersion());
    QVERIFY(sqlite3(path, u"SELECT COUNT(*) FROM audit_schema;"_s, &out));
    QCOMPARE(out, u"1"_s);
}

void TestAuditStore::migrationFromV1Fixture()
{
    TempDir dir;
    const QString path = dir.filePath(u"audit.sqlite"_s);
    QVERIFY(sqlite3Load(path, dataPath(u"audit/audit-schema-v1.sql"_s)));
    auto store = openStore(path);
    QVERIFY(store);
    QCOMPARE(store->schemaVersion(), AuditSchema::latestVersion());

    auto report = store->verify();
    QVERIFY(report && report->ok());
    QCOMPARE(report->checked, 5);
    auto first = store->record(1);
    QCOMPARE(first->reason, u"INC-4711 web-07 disk errors"_s);
    QCOMPARE(first->targets.size(), 2);
    QCOMPARE(first->completedBy, std::optional<qint64>(2));
    QVERIFY(store->record(5)->isIncomplete());
    QCOMPARE(store->record(4)->results.first().outcome, AuditOutcome::Failed);

    // The chain continues from the migrated log.
    QCOMPARE(*store->completeAction(5, {}), 6);
    QVERIFY(store->verify()->ok());
    AuditFilter vip;
    vip.vip = u"typo3"_s;
    QCOMPARE(allIds(*store, vip), (QList<qint64>{1, 2, 5, 6}));
}

void TestAuditStore::migrationFromV1Store()
{
    TempDir dir;
    const QString path = dir.filePath(u"audit.sqlite"_s);
    {
        auto v1 = openStore(path, Clock::system(), 1);
        QVERIFY(v1);
        QCOMPARE(v1->schemaVersion(), 1);
        QVERIFY(v1->beginAction(makeIntent(u"drain"_s, {kWeb1})));
    }
    auto latest = openStore(path);
    QVERIFY(latest);
    QCOMPARE(latest->schemaVersion(), AuditSchema::latestVersion());
    QVERIFY(latest->completeAction(1, {}));
    QVERIFY(latest->verify()->ok());
}

void TestAuditStore::newerSchemaIsRefused()
{
    TempDir dir;
    const QString path = dir.filePath(u"audit.sqlite"_s);
    QVERIFY(openStore(path));
    QVERIFY(sqlite3(path, u"UPDATE audit_schema SET version = 99;"_s));
    auto store = AuditStore::open(AuditStoreConfig::sqlite(path));
    QVERIFY(!store);
    QCOMPARE(store.error().code, ErrorCode::AuditUnavailable);
    QVERIFY(store.error().message.contains(u"99"_s));
    QCOMPARE(store.error().where, path);
}

void TestAuditStore::appendOnlyTriggers()
{
    TempDir dir;
    const QString path = dir.filePath(u"audit.sqlite"_s);
    auto store = openStore(path);
    QVERIFY(store);
    QVERIFY(store->beginAction(makeIntent(u"drain"_s, {kWeb1})));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"append-only"_s));
    QVERIFY(!sqlite3(path, u"UPDATE audit_record SET reason = 'x';"_s));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"append-only"_s));
    QVERIFY(!sqlite3(path, u"DELETE FROM audit_target;"_s));
    QVERIFY(store->verify()->ok());
}

void TestAuditStore::unavailableStore_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("parent is a file") << u"file"_s;
    QTest::newRow("path is a directory") << u"dir"_s;
    QTest::newRow("not a database") << u"garbage"_s;
    QTest::newRow("postgres refused") << u"postgres"_s;
}

void TestAuditStore::unavailableStore()
{
    QFETCH(QString, kind);
    TempDir dir;
    AuditStoreConfig config;
    if (kind == "file"_L1) {
        dir.write(u"plain"_s, "x");
        config = AuditStoreConfig::sqlite(dir.filePath(u"plain/audit.sqlite"_s));
    } else if (kind == "dir"_L1) {
        QVERIFY(QDir().mkpath(dir.filePath(u"audit.sqlite"_s)));
        config = AuditStoreConfig::sqlite(dir.filePath(u"audit.sqlite"_s));
    } else if (kind == "garbage"_L1) {
        config = AuditStoreConfig::sqlite(dir.write(u"audit.sqlite"_s, QByteArray(8192, 'x')));
    } else {
        // A loopback port nobody listens on: bind one, then close it.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        config = *AuditStoreConfig::fromUrl(
            u"postgresql://vipdeck:secret@127.0.0.1:%1/audit"_s.arg(port));
    }
    auto store = AuditStore::open(config);
    QVERIFY(!store);
    QCOMPARE(store.error().code, ErrorCode::AuditUnavailable);
    QCOMPARE(store.error().where, config.location());
    QVERIFY(!store.error().hint.isEmpty());
    QVERIFY(!store.error().toString().contains(u"secret"_s));
}

void TestAuditStore::concurrentWritersFormOneChain()
{
    // Two stores (two connections, as two vipdeck processes would have) on
    // one file, each written from two threads.
    TempDir dir;
    const QString path = dir.filePath(u"audit.sqlite"_s);
    auto a = openStore(path);
    auto b = openStore(path);
    QVERIFY(a && b);
    std::atomic<int> failures = 0;
    const auto writer = [&failures](AuditStore *store, const AuditTarget &target) {
        for (int i = 0; i < 25; ++i) {
            auto id = store->beginAction(makeIntent(u"drain"_s, {target}));
            if (!id || !store->completeAction(*id, {}))
                ++failures;
        }
    };
    std::thread t1(writer, a.get(), kWeb1);
    std::thread t2(writer, a.get(), kWeb2);
    std::thread t3(writer, b.get(), kApi1);
    std::thread t4(writer, b.get(), kMail2);
    t1.join();
    t2.join();
    t3.join();
    t4.join();
    QCOMPARE(failures.load(), 0);
    auto report = a->verify();
    QVERIFY(report && report->ok());
    QCOMPARE(report->checked, 200);
    AuditFilter incomplete;
    incomplete.incompleteOnly = true;
    QCOMPARE(*b->count(incomplete), 0);
}

void TestAuditStore::configFromUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("location");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("database");

    QTest::newRow("full") << u"postgresql://ops:pw@db.example:6432/audit"_s << true
                          << u"postgresql://ops@db.example:6432/audit"_s << u"db.example"_s << 6432
                          << u"ops"_s << u"audit"_s;
    QTest::newRow("default port") << u"postgres://ops@127.0.0.1/audit"_s << true
                                  << u"postgresql://ops@127.0.0.1:5432/audit"_s << u"127.0.0.1"_s
                                  << 5432 << u"ops"_s << u"audit"_s;
    QTest::newRow("socket dir") << u"postgresql:///audit?host=/run/postgresql&user=ops"_s << true
                                << u"postgresql://ops@/audit?host=/run/postgresql"_s
                                << u"/run/postgresql"_s << 5432 << u"ops"_s << u"audit"_s;
    QTest::newRow("sqlite url") << u"sqlite:///var/lib/vipdeck/audit.sqlite"_s << true
                                << u"/var/lib/vipdeck/audit.sqlite"_s << QString() << 5432
                                << QString() << QString();
    QTest::newRow("plain path") << u"/tmp/a.sqlite"_s << true << u"/tmp/a.sqlite"_s << QString()
                                << 5432 << QString() << QString();
    QTest::newRow("no database") << u"postgresql://ops@host"_s << false << QString() << QString()
                                 << 0 << QString() << QString();
    QTest::newRow("bad scheme") << u"mysql://ops@host/db"_s << false << QString() << QString() << 0
                                << QString() << QString();
    QTest::newRow("empty") << QString() << false << QString() << QString() << 0 << QString()
                           << QString();
}

void TestAuditStore::configFromUrl()
{
    QFETCH(QString, url);
    QFETCH(bool, valid);
    auto config = AuditStoreConfig::fromUrl(url);
    QCOMPARE(config.ok(), valid);
    if (!valid) {
        QCOMPARE(config.error().code, ErrorCode::Config);
        QVERIFY(!config.error().hint.isEmpty());
        return;
    }
    QTEST(config->location(), "location");
    QTEST(config->host, "host");
    QTEST(config->port, "port");
    QTEST(config->user, "user");
    QTEST(config->database, "database");
}

void TestAuditStore::controlCharactersInReasonRefused_data()
{
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("named"); // empty: accepted
    QTest::newRow("plain") << u"INC-42 web-07 flapping"_s << QString();
    QTest::newRow("tab") << u"INC-42\tweb-07"_s << QString();
    QTest::newRow("umlaut and emoji") << u"Störung 🔥"_s << QString();
    QTest::newRow("ESC") << u"INC-1\x1b[2J"_s << u"ESC (\\x1b) at position 6"_s;
    QTest::newRow("BEL") << u"\aINC-1"_s << u"BEL (\\x07) at position 1"_s;
    QTest::newRow("CR") << u"INC-1\rOperator: root"_s << u"CR (\\r)"_s;
    QTest::newRow("LF") << u"INC-1\nOperator: root"_s << u"LF (\\n)"_s;
    QTest::newRow("NUL") << QString(QChar(0)) + u"x"_s << u"NUL (\\x00)"_s;
    QTest::newRow("DEL") << u"a\x7f"_s << u"DEL (\\x7f)"_s;
    QTest::newRow("C1 CSI") << u"a\u009b2J"_s << u"U+009B (\\x9b)"_s;
}

// One rule for every input: the core function the CLI and the GUI call, and
// the store behind them.
void TestAuditStore::controlCharactersInReasonRefused()
{
    QFETCH(QString, reason);
    QFETCH(QString, named);
    const Result<void> valid = validateAuditReason(reason);
    QCOMPARE(bool(valid), named.isEmpty());
    if (!valid) {
        QCOMPARE(valid.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(valid.error().message.contains(named), qPrintable(valid.error().message));
        QVERIFY(!valid.error().hint.isEmpty());
    }

    TempDir dir;
    auto store = openStore(dir.filePath(u"audit.sqlite"_s));
    QVERIFY(store);
    auto id = store->beginAction(makeIntent(u"drain"_s, {kWeb1}, reason));
    QCOMPARE(id.ok(), named.isEmpty());
    if (!id)
        QVERIFY(id.error().message.contains(named));
    QCOMPARE(*store->count({}), named.isEmpty() ? 1 : 0);
}

void TestAuditStore::newStoreIsPrivate()
{
    TempDir dir;
    const QString path = dir.filePath(u"a/b/audit.sqlite"_s);
    auto store = openStore(path);
    QVERIFY(store);
    QVERIFY(store->beginAction(makeIntent(u"drain"_s, {kWeb1})));
    QCOMPARE(modeOf(path), 0600);
    QCOMPARE(modeOf(dir.filePath(u"a"_s)), 0700);
    QCOMPARE(modeOf(dir.filePath(u"a/b"_s)), 0700);
    // SQLite gives its side files the main file's mode.
    QCOMPARE(modeOf(path + u"-wal"_s), 0600);
    QCOMPARE(modeOf(path + u"-shm"_s), 0600);
}

void TestAuditStore::existingStoreKeepsItsMode()
{
    // An existing file or directory is its owner's choice (a group-readable
    // team store, say): vipdeck leaves the modes alone (docs/audit.md).
    TempDir dir;
    const QString path = dir.filePath(u"audit.sqlite"_s);
    QVERIFY(openStore(path));
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup));
    QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner |
                                                  QFile::ExeOwner | QFile::ReadGroup |
                                                  QFile::ExeGroup));
    auto store = openStore(path);
    QVERIFY(store);
    QVERIFY(store->beginAction(makeIntent(u"drain"_s, {kWeb1})));
    QCOMPARE(modeOf(path), 0640);
    QCOMPARE(modeOf(dir.path()), 0750);
}

void TestAuditStore::readerCreatesNothing_data()
{
    QTest::addColumn<QString>("relative");   // the store's path in a temporary directory
    QTest::addColumn<QByteArray>("content"); // the file's content; null: no file
    QTest::newRow("no file") << u"audit.sqlite"_s << QByteArray();
    QTest::newRow("no directory") << u"deep/er/audit.sqlite"_s << QByteArray();
    QTest::newRow("empty file") << u"audit.sqlite"_s << QByteArray("");
}

void TestAuditStore::readerCreatesNothing()
{
    QFETCH(QString, relative);
    QFETCH(QByteArray, content);
    TempDir dir;
    const QString path = dir.filePath(relative);
    if (!content.isNull())
        dir.write(relative, content);
    const QStringList before = QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);

    auto store = AuditStore::openExisting(AuditStoreConfig::sqlite(path));
    QVERIFY(!store);
    QCOMPARE(store.error().code, ErrorCode::AuditMissing);
    QCOMPARE(store.error().message, u"no audit log at "_s + path);
    QVERIFY(store.error().hint.contains(u"restore it from a backup"_s));
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), before);
    QCOMPARE(QFileInfo(path).size(), content.size());
    QCOMPARE(QFileInfo::exists(path), !content.isNull());
}

QTEST_GUILESS_MAIN(TestAuditStore)
#include "tst_auditstore.moc"
