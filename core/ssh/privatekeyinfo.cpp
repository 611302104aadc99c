#include "core/ssh/privatekeyinfo.h"

#include "core/ssh/sshwire.h"
#include "core/ssh/translate.h"

#include <QtEndian>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

// The base64 body between "-----BEGIN <label>-----" and "-----END <label>-----",
// without header lines such as "Proc-Type:".
QByteArray pemBody(const QByteArray &text, QByteArray *label, bool *hasEncryptedHeader)
{
    const qsizetype begin = text.indexOf("-----BEGIN ");
    if (begin < 0)
        return {};
    const qsizetype labelEnd = text.indexOf("-----", begin + 11);
    if (labelEnd < 0)
        return {};
    *label = text.mid(begin + 11, labelEnd - begin - 11);
    const qsizetype end = text.indexOf("-----END ", labelEnd);
    if (end < 0)
        return {};
    QByteArray body;
    const QList<QByteArray> lines = text.mid(labelEnd + 5, end - labelEnd - 5).split('\n');
    for (const QByteArray &rawLine : lines) {
        const QByteArray line = rawLine.trimmed();
        if (line.contains(':')) {
            if (line.startsWith("Proc-Type:") && line.contains("ENCRYPTED"))
                *hasEncryptedHeader = true;
            continue;
        }
        body += line;
    }
    return QByteArray::fromBase64(body);
}

Result<PrivateKeyInfo> inspectOpenSshKey(const QByteArray &blob)
{
    static const QByteArray magic("openssh-key-v1", 15); // with its NUL
    const Error broken(ErrorCode::Parse,
                       TransportTr::tr("The OpenSSH private key file is damaged."));
    if (!blob.startsWith(magic))
        return broken;
    qsizetype offset = magic.size();
    const auto cipher = readSshString(blob, offset);
    const auto kdf = readSshString(blob, offset);
    const auto kdfOptions = readSshString(blob, offset);
    if (!cipher || !kdf || !kdfOptions || blob.size() - offset < 4)
        return broken;
    const quint32 keyCount = qFromBigEndian<quint32>(blob.constData() + offset);
    offset += 4;
    const auto publicKey = readSshString(blob, offset);
    if (keyCount < 1 || !publicKey)
        return broken;
    PrivateKeyInfo info;
    info.type = keyBlobType(*publicKey);
    info.encrypted = *cipher != "none";
    return info;
}

} // namespace

Result<PrivateKeyInfo> inspectPrivateKey(const QByteArray &text)
{
    QByteArray label;
    bool encryptedHeader = false;
    const QByteArray body = pemBody(text, &label, &encryptedHeader);
    if (label.isEmpty())
        return Error(ErrorCode::Parse, TransportTr::tr("Not a private key file."));
    if (label == "OPENSSH PRIVATE KEY")
        return inspectOpenSshKey(body);
    PrivateKeyInfo info;
    info.encrypted = encryptedHeader;
    if (label == "RSA PRIVATE KEY")
        info.type = u"ssh-rsa"_s;
    else if (label == "EC PRIVATE KEY")
        info.type = u"ecdsa"_s;
    else if (label == "DSA PRIVATE KEY")
        info.type = u"ssh-dss"_s;
    else if (label == "ENCRYPTED PRIVATE KEY")
        info.encrypted = true; // PKCS#8: the type is inside the encrypted part
    else if (label != "PRIVATE KEY")
        return Error(
            ErrorCode::Parse,
            TransportTr::tr("Unknown private key format \"%1\".").arg(QString::fromLatin1(label)));
    return info;
}

} // namespace vipdeck
