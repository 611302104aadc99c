// The hash chain: canonical serialization and the verifier's verdicts on
// hand-made chains (changed, removed, inserted, duplicated, re-hashed
// records), and against anchors (truncated or rewritten logs).

#include "core/audit/auditchainverifier.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vipdeck;
using Kind = AuditChainProblem::Kind;

namespace {

AuditRecord makeRecord(qint64 n)
{
    AuditRecord r;
    r.kind = n % 2 ? AuditKind::Intent : AuditKind::Completion;
    if (r.kind == AuditKind::Completion)
        r.intentId = n - 1;
    r.time = QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC).addSecs(n);
    r.operatorName = u"alice"_s;
    r.workstation = u"ws1"_s;
    r.sshUser = u"vipdeck"_s;
    r.action = u"drain"_s;
    r.reason = u"INC-%1"_s.arg(n);
    r.targets = {{u"web"_s, u"lb1"_s, u"be_web"_s, u"web-07"_s}};
    if (r.kind == AuditKind::Completion)
        r.results = {{r.targets.first(), AuditOutcome::Ok, u"DRAIN set"_s}};
    return r;
}

// Links records in order and assigns ids 1..n and hashes.
QList<AuditRecord> chain(QList<AuditRecord> records)
{
    QByteArray prev = AuditRecord::genesisHash();
    for (qsizetype i = 0; i < records.size(); ++i) {
        records[i].id = i + 1;
        records[i].prevHash = prev;
        records[i].hash = records[i].computeHash();
        prev = records[i].hash;
    }
    return records;
}

QList<AuditRecord> chainOf(int n)
{
    QList<AuditRecord> records;
    for (int i = 1; i <= n; ++i)
        records << makeRecord(i);
    return chain(records);
}

AuditVerifyReport verify(const QList<AuditRecord> &records,
                         const std::optional<AuditAnchor> &anchor = {})
{
    AuditChainVerifier verifier;
    if (anchor)
        verifier.setAnchor(*anchor);
    for (const AuditRecord &r : records)
        verifier.add(r);
    return verifier.finish();
}

// A record made by someone who knows the algorithm: correct hash, linked to `after`.
AuditRecord forged(const AuditRecord &after, qint64 id)
{
    AuditRecord r = makeRecord(99);
    r.reason = u"forged"_s;
    r.id = id;
    r.prevHash = after.hash;
    r.hash = r.computeHash();
    return r;
}

void renumber(QList<AuditRecord> &records)
{
    for (qsizetype i = 0; i < records.size(); ++i)
        records[i].id = i + 1;
}

} // namespace

class TestAuditChain : public QObject
{
    Q_OBJECT

private slots:
    void canonicalCoversEveryField();
    void canonicalIsUnambiguous();
    void intactChainVerifies();
    void emptyLogVerifies();
    void tampering_data();
    void tampering();
    void anchor_data();
    void anchor();
    void anchorText_data();
    void anchorText();
};

void TestAuditChain::canonicalCoversEveryField()
{
    const AuditRecord base = makeRecord(2);
    const QByteArray baseHash = base.computeHash();
    const QList<std::function<void(AuditRecord &)>> edits = {
        [](AuditRecord &r) { r.kind = AuditKind::Intent; },
        [](AuditRecord &r) { r.intentId = 7; },
        [](AuditRecord &r) { r.time = r.time.addMSecs(1); },
        [](AuditRecord &r) { r.operatorName = u"mallory"_s; },
        [](AuditRecord &r) { r.workstation = u"ws2"_s; },
        [](AuditRecord &r) { r.sshUser = u"root"_s; },
        [](AuditRecord &r) { r.action = u"ready"_s; },
        [](AuditRecord &r) { r.reason = u"other"_s; },
        [](AuditRecord &r) { r.stateBefore = u"x"_s; },
        [](AuditRecord &r) { r.stateAfter = u"x"_s; },
        [](AuditRecord &r) { r.targets[0].vip = u"api"_s; },
        [](AuditRecord &r) { r.targets[0].host = u"lb2"_s; },
        [](AuditRecord &r) { r.targets[0].backend = u"be2"_s; },
        [](AuditRecord &r) { r.targets[0].server = u"web-08"_s; },
        [](AuditRecord &r) { r.targets.append(AuditTarget{}); },
        [](AuditRecord &r) { r.results[0].outcome = AuditOutcome::Failed; },
        [](AuditRecord &r) { r.results[0].message = u"no"_s; },
        [](AuditRecord &r) { r.results[0].target.server = u"x"_s; },
        [](AuditRecord &r) { r.prevHash = QByteArray(64, '1'); },
    };
    for (qsizetype i = 0; i < edits.size(); ++i) {
        AuditRecord edited = base;
        edits[i](edited);
        QVERIFY2(edited.computeHash() != baseHash, qPrintable(u"edit %1"_s.arg(i)));
    }
    // The id is deliberately not covered (order is carried by the links).
    AuditRecord renumbered = base;
    renumbered.id = 42;
    QCOMPARE(renumbered.computeHash(), baseHash);
    QCOMPARE(baseHash.size(), 64);
}

