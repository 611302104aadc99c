// The `vipdeckctl audit` commands through runAuditCommand(): list, show,
// export (CSV and JSON parsed back), verify, filters and usage errors.

#include "core/audit/auditcommands.h"
#include "core/audit/auditexport.h"
#include "core/audit/auditstore.h"
#include "core/common/controlcharacters.h"
#include "tests/core/audit/audittesthelpers.h"
#include "tests/support/fixedclock.h"
#include "tests/support/testdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vipdeck;
using namespace vipdeck::test;

namespace {

// RFC 4180 reader, enough to check that the export reads back.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row << field;
            field.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            row << field;
            field.clear();
            rows << row;
            row.clear();
            ++i;
        } else {
            field += c;
        }
    }
    return rows;
}

struct Output
{
    int code = -1;
    QString out;
    QString err;
};

} // namespace

class TestAuditCommands : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void list();
    void help();
    void listFilters_data();
    void listFilters();
    void show();
    void exportCsvReadsBack();
    void exportJsonReadsBack();
    void verifyIntact();
    void usageErrors_data();
    void usageErrors();
    void unavailableStore();
    void parseTime_data();
    void parseTime();
    void readersNeverCreateAStore_data();
    void readersNeverCreateAStore();
    void textOutputEscapesControlCharacters();
    void exportCsvNeutralisesFormulas();

private:
    Output run(const QStringList &args, const AuditStoreConfig &config);
    Output run(const QStringList &args) { return run(args, m_config); }

    TempDir m_dir;
    FixedClock m_clock;
    AuditStoreConfig m_config;
};

Output TestAuditCommands::run(const QStringList &args, const AuditStoreConfig &config)
{
    Output o;
    QTextStream out(&o.out);
    QTextStream err(&o.err);
    o.code = runAuditCommand(args, config, out, err, m_clock);
    return o;
}

void TestAuditCommands::initTestCase()
{
    // 1 drain (alice, web on lb1+lb2, complete: 2), 3 reload (bob, mail on lb2,
    // INCOMPLETE), 4 drain with awkward text (alice, api, complete: 5, failed).
    m_config = AuditStoreConfig::sqlite(m_dir.filePath(u"audit.sqlite"_s));
    auto store = AuditStore::open(m_config, m_clock);
    QVERIFY(store);
    const AuditTarget web1{u"web"_s, u"lb1"_s, u"be_web"_s, u"web-07"_s};
    const AuditTarget web2{u"web"_s, u"lb2"_s, u"be_web"_s, u"web-07"_s};
    const AuditTarget mail{u"mail"_s, u"lb2"_s, {}, {}};
    const AuditTarget api{u"api"_s, u"lb1"_s, u"be_api"_s, u"api-01"_s};
    const qint64 one = *(*store)->beginAction(makeIntent(u"drain"_s, {web1, web2}, u"INC-1"_s));
    m_clock.advance(3600 * 1000);
    AuditCompletion ok;
    ok.results = {{web1, AuditOutcome::Ok, u"DRAIN set"_s}, {web2, AuditOutcome::Ok, {}}};
    QVERIFY((*store)->completeAction(one, ok));
    m_clock.advance(3600 * 1000);
    QVERIFY((*store)->beginAction(makeIntent(u"reload"_s, {mail}, u"CHG-7"_s, u"bob"_s)));
    m_clock.advance(3600 * 1000);
    // Record 4 as an older vipdeck could write it: a line break in the reason
    // (refused at input now), kept verbatim in CSV and JSON.
    AuditRecord legacy;
    legacy.kind = AuditKind::Intent;
    legacy.time = QDateTime::fromMSecsSinceEpoch(m_clock.now().toMSecsSinceEpoch(), Qt::UTC);
    legacy.operatorName = u"alice"_s;
    legacy.workstation = u"ws1"_s;
    legacy.sshUser = u"vipdeck"_s;
    legacy.action = u"drain"_s;
    legacy.targets = {api};
    legacy.reason = u"INC-2, \"urgent\"\nsecond line"_s;
    legacy.stateBefore = u"{\"admin\":\"READY\"}"_s;
    const qint64 four = appendLegacyRecord(m_config.sqlitePath, legacy);
    QCOMPARE(four, 4);
    AuditCompletion failed;
    failed.results = {{api, AuditOutcome::Failed, u"socket: permission denied, \"x\""_s}};
    failed.stateAfter = u"{\"admin\":\"READY\"}"_s;
    QVERIFY((*store)->completeAction(four, failed));
    m_clock.advance(3600 * 1000);
}

