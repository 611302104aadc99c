#pragma once

// Reads what a report needs from the audit log: every record in the window
// (up to a limit) and, for each server that is down, drained or in
// maintenance, the newest records naming it (who changed it and why), using
// the store's filters by VIP and server.

#include "core/audit/auditstore.h"
#include "core/audit/auditstoreconfig.h"
#include "core/fleet/snapshot.h"

#include <QDateTime>
#include <QList>

namespace vipdeck {

struct ReportAudit
{
    QList<AuditRecord> window;        // oldest first
    bool truncated = false;           // more records than `limit`
    QList<AuditRecord> serverHistory; // newest records per non-ready server
};

Result<ReportAudit> readReportAudit(AuditStore &store, const Snapshot &snapshot,
                                    const QDateTime &since, const QDateTime &until,
                                    int limit = 2000);

struct ReportInput;

// Opens the existing audit store `config` names (on the calling thread; it
// never creates one) and fills `input`'s audit fields for its snapshot and
// window, and the log's anchor; a store that is missing or cannot be opened
// or read leaves input.auditError set and the report is built without it.
void readReportAuditInto(ReportInput &input, const AuditStoreConfig &config);

} // namespace vipdeck
