// parseProxyJump: ProxyJump's syntax (ssh -J) as fleet.yaml's ssh.proxy_jump
// and ssh_config give it, good and broken.

#include "core/ssh/jumphost.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vipdeck;

class TestJumpHost : public QObject
{
    Q_OBJECT

private slots:
    void parsesHops_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("hops"); // user|host|port each
        QTest::newRow("host") << u"bastion"_s << QStringList{u"|bastion|0"_s};
        QTest::newRow("user, host, port") << u"admin@bastion.example.net:2222"_s
                                          << QStringList{u"admin|bastion.example.net|2222"_s};
        QTest::newRow("uri") << u"ssh://ops@10.0.0.1:22"_s << QStringList{u"ops|10.0.0.1|22"_s};
        QTest::newRow("chain, first first")
            << u"j1,admin@j2:2022"_s << QStringList{u"|j1|0"_s, u"admin|j2|2022"_s};
        QTest::newRow("IPv6 in brackets")
            << u"admin@[2001:db8::5]:2200"_s << QStringList{u"admin|2001:db8::5|2200"_s};
        QTest::newRow("bare IPv6") << u"2001:db8::5"_s << QStringList{u"|2001:db8::5|0"_s};
        QTest::newRow("user with @ in it") << u"a@b@bastion"_s << QStringList{u"a@b|bastion|0"_s};
        QTest::newRow("none") << u"none"_s << QStringList{};
        QTest::newRow("NONE") << u"NONE"_s << QStringList{};
    }
    void parsesHops()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, hops);
        const Result<QList<JumpHop>> parsed = parseProxyJump(text);
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().toString()));
        QStringList got;
        for (const JumpHop &hop : *parsed)
            got << hop.user + u'|' + hop.host + u'|' + QString::number(hop.port);
        QCOMPARE(got, hops);
    }

    void writesHopsBack()
    {
        const Result<QList<JumpHop>> parsed = parseProxyJump(u"admin@[2001:db8::5]:2200,j2"_s);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->at(0).toString(), u"admin@[2001:db8::5]:2200"_s);
        QCOMPARE(parsed->at(1).toString(), u"j2"_s);
    }

    void refusesBrokenHops_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("why");
        QTest::newRow("empty hop") << u"j1,,j2"_s << u"empty"_s;
        QTest::newRow("port not a number") << u"bastion:ssh"_s << u"port"_s;
        QTest::newRow("port too large") << u"bastion:70000"_s << u"port"_s;
        QTest::newRow("option-like host") << u"-oProxyCommand=x"_s << u"'-'"_s;
        QTest::newRow("empty user") << u"@bastion"_s << u"user name"_s;
        QTest::newRow("space") << u"bastion host"_s << u"space"_s;
        QTest::newRow("unclosed bracket") << u"[2001:db8::5:22"_s << u"']'"_s;
        QTest::newRow("junk after bracket") << u"[2001:db8::5]22"_s << u"':port'"_s;
    }
    void refusesBrokenHops()
    {
        QFETCH(QString, text);
        QFETCH(QString, why);
        const Result<QList<JumpHop>> parsed = parseProxyJump(text);
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.error().message.contains(why), qPrintable(parsed.error().message));
        QVERIFY(!parsed.error().hint.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestJumpHost)
#include "tst_jumphost.moc"
