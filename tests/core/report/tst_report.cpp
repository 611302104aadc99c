// Unit tests of the report: the builder on the synthetic fleet, and every
// renderer read back (CSV with an RFC 4180 parser, JSON, HTML as XML, PDF by
// following its own xref table and inflating the pages).

#include "core/common/controlcharacters.h"
#include "core/report/csvrenderer.h"
#include "core/report/htmlrenderer.h"
#include "core/report/jsonrenderer.h"
#include "core/report/pdfrenderer.h"
#include "core/report/reportbuilder.h"
#include "core/report/reportfonts.h"
#include "core/report/reportformat.h"
#include "tests/core/report/reportchecks.h"
#include "tests/support/syntheticfleet.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;
using namespace vipdeck;
using namespace vipdeck::test;

namespace {

const QString UmlautReason = u"Lüfter tauschen (Prüfung ß, 5 € \u2013 \"heiß\" <b>&</b>)"_s;

AuditRecord intent(qint64 id, const QString &action, const AuditTarget &target,
                   const QString &reason, const QDateTime &time)
{
    AuditRecord r;
    r.id = id;
    r.kind = AuditKind::Intent;
    r.time = time;
    r.operatorName = u"alice"_s;
    r.workstation = u"ops1"_s;
    r.action = action;
    r.targets = {target};
    r.reason = reason;
    r.completedBy = id + 1;
    return r;
}

AuditRecord completion(qint64 id, qint64 intentId, const QString &action, AuditOutcome outcome,
                       const QDateTime &time)
{
    AuditRecord r;
    r.id = id;
    r.kind = AuditKind::Completion;
    r.intentId = intentId;
    r.time = time;
    r.operatorName = u"alice"_s;
    r.workstation = u"ops1"_s;
    r.action = action;
    r.results = {AuditTargetResult{{}, outcome, {}}};
    return r;
}

// web@lb1: s1 drained by alice (audited), s2 DOWN by itself; tenant's prefix
// withdrawn on lb3.  Five samples a second apart with rising sessions and 5xx.
ReportInput troubledInput(bool withSamples = true)
{
    Snapshot::Data data = healthyFleet();
    serverIn(data, u"web"_s, u"lb1"_s, 0).adminFlags = AdminFlag::ForcedDrain;
    serverIn(data, u"web"_s, u"lb1"_s, 0).status.raw = u"DRAIN"_s;
    ServerObservation &down = serverIn(data, u"web"_s, u"lb1"_s, 1);
    down.status.state = ServerState::Down;
    down.status.raw = u"DOWN"_s;
    down.checkStatus = u"L4CON"_s;
    for (BgpSessionObservation &bgp : data.hosts[u"lb3"_s].bgpSessions)
        bgp.exportedPrefixes.clear();
    data.hosts[u"lb3"_s].bgpSessions[1].state = BgpState::Active;
    // lb1's sessions: one changed at a known time, one BIRD gave a date only for.
    data.hosts[u"lb1"_s].bgpSessions[0].since = u"13:50:00.000"_s;
    data.hosts[u"lb1"_s].bgpSessions[0].sinceTime =
        QDateTime(QDate(2026, 11, 23), QTime(11, 50), Qt::UTC);
    data.hosts[u"lb1"_s].bgpSessions[1].since = u"2026-11-20"_s;

    ReportInput input;
    const QDateTime now = syntheticNow();
    if (withSamples) {
        for (int i = 0; i < 5; ++i) {
            Snapshot::Data sample = data;
            sample.time = now.addSecs(i - 4);
            for (HaproxyObservation &h : sample.haproxies) {
                h.time = sample.time;
                h.frontends[0].sessions = 10 * (i + 1);
                h.frontends[0].http5xx = h.vip == u"web"_s ? 100 + 7 * i : 0;
            }
            input.samples << Snapshot(sample);
        }
        input.samplesSource = u"test samples"_s;
    }
    for (HaproxyObservation &h : data.haproxies) {
        h.frontends[0].sessions = 50;
        h.frontends[0].http5xx = h.vip == u"web"_s ? 128 : 0;
    }
    input.snapshot = Snapshot(data);
    input.verdicts = evaluateFleet(input.snapshot, now);
    input.since = now.addSecs(-24 * 3600);
    input.until = now;
    input.generator = u"vipdeck test"_s;
    const AuditTarget s1{u"web"_s, u"lb1"_s, u"be"_s, u"s1"_s};
    input.auditWindow << intent(7, u"drain"_s, s1, UmlautReason, now.addSecs(-600))
                      << completion(8, 7, u"drain"_s, AuditOutcome::Ok, now.addSecs(-599))
                      << intent(9, u"reload"_s, {u"tenant"_s, u"lb4"_s, {}, {}}, u"config change"_s,
                                now.addSecs(-300));
    input.auditWindow.last().completedBy.reset();
    return input;
}

// VIPDECK_REPORT_DUMP=DIR keeps the rendered files for a look.
void dump(const QString &name, const QByteArray &bytes)
{
    const QString dir = qEnvironmentVariable("VIPDECK_REPORT_DUMP");
    if (dir.isEmpty())
        return;
    QFile file(dir + u'/' + name);
    if (file.open(QIODevice::WriteOnly))
        file.write(bytes);
}

QString cellText(const ReportTable &t, int row, const QString &key)
{
    return t.rows.value(row).value(t.columnIndex(key)).text;
}

} // namespace

