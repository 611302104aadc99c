#pragma once

// renderCsv(): one table of a report as CSV for tools (RFC 4180: comma
// separated, CRLF line ends, fields with a comma, quote or line break quoted,
// quotes doubled; UTF-8 without a byte-order mark).  Text cells that a
// spreadsheet would run as a formula are neutralised (csvField()); numbers
// are written as they are.  The first line holds the
// columns' stable keys (docs/reports.md); values are the machine values:
// times in ISO 8601 UTC, booleans true/false, empty when absent.

#include "core/common/csvfield.h"
#include "core/common/result.h"
#include "core/report/reportdocument.h"

#include <QByteArray>

namespace vipdeck {

// Fails with InvalidArgument when the report has no table `tableId`.
Result<QByteArray> renderCsv(const ReportDocument &document,
                             const QString &tableId = QStringLiteral("placements"));

// A cell's machine value as text (shared by CSV and the JSON row values).
QString reportValueText(const QVariant &value);

} // namespace vipdeck
