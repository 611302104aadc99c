#include "core/report/pdfwriter.h"

#include "core/report/pdffontmetrics.h"

#include <QHash>

#include <cmath>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

// Unicode -> Windows-1252 for the code points 0x80..0x9F that differ from Latin-1.
const QHash<char16_t, uchar> &winAnsiSpecials()
{
    static const QHash<char16_t, uchar> map = {
        {0x20AC, 0x80}, {0x201A, 0x82}, {0x0192, 0x83}, {0x201E, 0x84}, {0x2026, 0x85},
        {0x2020, 0x86}, {0x2021, 0x87}, {0x02C6, 0x88}, {0x2030, 0x89}, {0x0160, 0x8A},
        {0x2039, 0x8B}, {0x0152, 0x8C}, {0x017D, 0x8E}, {0x2018, 0x91}, {0x2019, 0x92},
        {0x201C, 0x93}, {0x201D, 0x94}, {0x2022, 0x95}, {0x2013, 0x96}, {0x2014, 0x97},
        {0x02DC, 0x98}, {0x2122, 0x99}, {0x0161, 0x9A}, {0x203A, 0x9B}, {0x0153, 0x9C},
        {0x017E, 0x9E}, {0x0178, 0x9F},
    };
    return map;
}

// Document info strings: UTF-16BE with a byte-order mark, as a hex string.
QByteArray textString(const QString &text)
{
    QByteArray bytes("\xFE\xFF", 2);
    for (QChar c : text) {
        bytes.append(char(c.unicode() >> 8));
        bytes.append(char(c.unicode() & 0xFF));
    }
    return '<' + bytes.toHex().toUpper() + '>';
}

} // namespace

PdfWriter::PdfWriter(double pageWidth, double pageHeight)
    : m_width(pageWidth)
    , m_height(pageHeight)
{}

void PdfWriter::addPage(const QByteArray &content)
{
    m_pages << content;
}

QByteArray PdfWriter::encodeWinAnsi(const QString &text)
{
    QByteArray out;
    out.reserve(text.size());
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if ((u >= 0x20 && u < 0x7F) || (u >= 0xA0 && u <= 0xFF))
            out.append(char(u));
        else if (u == u'\t')
            out.append(' ');
        else if (const auto it = winAnsiSpecials().constFind(u); it != winAnsiSpecials().constEnd())
            out.append(char(*it));
        else if (u == 0x2212) // minus sign
            out.append('-');
        else if (u == 0x00A0 || u == 0x202F)
            out.append(' ');
        else
            out.append('?');
    }
    return out;
}

QByteArray PdfWriter::literalString(const QByteArray &bytes)
{
    QByteArray out = "(";
    for (char ch : bytes) {
        const uchar c = uchar(ch);
        if (ch == '(' || ch == ')' || ch == '\\') {
            out.append('\\');
            out.append(ch);
        } else if (c < 0x20 || c == 0x7F) {
            out.append(QByteArray::number(c, 8).rightJustified(3, '0').prepend('\\'));
        } else {
            out.append(ch);
        }
    }
    out.append(')');
    return out;
}

double PdfWriter::textWidth(const QString &text, PdfFont font, double size)
{
    const auto &widths =
        font == PdfFont::Bold ? pdffont::helveticaBoldWidths : pdffont::helveticaWidths;
    double units = 0;
    for (char ch : encodeWinAnsi(text)) {
        const uchar c = uchar(ch);
        units += c >= 32 ? widths[c - 32] : widths[0];
    }
    return units * size / 1000.0;
}

QByteArray PdfWriter::number(double value)
{
    if (!std::isfinite(value))
        return "0";
    QByteArray text = QByteArray::number(std::round(value * 100) / 100, 'f', 2);
    while (text.contains('.') && (text.endsWith('0') || text.endsWith('.')))
        text.chop(1);
    return text == "-0" ? QByteArray("0") : text;
}

QByteArray PdfWriter::finish() const
{
    // Objects: 1 catalog, 2 page tree, 3-4 fonts, 5 transparency state, 6 info,
    // then a page object and its content stream per page.
    QList<QByteArray> objects;
    QByteArray kids;
    const int firstPage = 7;
    for (int i = 0; i < m_pages.size(); ++i)
        kids += QByteArray::number(firstPage + 2 * i) + " 0 R ";
    objects << "<< /Type /Catalog /Pages 2 0 R >>";
    objects << "<< /Type /Pages /Kids [" + kids.trimmed() + "] /Count " +
                   QByteArray::number(m_pages.size()) + " >>";
    objects << "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
    objects << "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding "
               "/WinAnsiEncoding >>";
    objects << "<< /Type /ExtGState /ca 0.15 /CA 1 >>";
    QByteArray info = "<< /Producer " + textString(m_producer) + " /Title " + textString(m_title);
    if (m_created.isValid())
        info += " /CreationDate (D:" + m_created.toUTC().toString(u"yyyyMMddHHmmss"_s).toLatin1() +
                "Z)";
    objects << info + " >>";
    const QByteArray resources = "<< /Font << /F1 3 0 R /F2 4 0 R >> /ExtGState << /GA 5 0 R >> >>";
    for (int i = 0; i < m_pages.size(); ++i) {
        const QByteArray compressed = qCompress(m_pages[i]).mid(4); // zlib stream, no Qt prefix
        objects << "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + number(m_width) + ' ' +
                       number(m_height) + "] /Resources " + resources + " /Contents " +
                       QByteArray::number(firstPage + 2 * i + 1) + " 0 R >>";
        objects << "<< /Length " + QByteArray::number(compressed.size()) +
                       " /Filter /FlateDecode >>\nstream\n" + compressed + "\nendstream";
    }

    QByteArray out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    QList<qint64> offsets;
    for (int i = 0; i < objects.size(); ++i) {
        offsets << out.size();
        out += QByteArray::number(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const qint64 xref = out.size();
    out += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n";
    out += "0000000000 65535 f \n";
    for (qint64 offset : offsets)
        out += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    out += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) +
           " /Root 1 0 R /Info 6 0 R >>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
    return out;
}

} // namespace vipdeck
