#pragma once

// `vipdeckctl report --format pdf|html|csv|json -o FILE [--since 24h|ISO]
// [--sample 30s] [--fleet FILE]`: polls the fleet, optionally samples it for
// a while for the charts, reads the audit window and writes a health report
// (core/report).  Works without a display, for cron.

#include "app/cli/console.h"

#include <QStringList>

namespace vipdeck::cli {

int reportCommand(const QStringList &arguments, Console &console);

} // namespace vipdeck::cli
