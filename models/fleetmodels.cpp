#include "models/fleetmodels.h"

namespace vipdeck {

FleetModels::FleetModels(QObject *parent)
    : QObject(parent)
{}

void FleetModels::setInventory(const Inventory &inventory)
{
    m_tree.setInventory(inventory);
    // Until the first poll ends the views show the fleet with every state unknown.
    Snapshot::Data empty;
    empty.inventory = inventory;
    empty.time = QDateTime::currentDateTimeUtc();
    FleetUpdate update;
    update.snapshot = Snapshot(std::move(empty));
    update.verdicts = std::make_shared<const FleetVerdicts>(
        evaluateFleet(update.snapshot, update.snapshot.time()));
    applyUpdate(update);
}

void FleetModels::applyUpdate(const FleetUpdate &update)
{
    m_latest = update;
    m_matrix.applyUpdate(update);
    m_servers.applyUpdate(update);
    m_bgp.applyUpdate(update);
    m_bfd.applyUpdate(update);
    m_tree.applyUpdate(update);
    m_events.addEvents(update.events);
    m_series.append(update.snapshot);
    emit updated();
}

} // namespace vipdeck
