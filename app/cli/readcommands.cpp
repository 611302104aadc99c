#include "app/cli/readcommands.h"

#include "app/cli/fleetjson.h"
#include "app/cli/fleetsession.h"
#include "app/cli/fleettext.h"
#include "app/cli/fleetview.h"
#include "app/cli/monitoringplugin.h"
#include "app/cli/prometheusmetrics.h"
#include "core/common/controlcharacters.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace vipdeck::cli {

namespace {

// This file's messages, in a context lupdate can see.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vipdeck::cli)
};

void printJson(Console &console, const QJsonObject &object,
               QJsonDocument::JsonFormat format = QJsonDocument::Indented)
{
    console.out() << QString::fromUtf8(QJsonDocument(object).toJson(format));
    if (format == QJsonDocument::Compact)
        console.out() << u'\n';
    console.out().flush();
}

TextStyle styleFor(const GlobalOptions &options, Console &console)
{
    return textStyle(options.color, console.isOutTerminal());
}

int noPositional(const GlobalOptions &options, Console &console, const QString &command)
{
    if (options.positional.isEmpty())
        return ExitOk;
    console.err() << Tr::tr("vipdeckctl %1: unexpected argument '%2'.")
                         .arg(command, options.positional.first())
                  << u'\n';
    return ExitUsage;
}

// Exit 3 when a selected host is unreachable (FleetSession::exitCode), and
// also when a selected placement's HAProxy could not be read: the answer is
// incomplete.  stderr names each such placement.
int incompleteExitCode(FleetSession &session, const Snapshot &snapshot, const FleetFilter &filter,
                       Console &console)
{
    const int code = session.exitCode(snapshot);
    if (code != ExitOk)
        return code;
    const QList<UnreadPlacement> unread = unreadPlacements(snapshot, filter);
    for (const UnreadPlacement &u : unread)
        console.err() << Tr::tr("vipdeckctl: HAProxy of %1 on %2 could not be read: %3")
                             .arg(u.vip, u.host, escapeControlCharacters(u.reason))
                      << u'\n';
    return unread.isEmpty() ? ExitOk : ExitUnreachable;
}

// --fail-on LEVEL: ExitFailed when a selected VIP's verdict is LEVEL or worse
// (unknown < degraded < critical); `otherwise` when none is, or without it.
int failOnExitCode(const GlobalOptions &options, const FleetUpdate &update,
                   const FleetFilter &filter, Console &console, int otherwise)
{
    if (options.failOn.isEmpty() || otherwise != ExitOk)
        return otherwise;
    const Health level = options.failOn == u"critical"_s   ? Health::Critical
                         : options.failOn == u"degraded"_s ? Health::Degraded
                                                           : Health::Unknown;
    QStringList failed;
    for (const Vip *vip : selectVips(update.snapshot, filter)) {
        const auto it = update.verdicts->vips.constFind(vip->name);
        const Health health = it == update.verdicts->vips.cend() ? Health::Unknown : it->health;
        if (int(health) >= int(level))
            failed << u"%1 (%2)"_s.arg(vip->name, healthName(health));
    }
    if (failed.isEmpty())
        return otherwise;
    console.err()
        << Tr::tr("vipdeckctl: --fail-on %1: %2").arg(options.failOn, failed.join(u", "_s))
        << u'\n';
    return ExitFailed;
}

} // namespace

