#include "core/audit/auditexport.h"

#include "core/common/csvfield.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace vipdeck {

QStringList auditCsvColumns()
{
    return {u"id"_s,        u"time"_s,     u"kind"_s,         u"intent_id"_s,   u"completed_by"_s,
            u"status"_s,    u"operator"_s, u"workstation"_s,  u"ssh_user"_s,    u"action"_s,
            u"targets"_s,   u"reason"_s,   u"state_before"_s, u"state_after"_s, u"results"_s,
            u"prev_hash"_s, u"hash"_s};
}

QString auditCsvRow(const QStringList &fields)
{
    // Every field is neutralised as text: the numeric ones (ids) are never
    // negative, so none of them can start like a formula.
    QStringList quoted;
    quoted.reserve(fields.size());
    for (const QString &f : fields)
        quoted << csvField(f);
    return quoted.join(u',') + u"\r\n"_s;
}

QString auditTargetsText(const QList<AuditTarget> &targets)
{
    QStringList labels;
    for (const AuditTarget &t : targets)
        labels << t.label();
    return labels.join(u"; "_s);
}

QString auditRecordStatus(const AuditRecord &r)
{
    if (r.kind == AuditKind::Intent)
        return r.completedBy ? u"complete"_s : u"incomplete"_s;
    qsizetype failed = 0;
    qsizetype skipped = 0;
    for (const AuditTargetResult &res : r.results) {
        failed += res.outcome == AuditOutcome::Failed;
        skipped += res.outcome == AuditOutcome::Skipped;
    }
    if (failed)
        return u"failed %1 of %2"_s.arg(failed).arg(r.results.size());
    if (skipped)
        return u"skipped %1 of %2"_s.arg(skipped).arg(r.results.size());
    return u"ok"_s;
}

QStringList auditRecordCsvFields(const AuditRecord &r)
{
    return {QString::number(r.id),
            AuditRecord::formatTime(r.time),
            auditKindName(r.kind),
            r.intentId ? QString::number(*r.intentId) : QString(),
            r.completedBy ? QString::number(*r.completedBy) : QString(),
            auditRecordStatus(r),
            r.operatorName,
            r.workstation,
            r.sshUser,
            r.action,
            auditTargetsText(r.targets),
            r.reason,
            r.stateBefore,
            r.stateAfter,
            QString::fromUtf8(auditResultsToJson(r.results)),
            QString::fromLatin1(r.prevHash),
            QString::fromLatin1(r.hash)};
}

namespace {
QJsonObject targetToJson(const AuditTarget &t)
{
    return {
        {u"vip"_s, t.vip}, {u"host"_s, t.host}, {u"backend"_s, t.backend}, {u"server"_s, t.server}};
}
} // namespace

QJsonObject auditRecordToJson(const AuditRecord &r)
{
    QJsonArray targets;
    for (const AuditTarget &t : r.targets)
        targets.append(targetToJson(t));
    QJsonArray results;
    for (const AuditTargetResult &res : r.results) {
        QJsonObject o = targetToJson(res.target);
        o.insert(u"outcome"_s, auditOutcomeName(res.outcome));
        o.insert(u"message"_s, res.message);
        results.append(o);
    }
    const auto optionalId = [](const std::optional<qint64> &id) {
        return id ? QJsonValue(double(*id)) : QJsonValue(QJsonValue::Null);
    };
    return {{u"id"_s, double(r.id)},
            {u"time"_s, AuditRecord::formatTime(r.time)},
            {u"kind"_s, auditKindName(r.kind)},
            {u"intent_id"_s, optionalId(r.intentId)},
            {u"completed_by"_s, optionalId(r.completedBy)},
            {u"status"_s, auditRecordStatus(r)},
            {u"operator"_s, r.operatorName},
            {u"workstation"_s, r.workstation},
            {u"ssh_user"_s, r.sshUser},
            {u"action"_s, r.action},
            {u"targets"_s, targets},
            {u"reason"_s, r.reason},
            {u"state_before"_s, r.stateBefore},
            {u"state_after"_s, r.stateAfter},
            {u"results"_s, results},
            {u"prev_hash"_s, QString::fromLatin1(r.prevHash)},
            {u"hash"_s, QString::fromLatin1(r.hash)}};
}

} // namespace vipdeck
