#include "app/cli/reportcommand.h"

#include "app/cli/auditcommand.h"
#include "app/cli/fleetsession.h"
#include "app/cli/globaloptions.h"
#include "core/audit/auditcommands.h"
#include "core/audit/auditstore.h"
#include "core/inventory/valueparsers.h"
#include "core/report/reportaudit.h"
#include "core/report/reportbuilder.h"
#include "core/report/reportformat.h"
#include "core/report/reporthistory.h"
#include "version.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace vipdeck::cli {

namespace {

// This file's messages, in a context lupdate can see.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vipdeck::cli)
};

struct ReportOptions
{
    ReportFormat format = ReportFormat::Pdf;
    bool formatGiven = false;
    QString output;
    QString since = u"24h"_s;
    qint64 sampleMs = 0;
    QString table = u"placements"_s;
    int worst = 3;
};

QString help()
{
    return Tr::tr(
        "Usage: vipdeckctl report --format pdf|html|csv|json -o FILE [--since 24h|ISO]\n"
        "                         [--sample 30s] [--fleet FILE] [--audit URL]\n"
        "                         [--history URL] [--local] [--table NAME] [--worst N]\n"
        "\n"
        "Polls every host, reads the audit log and the history store and writes a health\n"
        "report: summary; for the window, time in each verdict per VIP, placement and\n"
        "host, incidents, drains with who and why, announcement changes, reloads and\n"
        "what was not recorded; the anycast matrix, every VIP with its verdict and\n"
        "reasons, servers that are down, drained or in maintenance with who changed them\n"
        "and why, BGP and BFD sessions, charts of sessions and 5xx for the worst VIPs,\n"
        "and the audit entries.\n"
        "\n"
        "  --format F     pdf, html (people), csv, json (tools); default: from -o's suffix\n"
        "  -o, --output FILE  where to write ('-' for standard output, not for pdf)\n"
        "  --since T      start of the window (history and audit): 90m, 24h, 7d or an ISO\n"
        "                 time (default 24h)\n"
        "  --history URL  the history store (default: $VIPDECK_HISTORY, the settings'\n"
        "                 history/url, else the fleet's file that `vipdeckctl record` writes)\n"
        "  --sample D     sample the fleet for D (e.g. 30s, 5m) at its poll interval for the\n"
        "                 charts; without it the report has no charts and says so\n"
        "  --table NAME   csv: which table (placements, vips, matrix, servers, bgp, bfd,\n"
        "                 audit; default placements)\n"
        "  --worst N      how many VIPs get charts (default 3)\n"
        "  --fleet FILE   the fleet file (default: the last one vipdeck opened)\n"
        "  --audit URL    the audit log (default: the settings', else the local SQLite file)\n"
        "  --local        read the sockets on this machine instead of over SSH\n"
        "\n"
        "Formats and columns: /usr/share/doc/vipdeck/reports.md.gz.\n"
        "Exit codes: 0 written (without a history store it says so), 1 written but the\n"
        "audit log or the history store could not be read, or not written, 2 usage or\n"
        "config error, 3 written but some hosts were unreachable.\n");
}

Error usage(const QString &message)
{
    return Error(ErrorCode::InvalidArgument, message, {},
                 Tr::tr("Run 'vipdeckctl report --help' for the options."));
}

// Takes the report's own options out of `arguments`; the rest are global options.
Result<ReportOptions> takeReportOptions(QStringList &arguments)
{
    ReportOptions options;
    QStringList rest;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        QString argument = arguments.at(i);
        QString value;
        bool hasValue = false;
        if (const qsizetype eq = argument.indexOf(u'='); argument.startsWith(u"--"_s) && eq > 0) {
            value = argument.mid(eq + 1);
            argument = argument.left(eq);
            hasValue = true;
        }
        static const QStringList mine = {u"--format"_s, u"-o"_s,      u"--output"_s, u"--since"_s,
                                         u"--sample"_s, u"--table"_s, u"--worst"_s};
        if (!mine.contains(argument)) {
            rest << arguments.at(i);
            continue;
        }
        if (!hasValue) {
            if (i + 1 >= arguments.size())
                return usage(Tr::tr("%1 needs a value.").arg(argument));
            value = arguments.at(++i);
        }
        if (argument == u"--format"_s) {
            const std::optional<ReportFormat> format = reportFormatFromName(value);
            if (!format)
                return usage(Tr::tr("--format must be one of %1; not '%2'.")
                                 .arg(reportFormatNames().join(u", "_s), value));
            options.format = *format;
            options.formatGiven = true;
        } else if (argument == u"-o"_s || argument == u"--output"_s) {
            options.output = value;
        } else if (argument == u"--since"_s) {
            options.since = value;
        } else if (argument == u"--sample"_s) {
            const Result<std::chrono::milliseconds> d = parseDuration(value);
            if (!d)
                return usage(
                    Tr::tr("--sample needs a duration such as 30s or 5m, not '%1'.").arg(value));
            options.sampleMs = d->count();
        } else if (argument == u"--table"_s) {
            options.table = value;
        } else if (argument == u"--worst"_s) {
            bool ok = false;
            options.worst = value.toInt(&ok);
            if (!ok || options.worst < 0 || options.worst > 50)
                return usage(Tr::tr("--worst needs a number from 0 to 50, not '%1'.").arg(value));
        }
    }
    arguments = rest;
    if (!options.formatGiven && !options.output.isEmpty()) {
        const QString suffix = options.output.section(u'.', -1);
        if (const std::optional<ReportFormat> f = reportFormatFromName(suffix)) {
            options.format = *f;
            options.formatGiven = true;
        }
    }
    if (options.output.isEmpty())
        return usage(Tr::tr("say where to write the report: -o FILE."));
    if (!options.formatGiven)
        return usage(Tr::tr("say which format: --format pdf|html|csv|json."));
    if (options.output == u"-"_s && options.format == ReportFormat::Pdf)
        return usage(Tr::tr("a PDF goes to a file, not to standard output."));
    return options;
}

