#pragma once

// The JSON documents of `vipdeckctl status|vips|servers|events --json`.
// Keys are stable and documented in docs/vipdeckctl.md ("JSON schema"); a
// key is only ever added, never renamed or removed, within a schema version
// (the "schema" key, e.g. "vipdeck.status/2").

#include "app/cli/fleetview.h"

#include <QJsonArray>
#include <QJsonObject>

namespace vipdeck::cli {

QJsonObject errorJson(const Error &error);
// The error's object, or null when there is none.
// A count, id or age that may be unknown (the -1 of the structs): null then.
QJsonValue knownJson(qint64 value);
QJsonValue optionalError(const std::optional<Error> &error);
QJsonObject reasonJson(const Reason &reason);
QJsonObject eventJson(const FleetEvent &event);
QJsonObject vipJson(const Snapshot &snapshot, const FleetVerdicts &verdicts, const Vip &vip,
                    const FleetFilter &filter);
QJsonObject hostJson(const Snapshot &snapshot, const FleetVerdicts &verdicts, const Host &host);
// One observer (fleet.yaml `observers:`): reachability, health, and the
// paths it holds by VIP prefix.
QJsonObject observerJson(const Snapshot &snapshot, const FleetVerdicts &verdicts,
                         const Host &observer);
QJsonObject serverJson(const ServerRow &row, const QDateTime &now);

QJsonObject statusJson(const FleetUpdate &update, const FleetFilter &filter,
                       const QString &fleetFile);
QJsonObject vipsJson(const FleetUpdate &update, const FleetFilter &filter);
QJsonObject serversJson(const FleetUpdate &update, const FleetFilter &filter);
QJsonObject eventsJson(const QList<FleetEvent> &events);

// "healthy", "degraded", ...; a reason of severity Healthy is "info".
QString severityName(Health severity);

} // namespace vipdeck::cli
