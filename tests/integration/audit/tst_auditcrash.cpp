// Crash test: an audit_writer child appends intent + completion pairs in a
// loop and is killed with SIGKILL at random moments, 40 times.  Afterwards
// the chain verifies, every id the child confirmed is in the log, and the
// intents cut off by a kill are listed as incomplete.

#include "core/audit/auditcommands.h"
#include "core/audit/auditstore.h"
#include "tests/integration/audit/writeroutput.h"
#include "tests/support/testdata.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vipdeck;
using namespace vipdeck::test;

class TestAuditCrash : public QObject
{
    Q_OBJECT

private slots:
    void killedWriterLosesNothingConfirmed();
};

void TestAuditCrash::killedWriterLosesNothingConfirmed()
{
    constexpr int kRounds = 40;
    const quint32 seed = QRandomGenerator::global()->generate();
    qInfo("random seed %u (set VIPDECK_AUDIT_CRASH_SEED to repeat)", seed);
    QRandomGenerator random(qEnvironmentVariableIsSet("VIPDECK_AUDIT_CRASH_SEED")
                                ? qEnvironmentVariable("VIPDECK_AUDIT_CRASH_SEED").toUInt()
                                : seed);
    TempDir dir;
    const QString path = dir.filePath(u"audit.sqlite"_s);
    WriterOutput confirmed;

    for (int round = 0; round < kRounds; ++round) {
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QStringLiteral(AUDIT_WRITER),
                    {u"--store"_s, path, u"--tag"_s, u"round%1"_s.arg(round)});
        QVERIFY2(child.waitForStarted(), qPrintable(child.errorString()));

        // Let it confirm a random number of lines, then kill it a random
        // number of microseconds later: mid-transaction, mid-fsync, between
        // intent and completion, or between two pairs.
        const int killAfterLines = int(random.bounded(1, 40));
        QByteArray buffer;
        WriterOutput round_;
        while (round_.lines < killAfterLines) {
            QVERIFY2(child.state() == QProcess::Running || child.bytesAvailable(),
                     "the writer exited on its own");
            if (!child.bytesAvailable())
                QVERIFY2(child.waitForReadyRead(20000), "the writer stopped writing");
            buffer += child.readAllStandardOutput();
            round_.consume(buffer);
        }
        QThread::usleep(random.bounded(0, 3000)); // a random moment, on purpose
        child.kill();                             // SIGKILL
        QVERIFY(child.waitForFinished(10000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        // Everything printed before the kill was confirmed too.
        buffer += child.readAllStandardOutput();
        round_.consume(buffer);
        QVERIFY(!round_.done);
        confirmed.intents += round_.intents;
        confirmed.completions.insert(round_.completions);
    }

    auto store = AuditStore::open(AuditStoreConfig::sqlite(path));
    QVERIFY2(store, qPrintable(store ? QString() : store.error().toString()));
    auto report = (*store)->verify();
    QVERIFY(report);
    QVERIFY2(report->ok(), qPrintable(report->problem ? report->problem->describe() : QString()));
    qInfo("%d rounds, %lld records, %lld intents and %lld completions confirmed", kRounds,
          report->checked, qint64(confirmed.intents.size()), qint64(confirmed.completions.size()));

    for (qint64 id : std::as_const(confirmed.intents)) {
        auto r = (*store)->record(id);
        QVERIFY2(r, qPrintable(u"confirmed intent %1 is missing"_s.arg(id)));
        QCOMPARE(r->kind, AuditKind::Intent);
    }
    for (auto it = confirmed.completions.cbegin(); it != confirmed.completions.cend(); ++it) {
        auto r = (*store)->record(it.value());
        QVERIFY2(r, qPrintable(u"confirmed completion %1 is missing"_s.arg(it.value())));
        QCOMPARE(r->intentId, std::optional<qint64>(it.key()));
        QCOMPARE((*store)->record(it.key())->completedBy, std::optional<qint64>(it.value()));
    }

    // Incomplete intents: only ones whose completion was never confirmed, at
    // most one per kill, and some, since kills land between the two halves.
    AuditPageRequest request;
    request.filter.incompleteOnly = true;
    request.limit = 10000;
    auto incomplete = (*store)->page(request);
    QVERIFY(incomplete);
    QVERIFY(incomplete->records.size() <= kRounds);
    QVERIFY2(!incomplete->records.isEmpty(), "no kill landed between intent and completion");
    for (const AuditRecord &r : std::as_const(incomplete->records))
        QVERIFY(!confirmed.completions.contains(r.id));

    QString out;
    QString err;
    QTextStream outStream(&out);
    QTextStream errStream(&err);
    QCOMPARE(runAuditCommand({u"list"_s, u"--incomplete"_s, u"--all"_s},
                             AuditStoreConfig::sqlite(path), outStream, errStream),
             int(AuditExitOk));
    QCOMPARE(out.count(u"INCOMPLETE"_s), incomplete->records.size());
    qInfo("%lld incomplete intents listed", qint64(incomplete->records.size()));
}

QTEST_GUILESS_MAIN(TestAuditCrash)
#include "tst_auditcrash.moc"
