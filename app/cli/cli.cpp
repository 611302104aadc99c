#include "app/cli/cli.h"

#include "app/cli/auditcommand.h"
#include "app/cli/checkconfigcommand.h"
#include "app/cli/globaloptions.h"
#include "app/cli/operationcommands.h"
#include "app/cli/readcommands.h"
#include "app/cli/recordcommand.h"
#include "app/cli/reportcommand.h"
#include "app/cli/trustcommand.h"
#include "version.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <functional>

using namespace Qt::StringLiterals;

namespace vipdeck::cli {

namespace {

struct Command
{
    QString name;
    QString synopsis;
    QString summary;
    std::function<int(const QStringList &, Console &)> run;
    bool takesGlobalOptions = false; // fleet commands: options before the name count too
};

// This file's messages, in a context lupdate can see.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vipdeck::cli)
};

QString globalOptionsHelp()
{
    return Tr::tr(
        "Options:\n"
        "  --fleet FILE     the fleet file (default: the last one vipdeck opened)\n"
        "  --json           machine-readable output (schema in\n"
        "                   /usr/share/doc/vipdeck/vipdeckctl.md.gz)\n"
        "  --vip NAME       only this VIP\n"
        "  --host NAME      only this host\n"
        "  --state STATE    servers: up, down, drain or maint\n"
        "  --follow         events: keep polling and print events as they come\n"
        "  --interval SECS  events, watch: seconds between polls (default: the fleet's)\n"
        "  --count N        events --follow, watch: stop after N polls\n"
        "  --reason TEXT    why (required for changes; recorded in the audit log; no control\n"
        "                   characters)\n"
        "  --dry-run        show what a change would do, change nothing\n"
        "  --yes            do not ask for confirmation\n"
        "  --force          allow leaving a backend below its UP-server threshold;\n"
        "                   reload: skip hosts that fail the pre-flight\n"
        "  --wait-sessions SECS  maint: drain first, wait up to SECS for sessions to end\n"
        "  --rolling        reload: every host of the VIP's group, one at a time\n"
        "  --audit URL      the audit log (default: settings 'audit/url', else SQLite)\n"
        "  --local          read the sockets on this machine instead of over SSH\n"
        "  --no-color       no colours on a terminal\n"
        "  --fail-on LEVEL  status, vips: exit 1 when a VIP is unknown, degraded or\n"
        "                   critical (LEVEL) or worse\n"
        "  --group NAME     check: only this group's VIPs and hosts\n"
        "  -w, --warning RANGE   check: WARNING when the measure is outside RANGE\n"
        "  -c, --critical RANGE  check: CRITICAL when the measure is outside RANGE\n"
        "  --on WHAT        check: what -w/-c measure: announcing (hosts announcing each\n"
        "                   VIP, the default) or up (usable servers of each backend)\n"
        "  -t, --timeout SECS    check: UNKNOWN when the fleet has not answered by then\n"
        "                   (default 30)\n"
        "  -o, --output FILE     metrics: write to FILE (atomically) instead of stdout\n");
}

// The options a fleet command takes, by the names its help lines start with.
QStringList optionsOf(const QString &command)
{
    const QStringList common = {u"--fleet"_s, u"--local"_s};
    const QStringList read = {u"--json"_s, u"--vip"_s, u"--host"_s, u"--no-color"_s};
    const QStringList change = {u"--json"_s,    u"--vip"_s, u"--host"_s, u"--reason"_s,
                                u"--dry-run"_s, u"--yes"_s, u"--audit"_s};
    if (command == u"status"_s || command == u"vips"_s)
        return common + read + QStringList{u"--fail-on"_s};
    if (command == u"servers"_s)
        return common + read + QStringList{u"--state"_s};
    if (command == u"events"_s)
        return common + read + QStringList{u"--follow"_s, u"--interval"_s, u"--count"_s};
    if (command == u"watch"_s)
        return common +
               QStringList{u"--vip"_s, u"--host"_s, u"--interval"_s, u"--count"_s, u"--no-color"_s};
    if (command == u"check"_s)
        return common + QStringList{u"--vip"_s, u"--host"_s, u"--group"_s, u"-w"_s,
                                    u"-c"_s,    u"--on"_s,   u"-t"_s};
    if (command == u"metrics"_s)
        return common + QStringList{u"--vip"_s, u"--host"_s, u"-o"_s};
    if (command == u"trust"_s)
        return common + QStringList{u"--yes"_s, u"--dry-run"_s};
    if (command == u"ready"_s)
        return common + change;
    if (command == u"drain"_s || command == u"weight"_s)
        return common + change + QStringList{u"--force"_s};
    if (command == u"maint"_s)
        return common + change + QStringList{u"--force"_s, u"--wait-sessions"_s};
    if (command == u"reload"_s)
        return common + change + QStringList{u"--force"_s, u"--rolling"_s};
    return {};
}

// The option lines of globalOptionsHelp() that `command` takes: an entry is
// a line starting with "  -" and the indented lines that continue it.
QString optionsHelp(const QString &command)
{
    const QStringList wanted = optionsOf(command);
    if (wanted.isEmpty())
        return globalOptionsHelp();
    const QStringList lines = globalOptionsHelp().split(u'\n');
    QString out = lines.value(0) + u'\n'; // "Options:"
    bool keep = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        if (line.startsWith(u"  -"_s)) {
            QString name = line.trimmed().section(u' ', 0, 0);
            if (name.endsWith(u','))
                name.chop(1);
            keep = wanted.contains(name);
        } else if (!line.startsWith(u"   "_s)) {
            keep = false;
        }
        if (keep)
            out += line + u'\n';
    }
    return out;
}