void TestAuditCommands::list()
{
    const Output o = run({u"list"_s});
    QCOMPARE(o.code, int(AuditExitOk));
    QVERIFY(o.err.isEmpty());
    QStringList lines = o.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 6);
    const QString header = lines.takeFirst();
    QVERIFY2(header.startsWith(u"ID  TIME (UTC)"_s) && header.endsWith(u"REASON"_s),
             qPrintable(header));
    QVERIFY(lines.first().trimmed().startsWith(u"5 "_s)); // newest first
    QVERIFY2(lines.at(2).contains(u"INCOMPLETE"_s), qPrintable(lines.at(2)));
    QVERIFY(lines.at(2).contains(u"bob@ws1"_s));
    QVERIFY(lines.at(4).contains(u"completed by 2"_s));
    QVERIFY(lines.at(0).contains(u"failed 1 of 1"_s));
    // A table: every column starts where its heading does, on every line
    // (the reason, last, may be of any length).
    for (const QString &column :
         {u"KIND"_s, u"OPERATOR"_s, u"ACTION"_s, u"TARGETS"_s, u"STATUS"_s}) {
        const qsizetype at = header.indexOf(column);
        for (const QString &line : std::as_const(lines)) {
            QVERIFY2(line.at(at - 1) == u' ' && line.at(at - 2) == u' ' && line.at(at) != u' ',
                     qPrintable(column + u": "_s + line));
        }
    }
    QVERIFY2(lines.at(4).endsWith(u"\"INC-1\""_s), qPrintable(lines.at(4)));
    QVERIFY2(!o.out.contains(u" \n"_s), qPrintable(o.out)); // no trailing blanks

    const Output oldest = run({u"list"_s, u"--oldest-first"_s, u"--limit"_s, u"2"_s});
    QCOMPARE(oldest.out.count(u'\n'), 3);
    QVERIFY(oldest.out.section(u'\n', 1).trimmed().startsWith(u"1 "_s));

    const Output json = run({u"list"_s, u"--json"_s, u"--all"_s});
    const QJsonArray array = QJsonDocument::fromJson(json.out.toUtf8()).array();
    QCOMPARE(array.size(), 5);
    QCOMPARE(array.at(2).toObject().value("status"_L1).toString(), u"incomplete"_s);
}

void TestAuditCommands::listFilters_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QList<int>>("ids");
    QTest::newRow("operator") << QStringList{u"--operator"_s, u"bob"_s} << QList<int>{3};
    QTest::newRow("vip") << QStringList{u"--vip"_s, u"web"_s} << QList<int>{1, 2};
    QTest::newRow("host") << QStringList{u"--host"_s, u"lb1"_s} << QList<int>{1, 2, 4, 5};
    QTest::newRow("server") << QStringList{u"--server"_s, u"api-01"_s} << QList<int>{4, 5};
    QTest::newRow("action") << QStringList{u"--action"_s, u"reload"_s} << QList<int>{3};
    QTest::newRow("incomplete") << QStringList{u"--incomplete"_s} << QList<int>{3};
    // Free text: the reason (a completion by its intent's), a result's message with quotes.
    QTest::newRow("search reason") << QStringList{u"--search"_s, u"chg-7"_s} << QList<int>{3};
    QTest::newRow("search quotes")
        << QStringList{u"--search"_s, u"\"urgent\""_s} << QList<int>{4, 5};
    QTest::newRow("search message")
        << QStringList{u"--search"_s, u"permission \"x\""_s} << QList<int>{5};
    QTest::newRow("search and filter")
        << QStringList{u"--search"_s, u"api-01"_s, u"--since"_s, u"150m"_s} << QList<int>{4, 5};
    // The clock stands 4 h after record 1; records are 1 h apart.
    QTest::newRow("since relative") << QStringList{u"--since"_s, u"150m"_s} << QList<int>{3, 4, 5};
    QTest::newRow("until absolute")
        << QStringList{u"--until"_s, u"2026-01-01T13:00:00Z"_s} << QList<int>{1};
    QTest::newRow("since date") << QStringList{u"--since"_s, u"2026-01-02"_s} << QList<int>{};
}

