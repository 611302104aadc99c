#pragma once

// BgpSessionModel: the BGP sessions of every LB host's BIRD (neighbor, AS,
// state, since, routes), one row per (host, protocol).  The host view shows
// one host's rows through a proxy filtering on HostRole.  Applied as a diff.

#include "core/fleet/fleetupdate.h"
#include "models/difftablemodel.h"

namespace vipdeck {

class BgpSessionModel : public DiffTableModel
{
    Q_OBJECT
public:
    enum Column {
        HostColumn,
        ProtocolColumn,
        NeighborColumn,
        AsColumn,
        StateColumn,
        SinceColumn,
        ImportedColumn,
        ExportedColumn,
        InfoColumn,
        ColumnCount
    };
    enum Role {
        HostRole = Qt::UserRole + 1,
        EstablishedRole, // bool
    };

    explicit BgpSessionModel(QObject *parent = nullptr);

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
        QString protocol;
        QString neighbor;
        quint32 neighborAs = 0;
        QString state;
        bool established = false;
        QString since;
        qint64 imported = 0;
        qint64 exported = 0;
        QString info;
        bool operator==(const Row &) const = default;
        bool sameColumn(const Row &other, int column) const;
    };
    QList<Row> m_rows;
};

} // namespace vipdeck
