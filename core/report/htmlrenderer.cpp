#include "core/report/htmlrenderer.h"

#include "core/report/reportstyle.h"

#include <QCoreApplication>
#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

using namespace reportstyle;

// This file's messages, in a context lupdate can see.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vipdeck::Report)
};

// No '<', '>' or '&': the writer would escape them, which a browser reading
// <style> as raw text would not undo.
const QString Css = uR"(
body { font-family: Helvetica, Arial, sans-serif; color: #1f2937; margin: 0; background: #ffffff; font-size: 14px; }
header { background: #1e3a5f; color: #ffffff; padding: 20px 32px; }
header h1 { margin: 0 0 6px 0; font-size: 24px; }
header p { margin: 0; color: #d1d5db; font-size: 13px; }
main { padding: 8px 32px 32px 32px; max-width: 1200px; }
h2 { font-size: 18px; border-bottom: 2px solid #1e3a5f; padding-bottom: 4px; margin-top: 28px; }
h3 { font-size: 14px; color: #374151; margin: 18px 0 6px 0; }
table { border-collapse: collapse; width: 100%; font-size: 12px; }
th { background: #f3f4f6; text-align: left; padding: 5px 6px; border-bottom: 1px solid #d1d5db; }
td { padding: 4px 6px; border-bottom: 1px solid #e5e7eb; vertical-align: top; }
td.num, th.num { text-align: right; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 12px 0; }
.card { border: 1px solid #d1d5db; border-radius: 6px; padding: 8px 14px; min-width: 120px; }
.card .value { font-size: 22px; font-weight: bold; }
.card .label { font-size: 12px; color: #6b7280; }
p.note { padding: 8px 12px; border-radius: 4px; white-space: pre-line; }
p.empty, p.coverage { color: #6b7280; font-style: italic; }
figure { margin: 14px 0; }
figcaption { font-weight: bold; font-size: 13px; margin-bottom: 4px; }
footer { color: #6b7280; font-size: 12px; padding: 12px 32px; border-top: 1px solid #d1d5db; }
)"_s;

QString healthStyle(Health health)
{
    return u"color: %1; background: %2;"_s.arg(healthInk(health).hex(), healthFill(health).hex());
}

void element(QXmlStreamWriter &w, const QString &name, const QString &text, const QString &cls = {})
{
    w.writeStartElement(name);
    if (!cls.isEmpty())
        w.writeAttribute(u"class"_s, cls);
    w.writeCharacters(text);
    w.writeEndElement();
}

void writeSummary(QXmlStreamWriter &w, const ReportSummary &summary)
{
    w.writeStartElement(u"div"_s);
    w.writeAttribute(u"class"_s, u"cards"_s);
    for (int i = 0; i < summary.items.size() && i < summary.values.size(); ++i) {
        const ReportCell &cell = summary.values[i];
        w.writeStartElement(u"div"_s);
        w.writeAttribute(u"class"_s, u"card"_s);
        if (cell.health && *cell.health != Health::Healthy)
            w.writeAttribute(u"style"_s, healthStyle(*cell.health));
        w.writeAttribute(u"data-key"_s, summary.items[i].key);
        element(w, u"div"_s, cell.text.isEmpty() ? u"\u2013"_s : cell.text, u"value"_s);
        element(w, u"div"_s, summary.items[i].title, u"label"_s);
        w.writeEndElement();
    }
    w.writeEndElement();
}

void writeTable(QXmlStreamWriter &w, const ReportTable &table)
{
    element(w, u"h3"_s, table.title);
    if (table.rows.isEmpty()) {
        element(w, u"p"_s, table.emptyText.isEmpty() ? Tr::tr("None.") : table.emptyText,
                u"empty"_s);
        return;
    }
    w.writeStartElement(u"table"_s);
    w.writeAttribute(u"id"_s, u"table-"_s + table.id);
    w.writeStartElement(u"thead"_s);
    w.writeStartElement(u"tr"_s);
    for (const ReportColumn &c : table.columns)
        element(w, u"th"_s, c.title, c.numeric ? u"num"_s : QString());
    w.writeEndElement();
    w.writeEndElement();
    w.writeStartElement(u"tbody"_s);
    for (const QList<ReportCell> &row : table.rows) {
        w.writeStartElement(u"tr"_s);
        for (int i = 0; i < row.size() && i < table.columns.size(); ++i) {
            w.writeStartElement(u"td"_s);
            if (table.columns[i].numeric)
                w.writeAttribute(u"class"_s, u"num"_s);
            if (row[i].health)
                w.writeAttribute(u"style"_s, healthStyle(*row[i].health));
            w.writeCharacters(row[i].text);
            w.writeEndElement();
        }
        w.writeEndElement();
    }
    w.writeEndElement();
    w.writeEndElement();
}

QString num(double v)
{
    return QString::number(v, 'f', 1);
}

void svgText(QXmlStreamWriter &w, double x, double y, const QString &text, const QString &anchor,
             const QString &fill = Muted.hex())
{
    w.writeStartElement(u"text"_s);
    w.writeAttribute(u"x"_s, num(x));
    w.writeAttribute(u"y"_s, num(y));
    w.writeAttribute(u"text-anchor"_s, anchor);
    w.writeAttribute(u"font-size"_s, u"11"_s);
    w.writeAttribute(u"fill"_s, fill);
    w.writeCharacters(text);
    w.writeEndElement();
}

void svgLine(QXmlStreamWriter &w, double x1, double y1, double x2, double y2, const QString &color)
{
    w.writeEmptyElement(u"line"_s);
    w.writeAttribute(u"x1"_s, num(x1));
    w.writeAttribute(u"y1"_s, num(y1));
    w.writeAttribute(u"x2"_s, num(x2));
    w.writeAttribute(u"y2"_s, num(y2));
    w.writeAttribute(u"stroke"_s, color);
    w.writeAttribute(u"stroke-width"_s, u"1"_s);
}

void writeChart(QXmlStreamWriter &w, const ReportChart &chart)
{
    const double width = 720;
    const double height = 230;
    const double left = 52;
    const double right = width - 16;
    const double top = 12;
    const double bottom = height - 52;
    const ChartScale scale = chartScale(chart);
    auto px = [&](qint64 t) { return left + scale.xFraction(t) * (right - left); };
    auto py = [&](double v) { return bottom - scale.yFraction(v) * (bottom - top); };

    w.writeStartElement(u"figure"_s);
    w.writeAttribute(u"id"_s, u"chart-"_s + chart.id);
    element(w, u"figcaption"_s, chart.title);
    if (chart.series.isEmpty()) {
        element(w, u"p"_s, Tr::tr("No data for this chart."), u"empty"_s);
        w.writeEndElement();
        return;
    }
    w.writeStartElement(u"svg"_s);
    w.writeDefaultNamespace(u"http://www.w3.org/2000/svg"_s);
    w.writeAttribute(u"width"_s, num(width));
    w.writeAttribute(u"height"_s, num(height));
    w.writeAttribute(u"viewBox"_s, u"0 0 %1 %2"_s.arg(width).arg(height));
    w.writeAttribute(u"role"_s, u"img"_s);
    w.writeAttribute(u"style"_s, u"max-width: 100%; height: auto;"_s);
    w.writeAttribute(u"font-family"_s, u"Helvetica, Arial, sans-serif"_s);
    element(w, u"title"_s, chart.title);
    for (double v : scale.yTicks) {
        svgLine(w, left, py(v), right, py(v), Rule.hex());
        svgText(w, left - 6, py(v) + 4, scale.yLabel(v), u"end"_s);
    }
    for (qint64 t : scale.xTicks) {
        svgLine(w, px(t), bottom, px(t), bottom + 4, Muted.hex());
        // Labels at the edges are anchored inside the frame.
        const QString anchor = px(t) < left + 25    ? u"start"_s
                               : px(t) > right - 25 ? u"end"_s
                                                    : u"middle"_s;
        svgText(w, px(t), bottom + 17, scale.xLabel(t), anchor);
    }
    svgLine(w, left, bottom, right, bottom, Muted.hex());
    w.writeStartElement(u"text"_s);
    w.writeAttribute(u"transform"_s,
                     u"translate(12 %1) rotate(-90)"_s.arg(num((top + bottom) / 2)));
    w.writeAttribute(u"text-anchor"_s, u"middle"_s);
    w.writeAttribute(u"font-size"_s, u"11"_s);
    w.writeAttribute(u"fill"_s, Muted.hex());
    w.writeCharacters(chart.unit);
    w.writeEndElement();

    double legendX = left;
    for (int i = 0; i < chart.series.size(); ++i) {
        const ReportSeries &s = chart.series[i];
        const QString color = seriesColor(i).hex();
        QStringList points;
        for (const ReportPoint &p : s.points)
            points << num(px(p.time.toMSecsSinceEpoch())) + u',' + num(py(p.value));
        if (chart.style == ReportChart::Style::Area && s.points.size() > 1) {
            w.writeEmptyElement(u"polygon"_s);
            w.writeAttribute(u"points"_s, num(px(s.points.first().time.toMSecsSinceEpoch())) +
                                              u',' + num(bottom) + u' ' + points.join(u' ') + u' ' +
                                              num(px(s.points.last().time.toMSecsSinceEpoch())) +
                                              u',' + num(bottom));
            w.writeAttribute(u"fill"_s, color);
            w.writeAttribute(u"fill-opacity"_s, u"0.15"_s);
            w.writeAttribute(u"stroke"_s, u"none"_s);
        }
        w.writeEmptyElement(u"polyline"_s);
        w.writeAttribute(u"points"_s, points.join(u' '));
        w.writeAttribute(u"fill"_s, u"none"_s);
        w.writeAttribute(u"stroke"_s, color);
        w.writeAttribute(u"stroke-width"_s, u"2"_s);
        w.writeAttribute(u"stroke-linejoin"_s, u"round"_s);
        w.writeEmptyElement(u"rect"_s);
        w.writeAttribute(u"x"_s, num(legendX));
        w.writeAttribute(u"y"_s, num(height - 20));
        w.writeAttribute(u"width"_s, u"10"_s);
        w.writeAttribute(u"height"_s, u"10"_s);
        w.writeAttribute(u"fill"_s, color);
        svgText(w, legendX + 14, height - 11, s.name, u"start"_s, Ink.hex());
        legendX += 30 + 7 * s.name.size();
    }
    w.writeEndElement(); // svg
    element(w, u"p"_s, chart.coverage, u"coverage"_s);
    w.writeEndElement(); // figure
}

} // namespace

QByteArray renderHtml(const ReportDocument &document)
{
    QByteArray out;
    QXmlStreamWriter w(&out);
    w.setAutoFormatting(true);
    w.setAutoFormattingIndent(1);
    w.writeDTD(u"<!DOCTYPE html>"_s);
    w.writeStartElement(u"html"_s);
    w.writeDefaultNamespace(u"http://www.w3.org/1999/xhtml"_s);
    w.writeAttribute(u"lang"_s, u"en"_s);
    w.writeStartElement(u"head"_s);
    w.writeEmptyElement(u"meta"_s);
    w.writeAttribute(u"charset"_s, u"utf-8"_s);
    w.writeEmptyElement(u"meta"_s);
    w.writeAttribute(u"name"_s, u"generator"_s);
    w.writeAttribute(u"content"_s, document.generator);
    element(w, u"title"_s, document.title + u" \u2013 "_s + reportTimeText(document.generated));
    element(w, u"style"_s, Css);
    w.writeEndElement(); // head

    w.writeStartElement(u"body"_s);
    w.writeStartElement(u"header"_s);
    element(w, u"h1"_s, document.title);
    element(
        w, u"p"_s,
        Tr::tr("Fleet %1 \u00b7 generated %2 \u00b7 window %3 to %4 (history and audit entries)")
            .arg(document.fleet, reportTimeText(document.generated), reportTimeText(document.since),
                 reportTimeText(document.until)));
    w.writeEndElement();
    w.writeStartElement(u"main"_s);
    for (const ReportSection &section : document.sections) {
        w.writeStartElement(u"section"_s);
        w.writeAttribute(u"id"_s, section.id);
        element(w, u"h2"_s, section.title);
        for (const ReportBlock &block : section.blocks) {
            if (const auto *p = std::get_if<ReportParagraph>(&block)) {
                w.writeStartElement(u"p"_s);
                w.writeAttribute(u"class"_s, u"note"_s);
                if (p->tone)
                    w.writeAttribute(u"style"_s, healthStyle(*p->tone));
                w.writeCharacters(p->text);
                w.writeEndElement();
            } else if (const auto *s = std::get_if<ReportSummary>(&block)) {
                writeSummary(w, *s);
            } else if (const auto *t = std::get_if<ReportTable>(&block)) {
                writeTable(w, *t);
            } else if (const auto *c = std::get_if<ReportChart>(&block)) {
                writeChart(w, *c);
            }
        }
        w.writeEndElement();
    }
    w.writeEndElement(); // main
    element(w, u"footer"_s, document.generator);
    w.writeEndElement(); // body
    w.writeEndElement(); // html
    // Auto-formatting starts with a line break; a page should start with its doctype.
    return out.trimmed() + '\n';
}

} // namespace vipdeck
