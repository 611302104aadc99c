#pragma once

// The report formats and one entry point that renders a document in any of
// them, for the CLI and the GUI's export dialog.

#include "core/common/result.h"
#include "core/report/reportdocument.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace vipdeck {

enum class ReportFormat { Pdf, Html, Csv, Json };

// "pdf", "html", "csv", "json" (case-insensitive).
std::optional<ReportFormat> reportFormatFromName(const QString &name);
QString reportFormatName(ReportFormat format);
QStringList reportFormatNames();

struct ReportRenderOptions
{
    QString csvTable = QStringLiteral("placements"); // CSV: which table
};

Result<QByteArray> renderReport(const ReportDocument &document, ReportFormat format,
                                const ReportRenderOptions &options = {});

} // namespace vipdeck