class TestReport : public QObject
{
    Q_OBJECT

private slots:
    void summaryCountsVerdictsAndHosts();
    void matrixShowsWithdrawnPrefix();
    void placementsSayWhatTheObserversHold();
    void serversJoinTheAuditLog();
    void auditWindowMergesCompletions();
    void chartsNeedSamples();
    void chartsOfTheWorstVips();
    void csvRoundTrip();
    void csvQuoting_data();
    void csvQuoting();
    void csvUnknownTable();
    void csvNeutralisesFormulasNotNumbers();
    void auditAnchorAndEscapedText();
    void jsonRoundTrip();
    void htmlIsWellFormed();
    void pdfStructure();
    void pdfLongTableRepeatsHeader();
    void pdfPagesReplayOnAnyCanvas();
    void pdfTextInAnyScript();
    void reportTextWidths();
    void pdfWrap_data();
    void pdfWrap();
    void formatNames();
};

void TestReport::summaryCountsVerdictsAndHosts()
{
    ReportInput input;
    input.snapshot = Snapshot(healthyFleet());
    input.verdicts = evaluateFleet(input.snapshot, syntheticNow());
    const ReportDocument doc = buildReport(input);
    const QList<const ReportSummary *> summaries = doc.summaries();
    QCOMPARE(summaries.size(), 1);
    QHash<QString, QVariant> values;
    for (int i = 0; i < summaries[0]->items.size(); ++i)
        values.insert(summaries[0]->items[i].key, summaries[0]->values[i].value);
    QCOMPARE(values.value(u"vips_total"_s).toInt(), 2);
    QCOMPARE(values.value(u"vips_healthy"_s).toInt(), 2);
    QCOMPARE(values.value(u"vips_critical"_s).toInt(), 0);
    QCOMPARE(values.value(u"hosts_reachable"_s).toInt(), 4);
    QCOMPARE(values.value(u"servers_not_ready"_s).toInt(), 0);
    const ReportTable *servers = doc.table(u"servers"_s);
    QVERIFY(servers);
    QVERIFY(servers->rows.isEmpty());
    QVERIFY(!servers->emptyText.isEmpty());
}

void TestReport::placementsSayWhatTheObserversHold()
{
    // lb2 unreachable; the route reflectors still hold its path for web.
    Snapshot::Data data = vipdeck::test::observedFleet();
    data.hosts[u"lb2"_s].reachable = false;
    data.hosts[u"lb2"_s].error = Error(ErrorCode::ConnectFailed, u"connection refused"_s, u"lb2"_s);
    ReportInput input;
    input.snapshot = Snapshot(data);
    input.verdicts = evaluateFleet(input.snapshot, syntheticNow());
    input.since = syntheticNow().addSecs(-3600);
    input.until = syntheticNow();
    const ReportDocument doc = buildReport(input);
    const ReportTable *placements = doc.table(u"placements"_s);
    QVERIFY(placements);
    int checked = 0;
    for (qsizetype r = 0; r < placements->rows.size(); ++r) {
        if (cellText(*placements, int(r), u"vip"_s) != u"web"_s)
            continue;
        const ReportCell &cell = placements->rows[r][placements->columnIndex(u"announced"_s)];
        QCOMPARE(cell.value, QVariant(true));
        if (cellText(*placements, int(r), u"host"_s) == u"lb2"_s)
            QCOMPARE(cell.text, u"yes (as rr1, rr2 see(s) it)"_s);
        else
            QCOMPARE(cell.text, u"yes"_s); // read from lb1's own BIRD
        ++checked;
    }
    QCOMPARE(checked, 2);
}

