#include "core/haproxy/serverstaterow.h"

#include "core/haproxy/haproxytr.h"
#include "core/haproxy/replytext.h"

#include <QHash>

using namespace Qt::StringLiterals;
using namespace vipdeck::haproxy_detail;

namespace vipdeck {

bool ServerStateRow::inMaintenance() const
{
    return maintenanceCause() != AdminCause::None;
}

bool ServerStateRow::isDraining() const
{
    return !inMaintenance() && drainCause() != AdminCause::None;
}

AdminCause ServerStateRow::maintenanceCause() const
{
    if (adminFlags.testFlag(AdminFlag::ForcedMaint))
        return AdminCause::Operator;
    if (adminFlags.testFlag(AdminFlag::ConfigMaint))
        return AdminCause::Configuration;
    if (adminFlags.testFlag(AdminFlag::InheritedMaint))
        return AdminCause::Tracking;
    if (adminFlags.testFlag(AdminFlag::ResolutionMaint))
        return AdminCause::Resolution;
    if (adminFlags.testFlag(AdminFlag::HostnameMaint))
        return AdminCause::Hostname;
    return AdminCause::None;
}

AdminCause ServerStateRow::drainCause() const
{
    if (adminFlags.testFlag(AdminFlag::ForcedDrain))
        return AdminCause::Operator;
    if (adminFlags.testFlag(AdminFlag::InheritedDrain))
        return AdminCause::Tracking;
    return AdminCause::None;
}

Result<QList<ServerStateRow>> parseShowServersState(const QByteArray &reply)
{
    const QString command = u"show servers state"_s;
    auto lines = replyLines(reply, command);
    if (!lines)
        return lines.error();
    if (lines->isEmpty()) {
        return Error(ErrorCode::Parse, HaproxyTr::tr("The reply is empty."), command,
                     HaproxyTr::tr("Is this socket an HAProxy stats socket?"));
    }
    if (lines->constFirst() != "1") {
        return Error(ErrorCode::Unsupported,
                     HaproxyTr::tr("Unsupported server state format \"%1\" (vipdeck reads "
                                   "version 1).")
                         .arg(excerpt(lines->constFirst(), 40)),
                     lineWhere(command, 1));
    }
    if (lines->size() < 2 || !lines->at(1).startsWith("# ")) {
        return Error(ErrorCode::Parse,
                     HaproxyTr::tr("The column header \"# be_id ...\" is missing."),
                     lineWhere(command, 2));
    }
    const QList<QByteArray> header = lines->at(1).mid(2).split(' ');
    QHash<QByteArray, qsizetype> index;
    for (qsizetype i = 0; i < header.size(); ++i)
        index.insert(header.at(i), i);
    for (const char *required : {"be_id", "be_name", "srv_id", "srv_name", "srv_op_state",
                                 "srv_admin_state", "srv_uweight", "srv_iweight"}) {
        if (!index.contains(QByteArray(required))) {
            return Error(ErrorCode::Parse,
                         HaproxyTr::tr("The header has no \"%1\" column.")
                             .arg(QString::fromLatin1(required)),
                         lineWhere(command, 2));
        }
    }

    QList<ServerStateRow> rows;
    for (qsizetype lineNo = 3; lineNo <= lines->size(); ++lineNo) {
        const QByteArray &line = lines->at(lineNo - 1);
        const QString where = lineWhere(command, lineNo);
        const QList<QByteArray> fields = line.split(' ');
        if (fields.size() != header.size()) {
            return Error(ErrorCode::Parse,
                         HaproxyTr::tr("The row has %1 fields but the header has %2: the reply is "
                                       "cut off or garbled.")
                             .arg(fields.size())
                             .arg(header.size()),
                         where, {}, excerpt(line));
        }
        const auto get = [&](const char *name) {
            const qsizetype i = index.value(QByteArray(name), -1);
            return i >= 0 ? fields.at(i) : QByteArray();
        };
        ServerStateRow row;
        row.backend = QString::fromUtf8(get("be_name"));
        row.server = QString::fromUtf8(get("srv_name"));
        row.address = QString::fromUtf8(get("srv_addr"));
        const QByteArray fqdn = get("srv_fqdn");
        row.fqdn = fqdn == "-" ? QString() : QString::fromUtf8(fqdn);
        if (row.backend.isEmpty() || row.server.isEmpty()) {
            return Error(ErrorCode::Parse, HaproxyTr::tr("The row has no backend or server name."),
                         where, {}, excerpt(line));
        }
        qint64 opState = 0;
        qint64 adminState = 0;
        const struct
        {
            const char *column;
            qint64 *target;
        } numbers[] = {
            {"be_id", &row.backendId},
            {"srv_id", &row.serverId},
            {"srv_op_state", &opState},
            {"srv_admin_state", &adminState},
            {"srv_uweight", &row.userWeight},
            {"srv_iweight", &row.initialWeight},
            {"srv_time_since_last_change", &row.secondsSinceChange},
            {"srv_check_status", &row.checkStatus},
            {"srv_check_result", &row.checkResult},
            {"srv_check_health", &row.checkHealth},
            {"srv_check_state", &row.checkState},
            {"srv_agent_state", &row.agentState},
            {"srv_port", &row.port},
        };
        for (const auto &number : numbers) {
            // Absent optional columns read as empty and give 0.
            auto value =
                parseInteger(get(number.column), QString::fromLatin1(number.column), where, 0);
            if (!value)
                return value.error();
            *number.target = *value;
        }
        if (opState < 0 || opState > 3) {
            return Error(ErrorCode::Parse,
                         HaproxyTr::tr("srv_op_state %1 is not a known state (0-3).").arg(opState),
                         where);
        }
        if (adminState < 0 || adminState > 0xffff) {
            return Error(ErrorCode::Parse,
                         HaproxyTr::tr("srv_admin_state %1 is out of range.").arg(adminState),
                         where);
        }
        row.operationalState = static_cast<OperationalState>(opState);
        row.adminStateRaw = static_cast<unsigned>(adminState);
        row.adminFlags = AdminFlags::fromInt(static_cast<int>(adminState & 0x7f));
        rows.append(std::move(row));
    }
    return rows;
}

} // namespace vipdeck
