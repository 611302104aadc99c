// bench_history: the history store at the seeds' scale, 2 hosts x 150 VIPs
// x 4 servers polled every second (issue 14's targets: under 50 MB per day on
// SQLite, under 2 % of a core for the writer, a report over 7 or 30 days in
// under 2 s).
//
// 1. Recorder: --polls polls of one virtual second each (default 3600, one
//    hour) through HistoryRecorder into a SQLite file, with traffic counters
//    moving at every poll and about one server in a thousand changing state
//    per minute.  Reports the CPU time of record() (what the recorder adds to
//    a poll), its share of a core at 1 s polling, and the file's growth
//    scaled to a day (after a WAL checkpoint; minute samples dominate).
// 2. Reports: --days (default 30) of spans written straight into a store
//    (~4 state changes per server per day, with the placement's and VIP's
//    verdicts following), then for 7 and 30 days: reading the window,
//    summarizing it, building the document and rendering JSON and PDF.
//
//   bench_history [--vips N] [--servers N] [--polls N] [--days N] [--keep DIR]

#include "core/history/historydatabase.h"
#include "core/history/historyrecorder.h"
#include "core/history/historysummary.h"
#include "core/report/reportbuilder.h"
#include "core/report/reportformat.h"
#include "tests/support/syntheticfleet.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <ctime>

using namespace Qt::StringLiterals;
using namespace vipdeck;

namespace {

QTextStream out(stdout);

double cpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1000.0 + double(t.tv_nsec) / 1e6;
}

qint64 storeBytes(const QString &path)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"size"_s);
        db.setDatabaseName(path);
        if (db.open())
            QSqlQuery(db).exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
    }
    QSqlDatabase::removeDatabase(u"size"_s);
    return QFileInfo(path).size() + QFileInfo(path + u"-wal"_s).size();
}

