#include "models/bgpsessionmodel.h"

#include "models/healthstyle.h"

using namespace Qt::StringLiterals;

namespace vipdeck {

bool BgpSessionModel::Row::sameColumn(const Row &other, int column) const
{
    switch (column) {
    case HostColumn:
        return host == other.host;
    case ProtocolColumn:
        return protocol == other.protocol;
    case NeighborColumn:
        return neighbor == other.neighbor;
    case AsColumn:
        return neighborAs == other.neighborAs;
    case StateColumn:
        return state == other.state && established == other.established;
    case SinceColumn:
        return since == other.since;
    case ImportedColumn:
        return imported == other.imported;
    case ExportedColumn:
        return exported == other.exported;
    case InfoColumn:
        return info == other.info;
    default:
        return true;
    }
}

BgpSessionModel::BgpSessionModel(QObject *parent)
    : DiffTableModel(parent)
{}

void BgpSessionModel::applyUpdate(const FleetUpdate &update)
{
    QList<Row> rows;
    for (const Host &host : update.snapshot.inventory().hosts()) {
        const HostObservation *observation = update.snapshot.host(host.name);
        if (!observation)
            continue;
        for (const BgpSessionObservation &bgp : observation->bgpSessions) {
            Row row;
            row.key = host.name + u'/' + bgp.protocol;
            row.host = host.name;
            row.protocol = bgp.protocol;
            row.neighbor = bgp.neighborAddress;
            row.neighborAs = bgp.neighborAs;
            row.state = bgpStateName(bgp.state);
            row.established = bgp.state == BgpState::Established;
            row.since = bgp.since;
            row.imported = bgp.routesImported;
            row.exported = bgp.routesExported;
            row.info = bgp.lastError.isEmpty() ? bgp.info : bgp.info + u" — "_s + bgp.lastError;
            rows << std::move(row);
        }
    }
    applyRows(m_rows, std::move(rows), ColumnCount);
}

int BgpSessionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BgpSessionModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BgpSessionModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &row = m_rows[index.row()];
    const Health health = row.established ? Health::Healthy : Health::Critical;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case HostColumn:
            return row.host;
        case ProtocolColumn:
            return row.protocol;
        case NeighborColumn:
            return row.neighbor;
        case AsColumn:
            return row.neighborAs;
        case StateColumn:
            return row.state;
        case SinceColumn:
            return row.since;
        case ImportedColumn:
            return row.imported;
        case ExportedColumn:
            return row.exported;
        case InfoColumn:
            return row.info;
        default:
            return {};
        }
    case Qt::DecorationRole:
        return index.column() == StateColumn ? QVariant(healthIcon(health)) : QVariant();
    case Qt::BackgroundRole:
        return index.column() == StateColumn ? QVariant(healthTint(health)) : QVariant();
    case HostRole:
        return row.host;
    case EstablishedRole:
        return row.established;
    default:
        return {};
    }
}

QVariant BgpSessionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case HostColumn:
        return tr("Host");
    case ProtocolColumn:
        return tr("Protocol");
    case NeighborColumn:
        return tr("Neighbor");
    case AsColumn:
        return tr("AS");
    case StateColumn:
        return tr("State");
    case SinceColumn:
        return tr("Since");
    case ImportedColumn:
        return tr("Imported");
    case ExportedColumn:
        return tr("Exported");
    case InfoColumn:
        return tr("Info");
    default:
        return {};
    }
}

} // namespace vipdeck