void TestAuditCommands::listFilters()
{
    QFETCH(QStringList, args);
    QFETCH(QList<int>, ids);
    const Output o = run(QStringList{u"list"_s, u"--json"_s, u"--oldest-first"_s} + args);
    QCOMPARE(o.code, int(AuditExitOk));
    QList<int> got;
    for (const QJsonValue &v : QJsonDocument::fromJson(o.out.toUtf8()).array())
        got << v.toObject().value("id"_L1).toInt();
    QCOMPARE(got, ids);
}

void TestAuditCommands::show()
{
    const Output three = run({u"show"_s, u"3"_s});
    QCOMPARE(three.code, int(AuditExitOk));
    QVERIFY(three.out.contains(u"INCOMPLETE"_s));
    QVERIFY(three.out.contains(u"CHG-7"_s));
    QVERIFY(three.out.contains(u"vip=mail host=lb2"_s));

    const Output five = run({u"show"_s, u"5"_s, u"--json"_s});
    const QJsonObject o = QJsonDocument::fromJson(five.out.toUtf8()).object();
    QCOMPARE(o.value("intent_id"_L1).toInt(), 4);
    QCOMPARE(o.value("results"_L1).toArray().first().toObject().value("outcome"_L1).toString(),
             u"failed"_s);

    const Output missing = run({u"show"_s, u"99"_s});
    QCOMPARE(missing.code, int(AuditExitError));
    QVERIFY(missing.err.contains(u"99"_s));
}

void TestAuditCommands::exportCsvReadsBack()
{
    const Output o = run({u"export"_s, u"--csv"_s});
    QCOMPARE(o.code, int(AuditExitOk));
    const QList<QStringList> rows = parseCsv(o.out);
    QCOMPARE(rows.size(), 6);
    QCOMPARE(rows.first(), auditCsvColumns());

    auto store = AuditStore::open(m_config, m_clock);
    QVERIFY(store);
    for (qint64 id = 1; id <= 5; ++id) {
        const AuditRecord r = *(*store)->record(id);
        QCOMPARE(rows.at(id), auditRecordCsvFields(r));
    }
    // Spot checks of what a spreadsheet user sees.
    const int reason = int(auditCsvColumns().indexOf(u"reason"_s));
    QCOMPARE(rows.at(4).at(reason), u"INC-2, \"urgent\"\nsecond line"_s);
    QCOMPARE(rows.at(3).at(auditCsvColumns().indexOf(u"status"_s)), u"incomplete"_s);
    const auto results =
        auditResultsFromJson(rows.at(5).at(auditCsvColumns().indexOf(u"results"_s)).toUtf8());
    QVERIFY(results);
    QCOMPARE(results->first().message, u"socket: permission denied, \"x\""_s);

    const Output filtered = run({u"export"_s, u"--csv"_s, u"--operator"_s, u"bob"_s});
    QCOMPARE(parseCsv(filtered.out).size(), 2);
}

