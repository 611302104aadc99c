// File > Export Report, offscreen: the dialog driven through its widgets on
// the synthetic fleet with an audit log of its own.  Every format is
// exported to a temporary folder and read back (PDF by poppler, HTML as XML,
// CSV and JSON parsed); the PDF preview has the file's pages and draws them
// like poppler does; write errors are named; Ctrl+E opens the dialog.

#include "core/audit/auditstore.h"
#include "core/report/pdfrenderer.h"
#include "models/fleetmodels.h"
#include "tests/models/fleetupdates.h"
#include "tests/support/syntheticfleet.h"
#include "tests/support/testdata.h"
#include "views/mainwindow.h"
#include "views/report/painterreportcanvas.h"
#include "views/report/reportexportdialog.h"
#include "views/report/reportexportjob.h"
#include "views/report/reportpagepreview.h"
#include "views/report/reportsamplebuffer.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTableWidget>
#include <QThreadPool>
#include <QToolButton>
#include <QXmlStreamReader>
#include <QtTest>

#include <csignal>
#include <sys/resource.h>

using namespace Qt::StringLiterals;
using namespace vipdeck;

namespace {

const QString DrainReason = u"Lüfter tauschen (Prüfung ß)"_s;

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Runs a poppler tool; its standard output, or nullopt when it failed.
std::optional<QByteArray> poppler(const QString &tool, const QStringList &arguments)
{
    QProcess process;
    process.start(tool, arguments);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0)
        return std::nullopt;
    return process.readAllStandardOutput();
}

int pdfPageCount(const QString &path)
{
    const QByteArray info = poppler(u"pdfinfo"_s, {path}).value_or(QByteArray());
    for (const QByteArray &line : info.split('\n'))
        if (line.startsWith("Pages:"))
            return line.mid(6).trimmed().toInt();
    return -1;
}

// The share of pixels darker than light grey.
double darkShare(const QImage &image)
{
    const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    qsizetype dark = 0;
    for (int y = 0; y < gray.height(); ++y) {
        const uchar *line = gray.constScanLine(y);
        for (int x = 0; x < gray.width(); ++x)
            dark += line[x] < 160;
    }
    return double(dark) / double(qsizetype(gray.width()) * gray.height());
}

// Mean difference (0..255) of two page images averaged over blocks of
// `block` pixels: shapes and positions count, glyph details do not.
double blockDifference(const QImage &a, const QImage &b, int block)
{
    const QImage ga = a.convertToFormat(QImage::Format_Grayscale8);
    const QImage gb = b.convertToFormat(QImage::Format_Grayscale8).scaled(ga.size());
    double sum = 0;
    int blocks = 0;
    for (int by = 0; by + block <= ga.height(); by += block) {
        for (int bx = 0; bx + block <= ga.width(); bx += block) {
            double ma = 0;
            double mb = 0;
            for (int y = by; y < by + block; ++y) {
                for (int x = bx; x < bx + block; ++x) {
                    ma += ga.constScanLine(y)[x];
                    mb += gb.constScanLine(y)[x];
                }
            }
            sum += std::abs(ma - mb) / (block * block);
            ++blocks;
        }
    }
    return blocks ? sum / blocks : 255;
}

template <typename Signal>
bool waitFor(ReportExportDialog &dialog, Signal signal, QList<QVariant> *arguments = nullptr)
{
    QSignalSpy spy(&dialog, signal);
    if (!spy.wait(30000))
        return false;
    if (arguments)
        *arguments = spy.takeFirst();
    return true;
}

} // namespace

class TestReportExport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void exportsEveryFormat_data();
    void exportsEveryFormat();
    void previewPagesMatchThePdf();
    void writeErrorsAreNamed();
    void guiStaysResponsiveWhileBuilding();
    void defaultFileName();
    void sampleBufferStaysBounded();
    void mainWindowOpensTheDialog();
    void defaultFolderExists();

private:
    ReportExportSource source() const;

    test::TempDir m_dir;
    AuditStoreConfig m_audit;
    QList<Snapshot> m_samples;
    FleetUpdate m_latest;
};

