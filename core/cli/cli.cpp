#include "core/cli/cli.h"

#include "core/cli/checkconfigcommand.h"
#include "version.h"

#include <QCoreApplication>

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
};

QString tr(const char *text)
{
    return QCoreApplication::translate("vipdeck::cli", text);
}

const QList<Command> &commands()
{
    static const QList<Command> list = {
        {u"check-config"_s, u"check-config FILE"_s,
         tr("Validate a fleet file; print every problem, or a summary of the fleet"),
         checkConfigCommand},
    };
    return list;
}

void printUsage(QTextStream &out)
{
    out << tr("Usage: vipdeckctl [--version] [--help] COMMAND [OPTIONS]") << u"\n\n"_s;
    out << tr("Operations console for anycast HAProxy/BIRD load-balancer fleets.") << u"\n\n"_s;
    out << tr("Commands:") << u'\n';
    for (const Command &command : commands())
        out << u"  "_s << command.synopsis.leftJustified(28) << u' ' << command.summary << u'\n';
    out << u'\n' << tr("Run 'vipdeckctl COMMAND --help' for a command's options.") << u'\n'
        << tr("Exit codes: 0 ok, 1 failed somewhere, 2 usage or config error, 3 hosts "
              "unreachable.")
        << u'\n';
}

} // namespace

int run(const QStringList &arguments, Console &console)
{
    if (arguments.isEmpty()) {
        printUsage(console.err());
        return ExitUsage;
    }
    const QString first = arguments.first();
    if (first == u"--help"_s || first == u"-h"_s || first == u"help"_s) {
        printUsage(console.out());
        return ExitOk;
    }
    if (first == u"--version"_s || first == u"-V"_s) {
        console.out() << u"vipdeckctl "_s << QString::fromLatin1(VIPDECK_VERSION) << u'\n';
        return ExitOk;
    }
    for (const Command &command : commands()) {
        if (command.name == first)
            return command.run(arguments.mid(1), console);
    }
    console.err() << tr("vipdeckctl: unknown command '%1'.").arg(first) << u' '
                  << tr("Run 'vipdeckctl --help' for the list of commands.") << u'\n';
    return ExitUsage;
}

} // namespace vipdeck::cli
