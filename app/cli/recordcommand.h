#pragma once

// `vipdeckctl record [--history URL] [--interval SECS] [--count N]`: polls
// the fleet at its interval and writes every change of state and a
// per-minute traffic sample into the history store
// (core/history/historyrecorder.h) until SIGINT, SIGTERM or SIGHUP.  One
// recorder per store: a second one is refused, naming the first.

#include "app/cli/console.h"

#include <QStringList>

namespace vipdeck::cli {

int recordCommand(const QStringList &arguments, Console &console);

} // namespace vipdeck::cli
