#pragma once

// ReportPage: one laid-out page of the PDF report as the list of drawing
// calls made on it.  The layout records each page first because the header
// and footer ("Page N of M") are known only when every page is laid out;
// replay() then draws the page on any ReportCanvas: the PDF writer's or the
// export dialog's preview.

#include "core/report/reportcanvas.h"

#include <variant>

namespace vipdeck {

class ReportPage final : public ReportCanvas
{
public:
    void text(double x, double y, const QString &text, PdfFont font, double size,
              reportstyle::Rgb color) override;
    void fillRect(double x, double y, double w, double h, reportstyle::Rgb color) override;
    void strokeRect(double x, double y, double w, double h, reportstyle::Rgb color,
                    double lineWidth = 0.5) override;
    void line(double x1, double y1, double x2, double y2, reportstyle::Rgb color,
              double lineWidth = 0.5) override;
    void polyline(const QList<QPointF> &points, reportstyle::Rgb color, double lineWidth) override;
    void translucentPolygon(const QList<QPointF> &points, reportstyle::Rgb color) override;

    // Makes the recorded calls on `canvas`, in order.
    void replay(ReportCanvas &canvas) const;
    int operationCount() const { return int(m_ops.size()); }

private:
    struct Text
    {
        double x, y;
        QString text;
        PdfFont font;
        double size;
        reportstyle::Rgb color;
    };
    struct Rect
    {
        double x, y, w, h;
        reportstyle::Rgb color;
        double lineWidth; // < 0: filled
    };
    struct Line
    {
        double x1, y1, x2, y2;
        reportstyle::Rgb color;
        double lineWidth;
    };
    struct Path
    {
        QList<QPointF> points;
        reportstyle::Rgb color;
        double lineWidth; // < 0: translucent polygon
    };
    using Op = std::variant<Text, Rect, Line, Path>;

    QList<Op> m_ops;
};

} // namespace vipdeck
