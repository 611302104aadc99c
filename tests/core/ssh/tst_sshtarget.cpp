// SshTarget and the host-key decision, as pure functions: what fleet.yaml
// and the SSH client configuration resolve to (precedence, defaults,
// IdentitiesOnly, known_hosts files, timeouts, jump hosts and refusals), and
// a key judged against several known_hosts files in ssh's order.  Keys are
// made by ssh-keygen.

#include "core/ssh/hostkeycheck.h"
#include "core/ssh/knownhosts.h"
#include "core/ssh/sshtarget.h"
#include "core/ssh/sshtransport.h"
#include "core/ssh/sshwire.h"
#include "tests/core/ssh/sshtesttools.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace vipdeck;

namespace {

SshTransportOptions fleetOptions()
{
    SshTransportOptions options;
    options.hostName = u"lb1"_s;
    options.address = u"lb1-alias"_s;
    options.useSshConfig = false;
    return options;
}

void write(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

} // namespace

class TestSshTarget : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QString m_key;      // an ed25519 key pair in m_home
    QByteArray m_blob;  // its public half
    QByteArray m_other; // another key of the same type

    HostKeyInfo offered() const
    {
        HostKeyInfo key;
        key.host = u"192.0.2.11"_s;
        key.port = 2222;
        key.keyBlob = m_blob;
        key.keyType = keyBlobType(m_blob);
        key.fingerprint = sshFingerprint(m_blob);
        return key;
    }
    QByteArray line(const QByteArray &blob, const QByteArray &marker = {}) const
    {
        return (marker.isEmpty() ? QByteArray() : marker + ' ') + "[192.0.2.11]:2222 " +
               keyBlobType(blob).toLatin1() + ' ' + blob.toBase64() + '\n';
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        m_key = test::generateKey(m_home.filePath(u"id_a"_s), u"ed25519"_s);
        QVERIFY(!m_key.isEmpty());
        QFile pub(m_key + u".pub"_s);
        QVERIFY(pub.open(QIODevice::ReadOnly));
        m_blob = test::publicKeyBlob(pub.readAll());
        const QString other = test::generateKey(m_home.filePath(u"id_b"_s), u"ed25519"_s);
        QFile otherPub(other + u".pub"_s);
        QVERIFY(otherPub.open(QIODevice::ReadOnly));
        m_other = test::publicKeyBlob(otherPub.readAll());
    }

    void fleetFileWinsOverSshConfig()
    {
        SshConfigHost config;
        config.hostName = u"192.0.2.11"_s;
        config.user = u"configuser"_s;
        config.port = 2022;
        config.identityFiles = {u"/config/id"_s};
        SshTransportOptions options = fleetOptions();
        SshTarget target = resolveSshTarget(options, config, m_home.path());
        QCOMPARE(target.host, u"192.0.2.11"_s);
        QCOMPARE(target.user, u"configuser"_s);
        QCOMPARE(target.port, 2022);
        QCOMPARE(target.identityFiles, QStringList{u"/config/id"_s});
        options.ssh.user = u"fleetuser"_s;
        options.ssh.port = 22022;
        options.ssh.identityFile = u"/fleet/id"_s;
        target = resolveSshTarget(options, config, m_home.path());
        QCOMPARE(target.user, u"fleetuser"_s);
        QCOMPARE(target.port, 22022);
        QCOMPARE(target.identityFiles, QStringList{u"/fleet/id"_s});
    }

