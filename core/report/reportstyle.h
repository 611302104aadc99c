#pragma once

// ReportStyle: the colours and chart scales the HTML and PDF renderers share,
// so both formats look alike.  Plain RGB values: core links no QtGui.

#include "core/fleet/verdict.h"
#include "core/report/reportdocument.h"

#include <QList>
#include <QString>

namespace vipdeck::reportstyle {

struct Rgb
{
    int r = 0;
    int g = 0;
    int b = 0;

    QString hex() const; // "#1f6feb"
};

inline constexpr Rgb Ink{0x1f, 0x29, 0x37};        // body text
inline constexpr Rgb Muted{0x6b, 0x72, 0x80};      // captions, axes
inline constexpr Rgb Rule{0xd1, 0xd5, 0xdb};       // lines, grid
inline constexpr Rgb HeaderFill{0xf3, 0xf4, 0xf6}; // table header, zebra
inline constexpr Rgb Accent{0x1e, 0x3a, 0x5f};     // title bar

// Text colour and pale background of a verdict.
Rgb healthInk(Health health);
Rgb healthFill(Health health);
// Colour of the index-th series of a chart.
Rgb seriesColor(int index);

// The axes of a chart: a y range from 0 to a round maximum with its ticks,
// and the time range with ticks at round times.
struct ChartScale
{
    double yMax = 1;
    QList<double> yTicks;
    qint64 t0 = 0; // msecs since epoch
    qint64 t1 = 1;
    QList<qint64> xTicks;
    qint64 xStepSecs = 1;

    // Position of a value within [0, 1] of the plot's width or height.
    double xFraction(qint64 msecs) const;
    double yFraction(double value) const;
    QString yLabel(double value) const;
    QString xLabel(qint64 msecs) const; // UTC
};

ChartScale chartScale(const ReportChart &chart);

} // namespace vipdeck::reportstyle