// Adapts a fleet command to the table: parses the global options, answers --help.
std::function<int(const QStringList &, Console &)>
fleetCommand(const QString &synopsis, const QString &description,
             int (*command)(const GlobalOptions &, Console &))
{
    return [synopsis, description, command](const QStringList &arguments, Console &console) {
        const Result<GlobalOptions> options = parseGlobalOptions(arguments);
        if (!options) {
            console.err() << u"vipdeckctl: "_s << options.error().toString() << u'\n';
            return int(ExitUsage);
        }
        if (options->help) {
            console.out() << Tr::tr("Usage: vipdeckctl %1").arg(synopsis) << u"\n\n"_s
                          << description << u"\n\n"_s << optionsHelp(synopsis.section(u' ', 0, 0))
                          << u'\n'
                          << Tr::tr(
                                 "Exit codes: 0 ok, 1 failed somewhere, 2 usage or config error, "
                                 "3 some hosts unreachable.")
                          << u'\n';
            return int(ExitOk);
        }
        return command(*options, console);
    };
}

// `check` answers a monitoring daemon: even a bad command line is one
// status line on stdout and exit 3 (UNKNOWN), never 2 (CRITICAL).
std::function<int(const QStringList &, Console &)> pluginCommand(const QString &synopsis,
                                                                 const QString &description)
{
    return [synopsis, description](const QStringList &arguments, Console &console) {
        const Result<GlobalOptions> options = parseGlobalOptions(arguments);
        if (!options) {
            console.out() << u"VIPDECK UNKNOWN - "_s << options.error().toString() << u'\n';
            return 3;
        }
        if (options->help) {
            console.out() << Tr::tr("Usage: vipdeckctl %1").arg(synopsis) << u"\n\n"_s
                          << description << u"\n\n"_s << optionsHelp(synopsis.section(u' ', 0, 0))
                          << u'\n' << Tr::tr("Exit codes: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.")
                          << u'\n';
            return 0;
        }
        return checkCommand(*options, console);
    };
}

