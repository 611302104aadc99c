#include "core/report/reportdocument.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

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

ReportCell ReportCell::fromDuration(qint64 ms)
{
    const qint64 secs = (ms + 500) / 1000;
    QString text;
    if (secs < 60)
        text = Tr::tr("%1 s").arg(secs);
    else if (secs < 3600)
        text = Tr::tr("%1 min %2 s").arg(secs / 60).arg(secs % 60, 2, 10, QLatin1Char('0'));
    else if (secs < 86400)
        text =
            Tr::tr("%1 h %2 min").arg(secs / 3600).arg(secs % 3600 / 60, 2, 10, QLatin1Char('0'));
    else
        text =
            Tr::tr("%1 d %2 h").arg(secs / 86400).arg(secs % 86400 / 3600, 2, 10, QLatin1Char('0'));
    return {secs, text, std::nullopt};
}

ReportCell ReportCell::fromRatio(double ratio)
{
    if (ratio < 0)
        return {};
    // Rounded down: 99.996 % is not "100.00 %".
    const double percent = ratio >= 1.0 ? 100.0 : std::floor(ratio * 10000.0) / 100.0;
    return {ratio, Tr::tr("%1 %").arg(percent, 0, 'f', 2), std::nullopt};
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

QString reportTimeText(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    return time.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s) + u" UTC"_s;
}

} // namespace vipdeck
