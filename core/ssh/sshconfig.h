#pragma once

// What ~/.ssh/config says about a host alias: HostName, User, Port and
// IdentityFile, the settings vipdeck honours when fleet.yaml leaves them
// unset.  Follows OpenSSH's rules for those: `Host` patterns with `*`, `?` and
// `!`, the first value found wins (IdentityFile accumulates), keywords are
// case-insensitive, `Key value` or `Key=value`, `~` and %d %u %h %r %% in
// IdentityFile, %h in HostName.  `Match` blocks and `Include` are skipped.

#include "core/common/result.h"

#include <QString>
#include <QStringList>

namespace vipdeck {

struct SshConfigHost
{
    QString hostName;          // empty: not set (connect to the alias itself)
    QString user;              // empty: not set
    int port = 0;              // 0: not set
    QStringList identityFiles; // expanded, in file order
};

// Resolves `alias` against the text of an ssh_config file.  `homeDir` and
// `localUser` expand `~`, %d and %u.
SshConfigHost resolveSshConfig(const QByteArray &text, const QString &alias, const QString &homeDir,
                               const QString &localUser);

// OpenSSH host pattern matching ('*' any run, '?' one character,
// case-insensitive), as used by ssh_config `Host` and known_hosts.
bool hostPatternMatches(const QString &pattern, const QString &name);

// The login name of the user running vipdeck (the SSH user when nothing sets one).
QString localUserName();

// The same for a file; a missing file resolves to nothing set.
Result<SshConfigHost> resolveSshConfigFile(const QString &path, const QString &alias);

} // namespace vipdeck
