#pragma once

// Glob patterns for VIP discovery ("/run/haproxy/*/stats.sock").  The same
// pattern is expanded locally (LocalTransport) or by the remote shell
// (SshTransport), so both accept exactly the same, deliberately small
// language: an absolute path whose only wildcard is `*`.
//
// Why validate at all, when the literal parts are quoted anyway: the remote
// shell must see the `*` unquoted to expand it, so the pattern is the one
// place where caller text reaches a shell outside quotes.  Allowing only
// path characters ([A-Za-z0-9._-/@%+=,:]) and `*` means no quote, `$`,
// backquote, `;`, `|`, `&`, redirection, brace, tilde, whitespace or newline
// can appear, so even a quoting bug could not turn a pattern into a command.
// It also keeps the output parseable: matches are printed one per line and
// no allowed character is a newline.

#include "core/common/result.h"

#include <QString>
#include <QStringList>

namespace vipdeck {

// Ok, or InvalidArgument naming the first offending character.
Result<void> validateGlobPattern(const QString &pattern);

// A POSIX shell command printing every existing path that matches `pattern`,
// one per line (nothing when none matches).  Literal runs are single-quoted,
// each `*` stays bare.
Result<QString> globShellCommand(const QString &pattern);

// The lines printed by globShellCommand(), sorted.
QStringList parseGlobOutput(const QByteArray &output);

// Expands `pattern` on this machine with QDir (sockets included), sorted.
Result<QStringList> expandGlobLocally(const QString &pattern);

} // namespace vipdeck
