#include "core/haproxy/serverstaterow.h"

#include "core/haproxy/haproxytr.h"
#include "core/haproxy/replytext.h"

#include <array>

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
    // The columns read, resolved to their positions once per reply.
    enum Column {
        BeId,
        BeName,
        SrvId,
        SrvName,
        SrvOpState,
        SrvAdminState,
        SrvUWeight,
        SrvIWeight,
        SrvTimeSinceLastChange,
        SrvCheckStatus,
        SrvCheckResult,
        SrvCheckHealth,
        SrvCheckState,
        SrvAgentState,
        SrvPort,
        SrvAddr,
        SrvFqdn,
        ColumnCount
    };
    static constexpr const char *names[ColumnCount] = {"be_id",
                                                       "be_name",
                                                       "srv_id",
                                                       "srv_name",
                                                       "srv_op_state",
                                                       "srv_admin_state",
                                                       "srv_uweight",
                                                       "srv_iweight",
                                                       "srv_time_since_last_change",
                                                       "srv_check_status",
                                                       "srv_check_result",
                                                       "srv_check_health",
                                                       "srv_check_state",
                                                       "srv_agent_state",
                                                       "srv_port",
                                                       "srv_addr",
                                                       "srv_fqdn"};
    const std::array<qsizetype, ColumnCount> index = columnPositions(header, names);
    for (const Column required :
         {BeId, BeName, SrvId, SrvName, SrvOpState, SrvAdminState, SrvUWeight, SrvIWeight}) {
        if (index[required] < 0) {
            return Error(ErrorCode::Parse,
                         HaproxyTr::tr("The header has no \"%1\" column.")
                             .arg(QString::fromLatin1(names[required])),
                         lineWhere(command, 2));
        }
    }

    QList<ServerStateRow> rows;
    rows.reserve(lines->size() - 2);
    QList<QByteArray> fields;
    RepeatedText backendText; // every row of a backend names it
    for (qsizetype lineNo = 3; lineNo <= lines->size(); ++lineNo) {
        const QByteArray &line = lines->at(lineNo - 1);
        const auto where = [&] { return lineWhere(command, lineNo); };
        splitReferring(line, ' ', fields);
        if (fields.size() != header.size()) {
            return Error(ErrorCode::Parse,
                         HaproxyTr::tr("The row has %1 fields but the header has %2: the reply is "
                                       "cut off or garbled.")
                             .arg(fields.size())
                             .arg(header.size()),
                         where(), {}, excerpt(line));
        }
        const auto get = [&](Column column) {
            const qsizetype i = index[column];
            return i >= 0 ? fields.at(i) : QByteArray();
        };
        ServerStateRow row;
        row.backend = backendText(get(BeName));
        row.server = QString::fromUtf8(get(SrvName));
        row.address = QString::fromUtf8(get(SrvAddr));
        const QByteArray fqdn = get(SrvFqdn);
        row.fqdn = fqdn == "-" ? QString() : QString::fromUtf8(fqdn);
        if (row.backend.isEmpty() || row.server.isEmpty()) {
            return Error(ErrorCode::Parse, HaproxyTr::tr("The row has no backend or server name."),
                         where(), {}, excerpt(line));
        }
        qint64 opState = 0;
        qint64 adminState = 0;
        const struct
        {
            Column column;
            qint64 *target;
        } numbers[] = {
            {BeId, &row.backendId},
            {SrvId, &row.serverId},
            {SrvOpState, &opState},
            {SrvAdminState, &adminState},
            {SrvUWeight, &row.userWeight},
            {SrvIWeight, &row.initialWeight},
            {SrvTimeSinceLastChange, &row.secondsSinceChange},
            {SrvCheckStatus, &row.checkStatus},
            {SrvCheckResult, &row.checkResult},
            {SrvCheckHealth, &row.checkHealth},
            {SrvCheckState, &row.checkState},
            {SrvAgentState, &row.agentState},
            {SrvPort, &row.port},
        };
        for (const auto &number : numbers) {
            // Absent optional columns read as empty and give 0.
            const QByteArray field = get(number.column);
            if (!toInteger(field, 0, number.target)) {
                return parseInteger(field, QString::fromLatin1(names[number.column]), where(), 0)
                    .error();
            }
        }
        if (opState < 0 || opState > 3) {
            return Error(ErrorCode::Parse,
                         HaproxyTr::tr("srv_op_state %1 is not a known state (0-3).").arg(opState),
                         where());
        }
        if (adminState < 0 || adminState > 0xffff) {
            return Error(ErrorCode::Parse,
                         HaproxyTr::tr("srv_admin_state %1 is out of range.").arg(adminState),
                         where());
        }
        row.operationalState = static_cast<OperationalState>(opState);
        row.adminStateRaw = static_cast<unsigned>(adminState);
        row.adminFlags = AdminFlags::fromInt(static_cast<int>(adminState & 0x7f));
        rows.append(std::move(row));
    }
    return rows;
}

} // namespace vipdeck
