#pragma once

// buildReport(): the health report of a fleet as a ReportDocument, from the
// latest snapshot and its verdicts, optional snapshots sampled over a period
// (for the charts) and the audit log's records (who changed what, and why).
// A pure function: the caller gathers the inputs (the CLI polls the fleet and
// reads the audit store; the GUI hands over what its poller already has).

#include "core/audit/auditanchor.h"
#include "core/audit/auditrecord.h"
#include "core/common/error.h"
#include "core/fleet/snapshot.h"
#include "core/fleet/verdict.h"
#include "core/history/historysummary.h"
#include "core/report/reportdocument.h"

#include <QDateTime>
#include <QList>

#include <optional>

namespace vipdeck {

struct ReportInput
{
    Snapshot snapshot;      // the fleet at the moment of the report
    FleetVerdicts verdicts; // of `snapshot`
    // Snapshots taken during a sampling period, oldest first (may include
    // `snapshot`).  Charts need at least two; fewer and the report says so.
    QList<Snapshot> samples;
    // Where the samples come from, for the charts' captions ("polled by
    // vipdeckctl every 2 s"); empty: "sampled".
    QString samplesSource;

    QDateTime since; // the audit window [since, until); UTC
    QDateTime until;
    QList<AuditRecord> auditWindow;   // records in the window, oldest first
    bool auditTruncated = false;      // the window had more records than were read
    QList<AuditRecord> serverHistory; // latest records naming servers that are not ready
    std::optional<Error> auditError;  // the audit log could not be read
    // The log's newest record when it was read: printed so that a later
    // `vipdeckctl audit verify --anchor` shows whether it was cut or rewritten.
    std::optional<AuditAnchor> auditAnchor;

    // The window [since, until) from the history store (reporthistory.h):
    // availability, incidents, flaps, drains, reloads.  Neither set: the
    // report describes the moment only and says so.
    std::optional<HistorySummary> history;
    std::optional<Error> historyError;
    int worstVips = 3; // how many VIPs get charts
    QString generator; // "vipdeckctl 0.3.0"
};

ReportDocument buildReport(const ReportInput &input);

// The VIPs that most need attention, worst first: by verdict, then by 5xx
// responses during the samples, then by sessions.  At most `count`.
QStringList worstVips(const ReportInput &input, int count);

} // namespace vipdeck
