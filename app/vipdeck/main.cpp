// vipdeck: the desktop console.  Composition root only: it parses the command
// line, builds the main window and hands it the fleet file.

#include "models/fleetmodels.h"
#include "selftest.h"
#include "version.h"
#include "views/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <cstring>
#include <memory>

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
    // For scripts/screenshots: after <n> updates, save PNGs of the main views and quit.
    QCommandLineOption screenshotsOption(u"screenshots"_s, u"Save screenshots into <dir>."_s,
                                         u"dir"_s);
    screenshotsOption.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption screenshotsAfterOption(
        u"screenshots-after"_s, u"Updates to wait for before the screenshots."_s, u"n"_s, u"20"_s);
    screenshotsAfterOption.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption showOption(u"show"_s, u"VIP and host the details tabs show."_s,
                                  u"vip@host"_s);
    showOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(fleetOption);
    parser.addOption(selfTestOption);
    parser.addOption(screenshotsOption);
    parser.addOption(screenshotsAfterOption);
    parser.addOption(showOption);
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

    if (parser.isSet(screenshotsOption)) {
        const QString dir = parser.value(screenshotsOption);
        const int after = std::max(1, parser.value(screenshotsAfterOption).toInt());
        const QStringList show = parser.value(showOption).split(u'@');
        window.resize(1400, 900);
        auto count = std::make_shared<int>(0);
        const auto shoot = [&window, dir, show] {
            if (show.size() == 2) {
                window.showVip(show[0]);
                window.showHost(show[1]);
            }
            QTextStream err(stderr);
            const QStringList files = window.saveScreenshots(dir);
            for (const QString &file : files)
                err << file << u'\n';
            QApplication::exit(files.size() == 6 ? 0 : 1);
        };
        QObject::connect(window.models(), &vipdeck::FleetModels::updated, &window,
                         [count, after, shoot] {
                             if (++*count == after)
                                 QTimer::singleShot(0, shoot);
                         });
    }
    return app.exec();
}
