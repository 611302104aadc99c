// known_hosts handling against the real tools: fingerprints as `ssh-keygen
// -lf` prints them, hashed entries written by us found by libssh2 and by
// `ssh-keygen -F`, entries hashed by `ssh-keygen -H` found by us, verdicts for
// every kind of line, trusting a key; and the SSH wire helpers.

#include "core/ssh/knownhosts.h"
#include "core/ssh/privatekeyinfo.h"
#include "core/ssh/sshwire.h"
#include "tests/core/ssh/sshtesttools.h"
#include "tests/support/testdata.h"

#include <QtTest>

#include <libssh2.h>

using namespace Qt::StringLiterals;
using namespace vipdeck;

namespace {

struct Key
{
    QString path;
    QByteArray publicLine;
    QByteArray blob;
};

Key makeKey(const test::TempDir &dir, const QString &name, const QString &type, int bits = 0)
{
    Key key;
    key.path = test::generateKey(dir.filePath(name), type, {}, bits);
    QFile pub(key.path + u".pub"_s);
    if (key.path.isEmpty() || !pub.open(QIODevice::ReadOnly))
        qFatal("ssh-keygen failed for %s", qPrintable(type));
    key.publicLine = pub.readAll().trimmed();
    key.blob = test::publicKeyBlob(key.publicLine);
    return key;
}

// "type base64" of a key, as the middle of a known_hosts line.
QByteArray keyFields(const Key &key)
{
    const QList<QByteArray> fields = key.publicLine.split(' ');
    return fields.at(0) + ' ' + fields.at(1);
}

// libssh2's own verdict, independent of the code under test.
int libssh2Verdict(const QString &file, const QString &host, int port, const QByteArray &blob,
                   int keyBit)
{
    LIBSSH2_SESSION *session = libssh2_session_init();
    LIBSSH2_KNOWNHOSTS *hosts = libssh2_knownhost_init(session);
    libssh2_knownhost_readfile(hosts, QFile::encodeName(file).constData(),
                               LIBSSH2_KNOWNHOST_FILE_OPENSSH);
    const int verdict = libssh2_knownhost_checkp(
        hosts, host.toUtf8().constData(), port, blob.constData(), size_t(blob.size()),
        LIBSSH2_KNOWNHOST_TYPE_PLAIN | LIBSSH2_KNOWNHOST_KEYENC_RAW | keyBit, nullptr);
    libssh2_knownhost_free(hosts);
    libssh2_session_free(session);
    return verdict;
}

} // namespace

class TestKnownHosts : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void fingerprintMatchesSshKeygen_data();
    void fingerprintMatchesSshKeygen();
    void privateKeyInfo_data();
    void privateKeyInfo();
    void privateKeyInfoRefusesGarbage();
    void knownHostsName();
    void verdicts_data();
    void verdicts();
    void hashedEntryWeWriteIsFoundByLibssh2AndOpenSsh();
    void entryHashedByOpenSshIsFound();
    void trustCreatesFileAndAppends();
    void trustRefusesChangedKey();
    void trustAddsMissingNewline();
    void streamLocalPayloadEncoding();
    void sshStringReading();

private:
    test::TempDir m_dir;
    Key m_ed25519;
    Key m_ecdsa;
    Key m_other;
};

void TestKnownHosts::initTestCase()
{
    libssh2_init(0);
    m_ed25519 = makeKey(m_dir, u"host_ed25519"_s, u"ed25519"_s);
    m_ecdsa = makeKey(m_dir, u"host_ecdsa"_s, u"ecdsa"_s, 256);
    m_other = makeKey(m_dir, u"other_ed25519"_s, u"ed25519"_s);
}

void TestKnownHosts::fingerprintMatchesSshKeygen_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("bits");
    QTest::newRow("ed25519") << u"ed25519"_s << 0;
    QTest::newRow("ecdsa-256") << u"ecdsa"_s << 256;
    QTest::newRow("ecdsa-384") << u"ecdsa"_s << 384;
    QTest::newRow("ecdsa-521") << u"ecdsa"_s << 521;
    QTest::newRow("rsa-2048") << u"rsa"_s << 2048;
}

void TestKnownHosts::fingerprintMatchesSshKeygen()
{
    QFETCH(QString, type);
    QFETCH(int, bits);
    const Key key = makeKey(m_dir, u"fp_"_s + type + QString::number(bits), type, bits);
    const auto listed = test::runProgram(u"ssh-keygen"_s, {u"-lf"_s, key.path + u".pub"_s});
    QCOMPARE(listed.exitCode, 0);
    // "256 SHA256:abc... comment (ED25519)"
    const QString expected = QString::fromLatin1(listed.standardOutput.split(' ').value(1));
    QVERIFY(expected.startsWith(u"SHA256:"_s));
    QCOMPARE(sshFingerprint(key.blob), expected);
    QCOMPARE(keyBlobType(key.blob), QString::fromLatin1(key.publicLine.split(' ').first()));
}