const QList<Command> &commands()
{
    static const QList<Command> list = {
        {u"check-config"_s, u"check-config FILE"_s,
         Tr::tr("Validate a fleet file; print every problem, or a summary of the fleet"),
         checkConfigCommand},
        {u"status"_s, u"status"_s,
         Tr::tr("Fleet summary: hosts, the VIP x host matrix with verdicts, worst reasons"),
         fleetCommand(u"status [--vip V] [--host H] [--json] [--fail-on LEVEL]"_s,
                      Tr::tr("Polls every host once and prints the hosts, the verdict of every VIP "
                             "on every host (+ announced over BGP) and the worst reasons."),
                      statusCommand),
         true},
        {u"vips"_s, u"vips"_s, Tr::tr("Every VIP with its verdict per host and its reasons"),
         fleetCommand(u"vips [--vip V] [--host H] [--json] [--fail-on LEVEL]"_s,
                      Tr::tr("Lists every VIP: prefixes, verdict, per host the verdict and the "
                             "announcement, and every reason."),
                      vipsCommand),
         true},
        {u"servers"_s, u"servers [PATTERN]"_s,
         Tr::tr("Backend servers everywhere, filtered by name glob, --state, --vip, --host"),
         fleetCommand(u"servers [PATTERN] [--state up|down|drain|maint] [--vip V] [--host H] "
                      "[--json]"_s,
                      Tr::tr("Lists every backend server on every host (state, HAProxy status, "
                             "weight, sessions, check). PATTERN is a glob on the server name, e.g. "
                             "'web-*'."),
                      serversCommand),
         true},
        {u"events"_s, u"events [--follow]"_s,
         Tr::tr("Changes between two polls, or continuously with --follow"),
         fleetCommand(
             u"events [--follow] [--interval SECS] [--count N] [--json]"_s,
             Tr::tr("Polls twice, one poll interval apart, and prints what changed. With "
                    "--follow it keeps polling and prints events as they happen (JSON: one "
                    "object per line)."),
             eventsCommand),
         true},
        {u"check"_s, u"check"_s,
         Tr::tr("Monitoring plugin (Nagios, Icinga): status line, perfdata, exit 0-3"),
         pluginCommand(u"check [--vip V] [--host H] [--group G] [-w RANGE] [-c RANGE] "
                       "[--on announcing|up] [-t SECS]"_s,
                       Tr::tr("Polls the fleet once and answers as a monitoring plugin: one "
                              "status line with performance data, a line per problem, exit 0 OK, "
                              "1 WARNING (a degraded VIP), 2 CRITICAL, 3 UNKNOWN (unreadable "
                              "data, a timeout, a usage error). RANGE follows the Monitoring "
                              "Plugins guidelines: '2:' alerts below 2. See "
                              "/usr/share/doc/vipdeck/monitoring.md.gz.")),
         true},
        {u"metrics"_s, u"metrics [-o FILE]"_s,
         Tr::tr("Prometheus metrics (node_exporter textfile format) of one poll"),
         fleetCommand(u"metrics [-o FILE] [--vip V] [--host H]"_s,
                      Tr::tr("Polls every host once and writes the verdicts, announcements, "
                             "server states and sessions, BGP and BFD sessions in the Prometheus "
                             "text format: to FILE, replaced atomically (point node_exporter's "
                             "textfile collector at its folder), or to standard output. See "
                             "/usr/share/doc/vipdeck/monitoring.md.gz."),
                      metricsCommand),
         true},
        {u"watch"_s, u"watch"_s, Tr::tr("Live status view, redrawn at every poll until Ctrl+C"),
         fleetCommand(u"watch [--interval SECS] [--count N]"_s,
                      Tr::tr("Redraws the status view in place at the poll interval until Ctrl+C. "
                             "When the output is not a terminal, prints one status per poll."),
                      watchCommand),
         true},
        {u"trust"_s, u"trust HOST"_s,
         Tr::tr("Show a host's SSH key fingerprint and add it to known_hosts"),
         fleetCommand(u"trust HOST [--yes] [--dry-run]"_s,
                      Tr::tr("Fetches the host key HOST offers, prints its type and SHA256 "
                             "fingerprint and, once confirmed, adds it to the host's known_hosts. "
                             "A changed key is refused: edit known_hosts yourself."),
                      trustCommand),
         true},
        {u"drain"_s, u"drain SERVER"_s,
         Tr::tr("Drain a server wherever it serves (narrow with --vip/--host)"),
         fleetCommand(u"drain SERVER --reason TEXT [--vip V] [--host H] [--force] [--dry-run] "
                      "[--yes]"_s,
                      Tr::tr("Sets SERVER to DRAIN on every VIP, host and backend where it serves: "
                             "a preview first, then confirmation, then every target in parallel."),
                      drainCommand),
         true},
        {u"ready"_s, u"ready SERVER"_s, Tr::tr("Put a server back in service"),
         fleetCommand(u"ready SERVER --reason TEXT [--vip V] [--host H] [--dry-run] [--yes]"_s,
                      Tr::tr("Sets SERVER to READY wherever it serves."), readyCommand),
         true},
        {u"maint"_s, u"maint SERVER"_s, Tr::tr("Put a server in maintenance"),
         fleetCommand(u"maint SERVER --reason TEXT [--wait-sessions SECS] [--vip V] [--host H] "
                      "[--force] [--dry-run] [--yes]"_s,
                      Tr::tr("Sets SERVER to MAINT wherever it serves. With --wait-sessions it is "
                             "drained first and put in maintenance once its sessions reach zero "
                             "(or fails after SECS, left in DRAIN)."),
                      maintCommand),
         true},
        {u"weight"_s, u"weight SERVER N"_s, Tr::tr("Set a server's weight (0-256)"),
         fleetCommand(u"weight SERVER N --reason TEXT [--vip V] [--host H] [--force] "
                      "[--dry-run] [--yes]"_s,
                      Tr::tr("Sets SERVER's weight to N wherever it serves."), weightCommand),
         true},
        {u"reload"_s, u"reload VIP"_s, Tr::tr("Reload a VIP's HAProxy on one host or rolling"),
         fleetCommand(
             u"reload VIP (--host H | --rolling) --reason TEXT [--force] [--dry-run] [--yes]"_s,
             Tr::tr("First a pre-flight on every host (reachable over SSH, haproxy -c, server "
                    "state readable and savable); if a host fails it nothing is reloaded. "
                    "Then per host: checks the config, saves the server state, reloads "
                    "through the master socket, confirms the new worker and waits until the "
                    "VIP is healthy and announced. --rolling does every host of the group one "
                    "at a time and stops at the first failure. --dry-run runs only the "
                    "pre-flight; --force skips the hosts that fail it and reloads the others "
                    "(audited as forced). Exit 3 when the pre-flight failed only on "
                    "unreachable hosts."),
             reloadCommand),
         true},
        {u"audit"_s, u"audit list|show|export|verify|anchor"_s,
         Tr::tr("The audit log of every change (see 'vipdeckctl audit --help')"), auditCommand},
        {u"record"_s, u"record [--history URL]"_s,
         Tr::tr("Record the fleet's history until stopped (see 'vipdeckctl record --help')"),
         recordCommand, true},
        {u"report"_s, u"report --format F -o FILE"_s,
         Tr::tr("Health report as PDF, HTML, CSV or JSON (see 'vipdeckctl report --help')"),
         reportCommand, true},
    };
    return list;
}

