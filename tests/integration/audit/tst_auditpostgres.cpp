// Team mode against a real PostgreSQL server started by the test: two
// writer processes append concurrently and leave one valid chain; a store
// whose server is gone refuses to record (so the action must not start).

#include "core/audit/auditstore.h"
#include "tests/integration/audit/postgrescluster.h"
#include "tests/integration/audit/writeroutput.h"

#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vipdeck;
using namespace vipdeck::test;

class TestAuditPostgres : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void databaseWithoutSchemaIsMissing();
    void twoWritersFormOneChain();
    void disabledTriggerWarns();
    void serverGoneRefusesToRecord();
    void cleanupTestCase();

private:
    std::unique_ptr<PostgresCluster> m_cluster;
};

void TestAuditPostgres::initTestCase()
{
    // Not a skip: CI installs PostgreSQL, and team mode must be tested.
    if (PostgresCluster::findBinDir().isEmpty())
        QFAIL("PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin: install "
              "the Debian package `postgresql` (scripts/deps does)");
    m_cluster = std::make_unique<PostgresCluster>();
    QString error;
    QVERIFY2(m_cluster->start(&error), qPrintable(error));
    qInfo("postgres pid %lld at %s", m_cluster->pid(), qPrintable(m_cluster->url()));
}

// Before anything wrote to it, the database has no audit schema: readers
// report "no audit log" and create nothing.
void TestAuditPostgres::databaseWithoutSchemaIsMissing()
{
    auto config = AuditStoreConfig::fromUrl(m_cluster->url());
    QVERIFY(config);
    for (int i = 0; i < 2; ++i) {
        auto store = AuditStore::openExisting(*config);
        QVERIFY(!store);
        QCOMPARE(store.error().code, ErrorCode::AuditMissing);
        QCOMPARE(store.error().message, u"no audit log at "_s + config->location());
        QCOMPARE(store.error().detail, u"the database has no vipdeck audit tables"_s);
    }
}

void TestAuditPostgres::twoWritersFormOneChain()
{
    constexpr int kPairs = 150;
    // Both start on the empty database, so both also race to create the schema.
    QProcess writers[2];
    WriterOutput outputs[2];
    QByteArray buffers[2];
    for (int i = 0; i < 2; ++i) {
        writers[i].setProcessChannelMode(QProcess::ForwardedErrorChannel);
        writers[i].start(QStringLiteral(AUDIT_WRITER),
                         {u"--store"_s, m_cluster->url(), u"--count"_s, QString::number(kPairs),
                          u"--tag"_s, u"writer%1"_s.arg(i), u"--wait-go"_s});
        QVERIFY(writers[i].waitForStarted());
    }
    const auto pump = [&](int i) {
        buffers[i] += writers[i].readAllStandardOutput();
        outputs[i].consume(buffers[i]);
    };
    for (int i = 0; i < 2; ++i) {
        while (!outputs[i].ready) {
            QVERIFY2(writers[i].waitForReadyRead(60000), "a writer did not open the store");
            pump(i);
        }
    }
    // Release both at once so their appends interleave.
    writers[0].write("go\n");
    writers[1].write("go\n");
    QVERIFY(writers[0].waitForBytesWritten() && writers[1].waitForBytesWritten());
    for (int i = 0; i < 2; ++i) {
        QVERIFY(writers[i].waitForFinished(120000));
        pump(i);
        QCOMPARE(writers[i].exitStatus(), QProcess::NormalExit);
        QCOMPARE(writers[i].exitCode(), 0);
        QVERIFY(outputs[i].done);
        QCOMPARE(outputs[i].intents.size(), kPairs);
        QCOMPARE(outputs[i].completions.size(), kPairs);
    }

    auto config = AuditStoreConfig::fromUrl(m_cluster->url());
    QVERIFY(config);
    auto store = AuditStore::open(*config);
    QVERIFY2(store, qPrintable(store ? QString() : store.error().toString()));
    auto report = (*store)->verify();
    QVERIFY(report);
    QVERIFY2(report->ok(), qPrintable(report->problem ? report->problem->describe() : QString()));
    QCOMPARE(report->checked, 4 * kPairs);
    QCOMPARE(report->lastId, 4 * kPairs);

    for (int i = 0; i < 2; ++i) {
        for (auto it = outputs[i].completions.cbegin(); it != outputs[i].completions.cend(); ++it) {
            auto intent = (*store)->record(it.key());
            QVERIFY(intent);
            QCOMPARE(intent->targets.first().server, u"writer%1"_s.arg(i));
            QCOMPARE(intent->completedBy, std::optional<qint64>(it.value()));
        }
        AuditFilter mine;
        mine.server = u"writer%1"_s.arg(i);
        QCOMPARE(*(*store)->count(mine), 2 * kPairs);
    }

    // The writers really ran at the same time: the chain alternates between them.
    AuditPageRequest all;
    all.limit = 10000;
    auto page = (*store)->page(all);
    QVERIFY(page);
    int switches = 0;
    for (qsizetype i = 1; i < page->records.size(); ++i)
        switches +=
            page->records[i].targets.first().server != page->records[i - 1].targets.first().server;
    qInfo("the chain switches writer %d times", switches);
    QVERIFY2(switches > 2, "the two writers did not interleave; the test proved nothing");
}

// A trigger disabled (or dropped) by the tables' owner no longer protects
// the log: verify names it.
void TestAuditPostgres::disabledTriggerWarns()
{
    auto config = AuditStoreConfig::fromUrl(m_cluster->url());
    QVERIFY(config);
    {
        auto store = AuditStore::openExisting(*config);
        QVERIFY(store);
        auto report = (*store)->verify();
        QVERIFY(report && report->ok());
        QVERIFY2(report->protectedOk(), qPrintable(report->missingProtection.join(u' ')));
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, u"owner"_s);
        db.setHostName(config->host);
        db.setPort(config->port);
        db.setUserName(config->user);
        db.setDatabaseName(config->database);
        QVERIFY2(db.open(), qPrintable(db.lastError().text()));
        QSqlQuery q(db);
        QVERIFY2(q.exec(u"ALTER TABLE audit_record DISABLE TRIGGER audit_record_append_only"_s),
                 qPrintable(q.lastError().text()));
    }
    QSqlDatabase::removeDatabase(u"owner"_s);
    auto store = AuditStore::openExisting(*config);
    QVERIFY(store);
    auto report = (*store)->verify();
    QVERIFY(report && report->ok());
    QCOMPARE(report->missingProtection, QStringList{u"audit_record_append_only"_s});
    QVERIFY2(report->restoreProtection.contains(u"ENABLE TRIGGER"_s),
             qPrintable(report->restoreProtection));
}

void TestAuditPostgres::serverGoneRefusesToRecord()
{
    auto config = AuditStoreConfig::fromUrl(m_cluster->url());
    auto store = AuditStore::open(*config);
    QVERIFY(store);
    m_cluster->stop();
    AuditIntent intent;
    intent.action = u"drain"_s;
    intent.reason = u"INC-1"_s;
    auto id = (*store)->beginAction(intent);
    QVERIFY(!id);
    QCOMPARE(id.error().code, ErrorCode::AuditUnavailable);
    QCOMPARE(id.error().where, config->location());
    QVERIFY(!id.error().hint.isEmpty());
}

void TestAuditPostgres::cleanupTestCase()
{
    m_cluster.reset(); // stops postgres by its PID
}

QTEST_GUILESS_MAIN(TestAuditPostgres)
#include "tst_auditpostgres.moc"
