// vipdeck: the desktop console.  Composition root only: it parses the command
// line, builds the main window and hands it the fleet file.

#include "core/common/translations.h"
#include "models/fleetmodels.h"
#include "selftest.h"
#include "version.h"
#include "views/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QSettings>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <cstring>
#include <ctime>
#include <memory>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

// How long ago this process was started (by /proc's start time, in clock
// ticks of 10 ms), in milliseconds; -1 when /proc cannot tell.
double processAgeMs()
{
    QFile stat(u"/proc/self/stat"_s);
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    // Fields after "(comm)": state is field 3, starttime field 22.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 20)
        return -1;
    const double started = fields.at(19).toDouble() / double(sysconf(_SC_CLK_TCK));
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    return (double(now.tv_sec) + double(now.tv_nsec) / 1e9 - started) * 1000.0;
}

// --startup-time: after the main window's first paint, prints how long the
// process took to get there (bench/startup) and quits.
class FirstPaintProbe : public QObject
{
public:
    explicit FirstPaintProbe(const QElapsedTimer &sinceMain)
        : m_sinceMain(sinceMain)
    {}

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_seen) {
            m_seen = true;
            // After the paint event, once the frame is flushed to the window.
            QTimer::singleShot(0, this, [this] {
                timespec now{};
                clock_gettime(CLOCK_REALTIME, &now);
                std::fprintf(stdout,
                             "startup-time: first paint %.1f ms after process start "
                             "(%.1f ms after main); epoch-ns %lld\n",
                             processAgeMs(), double(m_sinceMain.nsecsElapsed()) / 1e6,
                             qint64(now.tv_sec) * 1000000000LL + qint64(now.tv_nsec));
                std::fflush(stdout);
                QApplication::exit(0);
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    const QElapsedTimer &m_sinceMain;
    bool m_seen = false;
};

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceMain;
    sinceMain.start();
    // The self-test, --help and --version must run without a display: choose
    // the offscreen platform before QApplication looks for one.
    for (int i = 1; i < argc; ++i) {
        const bool headless =
            std::strcmp(argv[i], "--self-test") == 0 || std::strcmp(argv[i], "--help") == 0 ||
            std::strcmp(argv[i], "-h") == 0 || std::strcmp(argv[i], "--help-all") == 0 ||
            std::strcmp(argv[i], "--version") == 0 || std::strcmp(argv[i], "-v") == 0 ||
            std::strcmp(argv[i], "-V") == 0;
        if (headless && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
    }

    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"vipdeck"_s);
    QApplication::setApplicationName(u"vipdeck"_s);
    QApplication::setApplicationDisplayName(u"vipdeck"_s);
    QApplication::setApplicationVersion(QString::fromLatin1(VIPDECK_VERSION));
    QApplication::setDesktopFileName(u"org.vipdeck.vipdeck"_s);
    vipdeck::installTranslations(); // settings "ui/language", else the system locale

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Operations console for anycast HAProxy/BIRD load-balancer fleets."));
    parser.addHelpOption();
    // -V as vipdeckctl has it; -v as Qt programs have it.
    const QCommandLineOption versionOption(
        {u"V"_s, u"v"_s, u"version"_s},
        QApplication::translate("main", "Displays version information."));
    parser.addOption(versionOption);
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
    // For bench/startup: print the time to the first paint of the window and quit.
    QCommandLineOption startupTimeOption(u"startup-time"_s,
                                         u"Print the time to the first paint and quit."_s);
    startupTimeOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(fleetOption);
    parser.addOption(selfTestOption);
    parser.addOption(screenshotsOption);
    parser.addOption(screenshotsAfterOption);
    parser.addOption(showOption);
    parser.addOption(startupTimeOption);
    parser.addPositionalArgument(u"fleet"_s, QApplication::translate("main", "Fleet file to open."),
                                 u"[fleet.yaml]"_s);
    parser.process(app);
    if (parser.isSet(versionOption))
        parser.showVersion();

    if (parser.isSet(selfTestOption)) {
        QTextStream out(stdout);
        return vipdeck::runSelfTest(out);
    }

    vipdeck::MainWindow window;
    FirstPaintProbe probe(sinceMain);
    if (parser.isSet(startupTimeOption))
        window.installEventFilter(&probe);
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
        window.resize(1280, 800); // the smallest screen the console is made for
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
