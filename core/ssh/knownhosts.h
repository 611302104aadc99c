#pragma once

// known_hosts handling: how a server's host key is judged (known, changed,
// revoked, unknown), the line to look at when it changed, fingerprints as
// OpenSSH prints them, and adding a key the user has confirmed.
//
// The verdict combines libssh2_knownhost_checkp with a small parser of our
// own: libssh2 1.10 stops reading a file at the first line it cannot parse
// (an @cert-authority line, say) and reports no line numbers, and the parser
// supplies both, plus the key types already known for a host so the
// handshake can ask for those first.  When the two disagree the stricter
// verdict wins.

#include "core/common/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace vipdeck {

// "SHA256:" + unpadded base64 of SHA-256(keyBlob), as `ssh-keygen -lf` prints it.
QString sshFingerprint(const QByteArray &keyBlob);

// The name a host is recorded under: "host" on port 22, "[host]:port" otherwise.
QString knownHostsName(const QString &host, int port);

// "|1|base64(salt)|base64(HMAC-SHA1(salt, name))", OpenSSH's HashKnownHosts form.
QString hashedKnownHostsName(const QString &name, const QByteArray &salt);

struct KnownHostsVerdict
{
    enum Kind { NotFound, Match, Mismatch, Revoked };
    Kind kind = NotFound;
    int line = 0;              // the matching, changed or revoking line (1-based); 0 if unknown
    QStringList knownKeyTypes; // key types recorded for this host, in file order, no duplicates
};

// Judges `keyBlob` offered by host:port against the contents of a known_hosts
// file (plain, [host]:port, hashed and wildcard entries, @revoked markers).
KnownHostsVerdict checkKnownHostsText(const QByteArray &text, const QString &host, int port,
                                      const QByteArray &keyBlob);

// Reads `path` and combines checkKnownHostsText() with libssh2_knownhost_checkp.
// A missing file is no error: every key is then unknown.
Result<KnownHostsVerdict> checkKnownHostsFile(const QString &path, const QString &host, int port,
                                              const QByteArray &keyBlob);

// Appends a line for host:port to `knownHostsPath` (creating the file 0600 and
// its folder if needed).  Does nothing if the key is already known; refuses
// with HostKeyChanged if the host already has a different key of that type:
// vipdeck never overrides a changed key, a human edits the file.
Result<void> trustHostKey(const QString &knownHostsPath, const QString &host, int port,
                          const QByteArray &keyBlob, bool hashed = false);

} // namespace vipdeck