int checkCommand(const GlobalOptions &options, Console &console)
{
    // A monitoring daemon reads stdout and the exit code only: every problem,
    // usage errors included, is one line there and exit 3 (UNKNOWN).
    const auto unknown = [&console](const QString &why) {
        console.out() << u"VIPDECK UNKNOWN - "_s << why << u'\n';
        console.out().flush();
        return int(PluginUnknown);
    };
    if (!options.positional.isEmpty())
        return unknown(Tr::tr("unexpected argument '%1'").arg(options.positional.first()));
    CheckOptions check;
    check.group = options.group;
    check.on = options.thresholdOn == u"up"_s ? ThresholdOn::UpServers : ThresholdOn::Announcing;
    for (const auto &[text, range] : {std::pair{options.warning, &check.warning},
                                      std::pair{options.critical, &check.critical}}) {
        if (text.isEmpty())
            continue;
        const Result<PluginRange> parsed = parsePluginRange(text);
        if (!parsed)
            return unknown(parsed.error().toString());
        *range = *parsed;
    }

    StringConsole diagnostics; // the fleet file's diagnostics go to the status line
    FleetSession session(diagnostics, options);
    session.setShowProgress(false);
    if (session.open() != ExitOk) {
        const QStringList lines = diagnostics.errors().split(u'\n', Qt::SkipEmptyParts);
        return unknown(lines.isEmpty() ? Tr::tr("the fleet file could not be loaded")
                                       : lines.first());
    }
    if (!check.group.isEmpty() && !session.inventory().group(check.group))
        return unknown(Tr::tr("no group '%1' in %2").arg(check.group, session.fleetFile()));

    const int timeoutSecs = options.timeoutSecs.value_or(30);
    QElapsedTimer elapsed;
    elapsed.start();
    const std::optional<FleetUpdate> update = session.pollOnce(timeoutSecs * 1000);
    if (!update) {
        unknown(Tr::tr("the fleet did not answer within %n second(s) (-t); 'vipdeckctl status' "
                       "shows which host is slow",
                       nullptr, timeoutSecs));
        // Reads still running have deadlines of their own; a plugin does not wait.
        console.exitAtOnce(PluginUnknown);
        return PluginUnknown;
    }
    const CheckOutcome outcome = checkFleet(*update, session.filter(), check, elapsed.elapsed());
    console.out() << outcome.output;
    console.out().flush();
    return outcome.state;
}

int metricsCommand(const GlobalOptions &options, Console &console)
{
    if (const int code = noPositional(options, console, u"metrics"_s))
        return code;
    FleetSession session(console, options);
    if (const int code = session.open())
        return code;
    QElapsedTimer elapsed;
    elapsed.start();
    const FleetUpdate update = session.pollOnce();
    const QString text = prometheusText(update, session.filter(), elapsed.elapsed());
    if (options.output.isEmpty() || options.output == u"-"_s) {
        console.out() << text;
        console.out().flush();
    } else {
        // A collector never reads half a file: a temporary file beside it,
        // renamed over it, readable by the collector's user.
        QSaveFile file(options.output);
        const bool written = file.open(QIODevice::WriteOnly) && file.write(text.toUtf8()) >= 0 &&
                             file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                 QFileDevice::ReadGroup | QFileDevice::ReadOther) &&
                             file.commit();
        if (!written) {
            console.err() << Tr::tr("vipdeckctl metrics: cannot write %1: %2 (check that its "
                                    "folder exists and is writable).")
                                 .arg(options.output, file.errorString())
                          << u'\n';
            return ExitFailed;
        }
    }
    return session.exitCode(update.snapshot);
}

int statusCommand(const GlobalOptions &options, Console &console)
{
    if (const int code = noPositional(options, console, u"status"_s))
        return code;
    FleetSession session(console, options);
    if (const int code = session.open())
        return code;
    const FleetUpdate update = session.pollOnce();
    if (options.json)
        printJson(console, statusJson(update, session.filter(), session.fleetFile()));
    else
        console.out() << statusText(update, session.filter(), session.fleetFile(),
                                    styleFor(options, console));
    return failOnExitCode(options, update, session.filter(), console,
                          session.exitCode(update.snapshot));
}

int vipsCommand(const GlobalOptions &options, Console &console)
{
    if (const int code = noPositional(options, console, u"vips"_s))
        return code;
    FleetSession session(console, options);
    if (const int code = session.open())
        return code;
    const FleetUpdate update = session.pollOnce();
    if (options.json)
        printJson(console, vipsJson(update, session.filter()));
    else
        console.out() << vipsText(update, session.filter(), styleFor(options, console));
    return failOnExitCode(options, update, session.filter(), console,
                          incompleteExitCode(session, update.snapshot, session.filter(), console));
}

