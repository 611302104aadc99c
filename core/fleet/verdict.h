#pragma once

// Verdicts: what the snapshot means, per (VIP, host), per VIP and per host:
// healthy / degraded / critical / unknown, each with its reasons in plain
// words.  Unknown is never shown as healthy.  evaluateFleet() is a pure
// function of a snapshot and the time of evaluation.

#include "core/fleet/snapshot.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace vipdeck {

// Ordered by how much attention it needs: a known problem outranks missing data.
enum class Health { Healthy = 0, Unknown = 1, Degraded = 2, Critical = 3 };

// The word for people, translated ("healthy", "gesund"); machines get
// healthKey().
QString healthName(Health health);
// The stable machine name: "healthy", "unknown", "degraded", "critical";
// healthFromKey() reads it back (nothing for another word).
QString healthKey(Health health);
std::optional<Health> healthFromKey(QStringView key);
Health worse(Health a, Health b);

struct Reason
{
    Health severity = Health::Healthy; // Healthy: worth knowing, not alarming
    QString text;                      // one sentence, names the host/backend/server
    QString host;
    QString backend;
    QString server;
};

// Whether a host exports a VIP's prefix over BGP.  Unknown is never
// withdrawn: the route reflectors may still hold the host's path.
enum class Announcement { Announced, Withdrawn, Unknown };

// "announced", "withdrawn", "unknown" (translated); machines get
// announcementKey().
QString announcementName(Announcement announcement);
QString announcementKey(Announcement announcement);

// A service backend's usable servers against what its VIP needs
// (min_up_servers), as last read.
struct BackendCapacity
{
    QString backend;
    int usable = 0; // UP and ready (backups too when the backend has only backups)
    int needed = 1;
    bool below() const { return usable < needed; }
};

struct Verdict
{
    Health health = Health::Unknown;
    QList<Reason> reasons; // worst first
    // (VIP, host): the prefix as last read; with `announcement` Unknown this
    // is only the last known state, for the rules, never for display.
    bool announced = false;
    Announcement announcement = Announcement::Unknown; // (VIP, host)
    QString announcementUnknownWhy;                    // why it is Unknown
    // (VIP, host): each service backend's usable servers, when HAProxy was
    // read; the history's "time below min_up_servers".
    QList<BackendCapacity> capacity;
    // The fabric's view, when fleet.yaml lists observers: those holding the
    // host's path for the VIP (placement) or any path for it (VIP), those
    // holding none, and those that could not be read.
    QStringList heldBy;
    QStringList notHeldBy;
    QStringList observersUnread;
    // The host's BIRD could not be read; `announcement` is what the
    // observers hold (never set without at least one observer read).
    bool announcementFromFabric = false;
    QDateTime dataTime;  // oldest data this verdict rests on
    qint64 ageSecs = -1; // its age at evaluation; -1 no data
    bool stale = false;  // older than the stale limit

    void add(Health severity, QString text, QString host = {}, QString backend = {},
             QString server = {});
    // The observers that decided the announcement (those holding the path
    // when announced, those holding none when withdrawn); empty unless
    // announcementFromFabric.
    QStringList decidedBy() const;
    QString summary() const; // the worst reason, or "healthy"
};

struct FleetVerdicts
{
    QHash<QString, Verdict> placements; // by Snapshot::key(vip, host)
    QHash<QString, Verdict> vips;       // by VIP name
    QHash<QString, Verdict> hosts;      // by host name
    QHash<QString, Verdict> observers;  // by observer name

    const Verdict *placement(const QString &vip, const QString &host) const;
};

struct VerdictOptions
{
    // Data older than this many poll intervals counts as stale.
    int staleAfterIntervals = 3;
    // Data read at or after this time is never stale, however old: what a
    // one-shot poll round read is the newest there is, even when the round
    // waited for a hung daemon elsewhere.  Null: age alone decides.
    QDateTime freshSince;
};

FleetVerdicts evaluateFleet(const Snapshot &snapshot, const QDateTime &now,
                            const VerdictOptions &options = {});

// Drift: one server of a VIP's backend in different admin states or with
// different weights on the VIP's hosts (drained on lb1, ready on lb2).  The
// one rule behind the verdict's "drift:" reasons and the Servers tab's Drift
// column and filter.  Only hosts whose HAProxy was read count.
struct ServerDrift
{
    struct Seen
    {
        QString host;
        AdminState admin = AdminState::Ready;
        int weight = 0;
    };
    QString backend;
    QString server;
    bool adminDiffers = false;
    bool weightDiffers = false;
    QList<Seen> seen; // in the VIP's placement order
};
QList<ServerDrift> serverDrifts(const Vip &vip, const Snapshot &snapshot);

} // namespace vipdeck
