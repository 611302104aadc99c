#pragma once

// `vipdeckctl audit list|show|export|verify`: the audit log commands of
// core/audit, on the store from --audit URL, else the settings' `audit/url`,
// else the default SQLite file.

#include "app/cli/console.h"
#include "core/audit/auditstoreconfig.h"

#include <QStringList>

namespace vipdeck::cli {

// `arguments` follow "audit" on the command line.
int auditCommand(const QStringList &arguments, Console &console);

// --audit URL (taken out of `arguments`), else $VIPDECK_AUDIT, else the
// settings' `audit/url`, else the default SQLite store.
Result<AuditStoreConfig> auditStoreConfig(QStringList &arguments);

// --history URL taken out of `arguments`; empty when not given.
QString takeHistoryOption(QStringList &arguments);
// The history store: `given` (from --history), else $VIPDECK_HISTORY, else
// the settings' `history/url`, else the default SQLite store of `fleetFile`.
Result<AuditStoreConfig> historyStoreConfig(const QString &given, const QString &fleetFile);

} // namespace vipdeck::cli
