#include "app/cli/checkconfigcommand.h"

#include "core/inventory/inventoryloader.h"

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

int checkConfigCommand(const QStringList &arguments, Console &console)
{
    if (arguments.contains(u"--help"_s) || arguments.contains(u"-h"_s)) {
        console.out() << Tr::tr("Usage: vipdeckctl check-config FILE") << u"\n\n"_s
                      << Tr::tr(
                             "Checks a fleet file and prints every problem as "
                             "FILE:LINE:COLUMN: error: ...,\nor a one-line summary of the fleet.")
                      << u"\n\n"_s
                      << Tr::tr("Exit codes: 0 the file is valid, 1 it has errors, 2 usage error.")
                      << u'\n';
        return ExitOk;
    }
    if (arguments.size() != 1 || arguments.first().startsWith(u'-')) {
        console.err() << Tr::tr("Usage: vipdeckctl check-config FILE") << u'\n';
        return ExitUsage;
    }

    const LoadedInventory loaded = loadInventory(arguments.first());
    for (const Diagnostic &diagnostic : loaded.diagnostics)
        console.err() << diagnostic.toString() << u'\n';
    if (!loaded.ok()) {
        qsizetype errors = 0;
        for (const Diagnostic &diagnostic : loaded.diagnostics)
            errors += diagnostic.severity == Diagnostic::Severity::Error ? 1 : 0;
        console.err() << QCoreApplication::translate("vipdeck::cli",
                                                     "%1: %n error(s); the fleet was not loaded.",
                                                     nullptr, int(errors))
                             .arg(arguments.first())
                      << u'\n';
        return ExitFailed;
    }
    console.out() << loaded.inventory->summary() << u'\n';
    return ExitOk;
}

} // namespace vipdeck::cli
