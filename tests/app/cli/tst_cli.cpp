// vipdeckctl's dispatcher and check-config, run in-process over a string console.

#include "app/cli/cli.h"
#include "core/common/error.h"
#include "tests/support/testdata.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using vipdeck::cli::StringConsole;

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void versionAndHelp()
    {
        // -V, -v and --version, as the console takes them.
        for (const QString &option : {u"--version"_s, u"-V"_s, u"-v"_s}) {
            StringConsole version;
            QCOMPARE(vipdeck::cli::run({option}, version), 0);
            QVERIFY2(version.output().startsWith(u"vipdeckctl 0."_s), qPrintable(option));
        }

        // audit and report answer --help and -h on standard output, exit 0.
        for (const QStringList &arguments :
             {QStringList{u"audit"_s, u"--help"_s}, QStringList{u"audit"_s, u"-h"_s},
              QStringList{u"report"_s, u"--help"_s}, QStringList{u"report"_s, u"-h"_s}}) {
            StringConsole console;
            QCOMPARE(vipdeck::cli::run(arguments, console), 0);
            QVERIFY2(console.errors().isEmpty(), qPrintable(console.errors()));
            QVERIFY2(console.output().contains(u"--since"_s), qPrintable(console.output()));
        }

        StringConsole help;
        QCOMPARE(vipdeck::cli::run({u"--help"_s}, help), 0);
        QVERIFY(help.output().contains(u"check-config FILE"_s));
    }

    void eachCommandHelpListsItsOwnOptions()
    {
        const auto help = [](const QStringList &arguments) {
            StringConsole console;
            vipdeck::cli::run(arguments, console);
            const QString out = console.output();
            // The option names of its "Options:" block.
            QStringList names;
            const QString block = out.section(u"Options:\n"_s, 1).section(u"\n\n"_s, 0, 0);
            for (const QString &line : block.split(u'\n')) {
                if (line.startsWith(u"  -"_s))
                    names << line.trimmed().section(u' ', 0, 0).remove(u',');
            }
            return names;
        };
        const QStringList all = help({u"--help"_s});
        for (const QString &option :
             {u"--rolling"_s, u"--state"_s, u"-w"_s, u"-o"_s, u"--fail-on"_s, u"--wait-sessions"_s})
            QVERIFY2(all.contains(option), qPrintable(all.join(u' ')));
        QCOMPARE(help({u"servers"_s, u"--help"_s}),
                 (QStringList{u"--fleet"_s, u"--json"_s, u"--vip"_s, u"--host"_s, u"--state"_s,
                              u"--local"_s, u"--no-color"_s}));
        QCOMPARE(help({u"check"_s, u"--help"_s}),
                 (QStringList{u"--fleet"_s, u"--vip"_s, u"--host"_s, u"--local"_s, u"--group"_s,
                              u"-w"_s, u"-c"_s, u"--on"_s, u"-t"_s}));
        const QStringList maint = help({u"maint"_s, u"--help"_s});
        QVERIFY(maint.contains(u"--wait-sessions"_s) && maint.contains(u"--reason"_s));
        QVERIFY(!maint.contains(u"--rolling"_s) && !maint.contains(u"--state"_s));
        const QStringList ready = help({u"ready"_s, u"--help"_s});
        QVERIFY(!ready.contains(u"--force"_s) && ready.contains(u"--dry-run"_s));
        // Every option a command lists is one the top-level help lists.
        for (const QString &command :
             {u"status"_s, u"vips"_s, u"events"_s, u"watch"_s, u"metrics"_s, u"trust"_s, u"drain"_s,
              u"weight"_s, u"reload"_s}) {
            const QStringList own = help({command, u"--help"_s});
            QVERIFY2(own.size() >= 2 && own.size() < all.size(), qPrintable(command));
            for (const QString &option : own)
                QVERIFY2(all.contains(option), qPrintable(command + u' ' + option));
        }
    }

    void everyErrorCodeIsDocumented()
    {
        // JSON "error" objects carry these codes; a script can only trust
        // the ones docs/vipdeckctl.md lists.
        QFile doc(QStringLiteral(VIPDECKCTL_DOC));
        QVERIFY(doc.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(doc.readAll());
        // Every value of the enum, up to the first without a name (the
        // switch in errorCodeName() names every code it knows).
        int codes = 0;
        for (;; ++codes) {
            const QString name = vipdeck::errorCodeName(vipdeck::ErrorCode(codes));
            if (name == u"unknown"_s)
                break;
            QVERIFY2(text.contains(u"| `"_s + name + u"` |"_s), qPrintable(name));
        }
        QVERIFY(codes > int(vipdeck::ErrorCode::PreconditionFailed));
    }

    void unknownCommandIsAUsageError()
    {
        StringConsole console;
        QCOMPARE(vipdeck::cli::run({u"frobnicate"_s}, console), vipdeck::cli::ExitUsage);
        QVERIFY(console.errors().contains(u"unknown command 'frobnicate'"_s));
        StringConsole empty;
        QCOMPARE(vipdeck::cli::run({}, empty), vipdeck::cli::ExitUsage);
    }

    void checkConfigSummarisesAValidFleet()
    {
        StringConsole console;
        QCOMPARE(vipdeck::cli::run({u"check-config"_s, QString::fromUtf8(VIPDECK_EXAMPLE_FLEET)},
                                   console),
                 vipdeck::cli::ExitOk);
        const QString out = console.output();
        QVERIFY2(out.contains(u"4 hosts"_s) && out.contains(u"4 VIPs"_s), qPrintable(out));
        QCOMPARE(out.count(u'\n'), 1);
    }

    void checkConfigListsEveryProblem()
    {
        vipdeck::test::TempDir dir;
        const QString path = dir.write(u"broken.yaml"_s, "version: 1\n"
                                                         "hosts:\n"
                                                         "  - name: lb1\n"
                                                         "    adress: 127.0.0.1\n"
                                                         "groups:\n"
                                                         "  - name: g\n"
                                                         "    mode: active-active\n"
                                                         "    hosts: [lb1]\n"
                                                         "vips:\n"
                                                         "  - name: web\n"
                                                         "    group: nope\n"
                                                         "    prefixes: [203.0.113.300/32]\n");
        StringConsole console;
        QCOMPARE(vipdeck::cli::run({u"check-config"_s, path}, console), vipdeck::cli::ExitFailed);
        const QStringList lines = console.errors().split(u'\n', Qt::SkipEmptyParts);
        // One line per problem, each located, in file order, then the count.
        QCOMPARE(lines.size(), 5);
        QVERIFY2(lines.at(0).startsWith(path + u":3:5: error: host 'lb1' has no 'address'"_s),
                 qPrintable(lines.at(0)));
        QVERIFY(lines.at(1).startsWith(path + u":4:5: error: unknown key 'adress'"_s));
        QVERIFY(lines.at(2).startsWith(path + u":11:12: error: VIP 'web' names group 'nope'"_s));
        QVERIFY(lines.at(3).startsWith(path + u":12:16: error: '203.0.113.300/32'"_s));
        QCOMPARE(lines.at(4), path + u": 4 error(s); the fleet was not loaded."_s);
        QVERIFY(console.output().isEmpty());
    }

    // Values that would load but go wrong later are refused with their place.
    void checkConfigRefusesLaterSurprises_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QString>("first");
        QTest::addColumn<int>("errors");
        QTest::newRow("octal octet")
            << u"bad-ipv4-leading-zero.yaml"_s
            << u":6:14: error: address '192.0.2.011' has an IPv4 octet with a leading zero "
               u"('011'), which is read as octal: it would mean 192.0.2.9; write 192.0.2.11 (no "
               u"leading zeros)"_s
            << 6;
        QTest::newRow("timer overflow")
            << u"bad-duration-overflow.yaml"_s
            << u":3:22: error: 'connect_timeout' is 2147484s, longer than a timer can hold "
               u"(2147483647ms, about 24 days); write at most 2147483s (or 35791m, 596h)"_s
            << 2;
        QTest::newRow("stray token")
            << u"bad-stray-token.yaml"_s
            << u":2:3: error: unexpected ',' where the first key should be; YAML then reads the "
               u"whole file as empty; remove it; the file starts with keys like 'version: 1' and "
               u"'hosts:'"_s
            << 1;
    }

    void checkConfigRefusesLaterSurprises()
    {
        QFETCH(QString, fixture);
        QFETCH(QString, first);
        QFETCH(int, errors);
        const QString path = vipdeck::test::dataPath(u"inventory/"_s + fixture);
        StringConsole console;
        QCOMPARE(vipdeck::cli::run({u"check-config"_s, path}, console), vipdeck::cli::ExitFailed);
        const QStringList lines = console.errors().split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), errors + 1);
        QCOMPARE(lines.first(), path + first);
        QCOMPARE(lines.last(), path + u": %1 error(s); the fleet was not loaded."_s.arg(errors));
    }

    void checkConfigNamesAMissingFile()
    {
        StringConsole console;
        QCOMPARE(vipdeck::cli::run({u"check-config"_s, u"/nonexistent/fleet.yaml"_s}, console),
                 vipdeck::cli::ExitFailed);
        QVERIFY(console.errors().contains(u"/nonexistent/fleet.yaml"_s));
    }

    void checkConfigUsage()
    {
        StringConsole console;
        QCOMPARE(vipdeck::cli::run({u"check-config"_s}, console), vipdeck::cli::ExitUsage);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
