#include "core/audit/auditrecord.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace vipdeck {

QString AuditTarget::label() const
{
    QStringList parts;
    const auto add = [&parts](QLatin1StringView key, const QString &value) {
        if (!value.isEmpty())
            parts << key + u'=' + value;
    };
    add("vip"_L1, vip);
    add("host"_L1, host);
    add("backend"_L1, backend);
    add("server"_L1, server);
    return parts.join(u' ');
}

QString auditOutcomeName(AuditOutcome outcome)
{
    switch (outcome) {
    case AuditOutcome::Ok:
        return u"ok"_s;
    case AuditOutcome::Failed:
        return u"failed"_s;
    case AuditOutcome::Skipped:
        return u"skipped"_s;
    }
    return u"failed"_s;
}

std::optional<AuditOutcome> auditOutcomeFromName(const QString &name)
{
    for (AuditOutcome o : {AuditOutcome::Ok, AuditOutcome::Failed, AuditOutcome::Skipped}) {
        if (auditOutcomeName(o) == name)
            return o;
    }
    return std::nullopt;
}

QString auditKindName(AuditKind kind)
{
    return kind == AuditKind::Intent ? u"intent"_s : u"completion"_s;
}

std::optional<AuditKind> auditKindFromName(const QString &name)
{
    if (name == "intent"_L1)
        return AuditKind::Intent;
    if (name == "completion"_L1)
        return AuditKind::Completion;
    return std::nullopt;
}

namespace {

void appendField(QByteArray &out, const char *key, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    out += key;
    out += '=';
    out += QByteArray::number(utf8.size());
    out += ':';
    out += utf8;
    out += '\n';
}

void appendTarget(QByteArray &out, const AuditTarget &t)
{
    appendField(out, "vip", t.vip);
    appendField(out, "host", t.host);
    appendField(out, "backend", t.backend);
    appendField(out, "server", t.server);
}

} // namespace

QByteArray AuditRecord::canonical() const
{
    QByteArray out = "vipdeck-audit-record-v1\n";
    appendField(out, "kind", auditKindName(kind));
    appendField(out, "intent_id", intentId ? QString::number(*intentId) : QString());
    appendField(out, "time", formatTime(time));
    appendField(out, "operator", operatorName);
    appendField(out, "workstation", workstation);
    appendField(out, "ssh_user", sshUser);
    appendField(out, "action", action);
    appendField(out, "reason", reason);
    appendField(out, "state_before", stateBefore);
    appendField(out, "state_after", stateAfter);
    appendField(out, "targets", QString::number(targets.size()));
    for (const AuditTarget &t : targets)
        appendTarget(out, t);
    appendField(out, "results", QString::number(results.size()));
    for (const AuditTargetResult &r : results) {
        appendTarget(out, r.target);
        appendField(out, "outcome", auditOutcomeName(r.outcome));
        appendField(out, "message", r.message);
    }
    return out;
}

QByteArray AuditRecord::computeHash() const
{
    QCryptographicHash sha(QCryptographicHash::Sha256);
    sha.addData(canonical());
    sha.addData(prevHash);
    return sha.result().toHex();
}

QString AuditRecord::formatTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QByteArray AuditRecord::genesisHash()
{
    return QByteArray(64, '0');
}

QByteArray auditResultsToJson(const QList<AuditTargetResult> &results)
{
    QJsonArray array;
    for (const AuditTargetResult &r : results) {
        array.append(QJsonObject{
            {u"vip"_s, r.target.vip},
            {u"host"_s, r.target.host},
            {u"backend"_s, r.target.backend},
            {u"server"_s, r.target.server},
            {u"outcome"_s, auditOutcomeName(r.outcome)},
            {u"message"_s, r.message},
        });
    }
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

std::optional<QList<AuditTargetResult>> auditResultsFromJson(const QByteArray &json)
{
    if (json.isEmpty())
        return QList<AuditTargetResult>{};
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray())
        return std::nullopt;
    QList<AuditTargetResult> out;
    for (const QJsonValue &v : doc.array()) {
        const QJsonObject o = v.toObject();
        const auto outcome = auditOutcomeFromName(o.value("outcome"_L1).toString());
        if (!outcome)
            return std::nullopt;
        out.append({{o.value("vip"_L1).toString(), o.value("host"_L1).toString(),
                     o.value("backend"_L1).toString(), o.value("server"_L1).toString()},
                    *outcome,
                    o.value("message"_L1).toString()});
    }
    return out;
}

} // namespace vipdeck
