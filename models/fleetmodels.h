#pragma once

// FleetModels: every model of the console, fed from one place.  The main
// window hands each poller update to applyUpdate() on the GUI thread; the
// views only read the models.

#include "core/fleet/fleetupdate.h"
#include "models/bfdsessionmodel.h"
#include "models/bgpsessionmodel.h"
#include "models/eventlogmodel.h"
#include "models/fleettreemodel.h"
#include "models/servertablemodel.h"
#include "models/timeseriesstore.h"
#include "models/viphostmatrixmodel.h"

#include <QObject>

namespace vipdeck {

class FleetModels : public QObject
{
    Q_OBJECT
public:
    explicit FleetModels(QObject *parent = nullptr);

    // A new fleet: the tree is rebuilt; the other models follow with the first update.
    void setInventory(const Inventory &inventory);
    void applyUpdate(const FleetUpdate &update);
    const FleetUpdate &latest() const { return m_latest; }

    VipHostMatrixModel *matrix() { return &m_matrix; }
    ServerTableModel *servers() { return &m_servers; }
    BgpSessionModel *bgp() { return &m_bgp; }
    BfdSessionModel *bfd() { return &m_bfd; }
    FleetTreeModel *tree() { return &m_tree; }
    EventLogModel *events() { return &m_events; }
    TimeSeriesStore *series() { return &m_series; }

signals:
    void updated(); // after every model took the update

private:
    VipHostMatrixModel m_matrix;
    ServerTableModel m_servers;
    BgpSessionModel m_bgp;
    BfdSessionModel m_bfd;
    FleetTreeModel m_tree;
    EventLogModel m_events;
    TimeSeriesStore m_series;
    FleetUpdate m_latest;
};

} // namespace vipdeck
