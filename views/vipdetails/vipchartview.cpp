#include "views/vipdetails/vipchartview.h"

#include "core/history/historystore.h"
#include "models/timeseriesstore.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPalette>
#include <QVBoxLayout>
#include <QValueAxis>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

constexpr qint64 kMinuteMs = 60'000;
constexpr qint64 kHourMs = 60 * kMinuteMs;

struct WindowSpec
{
    qint64 lengthMs;
    qint64 stepMs; // one point per step; a missing step is a gap
    const char *axisFormat;
};

WindowSpec spec(VipChartView::Window window)
{
    switch (window) {
    case VipChartView::Window::Hour:
        return {kHourMs, 0, "HH:mm"};
    case VipChartView::Window::Day:
        return {24 * kHourMs, kMinuteMs, "HH:mm"};
    case VipChartView::Window::Week:
        return {7 * 24 * kHourMs, 10 * kMinuteMs, "ddd HH:mm"};
    case VipChartView::Window::Month:
        return {30 * 24 * kHourMs, kHourMs, "MMM d"};
    }
    return {kHourMs, 0, "HH:mm"};
}

QChartView *makeChart(QChart *chart, const QString &title, QList<QLineSeries *> series,
                      QDateTimeAxis *time, QValueAxis *values)
{
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
    , m_window(new QComboBox)
    , m_note(new QLabel)
    , m_trafficChart(new QChart)
    , m_errorChart(new QChart)
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
    m_window->setObjectName(u"chartWindow"_s);
    m_window->addItem(tr("Last hour (live)"));
    m_window->addItem(tr("Last 24 hours"));
    m_window->addItem(tr("Last 7 days"));
    m_window->addItem(tr("Last 30 days"));
    m_window->setToolTip(tr("Longer windows come from the fleet's history store, recorded while "
                            "the console is open or by `vipdeckctl record`; times nothing was "
                            "recorded are gaps"));
    m_note->setObjectName(u"chartNote"_s);
    m_note->setWordWrap(true);
    auto *top = new QHBoxLayout;
    top->addWidget(m_window);
    top->addWidget(m_note, 1);
    auto *charts = new QHBoxLayout;
    charts->addWidget(
        makeChart(m_trafficChart, tr("Traffic"), {m_sessions, m_requests}, m_time, m_traffic));
    charts->addWidget(
        makeChart(m_errorChart, tr("HTTP 5xx"), {m_errors}, m_errorTime, m_errorValues));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addLayout(charts, 1);
    connect(store, &TimeSeriesStore::appended, this, &VipChartView::refresh);
    connect(m_window, &QComboBox::currentIndexChanged, this, [this] {
        m_lastRequestMs = 0;
        refresh();
    });
    setHistory(nullptr);
}

void VipChartView::setVip(const QString &vip)
{
    m_vip = vip;
    m_lastRequestMs = 0;
    refresh();
}

void VipChartView::setHistory(HistoryStore *history)
{
    m_history = history;
    ++m_request; // answers from a store being closed are not drawn
    // Without a store only the live hour can be shown.
    if (!m_history && window() != Window::Hour)
        m_window->setCurrentIndex(0);
    m_window->setEnabled(m_history != nullptr);
    m_lastRequestMs = 0;
    refresh();
}

void VipChartView::setWindow(Window window)
{
    m_window->setCurrentIndex(int(window));
}

VipChartView::Window VipChartView::window() const
{
    return Window(std::max(0, m_window->currentIndex()));
}

int VipChartView::pointCount() const
{
    int count = int(m_sessions->count());
    for (QLineSeries *s : m_pieces)
        if (s->name() == m_sessions->name())
            count += int(s->count());
    return count;
}

int VipChartView::segmentCount() const
{
    int count = m_sessions->count() > 0 ? 1 : 0;
    for (QLineSeries *s : m_pieces)
        if (s->name() == m_sessions->name())
            ++count;
    return count;
}

QString VipChartView::note() const
{
    return m_note->text();
}

QString VipChartView::windowPhrase(Window window)
{
    switch (window) {
    case Window::Hour:
        return tr("last hour (live)");
    case Window::Day:
        return tr("last 24 hours");
    case Window::Week:
        return tr("last 7 days");
    case Window::Month:
        return tr("last 30 days");
    }
    return {};
}

void VipChartView::refresh()
{
    const QString phrase = windowPhrase(window());
    m_trafficChart->setTitle(tr("Traffic, %1").arg(phrase));
    m_errorChart->setTitle(tr("HTTP 5xx, %1").arg(phrase));
    if (window() == Window::Hour) {
        refreshLive();
        return;
    }
    // Read again at most once per step (or minute): the store gains a
    // minute's sample per minute.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now - m_lastRequestMs >= std::max(kMinuteMs, spec(window()).stepMs))
        requestHistory();
}