void TestReport::matrixShowsWithdrawnPrefix()
{
    const ReportDocument doc = buildReport(troubledInput());
    const ReportTable *matrix = doc.table(u"matrix"_s);
    QVERIFY(matrix);
    QCOMPARE(matrix->columns.size(), 2 + 4); // vip, verdict, lb1..lb4
    const int tenant = cellText(*matrix, 0, u"vip"_s) == u"tenant"_s ? 0 : 1;
    QCOMPARE(cellText(*matrix, tenant, u"vip"_s), u"tenant"_s);
    QCOMPARE(matrix->rows[tenant][matrix->columnIndex(u"host:lb3"_s)].value.toString(),
             u"withdrawn"_s);
    QCOMPARE(matrix->rows[tenant][matrix->columnIndex(u"host:lb1"_s)].value, QVariant());
    QCOMPARE(matrix->rows[1 - tenant][matrix->columnIndex(u"host:lb1"_s)].value.toString(),
             u"announced"_s);
    const ReportTable *bgp = doc.table(u"bgp"_s);
    QVERIFY(bgp);
    QCOMPARE(bgp->rows.size(), 8);
    int active = 0;
    for (const QList<ReportCell> &row : bgp->rows)
        active += row[bgp->columnIndex(u"state"_s)].health == Health::Critical ? 1 : 0;
    QCOMPARE(active, 1);
}

void TestReport::serversJoinTheAuditLog()
{
    const ReportDocument doc = buildReport(troubledInput());
    const ReportTable *servers = doc.table(u"servers"_s);
    QVERIFY(servers);
    QCOMPARE(servers->rows.size(), 2);
    QCOMPARE(cellText(*servers, 0, u"server"_s), u"s1"_s);
    QCOMPARE(cellText(*servers, 0, u"admin"_s), u"drain"_s);
    QCOMPARE(cellText(*servers, 0, u"changed_by"_s), u"alice@ops1"_s);
    QCOMPARE(cellText(*servers, 0, u"reason"_s), UmlautReason);
    QCOMPARE(servers->rows[0][servers->columnIndex(u"audit_id"_s)].value.toLongLong(), 7);
    QCOMPARE(cellText(*servers, 1, u"server"_s), u"s2"_s);
    QCOMPARE(cellText(*servers, 1, u"status"_s), u"DOWN"_s);
    QCOMPARE(servers->rows[1][servers->columnIndex(u"status"_s)].health, Health::Critical);
    QCOMPARE(servers->rows[1][servers->columnIndex(u"audit_id"_s)].value, QVariant());

    // Without the audit log the report says so instead of "not in the audit log".
    ReportInput input = troubledInput();
    input.auditWindow.clear();
    input.auditError = Error(ErrorCode::AuditUnavailable, u"database is locked"_s);
    const ReportDocument without = buildReport(input);
    QCOMPARE(cellText(*without.table(u"servers"_s), 0, u"changed_by"_s),
             u"audit log unavailable"_s);
    QVERIFY(!without.table(u"audit"_s));
}

void TestReport::auditWindowMergesCompletions()
{
    const ReportDocument doc = buildReport(troubledInput());
    const ReportTable *audit = doc.table(u"audit"_s);
    QVERIFY(audit);
    QCOMPARE(audit->rows.size(), 2); // the completion is shown on its intent's row
    QCOMPARE(cellText(*audit, 0, u"outcome"_s), u"ok"_s);
    QCOMPARE(cellText(*audit, 1, u"action"_s), u"reload"_s);
    QCOMPARE(cellText(*audit, 1, u"outcome"_s), u"incomplete"_s);
    QCOMPARE(cellText(*audit, 1, u"targets"_s), u"vip=tenant host=lb4"_s);
}

void TestReport::chartsNeedSamples()
{
    const ReportDocument doc = buildReport(troubledInput(false));
    QVERIFY(doc.charts().isEmpty());
    bool said = false;
    for (const ReportSection &s : doc.sections) {
        for (const ReportBlock &b : s.blocks) {
            if (const auto *p = std::get_if<ReportParagraph>(&b))
                said = said || p->text.startsWith(u"No charts"_s);
        }
    }
    QVERIFY(said);
}

