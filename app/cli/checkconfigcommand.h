#pragma once

// `vipdeckctl check-config FILE`: validates a fleet file and prints every
// problem located to file:line:column, or a one-line summary of the fleet.

#include "app/cli/console.h"

#include <QStringList>

namespace vipdeck::cli {

int checkConfigCommand(const QStringList &arguments, Console &console);

} // namespace vipdeck::cli
