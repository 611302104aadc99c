// vipdeckctl: the command-line face of vipdeck, for scripts, cron reports and
// runbooks.  Composition root only: the commands live in app/cli.

#include "app/cli/cli.h"
#include "core/common/translations.h"
#include "version.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("vipdeck"));
    QCoreApplication::setApplicationName(QStringLiteral("vipdeck"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VIPDECK_VERSION));
    vipdeck::installTranslations(); // settings "ui/language", else the system locale
    vipdeck::cli::StdConsole console;
    return vipdeck::cli::run(QCoreApplication::arguments().mid(1), console);
}
