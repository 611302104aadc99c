#pragma once

// Small pieces of the SSH wire format (RFC 4251 section 5) that vipdeck
// builds or reads itself, because libssh2 1.10 has no helper for them.

#include <QByteArray>
#include <QString>

#include <optional>

namespace vipdeck {

// uint32 length (big endian) followed by the bytes.
QByteArray sshString(const QByteArray &bytes);

// The channel-open payload of `direct-streamlocal@openssh.com`
// (OpenSSH PROTOCOL, section 2.4): string socket path, string reserved (""),
// uint32 reserved (0).  libssh2 1.11 gained libssh2_channel_direct_streamlocal_ex.
QByteArray streamLocalPayload(const QString &socketPath);

// Reads the SSH string at `offset`, advancing it; nullopt if truncated.
std::optional<QByteArray> readSshString(const QByteArray &data, qsizetype &offset);

// The algorithm name a public key blob starts with ("ssh-ed25519", ...).
QString keyBlobType(const QByteArray &keyBlob);

} // namespace vipdeck