void TestKnownHosts::privateKeyInfo_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("bits");
    QTest::addColumn<QString>("passphrase");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("expectedType");
    QTest::newRow("ed25519") << u"ed25519"_s << 0 << QString() << QString() << u"ssh-ed25519"_s;
    QTest::newRow("ed25519 encrypted")
        << u"ed25519"_s << 0 << u"secret"_s << QString() << u"ssh-ed25519"_s;
    QTest::newRow("ecdsa") << u"ecdsa"_s << 256 << QString() << QString()
                           << u"ecdsa-sha2-nistp256"_s;
    QTest::newRow("ecdsa-384 encrypted")
        << u"ecdsa"_s << 384 << u"secret-pw"_s << QString() << u"ecdsa-sha2-nistp384"_s;
    QTest::newRow("rsa") << u"rsa"_s << 2048 << QString() << QString() << u"ssh-rsa"_s;
    QTest::newRow("rsa PEM") << u"rsa"_s << 2048 << QString() << u"PEM"_s << u"ssh-rsa"_s;
    QTest::newRow("rsa PEM encrypted")
        << u"rsa"_s << 2048 << u"secret-pw"_s << u"PEM"_s << u"ssh-rsa"_s;
    QTest::newRow("ecdsa PEM") << u"ecdsa"_s << 256 << QString() << u"PEM"_s << u"ecdsa"_s;
    QTest::newRow("ecdsa PKCS8") << u"ecdsa"_s << 256 << QString() << u"PKCS8"_s << QString();
}

void TestKnownHosts::privateKeyInfo()
{
    QFETCH(QString, type);
    QFETCH(int, bits);
    QFETCH(QString, passphrase);
    QFETCH(QString, format);
    QFETCH(QString, expectedType);
    const QString path = test::generateKey(
        m_dir.filePath(u"pk_"_s + QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'_')),
        type, passphrase, bits, format);
    QVERIFY(!path.isEmpty());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const auto info = inspectPrivateKey(file.readAll());
    QVERIFY2(info.ok(), qPrintable(info.ok() ? QString() : info.error().message));
    QCOMPARE(info->type, expectedType);
    QCOMPARE(info->encrypted, !passphrase.isEmpty());
}

void TestKnownHosts::privateKeyInfoRefusesGarbage()
{
    QCOMPARE(inspectPrivateKey("hello").error().code, ErrorCode::Parse);
    QCOMPARE(inspectPrivateKey("-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n"
                               "-----END OPENSSH PRIVATE KEY-----\n")
                 .error()
                 .code,
             ErrorCode::Parse);
    // A truncated real key: a typed error, no crash.
    QFile file(m_ed25519.path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    const QByteArray truncated =
        text.left(text.indexOf('\n') + 30) + "\n-----END OPENSSH PRIVATE KEY-----\n";
    QVERIFY(!inspectPrivateKey(truncated).ok());
}

void TestKnownHosts::knownHostsName()
{
    QCOMPARE(vipdeck::knownHostsName(u"LB1.example.org"_s, 22), u"lb1.example.org"_s);
    QCOMPARE(vipdeck::knownHostsName(u"127.0.0.1"_s, 2222), u"[127.0.0.1]:2222"_s);
}

void TestKnownHosts::verdicts_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("line");
    QTest::addColumn<QStringList>("knownTypes");
    const QByteArray ed = keyFields(m_ed25519);
    const QByteArray ec = keyFields(m_ecdsa);
    const QByteArray other = keyFields(m_other);
    const QStringList edType{u"ssh-ed25519"_s};
    using V = KnownHostsVerdict;
    QTest::newRow("plain host, port 22")
        << QByteArray("lb1 " + ed + "\n") << u"lb1"_s << 22 << int(V::Match) << 1 << edType;
    QTest::newRow("bracketed port")
        << QByteArray("# comment\n\n[127.0.0.1]:2222 " + ed + " comment\n") << u"127.0.0.1"_s
        << 2222 << int(V::Match) << 3 << edType;
    QTest::newRow("other port is another host")
        << QByteArray("[127.0.0.1]:2222 " + ed + "\n") << u"127.0.0.1"_s << 2200 << int(V::NotFound)
        << 0 << QStringList();
    QTest::newRow("list of names and wildcard")
        << QByteArray("lb0,*.example.org " + ed + "\n") << u"lb3.example.org"_s << 22
        << int(V::Match) << 1 << edType;
    QTest::newRow("negated name") << QByteArray("!bad.example.org,*.example.org " + ed + "\n")
                                  << u"bad.example.org"_s << 22 << int(V::NotFound) << 0
                                  << QStringList();
    QTest::newRow("changed key names its line")
        << QByteArray("lb2 " + ed + "\nlb1 " + other + "\n") << u"lb1"_s << 22 << int(V::Mismatch)
        << 2 << edType;
    QTest::newRow("old and new key: match wins")
        << QByteArray("lb1 " + other + "\nlb1 " + ed + "\n") << u"lb1"_s << 22 << int(V::Match) << 2
        << edType;
    QTest::newRow("only another key type is known")
        << QByteArray("lb1 " + ec + "\n") << u"lb1"_s << 22 << int(V::NotFound) << 0
        << QStringList{u"ecdsa-sha2-nistp256"_s};
    QTest::newRow("revoked") << QByteArray("lb1 " + ed + "\n@revoked * " + ed + "\n") << u"lb1"_s
                             << 22 << int(V::Revoked) << 2 << edType;
    QTest::newRow("cert-authority ignored, line before it read")
        << QByteArray("@cert-authority *.example.org " + other + "\nlb1 " + ed + "\n") << u"lb1"_s
        << 22 << int(V::Match) << 2 << edType;
    QTest::newRow("junk lines") << QByteArray("garbage\n  \nlb1\nlb1 ssh-ed25519\nlb1 " + ed + "\n")
                                << u"lb1"_s << 22 << int(V::Match) << 5
                                << QStringList{u"ssh-ed25519"_s};
}

