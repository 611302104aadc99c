#include "app/cli/confirm.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {

// This file's messages, in a context lupdate can see.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vipdeck::cli)
};

} // namespace

namespace vipdeck::cli {

Confirmation confirm(const GlobalOptions &options, Console &console, const QString &question)
{
    if (options.yes)
        return Confirmation::Yes;
    if (!console.isInTerminal()) {
        console.err() << Tr::tr(
                             "vipdeckctl: refusing to change anything without confirmation: "
                             "stdin is not a terminal. Pass --yes to confirm on the command line.")
                      << u'\n';
        return Confirmation::NoTerminal;
    }
    // The preview went to standard output, which a terminal buffers: it must
    // be on screen before the question about it.
    console.out().flush();
    console.err() << question << u' ' << Tr::tr("[yes/no]") << u' ';
    console.err().flush();
    const QString answer = console.readLine().trimmed().toLower();
    if (answer == u"y"_s || answer == u"yes"_s)
        return Confirmation::Yes;
    console.err() << Tr::tr("Cancelled; nothing was changed.") << u'\n';
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