void printUsage(QTextStream &out)
{
    out << Tr::tr("Usage: vipdeckctl [-V|--version] [-h|--help] COMMAND [OPTIONS]") << u"\n\n"_s;
    out << Tr::tr("Operations console for anycast HAProxy/BIRD load-balancer fleets.") << u"\n\n"_s;
    out << Tr::tr("Commands:") << u'\n';
    for (const Command &command : commands())
        out << u"  "_s << command.synopsis.leftJustified(32) << u' ' << command.summary << u'\n';
    out << u'\n' << globalOptionsHelp();
    out << u'\n' << Tr::tr("Run 'vipdeckctl COMMAND --help' for a command's options.") << u'\n'
        << Tr::tr("Exit codes: 0 ok, 1 failed somewhere, 2 usage or config error, 3 hosts "
                  "unreachable.")
        << u'\n';
}

} // namespace

int run(const QStringList &arguments, Console &console)
{
    // The commands report problems themselves; the modules' info lines
    // (reconnects, unknown keys) would repeat them.  QT_LOGGING_RULES wins.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(u"vipdeck.*.info=false\nvipdeck.*.debug=false"_s);
    if (arguments.isEmpty()) {
        printUsage(console.err());
        return ExitUsage;
    }
    const QString first = arguments.first();
    if (first == u"--help"_s || first == u"-h"_s || first == u"help"_s) {
        printUsage(console.out());
        return ExitOk;
    }
    // -V, and -v as the console (a Qt program) has it.
    if (first == u"--version"_s || first == u"-V"_s || first == u"-v"_s) {
        console.out() << u"vipdeckctl "_s << QString::fromLatin1(VIPDECK_VERSION) << u'\n';
        return ExitOk;
    }
    // The command is the first word that is neither an option nor an option's
    // value; fleet commands also get the options written before it.
    qsizetype index = 0;
    while (index < arguments.size() && arguments.at(index).startsWith(u'-')) {
        if (optionTakesValue(arguments.at(index)))
            ++index;
        ++index;
    }
    if (index >= arguments.size()) {
        printUsage(console.err());
        return ExitUsage;
    }
    const QString name = arguments.at(index);
    for (const Command &command : commands()) {
        if (command.name != name)
            continue;
        if (command.takesGlobalOptions)
            return command.run(arguments.mid(0, index) + arguments.mid(index + 1), console);
        if (index > 0) {
            console.err() << Tr::tr("vipdeckctl: write the options of '%1' after it.").arg(name)
                          << u'\n';
            return ExitUsage;
        }
        return command.run(arguments.mid(index + 1), console);
    }
    console.err() << Tr::tr("vipdeckctl: unknown command '%1'.").arg(name) << u' '
                  << Tr::tr("Run 'vipdeckctl --help' for the list of commands.") << u'\n';
    return ExitUsage;
}

} // namespace vipdeck::cli
