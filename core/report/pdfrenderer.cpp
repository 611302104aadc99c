#include "core/report/pdfrenderer.h"

#include "core/report/reportfonts.h"
#include "core/report/reportpage.h"
#include "core/report/reportstyle.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

using namespace reportstyle;

// This file's messages, in a context lupdate can see.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vipdeck::Report)
};

constexpr double PageWidth = PdfPageWidth;
constexpr double PageHeight = PdfPageHeight;
constexpr double MarginX = 40;
constexpr double ContentTop = 58;
constexpr double ContentBottom = PageHeight - 44;
constexpr double ContentWidth = PageWidth - 2 * MarginX;

constexpr double TableFont = 7.5;
constexpr double TableLine = 9.5;
constexpr double CellPadX = 4;
constexpr double CellPadY = 3;
constexpr double BodyFont = 9;
constexpr double BodyLine = 12;
constexpr Rgb Zebra{0xf9, 0xfa, 0xfb};
constexpr Rgb White{0xff, 0xff, 0xff};

double width(const QString &text, bool bold, double size)
{
    return reportTextWidth(text, bold ? PdfFont::Bold : PdfFont::Regular, size);
}

class Layout
{
public:
    explicit Layout(const ReportDocument &document)
        : m_doc(document)
    {
        newPage();
    }

    void titleBlock();
    void section(const ReportSection &section);
    QList<ReportPage> finish();

private:
    ReportPage &page() { return m_pages.last(); }
    void newPage()
    {
        m_pages << ReportPage();
        m_y = ContentTop;
    }
    void ensure(double height)
    {
        if (m_y + height > ContentBottom && m_y > ContentTop + 1)
            newPage();
    }
    void paragraph(const ReportParagraph &p);
    void summary(const ReportSummary &s);
    void table(const ReportTable &t);
    void tableHeader(const ReportTable &t, const QList<double> &widths, const QString &title);
    void chart(const ReportChart &c, double x, double y, double w, double h);
    QList<double> columnWidths(const ReportTable &t) const;

    const ReportDocument &m_doc;
    QList<ReportPage> m_pages;
    double m_y = ContentTop;
};

void Layout::titleBlock()
{
    ReportPage &p = page();
    p.fillRect(MarginX, m_y, ContentWidth, 62, Accent);
    p.text(MarginX + 16, m_y + 28, m_doc.title, PdfFont::Bold, 20, White);
    const QString meta =
        Tr::tr("Fleet %1  \u00b7  generated %2").arg(m_doc.fleet, reportTimeText(m_doc.generated));
    p.text(MarginX + 16, m_y + 46, meta, PdfFont::Regular, 9, {0xd1, 0xd5, 0xdb});
    p.text(MarginX + 16, m_y + 57,
           Tr::tr("Window %1 to %2 (history and audit entries)")
               .arg(reportTimeText(m_doc.since), reportTimeText(m_doc.until)),
           PdfFont::Regular, 8, {0xd1, 0xd5, 0xdb});
    m_y += 78;
}

void Layout::section(const ReportSection &s)
{
    // A title alone at the foot of a page helps nobody; a chart section keeps
    // its title, the coverage note and the first row of charts together.
    const bool charts = std::any_of(s.blocks.begin(), s.blocks.end(), [](const ReportBlock &b) {
        return std::holds_alternative<ReportChart>(b);
    });
    ensure(charts ? 290 : 90);
    page().text(MarginX, m_y + 14, s.title, PdfFont::Bold, 14, Accent);
    page().line(MarginX, m_y + 19, MarginX + ContentWidth, m_y + 19, Accent, 1);
    m_y += 28;
    for (int i = 0; i < s.blocks.size(); ++i) {
        const ReportBlock &block = s.blocks[i];
        if (const auto *p = std::get_if<ReportParagraph>(&block)) {
            paragraph(*p);
        } else if (const auto *sum = std::get_if<ReportSummary>(&block)) {
            summary(*sum);
        } else if (const auto *t = std::get_if<ReportTable>(&block)) {
            table(*t);
        } else if (const auto *c = std::get_if<ReportChart>(&block)) {
            // Charts go two side by side.
            const double h = 190;
            const double gap = 20;
            const double w = (ContentWidth - gap) / 2;
            ensure(h + 8);
            chart(*c, MarginX, m_y, w, h);
            if (i + 1 < s.blocks.size()) {
                if (const auto *next = std::get_if<ReportChart>(&s.blocks[i + 1])) {
                    chart(*next, MarginX + w + gap, m_y, w, h);
                    ++i;
                }
            }
            m_y += h + 10;
        }
    }
    m_y += 8;
}