void TestAuditCommands::exportJsonReadsBack()
{
    const Output o = run({u"export"_s, u"--json"_s});
    QCOMPARE(o.code, int(AuditExitOk));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(o.out.toUtf8(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonArray array = doc.array();
    QCOMPARE(array.size(), 5);
    auto store = AuditStore::open(m_config, m_clock);
    QVERIFY(store);
    for (qint64 id = 1; id <= 5; ++id)
        QCOMPARE(array.at(id - 1).toObject(), auditRecordToJson(*(*store)->record(id)));
    const QJsonObject four = array.at(3).toObject();
    QCOMPARE(four.value("reason"_L1).toString(), u"INC-2, \"urgent\"\nsecond line"_s);
    QCOMPARE(four.value("targets"_L1).toArray().first().toObject().value("server"_L1).toString(),
             u"api-01"_s);
    QCOMPARE(four.value("completed_by"_L1).toInt(), 5);
    QVERIFY(array.at(0).toObject().value("intent_id"_L1).isNull());

    const Output empty = run({u"export"_s, u"--json"_s, u"--vip"_s, u"none"_s});
    QCOMPARE(QJsonDocument::fromJson(empty.out.toUtf8()).array().size(), 0);
}

void TestAuditCommands::verifyIntact()
{
    const Output o = run({u"verify"_s});
    QCOMPARE(o.code, int(AuditExitOk));
    QVERIFY2(o.out.contains(u"5 records"_s), qPrintable(o.out));
    const Output json = run({u"verify"_s, u"--json"_s});
    const QJsonObject obj = QJsonDocument::fromJson(json.out.toUtf8()).object();
    QCOMPARE(obj.value("ok"_L1).toBool(), true);
    QCOMPARE(obj.value("checked"_L1).toInt(), 5);
}

void TestAuditCommands::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("nothing") << QStringList{};
    QTest::newRow("unknown command") << QStringList{u"purge"_s};
    QTest::newRow("show without id") << QStringList{u"show"_s};
    QTest::newRow("show bad id") << QStringList{u"show"_s, u"x"_s};
    QTest::newRow("export without format") << QStringList{u"export"_s};
    QTest::newRow("both formats") << QStringList{u"export"_s, u"--csv"_s, u"--json"_s};
    QTest::newRow("bad time") << QStringList{u"list"_s, u"--since"_s, u"yesterday"_s};
    QTest::newRow("bad limit") << QStringList{u"list"_s, u"--limit"_s, u"0"_s};
    QTest::newRow("unknown option") << QStringList{u"list"_s, u"--colour"_s};
    QTest::newRow("extra argument") << QStringList{u"verify"_s, u"now"_s};
}

void TestAuditCommands::usageErrors()
{
    QFETCH(QStringList, args);
    const Output o = run(args);
    QCOMPARE(o.code, int(AuditExitUsage));
    QVERIFY(o.out.isEmpty());
    QVERIFY(o.err.contains(u"usage:"_s));
}

void TestAuditCommands::help()
{
    // Asked for, help is an answer: standard output, exit 0, every option.
    for (const QStringList &args :
         {QStringList{u"--help"_s}, QStringList{u"-h"_s}, QStringList{u"list"_s, u"--help"_s}}) {
        const Output o = run(args);
        QCOMPARE(o.code, int(AuditExitOk));
        QVERIFY2(o.err.isEmpty(), qPrintable(o.err));
        QVERIFY2(o.out.startsWith(u"usage: vipdeckctl audit list"_s), qPrintable(o.out));
        for (const QString &option :
             {u"--since T"_s, u"--anchor ID:HASH"_s, u"--oldest-first"_s, u"-h, --help"_s})
            QVERIFY2(o.out.contains(option), qPrintable(option + u'\n' + o.out));
    }
}

void TestAuditCommands::unavailableStore()
{
    TempDir dir;
    dir.write(u"file"_s, "x");
    const Output o = run({u"list"_s}, AuditStoreConfig::sqlite(dir.filePath(u"file/a.sqlite"_s)));
    QCOMPARE(o.code, int(AuditExitError));
    QVERIFY2(o.err.contains(dir.filePath(u"file/a.sqlite"_s)), qPrintable(o.err));
}

void TestAuditCommands::parseTime_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected");
    const QDateTime now = FixedClock().now();
    QTest::newRow("date") << u"2026-03-01"_s << QDateTime(QDate(2026, 3, 1), QTime(0, 0), Qt::UTC);
    QTest::newRow("no zone = UTC")
        << u"2026-03-01T14:30"_s << QDateTime(QDate(2026, 3, 1), QTime(14, 30), Qt::UTC);
    QTest::newRow("offset") << u"2026-03-01T14:30:00+02:00"_s
                            << QDateTime(QDate(2026, 3, 1), QTime(12, 30), Qt::UTC);
    QTest::newRow("minutes") << u"90m"_s << now.addSecs(-90 * 60);
    QTest::newRow("hours") << u"24h"_s << now.addDays(-1);
    QTest::newRow("days") << u"7d"_s << now.addDays(-7);
    QTest::newRow("junk") << u"last week"_s << QDateTime();
}

