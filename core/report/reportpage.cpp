#include "core/report/reportpage.h"

namespace vipdeck {

using reportstyle::Rgb;

void ReportPage::text(double x, double y, const QString &text, PdfFont font, double size, Rgb color)
{
    m_ops << Text{x, y, text, font, size, color};
}

void ReportPage::fillRect(double x, double y, double w, double h, Rgb color)
{
    m_ops << Rect{x, y, w, h, color, -1};
}

void ReportPage::strokeRect(double x, double y, double w, double h, Rgb color, double lineWidth)
{
    m_ops << Rect{x, y, w, h, color, lineWidth};
}

void ReportPage::line(double x1, double y1, double x2, double y2, Rgb color, double lineWidth)
{
    m_ops << Line{x1, y1, x2, y2, color, lineWidth};
}

void ReportPage::polyline(const QList<QPointF> &points, Rgb color, double lineWidth)
{
    m_ops << Path{points, color, lineWidth};
}

void ReportPage::translucentPolygon(const QList<QPointF> &points, Rgb color)
{
    m_ops << Path{points, color, -1};
}

void ReportPage::replay(ReportCanvas &canvas) const
{
    for (const Op &op : m_ops) {
        if (const auto *t = std::get_if<Text>(&op)) {
            canvas.text(t->x, t->y, t->text, t->font, t->size, t->color);
        } else if (const auto *r = std::get_if<Rect>(&op)) {
            if (r->lineWidth < 0)
                canvas.fillRect(r->x, r->y, r->w, r->h, r->color);
            else
                canvas.strokeRect(r->x, r->y, r->w, r->h, r->color, r->lineWidth);
        } else if (const auto *l = std::get_if<Line>(&op)) {
            canvas.line(l->x1, l->y1, l->x2, l->y2, l->color, l->lineWidth);
        } else if (const auto *p = std::get_if<Path>(&op)) {
            if (p->lineWidth < 0)
                canvas.translucentPolygon(p->points, p->color);
            else
                canvas.polyline(p->points, p->color, p->lineWidth);
        }
    }
}

} // namespace vipdeck
