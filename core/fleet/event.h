#pragma once

// FleetEvent: one change between two consecutive snapshots (a server went
// DOWN, a VIP was withdrawn on a host, a BGP session dropped, HAProxy was
// reloaded, a host became unreachable), with its time, place and the state
// before and after.  diffSnapshots() is a pure function.

#include "core/fleet/snapshot.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace vipdeck {

struct FleetEvent
{
    enum class Kind {
        ServerStatus, // operational state (UP, DOWN, ...)
        ServerAdmin,  // ready / drain / maint
        ServerWeight,
        VipAnnounced,
        VipWithdrawn,
        BgpSession,
        BfdSession,
        HaproxyReloaded, // a new worker process
        HaproxyUnreachable,
        HaproxyReachable,
        HostUnreachable,
        HostReachable,
    };
    enum class Severity { Info, Warning, Problem };

    QDateTime time;
    Kind kind = Kind::ServerStatus;
    Severity severity = Severity::Info;
    QString host;
    QString vip;
    QString backend;
    QString server;
    QString protocol; // BGP/BFD: the session
    QString before;
    QString after;
    QString text; // one sentence for people

    // "web-07", "lb1", "web@lb1": the object it names, for linking and filtering.
    QString subject() const;
};

QString eventKindName(FleetEvent::Kind kind);

QList<FleetEvent> diffSnapshots(const Snapshot &before, const Snapshot &after);

} // namespace vipdeck