void TestKnownHosts::verdicts()
{
    QFETCH(QByteArray, file);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(int, kind);
    QFETCH(int, line);
    QFETCH(QStringList, knownTypes);
    const KnownHostsVerdict verdict = checkKnownHostsText(file, host, port, m_ed25519.blob);
    QCOMPARE(int(verdict.kind), kind);
    QCOMPARE(verdict.line, line);
    QCOMPARE(verdict.knownKeyTypes, knownTypes);
    // The file-level check (with libssh2) agrees.
    const QString path = m_dir.write(u"verdict_known_hosts"_s, file);
    const auto combined = checkKnownHostsFile(path, host, port, m_ed25519.blob);
    QVERIFY(combined.ok());
    QCOMPARE(int(combined->kind), kind);
}

void TestKnownHosts::hashedEntryWeWriteIsFoundByLibssh2AndOpenSsh()
{
    const QString path = m_dir.filePath(u"hashed/known_hosts"_s);
    QVERIFY(trustHostKey(path, u"127.0.0.5"_s, 2201, m_ed25519.blob, true).ok());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY2(text.startsWith("|1|"), text.constData());
    QVERIFY(!text.contains("127.0.0.5"));

    QCOMPARE(
        libssh2Verdict(path, u"127.0.0.5"_s, 2201, m_ed25519.blob, LIBSSH2_KNOWNHOST_KEY_ED25519),
        LIBSSH2_KNOWNHOST_CHECK_MATCH);
    QCOMPARE(
        libssh2Verdict(path, u"127.0.0.5"_s, 2201, m_other.blob, LIBSSH2_KNOWNHOST_KEY_ED25519),
        LIBSSH2_KNOWNHOST_CHECK_MISMATCH);
    QCOMPARE(
        libssh2Verdict(path, u"127.0.0.6"_s, 2201, m_ed25519.blob, LIBSSH2_KNOWNHOST_KEY_ED25519),
        LIBSSH2_KNOWNHOST_CHECK_NOTFOUND);
    // OpenSSH's own lookup finds it too.
    const auto found =
        test::runProgram(u"ssh-keygen"_s, {u"-F"_s, u"[127.0.0.5]:2201"_s, u"-f"_s, path});
    QCOMPARE(found.exitCode, 0);
    QVERIFY(found.standardOutput.contains(m_ed25519.publicLine.split(' ').at(1)));
    QCOMPARE(checkKnownHostsFile(path, u"127.0.0.5"_s, 2201, m_ed25519.blob)->kind,
             KnownHostsVerdict::Match);
}