void TestAuditChain::canonicalIsUnambiguous()
{
    // Moving text between adjacent fields must change the hash.
    AuditRecord a = makeRecord(1);
    AuditRecord b = a;
    a.action = u"drain"_s;
    a.reason = u"x\nreason=1:y"_s;
    b.action = u"drain\nreason=1:x"_s;
    b.reason = u"y"_s;
    QVERIFY(a.canonical() != b.canonical());
}

void TestAuditChain::intactChainVerifies()
{
    const AuditVerifyReport report = verify(chainOf(50));
    QVERIFY(report.ok());
    QCOMPARE(report.checked, 50);
    QCOMPARE(report.lastId, 50);
}

void TestAuditChain::emptyLogVerifies()
{
    const AuditVerifyReport report = verify({});
    QVERIFY(report.ok());
    QCOMPARE(report.checked, 0);
}

void TestAuditChain::tampering_data()
{
    QTest::addColumn<std::function<void(QList<AuditRecord> &)>>("tamper");
    QTest::addColumn<int>("kind");
    QTest::addColumn<qint64>("firstId");
    QTest::addColumn<qint64>("lastId");
    QTest::addColumn<qint64>("checked");

    using Tamper = std::function<void(QList<AuditRecord> &)>;
    QTest::newRow("content changed") << Tamper([](auto &c) { c[4].reason = u"edited"_s; })
                                     << int(Kind::Changed) << 5LL << 5LL << 4LL;
    QTest::newRow("hash field changed") << Tamper([](auto &c) { c[4].hash = QByteArray(64, 'f'); })
                                        << int(Kind::Changed) << 5LL << 5LL << 4LL;
    QTest::newRow("last record changed") << Tamper([](auto &c) { c[9].action = u"ready"_s; })
                                         << int(Kind::Changed) << 10LL << 10LL << 9LL;
    QTest::newRow("changed and re-hashed") << Tamper([](auto &c) {
        c[4].reason = u"edited"_s;
        c[4].hash = c[4].computeHash();
    }) << int(Kind::ChainBroken) << 5LL << 6LL
                                           << 5LL;
    QTest::newRow("removed, gap in ids")
        << Tamper([](auto &c) { c.removeAt(4); }) << int(Kind::Removed) << 5LL << 5LL << 4LL;
    QTest::newRow("three removed")
        << Tamper([](auto &c) { c.remove(2, 3); }) << int(Kind::Removed) << 3LL << 5LL << 2LL;
    QTest::newRow("first removed")
        << Tamper([](auto &c) { c.removeFirst(); }) << int(Kind::Removed) << 1LL << 1LL << 0LL;
    QTest::newRow("first removed, renumbered") << Tamper([](auto &c) {
        c.removeFirst();
        renumber(c);
    }) << int(Kind::Removed) << 1LL << 1LL << 0LL;
    QTest::newRow("removed, renumbered") << Tamper([](auto &c) {
        c.removeAt(4);
        renumber(c);
    }) << int(Kind::ChainBroken) << 4LL << 5LL
                                         << 4LL;
    QTest::newRow("inserted junk, renumbered") << Tamper([](auto &c) {
        AuditRecord junk = makeRecord(5);
        junk.reason = u"inserted"_s;
        junk.prevHash = c[3].hash;
        junk.hash = QByteArray(64, 'a');
        c.insert(4, junk);
        renumber(c);
    }) << int(Kind::Inserted) << 5LL << 5LL << 4LL;
    QTest::newRow("inserted forged, renumbered") << Tamper([](auto &c) {
        c.insert(4, forged(c[3], 5));
        renumber(c);
    }) << int(Kind::Inserted) << 5LL << 5LL << 5LL;
    QTest::newRow("two inserted forged, renumbered") << Tamper([](auto &c) {
        const AuditRecord first = forged(c[3], 5);
        c.insert(4, first);
        c.insert(5, forged(first, 6));
        renumber(c);
    }) << int(Kind::Inserted) << 5LL << 6LL << 6LL;
    // The newest record copied as a new last record: the copy is named, not
    // its original.
    QTest::newRow("last record duplicated") << Tamper([](auto &c) {
        AuditRecord copy = c.last();
        copy.id = c.last().id + 1;
        c.append(copy);
    }) << int(Kind::Duplicated) << 11LL << 11LL
                                            << 10LL;
    QTest::newRow("middle record duplicated, renumbered") << Tamper([](auto &c) {
        c.insert(5, c[4]);
        renumber(c);
    }) << int(Kind::Inserted) << 6LL << 6LL << 5LL;
    QTest::newRow("link field changed") << Tamper([](auto &c) { c[6].prevHash = c[4].hash; })
                                        << int(Kind::Changed) << 7LL << 7LL << 6LL;
}