void Layout::paragraph(const ReportParagraph &p)
{
    const double pad = p.tone ? 7 : 0;
    const QStringList lines = wrapPdfText(p.text, false, BodyFont, ContentWidth - 2 * pad);
    const double h = lines.size() * BodyLine + 2 * pad;
    ensure(h + 6);
    if (p.tone)
        page().fillRect(MarginX, m_y, ContentWidth, h, healthFill(*p.tone));
    const Rgb ink = p.tone ? healthInk(*p.tone) : Ink;
    double y = m_y + pad + BodyFont;
    for (const QString &line : lines) {
        page().text(MarginX + pad, y, line, PdfFont::Regular, BodyFont, ink);
        y += BodyLine;
    }
    m_y += h + 8;
}

void Layout::summary(const ReportSummary &s)
{
    const int perRow = 6;
    const double gap = 10;
    const double w = (ContentWidth - (perRow - 1) * gap) / perRow;
    const double h = 44;
    for (int i = 0; i < s.items.size() && i < s.values.size(); ++i) {
        const int column = i % perRow;
        if (column == 0) {
            if (i > 0)
                m_y += h + gap;
            ensure(h);
        }
        const double x = MarginX + column * (w + gap);
        const ReportCell &cell = s.values[i];
        const bool alarm = cell.health && *cell.health != Health::Healthy;
        if (alarm)
            page().fillRect(x, m_y, w, h, healthFill(*cell.health));
        page().strokeRect(x, m_y, w, h, alarm ? healthInk(*cell.health) : Rule, 0.6);
        page().text(x + 10, m_y + 22, cell.text.isEmpty() ? u"\u2013"_s : cell.text, PdfFont::Bold,
                    16, alarm ? healthInk(*cell.health) : Ink);
        const QStringList label = wrapPdfText(s.items[i].title, false, 7.5, w - 20);
        page().text(x + 10, m_y + 36, label.value(0), PdfFont::Regular, 7.5, Muted);
    }
    m_y += h + 14;
}

QList<double> Layout::columnWidths(const ReportTable &t) const
{
    const int n = int(t.columns.size());
    QList<double> natural(n, 0);
    QList<double> minimum(n, 0);
    for (int c = 0; c < n; ++c) {
        natural[c] = width(t.columns[c].title, true, TableFont);
        for (const QString &word : t.columns[c].title.split(u' '))
            minimum[c] = std::max(minimum[c], width(word, true, TableFont));
    }
    for (const QList<ReportCell> &row : t.rows) {
        for (int c = 0; c < n && c < row.size(); ++c) {
            natural[c] = std::max(natural[c], width(row[c].text, false, TableFont));
            for (const QString &word : row[c].text.split(u' '))
                minimum[c] = std::max(minimum[c], std::min(width(word, false, TableFont), 90.0));
        }
    }
    double naturalSum = 0;
    double minimumSum = 0;
    for (int c = 0; c < n; ++c) {
        // +1: a word exactly as wide as its column must not be broken by rounding.
        natural[c] += 2 * CellPadX + 1;
        minimum[c] += 2 * CellPadX + 1;
        naturalSum += natural[c];
        minimumSum += minimum[c];
    }
    QList<double> widths(n, 0);
    if (naturalSum <= ContentWidth) {
        // Room to spare goes to every column alike, so tables span the page.
        const double extra = (ContentWidth - naturalSum) / n;
        for (int c = 0; c < n; ++c)
            widths[c] = natural[c] + extra;
        return widths;
    }
    const double room = std::max(0.0, ContentWidth - minimumSum);
    const double want = naturalSum - minimumSum;
    for (int c = 0; c < n; ++c)
        widths[c] = minimum[c] + (want > 0 ? room * (natural[c] - minimum[c]) / want : 0);
    return widths;
}

