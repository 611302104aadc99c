#include "core/report/reportaudit.h"

#include "core/report/reportbuilder.h"

#include <QSet>

#include <algorithm>

namespace vipdeck {

Result<ReportAudit> readReportAudit(AuditStore &store, const Snapshot &snapshot,
                                    const QDateTime &since, const QDateTime &until, int limit)
{
    ReportAudit audit;
    AuditPageRequest request;
    request.filter.since = since;
    request.filter.until = until;
    request.limit = std::clamp(limit, 1, 10000);
    while (true) {
        Result<AuditPage> page = store.page(request);
        if (!page)
            return page.error();
        audit.window += page->records;
        if (!page->hasMore)
            break;
        if (audit.window.size() >= limit) {
            audit.truncated = true;
            break;
        }
        request.cursor = page->nextCursor;
        request.limit = std::clamp(limit - int(audit.window.size()), 1, 10000);
    }

    QSet<QString> asked;
    for (const HaproxyObservation &h : snapshot.haproxies()) {
        for (const BackendObservation &be : h.backends) {
            for (const ServerObservation &s : be.servers) {
                if (s.isUp() && s.adminState() == AdminState::Ready)
                    continue;
                const QString key = h.vip + u'/' + s.name;
                if (asked.contains(key))
                    continue;
                asked.insert(key);
                AuditPageRequest last;
                last.filter.vip = h.vip;
                last.filter.server = s.name;
                last.newestFirst = true;
                last.limit = 20; // enough to find the newest for each host
                Result<AuditPage> page = store.page(last);
                if (!page)
                    return page.error();
                audit.serverHistory += page->records;
            }
        }
    }
    return audit;
}

void readReportAuditInto(ReportInput &input, const AuditStoreConfig &config)
{
    // A report only reads the log: it never creates one.
    Result<std::unique_ptr<AuditStore>> store = AuditStore::openExisting(config);
    if (!store) {
        input.auditError = store.error();
        return;
    }
    const Result<ReportAudit> audit =
        readReportAudit(**store, input.snapshot, input.since, input.until);
    if (!audit) {
        input.auditError = audit.error();
        return;
    }
    // Read after the window: the anchor covers every record the report shows.
    const Result<AuditAnchor> anchor = (*store)->anchor();
    if (!anchor) {
        input.auditError = anchor.error();
        return;
    }
    input.auditAnchor = *anchor;
    input.auditWindow = audit->window;
    input.auditTruncated = audit->truncated;
    input.serverHistory = audit->serverHistory;
}

} // namespace vipdeck
