#include "core/report/reportdocument.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

// This file's messages, in a context lupdate can see.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vipdeck::Report)
};

template <typename T> QList<const T *> blocksOf(const QList<ReportSection> &sections)
{
    QList<const T *> found;
    for (const ReportSection &section : sections) {
        for (const ReportBlock &block : section.blocks) {
            if (const T *t = std::get_if<T>(&block))
                found << t;
        }
    }
    return found;
}

} // namespace

ReportCell ReportCell::fromText(const QString &text)
{
    return {text, text, std::nullopt};
}

ReportCell ReportCell::fromInt(qint64 number)
{
    return {number, QString::number(number), std::nullopt};
}

ReportCell ReportCell::fromBool(bool yes)
{
    return {yes, yes ? Tr::tr("yes") : Tr::tr("no"), std::nullopt};
}

ReportCell ReportCell::fromTime(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    return {time.toUTC(), reportTimeText(time), std::nullopt};
}

ReportCell ReportCell::fromHealth(Health health)
{
    return {healthKey(health), healthName(health), health};
}

int ReportTable::columnIndex(const QString &key) const
{
    for (int i = 0; i < columns.size(); ++i) {
        if (columns[i].key == key)
            return i;
    }
    return -1;
}

double ReportChart::maxValue() const
{
    double max = 0;
    for (const ReportSeries &s : series) {
        for (const ReportPoint &p : s.points)
            max = std::max(max, p.value);
    }
    return max;
}

QDateTime ReportChart::firstTime() const
{
    QDateTime first;
    for (const ReportSeries &s : series) {
        if (!s.points.isEmpty() && (!first.isValid() || s.points.first().time < first))
            first = s.points.first().time;
    }
    return first;
}

QDateTime ReportChart::lastTime() const
{
    QDateTime last;
    for (const ReportSeries &s : series) {
        if (!s.points.isEmpty() && (!last.isValid() || s.points.last().time > last))
            last = s.points.last().time;
    }
    return last;
}

const ReportTable *ReportDocument::table(const QString &id) const
{
    for (const ReportTable *t : tables()) {
        if (t->id == id)
            return t;
    }
    return nullptr;
}

QList<const ReportTable *> ReportDocument::tables() const
{
    return blocksOf<ReportTable>(sections);
}

QList<const ReportChart *> ReportDocument::charts() const
{
    return blocksOf<ReportChart>(sections);
}

QList<const ReportSummary *> ReportDocument::summaries() const
{
    return blocksOf<ReportSummary>(sections);
}

QString healthKey(Health health)
{
    switch (health) {
    case Health::Healthy:
        return u"healthy"_s;
    case Health::Unknown:
        return u"unknown"_s;
    case Health::Degraded:
        return u"degraded"_s;
    case Health::Critical:
        return u"critical"_s;
    }
    return u"unknown"_s;
}

QString reportTimeText(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    return time.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s) + u" UTC"_s;
}

} // namespace vipdeck
