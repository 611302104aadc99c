#include "app/cli/globaloptions.h"

#include <QCoreApplication>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace vipdeck::cli {

namespace {

// This file's messages, in a context lupdate can see.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vipdeck::cli)
};

const QStringList &valueOptions()
{
    static const QStringList list = {
        u"--fleet"_s,         u"--vip"_s,     u"--host"_s,     u"--reason"_s,
        u"--state"_s,         u"--count"_s,   u"--interval"_s, u"--audit"_s,
        u"--wait-sessions"_s, u"-w"_s,        u"--warning"_s,  u"-c"_s,
        u"--critical"_s,      u"--on"_s,      u"-t"_s,         u"--timeout"_s,
        u"--group"_s,         u"--fail-on"_s, u"-o"_s,         u"--output"_s};
    return list;
}

Error usage(const QString &message)
{
    return Error(ErrorCode::InvalidArgument, message, {},
                 Tr::tr("Run 'vipdeckctl COMMAND --help' for the options."));
}

Result<int> positiveNumber(const QString &option, const QString &value, int scale)
{
    bool ok = false;
    const double number = value.toDouble(&ok);
    if (!ok || number <= 0 || number > 1e6)
        return usage(Tr::tr("%1 needs a positive number, not '%2'.").arg(option, value));
    return int(number * scale);
}

} // namespace

bool optionTakesValue(const QString &argument)
{
    return valueOptions().contains(argument);
}

Result<GlobalOptions> parseGlobalOptions(const QStringList &arguments)
{
    GlobalOptions options;
    bool optionsEnded = false;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        QString argument = arguments.at(i);
        if (optionsEnded || !argument.startsWith(u'-') || argument == u"-"_s) {
            options.positional << argument;
            continue;
        }
        if (argument == u"--"_s) {
            optionsEnded = true;
            continue;
        }
        QString value;
        bool hasValue = false;
        if (const qsizetype eq = argument.indexOf(u'='); argument.startsWith(u"--"_s) && eq > 0) {
            value = argument.mid(eq + 1);
            argument = argument.left(eq);
            hasValue = true;
        }
        if (optionTakesValue(argument)) {
            if (!hasValue) {
                if (i + 1 >= arguments.size())
                    return usage(Tr::tr("%1 needs a value.").arg(argument));
                value = arguments.at(++i);
            }
            if (argument == u"--fleet"_s)
                options.fleet = value;
            else if (argument == u"--vip"_s)
                options.vip = value;
            else if (argument == u"--host"_s)
                options.host = value;
            else if (argument == u"--reason"_s)
                options.reason = value.trimmed();
            else if (argument == u"--audit"_s)
                options.auditUrl = value;
            else if (argument == u"-w"_s || argument == u"--warning"_s)
                options.warning = value;
            else if (argument == u"-c"_s || argument == u"--critical"_s)
                options.critical = value;
            else if (argument == u"--group"_s)
                options.group = value;
            else if (argument == u"-o"_s || argument == u"--output"_s)
                options.output = value;
            else if (argument == u"--on"_s) {
                if (value != u"announcing"_s && value != u"up"_s)
                    return usage(Tr::tr("--on must be 'announcing' or 'up', not '%1'.").arg(value));
                options.thresholdOn = value;
            } else if (argument == u"--fail-on"_s) {
                static const QStringList levels = {u"unknown"_s, u"degraded"_s, u"critical"_s};
                if (!levels.contains(value))
                    return usage(Tr::tr("--fail-on must be unknown, degraded or critical; not "
                                        "'%1'.")
                                     .arg(value));
                options.failOn = value;
            } else if (argument == u"-t"_s || argument == u"--timeout"_s) {
                const Result<int> secs = positiveNumber(argument, value, 1);
                if (!secs)
                    return secs.error();
                options.timeoutSecs = *secs;
            } else if (argument == u"--state"_s) {
                static const QStringList states = {u"up"_s, u"down"_s, u"drain"_s, u"maint"_s};
                if (!states.contains(value))
                    return usage(Tr::tr("--state must be one of up, down, drain, maint; not '%1'.")
                                     .arg(value));
                options.state = value;
            } else if (argument == u"--count"_s) {
                const Result<int> n = positiveNumber(argument, value, 1);
                if (!n)
                    return n.error();
                options.count = *n;
            } else if (argument == u"--interval"_s) {
                const Result<int> ms = positiveNumber(argument, value, 1000);
                if (!ms)
                    return ms.error();
                options.intervalMs = *ms;
            } else if (argument == u"--wait-sessions"_s) {
                const Result<int> secs = positiveNumber(argument, value, 1);
                if (!secs)
                    return secs.error();
                options.waitSessionsSecs = *secs;
            }
            continue;
        }
        if (hasValue)
            return usage(Tr::tr("%1 takes no value.").arg(argument));
        if (argument == u"--json"_s)
            options.json = true;
        else if (argument == u"--dry-run"_s || argument == u"-n"_s)
            options.dryRun = true;
        else if (argument == u"--yes"_s || argument == u"-y"_s)
            options.yes = true;
        else if (argument == u"--no-color"_s)
            options.color = false;
        else if (argument == u"--help"_s || argument == u"-h"_s)
            options.help = true;
        else if (argument == u"--follow"_s || argument == u"-f"_s)
            options.follow = true;
        else if (argument == u"--local"_s)
            options.local = true;
        else if (argument == u"--rolling"_s)
            options.rolling = true;
        else if (argument == u"--force"_s)
            options.force = true;
        else
            return usage(Tr::tr("unknown option '%1'.").arg(argument));
    }
    return options;
}

Result<QString> resolveFleetFile(const GlobalOptions &options)
{
    if (!options.fleet.isEmpty())
        return options.fleet;
    const QSettings settings(u"vipdeck"_s, u"vipdeck"_s);
    const QStringList recent = settings.value(u"fleet/recentFiles"_s).toStringList();
    if (!recent.isEmpty() && !recent.first().isEmpty())
        return recent.first();
    return Error(ErrorCode::Config,
                 Tr::tr("no fleet file given, and vipdeck has not opened one yet."), {},
                 Tr::tr("Pass one with --fleet FILE (for example --fleet ~/fleet.yaml)."));
}

} // namespace vipdeck::cli