void TestAuditCommands::parseTime()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);
    const FixedClock clock;
    auto t = parseAuditTime(text, clock);
    QCOMPARE(t.ok(), expected.isValid());
    if (t)
        QCOMPARE(*t, expected);
}

void TestAuditCommands::readersNeverCreateAStore_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("relative");
    QTest::newRow("verify, file deleted") << QStringList{u"verify"_s} << u"audit.sqlite"_s;
    QTest::newRow("verify, no directory")
        << QStringList{u"verify"_s} << u"gone/vipdeck/audit.sqlite"_s;
    QTest::newRow("verify --json") << QStringList{u"verify"_s, u"--json"_s} << u"a.sqlite"_s;
    QTest::newRow("list") << QStringList{u"list"_s} << u"gone/audit.sqlite"_s;
    QTest::newRow("show") << QStringList{u"show"_s, u"1"_s} << u"gone/audit.sqlite"_s;
    QTest::newRow("export") << QStringList{u"export"_s, u"--csv"_s} << u"gone/audit.sqlite"_s;
    QTest::newRow("anchor") << QStringList{u"anchor"_s} << u"gone/audit.sqlite"_s;
}

void TestAuditCommands::readersNeverCreateAStore()
{
    QFETCH(QStringList, args);
    QFETCH(QString, relative);
    TempDir dir;
    const QString path = dir.filePath(relative);
    const Output o = run(args, AuditStoreConfig::sqlite(path));
    QCOMPARE(o.code, int(AuditExitError));
    QVERIFY2(o.out.isEmpty(), qPrintable(o.out));
    QVERIFY2(o.err.contains(u"no audit log at "_s + path), qPrintable(o.err));
    QVERIFY2(o.err.contains(u"restore it from a backup"_s), qPrintable(o.err));
    QVERIFY(!o.err.contains(u"intact"_s));
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList{});
}

