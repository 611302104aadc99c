#include "core/ssh/knownhosts.h"

#include "core/ssh/libssh2init.h"
#include "core/ssh/sshconfig.h"
#include "core/ssh/sshwire.h"
#include "core/ssh/translate.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <libssh2.h>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

bool hashedMatch(const QString &entry, const QString &name)
{
    // |1|salt|hash
    const QStringList parts = entry.split(u'|');
    if (parts.size() != 4 || parts.at(1) != u"1"_s)
        return false;
    const QByteArray salt = QByteArray::fromBase64(parts.at(2).toLatin1());
    return hashedKnownHostsName(name, salt) == entry;
}

// True if the comma-separated host list of a known_hosts line names `name`.
bool hostListMatches(const QString &hosts, const QString &name)
{
    if (hosts.startsWith(u"|1|"_s))
        return hashedMatch(hosts, name);
    bool matched = false;
    for (const QString &pattern : hosts.split(u',', Qt::SkipEmptyParts)) {
        if (pattern.startsWith(u'!')) {
            if (hostPatternMatches(pattern.mid(1), name))
                return false; // a negated match excludes the line outright
        } else if (hostPatternMatches(pattern, name)) {
            matched = true;
        }
    }
    return matched;
}

int libssh2KeyBit(const QString &keyType)
{
    if (keyType == u"ssh-ed25519"_s)
        return LIBSSH2_KNOWNHOST_KEY_ED25519;
    if (keyType == u"ecdsa-sha2-nistp256"_s)
        return LIBSSH2_KNOWNHOST_KEY_ECDSA_256;
    if (keyType == u"ecdsa-sha2-nistp384"_s)
        return LIBSSH2_KNOWNHOST_KEY_ECDSA_384;
    if (keyType == u"ecdsa-sha2-nistp521"_s)
        return LIBSSH2_KNOWNHOST_KEY_ECDSA_521;
    if (keyType == u"ssh-rsa"_s)
        return LIBSSH2_KNOWNHOST_KEY_SSHRSA;
    if (keyType == u"ssh-dss"_s)
        return LIBSSH2_KNOWNHOST_KEY_SSHDSS;
    return LIBSSH2_KNOWNHOST_KEY_UNKNOWN;
}

// libssh2's own verdict; -1 when it could not judge at all.
int libssh2Check(const QString &path, const QString &host, int port, const QByteArray &keyBlob)
{
    ensureLibssh2Initialised();
    LIBSSH2_SESSION *session = libssh2_session_init();
    if (!session)
        return -1;
    int verdict = -1;
    if (LIBSSH2_KNOWNHOSTS *hosts = libssh2_knownhost_init(session)) {
        const QByteArray encodedPath = QFile::encodeName(path);
        // A negative count means it stopped at a line it could not parse; what
        // it read before that still counts.
        libssh2_knownhost_readfile(hosts, encodedPath.constData(), LIBSSH2_KNOWNHOST_FILE_OPENSSH);
        const QByteArray hostName = host.toUtf8();
        struct libssh2_knownhost *found = nullptr;
        verdict = libssh2_knownhost_checkp(
            hosts, hostName.constData(), port, keyBlob.constData(), size_t(keyBlob.size()),
            LIBSSH2_KNOWNHOST_TYPE_PLAIN | LIBSSH2_KNOWNHOST_KEYENC_RAW |
                libssh2KeyBit(keyBlobType(keyBlob)),
            &found);
        libssh2_knownhost_free(hosts);
    }
    libssh2_session_free(session);
    return verdict;
}

} // namespace

QString sshFingerprint(const QByteArray &keyBlob)
{
    QByteArray digest = QCryptographicHash::hash(keyBlob, QCryptographicHash::Sha256).toBase64();
    while (digest.endsWith('='))
        digest.chop(1);
    return u"SHA256:"_s + QString::fromLatin1(digest);
}

QString knownHostsName(const QString &host, int port)
{
    if (port == 22 || port <= 0)
        return host.toLower();
    return u'[' + host.toLower() + u"]:"_s + QString::number(port);
}

QString hashedKnownHostsName(const QString &name, const QByteArray &salt)
{
    const QByteArray mac =
        QMessageAuthenticationCode::hash(name.toUtf8(), salt, QCryptographicHash::Sha1);
    return u"|1|"_s + QString::fromLatin1(salt.toBase64()) + u'|' +
           QString::fromLatin1(mac.toBase64());
}

