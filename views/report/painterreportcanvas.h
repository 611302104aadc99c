#pragma once

// PainterReportCanvas: draws the PDF report's pages with a QPainter, for the
// export dialog's preview.  Coordinates are PDF points (the caller scales the
// painter); text is stretched to Helvetica's advance widths from the PDF
// writer's metrics and limited to the characters the PDF can show, so lines,
// wrapping and alignment match the written file whatever sans-serif font the
// system has.

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

    // What the PDF shows of `text`: characters outside WinAnsiEncoding become '?'.
    static QString pdfVisibleText(const QString &text);

private:
    QPainter *m_painter;
    QFont m_regular;
    QFont m_bold;
};

} // namespace vipdeck
