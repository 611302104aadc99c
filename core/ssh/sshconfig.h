#pragma once

// What the OpenSSH client configuration says about a host alias, for the
// settings vipdeck honours when fleet.yaml leaves them unset.  Read the way
// ssh(1) reads it (ssh_config(5)): the user's file, then the system's
// (/etc/ssh/ssh_config), the first value found for a key wins (IdentityFile
// accumulates); keywords are case-insensitive, `Key value` or `Key=value`;
// `Host` patterns with `*`, `?` and `!`; `Include` with globs, a relative
// path taken from ~/.ssh (user file) or /etc/ssh (system file), conditional
// inside a Host or Match block; `Match` with `all`, `host`, `originalhost` and
// `user` (each negatable with `!`, pattern lists with `,` and `!`).  Other
// Match criteria are refused by name: the block never applies, and a warning
// says so.  `~` and the tokens %d %u %h %r %n %p %i %% are expanded in
// IdentityFile and the known-hosts files, %h in HostName.

#include "core/common/result.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace vipdeck {

struct SshConfigHost
{
    QString hostName;          // empty: not set (connect to the alias itself)
    QString user;              // empty: not set
    int port = 0;              // 0: not set
    QStringList identityFiles; // expanded, in file order
    std::optional<bool> identitiesOnly;
    QStringList userKnownHostsFiles;   // expanded; empty: not set
    QStringList globalKnownHostsFiles; // expanded; empty: not set
    std::optional<bool> hashKnownHosts;
    std::optional<int> connectTimeoutSeconds;
    std::optional<int> serverAliveInterval;
    std::optional<int> serverAliveCountMax;
    QString strictHostKeyChecking; // as written, lower case; empty: not set
    QStringList proxyJump;         // the hops, first first; empty: not set or `none`
    QString proxyCommand;          // as written; empty: not set or `none`
    // Lines vipdeck read but does not follow, "FILE:LINE: what and why".
    QStringList warnings;
};

// Where the configuration comes from.  An empty path is not read.
struct SshConfigSources
{
    QString userFile;   // normally ~/.ssh/config
    QString systemFile; // normally /etc/ssh/ssh_config
    QString homeDir;    // for ~, %d and relative Includes of the user file
    QString localUser;  // for %u and the default remote user
    // Relative Includes of the system file are taken from here.
    QString systemDir = QStringLiteral("/etc/ssh");
};

// The sources ssh(1) reads for the user running vipdeck.  `userFile`, when
// given, replaces ~/.ssh/config and (as with `ssh -F`) the system file is
// then not read.
SshConfigSources defaultSshConfigSources(const QString &userFile = {});

// Resolves `alias` against the sources.  A missing file sets nothing; an
// unreadable one (or an Include loop deeper than OpenSSH's 16) is an error
// naming the file.
Result<SshConfigHost> resolveSshConfig(const SshConfigSources &sources, const QString &alias);

// Resolves `alias` against the text of one user configuration file (tests,
// and files given explicitly).  Includes are taken relative to
// `homeDir`/.ssh.
SshConfigHost resolveSshConfig(const QByteArray &text, const QString &alias, const QString &homeDir,
                               const QString &localUser);

// OpenSSH host pattern matching ('*' any run, '?' one character,
// case-insensitive), as used by ssh_config `Host` and known_hosts.
bool hostPatternMatches(const QString &pattern, const QString &name);

// The login name of the user running vipdeck (the SSH user when nothing sets one).
QString localUserName();

// resolveSshConfig(defaultSshConfigSources(path), alias): `path` empty means
// ~/.ssh/config followed by /etc/ssh/ssh_config.
Result<SshConfigHost> resolveSshConfigFile(const QString &path, const QString &alias);

} // namespace vipdeck