void TestReportExport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QCoreApplication::setOrganizationName(u"vipdeck-test"_s);
    QCoreApplication::setApplicationName(u"tst_reportexport"_s);
    QSettings().clear();
    m_audit = AuditStoreConfig::sqlite(m_dir.filePath(u"audit.sqlite"_s));
    {
        Result<std::unique_ptr<AuditStore>> store = AuditStore::open(m_audit);
        QVERIFY2(store, qPrintable(store ? QString() : store.error().toString()));
        AuditIntent intent;
        intent.action = u"drain"_s;
        intent.targets = {AuditTarget{u"web"_s, u"lb1"_s, u"be"_s, u"s1"_s}};
        intent.reason = DrainReason;
        intent.operatorName = u"alice"_s;
        intent.workstation = u"ops1"_s;
        const Result<qint64> id = (*store)->beginAction(intent);
        QVERIFY2(id, qPrintable(id ? QString() : id.error().toString()));
    }

    // web@lb1: s1 drained; five samples a second apart with rising 5xx, in
    // the last minute (the dialog's windows end now).
    Snapshot::Data data = test::healthyFleet();
    test::serverIn(data, u"web"_s, u"lb1"_s, 0).adminFlags = AdminFlag::ForcedDrain;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < 5; ++i) {
        Snapshot::Data sample = data;
        sample.time = now.addSecs(i - 5);
        for (HaproxyObservation &h : sample.haproxies) {
            h.time = sample.time;
            h.frontends[0].sessions = 10 * (i + 1);
            h.frontends[0].http5xx = h.vip == u"web"_s ? 100 + 7 * i : 0;
        }
        m_samples << Snapshot(sample);
    }
    m_latest = test::makeUpdate(data);
}

ReportExportSource TestReportExport::source() const
{
    ReportExportSource s;
    s.fleetFile = u"/etc/vipdeck/prod/fleet.yaml"_s;
    s.latest = m_latest;
    s.samples = m_samples;
    s.samplesSource = u"test samples"_s;
    s.audit = m_audit;
    s.generator = u"vipdeck test"_s;
    return s;
}

void TestReportExport::exportsEveryFormat_data()
{
    QTest::addColumn<ReportFormat>("format");
    QTest::newRow("pdf") << ReportFormat::Pdf;
    QTest::newRow("html") << ReportFormat::Html;
    QTest::newRow("csv") << ReportFormat::Csv;
    QTest::newRow("json") << ReportFormat::Json;
}

