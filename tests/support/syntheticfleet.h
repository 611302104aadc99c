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

// A larger healthy fleet for benchmarks: `vips` VIPs (vip0, vip1, ...) on two
// hosts lb1 and lb2 of one active-active group, each with one backend `be` of
// `serversPerBackend` servers (srv0, srv1, ...).
Snapshot::Data scaledFleet(int vips, int serversPerBackend);

// The index-th server (s1, s2, s3, spare) of `vip`'s backend on host `h`.
ServerObservation &serverIn(Snapshot::Data &data, const QString &vip, const QString &h, int index);

} // namespace vipdeck::test
