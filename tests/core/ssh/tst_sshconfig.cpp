// ssh_config resolution: Host patterns with wildcards and negation, first
// value wins, IdentityFile accumulates, tokens, Include, Match, the system
// file after the user's, broken lines ignored; and, for every alias of a
// test configuration, the values vipdeck resolves equal what `ssh -G` prints.

#include "core/ssh/sshconfig.h"
#include "tests/support/testdata.h"

#include <QProcess>
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
    void agreesWithSshMinusG_data();
    void agreesWithSshMinusG();
    void unsupportedMatchIsRefusedByName();
    void systemFileComesAfterTheUsers();
    void relativeIncludesAndLoops();

private:
    test::TempDir m_dir;
    QString m_config;
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

namespace {

// The configuration the ssh -G comparison uses: Includes (absolute, with a
// glob, conditional, nested), Host negation, Match host/originalhost/user
// with negation, the first value winning, lists of known-hosts files.
QByteArray comparisonConfig(const QString &dir)
{
    return uR"(# Applies to every host.
ServerAliveCountMax 5
Include %1/conf.d/*.conf

Host lb1
    HostName 127.0.0.11
    Port 2201
    User ops
    IdentityFile %1/keys/lb1
    IdentitiesOnly yes
    ConnectTimeout 7

Host lb-* !lb-9
    HostName %h.lab.internal
    UserKnownHostsFile %1/kh1 %1/kh2
    GlobalKnownHostsFile %1/gkh
    StrictHostKeyChecking yes

Match host *.lab.internal user admin
    Port 2299

Match originalhost lb-2
    User admin

Match host *.lab.internal user admin
    ServerAliveInterval 11

Match !host *.internal
    ServerAliveInterval 30

Match user ops
    HashKnownHosts yes

Host bastioned
    ProxyJump jump@127.0.0.50:2022,127.0.0.51

Host *
    User fallback
    StrictHostKeyChecking ask
)"_s.arg(dir)
        .toUtf8();
}

// `ssh -G -F config alias`, as key -> values (lines repeat for IdentityFile).
QMultiHash<QString, QString> sshMinusG(const QString &config, const QString &alias)
{
    QProcess ssh;
    ssh.start(u"ssh"_s, {u"-G"_s, u"-F"_s, config, alias});
    ssh.closeWriteChannel();
    if (!ssh.waitForFinished(30'000) || ssh.exitCode() != 0)
        return {};
    QMultiHash<QString, QString> values;
    for (const QByteArray &line : ssh.readAllStandardOutput().split('\n')) {
        const qsizetype space = line.indexOf(' ');
        if (space > 0)
            values.insert(QString::fromUtf8(line.left(space)).toLower(),
                          QString::fromUtf8(line.mid(space + 1)));
    }
    return values;
}

QString yesNo(std::optional<bool> value)
{
    return value.value_or(false) ? u"yes"_s : u"no"_s;
}

} // namespace

void TestSshConfig::agreesWithSshMinusG_data()
{
    QVERIFY(m_dir.isValid());
    const QString dir = m_dir.path();
    m_config = m_dir.write(u"config"_s, comparisonConfig(dir));
    m_dir.write(u"conf.d/10-three.conf"_s,
                u"Host lb-3\n    User three\n    Include %1/nested/*.conf\n"_s.arg(dir).toUtf8());
    m_dir.write(u"conf.d/20-ports.conf"_s, "Host lb-3 lb-4\n    Port 2203\n");
    m_dir.write(u"conf.d/ignored.txt"_s, "Host *\n    Port 9999\n");
    m_dir.write(u"nested/keys.conf"_s,
                u"IdentityFile %1/keys/nested\nIdentityFile ~/keys/nested-2\n"_s.arg(dir).toUtf8());

    QTest::addColumn<QString>("alias");
    for (const char *alias : {"lb1", "lb-2", "lb-3", "lb-4", "lb-9", "bastioned", "other"})
        QTest::newRow(alias) << QString::fromLatin1(alias);
}

void TestSshConfig::agreesWithSshMinusG()
{
    QFETCH(QString, alias);
    const QMultiHash<QString, QString> ssh = sshMinusG(m_config, alias);
    QVERIFY2(!ssh.isEmpty(), "ssh -G failed (is openssh-client installed? scripts/deps)");
    const QString home = QDir::homePath();
    const QString user = localUserName();
    SshConfigSources sources;
    sources.userFile = m_config;
    sources.homeDir = home;
    sources.localUser = user;
    const Result<SshConfigHost> resolved = resolveSshConfig(sources, alias);
    QVERIFY(resolved.ok());
    const SshConfigHost &host = *resolved;
    QVERIFY2(host.warnings.isEmpty(), qPrintable(host.warnings.join(u'\n')));

    QCOMPARE(host.hostName.isEmpty() ? alias : host.hostName, ssh.value(u"hostname"_s));
    QCOMPARE(host.user.isEmpty() ? user : host.user, ssh.value(u"user"_s));
    QCOMPARE(QString::number(host.port > 0 ? host.port : 22), ssh.value(u"port"_s));
    if (!host.identityFiles.isEmpty()) {
        QStringList sshFiles = ssh.values(u"identityfile"_s);
        std::reverse(sshFiles.begin(), sshFiles.end()); // QMultiHash: newest first
        // ssh -G prints them as written; %-tokens are covered by resolvesAliases.
        for (QString &file : sshFiles) {
            if (file.startsWith(u"~/"_s))
                file = home + file.mid(1);
        }
        QCOMPARE(host.identityFiles, sshFiles);
    }
    QCOMPARE(yesNo(host.identitiesOnly), ssh.value(u"identitiesonly"_s));
    QCOMPARE(yesNo(host.hashKnownHosts), ssh.value(u"hashknownhosts"_s));
    QCOMPARE(host.connectTimeoutSeconds ? QString::number(*host.connectTimeoutSeconds) : u"none"_s,
             ssh.value(u"connecttimeout"_s));
    QCOMPARE(QString::number(host.serverAliveInterval.value_or(0)),
             ssh.value(u"serveraliveinterval"_s));
    QCOMPARE(QString::number(host.serverAliveCountMax.value_or(3)),
             ssh.value(u"serveralivecountmax"_s));
    const QString strict = host.strictHostKeyChecking.isEmpty()     ? u"ask"_s
                           : host.strictHostKeyChecking == u"yes"_s ? u"true"_s
                                                                    : host.strictHostKeyChecking;
    QCOMPARE(strict, ssh.value(u"stricthostkeychecking"_s));
    QCOMPARE(host.userKnownHostsFiles.isEmpty()
                 ? (home + u"/.ssh/known_hosts "_s + home + u"/.ssh/known_hosts2"_s)
                 : host.userKnownHostsFiles.join(u' '),
             ssh.value(u"userknownhostsfile"_s));
    QCOMPARE(host.globalKnownHostsFiles.isEmpty()
                 ? u"/etc/ssh/ssh_known_hosts /etc/ssh/ssh_known_hosts2"_s
                 : host.globalKnownHostsFiles.join(u' '),
             ssh.value(u"globalknownhostsfile"_s));
    // ssh -G writes a hop's address without a port in brackets.
    QCOMPARE(host.proxyJump.join(u','), ssh.value(u"proxyjump"_s).remove(u'[').remove(u']'));
}

void TestSshConfig::unsupportedMatchIsRefusedByName()
{
    const QByteArray text = "Match exec \"true\"\n    User from-exec\n"
                            "Match localuser *\n    Port 2999\n"
                            "Host *\n    User everyone\n";
    const SshConfigHost host = resolveSshConfig(text, u"lb1"_s, u"/home/op"_s, u"op"_s);
    QCOMPARE(host.user, u"everyone"_s);
    QCOMPARE(host.port, 0);
    QCOMPARE(host.warnings.size(), 2);
    QVERIFY2(host.warnings.at(0).startsWith(u"ssh_config:1: \"Match exec\" is not supported"_s),
             qPrintable(host.warnings.at(0)));
    QVERIFY(host.warnings.at(1).contains(u"\"Match localuser\""_s));

    // Host keys are never accepted unseen, whatever StrictHostKeyChecking says.
    for (const char *value : {"no", "accept-new", "off"}) {
        const SshConfigHost lax = resolveSshConfig(
            QByteArray("StrictHostKeyChecking ") + value + '\n', u"lb1"_s, u"/home/op"_s, u"op"_s);
        QCOMPARE(lax.warnings.size(), 1);
        QVERIFY2(lax.warnings.first().contains(u"\"StrictHostKeyChecking "_s +
                                               QString::fromLatin1(value) +
                                               u"\" is not followed"_s),
                 qPrintable(lax.warnings.first()));
    }
    for (const char *value : {"yes", "ask"}) {
        QVERIFY(resolveSshConfig(QByteArray("StrictHostKeyChecking ") + value + '\n', u"lb1"_s,
                                 u"/home/op"_s, u"op"_s)
                    .warnings.isEmpty());
    }
}

void TestSshConfig::systemFileComesAfterTheUsers()
{
    test::TempDir dir;
    SshConfigSources sources;
    sources.homeDir = dir.path();
    sources.localUser = u"op"_s;
    sources.userFile = dir.write(u".ssh/config"_s, "Host lb1\n    Port 2201\n");
    sources.systemDir = dir.filePath(u"etc"_s);
    sources.systemFile = dir.write(u"etc/ssh_config"_s, "Include ssh_config.d/*.conf\n"
                                                        "Host *\n    Port 22\n    User sysuser\n");
    dir.write(u"etc/ssh_config.d/10-hash.conf"_s, "HashKnownHosts yes\n");
    const Result<SshConfigHost> host = resolveSshConfig(sources, u"lb1"_s);
    QVERIFY(host.ok());
    QCOMPARE(host->port, 2201);                          // the user's file first
    QCOMPARE(host->user, u"sysuser"_s);                  // then the system's
    QCOMPARE(host->hashKnownHosts, std::optional(true)); // relative to the system dir
}

void TestSshConfig::relativeIncludesAndLoops()
{
    test::TempDir dir;
    SshConfigSources sources;
    sources.homeDir = dir.path();
    sources.localUser = u"op"_s;
    sources.userFile =
        dir.write(u".ssh/config"_s, "Include ~/.ssh/one.conf\nInclude two.conf\nHost *\n");
    dir.write(u".ssh/one.conf"_s, "Host lb1\n    User one\n");
    dir.write(u".ssh/two.conf"_s, "Port 2202\n");
    const Result<SshConfigHost> host = resolveSshConfig(sources, u"lb1"_s);
    QVERIFY(host.ok());
    QCOMPARE(host->user, u"one"_s);
    // The Host line inside one.conf ended with that file: two.conf applies to all.
    QCOMPARE(host->port, 2202);

    sources.userFile = dir.write(u".ssh/loop"_s, "Include loop\n");
    const Result<SshConfigHost> loop = resolveSshConfig(sources, u"lb1"_s);
    QVERIFY(!loop.ok());
    QVERIFY2(loop.error().message.contains(u"more than 16 deep"_s),
             qPrintable(loop.error().toString()));
    QVERIFY(loop.error().where.startsWith(dir.filePath(u".ssh/loop:1"_s)));
}

QTEST_GUILESS_MAIN(TestSshConfig)
#include "tst_sshconfig.moc"
