#include "views/report/reportexportjob.h"

#include "core/audit/auditstore.h"
#include "core/common/handover.h"
#include "core/report/pdfrenderer.h"
#include "core/report/reportaudit.h"
#include "core/report/reportbuilder.h"
#include "core/report/reporthistory.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QPromise>
#include <QSaveFile>
#include <QThreadPool>

#include <memory>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

// This file's messages, in a context lupdate can see.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vipdeck::ReportExportJob)
};

template <typename T, typename Job> QFuture<T> runOnPool(Job job)
{
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    startOnPool(*QThreadPool::globalInstance(), [promise, job = std::move(job)]() mutable {
        promise->addResult(job());
        promise->finish();
    });
    return future;
}

} // namespace

ReportExportResult ReportExportJob::generate(const ReportExportRequest &request)
{
    ReportExportResult result;
    ReportInput input;
    input.snapshot = request.latest.snapshot;
    input.verdicts = *request.latest.verdicts;
    input.samples = request.samples;
    input.samplesSource = request.samplesSource;
    input.since = request.since;
    input.until = request.until;
    input.generator = request.generator;
    if (request.audit) {
        // A store of its own on this thread: the main window's may be closed
        // or replaced while the report is built.
        readReportAuditInto(input, *request.audit);
    }
    result.auditError = input.auditError;
    // After the audit log: drains in the history are joined with its records.
    if (request.history)
        readReportHistoryInto(input, *request.history);
    const ReportDocument document = buildReport(input);
    ReportRenderOptions options;
    options.csvTable = request.csvTable;
    if (request.format == ReportFormat::Pdf)
        result.pages = layoutPdfPages(document);
    result.bytes = renderReport(document, request.format, options);
    return result;
}

Result<qint64> ReportExportJob::write(const QString &path, const QByteArray &bytes)
{
    const QString where = QDir::toNativeSeparators(path);
    if (QFileInfo(path).isDir())
        return Error(ErrorCode::Io, Tr::tr("cannot write the report: %1 is a folder").arg(where),
                     path, Tr::tr("Choose a file name."));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error(ErrorCode::Io,
                     Tr::tr("cannot create the report %1: %2").arg(where, file.errorString()), path,
                     Tr::tr("Choose a folder you can write to."));
    // A short write is retried for the rest: the call that fails outright
    // carries the system's reason ("No space left on device"), a short one none.
    qint64 done = 0;
    while (done < bytes.size()) {
        const qint64 n = file.write(bytes.constData() + done, bytes.size() - done);
        if (n <= 0)
            break;
        done += n;
    }
    if (done != bytes.size()) {
        const QString why = file.errorString();
        file.cancelWriting();
        return Error(ErrorCode::Io, Tr::tr("cannot write the report %1: %2").arg(where, why), path,
                     Tr::tr("Free some space on that disk or choose another folder."));
    }
    if (!file.commit())
        return Error(ErrorCode::Io,
                     Tr::tr("cannot save the report %1: %2").arg(where, file.errorString()), path,
                     Tr::tr("Free some space on that disk or choose another folder."));
    return qint64(bytes.size());
}

QFuture<ReportExportResult> ReportExportJob::generateAsync(const ReportExportRequest &request)
{
    return runOnPool<ReportExportResult>([request] { return generate(request); });
}

QFuture<Result<qint64>> ReportExportJob::writeAsync(const QString &path, const QByteArray &bytes)
{
    return runOnPool<Result<qint64>>([path, bytes] { return write(path, bytes); });
}

QString ReportExportJob::defaultFileName(const QString &fleetFile, ReportFormat format,
                                         const QDateTime &time)
{
    const QFileInfo info(fleetFile);
    QString fleet = info.completeBaseName();
    if (fleet.compare(u"fleet"_s, Qt::CaseInsensitive) == 0 && !info.dir().dirName().isEmpty() &&
        info.dir().dirName() != u"."_s)
        fleet = info.dir().dirName();
    QString safe;
    for (QChar c : fleet)
        safe += c.isLetterOrNumber() || c == u'-' || c == u'_' ? c : QChar(u'-');
    if (safe.isEmpty())
        safe = u"fleet"_s;
    return u"vipdeck-report-%1-%2.%3"_s.arg(safe, time.toUTC().toString(u"yyyyMMdd-HHmm"_s),
                                            reportFormatName(format));
}

} // namespace vipdeck
