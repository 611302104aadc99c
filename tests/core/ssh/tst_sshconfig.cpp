// ~/.ssh/config resolution: Host patterns with wildcards and negation, first
// value wins, IdentityFile accumulates, tokens, Match blocks skipped, broken
// lines ignored.

#include "core/ssh/sshconfig.h"
#include "tests/support/testdata.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vipdeck;

class TestSshConfig : public QObject
{
    Q_OBJECT
private slots:
    void resolvesAliases_data();
    void resolvesAliases();
    void patterns_data();
    void patterns();
    void brokenLinesAreIgnored();
    void missingFileSetsNothing();
};

void TestSshConfig::resolvesAliases_data()
{
    QTest::addColumn<QString>("alias");
    QTest::addColumn<QString>("hostName");
    QTest::addColumn<QString>("user");
    QTest::addColumn<int>("port");
    QTest::addColumn<QStringList>("identityFiles");
    const QString global = u"/home/op/.ssh/id_global"_s;
    QTest::newRow("explicit host") << u"lb1"_s << u"127.0.0.11"_s << u"ops"_s << 2201
                                   << QStringList{global, u"/home/op/.ssh/id_lb"_s};
    QTest::newRow("second name on the Host line")
        << u"LB1.example.org"_s << u"127.0.0.11"_s << u"ops"_s << 2201
        << QStringList{global, u"/home/op/.ssh/id_lb"_s};
    QTest::newRow("wildcard with %h and tokens")
        << u"lb-7"_s << u"lb-7.lab.internal"_s << u"lbadmin"_s << 2222
        << QStringList{global, u"/home/op/keys/lbadmin@lb-7.lab.internal key"_s};
    QTest::newRow("first HostName wins over a later block")
        << u"lb-91"_s << u"lb-91.lab.internal"_s << u"lbadmin"_s << 2222
        << QStringList{global, u"/home/op/keys/lbadmin@lb-91.lab.internal key"_s,
                       u"/home/op/.ssh/id_op"_s};
    QTest::newRow("negated pattern excludes")
        << u"lb-9"_s << u"lb-9.lab.internal"_s << u"lbadmin"_s << 2222
        << QStringList{global, u"/home/op/keys/lbadmin@lb-9.lab.internal key"_s};
    QTest::newRow("only Host *") << u"db1"_s << QString() << u"fallback"_s << 22
                                 << QStringList{global};
}

void TestSshConfig::resolvesAliases()
{
    QFETCH(QString, alias);
    QFETCH(QString, hostName);
    QFETCH(QString, user);
    QFETCH(int, port);
    QFETCH(QStringList, identityFiles);
    const SshConfigHost host = resolveSshConfig(test::readData(u"ssh/ssh_config-aliases"_s), alias,
                                                u"/home/op"_s, u"op"_s);
    QCOMPARE(host.hostName, hostName);
    QCOMPARE(host.user, user);
    QCOMPARE(host.port, port);
    QCOMPARE(host.identityFiles, identityFiles);
}

void TestSshConfig::patterns_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("matches");
    QTest::newRow("exact") << u"lb1"_s << u"lb1"_s << true;
    QTest::newRow("case") << u"LB1"_s << u"lb1"_s << true;
    QTest::newRow("star") << u"lb*"_s << u"lb12"_s << true;
    QTest::newRow("star empty") << u"lb*"_s << u"lb"_s << true;
    QTest::newRow("star middle") << u"lb*.example.org"_s << u"lb1.dc2.example.org"_s << true;
    QTest::newRow("question") << u"lb?"_s << u"lb1"_s << true;
    QTest::newRow("question too short") << u"lb?"_s << u"lb"_s << false;
    QTest::newRow("prefix only") << u"lb1"_s << u"lb12"_s << false;
    QTest::newRow("only star") << u"*"_s << u"anything.at.all"_s << true;
    QTest::newRow("backtracking") << u"*a*b"_s << u"xaxxab"_s << true;
    QTest::newRow("backtracking fails") << u"*a*b"_s << u"xaxxa"_s << false;
    QTest::newRow("bracketed port") << u"[127.0.0.1]:22*"_s << u"[127.0.0.1]:2222"_s << true;
}

void TestSshConfig::patterns()
{
    QFETCH(QString, pattern);
    QFETCH(QString, name);
    QFETCH(bool, matches);
    QCOMPARE(hostPatternMatches(pattern, name), matches);
}

void TestSshConfig::brokenLinesAreIgnored()
{
    const SshConfigHost host = resolveSshConfig(test::readData(u"ssh/ssh_config-broken"_s),
                                                u"lb1"_s, u"/home/op"_s, u"op"_s);
    QCOMPARE(host.port, 0); // neither a word nor 99999, and 2200 is under an empty Host
    QVERIFY(host.user.isEmpty());
    QVERIFY(host.identityFiles.isEmpty());
    QCOMPARE(host.hostName, u"unterminated"_s);
}

void TestSshConfig::missingFileSetsNothing()
{
    const auto host = resolveSshConfigFile(u"/nonexistent/ssh_config"_s, u"lb1"_s);
    QVERIFY(host.ok());
    QVERIFY(host->hostName.isEmpty());
    QCOMPARE(host->port, 0);
}

QTEST_GUILESS_MAIN(TestSshConfig)
#include "tst_sshconfig.moc"