void TestReportExport::exportsEveryFormat()
{
    QFETCH(ReportFormat, format);
    ReportExportDialog dialog(source());
    dialog.show();
    auto *formatBox = dialog.findChild<QComboBox *>(u"reportFormat"_s);
    QVERIFY(formatBox);
    formatBox->setCurrentIndex(formatBox->findData(int(format)));
    // The default name follows the format; the folder is ours.
    const QString name = QFileInfo(dialog.outputPath()).fileName();
    QVERIFY2(name.startsWith(u"vipdeck-report-prod-"_s), qPrintable(name));
    QVERIFY2(name.endsWith(u'.' + reportFormatName(format)), qPrintable(name));
    const QString path = m_dir.filePath(name);
    dialog.findChild<QLineEdit *>(u"reportOutputPath"_s)->setText(path);

    QVERIFY(waitFor(dialog, &ReportExportDialog::previewUpdated));
    QVERIFY(!dialog.previewBytes().isEmpty());
    QList<QVariant> finished;
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"reportExport"_s), Qt::LeftButton);
    QVERIFY(waitFor(dialog, &ReportExportDialog::exportFinished, &finished));
    QCOMPARE(finished.value(0).toBool(), true);
    QCOMPARE(finished.value(1).toString(), path);
    const QByteArray bytes = readFile(path);
    QCOMPARE(bytes, dialog.previewBytes()); // the preview showed what was written
    auto *status = dialog.findChild<QLabel *>(u"reportStatus"_s);
    QVERIFY2(status->text().contains(QDir::toNativeSeparators(path)), qPrintable(status->text()));
    QVERIFY(dialog.findChild<QPushButton *>(u"reportOpen"_s)->isVisible());
    QVERIFY(!dialog.isBusy());

    switch (format) {
    case ReportFormat::Pdf: {
        const QString words = QString::fromUtf8(
            poppler(u"pdftotext"_s, {u"-layout"_s, path, u"-"_s}).value_or(QByteArray()));
        QVERIFY(words.contains(u"Fleet health report"_s));
        QVERIFY(words.contains(u"web"_s));
        QVERIFY2(words.contains(DrainReason), "the audit log's reason is in the PDF");
        const int pages = pdfPageCount(path);
        QVERIFY(pages >= 1);
        QCOMPARE(dialog.pagePreview()->pageCount(), pages);
        QVERIFY(words.contains(u"Page %1 of %1"_s.arg(pages)));
        break;
    }
    case ReportFormat::Html: {
        QXmlStreamReader xml(bytes);
        int svgs = 0;
        while (!xml.atEnd())
            if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == u"svg"_s)
                ++svgs;
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(svgs >= 2); // the charts of the worst VIP
        QVERIFY(QString::fromUtf8(bytes).contains(DrainReason));
        QVERIFY(dialog.findChild<QPlainTextEdit *>(u"reportTextPreview"_s)->isVisible());
        break;
    }
    case ReportFormat::Csv: {
        const QList<QByteArray> lines = bytes.split('\n');
        QVERIFY(lines.first().startsWith("vip,"));
        auto *table = dialog.findChild<QTableWidget *>(u"reportTablePreview"_s);
        QVERIFY(table->isVisible());
        QCOMPARE(table->rowCount(), int(lines.size()) - 2); // header, and the final CRLF
        QCOMPARE(table->horizontalHeaderItem(0)->text(), u"vip"_s);
        break;
    }
    case ReportFormat::Json: {
        QJsonParseError error;
        const QJsonObject root = QJsonDocument::fromJson(bytes, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QVERIFY(root[u"tables"_s][u"servers"_s][u"rows"_s].toArray().size() > 0);
        bool audited = false;
        for (const QJsonValue &row : root[u"tables"_s][u"audit"_s][u"rows"_s].toArray())
            audited = audited || row[u"reason"_s].toString() == DrainReason;
        QVERIFY2(audited, "the audit window holds the drain");
        break;
    }
    }
    if (const QString keep = qEnvironmentVariable("VIPDECK_SCREENSHOT_DIR"); !keep.isEmpty())
        dialog.grab().save(keep + u"/report-export-"_s + reportFormatName(format) + u".png"_s);
}

