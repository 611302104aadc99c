// vipdeck: the desktop console.  Composition root only: it parses the command
// line, builds the main window and hands it the fleet file.

#include "selftest.h"
#include "version.h"
#include "views/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>
#include <QTextStream>

#include <cstdio>
#include <cstring>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    // The self-test must run without a display: choose the offscreen platform
    // before QApplication looks for one.
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--self-test") == 0 &&
            qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
    }

    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"vipdeck"_s);
    QApplication::setApplicationName(u"vipdeck"_s);
    QApplication::setApplicationDisplayName(u"vipdeck"_s);
    QApplication::setApplicationVersion(QString::fromLatin1(VIPDECK_VERSION));
    QApplication::setDesktopFileName(u"org.vipdeck.vipdeck"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Operations console for anycast HAProxy/BIRD load-balancer fleets."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption fleetOption(
        {u"f"_s, u"fleet"_s}, QApplication::translate("main", "Open the fleet file <file>."),
        u"file"_s);
    const QCommandLineOption selfTestOption(
        u"self-test"_s, QApplication::translate(
                            "main", "Run a smoke check without a display and exit (0 = passed)."));
    parser.addOption(fleetOption);
    parser.addOption(selfTestOption);
    parser.addPositionalArgument(u"fleet"_s, QApplication::translate("main", "Fleet file to open."),
                                 u"[fleet.yaml]"_s);
    parser.process(app);

    if (parser.isSet(selfTestOption)) {
        QTextStream out(stdout);
        return vipdeck::runSelfTest(out);
    }

    vipdeck::MainWindow window;
    QString fleet = parser.value(fleetOption);
    if (fleet.isEmpty() && !parser.positionalArguments().isEmpty())
        fleet = parser.positionalArguments().constFirst();
    if (fleet.isEmpty()) {
        const QStringList recent = QSettings().value(u"fleet/recentFiles"_s).toStringList();
        if (!recent.isEmpty())
            fleet = recent.constFirst();
    }
    window.show();
    if (!fleet.isEmpty())
        window.openFleet(fleet);
    return app.exec();
}
