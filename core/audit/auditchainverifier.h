#pragma once

// AuditChainVerifier: recomputes the hash chain of an audit log fed to it in
// id order, and names the first record that was changed, removed or inserted.
// Pure: no database, so the store streams records in and tests feed it
// hand-made chains.  Memory stays bounded whatever the log's length.

#include "core/audit/auditrecord.h"

#include <deque>
#include <optional>
#include <utility>

namespace vipdeck {

struct AuditChainProblem
{
    enum class Kind {
        Changed,     // content no longer matches the record's hash
        Removed,     // ids missing between two records
        Inserted,    // records the chain does not link through
        ChainBroken, // a link points nowhere: a record changed and re-hashed, or
                     // records removed and the rest renumbered
    };
    Kind kind = Kind::Changed;
    qint64 firstId = 0; // first record concerned
    qint64 lastId = 0;  // last record concerned (== firstId for one record)

    QString kindName() const; // "changed", "removed", "inserted", "chain-broken"
    QString describe() const; // one sentence naming the record(s)
};

struct AuditVerifyReport
{
    qint64 checked = 0; // records whose hash and link were confirmed
    qint64 lastId = 0;  // id of the last confirmed record
    std::optional<AuditChainProblem> problem;

    bool ok() const { return !problem.has_value(); }
};

class AuditChainVerifier
{
public:
    // Records must come in ascending id order.  Feeding stops mattering after
    // the first problem; hasProblem() lets the caller stop reading early.
    void add(const AuditRecord &record);
    bool hasProblem() const { return m_report.problem.has_value(); }
    AuditVerifyReport finish();

private:
    void judge(const AuditRecord &record, const AuditRecord *next);
    void accept(const AuditRecord &record);
    void fail(AuditChainProblem::Kind kind, qint64 first, qint64 last);

    std::optional<AuditRecord> m_pending; // judged once its successor is known
    QByteArray m_lastHash = AuditRecord::genesisHash();
    // Recently accepted (id, hash), to recognise a link that skips records.
    std::deque<std::pair<qint64, QByteArray>> m_window;
    AuditVerifyReport m_report;
};

} // namespace vipdeck
