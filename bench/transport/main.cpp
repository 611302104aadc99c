// vipdeck-bench-transport: times `show stat` against the lab's HAProxy stats
// sockets through
//   local        LocalTransport one-shot connections (this machine, no SSH): the floor
//   local kept   LocalTransport kept streams (one prompt-mode connection per
//                socket, reused): the floor with persistence
//   streamlocal  SshTransport one-shot direct-streamlocal channels on one
//                connection per host (a channel open per call)
//   ssh kept     SshTransport kept streams: one streamlocal channel per socket
//                in HAProxy prompt mode, reused (what HaproxyClient::poll uses);
//                the first sweep opens them all and is reported as "cold"
//   exec-socat   SshTransport exec channels running `echo show stat | socat ...`
//   ssh-loop     one `ssh host 'echo show stat | socat ...'` process per call,
//                one after the other (what admins script today)
// and prints, per method, the time of one round trip (sequential calls to one
// socket) and of one sweep over all VIPs of all hosts (all calls at once,
// except the ssh loop), with ratios to the floor.  Timings are reported,
// never asserted.
//
// With --steady SECONDS it measures the steady state instead: the console's
// poll (HaproxyClient::poll: show info, show stat and show servers state) of
// every VIP on every host once per --interval for that long, through local
// kept streams and through SSH kept streams in turn within each round, and
// prints the p50, p99 and slowest round of each, and how many streams each
// round opened (a stream is reopened when it ages out).

#include "core/haproxy/haproxyclient.h"
#include "core/haproxy/runtimereply.h"
#include "core/inventory/inventoryloader.h"
#include "core/ssh/localtransport.h"
#include "core/ssh/shellquote.h"
#include "core/ssh/sshtransport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace vipdeck;

namespace {

struct Target
{
    QString host;
    QString vip;
    QString socket;
};

// CPU time (ms) spent during the warm sweeps: by this process, by the lab's
// sshds (listeners and their per-connection processes) and by its HAProxy
// processes (masters and workers).  Only with --lab-state.
struct CpuUse
{
    double self = 0;
    double sshd = 0;
    double haproxy = 0;
};

class CpuMeter
{
public:
    // lab.json's "processes": IDs like "lb1/sshd" and "lb1/haproxy/web".
    explicit CpuMeter(const QString &labState)
    {
        QFile file(labState);
        if (labState.isEmpty() || !file.open(QIODevice::ReadOnly))
            return;
        const QJsonObject processes =
            QJsonDocument::fromJson(file.readAll()).object().value(u"processes"_s).toObject();
        for (auto it = processes.begin(); it != processes.end(); ++it) {
            const qint64 pid = it.value().toObject().value(u"pid"_s).toInteger();
            if (it.key().endsWith(u"/sshd"_s))
                m_sshd << pid;
            else if (it.key().contains(u"/haproxy/"_s))
                m_haproxy << pid;
        }
    }

    bool isActive() const { return !m_sshd.isEmpty(); }

    CpuUse sample() const
    {
        CpuUse use;
        timespec now{};
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
        use.self = double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
        const auto tree = processTree();
        use.sshd = treeCpuMs(tree, m_sshd);
        use.haproxy = treeCpuMs(tree, m_haproxy);
        return use;
    }

private:
    struct Proc
    {
        qint64 parent = 0;
        double cpuMs = 0; // utime + stime
    };

    static QHash<qint64, Proc> processTree()
    {
        QHash<qint64, Proc> tree;
        const double tick = 1000.0 / double(sysconf(_SC_CLK_TCK));
        for (const QString &entry : QDir(u"/proc"_s).entryList(QDir::Dirs)) {
            bool numeric = false;
            const qint64 pid = entry.toLongLong(&numeric);
            QFile stat(u"/proc/"_s + entry + u"/stat"_s);
            if (!numeric || !stat.open(QIODevice::ReadOnly))
                continue;
            const QByteArray line = stat.readAll();
            const QList<QByteArray> f = line.mid(line.lastIndexOf(')') + 2).split(' ');
            if (f.size() > 12) // fields after the name: state ppid ... utime(12) stime(13)
                tree.insert(pid, {f.at(1).toLongLong(),
                                  double(f.at(11).toLongLong() + f.at(12).toLongLong()) * tick});
        }
        return tree;
    }