void TestKnownHosts::entryHashedByOpenSshIsFound()
{
    const QString path =
        m_dir.write(u"openssh-hashed"_s, "[127.0.0.7]:2202 " + keyFields(m_ed25519) + "\nlb9 " +
                                             keyFields(m_ecdsa) + "\n");
    QCOMPARE(test::runProgram(u"ssh-keygen"_s, {u"-q"_s, u"-H"_s, u"-f"_s, path}).exitCode, 0);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("127.0.0.7"));
    QCOMPARE(checkKnownHostsFile(path, u"127.0.0.7"_s, 2202, m_ed25519.blob)->kind,
             KnownHostsVerdict::Match);
    QCOMPARE(checkKnownHostsFile(path, u"127.0.0.7"_s, 2202, m_other.blob)->kind,
             KnownHostsVerdict::Mismatch);
    QCOMPARE(checkKnownHostsFile(path, u"lb9"_s, 22, m_ecdsa.blob)->kind, KnownHostsVerdict::Match);
    // Like OpenSSH: a port-22 entry does not vouch for another port.
    QCOMPARE(checkKnownHostsFile(path, u"lb9"_s, 2202, m_ecdsa.blob)->kind,
             KnownHostsVerdict::NotFound);
}

void TestKnownHosts::trustCreatesFileAndAppends()
{
    const QString path = m_dir.filePath(u"new/dir/known_hosts"_s);
    QVERIFY(trustHostKey(path, u"127.0.0.8"_s, 2203, m_ed25519.blob).ok());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), "[127.0.0.8]:2203 " + keyFields(m_ed25519) + "\n");
    QCOMPARE(file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther |
                                   QFileDevice::WriteGroup | QFileDevice::WriteOther),
             QFileDevice::Permissions());
    file.close();
    // Again: nothing to add.  Another type for the same host: appended.
    QVERIFY(trustHostKey(path, u"127.0.0.8"_s, 2203, m_ed25519.blob).ok());
    QVERIFY(trustHostKey(path, u"127.0.0.8"_s, 2203, m_ecdsa.blob).ok());
    QVERIFY(trustHostKey(path, u"lb1"_s, 22, m_ed25519.blob).ok());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), "[127.0.0.8]:2203 " + keyFields(m_ed25519) + "\n[127.0.0.8]:2203 " +
                                 keyFields(m_ecdsa) + "\nlb1 " + keyFields(m_ed25519) + "\n");
    // ssh itself reads the file we wrote.
    QCOMPARE(test::runProgram(u"ssh-keygen"_s, {u"-F"_s, u"lb1"_s, u"-f"_s, path}).exitCode, 0);
}

void TestKnownHosts::trustRefusesChangedKey()
{
    const QByteArray original = "[127.0.0.9]:2204 " + keyFields(m_ed25519) + "\n";
    const QString path = m_dir.write(u"changed_known_hosts"_s, original);
    const auto result = trustHostKey(path, u"127.0.0.9"_s, 2204, m_other.blob);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::HostKeyChanged);
    QCOMPARE(result.error().where, path + u":1"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), original);
    QCOMPARE(trustHostKey(path, u"127.0.0.9"_s, 2204, "not a key").error().code,
             ErrorCode::InvalidArgument);
    QCOMPARE(trustHostKey(path, u"a b"_s, 2204, m_other.blob).error().code,
             ErrorCode::InvalidArgument);
}

void TestKnownHosts::trustAddsMissingNewline()
{
    const QString path = m_dir.write(u"nonewline"_s, "lb7 " + keyFields(m_ecdsa));
    QVERIFY(trustHostKey(path, u"lb8"_s, 22, m_ed25519.blob).ok());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), "lb7 " + keyFields(m_ecdsa) + "\nlb8 " + keyFields(m_ed25519) + "\n");
}

void TestKnownHosts::streamLocalPayloadEncoding()
{
    const QByteArray expected = QByteArray("\x00\x00\x00\x0b", 4) + "/run/a.sock" +
                                QByteArray(4, '\0') + QByteArray(4, '\0');
    QCOMPARE(streamLocalPayload(u"/run/a.sock"_s), expected);
    // UTF-8 path, length in bytes.
    const QByteArray utf8 = streamLocalPayload(u"/run/\u00e9.sock"_s); // 11 characters, 12 bytes
    QCOMPARE(utf8.mid(0, 4), QByteArray("\x00\x00\x00\x0c", 4));
    QCOMPARE(sshString(QByteArray(300, 'x')).left(4), QByteArray("\x00\x00\x01\x2c", 4));
}

void TestKnownHosts::sshStringReading()
{
    const QByteArray data = sshString("abc") + sshString("") + QByteArray("\x00\x00\x00\x09xy", 6);
    qsizetype offset = 0;
    QCOMPARE(readSshString(data, offset), std::optional<QByteArray>("abc"));
    QCOMPARE(readSshString(data, offset), std::optional<QByteArray>(QByteArray()));
    QCOMPARE(readSshString(data, offset), std::nullopt); // claims 9 bytes, has 2
    QCOMPARE(keyBlobType("\x00\x00"), QString());
}

QTEST_GUILESS_MAIN(TestKnownHosts)
#include "tst_knownhosts.moc"
