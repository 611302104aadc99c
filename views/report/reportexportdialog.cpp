#include "views/report/reportexportdialog.h"

#include "views/report/reportpagepreview.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

const QString DirectoryKey = u"report/exportDirectory"_s;

// The CSV renderer's output read back for the table preview (RFC 4180).
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text[i + 1] == u'"') {
                field += c;
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
        } else if (c == u'\r') {
            continue;
        } else if (c == u'\n') {
            row << field;
            rows << row;
            row.clear();
            field.clear();
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !row.isEmpty())
        rows << (row << field);
    return rows;
}

QString withSuffix(const QString &path, ReportFormat format)
{
    const QFileInfo info(path);
    if (path.isEmpty() || !reportFormatFromName(info.suffix()))
        return path;
    return info.dir().filePath(info.completeBaseName() + u'.' + reportFormatName(format));
}

} // namespace

QString exportDirectory(const QString &saved, const QString &documents, const QString &home)
{
    if (!saved.isEmpty() && QFileInfo(saved).isDir())
        return saved;
    // A fresh account may have no ~/Documents yet: it is the folder meant
    // for this, so it is made.
    if (!documents.isEmpty() && (QFileInfo(documents).isDir() || QDir().mkpath(documents)))
        return documents;
    return home;
}

ReportExportDialog::ReportExportDialog(ReportExportSource source, QWidget *parent)
    : QDialog(parent)
    , m_source(std::move(source))
{
    setObjectName(u"reportExportDialog"_s);
    setWindowTitle(tr("Export Report"));

    m_format = new QComboBox;
    m_format->setObjectName(u"reportFormat"_s);
    m_format->addItem(tr("PDF document"), int(ReportFormat::Pdf));
    m_format->addItem(tr("HTML page"), int(ReportFormat::Html));
    m_format->addItem(tr("CSV table"), int(ReportFormat::Csv));
    m_format->addItem(tr("JSON document"), int(ReportFormat::Json));
    m_csvTable = new QComboBox;
    m_csvTable->setObjectName(u"reportCsvTable"_s);
    for (const QString &table :
         {u"placements"_s, u"vips"_s, u"matrix"_s, u"servers"_s, u"bgp"_s, u"bfd"_s, u"audit"_s})
        m_csvTable->addItem(table, table);
    m_csvTable->setToolTip(tr("A CSV file holds one table of the report."));

    m_window = new QComboBox;
    m_window->setObjectName(u"reportWindow"_s);
    m_window->addItem(tr("Last hour"), int(Window::LastHour));
    m_window->addItem(tr("Last 6 hours"), int(Window::Last6Hours));
    m_window->addItem(tr("Last 24 hours"), int(Window::Last24Hours));
    m_window->addItem(tr("Since…"), int(Window::Custom));
    m_window->setCurrentIndex(2);
    m_since = new QDateTimeEdit(QDateTime::currentDateTime().addDays(-1));
    m_since->setObjectName(u"reportSince"_s);
    m_since->setCalendarPopup(true);
    m_since->setDisplayFormat(u"yyyy-MM-dd HH:mm"_s);
    m_since->setMaximumDateTime(QDateTime::currentDateTime());
    m_since->setEnabled(false);
    auto *windowRow = new QHBoxLayout;
    windowRow->addWidget(m_window);
    windowRow->addWidget(m_since, 1);

    m_path = new QLineEdit;
    m_path->setObjectName(u"reportOutputPath"_s);
    const QString directory = exportDirectory(
        QSettings().value(DirectoryKey).toString(),
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation), QDir::homePath());
    m_path->setText(QDir(directory).filePath(ReportExportJob::defaultFileName(
        m_source.fleetFile, ReportFormat::Pdf, QDateTime::currentDateTimeUtc())));
    m_browse = new QPushButton(tr("Browse…"));
    m_browse->setObjectName(u"reportBrowse"_s);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(m_browse);

    auto *form = new QFormLayout;
    form->addRow(tr("&Format:"), m_format);
    form->addRow(tr("CSV &table:"), m_csvTable);
    // Rows holding a layout get their label's buddy by hand.
    auto *windowLabel = new QLabel(tr("&Window:"));
    windowLabel->setBuddy(m_window);
    form->addRow(windowLabel, windowRow);
    auto *pathLabel = new QLabel(tr("&Save as:"));
    pathLabel->setBuddy(m_path);
    form->addRow(pathLabel, pathRow);

    m_pages = new ReportPagePreview;
    m_pages->setObjectName(u"reportPagePreview"_s);
    m_text = new QPlainTextEdit;
    m_text->setObjectName(u"reportTextPreview"_s);
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_table = new QTableWidget;
    m_table->setObjectName(u"reportTablePreview"_s);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_previewStack = new QStackedWidget;
    m_previewStack->setObjectName(u"reportPreviewStack"_s);
    m_previewStack->addWidget(m_pages);
    m_previewStack->addWidget(m_text);
    m_previewStack->addWidget(m_table);
    m_previewNote = new QLabel;
    m_previewNote->setObjectName(u"reportPreviewNote"_s);
    m_previewNote->setWordWrap(true);

    m_busy = new QProgressBar;
    m_busy->setObjectName(u"reportBusy"_s);
    m_busy->setRange(0, 0); // busy, no percentage: the builder reports no progress
    m_busy->setMaximumWidth(160);
    m_busyLabel = new QLabel;
    m_status = new QLabel;
    m_status->setObjectName(u"reportStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_open = new QPushButton(tr("Open"));
    m_open->setObjectName(u"reportOpen"_s);
    m_open->hide();
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_busy);
    statusRow->addWidget(m_busyLabel);
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_open);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    m_export = m_buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    m_export->setObjectName(u"reportExport"_s);
    m_export->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_previewNote);
    layout->addWidget(m_previewStack, 1);
    layout->addLayout(statusRow);
    layout->addWidget(m_buttons);
    resize(960, 760);

    m_previewTimer = new QTimer(this);
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(150); // one rebuild for a burst of changes
    connect(m_previewTimer, &QTimer::timeout, this, &ReportExportDialog::startPreview);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ReportExportDialog::formatChanged);
    connect(m_csvTable, &QComboBox::currentIndexChanged, this,
            &ReportExportDialog::schedulePreview);
    connect(m_window, &QComboBox::currentIndexChanged, this, [this] {
        m_since->setEnabled(Window(m_window->currentData().toInt()) == Window::Custom);
        schedulePreview();
    });
    connect(m_since, &QDateTimeEdit::dateTimeChanged, this, &ReportExportDialog::schedulePreview);
    connect(m_browse, &QPushButton::clicked, this, &ReportExportDialog::chooseFile);
    connect(m_path, &QLineEdit::textChanged, this, [this] {
        m_status->clear();
        m_open->hide();
    });
    connect(m_open, &QPushButton::clicked, this,
            [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(m_writingPath)); });
    connect(m_export, &QPushButton::clicked, this, &ReportExportDialog::exportReport);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(&m_generateWatcher, &QFutureWatcher<ReportExportResult>::finished, this,
            &ReportExportDialog::previewFinished);
    connect(&m_writeWatcher, &QFutureWatcher<Result<qint64>>::finished, this,
            &ReportExportDialog::writeFinished);

    formatChanged();
}

