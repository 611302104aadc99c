#pragma once

// The `vipdeckctl audit ...` commands, so the executable stays a thin
// wrapper: each takes parsed options and a store, writes to `out` (results)
// and `err` (errors), and returns the process exit code.

#include "core/audit/auditanchor.h"
#include "core/audit/auditfilter.h"
#include "core/audit/auditstoreconfig.h"
#include "core/common/clock.h"
#include "core/common/result.h"

#include <QStringList>
#include <QTextStream>

namespace vipdeck {

class AuditStore;

// Exit codes of the audit commands.
enum AuditExit : int {
    AuditExitOk = 0,
    AuditExitError = 1,       // store unavailable, unknown record, ...
    AuditExitUsage = 2,       // bad arguments
    AuditExitTampered = 3,    // verify found a changed, removed, inserted or (by the
                              // anchor) truncated record
    AuditExitUnprotected = 4, // verify: chain intact, but append-only triggers missing
};

enum class AuditOutputFormat { Text, Json, Csv };

struct AuditListOptions
{
    AuditFilter filter;
    int limit = 50;          // ignored when `all`
    bool all = false;        // every matching record
    bool newestFirst = true; // list shows the latest records by default
    AuditOutputFormat format = AuditOutputFormat::Text;
};

int auditList(AuditStore &store, const AuditListOptions &options, QTextStream &out,
              QTextStream &err);
int auditShow(AuditStore &store, qint64 id, AuditOutputFormat format, QTextStream &out,
              QTextStream &err);
// Every matching record, oldest first, paged through the store.  Format Csv or Json.
int auditExport(AuditStore &store, const AuditFilter &filter, AuditOutputFormat format,
                QTextStream &out, QTextStream &err);
// Exit 0 intact, 3 tampered (takes precedence), 4 intact but unprotected.
int auditVerify(AuditStore &store, AuditOutputFormat format, QTextStream &out, QTextStream &err,
                const std::optional<AuditAnchor> &anchor = {});
// The newest record's "ID:HASH" (Text) or {"id", "hash", "anchor", "location"} (Json).
int auditAnchor(AuditStore &store, AuditOutputFormat format, QTextStream &out, QTextStream &err);

// "2026-03-01", "2026-03-01T14:00", "2026-03-01T14:00:00Z" (no zone = UTC), or a
// time before now: "90m", "24h", "7d".
Result<QDateTime> parseAuditTime(const QString &text, const Clock &clock = Clock::system());

// The whole `audit` command: `arguments` are what follows "audit" on the
// command line ("list --vip web", "show 12", "export --csv", "verify").
// Opens the existing store from `config` itself (AuditStore::openExisting):
// these commands only read, and never create a store.
int runAuditCommand(const QStringList &arguments, const AuditStoreConfig &config, QTextStream &out,
                    QTextStream &err, const Clock &clock = Clock::system());

// Usage text of the audit commands.
QString auditCommandHelp();

} // namespace vipdeck
