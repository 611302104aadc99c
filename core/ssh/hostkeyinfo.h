#pragma once

// HostKeyInfo: the public host key an SSH server offered, as the GUI and
// `vipdeckctl trust` show it to the user before anything is trusted.

#include <QByteArray>
#include <QString>

namespace vipdeck {

struct HostKeyInfo
{
    QString host; // the name the key is recorded under (HostName after ~/.ssh/config)
    int port = 22;
    QString keyType;        // "ssh-ed25519", "ecdsa-sha2-nistp256", ...
    QByteArray keyBlob;     // the key in SSH wire format, as in known_hosts (base64-decoded)
    QString fingerprint;    // "SHA256:..." like `ssh-keygen -lf`
    QString knownHostsFile; // the file it was checked against: where trustHostKey() adds it

    bool isNull() const { return keyBlob.isEmpty(); }
    bool operator==(const HostKeyInfo &) const = default;
};

} // namespace vipdeck
