#include "core/cli/confirm.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace vipdeck::cli {

Confirmation confirm(const GlobalOptions &options, Console &console, const QString &question)
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("vipdeck::cli", text);
    };
    if (options.yes)
        return Confirmation::Yes;
    if (!console.isInTerminal()) {
        console.err() << tr("vipdeckctl: refusing to change anything without confirmation: "
                            "stdin is not a terminal. Pass --yes to confirm on the command line.")
                      << u'\n';
        return Confirmation::NoTerminal;
    }
    console.err() << question << u' ' << tr("[yes/no]") << u' ';
    console.err().flush();
    const QString answer = console.readLine().trimmed().toLower();
    if (answer == u"y"_s || answer == u"yes"_s)
        return Confirmation::Yes;
    console.err() << tr("Cancelled; nothing was changed.") << u'\n';
    return Confirmation::Declined;
}

int exitCodeFor(Confirmation confirmation)
{
    switch (confirmation) {
    case Confirmation::Yes:
        return ExitOk;
    case Confirmation::NoTerminal:
        return ExitUsage;
    case Confirmation::Declined:
        break;
    }
    return ExitFailed;
}

} // namespace vipdeck::cli
