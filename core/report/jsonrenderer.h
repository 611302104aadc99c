#pragma once

// renderJson(): the whole report as one JSON document for tools; the keys are
// documented in docs/reports.md.  Table rows are objects keyed by the
// columns' stable keys; values are typed (numbers, booleans, ISO 8601 UTC
// times as strings, null when absent).

#include "core/report/reportdocument.h"

#include <QByteArray>
#include <QJsonValue>

namespace vipdeck {

// Bumped when a key changes meaning or disappears; new keys do not bump it.
inline constexpr int ReportJsonVersion = 2;

QByteArray renderJson(const ReportDocument &document);

QJsonValue reportValueJson(const QVariant &value);

} // namespace vipdeck