int serversCommand(const GlobalOptions &options, Console &console)
{
    if (options.positional.size() > 1) {
        console.err() << Tr::tr("vipdeckctl servers: one name pattern at most, not '%1'.")
                             .arg(options.positional.join(u' '))
                      << u'\n';
        return ExitUsage;
    }
    FleetSession session(console, options);
    if (const int code = session.open())
        return code;
    FleetFilter filter = session.filter();
    filter.namePattern = options.positional.value(0);
    const FleetUpdate update = session.pollOnce();
    if (options.json)
        printJson(console, serversJson(update, filter));
    else
        console.out() << serversText(update, filter, styleFor(options, console));
    return incompleteExitCode(session, update.snapshot, filter, console);
}

int eventsCommand(const GlobalOptions &options, Console &console)
{
    if (const int code = noPositional(options, console, u"events"_s))
        return code;
    FleetSession session(console, options);
    if (const int code = session.open())
        return code;
    const int interval =
        options.intervalMs.value_or(int(session.inventory().pollInterval().count()));
    const FleetFilter filter = session.filter();
    FleetUpdate previous = session.pollOnce();
    if (!options.follow) {
        session.pause(interval);
        const FleetUpdate next = session.pollOnce();
        const QList<FleetEvent> events =
            selectEvents(diffSnapshots(previous.snapshot, next.snapshot), filter);
        if (options.json) {
            printJson(console, eventsJson(events));
        } else {
            for (const FleetEvent &event : events)
                console.out() << eventLine(event, styleFor(options, console)) << u'\n';
            if (events.isEmpty())
                console.out() << Tr::tr("no events in %1 s").arg(interval / 1000.0) << u'\n';
        }
        return session.exitCode(next.snapshot);
    }
    // --follow: one line (or one JSON object) per event until interrupted, or
    // until --count rounds have been polled.
    for (int round = 0; options.count == 0 || round < options.count; ++round) {
        session.pause(interval);
        const FleetUpdate next = session.pollOnce();
        for (const FleetEvent &event :
             selectEvents(diffSnapshots(previous.snapshot, next.snapshot), filter)) {
            if (options.json) {
                // JSON Lines: each record stands alone, so each names its schema.
                QJsonObject record = eventJson(event);
                record.insert(u"schema"_s, u"vipdeck.event/1"_s);
                printJson(console, record, QJsonDocument::Compact);
            } else {
                console.out() << eventLine(event, styleFor(options, console)) << u'\n';
            }
        }
        console.out().flush();
        previous = next;
    }
    return session.exitCode(previous.snapshot);
}

int watchCommand(const GlobalOptions &options, Console &console)
{
    if (const int code = noPositional(options, console, u"watch"_s))
        return code;
    if (options.json) {
        console.err() << Tr::tr("vipdeckctl watch: no --json; use 'events --follow --json' or "
                                "'status --json' in a loop.")
                      << u'\n';
        return ExitUsage;
    }
    FleetSession session(console, options);
    if (const int code = session.open())
        return code;
    const int interval =
        options.intervalMs.value_or(int(session.inventory().pollInterval().count()));
    const bool live = console.isOutTerminal();
    const TextStyle style = styleFor(options, console);
    FleetUpdate update;
    for (int frame = 0; options.count == 0 || frame < options.count; ++frame) {
        if (frame > 0) {
            session.pause(interval);
            // The live view's footer stays; progress would overwrite it.
            session.setShowProgress(!live);
        }
        update = session.pollOnce();
        const QString text = statusText(update, session.filter(), session.fleetFile(), style);
        if (live) {
            // Home, draw over the old frame line by line, clear what is left.
            QString frameText = text;
            frameText.replace(u"\n"_s, u"\x1b[K\n"_s);
            console.out() << (frame == 0 ? u"\x1b[2J\x1b[H"_s : u"\x1b[H"_s) << frameText
                          << u"\x1b[J"_s
                          << Tr::tr("every %1 s; Ctrl+C to stop").arg(interval / 1000.0);
        } else {
            if (frame > 0)
                console.out() << u'\n';
            console.out() << text;
        }
        console.out().flush();
    }
    if (live)
        console.out() << u'\n';
    return session.exitCode(update.snapshot);
}

} // namespace vipdeck::cli