void Layout::tableHeader(const ReportTable &t, const QList<double> &widths, const QString &title)
{
    page().text(MarginX, m_y + 10, title, PdfFont::Bold, 10, Ink);
    m_y += 16;
    int lines = 1;
    QList<QStringList> wrapped;
    for (int c = 0; c < t.columns.size(); ++c) {
        wrapped << wrapPdfText(t.columns[c].title, true, TableFont, widths[c] - 2 * CellPadX);
        lines = std::max(lines, int(wrapped.last().size()));
    }
    const double h = lines * TableLine + 2 * CellPadY;
    page().fillRect(MarginX, m_y, ContentWidth, h, HeaderFill);
    page().line(MarginX, m_y + h, MarginX + ContentWidth, m_y + h, Muted, 0.6);
    double x = MarginX;
    for (int c = 0; c < t.columns.size(); ++c) {
        double y = m_y + CellPadY + TableFont;
        for (const QString &line : wrapped[c]) {
            const double tx = t.columns[c].numeric
                                  ? x + widths[c] - CellPadX - width(line, true, TableFont)
                                  : x + CellPadX;
            page().text(tx, y, line, PdfFont::Bold, TableFont, Ink);
            y += TableLine;
        }
        x += widths[c];
    }
    m_y += h;
}

void Layout::table(const ReportTable &t)
{
    if (t.rows.isEmpty()) {
        ensure(30);
        page().text(MarginX, m_y + 10, t.title, PdfFont::Bold, 10, Ink);
        page().text(MarginX, m_y + 24, t.emptyText.isEmpty() ? Tr::tr("None.") : t.emptyText,
                    PdfFont::Regular, BodyFont, Muted);
        m_y += 36;
        return;
    }
    const QList<double> widths = columnWidths(t);
    ensure(16 + 2 * TableLine + 4 * CellPadY + TableLine);
    tableHeader(t, widths, t.title);
    for (int r = 0; r < t.rows.size(); ++r) {
        const QList<ReportCell> &row = t.rows[r];
        QList<QStringList> wrapped;
        int lines = 1;
        for (int c = 0; c < t.columns.size(); ++c) {
            wrapped << wrapPdfText(row.value(c).text, false, TableFont, widths[c] - 2 * CellPadX);
            lines = std::max(lines, int(wrapped.last().size()));
        }
        const double h = lines * TableLine + 2 * CellPadY;
        if (m_y + h > ContentBottom) {
            newPage();
            tableHeader(t, widths, t.title + Tr::tr(" (continued)"));
        }
        if (r % 2 == 1)
            page().fillRect(MarginX, m_y, ContentWidth, h, Zebra);
        double x = MarginX;
        for (int c = 0; c < t.columns.size(); ++c) {
            const ReportCell cell = row.value(c);
            if (cell.health && *cell.health != Health::Healthy)
                page().fillRect(x + 1, m_y + 1, widths[c] - 2, h - 2, healthFill(*cell.health));
            const Rgb ink = cell.health ? healthInk(*cell.health) : Ink;
            const PdfFont font = cell.health ? PdfFont::Bold : PdfFont::Regular;
            double y = m_y + CellPadY + TableFont;
            for (const QString &line : wrapped[c]) {
                const double tx = t.columns[c].numeric ? x + widths[c] - CellPadX -
                                                             reportTextWidth(line, font, TableFont)
                                                       : x + CellPadX;
                page().text(tx, y, line, font, TableFont, ink);
                y += TableLine;
            }
            x += widths[c];
        }
        page().line(MarginX, m_y + h, MarginX + ContentWidth, m_y + h, Rule, 0.3);
        m_y += h;
    }
    m_y += 12;
}

