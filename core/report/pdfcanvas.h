#pragma once

// PdfCanvas: the ReportCanvas that builds one page's content stream with a
// top-left origin and y growing downwards (as layouts think), converting to
// PDF's bottom-left coordinates.  Text, filled and stroked rectangles, lines,
// polylines and translucent filled polygons; colours as RGB.

#include "core/report/pdfwriter.h"
#include "core/report/reportcanvas.h"
#include "core/report/reportstyle.h"

#include <QByteArray>
#include <QList>
#include <QPointF>

namespace vipdeck {

class PdfCanvas final : public ReportCanvas
{
public:
    explicit PdfCanvas(double pageHeight);

    // `y` is the baseline.
    void text(double x, double y, const QString &text, PdfFont font, double size,
              reportstyle::Rgb color) override;
    void fillRect(double x, double y, double w, double h, reportstyle::Rgb color) override;
    void strokeRect(double x, double y, double w, double h, reportstyle::Rgb color,
                    double lineWidth = 0.5) override;
    void line(double x1, double y1, double x2, double y2, reportstyle::Rgb color,
              double lineWidth = 0.5) override;
    void polyline(const QList<QPointF> &points, reportstyle::Rgb color, double lineWidth) override;
    // Filled at 15% opacity (the writer's /GA state), for chart areas.
    void translucentPolygon(const QList<QPointF> &points, reportstyle::Rgb color) override;

    const QByteArray &content() const { return m_content; }

private:
    QByteArray point(double x, double y) const;
    QByteArray color(reportstyle::Rgb rgb, const char *op) const;

    double m_height;
    QByteArray m_content;
};

} // namespace vipdeck