void TestReportExport::previewPagesMatchThePdf()
{
    ReportExportDialog dialog(source());
    dialog.setFormat(ReportFormat::Pdf);
    dialog.show();
    QVERIFY(waitFor(dialog, &ReportExportDialog::previewUpdated));
    const QString path = m_dir.filePath(u"match.pdf"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(dialog.previewBytes());
    file.close();

    ReportPagePreview *preview = dialog.pagePreview();
    const int pages = pdfPageCount(path);
    QCOMPARE(preview->pageCount(), pages);
    QList<QImage> references;
    QList<double> differences;
    for (int page = 0; page < pages; ++page) {
        // Each page as poppler draws it at 72 dpi (a pixel per point) and as
        // the preview draws it: not blank, and alike block by block.
        const QString prefix = m_dir.filePath(u"poppler"_s);
        QVERIFY(poppler(u"pdftoppm"_s,
                        {u"-gray"_s, u"-r"_s, u"72"_s, u"-f"_s, QString::number(page + 1), u"-l"_s,
                         QString::number(page + 1), u"-singlefile"_s, path, prefix})
                    .has_value());
        const QImage reference(prefix + u".pgm"_s);
        QCOMPARE(reference.size(), QSize(842, 595));
        const QImage shown = preview->renderPage(page, 1.0);
        QVERIFY2(darkShare(shown) > 0.005, qPrintable(u"page %1 is blank"_s.arg(page + 1)));
        const double difference = blockDifference(shown, reference, 8);
        qInfo("page %d: preview and poppler differ by %.2f of 255 per 8x8 block, dark %.3f/%.3f",
              page + 1, difference, darkShare(shown), darkShare(reference));
        QVERIFY2(difference < 4,
                 qPrintable(u"page %1 differs by %2"_s.arg(page + 1).arg(difference)));
        references << reference;
        differences << difference;
    }

    // The measure tells pages apart: the first page drawn by the preview
    // is far from poppler's second.
    if (pages > 1) {
        const double other = blockDifference(preview->renderPage(0, 1.0), references[1], 8);
        QVERIFY2(other > 3 * differences[0],
                 qPrintable(u"%1 vs %2"_s.arg(other).arg(differences[0])));
    }

    // Navigation and zoom.
    auto *label = preview->findChild<QLabel *>(u"previewPageLabel"_s);
    QCOMPARE(label->text(), u"Page 1 of %1"_s.arg(pages));
    auto *next = preview->findChild<QToolButton *>(u"previewNextPage"_s);
    QCOMPARE(next->isEnabled(), pages > 1);
    if (pages > 1) {
        QTest::mouseClick(next, Qt::LeftButton);
        QCOMPARE(preview->currentPage(), 1);
        QCOMPARE(label->text(), u"Page 2 of %1"_s.arg(pages));
        QVERIFY(preview->findChild<QToolButton *>(u"previewPreviousPage"_s)->isEnabled());
    }
    auto *image = preview->findChild<QLabel *>(u"previewPageImage"_s);
    preview->setZoom(1.0);
    QCOMPARE(image->pixmap().deviceIndependentSize().toSize(),
             QSize(1123, 793)); // 842 pt at 96 dpi
    preview->setZoom(0.5);
    QCOMPARE(image->pixmap().deviceIndependentSize().toSize(), QSize(561, 397));
    QVERIFY(darkShare(image->pixmap().toImage()) > 0.005);
    if (const QString keep = qEnvironmentVariable("VIPDECK_SCREENSHOT_DIR"); !keep.isEmpty()) {
        preview->setZoom(0);
        dialog.grab().save(keep + u"/report-export-preview.png"_s);
        preview->renderPage(0, 1.5).save(keep + u"/report-preview-page1.png"_s);
    }
}

void TestReportExport::writeErrorsAreNamed()
{
    ReportExportDialog dialog(source());
    dialog.setFormat(ReportFormat::Json);
    // A path below a plain file cannot be created, even by root.
    const QString blocker = m_dir.write(u"blocker"_s, "a file");
    const QString path = blocker + u"/report.json"_s;
    dialog.setOutputPath(path);
    QList<QVariant> finished;
    dialog.exportReport(); // before the preview is built: it waits for it
    QVERIFY(waitFor(dialog, &ReportExportDialog::exportFinished, &finished));
    QCOMPARE(finished.value(0).toBool(), false);
    const QString text = dialog.findChild<QLabel *>(u"reportStatus"_s)->text();
    QVERIFY2(text.contains(QDir::toNativeSeparators(path)), qPrintable(text));
    QVERIFY2(text.contains(u"cannot"_s), qPrintable(text));
    QVERIFY(!dialog.findChild<QPushButton *>(u"reportOpen"_s)->isVisible());
    QVERIFY(!QFileInfo::exists(path));

    // The job alone: a folder as the target.
    const Result<qint64> folder = ReportExportJob::write(m_dir.path(), "x");
    QVERIFY(!folder);
    QVERIFY2(folder.error().toString().contains(u"folder"_s),
             qPrintable(folder.error().toString()));

    // A full disk, as a file size limit: the write fails part-way, the error
    // says why, and no partial file is left behind (QSaveFile).
    {
        const QString full = m_dir.filePath(u"full.pdf"_s);
        rlimit old{};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &old), 0);
        const auto previous = std::signal(SIGXFSZ, SIG_IGN); // EFBIG instead of a signal
        rlimit small = old;
        small.rlim_cur = 4096;
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
        const Result<qint64> written = ReportExportJob::write(full, QByteArray(64 * 1024, 'x'));
        setrlimit(RLIMIT_FSIZE, &old);
        std::signal(SIGXFSZ, previous);
        QVERIFY(!written);
        QVERIFY2(written.error().toString().contains(QDir::toNativeSeparators(full)),
                 qPrintable(written.error().toString()));
        QVERIFY2(written.error().toString().contains(u"too large"_s, Qt::CaseInsensitive),
                 qPrintable(written.error().toString()));
        QVERIFY(!QFileInfo::exists(full));
    }

    // The same dialog then writes where it can.
    const QString good = m_dir.filePath(u"after-error.json"_s);
    dialog.setOutputPath(good);
    dialog.exportReport();
    QVERIFY(waitFor(dialog, &ReportExportDialog::exportFinished, &finished));
    QCOMPARE(finished.value(0).toBool(), true);
    QVERIFY(QJsonDocument::fromJson(readFile(good)).isObject());
}

