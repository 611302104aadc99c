#pragma once

// HistoryState: what the history store follows, one value per subject per
// poll: each (VIP, host)'s verdict and announcement, each VIP's and host's
// verdict, host reachability, each HAProxy process, each server's status and
// admin state, each BGP and BFD session.  historyStates() is a pure function
// of a snapshot and its verdicts; the recorder (historyrecorder.h) turns the
// changes between polls into spans with a start and an end.

#include "core/fleet/snapshot.h"
#include "core/fleet/verdict.h"

#include <QList>
#include <QString>

#include <optional>

namespace vipdeck {

enum class HistoryKind {
    Placement,    // verdict of (VIP, host): healthy, degraded, critical, unknown
    Announcement, // (VIP, host): announced, withdrawn, unknown
    Vip,          // verdict of the VIP
    Host,         // verdict of the host
    Reachability, // the host's SSH connection: reachable, unreachable, unknown
    Haproxy,      // (VIP, host): running (detail: its pid), unreachable, unknown
    ServerStatus, // HAProxy's status word: UP, DOWN, NOLB, MAINT, ..., unknown
    ServerAdmin,  // ready, drain, maint, unknown
    Bgp,          // (host, protocol): Established, Idle, ..., unknown
    Bfd,          // (host, neighbor address): Up, Down, ..., unknown
    Capacity,     // (VIP, host): "ok" or "below" min_up_servers (detail: which backend), unknown
};

// Stable names, as stored: "placement", "server-status", ...
QString historyKindKey(HistoryKind kind);
std::optional<HistoryKind> historyKindFromKey(QStringView key);

struct HistorySubject
{
    HistoryKind kind = HistoryKind::Placement;
    QString host;
    QString vip;
    QString backend;
    QString server;
    QString protocol; // BGP: the BIRD protocol; BFD: the neighbor's address[%interface]

    // Unique within a kind's subjects, for maps.
    QString key() const;
    bool operator==(const HistorySubject &other) const = default;
};

struct HistoryState
{
    HistorySubject subject;
    QString state;  // "critical", "announced", "DOWN", "drain", "Established"
    QString detail; // why: the verdict's reasons, the error, the pid
    // A new span starts when this differs: the state, and for HAProxy the
    // pid too (a reload is a new process).
    bool sameAs(const HistoryState &other) const;
};

// The states every subject of `snapshot` is in.  What the snapshot does not
// know now (a host that did not answer, HAProxy that could not be read) is
// "unknown", never its last known value.
QList<HistoryState> historyStates(const Snapshot &snapshot, const FleetVerdicts &verdicts);

// A time of the store (milliseconds since the epoch) for messages:
// "2026-12-07 06:00:00 UTC".
QString historyTimeText(qint64 ms);

} // namespace vipdeck
