#include "views/report/painterreportcanvas.h"

#include "core/report/reportfonts.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

namespace vipdeck {

using reportstyle::Rgb;

namespace {

// Glyphs are drawn at this pixel size and scaled down: small pixel sizes
// would be hinted to whole pixels and lose the metrics.
constexpr int DesignSize = 100;

QColor qColor(Rgb rgb)
{
    return QColor(rgb.r, rgb.g, rgb.b);
}

// The PDF's family; fontconfig falls back for what it lacks, as Pango does.
QFont reportFont(bool bold)
{
    QFont font(QString::fromLatin1(ReportFontFamily));
    font.setStyleHint(QFont::SansSerif, QFont::PreferOutline);
    font.setPixelSize(DesignSize);
    font.setBold(bold);
    return font;
}

QPen pen(Rgb rgb, double width)
{
    QPen p(qColor(rgb), width);
    p.setCapStyle(Qt::RoundCap);
    p.setJoinStyle(Qt::RoundJoin);
    return p;
}

} // namespace

PainterReportCanvas::PainterReportCanvas(QPainter *painter)
    : m_painter(painter)
    , m_regular(reportFont(false))
    , m_bold(reportFont(true))
{
    m_painter->setRenderHint(QPainter::Antialiasing);
    m_painter->setRenderHint(QPainter::TextAntialiasing);
}

void PainterReportCanvas::text(double x, double y, const QString &text, PdfFont font, double size,
                               Rgb color)
{
    if (text.isEmpty())
        return;
    const QString &shown = text;
    const QFont &qfont = font == PdfFont::Bold ? m_bold : m_regular;
    const double natural = QFontMetricsF(qfont).horizontalAdvance(shown) * size / DesignSize;
    const double wanted = reportTextWidth(shown, font, size);
    const double stretch = natural > 0 ? wanted / natural : 1;
    m_painter->save();
    m_painter->translate(x, y);
    m_painter->scale(stretch * size / DesignSize, size / DesignSize);
    m_painter->setFont(qfont);
    m_painter->setPen(qColor(color));
    m_painter->drawText(QPointF(0, 0), shown);
    m_painter->restore();
}

void PainterReportCanvas::fillRect(double x, double y, double w, double h, Rgb color)
{
    m_painter->fillRect(QRectF(x, y, w, h), qColor(color));
}

void PainterReportCanvas::strokeRect(double x, double y, double w, double h, Rgb color,
                                     double lineWidth)
{
    m_painter->save();
    QPen p(qColor(color), lineWidth);
    p.setJoinStyle(Qt::MiterJoin); // PDF's default join for `re S`
    m_painter->setPen(p);
    m_painter->setBrush(Qt::NoBrush);
    m_painter->drawRect(QRectF(x, y, w, h));
    m_painter->restore();
}

void PainterReportCanvas::line(double x1, double y1, double x2, double y2, Rgb color,
                               double lineWidth)
{
    polyline({QPointF(x1, y1), QPointF(x2, y2)}, color, lineWidth);
}

void PainterReportCanvas::polyline(const QList<QPointF> &points, Rgb color, double lineWidth)
{
    if (points.size() < 2)
        return;
    m_painter->save();
    m_painter->setPen(pen(color, lineWidth));
    m_painter->setBrush(Qt::NoBrush);
    m_painter->drawPolyline(points.constData(), int(points.size()));
    m_painter->restore();
}

void PainterReportCanvas::translucentPolygon(const QList<QPointF> &points, Rgb color)
{
    if (points.size() < 3)
        return;
    QColor fill = qColor(color);
    fill.setAlphaF(0.15f); // as the PDF writer's /GA state
    m_painter->save();
    m_painter->setPen(Qt::NoPen);
    m_painter->setBrush(fill);
    m_painter->drawPolygon(points.constData(), int(points.size()), Qt::WindingFill);
    m_painter->restore();
}

} // namespace vipdeck
