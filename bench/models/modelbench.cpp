// bench_models: how long the GUI thread spends applying one poll's update to
// every model of the console, for a synthetic fleet of 10,000 servers
// (default: 2 hosts x 250 VIPs x 20 servers).  The verdicts and events are
// computed before timing, as the poller does off the GUI thread.  Each poll
// changes the sessions of ~10 % of the servers and the state of a few, like a
// busy fleet; the first application (all rows inserted) is reported apart.
//
//   bench_models [--vips N] [--servers-per-backend N] [--polls N]

#include "core/fleet/fleetupdate.h"
#include "models/fleetmodels.h"
#include "tests/support/syntheticfleet.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QRandomGenerator>
#include <QTextStream>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;
using namespace vipdeck;

namespace {

// The next poll: time moves on, ~10 % of servers see new session counts and a few flap.
Snapshot::Data nextPoll(Snapshot::Data data, int poll, QRandomGenerator &random)
{
    data.sequence = quint64(poll + 1);
    data.time = data.time.addSecs(1);
    for (HaproxyObservation &h : data.haproxies) {
        h.time = data.time;
        h.frontends[0].sessions = random.bounded(1000);
        for (ServerObservation &s : h.backends[0].servers) {
            s.lastChangeSecs += 1;
            if (random.bounded(10) == 0) {
                s.sessions = random.bounded(100);
                s.sessionRate = random.bounded(50);
            }
            if (random.bounded(1000) == 0) {
                const bool down = s.status.state == ServerState::Up;
                s.status.state = down ? ServerState::Down : ServerState::Up;
                s.status.raw = down ? u"DOWN"_s : u"UP"_s;
                s.lastChangeSecs = 0;
            }
        }
    }
    return data;
}

FleetUpdate makeUpdate(Snapshot::Data data, const Snapshot &previous)
{
    FleetUpdate update;
    update.snapshot = Snapshot(std::move(data));
    update.verdicts = std::make_shared<const FleetVerdicts>(
        evaluateFleet(update.snapshot, update.snapshot.time()));
    update.events = diffSnapshots(previous, update.snapshot);
    return update;
}

double millis(qint64 nanos)
{
    return double(nanos) / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption vipsOption(u"vips"_s, u"VIPs (2 hosts each)."_s, u"n"_s, u"250"_s);
    const QCommandLineOption serversOption(u"servers-per-backend"_s, u"Servers per backend."_s,
                                           u"n"_s, u"20"_s);
    const QCommandLineOption pollsOption(u"polls"_s, u"Polls to time."_s, u"n"_s, u"50"_s);
    parser.addOptions({vipsOption, serversOption, pollsOption});
    parser.process(app);
    const int vips = parser.value(vipsOption).toInt();
    const int perBackend = parser.value(serversOption).toInt();
    const int polls = parser.value(pollsOption).toInt();

    QTextStream out(stdout);
    QRandomGenerator random(7);

    // Build every update first: that work belongs to the poller's thread.
    QList<FleetUpdate> updates;
    Snapshot::Data data = vipdeck::test::scaledFleet(vips, perBackend);
    const Inventory inventory = data.inventory;
    updates << makeUpdate(data, Snapshot());
    for (int p = 0; p < polls; ++p) {
        data = nextPoll(std::move(data), p, random);
        updates << makeUpdate(data, updates.last().snapshot);
    }

    FleetModels models;
    models.tree()->setInventory(inventory);
    QElapsedTimer timer;
    timer.start();
    models.applyUpdate(updates.first());
    const qint64 firstNanos = timer.nsecsElapsed();
    const int servers = models.servers()->rowCount();

    QList<qint64> times;
    for (qsizetype i = 1; i < updates.size(); ++i) {
        timer.restart();
        models.applyUpdate(updates[i]);
        times << timer.nsecsElapsed();
    }
    std::sort(times.begin(), times.end());

    // Where the time goes: each model alone over the same polls.
    FleetModels single;
    single.tree()->setInventory(inventory);
    single.applyUpdate(updates.first());
    const struct
    {
        QString name;
        std::function<void(const FleetUpdate &)> apply;
    } parts[] = {
        {u"matrix"_s, [&](const FleetUpdate &u) { single.matrix()->applyUpdate(u); }},
        {u"servers"_s, [&](const FleetUpdate &u) { single.servers()->applyUpdate(u); }},
        {u"bgp+bfd"_s,
         [&](const FleetUpdate &u) {
             single.bgp()->applyUpdate(u);
             single.bfd()->applyUpdate(u);
         }},
        {u"tree"_s, [&](const FleetUpdate &u) { single.tree()->applyUpdate(u); }},
        {u"events"_s, [&](const FleetUpdate &u) { single.events()->addEvents(u.events); }},
        {u"series"_s, [&](const FleetUpdate &u) { single.series()->append(u.snapshot); }},
    };
    QStringList breakdown;
    for (const auto &part : parts) {
        qint64 total = 0;
        for (qsizetype i = 1; i < updates.size(); ++i) {
            timer.restart();
            part.apply(updates[i]);
            total += timer.nsecsElapsed();
        }
        breakdown << u"%1 %2"_s.arg(part.name).arg(
            millis(total / qMax<qint64>(1, updates.size() - 1)), 0, 'f', 2);
    }
    const auto percentile = [&](double p) {
        return times.isEmpty() ? 0 : times[qsizetype(p * double(times.size() - 1))];
    };
    out << u"fleet: %1 VIPs x 2 hosts, %2 servers, %3 server rows in the table\n"_s.arg(vips)
               .arg(vips * 2 * perBackend)
               .arg(servers);
    out << u"first update (all rows inserted): %1 ms\n"_s.arg(millis(firstNanos), 0, 'f', 2);
    out << u"per poll over %1 polls: median %2 ms, p90 %3 ms, max %4 ms (target < 8 ms)\n"_s
               .arg(times.size())
               .arg(millis(percentile(0.5)), 0, 'f', 2)
               .arg(millis(percentile(0.9)), 0, 'f', 2)
               .arg(millis(times.isEmpty() ? 0 : times.last()), 0, 'f', 2);
    out << u"mean per model (ms): "_s << breakdown.join(u", "_s) << u'\n';
    return 0;
}
