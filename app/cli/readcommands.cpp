#include "app/cli/readcommands.h"

#include "app/cli/fleetjson.h"
#include "app/cli/fleetsession.h"
#include "app/cli/fleettext.h"
#include "app/cli/fleetview.h"

#include <QCoreApplication>
#include <QJsonDocument>

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
    TextStyle style;
    style.color = options.color && console.isOutTerminal();
    return style;
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
                             .arg(u.vip, u.host, u.reason)
                      << u'\n';
    return unread.isEmpty() ? ExitOk : ExitUnreachable;
}

} // namespace

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
    return session.exitCode(update.snapshot);
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
    return incompleteExitCode(session, update.snapshot, session.filter(), console);
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
                console.out() << eventLine(event) << u'\n';
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
            if (options.json)
                printJson(console, eventJson(event), QJsonDocument::Compact);
            else
                console.out() << eventLine(event) << u'\n';
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
