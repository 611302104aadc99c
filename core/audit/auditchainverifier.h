#pragma once

// AuditChainVerifier: recomputes the hash chain of an audit log fed to it in
// id order, and names the first record that was changed, removed or inserted.
// Given an anchor taken earlier (auditanchor.h), it also detects that records
// were removed from the end, or the log rewritten, since.
// Pure: no database, so the store streams records in and tests feed it
// hand-made chains.  Memory stays bounded whatever the log's length.

#include "core/audit/auditanchor.h"
#include "core/audit/auditrecord.h"

#include <QStringList>

#include <deque>
#include <optional>
#include <utility>

namespace vipdeck {

struct AuditChainProblem
{
    enum class Kind {
        Changed,        // content no longer matches the record's hash
        Removed,        // ids missing between two records
        Inserted,       // records the chain does not link through
        ChainBroken,    // a link points nowhere: a record changed and re-hashed, or
                        // records removed and the rest renumbered
        Duplicated,     // a copy of the record before it
        Truncated,      // the anchor's record is gone: the newest records were removed
        AnchorMismatch, // the anchor's record has another hash: the log was rewritten
    };
    Kind kind = Kind::Changed;
    qint64 firstId = 0; // first record concerned
    qint64 lastId = 0;  // last record concerned (== firstId for one record)

    // "changed", "removed", "inserted", "chain-broken", "duplicated", "truncated",
    // "anchor-mismatch"
    QString kindName() const;
    QString describe() const; // one sentence naming the record(s)
};

struct AuditVerifyReport
{
    qint64 checked = 0; // records whose hash and link were confirmed
    qint64 lastId = 0;  // id of the last confirmed record
    std::optional<AuditChainProblem> problem;
    std::optional<AuditAnchor> anchor; // the anchor checked, if one was given

    // Append-only protection (the store's triggers) that is missing: their
    // names, and how to restore them.  The chain may still be intact.
    QStringList missingProtection;
    QString restoreProtection; // what to do, one or more lines
    bool protectedOk() const { return missingProtection.isEmpty(); }

    bool ok() const { return !problem.has_value(); }
};

class AuditChainVerifier
{
public:
    // Records must come in ascending id order.  Feeding stops mattering after
    // the first problem; hasProblem() lets the caller stop reading early.
    void add(const AuditRecord &record);
    // Checks the log against an anchor taken earlier; call before add().
    void setAnchor(const AuditAnchor &anchor);
    bool hasProblem() const { return m_report.problem.has_value(); }
    AuditVerifyReport finish();

private:
    void judge(const AuditRecord &record, const AuditRecord *next);
    void accept(const AuditRecord &record);
    void fail(AuditChainProblem::Kind kind, qint64 first, qint64 last);

    std::optional<AuditRecord> m_pending; // judged once its successor is known
    std::optional<AuditAnchor> m_anchor;
    bool m_anchorSeen = false;
    QByteArray m_lastHash = AuditRecord::genesisHash();
    // Recently accepted (id, hash), to recognise a link that skips records.
    std::deque<std::pair<qint64, QByteArray>> m_window;
    AuditVerifyReport m_report;
};

} // namespace vipdeck
