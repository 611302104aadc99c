#pragma once

// ReportExportJob: the work behind File > Export Report, run on a worker
// thread so the console stays responsive: read the audit window, build the
// ReportDocument, render it (and lay out the PDF's pages for the preview),
// and write the file.  Everything it needs comes by value in the request:
// the worker never touches the GUI's models or the main window's audit store.

#include "core/audit/auditstoreconfig.h"
#include "core/common/result.h"
#include "core/fleet/fleetupdate.h"
#include "core/report/reportformat.h"
#include "core/report/reportpage.h"

#include <QByteArray>
#include <QDateTime>
#include <QFuture>
#include <QList>

#include <optional>

namespace vipdeck {

struct ReportExportRequest
{
    FleetUpdate latest;      // the snapshot and verdicts the report describes
    QList<Snapshot> samples; // for the charts, oldest first
    QString samplesSource;
    std::optional<AuditStoreConfig> audit;   // nullopt: no audit log
    std::optional<AuditStoreConfig> history; // nullopt: no history store
    QDateTime since;                         // the window [since, until)
    QDateTime until;
    ReportFormat format = ReportFormat::Pdf;
    QString csvTable = QStringLiteral("placements");
    QString generator;
};

struct ReportExportResult
{
    Result<QByteArray> bytes = QByteArray();
    QList<ReportPage> pages;         // PDF only: the pages the bytes hold
    std::optional<Error> auditError; // the report was built without the audit log
};

class ReportExportJob
{
public:
    // Builds and renders the report (blocking; for worker threads).
    static ReportExportResult generate(const ReportExportRequest &request);
    // Writes `bytes` to `path` atomically (QSaveFile); the error names the file
    // and why (permission, disk full).  Returns the bytes written.
    static Result<qint64> write(const QString &path, const QByteArray &bytes);

    // The same on the global thread pool.
    static QFuture<ReportExportResult> generateAsync(const ReportExportRequest &request);
    static QFuture<Result<qint64>> writeAsync(const QString &path, const QByteArray &bytes);

    // "vipdeck-report-prod-20261123-1905.pdf": the fleet file's name (its
    // folder's when the file is just "fleet.yaml") and the time.
    static QString defaultFileName(const QString &fleetFile, ReportFormat format,
                                   const QDateTime &time);
};

} // namespace vipdeck
