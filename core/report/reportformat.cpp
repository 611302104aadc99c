#include "core/report/reportformat.h"

#include "core/report/csvrenderer.h"
#include "core/report/htmlrenderer.h"
#include "core/report/jsonrenderer.h"
#include "core/report/pdfrenderer.h"

using namespace Qt::StringLiterals;

namespace vipdeck {

std::optional<ReportFormat> reportFormatFromName(const QString &name)
{
    const QString n = name.toLower();
    if (n == u"pdf"_s)
        return ReportFormat::Pdf;
    if (n == u"html"_s)
        return ReportFormat::Html;
    if (n == u"csv"_s)
        return ReportFormat::Csv;
    if (n == u"json"_s)
        return ReportFormat::Json;
    return std::nullopt;
}

QString reportFormatName(ReportFormat format)
{
    switch (format) {
    case ReportFormat::Pdf:
        return u"pdf"_s;
    case ReportFormat::Html:
        return u"html"_s;
    case ReportFormat::Csv:
        return u"csv"_s;
    case ReportFormat::Json:
        return u"json"_s;
    }
    return {};
}

QStringList reportFormatNames()
{
    return {u"pdf"_s, u"html"_s, u"csv"_s, u"json"_s};
}

Result<QByteArray> renderReport(const ReportDocument &document, ReportFormat format,
                                const ReportRenderOptions &options)
{
    switch (format) {
    case ReportFormat::Pdf:
        return renderPdf(document);
    case ReportFormat::Html:
        return renderHtml(document);
    case ReportFormat::Csv:
        return renderCsv(document, options.csvTable);
    case ReportFormat::Json:
        return renderJson(document);
    }
    return Error(ErrorCode::Internal, u"unknown report format"_s);
}

} // namespace vipdeck
