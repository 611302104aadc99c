#pragma once

// The report's history: readReportHistoryInto() reads the window from the
// history store and summarizes it (core/history/historysummary.h);
// historySection() shows it: how much was recorded, availability per VIP,
// placement and host, incidents, announcement flaps, drains and maintenance
// with who and why, reloads.

#include "core/audit/auditstoreconfig.h"
#include "core/report/reportdocument.h"

namespace vipdeck {

struct ReportInput;

// Opens the existing history store `config` names (never creating one) and
// sets input.history for [input.since, input.until), joining drains with the
// audit records already in `input`; on failure input.historyError.
void readReportHistoryInto(ReportInput &input, const AuditStoreConfig &config);

ReportSection historySection(const ReportInput &input);

} // namespace vipdeck
