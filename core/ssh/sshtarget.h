#pragma once

// SshTarget: where and how one SSH connection is made, from the fleet file's
// settings (SshTransportOptions) and what the OpenSSH client configuration
// says for the host's alias, in ssh(1)'s order of precedence.  Resolved
// afresh before every connection attempt, as ssh reads its configuration on
// every run; a pure function of its inputs, so every rule has a unit test
// (tests/core/ssh/tst_sshtarget.cpp).

#include "core/common/error.h"
#include "core/ssh/jumphost.h"
#include "core/ssh/sshconfig.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>

namespace vipdeck {

struct SshTransportOptions;

struct SshTarget
{
    QString host;
    int port = 22;
    QString user;
    QStringList identityFiles;
    // IdentitiesOnly: only agent keys whose public half is one of the
    // identity files' `.pub` files are offered (their blobs here).
    bool identitiesOnly = false;
    QList<QByteArray> identityBlobs;
    // Where `trust` adds keys: the first user known_hosts file.
    QString knownHosts;
    // Every file a host key is looked up in: the user files (knownHosts
    // first), then the global ones.
    QStringList knownHostsFiles;
    // HashKnownHosts: `vipdeckctl trust` writes hashed names.
    bool hashKnownHosts = false;
    // The fleet file's connect_timeout, else ConnectTimeout, else the default.
    std::chrono::milliseconds connectTimeout{0};
    // ServerAliveInterval and ServerAliveCountMax, else the transport's options.
    std::chrono::milliseconds keepaliveInterval{0};
    int keepaliveCountMax = 3;
    // The jump hosts to reach it through, the first first; empty: directly.
    QList<JumpHop> jumps;
    // Why vipdeck cannot connect the way the configuration says (a proxy
    // command, a broken or looping ProxyJump); empty when it can.
    std::optional<Error> refusal;
    // What ssh_config says that vipdeck does not follow (logged when it changes).
    QStringList configWarnings;
};

// Reads the SSH client configuration `options` names (unless
// options.useSshConfig is false) and resolves against it.  A configuration
// that cannot be read is logged and treated as empty.
SshTarget resolveSshTarget(const SshTransportOptions &options);

// The same for a configuration already resolved; `homeDir` is where the
// default identity and known_hosts files are looked for.
SshTarget resolveSshTarget(const SshTransportOptions &options, const SshConfigHost &config,
                           const QString &homeDir);

} // namespace vipdeck
