#pragma once

// Asking before a change: --yes answers for the user; otherwise a person on
// a terminal must type "yes" (or "y"); without a terminal the change is
// refused, so a script never hangs on a question nobody sees.

#include "app/cli/console.h"
#include "app/cli/globaloptions.h"

namespace vipdeck::cli {

enum class Confirmation { Yes, Declined, NoTerminal };

// Writes `question` to stderr and reads the answer.  NoTerminal has already
// been explained on stderr (pass --yes).
Confirmation confirm(const GlobalOptions &options, Console &console, const QString &question);

// The exit code for an answer that is not Yes: ExitUsage without a terminal,
// ExitFailed when the user declined.
int exitCodeFor(Confirmation confirmation);

} // namespace vipdeck::cli
