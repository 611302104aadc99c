#pragma once

// Quoting for commands run through the remote login shell of an exec channel.
// sshd hands the command string to `$SHELL -c`, so every argument is wrapped
// in single quotes: inside them a POSIX shell interprets nothing at all, and
// the only character that needs care is the single quote itself, written as
// '\'' (close, escaped quote, reopen).  This assumes a POSIX login shell
// (sh, bash, dash, zsh, ksh); csh-family shells are not supported.

#include "core/common/result.h"

#include <QString>
#include <QStringList>

namespace vipdeck {

// One argument quoted for a POSIX shell: `it's` -> `'it'\''s'`, `` -> `''`.
QString shellQuote(const QString &argument);

// argv as one command line, every argument quoted.  Refuses an empty argv and
// arguments holding NUL (no real argv can carry it; sshd would cut it off).
Result<QString> shellCommand(const QStringList &argv);

} // namespace vipdeck
