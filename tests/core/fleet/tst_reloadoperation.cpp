// serverStateFileFromConfig(): where HAProxy keeps the server state of a
// configuration, and when a saved state would never be loaded.  The reload
// itself is tested on the lab (tests/integration/operations).

#include "core/fleet/reloadoperation.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace vipdeck;

class TestReloadOperation : public QObject
{
    Q_OBJECT
private slots:
    void stateFile_data()
    {
        QTest::addColumn<QByteArray>("config");
        QTest::addColumn<QString>("workingDir");
        QTest::addColumn<QString>("expected"); // empty: none

        const QByteArray load = "defaults\n    load-server-state-from-file global\n";
        QTest::newRow("absolute")
            << QByteArray("global\n    server-state-file /var/lib/haproxy/web.state\n" + load)
            << QString() << u"/var/lib/haproxy/web.state"_s;
        QTest::newRow("base + relative")
            << QByteArray("global\n  server-state-base /var/lib/haproxy/\n"
                          "  server-state-file web.state\n" +
                          load)
            << QString() << u"/var/lib/haproxy/web.state"_s;
        QTest::newRow("base ignored for absolute")
            << QByteArray("global\n  server-state-base /srv\n  server-state-file /x/web.state\n" +
                          load)
            << QString() << u"/x/web.state"_s;
        QTest::newRow("relative to the master's cwd")
            << QByteArray("global\n  server-state-file run/web.state\n" + load) << u"/home/lb"_s
            << u"/home/lb/run/web.state"_s;
        QTest::newRow("quoted, comment")
            << QByteArray("global # main\n  server-state-file \"/var/lib/my state\" # saved\n" +
                          load)
            << QString() << u"/var/lib/my state"_s;
        QTest::newRow("never loaded")
            << QByteArray("global\n  server-state-file /var/lib/haproxy/web.state\n") << QString()
            << QString();
        QTest::newRow("loaded locally only")
            << QByteArray("global\n  server-state-file /s\nbackend be\n"
                          "  load-server-state-from-file local\n")
            << QString() << QString();
        QTest::newRow("not in global")
            << QByteArray("global\n  daemon\ndefaults\n  server-state-file /s\n" + load)
            << QString() << QString();
        QTest::newRow("commented out")
            << QByteArray("global\n  # server-state-file /s\n" + load) << QString() << QString();
        QTest::newRow("last one wins")
            << QByteArray("global\n  server-state-file /a\n  server-state-file /b\n" + load)
            << QString() << u"/b"_s;
        QTest::newRow("in a backend: load line found in a later section")
            << QByteArray("global\n  server-state-file /a\nbackend be\n"
                          "  load-server-state-from-file global\n")
            << QString() << u"/a"_s;
    }
    void stateFile()
    {
        QFETCH(QByteArray, config);
        QFETCH(QString, workingDir);
        QFETCH(QString, expected);
        const auto file = serverStateFileFromConfig(config, u"web.cfg"_s, workingDir);
        QVERIFY2(file.ok(), qPrintable(file.ok() ? QString() : file.error().toString()));
        QCOMPARE(file->value_or(QString()), expected);
    }

    void brokenDirectives_data()
    {
        QTest::addColumn<QByteArray>("config");
        QTest::addColumn<QString>("where");
        QTest::newRow("two paths")
            << QByteArray("global\n  server-state-file /a /b\n") << u"web.cfg:2"_s;
        QTest::newRow("no path") << QByteArray("global\n\n  server-state-base\n") << u"web.cfg:3"_s;
        QTest::newRow("open quote")
            << QByteArray("global\n  server-state-file \"/a\n") << u"web.cfg:2"_s;
        QTest::newRow("relative without base or cwd")
            << QByteArray("global\n  server-state-file web.state\ndefaults\n"
                          "  load-server-state-from-file global\n")
            << u"web.cfg"_s;
    }
    void brokenDirectives()
    {
        QFETCH(QByteArray, config);
        QFETCH(QString, where);
        const auto file = serverStateFileFromConfig(config, u"web.cfg"_s);
        QVERIFY(!file.ok());
        QCOMPARE(file.error().code, ErrorCode::Parse);
        QCOMPARE(file.error().where, where);
    }

    void names()
    {
        QCOMPARE(reloadStepName(ReloadStep::ConfigCheck), u"config-check"_s);
        QCOMPARE(reloadStepName(ReloadStep::DumpState), u"dump-state"_s);
        QCOMPARE(reloadStepName(ReloadStep::Reload), u"reload"_s);
        QCOMPARE(reloadStepName(ReloadStep::WaitHealthy), u"wait-healthy"_s);
    }

    void resultSummary()
    {
        ReloadResult result;
        result.request.vip = u"web"_s;
        QVERIFY(!result.ok());
        ReloadHostResult a;
        a.host = u"lb1"_s;
        a.ok = true;
        ReloadHostResult b;
        b.host = u"lb2"_s;
        b.failedStep = ReloadStep::ConfigCheck;
        b.error = Error(ErrorCode::ConfigCheckFailed, u"bad keyword"_s, u"lb2:/etc/web.cfg"_s);
        ReloadHostResult c;
        c.host = u"lb3"_s;
        c.skipped = true;
        result.hosts = {a, b, c};
        QVERIFY(!result.ok());
        QCOMPARE(result.summary(),
                 u"web: lb1 reloaded; lb2 failed at config-check: lb2:/etc/web.cfg: bad keyword; "
                 "lb3 not reloaded (stopped earlier)"_s);
        result.hosts = {a};
        QVERIFY(result.ok());
    }
};

QTEST_GUILESS_MAIN(TestReloadOperation)
#include "tst_reloadoperation.moc"
