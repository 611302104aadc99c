#pragma once

// ReportCanvas: what the PDF page layout draws on, so the same layout code
// produces the PDF's pages (CairoReportCanvas) and the export dialog's page
// preview (a QPainter canvas in views/report) and both show the same pages.
// Top-left origin, y growing downwards, lengths in points; text positions are
// baselines, in the report's font (reportfonts.h), whose advance widths
// reportTextWidth() gives.

#include "core/report/reportstyle.h"

#include <QList>
#include <QPointF>
#include <QString>

namespace vipdeck {

enum class PdfFont { Regular, Bold };

class ReportCanvas
{
public:
    virtual ~ReportCanvas() = default;

    // `y` is the baseline.
    virtual void text(double x, double y, const QString &text, PdfFont font, double size,
                      reportstyle::Rgb color) = 0;
    virtual void fillRect(double x, double y, double w, double h, reportstyle::Rgb color) = 0;
    virtual void strokeRect(double x, double y, double w, double h, reportstyle::Rgb color,
                            double lineWidth = 0.5) = 0;
    virtual void line(double x1, double y1, double x2, double y2, reportstyle::Rgb color,
                      double lineWidth = 0.5) = 0;
    // Round caps and joins.
    virtual void polyline(const QList<QPointF> &points, reportstyle::Rgb color,
                          double lineWidth) = 0;
    // Filled at 15% opacity, for chart areas.
    virtual void translucentPolygon(const QList<QPointF> &points, reportstyle::Rgb color) = 0;

protected:
    ReportCanvas() = default;
    ReportCanvas(const ReportCanvas &) = default;
    ReportCanvas &operator=(const ReportCanvas &) = default;
};

} // namespace vipdeck
