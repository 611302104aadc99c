#include "core/report/pdfcanvas.h"

namespace vipdeck {

using reportstyle::Rgb;

PdfCanvas::PdfCanvas(double pageHeight)
    : m_height(pageHeight)
{}

QByteArray PdfCanvas::point(double x, double y) const
{
    return PdfWriter::number(x) + ' ' + PdfWriter::number(m_height - y);
}

QByteArray PdfCanvas::color(Rgb rgb, const char *op) const
{
    return PdfWriter::number(rgb.r / 255.0) + ' ' + PdfWriter::number(rgb.g / 255.0) + ' ' +
           PdfWriter::number(rgb.b / 255.0) + ' ' + op + '\n';
}

void PdfCanvas::text(double x, double y, const QString &text, PdfFont font, double size, Rgb rgb)
{
    if (text.isEmpty())
        return;
    m_content += color(rgb, "rg");
    m_content += "BT /" + QByteArray(font == PdfFont::Bold ? "F2" : "F1") + ' ' +
                 PdfWriter::number(size) + " Tf 1 0 0 1 " + point(x, y) + " Tm " +
                 PdfWriter::literalString(PdfWriter::encodeWinAnsi(text)) + " Tj ET\n";
}

void PdfCanvas::fillRect(double x, double y, double w, double h, Rgb rgb)
{
    m_content += color(rgb, "rg");
    m_content +=
        point(x, y + h) + ' ' + PdfWriter::number(w) + ' ' + PdfWriter::number(h) + " re f\n";
}

void PdfCanvas::strokeRect(double x, double y, double w, double h, Rgb rgb, double lineWidth)
{
    m_content += color(rgb, "RG") + PdfWriter::number(lineWidth) + " w\n";
    m_content +=
        point(x, y + h) + ' ' + PdfWriter::number(w) + ' ' + PdfWriter::number(h) + " re S\n";
}

void PdfCanvas::line(double x1, double y1, double x2, double y2, Rgb rgb, double lineWidth)
{
    polyline({QPointF(x1, y1), QPointF(x2, y2)}, rgb, lineWidth);
}

void PdfCanvas::polyline(const QList<QPointF> &points, Rgb rgb, double lineWidth)
{
    if (points.size() < 2)
        return;
    m_content += color(rgb, "RG") + PdfWriter::number(lineWidth) + " w 1 J 1 j\n";
    m_content += point(points[0].x(), points[0].y()) + " m\n";
    for (int i = 1; i < points.size(); ++i)
        m_content += point(points[i].x(), points[i].y()) + " l\n";
    m_content += "S\n";
}

void PdfCanvas::translucentPolygon(const QList<QPointF> &points, Rgb rgb)
{
    if (points.size() < 3)
        return;
    m_content += "q /GA gs\n" + color(rgb, "rg");
    m_content += point(points[0].x(), points[0].y()) + " m\n";
    for (int i = 1; i < points.size(); ++i)
        m_content += point(points[i].x(), points[i].y()) + " l\n";
    m_content += "h f Q\n";
}

} // namespace vipdeck