    void defaultsWhenNothingIsSet()
    {
        QTemporaryDir home;
        write(home.filePath(u".ssh/id_ed25519"_s), "key");
        write(home.filePath(u".ssh/id_rsa"_s), "key");
        const SshTarget target = resolveSshTarget(fleetOptions(), {}, home.path());
        QCOMPARE(target.host, u"lb1-alias"_s);
        QCOMPARE(target.port, 22);
        QCOMPARE(target.user, localUserName());
        // OpenSSH's defaults that exist (no id_ecdsa here), in its order.
        QCOMPARE(target.identityFiles, (QStringList{home.filePath(u".ssh/id_ed25519"_s),
                                                    home.filePath(u".ssh/id_rsa"_s)}));
        QCOMPARE(target.knownHostsFiles,
                 (QStringList{home.filePath(u".ssh/known_hosts"_s),
                              home.filePath(u".ssh/known_hosts2"_s), u"/etc/ssh/ssh_known_hosts"_s,
                              u"/etc/ssh/ssh_known_hosts2"_s}));
        QCOMPARE(target.knownHosts, home.filePath(u".ssh/known_hosts"_s));
        QCOMPARE(target.connectTimeout, 5000ms);
        QCOMPARE(target.keepaliveInterval, 10000ms);
        QCOMPARE(target.keepaliveCountMax, 3);
        QVERIFY(target.jumps.isEmpty());
        QVERIFY(!target.refusal);
    }

    void identitiesOnlyReadsThePublicHalves()
    {
        SshConfigHost config;
        config.identityFiles = {m_key, m_home.filePath(u"no-such-key"_s)};
        SshTarget target = resolveSshTarget(fleetOptions(), config, m_home.path());
        QVERIFY(!target.identitiesOnly);
        QVERIFY(target.identityBlobs.isEmpty());
        config.identitiesOnly = true;
        target = resolveSshTarget(fleetOptions(), config, m_home.path());
        QVERIFY(target.identitiesOnly);
        QCOMPARE(target.identityBlobs, QList<QByteArray>{m_blob});
    }

    void knownHostsFilesInSshsOrder()
    {
        SshConfigHost config;
        config.userKnownHostsFiles = {u"/u1"_s, u"none"_s, u"/u2"_s};
        config.globalKnownHostsFiles = {u"/g1"_s, u"/u1"_s};
        SshTransportOptions options = fleetOptions();
        SshTarget target = resolveSshTarget(options, config, m_home.path());
        QCOMPARE(target.knownHostsFiles, (QStringList{u"/u1"_s, u"/u2"_s, u"/g1"_s}));
        QCOMPARE(target.knownHosts, u"/u1"_s);
        // The fleet file's known_hosts replaces the user files only.
        options.ssh.knownHosts = u"/fleet/known_hosts"_s;
        target = resolveSshTarget(options, config, m_home.path());
        QCOMPARE(target.knownHostsFiles,
                 (QStringList{u"/fleet/known_hosts"_s, u"/g1"_s, u"/u1"_s}));
        QCOMPARE(target.knownHosts, u"/fleet/known_hosts"_s);
        config.globalKnownHostsFiles = {u"none"_s};
        target = resolveSshTarget(options, config, m_home.path());
        QCOMPARE(target.knownHostsFiles, QStringList{u"/fleet/known_hosts"_s});
    }

    void timeoutsAndKeepalive()
    {
        SshConfigHost config;
        config.connectTimeoutSeconds = 3;
        config.serverAliveInterval = 15;
        config.serverAliveCountMax = 5;
        SshTransportOptions options = fleetOptions();
        options.ssh.connectTimeout = 7s;
        SshTarget target = resolveSshTarget(options, config, m_home.path());
        QCOMPARE(target.connectTimeout, 3000ms); // the fleet file did not write one
        QCOMPARE(target.keepaliveInterval, 15000ms);
        QCOMPARE(target.keepaliveCountMax, 5);
        options.ssh.connectTimeoutGiven = true;
        target = resolveSshTarget(options, config, m_home.path());
        QCOMPARE(target.connectTimeout, 7000ms);
        config.serverAliveInterval = 0; // 0 is ssh's "off": vipdeck keeps its own
        target = resolveSshTarget(options, config, m_home.path());
        QCOMPARE(target.keepaliveInterval, 10000ms);
    }

