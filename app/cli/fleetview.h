#pragma once

// What the read commands show of a FleetUpdate, selected by the command
// line's filters: the VIPs and hosts in inventory order, and the server rows
// of `vipdeckctl servers`.  Pure functions, shared by the text and JSON
// renderings so both always show the same selection.

#include "core/fleet/fleetupdate.h"

#include <QRegularExpression>
#include <QString>

#include <optional>

namespace vipdeck::cli {

struct FleetFilter
{
    QString vip;         // exact name; empty: all
    QString host;        // exact name; empty: all
    QString namePattern; // servers: glob on the server name ("web-*"); empty: all
    QString state;       // servers: up, down, drain or maint; empty: all

    bool matchesVip(const QString &name) const { return vip.isEmpty() || vip == name; }
    bool matchesHost(const QString &name) const { return host.isEmpty() || host == name; }
};

// "up", "down", "drain" or "maint": the one word `servers --state` filters on.
// Admin states win over the check result (a server in maintenance is "maint").
QString serverStateWord(const ServerObservation &server);

// A (VIP, host) whose HAProxy could not be read in the last poll: the
// servers list is incomplete there (or rests on older data).
struct UnreadPlacement
{
    QString vip;
    QString host;
    QString reason;       // the error, or "not read yet"
    qint64 olderDataSecs; // age of the older data still shown; -1 none
};

// The selected placements whose HAProxy could not be read, in inventory order.
QList<UnreadPlacement> unreadPlacements(const Snapshot &snapshot, const FleetFilter &filter);

struct ServerRow
{
    QString vip;
    QString host;
    const ServerObservation *server = nullptr;
    const HaproxyObservation *haproxy = nullptr;
};

// Every server of the snapshot that passes the filter, in inventory order
// (VIP, then host, then backend and server as HAProxy lists them).
QList<ServerRow> selectServers(const Snapshot &snapshot, const FleetFilter &filter);

// The VIPs (inventory order) and hosts that pass the filter.  A host filter
// keeps the VIPs placed on that host.
QList<const Vip *> selectVips(const Snapshot &snapshot, const FleetFilter &filter);
QList<const Host *> selectHosts(const Snapshot &snapshot, const FleetFilter &filter);

// How many hosts announce `vip`; nothing while one host's announcement is unknown.
std::optional<int> announcingHosts(const FleetVerdicts &verdicts, const Vip &vip);

// Events that concern the filtered VIP/host.
QList<FleetEvent> selectEvents(const QList<FleetEvent> &events, const FleetFilter &filter);

// Hosts whose SSH connection did not answer in the snapshot.
QStringList unreachableHosts(const Snapshot &snapshot);

// Checks that --vip and --host name things of the inventory; a usage error
// naming the choices otherwise.
Result<void> validateFilter(const Inventory &inventory, const FleetFilter &filter);

} // namespace vipdeck::cli
