#pragma once

// What an identity file holds, read without decrypting it: the key type
// (to refuse RSA with libssh2 1.10 up front in the error text) and whether a
// passphrase is needed (to ask for one only when it is).

#include "core/common/result.h"

#include <QByteArray>
#include <QString>

namespace vipdeck {

struct PrivateKeyInfo
{
    QString type; // "ssh-ed25519", "ecdsa-sha2-nistp256", "ssh-rsa", "ecdsa", ...; empty if unknown
    bool encrypted = false;

    bool isRsa() const { return type == QLatin1StringView("ssh-rsa"); }
};

// Parses an OpenSSH ("openssh-key-v1"), PEM or PKCS#8 private key file's text.
Result<PrivateKeyInfo> inspectPrivateKey(const QByteArray &text);

} // namespace vipdeck
