#pragma once

// Builds a FleetUpdate the way the poller does (snapshot, verdicts at the
// synthetic "now", events since the previous snapshot) for model tests.

#include "core/fleet/fleetupdate.h"

namespace vipdeck::test {

FleetUpdate makeUpdate(Snapshot::Data data, const Snapshot &previous = {});

} // namespace vipdeck::test
