#pragma once

// AuditRecord: one entry of the audit log as stored and as read back, plus
// the values an operation hands to the store (AuditIntent, AuditCompletion).
// The canonical serialization that the hash chain covers lives here too, so
// the writer and the verifier cannot disagree about it.

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace vipdeck {

// What an action touches.  Any field may be empty (a reload has no server).
struct AuditTarget
{
    QString vip;
    QString host;
    QString backend;
    QString server;

    // "vip=web host=lb1 backend=be server=web-07", empty fields left out.
    QString label() const;
    bool operator==(const AuditTarget &) const = default;
};

enum class AuditOutcome { Ok, Failed, Skipped };
QString auditOutcomeName(AuditOutcome outcome); // "ok", "failed", "skipped"
std::optional<AuditOutcome> auditOutcomeFromName(const QString &name);

struct AuditTargetResult
{
    AuditTarget target;
    AuditOutcome outcome = AuditOutcome::Ok;
    QString message; // what happened on this target, in plain words
    bool operator==(const AuditTargetResult &) const = default;
};

// Written before an action starts.  operatorName and workstation default to
// the OS user and host name when left empty.
struct AuditIntent
{
    QString action; // "drain", "ready", "maint", "set-weight", "reload", ...
    QList<AuditTarget> targets;
    QString reason;      // required when `change` is true
    QString stateBefore; // free text or JSON chosen by the operation
    QString sshUser;
    QString operatorName;
    QString workstation;
    bool change = true; // changes a fleet: a reason is required
};

// Written after the action, linked to its intent.
struct AuditCompletion
{
    QList<AuditTargetResult> results;
    QString stateAfter;
};

enum class AuditKind { Intent, Completion };
QString auditKindName(AuditKind kind); // "intent", "completion"
std::optional<AuditKind> auditKindFromName(const QString &name);

struct AuditRecord
{
    qint64 id = 0;
    AuditKind kind = AuditKind::Intent;
    std::optional<qint64> intentId; // completions: the intent they complete
    QDateTime time;                 // UTC, millisecond precision
    QString operatorName;
    QString workstation;
    QString sshUser;
    QString action;
    QList<AuditTarget> targets;
    QString reason;
    QString stateBefore;
    QString stateAfter;
    QList<AuditTargetResult> results;
    QByteArray prevHash; // hex SHA-256 of the previous record, or the genesis hash
    QByteArray hash;     // hex SHA-256 over canonical() + prevHash

    // Derived when read, not part of the chain: for intents, the id of the
    // completion that closes them.
    std::optional<qint64> completedBy;

    // An intent whose action never reported back (crash, kill, power cut).
    bool isIncomplete() const { return kind == AuditKind::Intent && !completedBy; }

    // The bytes the hash covers.  Every field is length-prefixed, so no value
    // can imitate a field boundary.  The id is not covered: order is carried
    // by the chain links, and ids are checked separately for gaps.
    QByteArray canonical() const;
    QByteArray computeHash() const; // hex SHA-256 of canonical() + prevHash

    // The time format stored and hashed: ISO 8601 UTC with milliseconds.
    static QString formatTime(const QDateTime &time);
    static QByteArray genesisHash(); // 64 zeros: the "previous hash" of record 1
};

// Per-target results as the compact JSON text stored in the database.
QByteArray auditResultsToJson(const QList<AuditTargetResult> &results);
std::optional<QList<AuditTargetResult>> auditResultsFromJson(const QByteArray &json);

} // namespace vipdeck
