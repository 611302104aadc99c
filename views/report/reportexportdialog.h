#pragma once

// ReportExportDialog: File > Export Report.  The user picks the format, the
// window the report covers and the file; the dialog shows what will be
// written (the PDF's pages exactly as laid out, the text of HTML and JSON,
// the CSV as a table) and writes it.  Building, rendering and writing run on
// a worker thread with a busy indicator; the console keeps polling.

#include "core/audit/auditstoreconfig.h"
#include "core/fleet/fleetupdate.h"
#include "core/report/reportformat.h"
#include "views/report/reportexportjob.h"

#include <QDialog>
#include <QFutureWatcher>

#include <optional>

class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableWidget;
class QTimer;

namespace vipdeck {

class ReportPagePreview;

// What the console hands over when the dialog opens (copied: the dialog's
// worker never reads the live models).
struct ReportExportSource
{
    QString fleetFile;
    FleetUpdate latest;
    QList<Snapshot> samples; // oldest first (ReportSampleBuffer)
    QString samplesSource;
    std::optional<AuditStoreConfig> audit;
    std::optional<AuditStoreConfig> history; // the fleet's history store, when it has one
    QString generator;                       // "vipdeck 0.3.0"
};

// Where a report goes by default: `saved` (the folder of the last export) if
// it still exists, else `documents` (the XDG documents folder), created when
// missing, else `home`.  Never a folder that does not exist.
QString exportDirectory(const QString &saved, const QString &documents, const QString &home);

class ReportExportDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Window { LastHour, Last6Hours, Last24Hours, Custom };

    explicit ReportExportDialog(ReportExportSource source, QWidget *parent = nullptr);
    ~ReportExportDialog() override;

    void setFormat(ReportFormat format);
    ReportFormat format() const;
    void setWindow(Window window, const QDateTime &customSince = {});
    QDateTime since() const; // of the chosen window, UTC
    void setOutputPath(const QString &path);
    QString outputPath() const;

    ReportPagePreview *pagePreview() const { return m_pages; }
    bool isBusy() const { return m_generating || m_writing; }
    // The bytes the preview shows (what Export writes while nothing changes).
    QByteArray previewBytes() const { return m_previewBytes; }

    // Writes the report to outputPath() (after the preview is up to date).
    void exportReport();

signals:
    void previewUpdated();
    void exportFinished(bool ok, const QString &path);

private:
    void schedulePreview();
    void startPreview();
    void previewFinished();
    void showPreview(const ReportExportResult &result);
    void startWrite();
    void writeFinished();
    void chooseFile();
    void formatChanged();
    void updateBusy();
    void showError(const QString &text);
    ReportExportRequest request() const;

    ReportExportSource m_source;
    QComboBox *m_format = nullptr;
    QComboBox *m_csvTable = nullptr;
    QComboBox *m_window = nullptr;
    QDateTimeEdit *m_since = nullptr;
    QLineEdit *m_path = nullptr;
    QPushButton *m_browse = nullptr;
    QStackedWidget *m_previewStack = nullptr;
    ReportPagePreview *m_pages = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_previewNote = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_busyLabel = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_open = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_export = nullptr;
    QTimer *m_previewTimer = nullptr;

    QFutureWatcher<ReportExportResult> m_generateWatcher;
    QFutureWatcher<Result<qint64>> m_writeWatcher;
    bool m_generating = false;
    bool m_writing = false;
    int m_settingsSerial = 0;     // bumped by every change of the settings
    int m_previewSerial = -1;     // the settings the shown preview was built from
    int m_generatingSerial = -1;  // ... and the one being built
    bool m_exportPending = false; // Export waits for the preview being built
    QByteArray m_previewBytes;
    QString m_writingPath;
};

} // namespace vipdeck
