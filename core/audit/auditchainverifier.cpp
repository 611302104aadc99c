#include "core/audit/auditchainverifier.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {
constexpr std::size_t kWindow = 4096;

// This file's messages, in a context lupdate can see.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vipdeck::AuditChainVerifier)
};
} // namespace

QString AuditChainProblem::kindName() const
{
    switch (kind) {
    case Kind::Changed:
        return u"changed"_s;
    case Kind::Removed:
        return u"removed"_s;
    case Kind::Inserted:
        return u"inserted"_s;
    case Kind::ChainBroken:
        return u"chain-broken"_s;
    case Kind::Duplicated:
        return u"duplicated"_s;
    case Kind::Truncated:
        return u"truncated"_s;
    case Kind::AnchorMismatch:
        return u"anchor-mismatch"_s;
    }
    return u"chain-broken"_s;
}

QString AuditChainProblem::describe() const
{
    const bool one = firstId == lastId;
    switch (kind) {
    case Kind::Changed:
        return Tr::tr("record %1 was changed: its content no longer matches its hash").arg(firstId);
    case Kind::Removed:
        return one ? Tr::tr("record %1 was removed: the ids jump over it").arg(firstId)
                   : Tr::tr("records %1 to %2 were removed: the ids jump over them")
                         .arg(firstId)
                         .arg(lastId);
    case Kind::Inserted:
        return one ? Tr::tr("record %1 was inserted: the chain does not link through it")
                         .arg(firstId)
                   : Tr::tr("records %1 to %2 were inserted: the chain does not link through them")
                         .arg(firstId)
                         .arg(lastId);
    case Kind::ChainBroken:
        return Tr::tr("the chain breaks between records %1 and %2: record %1 was changed and "
                      "re-hashed, or records after it were removed and the rest renumbered")
            .arg(firstId)
            .arg(lastId);
    case Kind::Duplicated:
        return Tr::tr("record %1 was duplicated: it is a copy of record %2 inserted after it")
            .arg(firstId)
            .arg(firstId - 1);
    case Kind::Truncated:
        return one ? Tr::tr("record %1 was removed: the anchor names it, but the log ends before "
                            "it (the newest records were removed)")
                         .arg(lastId)
                   : Tr::tr("records %1 to %2 were removed: the anchor names record %2, but the "
                            "log ends before it (the newest records were removed)")
                         .arg(firstId)
                         .arg(lastId);
    case Kind::AnchorMismatch:
        return Tr::tr("record %1 does not match the anchor: its hash differs, so the log was "
                      "rewritten up to record %1 since the anchor was taken")
            .arg(firstId);
    }
    return {};
}

void AuditChainVerifier::add(const AuditRecord &record)
{
    if (hasProblem())
        return;
    if (m_pending)
        judge(*m_pending, &record);
    m_pending = record;
}

void AuditChainVerifier::setAnchor(const AuditAnchor &anchor)
{
    m_anchor = anchor;
    m_report.anchor = anchor;
    m_anchorSeen = anchor.id == 0; // an empty log's anchor holds for every log
}

AuditVerifyReport AuditChainVerifier::finish()
{
    if (m_pending && !hasProblem())
        judge(*m_pending, nullptr);
    m_pending.reset();
    if (m_anchor && !m_anchorSeen && !hasProblem())
        fail(AuditChainProblem::Kind::Truncated, m_report.lastId + 1, m_anchor->id);
    return m_report;
}

void AuditChainVerifier::fail(AuditChainProblem::Kind kind, qint64 first, qint64 last)
{
    AuditChainProblem problem;
    problem.kind = kind;
    problem.firstId = first;
    problem.lastId = last;
    m_report.problem = problem;
}

void AuditChainVerifier::accept(const AuditRecord &record)
{
    if (m_anchor && record.id == m_anchor->id) {
        if (record.hash != m_anchor->hash)
            return fail(AuditChainProblem::Kind::AnchorMismatch, record.id, record.id);
        m_anchorSeen = true;
    }
    m_lastHash = record.hash;
    m_report.lastId = record.id;
    ++m_report.checked;
    m_window.emplace_back(record.id, record.hash);
    if (m_window.size() > kWindow)
        m_window.pop_front();
}

void AuditChainVerifier::judge(const AuditRecord &record, const AuditRecord *next)
{
    using Kind = AuditChainProblem::Kind;
    const qint64 lastId = m_report.lastId;
    if (record.id != lastId + 1)
        return fail(Kind::Removed, lastId + 1, record.id - 1);

    const bool contentOk = record.computeHash() == record.hash;
    const bool linkOk = record.prevHash == m_lastHash;
    if (contentOk && linkOk)
        return accept(record);

    // The chain goes around this record: its successor links to our tail.
    if (next && next->id == record.id + 1 && next->prevHash == m_lastHash)
        return fail(Kind::Inserted, record.id, record.id);
    if (!contentOk)
        return fail(Kind::Changed, record.id, record.id);
    // A copy of the record before it (same content, same link): it hashes
    // like its original, and nothing follows it to show the chain skips it.
    if (lastId > 0 && record.hash == m_lastHash)
        return fail(Kind::Duplicated, record.id, record.id);

    // Intact record whose link skips back over records we accepted: those
    // records are foreign to the chain.
    for (auto it = m_window.rbegin(); it != m_window.rend(); ++it) {
        if (it->second == record.prevHash)
            return fail(Kind::Inserted, it->first + 1, lastId);
    }
    if (lastId == 0 && record.prevHash != AuditRecord::genesisHash())
        return fail(Kind::Removed, 1, record.id - 1 > 0 ? record.id - 1 : 1);
    return fail(Kind::ChainBroken, lastId, record.id);
}

} // namespace vipdeck