void TestReport::chartsOfTheWorstVips()
{
    ReportInput input = troubledInput();
    // tenant is critical (withdrawn on its primary), web degraded but with 5xx.
    QCOMPARE(worstVips(input, 5), (QStringList{u"tenant"_s, u"web"_s}));
    const ReportDocument doc = buildReport(input);
    const QList<const ReportChart *> charts = doc.charts();
    QCOMPARE(charts.size(), 4);
    QCOMPARE(charts[2]->id, u"sessions:web"_s);
    QCOMPARE(charts[2]->series.size(), 2); // lb1, lb2
    QCOMPARE(charts[2]->series[0].points.size(), 5);
    QCOMPARE(charts[2]->series[0].points.last().value, 50.0);
    QCOMPARE(charts[3]->id, u"http_5xx:web"_s);
    QCOMPARE(charts[3]->series[0].points.size(), 4); // rates between samples
    for (const ReportPoint &p : charts[3]->series[0].points)
        QCOMPARE(p.value, 7.0); // 7 more 5xx each second
    QCOMPARE(charts[1]->series[0].points.first().value, 0.0);
    QVERIFY(charts[0]->coverage.contains(u"5 samples"_s));
    QVERIFY(charts[0]->coverage.contains(u"test samples"_s));

    // Among equals, the VIP with more 5xx during the samples comes first.
    input.verdicts.vips[u"tenant"_s].health = Health::Degraded;
    input.verdicts.vips[u"web"_s].health = Health::Degraded;
    QCOMPARE(worstVips(input, 1), QStringList{u"web"_s});
}

void TestReport::csvRoundTrip()
{
    const ReportDocument doc = buildReport(troubledInput());
    for (const ReportTable *table : doc.tables()) {
        const Result<QByteArray> csv = renderCsv(doc, table->id);
        QVERIFY(csv);
        QString error;
        const QList<QStringList> records = parseCsv(*csv, &error);
        QVERIFY2(error.isEmpty(), qPrintable(table->id + u": "_s + error));
        QCOMPARE(records.size(), table->rows.size() + 1);
        QStringList keys;
        for (const ReportColumn &c : table->columns)
            keys << c.key;
        QCOMPARE(records[0], keys);
        for (int r = 0; r < table->rows.size(); ++r) {
            QCOMPARE(records[r + 1].size(), keys.size());
            for (int c = 0; c < keys.size(); ++c)
                QCOMPARE(records[r + 1][c], reportValueText(table->rows[r][c].value));
        }
    }
    const QList<QStringList> servers = parseCsv(*renderCsv(doc, u"servers"_s), nullptr);
    QCOMPARE(servers[1][servers[0].indexOf(u"reason"_s)], UmlautReason);
    QCOMPARE(servers[1][servers[0].indexOf(u"changed_at"_s)], u"2026-11-23T11:50:00Z"_s);
}

void TestReport::csvQuoting_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("field");
    QTest::newRow("plain") << u"web-01"_s << u"web-01"_s;
    QTest::newRow("comma") << u"a,b"_s << u"\"a,b\""_s;
    QTest::newRow("quote") << u"say \"hi\""_s << u"\"say \"\"hi\"\"\""_s;
    QTest::newRow("newline") << u"one\ntwo"_s << u"\"one\ntwo\""_s;
    QTest::newRow("cr") << u"one\rtwo"_s << u"\"one\rtwo\""_s;
    QTest::newRow("empty") << QString() << QString();
    // OWASP CSV injection: a text cell a spreadsheet would run as a formula
    // gets a leading single quote and is quoted.
    QTest::newRow("formula =") << u"=HYPERLINK(\"http://x\",\"y\")"_s
                               << u"\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""_s;
    QTest::newRow("formula +") << u"+1+1"_s << u"\"'+1+1\""_s;
    QTest::newRow("formula -") << u"-2+3"_s << u"\"'-2+3\""_s;
    QTest::newRow("formula @") << u"@SUM(A1)"_s << u"\"'@SUM(A1)\""_s;
    QTest::newRow("leading tab") << u"\t=1"_s << u"\"'\t=1\""_s;
    QTest::newRow("leading cr") << u"\r=1"_s << u"\"'\r=1\""_s;
    QTest::newRow("= later is fine") << u"a=b"_s << u"a=b"_s;
}

