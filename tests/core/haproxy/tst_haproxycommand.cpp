// Name validation and HaproxyCommand: only validated names reach a runtime
// API line; everything HAProxy would not accept, or that could start a second
// command, is refused with ErrorCode::InvalidName.

#include "core/haproxy/haproxycommand.h"
#include "core/haproxy/haproxynames.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vipdeck;

class TestHaproxyCommand : public QObject
{
    Q_OBJECT

private slots:
    void goodNames_data();
    void goodNames();
    void evilNames_data();
    void evilNames();
    void commands();
    void commandsRefuseEvilNames();
    void weightRange();
    void severalCommandsOneLine();
};

void TestHaproxyCommand::goodNames_data()
{
    QTest::addColumn<QString>("name");
    for (const char *name : {"web", "be_app", "web-07", "api.v2", "srv:8080", "A", "0", "a-b_c.d:e",
                             "UPPER_lower.123"}) {
        QTest::newRow(name) << QString::fromLatin1(name);
    }
}

void TestHaproxyCommand::goodNames()
{
    QFETCH(QString, name);
    QVERIFY(validateProxyName(name).ok());
    QVERIFY(validateServerName(name).ok());
}

void TestHaproxyCommand::evilNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("mentions"); // part of the message naming the culprit
    QTest::newRow("empty") << QString() << u"empty"_s;
    QTest::newRow("space") << u"web 07"_s << u"a space"_s;
    QTest::newRow("semicolon") << u"web;shutdown sessions server web/s1"_s << u"';'"_s;
    QTest::newRow("newline") << u"web\nset server x/y state maint"_s << u"a newline"_s;
    QTest::newRow("carriage return") << u"web\r"_s << u"a carriage return"_s;
    QTest::newRow("tab") << u"web\t"_s << u"a tab"_s;
    QTest::newRow("slash") << u"be/srv"_s << u"'/'"_s;
    QTest::newRow("backslash") << u"web\\;"_s << u"'\\'"_s;
    QTest::newRow("hash") << u"#web"_s << u"'#'"_s;
    QTest::newRow("single quote") << u"it's"_s << u"'''"_s;
    QTest::newRow("double quote") << u"\"web\""_s << u"'\"'"_s;
    QTest::newRow("nul") << u"web"_s + QChar(0) + u"x"_s << u"a NUL byte"_s;
    QTest::newRow("dollar") << u"$(reboot)"_s << u"'$'"_s;
    QTest::newRow("at") << u"@1"_s << u"'@'"_s;
    QTest::newRow("non-ascii") << u"wéb"_s << u"'é'"_s;
    QTest::newRow("control") << u"web\x01"_s << u"U+0001"_s;
}

void TestHaproxyCommand::evilNames()
{
    QFETCH(QString, name);
    QFETCH(QString, mentions);
    for (const auto &result : {validateProxyName(name), validateServerName(name)}) {
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::InvalidName);
        QVERIFY2(result.error().message.contains(mentions), qPrintable(result.error().message));
        QVERIFY(!result.error().message.contains(u'\n')); // shown escaped, not raw
        QVERIFY(!result.error().hint.isEmpty());
    }
}

void TestHaproxyCommand::commands()
{
    QCOMPARE(HaproxyCommand::showInfo().line(), "show info"_ba);
    QCOMPARE(HaproxyCommand::showStat().line(), "show stat"_ba);
    QCOMPARE(HaproxyCommand::showProc().line(), "show proc"_ba);
    QCOMPARE(HaproxyCommand::reload().line(), "reload"_ba);
    QCOMPARE(HaproxyCommand::showServersState()->line(), "show servers state"_ba);
    QCOMPARE(HaproxyCommand::showServersState(u"web"_s)->line(), "show servers state web"_ba);
    QCOMPARE(HaproxyCommand::setServerState(u"web"_s, u"s1"_s, ServerAdminAction::Drain)->line(),
             "set server web/s1 state drain"_ba);
    QCOMPARE(HaproxyCommand::setServerState(u"web"_s, u"s1"_s, ServerAdminAction::Ready)->line(),
             "set server web/s1 state ready"_ba);
    QCOMPARE(HaproxyCommand::setServerState(u"web"_s, u"s1"_s, ServerAdminAction::Maint)->line(),
             "set server web/s1 state maint"_ba);
    QCOMPARE(HaproxyCommand::setWeight(u"web"_s, u"s1"_s, 0)->line(),
             "set server web/s1 weight 0"_ba);
    QCOMPARE(HaproxyCommand::setWeight(u"web"_s, u"s1"_s, 256)->line(),
             "set server web/s1 weight 256"_ba);
    QCOMPARE(HaproxyCommand::getWeight(u"api.v2"_s, u"srv:1"_s)->line(),
             "get weight api.v2/srv:1"_ba);
    QCOMPARE(HaproxyCommand::showServersState()->onCurrentWorker().line(),
             "@1 show servers state"_ba);
}

void TestHaproxyCommand::commandsRefuseEvilNames()
{
    const QString evil = u"s1;shutdown sessions server web/s2"_s;
    const auto drain = HaproxyCommand::setServerState(u"web"_s, evil, ServerAdminAction::Drain);
    QVERIFY(!drain.ok());
    QCOMPARE(drain.error().code, ErrorCode::InvalidName);
    QVERIFY(!HaproxyCommand::setServerState(u"we b"_s, u"s1"_s, ServerAdminAction::Maint).ok());
    QVERIFY(!HaproxyCommand::setWeight(u"web"_s, u"s1\n"_s, 1).ok());
    QVERIFY(!HaproxyCommand::getWeight(u""_s, u"s1"_s).ok());
    QVERIFY(!HaproxyCommand::showServersState(u"web;show env"_s).ok());
}

void TestHaproxyCommand::weightRange()
{
    for (const int bad : {-1, 257, 100000}) {
        const auto command = HaproxyCommand::setWeight(u"web"_s, u"s1"_s, bad);
        QVERIFY(!command.ok());
        QCOMPARE(command.error().code, ErrorCode::InvalidArgument);
    }
}

void TestHaproxyCommand::severalCommandsOneLine()
{
    const QByteArray request =
        HaproxyCommand::request({HaproxyCommand::showInfo(), HaproxyCommand::showStat(),
                                 *HaproxyCommand::showServersState()});
    QCOMPARE(request, "show info;show stat;show servers state\n"_ba);
    QCOMPARE(HaproxyCommand::request({HaproxyCommand::showProc()}), "show proc\n"_ba);
}

QTEST_GUILESS_MAIN(TestHaproxyCommand)
#include "tst_haproxycommand.moc"
