#include "app/cli/recordcommand.h"

#include "app/cli/auditcommand.h"
#include "app/cli/fleetsession.h"
#include "app/cli/globaloptions.h"
#include "app/cli/metricsserver.h"
#include "app/cli/prometheusmetrics.h"
#include "app/cli/stopsignals.h"
#include "core/history/historyrecorder.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSysInfo>
#include <QTimer>

#include <pwd.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace vipdeck::cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vipdeck::cli)
};

QString help()
{
    return Tr::tr(
        "Usage: vipdeckctl record [--history URL] [--interval SECS] [--count N]\n"
        "                         [--metrics-listen [ADDRESS:]PORT] [--fleet FILE] [--local]\n"
        "\n"
        "Polls the fleet at its poll interval and records into the history store every\n"
        "change of a VIP's, placement's and host's verdict, of announcements, HAProxy\n"
        "processes, server states, BGP and BFD sessions, and each minute's traffic, until\n"
        "stopped with Ctrl+C, SIGTERM or SIGHUP. Reports over a window\n"
        "(`vipdeckctl report --since 7d`) and the console read it.\n"
        "\n"
        "One recorder per store: a second one is refused and told who records. Time when\n"
        "no recorder ran, or the store could not be written, is marked as not recorded.\n"
        "Minute samples are kept 30 days, then hourly ones 13 months, like the states\n"
        "(--keep-*); the recorder enforces it at start and every hour.\n"
        "\n"
        "  --history URL  the store: a SQLite file path or postgresql://user@host/db\n"
        "                 (default: $VIPDECK_HISTORY, the settings' history/url, else\n"
        "                 the fleet's own file under ~/.local/share/vipdeck/history/)\n"
        "  --interval S   poll every S seconds instead of the fleet's interval\n"
        "  --count N      stop after N polls\n"
        "  --keep-minute-samples DAYS  minute samples, then folded into hours (default 30)\n"
        "  --keep-hourly-samples DAYS  hourly samples (default 396, 13 months)\n"
        "  --keep-states DAYS          states and recordings after they ended (default 396)\n"
        "  --metrics-listen [ADDRESS:]PORT\n"
        "                 serve the latest poll in the Prometheus text format at\n"
        "                 http://ADDRESS:PORT/metrics (ADDRESS 127.0.0.1 when left out; 0\n"
        "                 picks a free port); the metrics of 'vipdeckctl metrics'\n"
        "\n"
        "Exit codes: 0 stopped, 1 the store cannot be opened or another recorder holds\n"
        "it, 2 usage or config error.\n");
}

QString holderText()
{
    QString user;
    if (const passwd *pw = getpwuid(geteuid()); pw && pw->pw_name)
        user = QString::fromLocal8Bit(pw->pw_name);
    return Tr::tr("vipdeckctl record (pid %1, %2@%3)")
        .arg(QCoreApplication::applicationPid())
        .arg(user, QSysInfo::machineHostName());
}

