#pragma once

// Jump hosts (bastions): how an LB host reachable only through another SSH
// server is reached, as OpenSSH's ProxyJump does it.  The LB host's own SSH
// session runs inside a `direct-tcpip` channel of a session with the jump
// host; a chain `j1,j2` reaches j2 through j1, then the LB host through j2.
//
// One connection per jump host (and the chain before it) serves every LB
// host behind it in the process: sharedJumpTransport() hands out the same
// SshTransport while anyone holds it, and it closes when the last host
// behind it lets go.  Each hop checks its own host key and authenticates on
// its own, like any other SSH connection of vipdeck.

#include "core/common/result.h"

#include <QList>
#include <QString>

#include <memory>

namespace vipdeck {

class SshTransport;
struct SshTransportOptions;

// More hops than this in a row is a loop in ssh_config (an alias that jumps
// through itself, say): the connection is refused with that reason.
inline constexpr int maxJumpDepth = 8;

struct JumpHop
{
    QString user; // empty: not given (ssh_config, then the local user)
    QString host; // an address, a DNS name or an ssh_config alias
    int port = 0; // 0: not given (ssh_config, then 22)

    // As written in ProxyJump: [user@]host[:port], IPv6 addresses in brackets.
    QString toString() const;
    bool operator==(const JumpHop &) const = default;
};

// The hops as ProxyJump writes them, joined by `separator` (`,` is ProxyJump's
// own syntax; messages use ", ").
QString jumpChainText(const QList<JumpHop> &chain, QStringView separator = u",");

// Parses ProxyJump's syntax (ssh -J): hops separated by ',', each
// `[user@]host[:port]` or `ssh://[user@]host[:port]`.  `none` gives no hop.
// The error names what is wrong with which hop.
Result<QList<JumpHop>> parseProxyJump(const QString &text);

// The connection to the last hop of `chain`, made with the settings of the
// host behind it (`behind`: its identity, known_hosts, timeouts, passphrase
// callbacks, SSH client configuration), except what the hop itself names
// (user, port) and what ssh_config says for the hop's own alias.  The hops
// before the last one are its own jump chain.  Thread-safe.
std::shared_ptr<SshTransport> sharedJumpTransport(const SshTransportOptions &behind,
                                                  const QList<JumpHop> &chain);

// The options of that connection (for `vipdeckctl trust`, which checks each
// hop's key on a connection of its own).
SshTransportOptions jumpTransportOptions(const SshTransportOptions &behind,
                                         const QList<JumpHop> &chain);

} // namespace vipdeck
