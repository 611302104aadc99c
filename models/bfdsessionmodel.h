#pragma once

// BfdSessionModel: the BFD sessions of every LB host's BIRD, one row per
// (host, neighbor address, interface).  Applied as a diff.

#include "core/fleet/fleetupdate.h"
#include "models/difftablemodel.h"

namespace vipdeck {

class BfdSessionModel : public DiffTableModel
{
    Q_OBJECT
public:
    enum Column {
        HostColumn,
        AddressColumn,
        InterfaceColumn,
        StateColumn,
        SinceColumn,
        ColumnCount
    };
    enum Role {
        HostRole = Qt::UserRole + 1,
        UpRole, // bool
    };

    explicit BfdSessionModel(QObject *parent = nullptr);

    void applyUpdate(const FleetUpdate &update);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString key;
        QString host;
        QString address;
        QString interface;
        BfdState state = BfdState::Unknown;
        QString since;
        bool operator==(const Row &) const = default;
        bool sameColumn(const Row &other, int column) const;
    };
    QList<Row> m_rows;
};

} // namespace vipdeck
