#pragma once

// PainterReportCanvas: draws the PDF report's pages with a QPainter, for the
// export dialog's preview.  Coordinates are PDF points (the caller scales the
// painter); text is set in the PDF's family and stretched to the widths
// Pango measured for the PDF (reportTextWidth()), so lines, wrapping and
// alignment match the written file whatever fonts Qt picks.

#include "core/report/reportcanvas.h"

#include <QFont>

class QPainter;

namespace vipdeck {

class PainterReportCanvas final : public ReportCanvas
{
public:
    explicit PainterReportCanvas(QPainter *painter);

    void text(double x, double y, const QString &text, PdfFont font, double size,
              reportstyle::Rgb color) override;
    void fillRect(double x, double y, double w, double h, reportstyle::Rgb color) override;
    void strokeRect(double x, double y, double w, double h, reportstyle::Rgb color,
                    double lineWidth = 0.5) override;
    void line(double x1, double y1, double x2, double y2, reportstyle::Rgb color,
              double lineWidth = 0.5) override;
    void polyline(const QList<QPointF> &points, reportstyle::Rgb color, double lineWidth) override;
    void translucentPolygon(const QList<QPointF> &points, reportstyle::Rgb color) override;

private:
    QPainter *m_painter;
    QFont m_regular;
    QFont m_bold;
};

} // namespace vipdeck
