#pragma once

// Server operations (drain, ready, maint, weight) as values: what the user
// asks for (ServerOperationRequest), what it would touch and what it would do
// to each backend (OperationPreview, from previewServerOperation(), a pure
// function of a Snapshot), and what happened (OperationResult, filled by
// ServerOperationRunner).  reverseOperation() builds the requests that undo
// what a result did, for the GUI's one-click reverse.
//
// A *target* is one (VIP, host, backend) where the server serves.  Targets
// are found in the snapshot; the runner only ever acts on previewed targets.

#include "core/audit/auditrecord.h"
#include "core/fleet/snapshot.h"

#include <QJsonValue>
#include <QList>
#include <QString>

#include <chrono>
#include <optional>

namespace vipdeck {

enum class ServerAction { Ready, Drain, Maint, Weight };

// "ready", "drain", "maint", "weight"
QString serverActionName(ServerAction action);
// Audit action names: "ready", "drain", "maint", "set-weight" (docs/audit.md).
QString serverActionAuditName(ServerAction action);
std::optional<ServerAction> serverActionFromName(const QString &name);

// One explicit (VIP, host, backend); empty fields match anything.  `weight`
// >= 0 overrides the request's weight for this target (used by reverses,
// where each target gets its own previous weight back).
struct TargetSelector
{
    QString vip;
    QString host;
    QString backend;
    int weight = -1;

    bool operator==(const TargetSelector &) const = default;
};

struct ServerOperationRequest
{
    ServerAction action = ServerAction::Drain;
    QString server;  // the server's name as in HAProxy, e.g. "web-07"
    int weight = -1; // ServerAction::Weight: 0..256 (HAProxy's absolute weight)

    // Narrowing; empty = every VIP / host / backend where the server serves.
    QString vip;
    QString host;
    QString backend;
    // When not empty: only these (VIP, host, backend) (after the filters above).
    QList<TargetSelector> only;

    QString reason;     // required (the audit store refuses a change without one)
    bool force = false; // allows targets flagged by the preview (below threshold)

    // Drain only: after the drain, wait until the server's current sessions
    // reach zero on each target (polling `show stat` every drainPollInterval),
    // then put it in maint.  A target still busy at drainTimeout fails with
    // ErrorCode::Timeout and is left in DRAIN.
    bool waitForDrain = false;
    std::chrono::milliseconds drainTimeout{std::chrono::minutes(5)};
    std::chrono::milliseconds drainPollInterval{std::chrono::milliseconds(500)};

    bool operator==(const ServerOperationRequest &) const = default;
};

struct ServerTarget
{
    QString vip;
    QString host;
    QString backend;
    QString server;
    QString group;
    QString statsSocket; // from the inventory's placement of (VIP, host)

    // What the snapshot says about the server there.  dataKnown false: the
    // HAProxy of (VIP, host) was never read (host unreachable since start,
    // ...); the backend is taken from the other hosts of the VIP's group and
    // state, weight, sessions and impact are unknown.
    bool dataKnown = false;
    bool stale = false; // the last read of (VIP, host) failed; data is older
    QString dataError;  // why, when stale or unknown
    QDateTime dataTime; // when the data was read
    AdminState adminState = AdminState::Ready;
    ServerStatus status;
    int weight = 0;
    qint64 sessions = 0;
    bool backup = false;

    // Impact on the backend there, counted as the verdicts count it: usable
    // non-backup servers (UP, not drained, not in maint, weight > 0) before
    // and after, and the VIP's threshold there (Placement::minUpServers,
    // default 1).  -1 when unknown.
    int usableBefore = -1;
    int usableAfter = -1;
    int minUpServers = 1;
    // The operation lowers the count and leaves it below minUpServers, or
    // leaves the backend with no usable server at all (backups included):
    // the target needs `force`.
    bool belowThreshold = false;
    // True when the target is already in the requested state (still applied,
    // it is harmless and keeps the operation simple to reason about).
    bool noChange = false;

    // "vip=web host=lb1 backend=web server=web-01"
    QString label() const;
    bool operator==(const ServerTarget &) const = default;
};

struct OperationPreview
{
    ServerOperationRequest request;
    QList<ServerTarget> targets; // ordered by VIP, host, backend
    // Plain-words remarks, e.g. "lb2: no data for web (connection refused);
    // impact unknown".
    QStringList notes;

    bool needsForce() const;             // some target is belowThreshold
    QList<ServerTarget> flagged() const; // those targets
    int unknownCount() const;            // targets with !dataKnown
};

// The targets and their impact.  Errors:
//  - InvalidArgument: empty server name, missing/out-of-range weight, a name
//    HAProxy would not accept;
//  - NoSuchServer: the server is nowhere in the snapshot (within the filters);
//    the message names it and the hint suggests close names ("did you mean
//    web-01, web-02?");
//  - NoSuchBackend: filters left no target (e.g. the VIP does not have it).
Result<OperationPreview> previewServerOperation(const Snapshot &snapshot,
                                                const ServerOperationRequest &request);

// "ready", "drain", "maint", or "unknown" for a state that was never read.
QString adminStateName(const std::optional<AdminState> &state);
// The same for JSON (results, audit records): the name, or null when unknown.
QJsonValue adminStateJson(const std::optional<AdminState> &state);

// The outcome on one target.
struct TargetResult
{
    ServerTarget target;
    bool ok = false;
    bool skipped = false;       // not attempted (the operation was refused)
    std::optional<Error> error; // why it failed
    // What the target was before and is after, as read from HAProxy
    // (`show servers state` / `get weight`) around the change; the snapshot's
    // values when it could not be read then.  nullopt and -1: unknown (never
    // read), which results, JSON and the audit record say as such.
    std::optional<AdminState> stateBefore;
    std::optional<AdminState> stateAfter;
    int weightBefore = -1;
    int weightAfter = -1;
    bool verified = false;     // the state after was read back and matches
    qint64 sessionsAtEnd = -1; // waitForDrain: sessions when it went to maint
    QString message;           // what happened, in plain words
    qint64 elapsedMs = 0;
};

struct OperationResult
{
    ServerOperationRequest request;
    QList<TargetResult> targets;
    // The operation did not start (audit store unwritable, force missing,
    // nothing to do, ...); every target is then `skipped`.
    std::optional<Error> refused;
    qint64 auditIntentId = -1;
    qint64 auditCompletionId = -1;
    std::optional<Error> auditCompletionError; // the completion could not be written
    qint64 elapsedMs = 0;

    bool ok() const; // started and every target succeeded
    int succeeded() const;
    int failed() const; // attempted and failed
    // "3 of 4 targets done; failed: vip=web host=lb2 ...: connection refused"
    QString summary() const;
};

// Requests that restore what `result` changed on its successful targets:
// ready/drain/maint back to each target's state before (grouped, so usually
// one request), weight back to each target's previous weight (one request
// with per-target selectors).  Each request is narrowed with `only` to the
// targets that succeeded; `reason` is the reverse's reason (e.g. "reverse of
// audit #12").  Empty when nothing succeeded.
QList<ServerOperationRequest> reverseOperation(const OperationResult &result,
                                               const QString &reason);

// The audit target of a server target.
AuditTarget auditTarget(const ServerTarget &target);

} // namespace vipdeck