// Records written before reasons were checked may hold control characters:
// text output shows them, it never lets them act on the terminal.
void TestAuditCommands::textOutputEscapesControlCharacters()
{
    TempDir dir;
    const QString path = dir.filePath(u"audit.sqlite"_s);
    QVERIFY(AuditStore::open(AuditStoreConfig::sqlite(path), m_clock));
    AuditRecord legacy;
    legacy.kind = AuditKind::Intent;
    legacy.operatorName = u"eve"_s;
    legacy.workstation = u"ws\x07"_s;
    legacy.action = u"drain"_s;
    legacy.targets = {{u"web"_s, u"lb1"_s, u"be_web"_s, u"web\x1b[31m-07"_s}};
    legacy.reason = u"INC-9\x1b[2K\rReason:       approved by CISO\nSSH user:     root"_s;
    QCOMPARE(appendLegacyRecord(path, legacy), 1);

    const Output show = run({u"show"_s, u"1"_s}, AuditStoreConfig::sqlite(path));
    QCOMPARE(show.code, int(AuditExitOk));
    for (const QChar c : show.out)
        QVERIFY2(c == u'\n' || !isControlCharacter(c), qPrintable(show.out));
    QVERIFY2(
        show.out.contains(
            u"Reason:       INC-9\\x1b[2K\\rReason:       approved by CISO\\nSSH user:     root\n"_s),
        qPrintable(show.out));
    QVERIFY2(show.out.contains(u"server=web\\x1b[31m-07"_s), qPrintable(show.out));
    QVERIFY2(show.out.contains(u"Workstation:  ws\\x07\n"_s), qPrintable(show.out));
    // One line per field: the reason did not add a line of its own.
    QCOMPARE(show.out.count(u"\nReason:"_s), 1);
    QCOMPARE(show.out.count(u"\nSSH user:"_s), 1);

    const Output list = run({u"list"_s}, AuditStoreConfig::sqlite(path));
    QCOMPARE(list.code, int(AuditExitOk));
    QCOMPARE(list.out.count(u'\n'), 2); // the heading and the record
    QVERIFY2(list.out.contains(u"INC-9\\x1b[2K\\r"_s), qPrintable(list.out));

    // JSON keeps the exact text (escaped the JSON way).
    const Output json = run({u"show"_s, u"1"_s, u"--json"_s}, AuditStoreConfig::sqlite(path));
    QCOMPARE(QJsonDocument::fromJson(json.out.toUtf8()).object().value("reason"_L1).toString(),
             legacy.reason);
}

void TestAuditCommands::exportCsvNeutralisesFormulas()
{
    TempDir dir;
    const AuditStoreConfig config = AuditStoreConfig::sqlite(dir.filePath(u"audit.sqlite"_s));
    const QStringList reasons = {u"=HYPERLINK(\"http://evil.example/\",\"INC-1\")"_s,
                                 u"+1+1"_s,
                                 u"-2+3"_s,
                                 u"@SUM(A1:A2)"_s,
                                 u"=1+2 INC-3"_s, // (a leading tab is trimmed by the store)
                                 u"INC-7 = ok"_s};
    {
        auto store = AuditStore::open(config, m_clock);
        QVERIFY(store);
        for (const QString &reason : reasons)
            QVERIFY((*store)->beginAction(makeIntent(
                u"drain"_s, {{u"web"_s, u"lb1"_s, u"be"_s, u"=cmd|' /C calc'!A0"_s}}, reason)));
    }
    const Output o = run({u"export"_s, u"--csv"_s}, config);
    QCOMPARE(o.code, int(AuditExitOk));
    QVERIFY2(o.out.contains(u",\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"INC-1\"\")\","_s),
             qPrintable(o.out));
    const QList<QStringList> rows = parseCsv(o.out);
    QCOMPARE(rows.size(), reasons.size() + 1);
    const qsizetype reason = auditCsvColumns().indexOf(u"reason"_s);
    const qsizetype targets = auditCsvColumns().indexOf(u"targets"_s);
    for (qsizetype i = 0; i < reasons.size(); ++i) {
        const QString &expected = reasons.at(i);
        const bool formula = !expected.startsWith(u"INC"_s);
        QCOMPARE(rows.at(i + 1).at(reason), formula ? u"'"_s + expected : expected);
        QCOMPARE(rows.at(i + 1).at(0), QString::number(i + 1)); // ids stay numbers
        // The target label starts with "vip=", so it is not a formula.
        QVERIFY(rows.at(i + 1).at(targets).startsWith(u"vip=web"_s));
    }
}

QTEST_GUILESS_MAIN(TestAuditCommands)
#include "tst_auditcommands.moc"