// Waits until `deadline` or a stop signal, whichever comes first.
void waitUntil(const QDeadlineTimer &deadline, StopSignals &stop)
{
    if (stop.requested() || deadline.hasExpired())
        return;
    QEventLoop loop;
    QTimer::singleShot(deadline.remainingTime(), &loop, &QEventLoop::quit);
    QObject::connect(&stop, &StopSignals::stopRequested, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace

int recordCommand(const QStringList &arguments, Console &console)
{
    QStringList rest = arguments;
    if (rest.contains(u"--help"_s) || rest.contains(u"-h"_s)) {
        console.out() << help();
        return ExitOk;
    }
    const QString historyUrl = takeHistoryOption(rest);
    HistoryRetention retention;
    const std::pair<const char *, std::chrono::hours *> keeps[] = {
        {"--keep-minute-samples", &retention.minuteSamples},
        {"--keep-hourly-samples", &retention.hourlySamples},
        {"--keep-states", &retention.spans},
    };
    for (const auto &[name, hours] : keeps) {
        const QString option = QLatin1StringView(name);
        const qsizetype at = rest.indexOf(option);
        if (at < 0)
            continue;
        bool ok = false;
        const int days = rest.value(at + 1).toInt(&ok);
        if (!ok || days < 1 || days > 3650) {
            console.err() << u"vipdeckctl record: "_s
                          << Tr::tr("%1 needs a number of days from 1 to 3650, not '%2'.")
                                 .arg(option, rest.value(at + 1))
                          << u'\n';
            return ExitUsage;
        }
        *hours = std::chrono::hours(24 * days);
        rest.remove(at, 2);
    }
    if (retention.hourlySamples < retention.minuteSamples) {
        console.err() << u"vipdeckctl record: "_s
                      << Tr::tr("--keep-hourly-samples must be at least --keep-minute-samples: "
                                "hours are made of the minutes they replace.")
                      << u'\n';
        return ExitUsage;
    }
    std::optional<std::pair<QHostAddress, quint16>> metricsListen;
    if (const qsizetype at = rest.indexOf(u"--metrics-listen"_s); at >= 0) {
        const Result<std::pair<QHostAddress, quint16>> listen =
            MetricsServer::parseListen(rest.value(at + 1));
        if (!listen) {
            console.err() << u"vipdeckctl record: "_s << listen.error().toString() << u'\n';
            return ExitUsage;
        }
        metricsListen = *listen;
        rest.remove(at, std::min<qsizetype>(2, rest.size() - at));
    }
    const Result<GlobalOptions> options = parseGlobalOptions(rest);
    if (!options) {
        console.err() << u"vipdeckctl record: "_s << options.error().toString() << u'\n';
        return ExitUsage;
    }
    if (!options->positional.isEmpty()) {
        console.err() << u"vipdeckctl record: "_s
                      << Tr::tr("unexpected argument '%1'.").arg(options->positional.first())
                      << u'\n';
        return ExitUsage;
    }

    FleetSession session(console, *options);
    if (const int opened = session.open(); opened != ExitOk)
        return opened;
    session.setShowProgress(false);
    const Result<AuditStoreConfig> store = historyStoreConfig(historyUrl, session.fleetFile());
    if (!store) {
        console.err() << u"vipdeckctl record: --history: "_s << store.error().toString() << u'\n';
        return ExitUsage;
    }
    const std::chrono::milliseconds interval{
        options->intervalMs.value_or(int(session.inventory().pollInterval().count()))};

    HistoryRecorderOptions recorderOptions;
    recorderOptions.store = *store;
    recorderOptions.holder = holderText();
    recorderOptions.interval = interval;
    recorderOptions.retention = retention;
    HistoryRecorder recorder(recorderOptions);
    if (const Result<void> started = recorder.start(); !started) {
        console.err() << u"vipdeckctl record: "_s << started.error().toString() << u'\n';
        return ExitFailed;
    }
    MetricsServer metrics;
    if (metricsListen) {
        if (const Result<void> listening =
                metrics.listen(metricsListen->first, metricsListen->second);
            !listening) {
            console.err() << u"vipdeckctl record: "_s << listening.error().toString() << u'\n';
            return ExitFailed;
        }
    }
    StopSignals stop;
    const bool live = console.isErrTerminal();
    console.err() << Tr::tr("Recording %1 into %2 every %3 s; Ctrl+C stops.")
                         .arg(session.fleetFile(), recorder.location())
                         .arg(double(interval.count()) / 1000.0)
                  << u'\n';
    if (metricsListen)
        console.err() << Tr::tr("Serving metrics at %1").arg(metrics.url()) << u'\n';
    console.err().flush();

    int exitCode = ExitOk;
    QString lastProblem;
    for (int round = 0; !stop.requested() && (options->count == 0 || round < options->count);
         ++round) {
        const QDeadlineTimer next(interval);
        QElapsedTimer pollTime;
        pollTime.start();
        const FleetUpdate update = session.pollOnce();
        if (metricsListen)
            metrics.setMetrics(prometheusText(update, session.filter(), pollTime.elapsed()));
        const qint64 pollMs = update.snapshot.time().toMSecsSinceEpoch();
        const Result<void> recorded = recorder.record(update.snapshot, *update.verdicts, pollMs);
        if (!recorded) {
            if (recorded.error().code == ErrorCode::HistoryLocked) {
                console.err() << u"\nvipdeckctl record: "_s << recorded.error().toString() << u'\n';
                exitCode = ExitFailed;
                break;
            }
            // Said once per kind of failure; the recorder retries at every poll.
            const QString problem = recorded.error().toString();
            if (problem != lastProblem)
                console.err() << u"\nvipdeckctl record: "_s << problem << u'\n'
                              << Tr::tr("(retrying at every poll; the time until it works "
                                        "again is marked as not recorded)")
                              << u'\n';
            lastProblem = problem;
        } else {
            if (!lastProblem.isEmpty())
                console.err() << u'\n'
                              << Tr::tr("The history store works again: recording resumed.")
                              << u'\n';
            lastProblem.clear();
        }
        if (live) {
            const HistoryRecorderStats &s = recorder.stats();
            console.err() << u"\r\x1b[K"_s
                          << Tr::tr("%n poll(s), %1 changes recorded, last poll %2", nullptr,
                                    int(s.polls))
                                 .arg(s.spansStarted)
                                 .arg(update.snapshot.time().toLocalTime().toString(u"HH:mm:ss"_s));
            console.err().flush();
        }
        if (options->count == 0 || round + 1 < options->count)
            waitUntil(next, stop);
    }
    const Result<void> stopped = recorder.stop();
    if (live)
        console.err() << u'\n';
    if (!stopped) {
        console.err() << u"vipdeckctl record: "_s << stopped.error().toString() << u'\n';
        exitCode = ExitFailed;
    }
    const HistoryRecorderStats &s = recorder.stats();
    console.err() << Tr::tr("Recorded %n poll(s) into %1: %2 state changes, %3 traffic samples.",
                            nullptr, int(s.polls))
                         .arg(recorder.location())
                         .arg(s.spansStarted)
                         .arg(s.samplesWritten)
                  << u'\n';
    return exitCode;
}

} // namespace vipdeck::cli
