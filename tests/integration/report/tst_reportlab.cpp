// `vipdeckctl report` against the lab, in-process: all four formats with a
// server DOWN (fault server-down web-01) and an audit entry naming it.  The
// PDF is read by poppler (pdftotext for its words and page numbers, pdftoppm
// for a page image that must not be blank), the HTML parsed as XML, CSV and
// JSON parsed back.

#include "app/cli/cli.h"
#include "core/audit/auditstore.h"
#include "tests/core/report/reportchecks.h"
#include "tests/support/lab.h"
#include "tests/support/testdata.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace vipdeck;
using namespace vipdeck::test;

namespace {

const QString Reason = u"Netzteil prüfen, Lüfter tauschen"_s;

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// VIPDECK_REPORT_DUMP=DIR keeps a copy of a report for a look.
void keep(const QString &path)
{
    const QString dir = qEnvironmentVariable("VIPDECK_REPORT_DUMP");
    if (!dir.isEmpty()) {
        QFile::remove(dir + u"/lab-"_s + QFileInfo(path).fileName());
        QFile::copy(path, dir + u"/lab-"_s + QFileInfo(path).fileName());
    }
}

} // namespace

class TestReportLab : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void json();
    void csv();
    void html();
    void pdf();
    void unreachableHost();
    void usageErrors();

private:
    // Runs `vipdeckctl report ARGS` in-process; returns the exit code.
    int report(const QStringList &args, QString *errors = nullptr);

    Lab m_lab;
    TempDir m_dir;
    std::unique_ptr<LabFault> m_fault;
    QStringList m_vips;
    QString m_auditUrl;
};

int TestReportLab::report(const QStringList &args, QString *errors)
{
    cli::StringConsole console;
    const int code = cli::run(QStringList{u"report"_s, u"--fleet"_s, m_lab.fleetFile(),
                                          u"--audit"_s, m_auditUrl, u"--since"_s, u"1h"_s} +
                                  args,
                              console);
    if (errors)
        *errors = console.errors();
    return code;
}

void TestReportLab::initTestCase()
{
    m_lab = Lab::fromEnvironment();
    if (!m_lab.isAvailable())
        QFAIL("needs the lab: run through ctest (fixture lab) or set VIPDECK_LAB_DIR");
    for (const QString &tool : {u"pdftotext"_s, u"pdftoppm"_s}) {
        if (QStandardPaths::findExecutable(tool).isEmpty())
            QFAIL(qPrintable(tool + u" is missing: apt-get install poppler-utils"_s));
    }
    for (const QJsonValue &v : m_lab.state()[u"vips"_s].toArray())
        m_vips << (v.isObject() ? v.toObject()[u"name"_s].toString() : v.toString());
    QVERIFY2(m_vips.contains(u"web"_s), qPrintable(m_vips.join(u',')));

    // Someone drained web-01 and said why; then the server went DOWN.
    m_auditUrl = m_dir.filePath(u"audit.sqlite"_s);
    {
        auto store = AuditStore::open(AuditStoreConfig::sqlite(m_auditUrl));
        QVERIFY2(store, qPrintable(store ? QString() : store.error().toString()));
        AuditIntent intent;
        intent.action = u"drain"_s;
        intent.targets = {AuditTarget{u"web"_s, u"lb1"_s, u"web"_s, u"web-01"_s}};
        intent.reason = Reason;
        intent.operatorName = u"tester"_s;
        intent.workstation = u"labhost"_s;
        const Result<qint64> id = (*store)->beginAction(intent);
        QVERIFY(id);
        AuditCompletion done;
        done.results = {AuditTargetResult{intent.targets[0], AuditOutcome::Ok, u"drained"_s}};
        QVERIFY((*store)->completeAction(*id, done));
    }

    m_fault = std::make_unique<LabFault>(m_lab, QStringList{u"server-down"_s, u"web-01"_s});
    QVERIFY2(m_fault->injected(), qPrintable(m_fault->output()));
    // Wait until vipdeck sees web-01 DOWN on both hosts.
    const QString path = m_dir.filePath(u"wait.json"_s);
    QDeadlineTimer deadline(30000);
    int down = 0;
    while (down < 2 && !deadline.hasExpired()) {
        QString errors;
        QCOMPARE(report({u"--format"_s, u"json"_s, u"-o"_s, path}, &errors), 0);
        const QJsonArray rows =
            QJsonDocument::fromJson(readFile(path))[u"tables"_s][u"servers"_s][u"rows"_s].toArray();
        down = 0;
        for (const QJsonValue &row : rows)
            down += row[u"server"_s] == u"web-01"_s &&
                    row[u"status"_s].toString().startsWith(u"DOWN"_s);
    }
    QCOMPARE(down, 2);
}