Result<void> writeOutput(const QString &path, const QByteArray &bytes, Console &console)
{
    if (path == u"-"_s) {
        console.out() << QString::fromUtf8(bytes);
        console.out().flush();
        return {};
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return Error(ErrorCode::Io, Tr::tr("cannot write the report: %1").arg(file.errorString()),
                     path, Tr::tr("Choose a writable path with -o."));
    return {};
}

} // namespace

int reportCommand(const QStringList &arguments, Console &console)
{
    QStringList rest = arguments;
    if (rest.contains(u"--help"_s) || rest.contains(u"-h"_s)) {
        console.out() << help();
        return ExitOk;
    }
    const Result<ReportOptions> report = takeReportOptions(rest);
    if (!report) {
        console.err() << u"vipdeckctl report: "_s << report.error().toString() << u'\n';
        return ExitUsage;
    }
    const Result<AuditStoreConfig> auditConfig = auditStoreConfig(rest);
    if (!auditConfig) {
        console.err() << u"vipdeckctl report: "_s << auditConfig.error().toString() << u'\n';
        return ExitUsage;
    }
    const QString historyUrl = takeHistoryOption(rest);
    const Result<GlobalOptions> options = parseGlobalOptions(rest);
    if (!options) {
        console.err() << u"vipdeckctl report: "_s << options.error().toString() << u'\n';
        return ExitUsage;
    }
    if (!options->positional.isEmpty()) {
        console.err() << u"vipdeckctl report: "_s
                      << usage(Tr::tr("unexpected argument '%1'.").arg(options->positional.first()))
                             .toString()
                      << u'\n';
        return ExitUsage;
    }
    const Result<QDateTime> since = parseAuditTime(report->since);
    if (!since) {
        console.err() << u"vipdeckctl report: --since: "_s << since.error().toString() << u'\n';
        return ExitUsage;
    }

    FleetSession session(console, *options);
    if (const int opened = session.open(); opened != ExitOk)
        return opened;
    const Result<AuditStoreConfig> historyConfig =
        historyStoreConfig(historyUrl, session.fleetFile());
    if (!historyConfig) {
        console.err() << u"vipdeckctl report: --history: "_s << historyConfig.error().toString()
                      << u'\n';
        return ExitUsage;
    }

    ReportInput input;
    FleetUpdate update = session.pollOnce();
    if (report->sampleMs > 0) {
        // Sample at the fleet's poll interval until the period is over; the
        // first poll counts as the first sample.
        const qint64 interval = session.inventory().pollInterval().count();
        QElapsedTimer elapsed;
        elapsed.start();
        input.samples << update.snapshot;
        while (elapsed.elapsed() + interval <= report->sampleMs) {
            if (console.isErrTerminal())
                console.err() << u"\r\x1b[K"_s
                              << Tr::tr("sampling for the charts: %1 s of %2 s, %3 sample(s)")
                                     .arg(elapsed.elapsed() / 1000)
                                     .arg(report->sampleMs / 1000)
                                     .arg(input.samples.size())
                              << Qt::flush; // overwritten by the next poll's progress
            session.pause(int(interval));
            update = session.pollOnce();
            input.samples << update.snapshot;
        }
        input.samplesSource =
            Tr::tr("polled by vipdeckctl every %1 s").arg(double(interval) / 1000.0);
    }
    input.snapshot = update.snapshot;
    input.verdicts = *update.verdicts;
    input.since = *since;
    input.until = QDateTime::currentDateTimeUtc();
    input.worstVips = report->worst;
    input.generator = u"vipdeckctl "_s + QString::fromLatin1(VIPDECK_VERSION);

    readReportAuditInto(input, *auditConfig);
    if (input.auditError)
        console.err() << u"vipdeckctl report: "_s << input.auditError->toString() << u'\n';

    // After the audit log: drains in the history are joined with its records.
    readReportHistoryInto(input, *historyConfig);
    const bool historyFailed =
        input.historyError && input.historyError->code != ErrorCode::HistoryMissing;
    if (input.historyError)
        console.err() << u"vipdeckctl report: "_s << input.historyError->toString() << u'\n';

    const ReportDocument document = buildReport(input);
    ReportRenderOptions render;
    render.csvTable = report->table;
    const Result<QByteArray> bytes = renderReport(document, report->format, render);
    if (!bytes) {
        console.err() << u"vipdeckctl report: "_s << bytes.error().toString() << u'\n';
        return ExitUsage;
    }
    if (const Result<void> written = writeOutput(report->output, *bytes, console); !written) {
        console.err() << u"vipdeckctl report: "_s << written.error().toString() << u'\n';
        return ExitFailed;
    }
    if (report->output != u"-"_s && console.isErrTerminal())
        console.err()
            << Tr::tr("Report written to %1 (%2 bytes).").arg(report->output).arg(bytes->size())
            << u'\n';
    return session.exitCode(input.snapshot,
                            input.auditError || historyFailed ? ExitFailed : ExitOk);
}

} // namespace vipdeck::cli