// A large fleet takes a while to build and render: meanwhile the busy
// indicator shows and the GUI thread keeps running its timers.
void TestReportExport::guiStaysResponsiveWhileBuilding()
{
    // The dialog builds on the global thread pool.  Hold that pool's only
    // thread with a task that waits for the test: the build then cannot
    // finish before the GUI thread has shown it keeps running (timer ticks),
    // whatever the machine's load.  A build on the GUI thread would emit
    // previewUpdated while the pool is still held.
    QThreadPool *pool = QThreadPool::globalInstance();
    const int threads = pool->maxThreadCount();
    QSemaphore gate;
    QSemaphore held;
    pool->setMaxThreadCount(1);
    pool->start([&gate, &held] {
        held.release();
        gate.acquire();
    });
    const auto restore = qScopeGuard([&] {
        if (gate.available() == 0)
            gate.release();
        pool->waitForDone();
        pool->setMaxThreadCount(threads);
    });
    QVERIFY(held.tryAcquire(1, 30000)); // the pool's thread is ours now

    ReportExportSource big = source();
    big.latest = test::makeUpdate(test::scaledFleet(400, 20));
    big.samples.clear();
    ReportExportDialog dialog(big);
    QSignalSpy updated(&dialog, &ReportExportDialog::previewUpdated);
    dialog.setFormat(ReportFormat::Pdf);
    dialog.show();
    auto *busy = dialog.findChild<QProgressBar *>(u"reportBusy"_s);
    QVERIFY(busy->isVisible());
    QTRY_VERIFY(dialog.isBusy()); // the build is queued behind the held thread
    int ticks = 0;
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
    ticker.start(5);
    QTRY_VERIFY(ticks >= 3);
    QVERIFY(dialog.isBusy());
    QCOMPARE(updated.count(), 0);
    QVERIFY(busy->isVisible());

    gate.release();
    QElapsedTimer took;
    took.start();
    QVERIFY(updated.count() > 0 || updated.wait(60000));
    qInfo("%d VIPs: preview built in %lld ms, %d pages; the GUI thread ticked %d times meanwhile",
          400, took.elapsed(), dialog.pagePreview()->pageCount(), ticks);
    QVERIFY(!dialog.isBusy());
    QVERIFY(!busy->isVisible());
    QVERIFY(dialog.pagePreview()->pageCount() > 10);
}

void TestReportExport::defaultFileName()
{
    const QDateTime t(QDate(2026, 11, 23), QTime(19, 5), Qt::UTC);
    QCOMPARE(
        ReportExportJob::defaultFileName(u"/etc/vipdeck/prod/fleet.yaml"_s, ReportFormat::Pdf, t),
        u"vipdeck-report-prod-20261123-1905.pdf"_s);
    QCOMPARE(ReportExportJob::defaultFileName(u"/home/a/edge eu.yaml"_s, ReportFormat::Csv, t),
             u"vipdeck-report-edge-eu-20261123-1905.csv"_s);
}