ReportExportDialog::~ReportExportDialog() = default;

void ReportExportDialog::setFormat(ReportFormat format)
{
    m_format->setCurrentIndex(m_format->findData(int(format)));
}

ReportFormat ReportExportDialog::format() const
{
    return ReportFormat(m_format->currentData().toInt());
}

void ReportExportDialog::setWindow(Window window, const QDateTime &customSince)
{
    if (customSince.isValid())
        m_since->setDateTime(customSince.toLocalTime());
    m_window->setCurrentIndex(m_window->findData(int(window)));
}

QDateTime ReportExportDialog::since() const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    switch (Window(m_window->currentData().toInt())) {
    case Window::LastHour:
        return now.addSecs(-3600);
    case Window::Last6Hours:
        return now.addSecs(-6 * 3600);
    case Window::Last24Hours:
        return now.addSecs(-24 * 3600);
    case Window::Custom:
        return m_since->dateTime().toUTC();
    }
    return now.addSecs(-24 * 3600);
}

void ReportExportDialog::setOutputPath(const QString &path)
{
    m_path->setText(path);
}

QString ReportExportDialog::outputPath() const
{
    return m_path->text().trimmed();
}

ReportExportRequest ReportExportDialog::request() const
{
    ReportExportRequest r;
    r.latest = m_source.latest;
    r.since = since();
    r.until = QDateTime::currentDateTimeUtc();
    for (const Snapshot &s : m_source.samples)
        if (s.time() >= r.since)
            r.samples << s;
    r.samplesSource = m_source.samplesSource;
    r.audit = m_source.audit;
    r.history = m_source.history;
    r.format = format();
    r.csvTable = m_csvTable->currentData().toString();
    r.generator = m_source.generator;
    return r;
}

void ReportExportDialog::formatChanged()
{
    const ReportFormat f = format();
    m_csvTable->setEnabled(f == ReportFormat::Csv);
    m_path->setText(withSuffix(m_path->text(), f));
    schedulePreview();
}

void ReportExportDialog::schedulePreview()
{
    ++m_settingsSerial;
    m_status->clear();
    m_open->hide();
    m_previewTimer->start();
    updateBusy();
}

void ReportExportDialog::startPreview()
{
    m_previewTimer->stop();
    if (m_generating)
        return; // previewFinished() starts again: the settings changed meanwhile
    m_generating = true;
    m_generatingSerial = m_settingsSerial;
    m_generateWatcher.setFuture(ReportExportJob::generateAsync(request()));
    updateBusy();
}

void ReportExportDialog::previewFinished()
{
    m_generating = false;
    const ReportExportResult result = m_generateWatcher.result();
    if (m_generatingSerial != m_settingsSerial) {
        startPreview();
        return;
    }
    m_previewSerial = m_generatingSerial;
    showPreview(result);
    updateBusy();
    emit previewUpdated();
    if (m_exportPending) {
        m_exportPending = false;
        if (result.bytes)
            startWrite();
        else
            emit exportFinished(false, outputPath());
    }
}

