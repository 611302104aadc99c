#pragma once

// ServerStateRow: one server of `show servers state`, and
// parseShowServersState(), its parser.  This is the reliable source of the
// *administrative* state: srv_admin_state is a bit mask that says who put a
// server in drain or maintenance (the admin, a tracked server, the config,
// DNS resolution), which `show stat` cannot tell apart.

#include "core/common/result.h"

#include <QByteArray>
#include <QFlags>
#include <QList>
#include <QString>

namespace vipdeck {

// srv_admin_state bits (SRV_ADMF_* in HAProxy's server-t.h).
enum class AdminFlag : unsigned {
    ForcedMaint = 0x01,     // FMAINT: `set server ... state maint` (or `disable server`)
    InheritedMaint = 0x02,  // IMAINT: the tracked server is in maintenance
    ConfigMaint = 0x04,     // CMAINT: `disabled` in the configuration
    ForcedDrain = 0x08,     // FDRAIN: `set server ... state drain`, or an agent's "drain"
    InheritedDrain = 0x10,  // IDRAIN: the tracked server is draining
    ResolutionMaint = 0x20, // RMAINT: DNS resolution failed
    HostnameMaint = 0x40,   // HMAINT: `set server ... fqdn` pending
};
Q_DECLARE_FLAGS(AdminFlags, AdminFlag)
Q_DECLARE_OPERATORS_FOR_FLAGS(AdminFlags)

// srv_op_state (SRV_ST_*).
enum class OperationalState { Stopped = 0, Starting = 1, Running = 2, Stopping = 3 };

// Who holds a server in drain or maintenance, most specific first.
enum class AdminCause { None, Operator, Tracking, Configuration, Resolution, Hostname };

struct ServerStateRow
{
    qint64 backendId = 0;
    QString backend;
    qint64 serverId = 0;
    QString server;
    QString address;
    OperationalState operationalState = OperationalState::Stopped;
    AdminFlags adminFlags;
    unsigned adminStateRaw = 0; // the mask as printed, unknown bits included
    qint64 userWeight = 0;      // srv_uweight
    qint64 initialWeight = 0;   // srv_iweight
    qint64 secondsSinceChange = 0;
    qint64 checkStatus = 0;
    qint64 checkResult = 0;
    qint64 checkHealth = 0;
    qint64 checkState = 0;
    qint64 agentState = 0;
    QString fqdn; // "-" in the reply becomes empty
    qint64 port = 0;

    bool inMaintenance() const;
    bool isDraining() const; // drain bits set (and not in maintenance)
    AdminCause maintenanceCause() const;
    AdminCause drainCause() const;

    bool operator==(const ServerStateRow &other) const = default;
};

// Parses a whole `show servers state` reply: format version line "1", a
// "# be_id be_name ..." header, then one space-separated row per server.
// Columns are found by name.  Fails (ErrorCode::Parse) on another format
// version, a missing header or required column, a row whose field count
// differs from the header's, or a malformed number.
Result<QList<ServerStateRow>> parseShowServersState(const QByteArray &reply);

} // namespace vipdeck