void TestReportExport::sampleBufferStaysBounded()
{
    // 26 hours polled every 2 s: one sample per 10 s over the last hour, one
    // per 5 min before that, nothing older than 24 h.
    ReportSampleBuffer buffer(nullptr);
    Snapshot::Data data = test::healthyFleet();
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-26 * 3600);
    for (int i = 0; i <= 26 * 1800; ++i) {
        data.time = start.addSecs(2 * i);
        data.sequence = quint64(i + 1);
        buffer.record(Snapshot(data));
    }
    const QDateTime last = data.time;
    const QList<Snapshot> all = buffer.since({});
    QVERIFY(all.first().time() >= last.addSecs(-24 * 3600));
    QVERIFY(all.first().time() <= last.addSecs(-24 * 3600 + 300));
    QCOMPARE(buffer.since(last.addSecs(-3600)).size(), 361);
    QVERIFY2(all.size() <= 361 + 23 * 12 + 1, qPrintable(QString::number(all.size())));
    for (int i = 1; i < all.size(); ++i) {
        const qint64 gap = all[i - 1].time().secsTo(all[i].time());
        QVERIFY(gap >= 10);
        if (all[i].time() < last.addSecs(-3600))
            QVERIFY2(gap >= 300, qPrintable(all[i].time().toString(Qt::ISODate)));
    }
    // What is kept is what the report's charts read: per VIP and host the
    // time, the pid and the frontends' sums; no backends, servers or BIRD.
    const Snapshot whole(data);
    const Snapshot &kept = all.last();
    QCOMPARE(kept.time(), whole.time());
    QCOMPARE(kept.haproxies().size(), whole.haproxies().size());
    for (const HaproxyObservation &h : whole.haproxies()) {
        const HaproxyObservation *k = kept.haproxy(h.vip, h.host);
        QVERIFY(k);
        QCOMPARE(k->time, h.time);
        QCOMPARE(k->pid, h.pid);
        QVERIFY(k->backends.isEmpty());
        QVERIFY(!h.backends.isEmpty());
        qint64 sessions = 0, errors = 0;
        for (const FrontendObservation &fe : h.frontends) {
            sessions += fe.sessions;
            errors += fe.http5xx;
        }
        QCOMPARE(k->frontends.size(), 1);
        QCOMPARE(k->frontends.first().sessions, sessions);
        QCOMPARE(k->frontends.first().http5xx, errors);
    }
    QVERIFY(kept.hosts().isEmpty());
    // The names are held once, not once per sample.
    QVERIFY2(buffer.bytes() < all.size() * (whole.haproxies().size() * 32 + 512) + 16 * 1024,
             qPrintable(QString::number(buffer.bytes())));
    // A restarted poller starts afresh.
    data.sequence = 1;
    data.time = last.addSecs(20);
    buffer.record(Snapshot(data));
    QCOMPARE(buffer.size(), 1);
}

void TestReportExport::mainWindowOpensTheDialog()
{
    MainWindow window;
    window.setAuditStoreConfig(m_audit);
    window.models()->setInventory(m_latest.snapshot.inventory());
    window.models()->applyUpdate(m_latest);
    auto *action = window.findChild<QAction *>(u"actionExportReport"_s);
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence(u"Ctrl+Shift+E"_s));
    action->trigger();
    auto *dialog = window.findChild<ReportExportDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QVERIFY(waitFor(*dialog, &ReportExportDialog::previewUpdated));
    QVERIFY(dialog->pagePreview()->pageCount() >= 1);
    dialog->close();
}

void TestReportExport::defaultFolderExists()
{
    const QString saved = m_dir.filePath(u"last-export"_s);
    const QString documents = m_dir.filePath(u"home/Documents"_s);
    const QString home = m_dir.filePath(u"home"_s);
    // A fresh account: no saved folder, no Documents yet.  It is made.
    QVERIFY(!QFileInfo::exists(documents));
    QCOMPARE(exportDirectory({}, documents, home), documents);
    QVERIFY(QFileInfo(documents).isDir());
    // The last export's folder while it exists; a removed one is not used.
    QVERIFY(QDir().mkpath(saved));
    QCOMPARE(exportDirectory(saved, documents, home), saved);
    QVERIFY(QDir(saved).removeRecursively());
    QCOMPARE(exportDirectory(saved, documents, home), documents);
    // Documents cannot be made (a file is in the way): home.
    QFile blocker(m_dir.filePath(u"blocked"_s));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    QCOMPARE(exportDirectory({}, m_dir.filePath(u"blocked/Documents"_s), home), home);
}

QTEST_MAIN(TestReportExport)
#include "tst_reportexport.moc"