KnownHostsVerdict checkKnownHostsText(const QByteArray &text, const QString &host, int port,
                                      const QByteArray &keyBlob)
{
    const QString name = knownHostsName(host, port);
    const QString keyType = keyBlobType(keyBlob);
    KnownHostsVerdict verdict;
    int matchLine = 0;
    int mismatchLine = 0;
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = QString::fromUtf8(lines.at(i)).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        QStringList fields = line.split(QRegularExpression(u"\\s+"_s), Qt::SkipEmptyParts);
        QString marker;
        if (fields.first().startsWith(u'@'))
            marker = fields.takeFirst();
        if (fields.size() < 3)
            continue;
        const QByteArray blob = QByteArray::fromBase64(fields.at(2).toLatin1());
        const int lineNumber = int(i + 1);
        if (marker == u"@revoked"_s) {
            if (blob == keyBlob) {
                verdict.kind = KnownHostsVerdict::Revoked;
                verdict.line = lineNumber;
                return verdict;
            }
            continue;
        }
        if (!marker.isEmpty() || !hostListMatches(fields.at(0), name))
            continue; // @cert-authority lines vouch for certificates, which vipdeck does not use
        if (!verdict.knownKeyTypes.contains(fields.at(1)))
            verdict.knownKeyTypes.append(fields.at(1));
        if (fields.at(1) != keyType)
            continue;
        if (blob == keyBlob) {
            if (!matchLine)
                matchLine = lineNumber;
        } else if (!mismatchLine) {
            mismatchLine = lineNumber;
        }
    }
    if (matchLine) {
        verdict.kind = KnownHostsVerdict::Match;
        verdict.line = matchLine;
    } else if (mismatchLine) {
        verdict.kind = KnownHostsVerdict::Mismatch;
        verdict.line = mismatchLine;
    }
    return verdict;
}

Result<KnownHostsVerdict> checkKnownHostsFile(const QString &path, const QString &host, int port,
                                              const QByteArray &keyBlob)
{
    QFile file(path);
    if (!file.exists())
        return KnownHostsVerdict{};
    if (!file.open(QIODevice::ReadOnly))
        return Error(
            ErrorCode::Io,
            TransportTr::tr("Cannot read the known_hosts file: %1").arg(file.errorString()), path);
    KnownHostsVerdict verdict = checkKnownHostsText(file.readAll(), host, port, keyBlob);
    // libssh2 also accepts a plain "host" entry for any port, where OpenSSH
    // looks only for "[host]:port"; so its verdict counts only on port 22,
    // where both follow the same rule, and only to make ours stricter.
    if (verdict.kind != KnownHostsVerdict::Revoked && (port == 22 || port <= 0) &&
        libssh2Check(path, host, 22, keyBlob) == LIBSSH2_KNOWNHOST_CHECK_MISMATCH &&
        verdict.kind != KnownHostsVerdict::Mismatch) {
        verdict.kind = KnownHostsVerdict::Mismatch;
        verdict.line = 0;
    }
    return verdict;
}

Result<void> trustHostKey(const QString &knownHostsPath, const QString &host, int port,
                          const QByteArray &keyBlob, bool hashed)
{
    const QString keyType = keyBlobType(keyBlob);
    if (keyType.isEmpty() || host.isEmpty() || host.contains(QRegularExpression(u"[\\s,]"_s)))
        return Error(ErrorCode::InvalidArgument, TransportTr::tr("Not a host key to trust."),
                     knownHostsPath);
    const auto verdict = checkKnownHostsFile(knownHostsPath, host, port, keyBlob);
    if (!verdict)
        return verdict.error();
    switch (verdict->kind) {
    case KnownHostsVerdict::Match:
        return {};
    case KnownHostsVerdict::Mismatch:
    case KnownHostsVerdict::Revoked:
        return Error(ErrorCode::HostKeyChanged,
                     TransportTr::tr("%1 already has a different %2 key in known_hosts; vipdeck "
                                     "does not replace it.")
                         .arg(knownHostsName(host, port), keyType),
                     verdict->line ? knownHostsPath + u':' + QString::number(verdict->line)
                                   : knownHostsPath,
                     TransportTr::tr("If the host was really reinstalled, remove the old line "
                                     "(ssh-keygen -R) after checking the new fingerprint."));
    case KnownHostsVerdict::NotFound:
        break;
    }

    QString name = knownHostsName(host, port);
    if (hashed) {
        QByteArray salt(20, '\0');
        QRandomGenerator::system()->generate(salt.begin(), salt.end());
        name = hashedKnownHostsName(name, salt);
    }
    const QByteArray line =
        name.toUtf8() + ' ' + keyType.toLatin1() + ' ' + keyBlob.toBase64() + '\n';

    QDir().mkpath(QFileInfo(knownHostsPath).absolutePath());
    QFile file(knownHostsPath);
    const bool existed = file.exists();
    if (!file.open(QIODevice::ReadWrite | QIODevice::Append))
        return Error(
            ErrorCode::Io,
            TransportTr::tr("Cannot write the known_hosts file: %1").arg(file.errorString()),
            knownHostsPath);
    if (!existed)
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QByteArray out;
    if (file.size() > 0) {
        // Never glue our line onto a last line without its newline.
        file.seek(file.size() - 1);
        if (file.read(1) != "\n")
            out += '\n';
    }
    out += line;
    if (file.write(out) != out.size() || !file.flush())
        return Error(
            ErrorCode::Io,
            TransportTr::tr("Cannot write the known_hosts file: %1").arg(file.errorString()),
            knownHostsPath);
    return {};
}

} // namespace vipdeck
