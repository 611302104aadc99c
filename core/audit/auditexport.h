#pragma once

// Audit records as CSV rows and JSON objects, for `vipdeckctl audit export`
// and reports.  Pure: the caller pages through the store and writes the rows.

#include "core/audit/auditrecord.h"

#include <QJsonObject>
#include <QStringList>

namespace vipdeck {

// The CSV header line's fields, in row order.
QStringList auditCsvColumns();
// One RFC 4180 line (quoted where needed, formula-like text neutralised:
// csvField()), ending with "\r\n".
QString auditCsvRow(const QStringList &fields);
QStringList auditRecordCsvFields(const AuditRecord &record);

QJsonObject auditRecordToJson(const AuditRecord &record);

// "complete" / "incomplete" for intents; "ok", "failed 1 of 3", ... for completions.
QString auditRecordStatus(const AuditRecord &record);

// Targets as "vip=web host=lb1 ...; vip=web host=lb2 ...".
QString auditTargetsText(const QList<AuditTarget> &targets);

} // namespace vipdeck
