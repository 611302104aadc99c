#include "core/report/reportstyle.h"

#include <QDateTime>

#include <algorithm>
#include <cmath>
#include <iterator>

using namespace Qt::StringLiterals;

namespace vipdeck::reportstyle {

QString Rgb::hex() const
{
    return u"#%1%2%3"_s.arg(r, 2, 16, QChar(u'0'))
        .arg(g, 2, 16, QChar(u'0'))
        .arg(b, 2, 16, QChar(u'0'));
}

Rgb healthInk(Health health)
{
    switch (health) {
    case Health::Healthy:
        return {0x16, 0x6b, 0x34};
    case Health::Unknown:
        return {0x4b, 0x55, 0x63};
    case Health::Degraded:
        return {0x92, 0x40, 0x0e};
    case Health::Critical:
        return {0xb9, 0x1c, 0x1c};
    }
    return Ink;
}

Rgb healthFill(Health health)
{
    switch (health) {
    case Health::Healthy:
        return {0xdc, 0xfc, 0xe7};
    case Health::Unknown:
        return {0xe5, 0xe7, 0xeb};
    case Health::Degraded:
        return {0xfe, 0xf3, 0xc7};
    case Health::Critical:
        return {0xfe, 0xe2, 0xe2};
    }
    return HeaderFill;
}

Rgb seriesColor(int index)
{
    static constexpr Rgb palette[] = {{0x25, 0x63, 0xeb}, {0xea, 0x58, 0x0c}, {0x05, 0x96, 0x69},
                                      {0x7c, 0x3a, 0xed}, {0xdb, 0x27, 0x77}, {0x0e, 0x74, 0x90}};
    return palette[index % int(std::size(palette))];
}

double ChartScale::xFraction(qint64 msecs) const
{
    return t1 > t0 ? double(msecs - t0) / double(t1 - t0) : 0.5;
}

double ChartScale::yFraction(double value) const
{
    return yMax > 0 ? std::clamp(value / yMax, 0.0, 1.0) : 0.0;
}

QString ChartScale::yLabel(double value) const
{
    if (std::abs(value - std::round(value)) < 1e-9)
        return QString::number(qint64(std::round(value)));
    return QString::number(value, 'g', 3);
}

QString ChartScale::xLabel(qint64 msecs) const
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC);
    return t.toString(xStepSecs < 60 ? u"HH:mm:ss"_s : u"HH:mm"_s);
}

ChartScale chartScale(const ReportChart &chart)
{
    ChartScale scale;
    const double max = chart.maxValue();
    // A step of 1, 2 or 5 times a power of ten gives four or five gridlines.
    double step = 1;
    if (max > 0) {
        const double raw = max / 4;
        const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
        const double norm = raw / magnitude;
        step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * magnitude;
    }
    scale.yMax = max > 0 ? std::ceil(max / step - 1e-9) * step : 4;
    for (double v = 0; v <= scale.yMax + step / 2; v += step)
        scale.yTicks << v;

    const QDateTime first = chart.firstTime();
    const QDateTime last = chart.lastTime();
    scale.t0 = first.isValid() ? first.toMSecsSinceEpoch() : 0;
    scale.t1 = last.isValid() ? last.toMSecsSinceEpoch() : 1;
    if (scale.t1 <= scale.t0)
        scale.t1 = scale.t0 + 1000;
    const qint64 spanSecs = (scale.t1 - scale.t0) / 1000;
    static constexpr qint64 steps[] = {1,   2,   5,    10,   15,   30,    60,    120,   300,
                                       600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400};
    scale.xStepSecs = steps[std::size(steps) - 1];
    for (qint64 s : steps) {
        if (spanSecs / s <= 6) {
            scale.xStepSecs = s;
            break;
        }
    }
    const qint64 stepMs = scale.xStepSecs * 1000;
    for (qint64 t = (scale.t0 + stepMs - 1) / stepMs * stepMs; t <= scale.t1; t += stepMs)
        scale.xTicks << t;
    return scale;
}

} // namespace vipdeck::reportstyle