    void jumpHostsAndRefusals()
    {
        SshConfigHost config;
        config.proxyJump = {u"ops@bastion:2222"_s, u"b2"_s};
        SshTransportOptions options = fleetOptions();
        SshTarget target = resolveSshTarget(options, config, m_home.path());
        QCOMPARE(target.jumps.size(), 2);
        QCOMPARE(target.jumps.at(0).toString(), u"ops@bastion:2222"_s);
        QVERIFY(!target.refusal);
        // fleet.yaml wins; `none` connects directly.
        options.ssh.proxyJump = u"admin@gw"_s;
        target = resolveSshTarget(options, config, m_home.path());
        QCOMPARE(target.jumps.size(), 1);
        QCOMPARE(target.jumps.at(0).host, u"gw"_s);
        options.ssh.proxyJump = u"none"_s;
        target = resolveSshTarget(options, config, m_home.path());
        QVERIFY(target.jumps.isEmpty());
        QVERIFY(!target.refusal);
        // A hop that cannot be parsed: a configuration error naming it.
        options.ssh.proxyJump = u"gw:http"_s;
        target = resolveSshTarget(options, config, m_home.path());
        QVERIFY(target.refusal);
        QCOMPARE(target.refusal->code, ErrorCode::Config);
        QVERIFY(target.refusal->message.contains(u"gw:http"_s));
        QCOMPARE(target.refusal->where, u"lb1"_s);
        // Too deep: a loop.
        options.ssh.proxyJump.clear();
        options.jumpDepth = maxJumpDepth;
        target = resolveSshTarget(options, config, m_home.path());
        QVERIFY(target.refusal);
        QVERIFY(target.refusal->message.contains(u"jump hosts in a row"_s));
        // A ProxyCommand is refused by name, unless a jump host is used.
        options.jumpDepth = 0;
        config.proxyJump.clear();
        config.proxyCommand = u"nc %h %p"_s;
        target = resolveSshTarget(options, config, m_home.path());
        QVERIFY(target.refusal);
        QCOMPARE(target.refusal->code, ErrorCode::Unsupported);
        QVERIFY(target.refusal->message.contains(u"nc %h %p"_s));
        options.ssh.proxyJump = u"gw"_s;
        target = resolveSshTarget(options, config, m_home.path());
        QVERIFY(!target.refusal);
    }

    void hostKeyAcrossFiles_data()
    {
        QTest::addColumn<QByteArray>("first");
        QTest::addColumn<QByteArray>("second");
        QTest::addColumn<int>("code"); // -1: accepted
        QTest::addColumn<QString>("named");
        const QByteArray known = line(m_blob), other = line(m_other);
        const QByteArray revoked = line(m_blob, "@revoked");
        QTest::newRow("found in the second file") << QByteArray() << known << -1 << QString();
        QTest::newRow("found beats changed elsewhere") << other << known << -1 << QString();
        QTest::newRow("changed") << other << QByteArray() << int(ErrorCode::HostKeyChanged)
                                 << u"first:1"_s;
        QTest::newRow("revoked beats found")
            << known << revoked << int(ErrorCode::HostKeyChanged) << u"second:1"_s;
        QTest::newRow("unknown") << QByteArray() << QByteArray() << int(ErrorCode::HostKeyUnknown)
                                 << u"vipdeckctl trust lb1"_s;
    }
    void hostKeyAcrossFiles()
    {
        QFETCH(QByteArray, first);
        QFETCH(QByteArray, second);
        QFETCH(int, code);
        QFETCH(QString, named);
        QTemporaryDir dir;
        const QString a = dir.filePath(u"first"_s), b = dir.filePath(u"second"_s);
        write(a, first);
        write(b, second);
        const Result<void> verdict =
            verifyHostKey(offered(), {a, b, dir.filePath(u"missing"_s)}, u"lb1"_s);
        if (code < 0) {
            QVERIFY2(verdict.ok(), verdict.ok() ? "" : qPrintable(verdict.error().toString()));
            return;
        }
        QVERIFY(!verdict.ok());
        QCOMPARE(int(verdict.error().code), code);
        QCOMPARE(verdict.error().where, u"lb1"_s);
        const QString text = verdict.error().message + u' ' + verdict.error().hint;
        QVERIFY2(text.contains(named), qPrintable(text));
    }
};

QTEST_GUILESS_MAIN(TestSshTarget)
#include "tst_sshtarget.moc"
