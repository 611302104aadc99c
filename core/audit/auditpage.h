#pragma once

// AuditPage: one page of audit records and the cursor for the next one.

#include "core/audit/auditrecord.h"

#include <QList>

namespace vipdeck {

struct AuditPage
{
    QList<AuditRecord> records;
    qint64 nextCursor = 0; // pass as AuditPageRequest::cursor for the next page
    bool hasMore = false;
};

} // namespace vipdeck
