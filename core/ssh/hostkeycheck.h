#pragma once

// The host-key decision of one connection: the key a server offered, judged
// against every known_hosts file in ssh(1)'s order, as an error that says
// what to do (trust it after comparing the fingerprint, or suspect an
// attack) or nothing when the key is known.

#include "core/common/result.h"
#include "core/ssh/hostkeyinfo.h"

#include <QStringList>

namespace vipdeck {

// `offered` has host, port, keyBlob, keyType and fingerprint filled in.  As
// ssh does: a key revoked in any of `files` is refused, a key found in any
// of them is accepted, else a different key of the same type in any of them
// means the key changed, else it is unknown.  A file that cannot be read is
// an error naming it; a missing one holds no keys.  `hostName` (the
// inventory name) is where errors happen and what `vipdeckctl trust` takes.
Result<void> verifyHostKey(const HostKeyInfo &offered, const QStringList &files,
                           const QString &hostName);

} // namespace vipdeck
