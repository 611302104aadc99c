#pragma once

// The report's text, set with Pango and drawn with cairo: one family (DejaVu
// Sans) and whatever fontconfig finds for the characters it lacks (CJK,
// emoji, ...), so a reason in any script comes out as written.  The layout
// measures with reportTextWidth() and the PDF draws with the same fonts and
// unhinted metrics, so what fits on the page is what the page shows.
// cairo's PDF surface embeds a subset of every font it uses.

#include "core/report/reportcanvas.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

using cairo_t = struct _cairo;

namespace vipdeck {

class ReportPage;

// The family the report asks fontconfig for.
inline constexpr const char *ReportFontFamily = "DejaVu Sans";

// Advance width of `text` in points at `size`.
double reportTextWidth(const QString &text, PdfFont font, double size);

// Draws on a cairo context (a PDF page), top-left origin in points.
class CairoReportCanvas final : public ReportCanvas
{
public:
    explicit CairoReportCanvas(cairo_t *cr);
    void text(double x, double y, const QString &text, PdfFont font, double size,
              reportstyle::Rgb color) override;
    void fillRect(double x, double y, double w, double h, reportstyle::Rgb color) override;
    void strokeRect(double x, double y, double w, double h, reportstyle::Rgb color,
                    double lineWidth) override;
    void line(double x1, double y1, double x2, double y2, reportstyle::Rgb color,
              double lineWidth) override;
    void polyline(const QList<QPointF> &points, reportstyle::Rgb color, double lineWidth) override;
    void translucentPolygon(const QList<QPointF> &points, reportstyle::Rgb color) override;

private:
    cairo_t *m_cr;
};

struct PdfMetadata
{
    QString title;
    QString creator;   // "vipdeckctl 0.3.0"
    QDateTime created; // when the report was made; invalid: now
};

// The pages as a PDF of `width` x `height` points.
QByteArray renderPdfPages(const QList<ReportPage> &pages, double width, double height,
                          const PdfMetadata &metadata);

} // namespace vipdeck
