#include "views/vipdetails/vipchartview.h"

#include "models/timeseriesstore.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLineSeries>
#include <QPalette>
#include <QValueAxis>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

QChartView *makeChart(const QString &title, QList<QLineSeries *> series, QDateTimeAxis *time,
                      QValueAxis *values)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    // Follow the system palette: a dark chart in a dark desktop.
    const bool dark = QGuiApplication::palette().color(QPalette::Window).lightness() < 128;
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundRoundness(0);
    chart->legend()->setAlignment(Qt::AlignBottom);
    time->setFormat(u"HH:mm"_s);
    time->setTickCount(5);
    values->setLabelFormat(u"%.0f"_s);
    values->setTickCount(5);
    values->setMin(0);
    chart->addAxis(time, Qt::AlignBottom);
    chart->addAxis(values, Qt::AlignLeft);
    for (QLineSeries *s : series) {
        chart->addSeries(s);
        s->attachAxis(time);
        s->attachAxis(values);
    }
    auto *view = new QChartView(chart);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(260);
    return view;
}

} // namespace

VipChartView::VipChartView(TimeSeriesStore *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_sessions(new QLineSeries)
    , m_requests(new QLineSeries)
    , m_errors(new QLineSeries)
    , m_time(new QDateTimeAxis)
    , m_traffic(new QValueAxis)
    , m_errorTime(new QDateTimeAxis)
    , m_errorValues(new QValueAxis)
{
    setObjectName(u"vipCharts"_s);
    m_sessions->setName(tr("Sessions"));
    m_requests->setName(tr("Requests/s"));
    m_errors->setName(tr("5xx/s"));
    m_errors->setColor(QColor(0xd3, 0x2f, 0x2f));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(
        makeChart(tr("Traffic, last hour"), {m_sessions, m_requests}, m_time, m_traffic));
    layout->addWidget(makeChart(tr("HTTP 5xx, last hour"), {m_errors}, m_errorTime, m_errorValues));
    connect(store, &TimeSeriesStore::appended, this, &VipChartView::refresh);
}

void VipChartView::setVip(const QString &vip)
{
    m_vip = vip;
    refresh();
}

int VipChartView::pointCount() const
{
    return int(m_sessions->count());
}

void VipChartView::refresh()
{
    if (!isVisible() && m_sessions->count() > 0 && !m_vip.isEmpty())
        return; // charts are redrawn when shown; skip the work while hidden
    const auto &series = m_store->series(m_vip);
    QList<QPointF> sessions, requests, errors;
    sessions.reserve(qsizetype(series.size()));
    requests.reserve(qsizetype(series.size()));
    errors.reserve(qsizetype(series.size()));
    double maxTraffic = 1, maxErrors = 1;
    for (const TimeSeriesStore::Point &p : series) {
        const double t = double(p.msecs);
        sessions << QPointF(t, double(p.sessions));
        requests << QPointF(t, double(p.requestRate));
        errors << QPointF(t, p.http5xxPerSec);
        maxTraffic = std::max({maxTraffic, double(p.sessions), double(p.requestRate)});
        maxErrors = std::max(maxErrors, p.http5xxPerSec);
    }
    m_sessions->replace(sessions);
    m_requests->replace(requests);
    m_errors->replace(errors);
    const QDateTime end = series.empty() ? QDateTime::currentDateTime()
                                         : QDateTime::fromMSecsSinceEpoch(series.back().msecs);
    const QDateTime start = end.addSecs(-qint64(m_store->window().count()));
    for (QDateTimeAxis *axis : {m_time, m_errorTime})
        axis->setRange(start, end);
    // At least 0..10 so an idle VIP gets readable whole-number ticks.
    m_traffic->setRange(0, std::max(10.0, maxTraffic * 1.15));
    m_errorValues->setRange(0, std::max(10.0, maxErrors * 1.15));
    m_traffic->applyNiceNumbers();
    m_errorValues->applyNiceNumbers();
}

} // namespace vipdeck
