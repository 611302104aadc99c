// bench_memory: how much heap each time-bounded store of the console holds
// once it is full, for a synthetic fleet of the size the soak polls
// (default: 2 hosts x 150 VIPs x 4 servers polled every second).  Each
// store is filled past its bound the way the console fills it, and the heap
// in use is read from malloc before and after (mallinfo2), so the figures
// are measured, not estimated; docs/memory.md sets them beside the formulas.
//
//   bench_memory [--vips N] [--servers-per-backend N]

#include "core/fleet/event.h"
#include "models/eventlogmodel.h"
#include "models/timeseriesstore.h"
#include "tests/support/syntheticfleet.h"
#include "views/report/reportsamplebuffer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <malloc.h>

using namespace Qt::StringLiterals;
using namespace vipdeck;

namespace {

qint64 heapInUse()
{
    malloc_trim(0);
    const struct mallinfo2 info = mallinfo2();
    return qint64(info.uordblks) + qint64(info.hblkhd);
}

// One poll later: every read time moves on and the counters change, as at
// 1 s polling (nothing stays shared between snapshots).
Snapshot::Data nextPoll(Snapshot::Data data, int poll)
{
    data.sequence = quint64(poll + 1);
    data.time = data.time.addSecs(1);
    for (HaproxyObservation &h : data.haproxies) {
        h.time = data.time;
        h.frontends[0].sessions = poll % 1000;
        h.frontends[0].http5xx += poll % 3;
        for (BackendObservation &b : h.backends)
            for (ServerObservation &s : b.servers)
                s.sessions = (poll + s.name.size()) % 100;
    }
    return data;
}

// A server event as diffSnapshots() words them, with names of the fleet's length.
FleetEvent serverEvent(const QDateTime &time, int i)
{
    FleetEvent e;
    e.time = time;
    e.kind = FleetEvent::Kind::ServerStatus;
    e.severity = FleetEvent::Severity::Problem;
    e.host = u"lb%1"_s.arg(1 + i % 2);
    e.vip = u"vip%1"_s.arg(i % 150);
    e.backend = u"be"_s;
    e.server = u"srv%1"_s.arg(i % 4);
    e.before = u"UP"_s;
    e.after = u"DOWN"_s;
    e.text = u"%1 is DOWN on %2 (was UP): Layer7 wrong status, code: 503, info: \"Service "
             u"Unavailable\""_s.arg(e.server, e.host);
    return e;
}

double mb(qint64 bytes)
{
    return double(bytes) / (1024.0 * 1024.0);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption vipsOption(u"vips"_s, u"VIPs (2 hosts each)."_s, u"n"_s, u"150"_s);
    const QCommandLineOption serversOption(u"servers-per-backend"_s, u"Servers per backend."_s,
                                           u"n"_s, u"4"_s);
    parser.addOptions({vipsOption, serversOption});
    parser.process(app);
    const int vips = parser.value(vipsOption).toInt();
    const int perBackend = parser.value(serversOption).toInt();
    QTextStream out(stdout);

    const Snapshot::Data first = test::scaledFleet(vips, perBackend);
    const int placements = int(first.haproxies.size());
    out << "fleet: " << vips << " VIPs x 2 hosts x " << perBackend << " servers (" << placements
        << " HAProxy processes), polled every second\n\n";
    out << u"%1 %2 %3\n"_s.arg(u"store"_s, -44).arg(u"bound"_s, -28).arg(u"heap MB"_s, 8);

    const auto row = [&](const QString &store, const QString &bound, qint64 bytes) {
        out << u"%1 %2 %3\n"_s.arg(store, -44).arg(bound, -28).arg(mb(bytes), 8, 'f', 2);
        out.flush();
    };

    // One whole snapshot (the console holds the latest, the previous one
    // while it computes events, and the last known state's copy).
    {
        const qint64 before = heapInUse();
        auto *snapshot = new Snapshot(nextPoll(first, 1));
        row(u"one snapshot"_s, u"the latest (x3 at most)"_s, heapInUse() - before);
        delete snapshot;
    }

    // The charts: one point per poll per VIP, an hour.
    {
        const qint64 before = heapInUse();
        auto *series = new TimeSeriesStore;
        Snapshot::Data data = first;
        for (int poll = 0; poll < 3600 + 60; ++poll) {
            data = nextPoll(std::move(data), poll);
            series->append(Snapshot(data));
        }
        row(u"charts (TimeSeriesStore)"_s, u"3600 points per VIP"_s, heapInUse() - before);
        delete series;
    }

    // The Events tab: its capacity of events.
    {
        const qint64 before = heapInUse();
        auto *events = new EventLogModel;
        const QDateTime now = test::syntheticNow();
        for (int batch = 0; batch < 60; ++batch) {
            QList<FleetEvent> list;
            for (int i = 0; i < 100; ++i)
                list << serverEvent(now.addSecs(batch), batch * 100 + i);
            events->addEvents(list);
        }
        row(u"events (EventLogModel)"_s, u"%1 events"_s.arg(events->capacity()),
            heapInUse() - before);
        delete events;
    }

    // The report samples: 25 hours of polls.
    {
        const qint64 before = heapInUse();
        auto *samples = new ReportSampleBuffer(nullptr);
        Snapshot::Data data = first;
        for (int poll = 0; poll < 25 * 3600; poll += 10) {
            data = nextPoll(std::move(data), poll);
            data.time = first.time.addSecs(poll);
            samples->record(Snapshot(data));
        }
        row(u"report samples (ReportSampleBuffer, %1)"_s.arg(samples->size()),
            u"360/h for 1 h, 12/h to 24 h"_s, heapInUse() - before);
        delete samples;
    }
    return 0;
}
