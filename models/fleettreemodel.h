#pragma once

// FleetTreeModel: the fleet's structure for navigation: anycast groups, and
// under each group its hosts and its VIPs (with their prefixes).  Built from
// an Inventory; applyUpdate() layers live state on it: each node's health
// (icon and tint, with the word in the tooltip) and its number of problems.

#include "core/fleet/fleetupdate.h"
#include "core/inventory/inventory.h"

#include <QAbstractItemModel>

#include <memory>
#include <vector>

namespace vipdeck {

class FleetTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, DetailColumn, ProblemsColumn, ColumnCount };
    enum class NodeKind { Group, Host, Vip };
    enum Role {
        KindRole = Qt::UserRole + 1, // NodeKind as int
        NameRole,                    // the object's name (group, host or VIP)
        GroupRole,                   // the group it belongs to
        HealthRole,                  // Health as int (Unknown before the first update)
        ProblemsRole,                // number of problems under the node
    };

    explicit FleetTreeModel(QObject *parent = nullptr);
    ~FleetTreeModel() override;

    void setInventory(const Inventory &inventory);
    const Inventory &inventory() const { return m_inventory; }
    // Health and problem counts from a poll; emits dataChanged for nodes that changed.
    void applyUpdate(const FleetUpdate &update);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Node
    {
        NodeKind kind;
        QString name;
        QString detail;
        QString group;
        Health health = Health::Unknown;
        int problems = 0;
        Node *parent = nullptr;
        int row = 0;
        std::vector<std::unique_ptr<Node>> children;
    };

    Node *nodeFor(const QModelIndex &index) const;

    Inventory m_inventory;
    std::vector<std::unique_ptr<Node>> m_groups;
};

} // namespace vipdeck