void ReportExportDialog::showPreview(const ReportExportResult &result)
{
    m_previewBytes.clear();
    QStringList notes;
    if (result.auditError)
        notes << tr("The audit log could not be read (%1): the report says so and lists no "
                    "changes.")
                     .arg(result.auditError->toString());
    if (!result.bytes) {
        showError(tr("The report could not be built: %1").arg(result.bytes.error().toString()));
        m_pages->setPages({});
        m_text->clear();
        m_table->clear();
        m_previewNote->setText(notes.join(u' '));
        return;
    }
    m_previewBytes = *result.bytes;
    switch (format()) {
    case ReportFormat::Pdf:
        m_pages->setPages(result.pages);
        m_previewStack->setCurrentWidget(m_pages);
        notes.prepend(tr("%n page(s), %1 KiB.", nullptr, int(result.pages.size()))
                          .arg(QString::number(double(m_previewBytes.size()) / 1024.0, 'f', 1)));
        break;
    case ReportFormat::Html:
    case ReportFormat::Json:
        m_text->setPlainText(QString::fromUtf8(m_previewBytes));
        m_previewStack->setCurrentWidget(m_text);
        notes.prepend(tr("%1 KiB of %2.")
                          .arg(QString::number(double(m_previewBytes.size()) / 1024.0, 'f', 1),
                               reportFormatName(format()).toUpper()));
        break;
    case ReportFormat::Csv: {
        const QList<QStringList> rows = parseCsv(QString::fromUtf8(m_previewBytes));
        m_table->clear();
        m_table->setColumnCount(rows.isEmpty() ? 0 : int(rows.first().size()));
        m_table->setRowCount(rows.isEmpty() ? 0 : int(rows.size()) - 1);
        if (!rows.isEmpty())
            m_table->setHorizontalHeaderLabels(rows.first());
        for (int r = 1; r < rows.size(); ++r)
            for (int c = 0; c < rows[r].size(); ++c)
                m_table->setItem(r - 1, c, new QTableWidgetItem(rows[r][c]));
        m_table->resizeColumnsToContents();
        m_previewStack->setCurrentWidget(m_table);
        notes.prepend(tr("%n row(s) of the table \u201c%1\u201d.", nullptr, m_table->rowCount())
                          .arg(m_csvTable->currentText()));
        break;
    }
    }
    m_previewNote->setText(notes.join(u' '));
}

void ReportExportDialog::exportReport()
{
    if (m_writing)
        return;
    if (outputPath().isEmpty()) {
        showError(tr("Choose where to save the report."));
        emit exportFinished(false, {});
        return;
    }
    if (m_previewSerial == m_settingsSerial && !m_generating && !m_previewTimer->isActive()) {
        startWrite();
        return;
    }
    // The preview is being rebuilt: write what it will show.
    m_exportPending = true;
    if (!m_generating)
        startPreview();
}

void ReportExportDialog::startWrite()
{
    if (m_previewBytes.isEmpty()) {
        emit exportFinished(false, outputPath());
        return;
    }
    m_writing = true;
    m_writingPath = QDir::cleanPath(QDir::fromNativeSeparators(outputPath()));
    m_writeWatcher.setFuture(ReportExportJob::writeAsync(m_writingPath, m_previewBytes));
    updateBusy();
}

void ReportExportDialog::writeFinished()
{
    m_writing = false;
    updateBusy();
    const Result<qint64> written = m_writeWatcher.result();
    if (!written) {
        showError(written.error().toString());
        emit exportFinished(false, m_writingPath);
        return;
    }
    QSettings().setValue(DirectoryKey, QFileInfo(m_writingPath).absolutePath());
    m_status->setStyleSheet({});
    m_status->setText(tr("Report written to %1 (%2 KiB).")
                          .arg(QDir::toNativeSeparators(m_writingPath),
                               QString::number(double(*written) / 1024.0, 'f', 1)));
    m_open->show();
    emit exportFinished(true, m_writingPath);
}

void ReportExportDialog::chooseFile()
{
    const ReportFormat f = format();
    const QString filter =
        tr("%1 files (*.%2)").arg(reportFormatName(f).toUpper(), reportFormatName(f));
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export Report"), outputPath(), filter);
    if (path.isEmpty())
        return;
    m_path->setText(path);
    QSettings().setValue(DirectoryKey, QFileInfo(path).absolutePath());
}

void ReportExportDialog::updateBusy()
{
    const bool building = m_generating || m_previewTimer->isActive();
    m_busy->setVisible(building || m_writing);
    m_busyLabel->setVisible(building || m_writing);
    m_busyLabel->setText(m_writing ? tr("Writing the report…") : tr("Building the report…"));
    m_export->setEnabled(!m_writing);
    m_format->setEnabled(!m_writing);
}

void ReportExportDialog::showError(const QString &text)
{
    m_open->hide();
    m_status->setStyleSheet(u"color: #b91c1c;"_s);
    m_status->setText(text);
}

} // namespace vipdeck
