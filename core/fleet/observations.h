#pragma once

// Pure functions that turn what the clients read (HaproxyPoll, BirdPoll) into
// the snapshot's observations.  No I/O; tested on parsed captures of the real
// daemons.

#include "core/bird/birdclient.h"
#include "core/fleet/snapshot.h"
#include "core/haproxy/haproxyclient.h"

namespace vipdeck {

// One VIP's HAProxy on one host, read at `time`.
HaproxyObservation haproxyObservation(const HaproxyPoll &poll, const Placement &placement,
                                      const QDateTime &time);

// A host's BIRD, read at `time`.  `vips` are the VIPs placed on this host;
// their announcing protocols are looked up by name.
HostObservation hostObservation(const BirdPoll &poll, const QString &host,
                                const QList<Placement> &placements, const QDateTime &time);

// An observer's BIRD, read at `time`: its BGP paths for each prefix asked
// (routes of other kinds, such as a static blackhole of its own, are no
// LB host's announcement and are left out).
ObserverObservation observerObservation(const BirdObservation &observed, const QString &observer,
                                        const QDateTime &time);

} // namespace vipdeck