void Layout::chart(const ReportChart &c, double x, double y, double w, double h)
{
    ReportPage &p = page();
    p.strokeRect(x, y, w, h, Rule, 0.5);
    p.text(x + 8, y + 14, c.title, PdfFont::Bold, 9, Ink);
    const double left = x + 40;
    const double right = x + w - 12;
    const double top = y + 26;
    const double bottom = y + h - 36;
    if (c.series.isEmpty()) {
        p.text(left, (top + bottom) / 2, Tr::tr("No data for this chart."), PdfFont::Regular, 8,
               Muted);
        return;
    }
    const ChartScale scale = chartScale(c);
    auto px = [&](qint64 t) { return left + scale.xFraction(t) * (right - left); };
    auto py = [&](double v) { return bottom - scale.yFraction(v) * (bottom - top); };
    for (double v : scale.yTicks) {
        p.line(left, py(v), right, py(v), Rule, 0.4);
        const QString label = scale.yLabel(v);
        p.text(left - 4 - width(label, false, 7), py(v) + 2.5, label, PdfFont::Regular, 7, Muted);
    }
    for (qint64 t : scale.xTicks) {
        p.line(px(t), bottom, px(t), bottom + 3, Muted, 0.5);
        const QString label = scale.xLabel(t);
        const double lw = width(label, false, 7);
        const double lx = std::clamp(px(t) - lw / 2, left - 10, x + w - 4 - lw); // inside the frame
        p.text(lx, bottom + 12, label, PdfFont::Regular, 7, Muted);
    }
    p.line(left, bottom, right, bottom, Muted, 0.7);
    p.text(x + 8, top - 4 + 0, c.unit, PdfFont::Regular, 7, Muted);
    double legendX = left;
    for (int i = 0; i < c.series.size(); ++i) {
        const ReportSeries &s = c.series[i];
        QList<QPointF> points;
        for (const ReportPoint &pt : s.points)
            points << QPointF(px(pt.time.toMSecsSinceEpoch()), py(pt.value));
        const Rgb color = seriesColor(i);
        if (c.style == ReportChart::Style::Area && points.size() > 1) {
            QList<QPointF> area = points;
            area << QPointF(points.last().x(), bottom) << QPointF(points.first().x(), bottom);
            p.translucentPolygon(area, color);
        }
        if (points.size() == 1) // one point: a short tick so it is visible
            points << points.first() + QPointF(1.5, 0);
        p.polyline(points, color, 1.6);
        p.fillRect(legendX, y + h - 15, 8, 8, color);
        p.text(legendX + 11, y + h - 8.5, s.name, PdfFont::Regular, 8, Ink);
        legendX += 24 + width(s.name, false, 8);
    }
}

QList<ReportPage> Layout::finish()
{
    const int total = int(m_pages.size());
    for (int i = 0; i < total; ++i) {
        ReportPage &p = m_pages[i];
        p.text(MarginX, 30, m_doc.title, PdfFont::Bold, 9, Accent);
        const QString right = m_doc.fleet + u"  \u00b7  "_s + reportTimeText(m_doc.generated);
        p.text(MarginX + ContentWidth - width(right, false, 8), 30, right, PdfFont::Regular, 8,
               Muted);
        p.line(MarginX, 37, MarginX + ContentWidth, 37, Rule, 0.6);
        p.line(MarginX, PageHeight - 32, MarginX + ContentWidth, PageHeight - 32, Rule, 0.6);
        p.text(MarginX, PageHeight - 20, m_doc.generator, PdfFont::Regular, 8, Muted);
        const QString number = Tr::tr("Page %1 of %2").arg(i + 1).arg(total);
        p.text(MarginX + ContentWidth - width(number, false, 8), PageHeight - 20, number,
               PdfFont::Regular, 8, Muted);
    }
    return m_pages;
}

} // namespace

QStringList wrapPdfText(const QString &text, bool bold, double size, double maxWidth)
{
    QStringList lines;
    for (const QString &paragraph : text.split(u'\n')) {
        QString line;
        for (const QString &word : paragraph.split(u' ', Qt::SkipEmptyParts)) {
            const QString candidate = line.isEmpty() ? word : line + u' ' + word;
            if (width(candidate, bold, size) <= maxWidth) {
                line = candidate;
                continue;
            }
            if (!line.isEmpty())
                lines << line;
            line = word;
            // A word wider than the line is cut where it must be.
            while (width(line, bold, size) > maxWidth && line.size() > 1) {
                int n = int(line.size()) - 1;
                while (n > 1 && width(line.left(n), bold, size) > maxWidth)
                    --n;
                lines << line.left(n);
                line = line.mid(n);
            }
        }
        lines << line;
    }
    return lines;
}

QList<ReportPage> layoutPdfPages(const ReportDocument &document)
{
    Layout layout(document);
    layout.titleBlock();
    for (const ReportSection &section : document.sections)
        layout.section(section);
    return layout.finish();
}

QByteArray renderPdf(const ReportDocument &document)
{
    return renderPdfPages(layoutPdfPages(document), PageWidth, PageHeight,
                          {document.title, document.generator, document.generated});
}

} // namespace vipdeck