void VipChartView::clearPieces()
{
    for (QLineSeries *s : std::as_const(m_pieces)) {
        s->chart()->removeSeries(s);
        delete s;
    }
    m_pieces.clear();
}

QLineSeries *VipChartView::piece(QChart *chart, QLineSeries *main, QDateTimeAxis *time,
                                 QValueAxis *values)
{
    auto *s = new QLineSeries;
    s->setName(main->name());
    s->setPen(main->pen());
    chart->addSeries(s);
    s->attachAxis(time);
    s->attachAxis(values);
    for (QLegendMarker *marker : chart->legend()->markers(s))
        marker->setVisible(false); // one legend entry per line, however many pieces
    m_pieces << s;
    return s;
}

void VipChartView::refreshLive()
{
    clearPieces();
    m_note->setText(m_history ? QString() : tr("No history store: only the last hour is shown."));
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
    for (QDateTimeAxis *axis : {m_time, m_errorTime}) {
        axis->setFormat(u"HH:mm"_s);
        axis->setRange(start, end);
    }
    // At least 0..10 so an idle VIP gets readable whole-number ticks.
    m_traffic->setRange(0, std::max(10.0, maxTraffic * 1.15));
    m_errorValues->setRange(0, std::max(10.0, maxErrors * 1.15));
    m_traffic->applyNiceNumbers();
    m_errorValues->applyNiceNumbers();
}

void VipChartView::requestHistory()
{
    if (!m_history || m_vip.isEmpty())
        return;
    const WindowSpec s = spec(window());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_lastRequestMs = now;
    const quint64 request = ++m_request;
    m_note->setText(tr("Reading the history store…"));
    m_history->trafficAsync(
        m_vip, now - s.lengthMs, now, s.stepMs, this,
        [this, request, step = s.stepMs](const Result<QList<HistoryPoint>> &points) {
            if (request != m_request)
                return; // the VIP, window or store changed meanwhile
            if (!points) {
                m_note->setText(tr("History unavailable: %1").arg(points.error().toString()));
                drawHistory({}, step);
                return;
            }
            drawHistory(*points, step);
            emit historyShown();
        });
}

void VipChartView::drawHistory(const QList<HistoryPoint> &points, qint64 stepMs)
{
    clearPieces();
    const WindowSpec s = spec(window());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // One piece per run of consecutive steps: a missing step ends a piece.
    struct Line
    {
        QLineSeries *main;
        QChart *chart;
        QDateTimeAxis *time;
        QValueAxis *values;
        double (*value)(const HistoryPoint &);
    };
    const Line lines[] = {
        {m_sessions, m_trafficChart, m_time, m_traffic,
         [](const HistoryPoint &p) { return p.sessions; }},
        {m_requests, m_trafficChart, m_time, m_traffic,
         [](const HistoryPoint &p) { return p.requestRate; }},
        {m_errors, m_errorChart, m_errorTime, m_errorValues,
         [](const HistoryPoint &p) { return p.http5xxPerSec; }},
    };
    double maxTraffic = 1, maxErrors = 1;
    int gaps = 0;
    for (const Line &line : lines) {
        QList<QList<QPointF>> pieces;
        qint64 previous = -1;
        for (const HistoryPoint &p : points) {
            if (pieces.isEmpty() || p.msecs - previous > stepMs)
                pieces.append(QList<QPointF>{});
            pieces.last() << QPointF(double(p.msecs), line.value(p));
            previous = p.msecs;
            (line.main == m_errors ? maxErrors : maxTraffic) =
                std::max(line.main == m_errors ? maxErrors : maxTraffic, line.value(p));
        }
        line.main->replace(pieces.isEmpty() ? QList<QPointF>{} : pieces.first());
        for (qsizetype i = 1; i < pieces.size(); ++i)
            piece(line.chart, line.main, line.time, line.values)->replace(pieces[i]);
        if (line.main == m_sessions)
            gaps = int(std::max<qsizetype>(0, pieces.size() - 1));
    }
    for (QDateTimeAxis *axis : {m_time, m_errorTime}) {
        axis->setFormat(QString::fromLatin1(s.axisFormat));
        axis->setRange(QDateTime::fromMSecsSinceEpoch(now - s.lengthMs),
                       QDateTime::fromMSecsSinceEpoch(now));
    }
    m_traffic->setRange(0, std::max(10.0, maxTraffic * 1.15));
    m_errorValues->setRange(0, std::max(10.0, maxErrors * 1.15));
    m_traffic->applyNiceNumbers();
    m_errorValues->applyNiceNumbers();
    if (points.isEmpty())
        m_note->setText(tr("Nothing recorded for %1 in this window.").arg(m_vip));
    else if (gaps > 0)
        m_note->setText(tr("%n gap(s) where nothing was recorded.", nullptr, gaps));
    else
        m_note->clear();
}

} // namespace vipdeck
