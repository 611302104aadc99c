#include "core/report/jsonrenderer.h"

#include "core/report/csvrenderer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

QJsonValue timeJson(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODate)) : QJsonValue();
}

QJsonObject tableJson(const ReportTable &table)
{
    QJsonArray columns;
    for (const ReportColumn &c : table.columns)
        columns.append(QJsonObject{{u"key"_s, c.key}, {u"title"_s, c.title}});
    QJsonArray rows;
    for (const QList<ReportCell> &row : table.rows) {
        QJsonObject object;
        for (int i = 0; i < table.columns.size() && i < row.size(); ++i)
            object.insert(table.columns[i].key, reportValueJson(row[i].value));
        rows.append(object);
    }
    return {{u"title"_s, table.title}, {u"columns"_s, columns}, {u"rows"_s, rows}};
}

QJsonObject chartJson(const ReportChart &chart)
{
    QJsonArray series;
    for (const ReportSeries &s : chart.series) {
        QJsonArray points;
        for (const ReportPoint &p : s.points)
            points.append(QJsonObject{{u"time"_s, timeJson(p.time)}, {u"value"_s, p.value}});
        series.append(QJsonObject{{u"name"_s, s.name}, {u"points"_s, points}});
    }
    return {{u"id"_s, chart.id},
            {u"title"_s, chart.title},
            {u"unit"_s, chart.unit},
            {u"style"_s, chart.style == ReportChart::Style::Area ? u"area"_s : u"line"_s},
            {u"coverage"_s, chart.coverage},
            {u"series"_s, series}};
}

} // namespace

QJsonValue reportValueJson(const QVariant &value)
{
    if (value.isNull() || !value.isValid())
        return QJsonValue::Null;
    switch (value.typeId()) {
    case QMetaType::Bool:
        return value.toBool();
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        return value.toLongLong();
    case QMetaType::Double:
        return value.toDouble();
    default:
        return reportValueText(value);
    }
}

QByteArray renderJson(const ReportDocument &document)
{
    QJsonObject summary;
    for (const ReportSummary *s : document.summaries()) {
        for (int i = 0; i < s->items.size() && i < s->values.size(); ++i)
            summary.insert(s->items[i].key, reportValueJson(s->values[i].value));
    }
    QJsonObject tables;
    for (const ReportTable *t : document.tables())
        tables.insert(t->id, tableJson(*t));
    QJsonArray charts;
    for (const ReportChart *c : document.charts())
        charts.append(chartJson(*c));
    QJsonArray notes;
    for (const ReportSection &section : document.sections) {
        for (const ReportBlock &block : section.blocks) {
            if (const auto *p = std::get_if<ReportParagraph>(&block)) {
                notes.append(QJsonObject{
                    {u"section"_s, section.id},
                    {u"text"_s, p->text},
                    {u"tone"_s, p->tone ? QJsonValue(healthKey(*p->tone)) : QJsonValue()}});
            }
        }
    }
    const QJsonObject root{
        {u"schema"_s, u"vipdeck.report/%1"_s.arg(ReportJsonVersion)},
        {u"format"_s, u"vipdeck-report"_s},
        {u"version"_s, ReportJsonVersion},
        {u"title"_s, document.title},
        {u"fleet"_s, document.fleet},
        {u"generator"_s, document.generator},
        {u"generated"_s, timeJson(document.generated)},
        {u"since"_s, timeJson(document.since)},
        {u"until"_s, timeJson(document.until)},
        {u"audit_anchor"_s, document.auditAnchor.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                           : QJsonValue(document.auditAnchor)},
        {u"summary"_s, summary},
        {u"tables"_s, tables},
        {u"charts"_s, charts},
        {u"notes"_s, notes},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace vipdeck
