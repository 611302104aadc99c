#include "tests/models/fleetupdates.h"

#include "tests/support/syntheticfleet.h"

namespace vipdeck::test {

FleetUpdate makeUpdate(Snapshot::Data data, const Snapshot &previous)
{
    static quint64 sequence = 0;
    data.sequence = ++sequence;
    FleetUpdate update;
    update.snapshot = Snapshot(std::move(data));
    update.verdicts =
        std::make_shared<const FleetVerdicts>(evaluateFleet(update.snapshot, syntheticNow()));
    update.events = diffSnapshots(previous, update.snapshot);
    return update;
}

} // namespace vipdeck::test
