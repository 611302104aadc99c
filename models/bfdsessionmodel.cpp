#include "models/bfdsessionmodel.h"

#include "models/healthstyle.h"

using namespace Qt::StringLiterals;

namespace vipdeck {

bool BfdSessionModel::Row::sameColumn(const Row &other, int column) const
{
    switch (column) {
    case HostColumn:
        return host == other.host;
    case AddressColumn:
        return address == other.address;
    case InterfaceColumn:
        return interface == other.interface;
    case StateColumn:
        return state == other.state;
    case SinceColumn:
        return since == other.since;
    default:
        return true;
    }
}

BfdSessionModel::BfdSessionModel(QObject *parent)
    : DiffTableModel(parent)
{}

void BfdSessionModel::applyUpdate(const FleetUpdate &update)
{
    QList<Row> rows;
    for (const Host &host : update.snapshot.inventory().hosts()) {
        const HostObservation *observation = update.snapshot.host(host.name);
        if (!observation)
            continue;
        for (const BfdSessionObservation &bfd : observation->bfdSessions) {
            Row row;
            row.key = host.name + u'/' + bfd.address + u'%' + bfd.interface;
            row.host = host.name;
            row.address = bfd.address;
            row.interface = bfd.interface;
            row.state = bfd.state;
            row.since = bfd.since;
            rows << std::move(row);
        }
    }
    applyRows(m_rows, std::move(rows), ColumnCount);
}

int BfdSessionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BfdSessionModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BfdSessionModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &row = m_rows[index.row()];
    const Health health = row.state == BfdState::Up ? Health::Healthy : Health::Critical;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case HostColumn:
            return row.host;
        case AddressColumn:
            return row.address;
        case InterfaceColumn:
            return row.interface;
        case StateColumn:
            return bfdStateName(row.state);
        case SinceColumn:
            return row.since;
        default:
            return {};
        }
    case Qt::DecorationRole:
        return index.column() == StateColumn ? QVariant(healthIcon(health)) : QVariant();
    case Qt::BackgroundRole:
        return index.column() == StateColumn ? QVariant(healthTint(health)) : QVariant();
    case HostRole:
        return row.host;
    case UpRole:
        return row.state == BfdState::Up;
    default:
        return {};
    }
}

QVariant BfdSessionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case HostColumn:
        return tr("Host");
    case AddressColumn:
        return tr("Neighbor");
    case InterfaceColumn:
        return tr("Interface");
    case StateColumn:
        return tr("State");
    case SinceColumn:
        return tr("Since");
    default:
        return {};
    }
}

} // namespace vipdeck
