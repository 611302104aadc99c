#pragma once

// renderPdf(): the report as a paginated PDF for people: A4 landscape, a
// header and a "Page N of M" footer on every page, summary cards, tables
// that wrap their cells and repeat their header row on each page, and vector
// charts.  Set with Pango and written by cairo's PDF surface, which embeds
// the fonts it uses (text in any script comes out as written); it needs no
// display and no QtGui.
// The layout draws on ReportCanvas, so a preview can show the same pages.

#include "core/report/reportdocument.h"
#include "core/report/reportpage.h"

#include <QByteArray>
#include <QStringList>

namespace vipdeck {

// A4 landscape, in points.
inline constexpr double PdfPageWidth = 842;
inline constexpr double PdfPageHeight = 595;

QByteArray renderPdf(const ReportDocument &document);
// The pages renderPdf() writes, as drawing calls to replay on any canvas.
QList<ReportPage> layoutPdfPages(const ReportDocument &document);

// Breaks `text` into lines no wider than `width` points in the report's font at
// `size` (bold when `bold`): at spaces, at '\n', and inside words too long
// for a line.
QStringList wrapPdfText(const QString &text, bool bold, double size, double width);

} // namespace vipdeck