    // CPU of `roots` and all their descendants.  Processes that ended between
    // two samples drop out, so keep the measured window free of reconnects.
    static double treeCpuMs(const QHash<qint64, Proc> &tree, const QList<qint64> &roots)
    {
        double total = 0;
        for (auto it = tree.begin(); it != tree.end(); ++it) {
            for (qint64 pid = it.key(), hops = 0; pid > 1 && hops < 8; ++hops) {
                if (roots.contains(pid)) {
                    total += it->cpuMs;
                    break;
                }
                pid = tree.value(pid).parent;
            }
        }
        return total;
    }

    QList<qint64> m_sshd;
    QList<qint64> m_haproxy;
};

struct Timing
{
    QList<double> roundTripMs; // one per sequential call
    QList<double> sweepMs;     // one per sweep over all targets
    double coldSweepMs = -1;   // kept streams: the first sweep, which opens them
    CpuUse cpuPerSweep;        // during the warm sweeps (with --lab-state)
    int failures = 0;
    QString firstError;
};

template <typename T> Result<T> await(const QFuture<Result<T>> &future)
{
    if (!future.isFinished()) {
        QFutureWatcher<Result<T>> watcher;
        QEventLoop loop;
        QObject::connect(&watcher, &QFutureWatcher<Result<T>>::finished, &loop, &QEventLoop::quit);
        watcher.setFuture(future);
        if (!future.isFinished())
            loop.exec();
    }
    return future.result();
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype mid = values.size() / 2;
    return values.size() % 2 ? values.at(mid) : (values.at(mid - 1) + values.at(mid)) / 2;
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(std::min<qsizetype>(values.size() - 1, qsizetype(p * double(values.size()))));
}

bool looksLikeShowStat(const QByteArray &reply)
{
    return reply.startsWith("# pxname,svname,");
}

void noteFailure(Timing &timing, const QString &what)
{
    ++timing.failures;
    if (timing.firstError.isEmpty())
        timing.firstError = what;
}

enum class Method { OneShot, Kept, Exec };

// `show stat` on a kept prompt-mode stream, returning the CSV alone.
QFuture<Result<QByteArray>> keptShowStat(Transport *transport, const QString &socket)
{
    static const StreamOptions prompt{"prompt\n", promptOpeningLength};
    return transport
        ->streamRequest(socket, prompt, "show stat\n",
                        [](const QByteArray &received) {
                            return received.endsWith("\n> ") &&
                                   splitPromptReplies(received, 1).ok();
                        })
        .then([](Result<QByteArray> reply) -> Result<QByteArray> {
            if (!reply)
                return reply;
            auto answers = splitPromptReplies(*reply, 1);
            if (!answers)
                return answers.error();
            return answers->constFirst();
        });
}

// Any Transport: sequential calls, then sweeps with every call in flight at
// once.  Kept streams are opened by a first, separately reported sweep.
void measureTransport(const QHash<QString, Transport *> &transports, const QList<Target> &targets,
                      int calls, int sweeps, Method method, const CpuMeter &cpu, Timing &timing)
{
    auto call = [method](Transport *transport, const QString &socket) {
        if (method == Method::OneShot)
            return transport->request(socket, "show stat\n");
        if (method == Method::Kept)
            return keptShowStat(transport, socket);
        return transport
            ->exec({u"sh"_s, u"-c"_s, u"echo 'show stat' | socat - UNIX-CONNECT:\"$1\""_s, u"sh"_s,
                    socket})
            .then([](Result<ExecResult> result) -> Result<QByteArray> {
                if (!result)
                    return result.error();
                return result->standardOutput;
            });
    };
    auto sweep = [&] {
        QElapsedTimer clock;
        clock.start();
        QList<QFuture<Result<QByteArray>>> futures;
        for (const Target &target : targets)
            futures.append(call(transports.value(target.host), target.socket));
        for (const auto &future : futures) {
            const Result<QByteArray> reply = await(future);
            if (!reply || !looksLikeShowStat(*reply))
                noteFailure(timing, reply ? u"unexpected reply"_s : reply.error().toString());
        }
        return double(clock.nsecsElapsed()) / 1e6;
    };
    if (method == Method::Kept)
        timing.coldSweepMs = sweep();
    const Target &first = targets.first();
    for (int i = 0; i < calls; ++i) {
        QElapsedTimer clock;
        clock.start();
        const Result<QByteArray> reply = await(call(transports.value(first.host), first.socket));
        timing.roundTripMs.append(double(clock.nsecsElapsed()) / 1e6);
        if (!reply || !looksLikeShowStat(*reply))
            noteFailure(timing, reply ? u"unexpected reply"_s : reply.error().toString());
    }
    const CpuUse before = cpu.sample();
    for (int s = 0; s < sweeps; ++s)
        timing.sweepMs.append(sweep());
    const CpuUse after = cpu.sample();
    const double n = std::max(1, sweeps);
    timing.cpuPerSweep = {(after.self - before.self) / n, (after.sshd - before.sshd) / n,
                          (after.haproxy - before.haproxy) / n};
}

// The lab's SSH settings for `host`, without this machine's ~/.ssh/config.
SshTransportOptions sshOptions(const Host &host)
{
    SshTransportOptions options = SshTransportOptions::fromHost(host);
    options.useSshConfig = false;
    return options;
}

// Connects every host's transport first, so the persistent connection is paid
// once and not inside a measurement.  False (the error printed) when one fails.
bool connectAll(const QHash<QString, Transport *> &transports, const Inventory &inventory)
{
    for (const Host &host : inventory.hosts()) {
        const auto warm = await(transports.value(host.name)->exec({u"true"_s}));
        if (!warm) {
            std::fprintf(stderr, "%s\n", qPrintable(warm.error().toString()));
            return false;
        }
    }
    return true;
}

// One round of the steady state on one transport kind.
struct SteadyRound
{
    double ms = 0;
    quint64 opened = 0; // streams opened in this round (the first opens them all)
};

quint64 streamsOpened(const QHash<QString, Transport *> &transports)
{
    quint64 opened = 0;
    for (Transport *transport : transports)
        opened += transport->streamCounters().opened;
    return opened;
}

// Every target polled at once, as the console's poller does each round.
SteadyRound pollRound(const QHash<QString, Transport *> &transports, const QList<Target> &targets,
                      Timing &timing)
{
    const quint64 before = streamsOpened(transports);
    QElapsedTimer clock;
    clock.start();
    QList<QFuture<Result<HaproxyPoll>>> polls;
    for (const Target &target : targets)
        polls.append(HaproxyClient(transports.value(target.host), target.socket).poll());
    for (const auto &poll : polls) {
        const Result<HaproxyPoll> result = await(poll);
        if (!result)
            noteFailure(timing, result.error().toString());
    }
    return {double(clock.nsecsElapsed()) / 1e6, streamsOpened(transports) - before};
}

void printSteady(const char *name, const QList<SteadyRound> &rounds, const Timing &timing)
{
    QList<double> ms;
    quint64 mostOpened = 0, opened = 0;
    for (qsizetype i = 0; i < rounds.size(); ++i) {
        ms.append(rounds.at(i).ms);
        if (i == 0)
            continue; // the first round opens every stream
        mostOpened = std::max(mostOpened, rounds.at(i).opened);
        opened += rounds.at(i).opened;
    }
    std::printf("%-20s %7lld %9.1f %9.1f %9.1f %13llu %13.1f %7d\n", name, qlonglong(rounds.size()),
                percentile(ms, 0.5), percentile(ms, 0.99),
                *std::max_element(ms.cbegin(), ms.cend()), qulonglong(mostOpened),
                rounds.size() > 1 ? double(opened) / double(rounds.size() - 1) : 0.0,
                timing.failures);
    if (!timing.firstError.isEmpty())
        std::printf("    first error: %s\n", qPrintable(timing.firstError));
}

// --steady: see the top of this file.
int measureSteady(const Inventory &inventory, const QList<Target> &targets, int seconds,
                  std::chrono::milliseconds interval)
{
    QHash<QString, Transport *> local, ssh;
    std::vector<std::unique_ptr<Transport>> owned;
    for (const Host &host : inventory.hosts()) {
        owned.push_back(std::make_unique<LocalTransport>(host.name));
        local.insert(host.name, owned.back().get());
        owned.push_back(std::make_unique<SshTransport>(sshOptions(host)));
        ssh.insert(host.name, owned.back().get());
    }
    if (!connectAll(ssh, inventory))
        return 1;
    std::printf("steady state: %lld stats sockets polled every %lld ms for %d s\n",
                qlonglong(targets.size()), qlonglong(interval.count()), seconds);
    QList<SteadyRound> localRounds, sshRounds;
    Timing localTiming, sshTiming;
    QElapsedTimer clock;
    clock.start();
    for (qint64 round = 0; clock.elapsed() < qint64(seconds) * 1000; ++round) {
        // Rounds start on the interval's ticks, as the poller's timer does; a
        // round that overran starts the next at once.
        const qint64 wait = round * interval.count() - clock.elapsed();
        if (wait > 0) {
            QEventLoop loop;
            QTimer::singleShot(std::chrono::milliseconds(wait), &loop, &QEventLoop::quit);
            loop.exec();
        }
        localRounds.append(pollRound(local, targets, localTiming));
        sshRounds.append(pollRound(ssh, targets, sshTiming));
    }
    std::printf("%-20s %7s %9s %9s %9s %13s %13s %7s\n", "kept streams", "rounds", "p50 ms",
                "p99 ms", "max ms", "most opened", "mean opened", "errors");
    std::printf("%-20s %7s %9s %9s %9s %13s %13s %7s\n", "", "", "", "", "", "in a round",
                "per round", "");
    printSteady("local", localRounds, localTiming);
    printSteady("SSH", sshRounds, sshTiming);
    QList<double> localMs, sshMs;
    for (const SteadyRound &r : std::as_const(localRounds))
        localMs.append(r.ms);
    for (const SteadyRound &r : std::as_const(sshRounds))
        sshMs.append(r.ms);
    std::printf("\nwarm all-VIPs poll: SSH / local kept streams = %.2fx at p50 (target <= 1.3x), "
                "%.2fx at p99\n",
                percentile(sshMs, 0.5) / percentile(localMs, 0.5),
                percentile(sshMs, 0.99) / percentile(localMs, 0.99));
    return localTiming.failures || sshTiming.failures ? 1 : 0;
}

QStringList sshArguments(const Host &host, const QString &socket)
{
    QStringList args{u"-F"_s,
                     u"/dev/null"_s,
                     u"-o"_s,
                     u"BatchMode=yes"_s,
                     u"-o"_s,
                     u"IdentitiesOnly=yes"_s,
                     u"-o"_s,
                     u"UserKnownHostsFile="_s + host.ssh.knownHosts,
                     u"-i"_s,
                     host.ssh.identityFile,
                     u"-p"_s,
                     QString::number(host.ssh.port),
                     host.ssh.user + u'@' + host.address};
    args.append(u"echo 'show stat' | socat - UNIX-CONNECT:"_s + shellQuote(socket));
    return args;
}

bool runSsh(const Host &host, const QString &socket, Timing &timing)
{
    QProcess ssh;
    ssh.start(u"ssh"_s, sshArguments(host, socket));
    ssh.closeWriteChannel();
    if (!ssh.waitForFinished(30'000) || ssh.exitCode() != 0 ||
        !looksLikeShowStat(ssh.readAllStandardOutput())) {
        noteFailure(timing, QString::fromLocal8Bit(ssh.readAllStandardError()).trimmed());
        return false;
    }
    return true;
}

void measureSshLoop(const Inventory &inventory, const QList<Target> &targets, int calls, int sweeps,
                    Timing &timing)
{
    const Target &first = targets.first();
    for (int i = 0; i < calls; ++i) {
        QElapsedTimer clock;
        clock.start();
        runSsh(*inventory.host(first.host), first.socket, timing);
        timing.roundTripMs.append(double(clock.nsecsElapsed()) / 1e6);
    }
    for (int s = 0; s < sweeps; ++s) {
        QElapsedTimer clock;
        clock.start();
        for (const Target &target : targets)
            runSsh(*inventory.host(target.host), target.socket, timing);
        timing.sweepMs.append(double(clock.nsecsElapsed()) / 1e6);
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Times `show stat` through each transport on the lab."_s);
    parser.addHelpOption();
    parser.addOption({u"fleet"_s, u"The lab's fleet.yaml."_s, u"file"_s});
    parser.addOption(
        {u"calls"_s, u"Sequential round trips per method (default 50)."_s, u"n"_s, u"50"_s});
    parser.addOption(
        {u"sweeps"_s, u"Sweeps over all VIPs per method (default 10)."_s, u"n"_s, u"10"_s});
    parser.addOption(
        {u"ssh-sweeps"_s, u"Sweeps for the per-call ssh loop (default 2)."_s, u"n"_s, u"2"_s});
    parser.addOption({u"ssh-calls"_s, u"Round trips for the per-call ssh loop (default 10)."_s,
                      u"n"_s, u"10"_s});
    parser.addOption({u"lab-state"_s,
                      u"The lab's lab.json: also report the CPU time of this process, the "
                      u"lab's sshds and its HAProxys per warm sweep."_s,
                      u"file"_s});
    parser.addOption({u"steady"_s,
                      u"Measure the steady state for this many seconds instead (see the "
                      u"source's head)."_s,
                      u"seconds"_s});
    parser.addOption(
        {u"interval"_s, u"With --steady: ms between rounds (default 1000)."_s, u"ms"_s, u"1000"_s});
    parser.process(app);
    const CpuMeter cpu(parser.value(u"lab-state"_s));

    const LoadedInventory loaded = loadInventory(parser.value(u"fleet"_s));
    if (!loaded.ok()) {
        for (const Diagnostic &diagnostic : loaded.diagnostics)
            std::fprintf(stderr, "%s\n", qPrintable(diagnostic.toString()));
        return 2;
    }
    const Inventory &inventory = *loaded.inventory;
    QList<Target> targets;
    for (const Vip &vip : inventory.vips())
        for (const Placement &placement : vip.placements)
            targets.append({placement.host, placement.vip, placement.statsSocket});
    if (targets.isEmpty())
        return 2;
    if (parser.isSet(u"steady"_s)) {
        std::printf("lab: %s\n", qPrintable(inventory.summary()));
        return measureSteady(inventory, targets, parser.value(u"steady"_s).toInt(),
                             std::chrono::milliseconds(parser.value(u"interval"_s).toInt()));
    }
    const int calls = parser.value(u"calls"_s).toInt();
    const int sweeps = parser.value(u"sweeps"_s).toInt();

    std::printf("lab: %s\n%lld hosts, %lld VIPs, %lld stats sockets; %d round trips, %d sweeps\n\n",
                qPrintable(inventory.summary()), qlonglong(inventory.hosts().size()),
                qlonglong(inventory.vips().size()), qlonglong(targets.size()), calls, sweeps);

    QList<std::pair<QString, Timing>> results;
    const auto localRun = [&](Method method) {
        QHash<QString, Transport *> transports;
        std::vector<std::unique_ptr<LocalTransport>> owned;
        for (const Host &host : inventory.hosts()) {
            owned.push_back(std::make_unique<LocalTransport>(host.name));
            transports.insert(host.name, owned.back().get());
        }
        Timing timing;
        measureTransport(transports, targets, calls, sweeps, method, cpu, timing);
        return timing;
    };
    results.append({u"local socket (floor)"_s, localRun(Method::OneShot)});
    results.append({u"local kept streams"_s, localRun(Method::Kept)});
    {
        QHash<QString, Transport *> transports;
        std::vector<std::unique_ptr<SshTransport>> owned;
        QElapsedTimer connectClock;
        connectClock.start();
        for (const Host &host : inventory.hosts()) {
            owned.push_back(std::make_unique<SshTransport>(sshOptions(host)));
            transports.insert(host.name, owned.back().get());
        }
        if (!connectAll(transports, inventory))
            return 1;
        std::printf("SSH connections to %lld hosts set up in %.0f ms (paid once)\n\n",
                    qlonglong(inventory.hosts().size()), double(connectClock.nsecsElapsed()) / 1e6);
        Timing streamLocal;
        measureTransport(transports, targets, calls, sweeps, Method::OneShot, cpu, streamLocal);
        results.append({u"SSH streamlocal one-shot"_s, streamLocal});
        Timing kept;
        measureTransport(transports, targets, calls, sweeps, Method::Kept, cpu, kept);
        quint64 opened = 0, reused = 0;
        for (const auto &transport : owned) {
            opened += transport->streamCounters().opened;
            reused += transport->streamCounters().reused;
        }
        std::printf("SSH kept streams: %llu opened, %llu requests on already-open streams\n",
                    qulonglong(opened), qulonglong(reused));
        results.append({u"SSH kept streams (warm)"_s, kept});
        Timing exec;
        measureTransport(transports, targets, calls, sweeps, Method::Exec, cpu, exec);
        results.append({u"SSH exec of socat"_s, exec});
    }
    {
        Timing timing;
        measureSshLoop(inventory, targets, parser.value(u"ssh-calls"_s).toInt(),
                       parser.value(u"ssh-sweeps"_s).toInt(), timing);
        results.append({u"ssh process per call"_s, timing});
    }

    const double floorTrip = median(results.first().second.roundTripMs);
    const double floorSweep = median(results.first().second.sweepMs);
    std::printf("%-26s %12s %10s %9s %14s %9s %8s\n", "method", "round trip", "p90", "x floor",
                "all VIPs sweep", "x floor", "errors");
    std::printf("%-26s %12s %10s %9s %14s %9s %8s\n", "", "median ms", "ms", "", "median ms", "",
                "");
    for (const auto &[name, timing] : results) {
        const double trip = median(timing.roundTripMs);
        const double sweep = median(timing.sweepMs);
        std::printf("%-26s %12.2f %10.2f %9.1f %14.1f %9.2f %8d\n", qPrintable(name), trip,
                    percentile(timing.roundTripMs, 0.9), trip / floorTrip, sweep,
                    sweep / floorSweep, timing.failures);
        if (timing.coldSweepMs >= 0)
            std::printf("    first (cold) sweep, opening the streams: %.1f ms\n",
                        timing.coldSweepMs);
        if (!timing.firstError.isEmpty())
            std::printf("    first error: %s\n", qPrintable(timing.firstError));
    }
    if (cpu.isActive()) {
        std::printf("\nCPU per warm all-VIPs sweep (ms; %ld cores):\n%-26s %9s %9s %9s %9s\n",
                    sysconf(_SC_NPROCESSORS_ONLN), "method", "vipdeck", "sshd", "haproxy", "sum");
        for (const auto &[name, timing] : results) {
            const CpuUse &use = timing.cpuPerSweep;
            if (timing.sweepMs.isEmpty() || name.startsWith(u"ssh process"_s))
                continue;
            std::printf("%-26s %9.1f %9.1f %9.1f %9.1f\n", qPrintable(name), use.self, use.sshd,
                        use.haproxy, use.self + use.sshd + use.haproxy);
        }
    }
    const double keptLocalSweep = median(results.at(1).second.sweepMs);
    const double oneShotSweep = median(results.at(2).second.sweepMs);
    const double keptSweep = median(results.at(3).second.sweepMs);
    const double loopSweep = median(results.at(5).second.sweepMs);
    std::printf("\nall VIPs: SSH kept / floor = %.2fx (target <= 1.5x); SSH kept / local kept = "
                "%.2fx; SSH one-shot / floor = %.2fx",
                keptSweep / floorSweep, keptSweep / keptLocalSweep, oneShotSweep / floorSweep);
    if (loopSweep > 0)
        std::printf("; ssh loop / SSH kept = %.0fx (target >= 20x)", loopSweep / keptSweep);
    std::printf("\n");
    for (const auto &[name, timing] : results) {
        if (timing.failures)
            return 1;
    }
    return 0;
}
