#include "core/report/reportfonts.h"

#include "core/report/reportpage.h"

#include <QHash>

#include <cairo-pdf.h>
#include <cairo.h>
#include <memory>
#include <pango/pangocairo.h>

namespace vipdeck {

namespace {

// Metrics as the PDF surface uses them: no hinting, no rounding to pixels.
void setUnhinted(PangoContext *context)
{
    cairo_font_options_t *options = cairo_font_options_create();
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    pango_cairo_context_set_font_options(context, options);
    cairo_font_options_destroy(options);
    pango_context_set_round_glyph_positions(context, FALSE);
}

PangoFontDescription *fontDescription(PdfFont font, double size)
{
    PangoFontDescription *description = pango_font_description_new();
    pango_font_description_set_family(description, ReportFontFamily);
    pango_font_description_set_weight(description, font == PdfFont::Bold ? PANGO_WEIGHT_BOLD
                                                                         : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_absolute_size(description, size * PANGO_SCALE);
    return description;
}

// One line of text (newlines were split by the layout), no wrapping.
PangoLayout *layoutFor(PangoContext *context, const QString &text, PdfFont font, double size)
{
    PangoLayout *layout = pango_layout_new(context);
    PangoFontDescription *description = fontDescription(font, size);
    pango_layout_set_font_description(layout, description);
    pango_font_description_free(description);
    const QByteArray utf8 = text.toUtf8();
    pango_layout_set_text(layout, utf8.constData(), int(utf8.size()));
    return layout;
}

// Measuring needs no surface: a context of its own per thread (Pango's
// objects are not shared between threads), with a bounded cache of widths.
struct Measurer
{
    Measurer()
        : fontMap(pango_cairo_font_map_new())
        , context(pango_font_map_create_context(fontMap))
    {
        setUnhinted(context);
    }
    ~Measurer()
    {
        g_object_unref(context);
        g_object_unref(fontMap);
    }
    Measurer(const Measurer &) = delete;
    Measurer &operator=(const Measurer &) = delete;

    PangoFontMap *fontMap;
    PangoContext *context;
    QHash<QString, double> widths;
};

constexpr qsizetype kMaxCachedWidths = 20'000;

void setColor(cairo_t *cr, reportstyle::Rgb color, double alpha = 1.0)
{
    cairo_set_source_rgba(cr, color.r / 255.0, color.g / 255.0, color.b / 255.0, alpha);
}

cairo_status_t appendTo(void *closure, const unsigned char *data, unsigned int length)
{
    static_cast<QByteArray *>(closure)->append(reinterpret_cast<const char *>(data),
                                               qsizetype(length));
    return CAIRO_STATUS_SUCCESS;
}

} // namespace

double reportTextWidth(const QString &text, PdfFont font, double size)
{
    if (text.isEmpty())
        return 0;
    thread_local Measurer measurer;
    const QString key =
        QString::number(int(font)) + u'\x1f' + QString::number(size) + u'\x1f' + text;
    if (const auto it = measurer.widths.constFind(key); it != measurer.widths.constEnd())
        return *it;
    PangoLayout *layout = layoutFor(measurer.context, text, font, size);
    PangoRectangle logical{};
    pango_layout_get_extents(layout, nullptr, &logical);
    g_object_unref(layout);
    const double width = double(logical.width) / PANGO_SCALE;
    if (measurer.widths.size() >= kMaxCachedWidths)
        measurer.widths.clear();
    measurer.widths.insert(key, width);
    return width;
}

CairoReportCanvas::CairoReportCanvas(cairo_t *cr)
    : m_cr(cr)
{}

void CairoReportCanvas::text(double x, double y, const QString &text, PdfFont font, double size,
                             reportstyle::Rgb color)
{
    if (text.isEmpty())
        return;
    PangoContext *context = pango_cairo_create_context(m_cr);
    setUnhinted(context);
    PangoLayout *layout = layoutFor(context, text, font, size);
    const double baseline = double(pango_layout_get_baseline(layout)) / PANGO_SCALE;
    setColor(m_cr, color);
    cairo_move_to(m_cr, x, y - baseline);
    pango_cairo_show_layout(m_cr, layout);
    g_object_unref(layout);
    g_object_unref(context);
}

void CairoReportCanvas::fillRect(double x, double y, double w, double h, reportstyle::Rgb color)
{
    setColor(m_cr, color);
    cairo_rectangle(m_cr, x, y, w, h);
    cairo_fill(m_cr);
}

void CairoReportCanvas::strokeRect(double x, double y, double w, double h, reportstyle::Rgb color,
                                   double lineWidth)
{
    setColor(m_cr, color);
    cairo_set_line_width(m_cr, lineWidth);
    cairo_rectangle(m_cr, x, y, w, h);
    cairo_stroke(m_cr);
}

void CairoReportCanvas::line(double x1, double y1, double x2, double y2, reportstyle::Rgb color,
                             double lineWidth)
{
    setColor(m_cr, color);
    cairo_set_line_width(m_cr, lineWidth);
    cairo_move_to(m_cr, x1, y1);
    cairo_line_to(m_cr, x2, y2);
    cairo_stroke(m_cr);
}

void CairoReportCanvas::polyline(const QList<QPointF> &points, reportstyle::Rgb color,
                                 double lineWidth)
{
    if (points.size() < 2)
        return;
    setColor(m_cr, color);
    cairo_set_line_width(m_cr, lineWidth);
    cairo_set_line_cap(m_cr, CAIRO_LINE_CAP_ROUND);
    cairo_set_line_join(m_cr, CAIRO_LINE_JOIN_ROUND);
    cairo_move_to(m_cr, points.first().x(), points.first().y());
    for (qsizetype i = 1; i < points.size(); ++i)
        cairo_line_to(m_cr, points[i].x(), points[i].y());
    cairo_stroke(m_cr);
    cairo_set_line_cap(m_cr, CAIRO_LINE_CAP_BUTT);
    cairo_set_line_join(m_cr, CAIRO_LINE_JOIN_MITER);
}

void CairoReportCanvas::translucentPolygon(const QList<QPointF> &points, reportstyle::Rgb color)
{
    if (points.size() < 3)
        return;
    setColor(m_cr, color, 0.15);
    cairo_move_to(m_cr, points.first().x(), points.first().y());
    for (qsizetype i = 1; i < points.size(); ++i)
        cairo_line_to(m_cr, points[i].x(), points[i].y());
    cairo_close_path(m_cr);
    cairo_fill(m_cr);
}

QByteArray renderPdfPages(const QList<ReportPage> &pages, double width, double height,
                          const PdfMetadata &metadata)
{
    QByteArray out;
    cairo_surface_t *surface = cairo_pdf_surface_create_for_stream(appendTo, &out, width, height);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE,
                                   metadata.title.toUtf8().constData());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR,
                                   metadata.creator.toUtf8().constData());
    if (metadata.created.isValid())
        cairo_pdf_surface_set_metadata(
            surface, CAIRO_PDF_METADATA_CREATE_DATE,
            metadata.created.toUTC().toString(Qt::ISODate).toUtf8().constData());
    cairo_t *cr = cairo_create(surface);
    for (const ReportPage &page : pages) {
        CairoReportCanvas canvas(cr);
        page.replay(canvas);
        cairo_show_page(cr);
    }
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    cairo_surface_destroy(surface);
    return out;
}

} // namespace vipdeck