void TestAuditChain::tampering()
{
    QFETCH(std::function<void(QList<AuditRecord> &)>, tamper);
    QFETCH(int, kind);
    QFETCH(qint64, firstId);
    QFETCH(qint64, lastId);
    QFETCH(qint64, checked);

    QList<AuditRecord> records = chainOf(10);
    tamper(records);
    const AuditVerifyReport report = verify(records);
    QVERIFY(!report.ok());
    QCOMPARE(int(report.problem->kind), kind);
    QCOMPARE(report.problem->firstId, firstId);
    QCOMPARE(report.problem->lastId, lastId);
    QCOMPARE(report.checked, checked);
    QVERIFY(report.problem->describe().contains(QString::number(firstId)));
}

void TestAuditChain::anchor_data()
{
    QTest::addColumn<int>("keep");          // records left of a chain of 10
    QTest::addColumn<qint64>("anchorId");   // the anchor names this record...
    QTest::addColumn<bool>("anchorHashOk"); // ...with its real hash, or another
    QTest::addColumn<int>("kind");          // -1: intact
    QTest::addColumn<qint64>("firstId");
    QTest::addColumn<qint64>("lastId");

    QTest::newRow("intact, anchor at the end") << 10 << 10LL << true << -1 << 0LL << 0LL;
    QTest::newRow("intact, grown since") << 10 << 6LL << true << -1 << 0LL << 0LL;
    QTest::newRow("empty log's anchor") << 10 << 0LL << true << -1 << 0LL << 0LL;
    QTest::newRow("newest record removed")
        << 9 << 10LL << true << int(Kind::Truncated) << 10LL << 10LL;
    QTest::newRow("three newest removed")
        << 7 << 10LL << true << int(Kind::Truncated) << 8LL << 10LL;
    QTest::newRow("everything removed") << 0 << 10LL << true << int(Kind::Truncated) << 1LL << 10LL;
    QTest::newRow("rewritten before the anchor")
        << 10 << 5LL << false << int(Kind::AnchorMismatch) << 5LL << 5LL;
}

void TestAuditChain::anchor()
{
    QFETCH(int, keep);
    QFETCH(qint64, anchorId);
    QFETCH(bool, anchorHashOk);
    QFETCH(int, kind);
    QFETCH(qint64, firstId);
    QFETCH(qint64, lastId);

    const QList<AuditRecord> full = chainOf(10);
    AuditAnchor anchor{anchorId,
                       anchorId == 0 ? AuditRecord::genesisHash() : full[anchorId - 1].hash};
    if (!anchorHashOk)
        anchor.hash = QByteArray(64, 'e');
    // Without the anchor a cut log looks intact: that is what anchors are for.
    QVERIFY(verify(full.first(keep)).ok());
    const AuditVerifyReport report = verify(full.first(keep), anchor);
    QCOMPARE(report.anchor, anchor);
    if (kind < 0) {
        QVERIFY2(report.ok(), qPrintable(report.problem->describe()));
        return;
    }
    QVERIFY(!report.ok());
    QCOMPARE(int(report.problem->kind), kind);
    QCOMPARE(report.problem->firstId, firstId);
    QCOMPARE(report.problem->lastId, lastId);
    QVERIFY(report.problem->describe().contains(QString::number(lastId)));
}

void TestAuditChain::anchorText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    const QString hash(64, u'a');
    QTest::newRow("ok") << u"12:"_s + hash << true;
    QTest::newRow("upper case") << u"12:"_s + hash.toUpper() << true;
    QTest::newRow("spaces around") << u" 12:"_s + hash + u"\n"_s << true;
    QTest::newRow("no id") << u":"_s + hash << false;
    QTest::newRow("short hash") << u"12:abc"_s << false;
    QTest::newRow("not hex") << u"12:"_s + QString(64, u'g') << false;
    QTest::newRow("negative id") << u"-1:"_s + hash << false;
    QTest::newRow("empty") << QString() << false;
}

void TestAuditChain::anchorText()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    const Result<AuditAnchor> anchor = AuditAnchor::parse(text);
    QCOMPARE(bool(anchor), valid);
    if (valid) {
        QCOMPARE(anchor->id, 12);
        QCOMPARE(anchor->text(), u"12:"_s + QString(64, u'a'));
    } else {
        QVERIFY(anchor.error().hint.contains(u"ID:HASH"_s));
    }
}

QTEST_GUILESS_MAIN(TestAuditChain)
#include "tst_auditchain.moc"
