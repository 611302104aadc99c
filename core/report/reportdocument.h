#pragma once

// ReportDocument: a health report as data, independent of its format.  The
// builder (reportbuilder.h) fills it from snapshots, verdicts and the audit
// log; the renderers turn it into HTML, PDF, CSV or JSON, and the GUI can
// paint the same document for a preview.  Every value carries both what
// people read (text) and what tools read (value), so the formats cannot
// disagree about the facts.

#include "core/fleet/verdict.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QVariant>

#include <optional>
#include <variant>

namespace vipdeck {

// One value: `value` for tools (QString, qint64, double, bool or QDateTime in
// UTC; null when absent), `text` for people.  `health` colours it.
struct ReportCell
{
    QVariant value;
    QString text;
    std::optional<Health> health;

    static ReportCell fromText(const QString &text);
    static ReportCell fromInt(qint64 number);
    static ReportCell fromBool(bool yes);
    static ReportCell fromTime(const QDateTime &time); // invalid: empty
    // value: whole seconds; text: "3 h 07 min".
    static ReportCell fromDuration(qint64 ms);
    // value: the ratio (0..1); text: "99.95 %"; below 0: empty (nothing to divide).
    static ReportCell fromRatio(double ratio);
    // value: the stable key ("critical"); text: the translated name.
    static ReportCell fromHealth(Health health);
    static ReportCell empty() { return {}; }
};

struct ReportColumn
{
    QString key;          // stable, for CSV headers and JSON keys
    QString title;        // for people
    bool numeric = false; // right-aligned
};

struct ReportTable
{
    QString id; // stable: "vips", "placements", ...
    QString title;
    QList<ReportColumn> columns;
    QList<QList<ReportCell>> rows; // each row has columns.size() cells
    QString emptyText;             // shown instead of an empty table

    int columnIndex(const QString &key) const;
};

// Headline figures: "VIPs critical: 1".
struct ReportSummary
{
    QString id;
    QList<ReportColumn> items; // key and label of each figure
    QList<ReportCell> values;  // one per item
};

struct ReportPoint
{
    QDateTime time;
    double value = 0;
};

struct ReportSeries
{
    QString name;
    QList<ReportPoint> points; // oldest first
};

struct ReportChart
{
    enum class Style { Line, Area };
    QString id;
    QString title;
    QString unit;     // of the y axis: "sessions", "responses/s"
    QString coverage; // what the data covers, said plainly
    Style style = Style::Line;
    QList<ReportSeries> series;

    double maxValue() const;
    QDateTime firstTime() const;
    QDateTime lastTime() const;
};

struct ReportParagraph
{
    QString text;
    std::optional<Health> tone; // a notice coloured like a verdict
};

using ReportBlock = std::variant<ReportParagraph, ReportSummary, ReportTable, ReportChart>;

struct ReportSection
{
    QString id;
    QString title;
    QList<ReportBlock> blocks;
};

struct ReportDocument
{
    QString title;
    QString fleet;       // the fleet file it describes
    QDateTime generated; // UTC
    QDateTime since;     // the window (audit entries, charts); UTC
    QDateTime until;
    QString generator;   // "vipdeck 0.3.0"
    QString auditAnchor; // "ID:HASH" of the audit log as read; empty when not read
    QList<ReportSection> sections;

    const ReportTable *table(const QString &id) const;
    QList<const ReportTable *> tables() const;
    QList<const ReportChart *> charts() const;
    QList<const ReportSummary *> summaries() const;
};

// Times as people read them in a report: "2026-11-23 12:00:05 UTC".
QString reportTimeText(const QDateTime &time);

} // namespace vipdeck