void nextPoll(Snapshot::Data &data, QRandomGenerator &random)
{
    data.sequence += 1;
    data.time = data.time.addSecs(1);
    for (HostObservation &h : data.hosts)
        h.time = data.time;
    for (HaproxyObservation &h : data.haproxies) {
        h.time = data.time;
        FrontendObservation &fe = h.frontends[0];
        fe.sessions = random.bounded(200);
        fe.sessionRate = random.bounded(50);
        fe.requestRate = random.bounded(400);
        fe.http5xx += random.bounded(3) == 0 ? 1 : 0;
        for (ServerObservation &s : h.backends[0].servers) {
            s.sessions = random.bounded(60);
            s.sessionRate = random.bounded(20);
            s.http5xx += random.bounded(10) == 0 ? 1 : 0;
            // About one server in a thousand per minute changes state.
            if (random.bounded(60'000) == 0) {
                const bool down = s.status.state == ServerState::Up;
                s.status.state = down ? ServerState::Down : ServerState::Up;
                s.status.raw = down ? u"DOWN"_s : u"UP"_s;
                s.checkFailures += down ? 3 : 0;
            }
        }
    }
}

void benchRecorder(const QString &dir, int vips, int servers, int polls)
{
    const QString path = dir + u"/recorded.sqlite"_s;
    Snapshot::Data data = test::scaledFleet(vips, servers);
    QRandomGenerator random(42);
    HistoryRecorderOptions options;
    options.store = AuditStoreConfig::sqlite(path);
    options.holder = u"bench_history"_s;
    options.interval = std::chrono::milliseconds(1000);
    HistoryRecorder recorder(options);
    if (Result<void> started = recorder.start(); !started) {
        out << "cannot start: " << started.error().toString() << Qt::endl;
        return;
    }
    double recordCpu = 0;
    double maxPollMs = 0;
    qint64 baseline = 0;
    QElapsedTimer wall;
    wall.start();
    for (int poll = 0; poll < polls; ++poll) {
        nextPoll(data, random);
        const Snapshot snapshot(data);
        const FleetVerdicts verdicts = evaluateFleet(snapshot, snapshot.time());
        const double before = cpuMs();
        const Result<void> recorded =
            recorder.record(snapshot, verdicts, snapshot.time().toMSecsSinceEpoch());
        const double spent = cpuMs() - before;
        recordCpu += spent;
        maxPollMs = std::max(maxPollMs, spent);
        if (!recorded) {
            out << "record failed: " << recorded.error().toString() << Qt::endl;
            return;
        }
        // The first poll starts a span for every subject: growth counts from there.
        if (poll == 0)
            baseline = storeBytes(path);
    }
    if (Result<void> stopped = recorder.stop(); !stopped)
        out << "stop failed: " << stopped.error().toString() << Qt::endl;
    const qint64 bytes = storeBytes(path);
    const HistoryRecorderStats &s = recorder.stats();
    const double perPoll = recordCpu / polls;
    out << u"recorder: %1 hosts x %2 VIPs x %3 servers, %4 polls of 1 s (%5 s of wall time)\n"_s
               .arg(data.inventory.hosts().size())
               .arg(vips)
               .arg(servers)
               .arg(polls)
               .arg(double(wall.elapsed()) / 1000.0, 0, 'f', 1);
    out << u"  record() CPU: %1 ms per poll on average, %2 ms at most: %3 % of a core at 1 s "
           "polling\n"_s.arg(perPoll, 0, 'f', 2)
               .arg(maxPollMs, 0, 'f', 1)
               .arg(perPoll / 10.0, 0, 'f', 2);
    out << u"  written: %1 state changes (%2 at the start), %3 minute samples\n"_s
               .arg(s.spansStarted)
               .arg(s.spansStarted - s.spansEnded)
               .arg(s.samplesWritten);
    out << u"  store: %1 MB after %2 polls, %3 MB after the first; growth %4 MB per day at "
           "this rate\n"_s.arg(double(bytes) / 1e6, 0, 'f', 2)
               .arg(polls)
               .arg(double(baseline) / 1e6, 0, 'f', 2)
               .arg(double(bytes - baseline) / 1e6 * 86400.0 / std::max(1, polls - 1), 0, 'f', 1);
}

// Writes `days` of spans for the fleet straight into a store.
bool writeHistory(const QString &path, const Snapshot &fleet, int days, qint64 endMs)
{
    HistoryDatabase db(AuditStoreConfig::sqlite(path));
    if (!db.open(HistoryDatabase::Access::Write))
        return false;
    const qint64 startMs = endMs - qint64(days) * 86'400'000;
    const Result<qint64> recording =
        db.beginRecording(u"bench"_s, std::chrono::milliseconds(1000), startMs);
    if (!recording)
        return false;
    const QList<HistoryState> initial = historyStates(fleet, evaluateFleet(fleet, fleet.time()));
    Result<QList<qint64>> ids = db.commitPoll(*recording, startMs, {}, initial);
    if (!ids)
        return false;
    QHash<QString, std::pair<HistoryState, qint64>> open;
    QStringList servers;
    for (qsizetype i = 0; i < initial.size(); ++i) {
        open.insert(initial[i].subject.key(), {initial[i], ids->at(i)});
        if (initial[i].subject.kind == HistoryKind::ServerStatus)
            servers << initial[i].subject.key();
    }
    QRandomGenerator random(7);
    const auto change = [&](const QString &key, const QString &state, const QString &detail,
                            QList<qint64> &close, QList<HistoryState> &opened) {
        auto it = open.find(key);
        if (it == open.end() || it->first.state == state)
            return;
        close << it->second;
        HistoryState next = it->first;
        next.state = state;
        next.detail = detail;
        opened << next;
    };
    // Every minute, about 4 x servers / 1440 servers flip, with their
    // placement's and VIP's verdict.
    const int perMinute = std::max(1, int(servers.size() * 4 / 1440));
    for (qint64 t = startMs + 60'000; t < endMs; t += 60'000) {
        QList<qint64> close;
        QList<HistoryState> opened;
        for (int i = 0; i < perMinute; ++i) {
            const QString &key = servers[random.bounded(int(servers.size()))];
            const HistorySubject s = open.value(key).first.subject;
            const bool down = open.value(key).first.state == u"UP"_s;
            change(key, down ? u"DOWN"_s : u"UP"_s, {}, close, opened);
            HistorySubject placement{HistoryKind::Placement, s.host, s.vip, {}, {}, {}};
            change(placement.key(), down ? u"degraded"_s : u"healthy"_s,
                   down ? u"%1 is DOWN on %2"_s.arg(s.server, s.host) : QString(), close, opened);
            HistorySubject vip{HistoryKind::Vip, {}, s.vip, {}, {}, {}};
            change(vip.key(), down ? u"degraded"_s : u"healthy"_s, {}, close, opened);
        }
        ids = db.commitPoll(*recording, t, close, opened);
        if (!ids)
            return false;
        for (qsizetype i = 0; i < opened.size(); ++i)
            open.insert(opened[i].subject.key(), {opened[i], ids->at(i)});
    }
    return bool(db.endRecording(*recording));
}

void benchReports(const QString &dir, int vips, int servers, int days)
{
    const QString path = dir + u"/history.sqlite"_s;
    const Snapshot fleet(test::scaledFleet(vips, servers));
    const qint64 endMs = fleet.time().toMSecsSinceEpoch();
    QElapsedTimer timer;
    timer.start();
    if (!writeHistory(path, fleet, days, endMs)) {
        out << "cannot write the synthetic history" << Qt::endl;
        return;
    }
    HistoryDatabase db(AuditStoreConfig::sqlite(path));
    if (!db.open(HistoryDatabase::Access::Read))
        return;
    const auto sizes = db.tableSizes();
    qint64 spans = 0;
    for (const auto &[table, rows] : sizes.valueOr({}))
        if (table == u"history_span"_s)
            spans = rows;
    out << u"reports: %1 days of history written in %2 s: %3 spans, %4 MB\n"_s.arg(days)
               .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1)
               .arg(spans)
               .arg(double(storeBytes(path)) / 1e6, 0, 'f', 1);
    for (const int window : {7, 30}) {
        if (window > days)
            continue;
        ReportInput input;
        input.snapshot = fleet;
        input.verdicts = evaluateFleet(fleet, fleet.time());
        input.until = fleet.time();
        input.since = input.until.addDays(-window);
        QElapsedTimer step;
        step.start();
        HistoryInput in;
        in.sinceMs = input.since.toMSecsSinceEpoch();
        in.untilMs = input.until.toMSecsSinceEpoch();
        in.recordings = db.recordings(in.sinceMs, in.untilMs).valueOr({});
        in.spans =
            db.spans(in.sinceMs, in.untilMs,
                     {HistoryKind::Vip, HistoryKind::Placement, HistoryKind::Host,
                      HistoryKind::Announcement, HistoryKind::ServerAdmin, HistoryKind::Haproxy})
                .valueOr({});
        const qint64 readMs = step.restart();
        input.history = summarizeHistory(in);
        const qint64 summarizeMs = step.restart();
        const ReportDocument doc = buildReport(input);
        const qint64 buildMs = step.restart();
        const Result<QByteArray> json = renderReport(doc, ReportFormat::Json);
        const qint64 jsonMs = step.restart();
        const Result<QByteArray> pdf = renderReport(doc, ReportFormat::Pdf);
        const qint64 pdfMs = step.restart();
        out << u"  %1 days: %2 spans read in %3 ms, summarized in %4 ms (%5 incidents), "
               "document %6 ms, JSON %7 ms (%8 kB), PDF %9 ms (%10 kB): %11 ms in all\n"_s
                   .arg(window)
                   .arg(in.spans.size())
                   .arg(readMs)
                   .arg(summarizeMs)
                   .arg(input.history->incidents.size())
                   .arg(buildMs)
                   .arg(jsonMs)
                   .arg(json ? json->size() / 1024 : -1)
                   .arg(pdfMs)
                   .arg(pdf ? pdf->size() / 1024 : -1)
                   .arg(readMs + summarizeMs + buildMs + jsonMs + pdfMs);
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"The history store at the seeds' scale."_s);
    parser.addHelpOption();
    parser.addOption({u"vips"_s, u"VIPs per host (default 150)."_s, u"N"_s, u"150"_s});
    parser.addOption({u"servers"_s, u"servers per backend (default 4)."_s, u"N"_s, u"4"_s});
    parser.addOption({u"polls"_s, u"recorded polls of 1 s (default 3600)."_s, u"N"_s, u"3600"_s});
    parser.addOption(
        {u"days"_s, u"days of history for the reports (default 30)."_s, u"N"_s, u"30"_s});
    parser.addOption({u"keep"_s, u"write the stores into DIR and keep them."_s, u"DIR"_s});
    parser.process(app);
    QTemporaryDir temp;
    const QString dir = parser.isSet(u"keep"_s) ? parser.value(u"keep"_s) : temp.path();
    const int vips = parser.value(u"vips"_s).toInt();
    const int servers = parser.value(u"servers"_s).toInt();
    benchRecorder(dir, vips, servers, parser.value(u"polls"_s).toInt());
    benchReports(dir, vips, servers, parser.value(u"days"_s).toInt());
    return 0;
}
