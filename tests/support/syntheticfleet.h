#pragma once

// A small synthetic fleet for tests of the layers above the poller: four
// hosts, an active-active group (web on lb1+lb2) and a primary-backup group
// (tenant on lb3, backup lb4), every server UP and every prefix announced
// where it should be.  Tests change one thing and look at the result.

#include "core/fleet/snapshot.h"

namespace vipdeck::test {

// The moment the synthetic data is "now".
QDateTime syntheticNow();

// Everything healthy; observations are one second old at syntheticNow().
Snapshot::Data healthyFleet();

// healthyFleet() seen by two observers rr1 (127.0.20.1) and rr2
// (127.0.20.2) that hold every path announced: web's from lb1 (learned from
// 127.0.10.1) and lb2 (next hop 127.0.10.2), tenant's from lb3 passed on by
// another route reflector (originator id 10.0.0.3, lb3's bird.router_id).
Snapshot::Data observedFleet();

// A larger healthy fleet for benchmarks: `vips` VIPs (vip0, vip1, ...) on
// `hosts` hosts lb1, lb2, ... of one active-active group, each with one
// backend `be` of `serversPerBackend` servers (srv0, srv1, ...).
Snapshot::Data scaledFleet(int vips, int serversPerBackend, int hosts = 2);

// The index-th server (s1, s2, s3, spare) of `vip`'s backend on host `h`.
ServerObservation &serverIn(Snapshot::Data &data, const QString &vip, const QString &h, int index);

} // namespace vipdeck::test