void TestReport::csvQuoting()
{
    QFETCH(QString, value);
    QFETCH(QString, field);
    QCOMPARE(csvField(value), field);
    QString error;
    const QList<QStringList> back = parseCsv((csvField(value) + u",x\r\n"_s).toUtf8(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QString read = csvLooksLikeFormula(value) ? u"'"_s + value : value;
    QCOMPARE(back, (QList<QStringList>{{read, u"x"_s}}));
}

void TestReport::csvNeutralisesFormulasNotNumbers()
{
    ReportDocument doc;
    ReportTable table;
    table.id = u"t"_s;
    table.columns << ReportColumn{u"weight_delta"_s, u"Δ"_s} << ReportColumn{u"note"_s, u"Note"_s}
                  << ReportColumn{u"ratio"_s, u"Ratio"_s};
    ReportCell ratio;
    ratio.value = -0.5;
    table.rows << QList<ReportCell>{ReportCell::fromInt(-3), ReportCell::fromText(u"-3"_s), ratio}
               << QList<ReportCell>{ReportCell::fromInt(4), ReportCell::fromText(u"=1+2"_s),
                                    ReportCell::empty()};
    ReportSection section;
    section.blocks << table;
    doc.sections << section;
    const Result<QByteArray> csv = renderCsv(doc, u"t"_s);
    QVERIFY(csv);
    QCOMPARE(*csv, QByteArray("weight_delta,note,ratio\r\n"
                              "-3,\"'-3\",-0.5\r\n"
                              "4,\"'=1+2\",\r\n"));
}

// The report pins the audit log it read (anchor), and shows control
// characters of older records escaped in every format.
void TestReport::auditAnchorAndEscapedText()
{
    ReportInput input = troubledInput(false);
    const AuditAnchor anchor{10, QByteArray(64, 'c')};
    input.auditAnchor = anchor;
    const QString raw = u"INC-3\x1b[2J\rReason: approved\nby CISO"_s;
    const QString shown = u"INC-3\\x1b[2J\\rReason: approved\\nby CISO"_s;
    input.auditWindow << intent(10, u"drain"_s, {u"web"_s, u"lb1"_s, u"be"_s, u"s1"_s}, raw,
                                syntheticNow().addSecs(-60));
    const ReportDocument doc = buildReport(input);
    QCOMPARE(doc.auditAnchor, anchor.text());

    const QJsonObject json = QJsonDocument::fromJson(renderJson(doc)).object();
    QCOMPARE(json.value(u"audit_anchor"_s).toString(), anchor.text());
    const QJsonArray rows =
        json.value(u"tables"_s).toObject().value(u"audit"_s).toObject().value(u"rows"_s).toArray();
    QCOMPARE(rows.last().toObject().value(u"reason"_s).toString(), shown);

    const QString html = QString::fromUtf8(renderHtml(doc));
    QVERIFY(html.contains(anchor.text()));
    QVERIFY(html.contains(u"vipdeckctl audit verify --anchor "_s + anchor.text()));
    QVERIFY(html.contains(shown));
    for (const QChar c : html)
        QVERIFY2(c == u'\n' || !isControlCharacter(c), "raw control character in the HTML");

    const QByteArray pdfBytes = renderPdf(doc);
    dump(u"report-anchor.pdf"_s, pdfBytes);
    const PdfFile pdf = readPdf(pdfBytes);
    QVERIFY2(pdf.error.isEmpty(), qPrintable(pdf.error));
    QString pdfText;
    for (int p = 0; p < pdf.pageCount; ++p)
        pdfText += pdf.pageText(p).join(u'\n');
    QVERIFY2(pdfText.contains(anchor.text()), qPrintable(pdfText.right(600)));
    QVERIFY2(pdfText.contains(u"\\x1b[2J"_s), qPrintable(pdfText.right(600)));
    QVERIFY(!pdfText.contains(QChar(0x1b)));

    const QList<QStringList> csv = parseCsv(*renderCsv(doc, u"audit"_s), nullptr);
    QCOMPARE(csv.last().at(csv.first().indexOf(u"reason"_s)), shown);

    // No audit log read: no anchor.
    ReportInput missing = troubledInput(false);
    missing.auditError = Error(ErrorCode::AuditMissing, u"no audit log at /x"_s);
    const ReportDocument without = buildReport(missing);
    QVERIFY(without.auditAnchor.isEmpty());
    QVERIFY(
        QJsonDocument::fromJson(renderJson(without)).object().value(u"audit_anchor"_s).isNull());
}

void TestReport::csvUnknownTable()
{
    const Result<QByteArray> csv = renderCsv(buildReport(troubledInput()), u"nope"_s);
    QVERIFY(!csv);
    QCOMPARE(csv.error().code, ErrorCode::InvalidArgument);
    QVERIFY(csv.error().hint.contains(u"placements"_s));
}

void TestReport::jsonRoundTrip()
{
    const ReportDocument doc = buildReport(troubledInput());
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(renderJson(doc), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject root = json.object();
    QCOMPARE(root[u"schema"_s].toString(), u"vipdeck.report/%1"_s.arg(ReportJsonVersion));
    QCOMPARE(root[u"format"_s].toString(), u"vipdeck-report"_s);
    QCOMPARE(root[u"version"_s].toInt(), ReportJsonVersion);
    QCOMPARE(root[u"generated"_s].toString(), u"2026-11-23T12:00:00Z"_s);
    const QJsonObject summary = root[u"summary"_s].toObject();
    QCOMPARE(summary[u"vips_total"_s].toInt(), 2);
    QCOMPARE(summary[u"hosts_reachable"_s].toInt(), 4);
    QCOMPARE(summary[u"audit_entries"_s].toInt(), 3);
    const QJsonObject tables = root[u"tables"_s].toObject();
    for (const ReportTable *table : doc.tables()) {
        const QJsonArray rows = tables[table->id].toObject()[u"rows"_s].toArray();
        QCOMPARE(rows.size(), table->rows.size());
        for (int r = 0; r < rows.size(); ++r) {
            for (int c = 0; c < table->columns.size(); ++c)
                QCOMPARE(rows[r].toObject()[table->columns[c].key],
                         reportValueJson(table->rows[r][c].value));
        }
    }
    const QJsonObject drained = tables[u"servers"_s].toObject()[u"rows"_s].toArray()[0].toObject();
    QCOMPARE(drained[u"reason"_s].toString(), UmlautReason);
    QCOMPARE(drained[u"audit_id"_s].toInt(), 7);
    QVERIFY(
        tables[u"servers"_s].toObject()[u"rows"_s].toArray()[1].toObject()[u"audit_id"_s].isNull());
    // BGP since: a UTC time, or null when BIRD printed a date only.
    const QJsonArray bgp = tables[u"bgp"_s].toObject()[u"rows"_s].toArray();
    QCOMPARE(bgp[0].toObject()[u"host"_s].toString(), u"lb1"_s);
    QCOMPARE(bgp[0].toObject()[u"since"_s].toString(), u"2026-11-23T11:50:00Z"_s);
    QVERIFY(bgp[1].toObject()[u"since"_s].isNull());
    const ReportTable *bgpTable = doc.table(u"bgp"_s);
    QVERIFY(bgpTable);
    QCOMPARE(cellText(*bgpTable, 1, u"since"_s), u"2026-11-20"_s); // people see BIRD's date
    const QJsonObject placement =
        tables[u"placements"_s].toObject()[u"rows"_s].toArray()[0].toObject();
    QVERIFY(placement[u"announced"_s].isBool());
    QVERIFY(placement[u"sessions"_s].isDouble());
    const QJsonArray charts = root[u"charts"_s].toArray();
    QCOMPARE(charts.size(), 4);
    QCOMPARE(charts[3]
                 .toObject()[u"series"_s]
                 .toArray()[0]
                 .toObject()[u"points"_s]
                 .toArray()[0]
                 .toObject()[u"value"_s]
                 .toDouble(),
             7.0);
}

void TestReport::htmlIsWellFormed()
{
    const QByteArray html = renderHtml(buildReport(troubledInput()));
    dump(u"report.html"_s, html);
    QVERIFY2(xmlError(html).isEmpty(), qPrintable(xmlError(html)));
    QVERIFY(html.startsWith("<!DOCTYPE html>"));
    QXmlStreamReader reader(html);
    int svgs = 0;
    int tables = 0;
    bool reasonFound = false;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement() && reader.name() == u"svg"_s) {
            ++svgs;
            QCOMPARE(reader.namespaceUri(), u"http://www.w3.org/2000/svg"_s);
        }
        if (reader.isStartElement() && reader.name() == u"table"_s)
            ++tables;
        if (reader.isCharacters() && reader.text() == UmlautReason)
            reasonFound = true; // escaped on the way out, the same text on the way in
    }
    QCOMPARE(svgs, 4); // two charts for each VIP (three at most; the fleet has two)
    QVERIFY(tables >= 6);
    QVERIFY(reasonFound);
}

void TestReport::pdfStructure()
{
    const ReportDocument doc = buildReport(troubledInput());
    const QByteArray bytes = renderPdf(doc);
    dump(u"report.pdf"_s, bytes);
    const PdfFile pdf = readPdf(bytes);
    QVERIFY2(pdf.error.isEmpty(), qPrintable(pdf.error));
    QVERIFY(pdf.pageCount >= 2);
    QString all;
    for (int p = 0; p < pdf.pageCount; ++p) {
        const QString text = pdf.text(p);
        QVERIFY2(text.contains(u"Page %1 of %2"_s.arg(p + 1).arg(pdf.pageCount)), qPrintable(text));
        QVERIFY(text.contains(u"Fleet health report"_s));
        all += text + u'\n';
    }
    for (const QString &needle :
         {u"web"_s, u"tenant"_s, u"withdrawn"_s, u"alice@ops1"_s, u"BGP sessions per host"_s})
        QVERIFY2(all.contains(needle), qPrintable(needle));
    QVERIFY(all.contains(u"Lüfter"_s));
    // Every font the pages use is in the file.
    QVERIFY(!pdf.fonts.isEmpty());
    QVERIFY2(pdf.notEmbedded.isEmpty(), qPrintable(pdf.notEmbedded.join(u'\n')));
}

// The laid-out pages (what the GUI's preview draws) are the PDF's pages: as
// many, and every text a canvas receives from a page is on that page of the
// file.
void TestReport::pdfPagesReplayOnAnyCanvas()
{
    class TextCanvas final : public ReportCanvas
    {
    public:
        void text(double, double, const QString &t, PdfFont, double, reportstyle::Rgb) override
        {
            ++calls;
            if (!t.trimmed().isEmpty())
                texts << t.simplified();
        }
        void fillRect(double, double, double, double, reportstyle::Rgb) override { ++shapes; }
        void strokeRect(double, double, double, double, reportstyle::Rgb, double) override
        {
            ++shapes;
        }
        void line(double, double, double, double, reportstyle::Rgb, double) override { ++shapes; }
        void polyline(const QList<QPointF> &, reportstyle::Rgb, double) override { ++shapes; }
        void translucentPolygon(const QList<QPointF> &, reportstyle::Rgb) override { ++shapes; }
        QStringList texts;
        int calls = 0;
        int shapes = 0;
    };

    const ReportDocument doc = buildReport(troubledInput());
    const QList<ReportPage> pages = layoutPdfPages(doc);
    const PdfFile pdf = readPdf(renderPdf(doc));
    QVERIFY2(pdf.error.isEmpty(), qPrintable(pdf.error));
    QCOMPARE(int(pages.size()), pdf.pageCount);
    for (int p = 0; p < pages.size(); ++p) {
        TextCanvas texts;
        pages[p].replay(texts);
        // Words as poppler separates them: a text drawn as one run may come
        // back split across lines where the page puts things beside it.
        const QString page = pdf.text(p).simplified();
        for (const QString &t : std::as_const(texts.texts))
            for (const QString &word : t.split(u' '))
                QVERIFY2(page.contains(word), qPrintable(u"page %1: %2"_s.arg(p + 1).arg(word)));
        QVERIFY(texts.shapes > 0);
        QCOMPARE(pages[p].operationCount(), texts.calls + texts.shapes);
    }
}

void TestReport::pdfLongTableRepeatsHeader()
{
    ReportDocument doc;
    doc.title = u"Long"_s;
    doc.generator = u"test"_s;
    ReportTable table;
    table.id = u"long"_s;
    table.title = u"Many rows"_s;
    table.columns << ReportColumn{u"n"_s, u"Number"_s, true}
                  << ReportColumn{u"text"_s, u"Text"_s, false};
    for (int i = 0; i < 300; ++i)
        table.rows << QList<ReportCell>{
            ReportCell::fromInt(i), ReportCell::fromText(u"row %1 "_s.arg(i).repeated(i % 7 + 1))};
    doc.sections << ReportSection{u"s"_s, u"Section"_s, {table}};
    const PdfFile pdf = readPdf(renderPdf(doc));
    QVERIFY2(pdf.error.isEmpty(), qPrintable(pdf.error));
    QVERIFY(pdf.pageCount >= 4);
    QStringList rows;
    for (int p = 0; p < pdf.pageCount; ++p) {
        const QString text = pdf.text(p);
        QVERIFY(text.contains(p == 0 ? u"Many rows"_s : u"Many rows (continued)"_s));
        QVERIFY(text.contains(u"Number"_s)); // the header row on every page
        QVERIFY(text.contains(u"Page %1 of %2"_s.arg(p + 1).arg(pdf.pageCount)));
        // A row's line starts with its number; a wrapped cell's next lines
        // start with its words.
        for (const QString &line : pdf.pageText(p)) {
            const QString first = line.section(u' ', 0, 0);
            bool isNumber = false;
            first.toInt(&isNumber);
            if (isNumber)
                rows << first;
        }
    }
    // Every row once, in order, none lost at a page break.
    QCOMPARE(rows.size(), 300);
    for (int i = 0; i < 300; ++i)
        QCOMPARE(rows[i], QString::number(i));
}

// Names and reasons in any script come out of the PDF as written, in fonts
// the file carries.
void TestReport::pdfTextInAnyScript()
{
    const QString reason = u"Prüfung → ✓ 日本 — JIRA‑42"_s;
    ReportDocument doc;
    doc.title = u"Scripts"_s;
    doc.generator = u"test"_s;
    ReportTable table;
    table.id = u"t"_s;
    table.title = u"Reasons"_s;
    table.columns << ReportColumn{u"reason"_s, u"Reason"_s};
    table.rows << QList<ReportCell>{ReportCell::fromText(reason)};
    // An emoji is drawn from the colour emoji font, as an image in cairo
    // 1.16's PDF: the row shows it, a text search does not find the emoji.
    table.rows << QList<ReportCell>{ReportCell::fromText(u"emoji 🚀 done"_s)};
    doc.sections << ReportSection{u"s"_s, u"Straße Ελλάδα Россия"_s, {table}};
    const QByteArray bytes = renderPdf(doc);
    dump(u"report-scripts.pdf"_s, bytes);
    const PdfFile pdf = readPdf(bytes);
    QVERIFY2(pdf.error.isEmpty(), qPrintable(pdf.error));
    const QString text = pdf.text(0);
    QVERIFY2(text.contains(reason), qPrintable(text));
    QVERIFY2(text.contains(u"Straße Ελλάδα Россия"_s), qPrintable(text));
    QVERIFY2(text.contains(u"emoji"_s) && text.contains(u"done"_s), qPrintable(text));
    QVERIFY2(pdf.notEmbedded.isEmpty(), qPrintable(pdf.notEmbedded.join(u'\n')));
    // The CJK characters came from a font of their own, embedded too.
    QVERIFY2(pdf.fonts.size() >= 2, qPrintable(pdf.fonts.join(u", "_s)));
}

// The layout measures what the PDF draws: wider glyphs are wider, bold wider
// than regular, widths grow with the size, and any script has a width.
void TestReport::reportTextWidths()
{
    QVERIFY(reportTextWidth(u"W"_s, PdfFont::Regular, 10) >
            reportTextWidth(u"i"_s, PdfFont::Regular, 10));
    QVERIFY(reportTextWidth(u"healthy"_s, PdfFont::Bold, 10) >
            reportTextWidth(u"healthy"_s, PdfFont::Regular, 10));
    QCOMPARE(reportTextWidth(u"healthy"_s, PdfFont::Regular, 20),
             2 * reportTextWidth(u"healthy"_s, PdfFont::Regular, 10));
    QVERIFY(reportTextWidth(u"日本"_s, PdfFont::Regular, 10) > 10);
    QCOMPARE(reportTextWidth({}, PdfFont::Regular, 10), 0.0);
}

void TestReport::pdfWrap_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("width");
    QTest::newRow("short") << u"web is healthy"_s << 300.0;
    QTest::newRow("words") << u"HAProxy of web on lb1 could not be read: connection refused"_s
                           << 80.0;
    QTest::newRow("long word") << u"averyveryverylongwordwithoutanyspaces"_s << 40.0;
    QTest::newRow("newlines") << u"one\ntwo three"_s << 200.0;
}

void TestReport::pdfWrap()
{
    QFETCH(QString, text);
    QFETCH(double, width);
    const QStringList lines = wrapPdfText(text, false, 9, width);
    for (const QString &line : lines)
        QVERIFY2(reportTextWidth(line, PdfFont::Regular, 9) <= width, qPrintable(line));
    QString joined = lines.join(QString());
    joined.remove(u' ');
    QString expected = text;
    expected.remove(u' ').remove(u'\n');
    QCOMPARE(joined, expected);
    QCOMPARE(lines.size() > 1,
             reportTextWidth(text, PdfFont::Regular, 9) > width || text.contains(u'\n'));
}

void TestReport::formatNames()
{
    for (const QString &name : reportFormatNames())
        QCOMPARE(reportFormatName(*reportFormatFromName(name)), name);
    QCOMPARE(reportFormatFromName(u"PDF"_s), ReportFormat::Pdf);
    QVERIFY(!reportFormatFromName(u"docx"_s));
}

QTEST_GUILESS_MAIN(TestReport)
#include "tst_report.moc"