void TestReportLab::cleanupTestCase()
{
    m_fault.reset();
}

void TestReportLab::json()
{
    const QString path = m_dir.filePath(u"report.json"_s);
    QString errors;
    QCOMPARE(report({u"--format"_s, u"json"_s, u"-o"_s, path, u"--sample"_s, u"5s"_s}, &errors), 0);
    keep(path);
    QJsonParseError error;
    const QJsonObject root = QJsonDocument::fromJson(readFile(path), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(root[u"summary"_s][u"hosts_reachable"_s].toInt(), 2);
    QCOMPARE(root[u"summary"_s][u"vips_total"_s].toInt(), m_vips.size());
    QCOMPARE(root[u"summary"_s][u"audit_entries"_s].toInt(), 2);
    QCOMPARE(root[u"tables"_s][u"placements"_s][u"rows"_s].toArray().size(), 2 * m_vips.size());
    bool joined = false;
    for (const QJsonValue &row : root[u"tables"_s][u"servers"_s][u"rows"_s].toArray()) {
        if (row[u"server"_s] == u"web-01"_s && row[u"host"_s] == u"lb1"_s) {
            QCOMPARE(row[u"changed_by"_s].toString(), u"tester@labhost"_s);
            QCOMPARE(row[u"reason"_s].toString(), Reason);
            QCOMPARE(row[u"check"_s].toString(), u"L4CON"_s);
            joined = true;
        }
    }
    QVERIFY(joined);
    // Five seconds at the lab's 2 s interval: at least two samples, so charts.
    const QJsonArray charts = root[u"charts"_s].toArray();
    QCOMPARE(charts.size(), 6);
    QCOMPARE(charts[0][u"id"_s].toString(), u"sessions:web"_s); // web is the worst VIP
    QVERIFY(charts[0][u"series"_s][0][u"points"_s].toArray().size() >= 2);
    QVERIFY(charts[0][u"coverage"_s].toString().contains(u"polled by vipdeckctl"_s));
}

void TestReportLab::csv()
{
    const QString path = m_dir.filePath(u"servers.csv"_s);
    QCOMPARE(report({u"--format"_s, u"csv"_s, u"--table"_s, u"servers"_s, u"-o"_s, path}), 0);
    QString error;
    const QList<QStringList> records = parseCsv(readFile(path), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(records.size() >= 3);
    const int server = int(records[0].indexOf(u"server"_s));
    const int reason = int(records[0].indexOf(u"reason"_s));
    QVERIFY(server >= 0 && reason >= 0);
    int web01 = 0;
    for (const QStringList &r : records.mid(1)) {
        QCOMPARE(r.size(), records[0].size());
        web01 += r[server] == u"web-01"_s;
    }
    QCOMPARE(web01, 2);

    const QString placements = m_dir.filePath(u"placements.csv"_s);
    QCOMPARE(report({u"-o"_s, placements}), 0); // format from the suffix
    const QList<QStringList> rows = parseCsv(readFile(placements), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(rows.size(), 1 + 2 * m_vips.size());
    QCOMPARE(rows[0].mid(0, 4), (QStringList{u"vip"_s, u"host"_s, u"verdict"_s, u"announced"_s}));
}

void TestReportLab::html()
{
    const QString path = m_dir.filePath(u"report.html"_s);
    QCOMPARE(report({u"--format"_s, u"html"_s, u"-o"_s, path, u"--sample"_s, u"3s"_s}), 0);
    keep(path);
    const QByteArray html = readFile(path);
    QVERIFY2(xmlError(html).isEmpty(), qPrintable(xmlError(html)));
    for (const QString &vip : m_vips)
        QVERIFY2(html.contains(u"<td>%1</td>"_s.arg(vip).toUtf8()), qPrintable(vip));
    QVERIFY(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    QVERIFY(html.contains(Reason.toUtf8()));
}

void TestReportLab::pdf()
{
    const QString path = m_dir.filePath(u"report.pdf"_s);
    QString errors;
    QCOMPARE(report({u"--format"_s, u"pdf"_s, u"-o"_s, path, u"--sample"_s, u"5s"_s}, &errors), 0);
    keep(path);
    const QByteArray bytes = readFile(path);
    const PdfFile own = readPdf(bytes);
    QVERIFY2(own.error.isEmpty(), qPrintable(own.error));

    QProcess text;
    text.start(u"pdftotext"_s, {u"-layout"_s, path, u"-"_s});
    QVERIFY(text.waitForFinished(30000));
    QCOMPARE(text.exitCode(), 0);
    const QString words = QString::fromUtf8(text.readAllStandardOutput());
    QVERIFY2(text.readAllStandardError().isEmpty(), "poppler complained about the PDF");
    for (const QString &vip : m_vips)
        QVERIFY2(words.contains(vip), qPrintable(vip));
    QVERIFY(words.contains(u"Fleet health report"_s));
    QVERIFY(words.contains(u"degraded"_s)); // web with web-01 DOWN on both hosts
    QVERIFY(words.contains(u"web-01"_s));
    QVERIFY(words.contains(Reason)); // umlauts and back
    for (int page = 1; page <= own.pageCount; ++page)
        QVERIFY2(words.contains(u"Page %1 of %2"_s.arg(page).arg(own.pageCount)),
                 qPrintable(QString::number(page)));

    // A page image: produced, and not blank.
    QProcess image;
    const QString prefix = m_dir.filePath(u"page"_s);
    image.start(u"pdftoppm"_s,
                {u"-png"_s, u"-r"_s, u"60"_s, u"-f"_s, u"1"_s, u"-l"_s, u"1"_s, path, prefix});
    QVERIFY(image.waitForFinished(30000));
    QCOMPARE(image.exitCode(), 0);
    const QByteArray png = readFile(prefix + u"-1.png"_s);
    QVERIFY(png.startsWith("\x89PNG\r\n\x1a\n"));
    QProcess gray;
    gray.start(u"pdftoppm"_s,
               {u"-gray"_s, u"-r"_s, u"30"_s, u"-f"_s, u"1"_s, u"-l"_s, u"1"_s, path, prefix});
    QVERIFY(gray.waitForFinished(30000));
    const QByteArray pgm = readFile(prefix + u"-1.pgm"_s);
    QVERIFY(pgm.startsWith("P5\n"));
    // P5 header: magic, width height, maxval, then one byte per pixel.
    const QList<QByteArray> header = pgm.left(40).split('\n');
    const QList<QByteArray> size = header.value(1).split(' ');
    const qsizetype pixels = size.value(0).toLongLong() * size.value(1).toLongLong();
    QVERIFY(pixels > 0);
    const QByteArray data = pgm.right(pixels);
    qsizetype dark = 0;
    for (char c : data)
        dark += uchar(c) < 160;
    QVERIFY2(dark > pixels / 50, qPrintable(u"%1 of %2 pixels dark"_s.arg(dark).arg(pixels)));
}

void TestReportLab::unreachableHost()
{
    // For cron: the report is still written, the host's verdicts are unknown,
    // and the exit code says some hosts were unreachable.
    LabFault stopped(m_lab, {u"sshd-stop"_s, u"lb2"_s});
    QVERIFY2(stopped.injected(), qPrintable(stopped.output()));
    const QString path = m_dir.filePath(u"unreachable.json"_s);
    QString errors;
    QCOMPARE(report({u"--format"_s, u"json"_s, u"-o"_s, path}, &errors), 3);
    QVERIFY2(errors.contains(u"lb2"_s), qPrintable(errors));
    const QJsonObject root = QJsonDocument::fromJson(readFile(path)).object();
    QCOMPARE(root[u"summary"_s][u"hosts_reachable"_s].toInt(), 1);
    QCOMPARE(root[u"summary"_s][u"hosts_total"_s].toInt(), 2);
    for (const QJsonValue &row : root[u"tables"_s][u"placements"_s][u"rows"_s].toArray()) {
        if (row[u"host"_s] == u"lb2"_s)
            QCOMPARE(row[u"verdict"_s].toString(), u"unknown"_s);
    }
}

void TestReportLab::usageErrors()
{
    QString errors;
    QCOMPARE(report({u"--format"_s, u"docx"_s, u"-o"_s, u"x.docx"_s}, &errors), 2);
    QVERIFY(errors.contains(u"pdf, html, csv, json"_s));
    QCOMPARE(report({u"-o"_s, m_dir.filePath(u"noformat"_s)}, &errors), 2);
    QCOMPARE(report({u"--format"_s, u"pdf"_s, u"-o"_s, u"-"_s}, &errors), 2);
    QCOMPARE(report({u"--format"_s, u"csv"_s, u"--table"_s, u"nope"_s, u"-o"_s,
                     m_dir.filePath(u"nope.csv"_s)},
                    &errors),
             2);
    QVERIFY2(errors.contains(u"placements"_s), qPrintable(errors));
    QVERIFY(!QFile::exists(m_dir.filePath(u"nope.csv"_s)));
    QCOMPARE(report({u"--format"_s, u"json"_s, u"-o"_s, u"/nonexistent/dir/r.json"_s}, &errors), 1);
    QVERIFY2(errors.contains(u"/nonexistent/dir/r.json"_s), qPrintable(errors));
}

QTEST_GUILESS_MAIN(TestReportLab)
#include "tst_reportlab.moc"
