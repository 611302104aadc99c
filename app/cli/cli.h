#pragma once

// The vipdeckctl command line: parses the arguments, dispatches to a command
// and returns the process exit code (see ExitCode in console.h).

#include "app/cli/console.h"

#include <QStringList>

namespace vipdeck::cli {

// `arguments` excludes the program name.
int run(const QStringList &arguments, Console &console);

} // namespace vipdeck::cli
