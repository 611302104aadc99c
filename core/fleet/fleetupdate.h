#pragma once

// FleetUpdate: what the poller hands to its listeners after each change: the
// new snapshot, its verdicts and the events since the previous snapshot.  All
// immutable and cheap to copy across threads.

#include "core/fleet/event.h"
#include "core/fleet/snapshot.h"
#include "core/fleet/verdict.h"

#include <QMetaType>

#include <memory>

namespace vipdeck {

struct FleetUpdate
{
    Snapshot snapshot;
    std::shared_ptr<const FleetVerdicts> verdicts = std::make_shared<const FleetVerdicts>();
    QList<FleetEvent> events; // since the previous update
    QStringList hostsUpdated; // hosts whose round finished in this update
};

} // namespace vipdeck

Q_DECLARE_METATYPE(vipdeck::FleetUpdate)
