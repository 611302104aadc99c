#pragma once

// FleetTreeModel: the fleet's structure for navigation: anycast groups, and
// under each group its hosts and its VIPs (with their prefixes); each VIP
// opens into its HAProxy backends and each backend into its servers, merged
// over the hosts the VIP is placed on.  Built from an Inventory; applyUpdate()
// layers live state on it: each node's health (icon and tint, with the word
// in the tooltip), its number of problems and, from the VIP down, how many
// server placements are DOWN, DRAIN, MAINT or NOLB ("3 DOWN, 1 DRAIN").
// Backends and servers come and go with the polls: rows are inserted, removed
// and changed in place, never reset, so open branches and the selection stay.

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
    enum class NodeKind { Group, Host, Vip, Backend, Server };
    enum Role {
        KindRole = Qt::UserRole + 1, // NodeKind as int
        NameRole,                    // the object's name (group, host, VIP, backend or server)
        GroupRole,                   // the group it belongs to
        HealthRole,                  // Health as int (Unknown before the first update)
        ProblemsRole,    // groups, hosts, VIPs: problems in the verdicts; backends and servers:
                         // server placements that are DOWN, DRAIN, MAINT or NOLB
        VipRole,         // VIPs, backends and servers: the VIP
        BackendRole,     // backends and servers: the backend
        StateCountsRole, // groups, VIPs, backends, servers: "3 DOWN, 1 DRAIN" (empty: none)
    };

    explicit FleetTreeModel(QObject *parent = nullptr);
    ~FleetTreeModel() override;

    void setInventory(const Inventory &inventory);
    const Inventory &inventory() const { return m_inventory; }
    // Live state from a poll: backends and servers inserted and removed as they
    // appear and vanish, dataChanged only for nodes whose shown state changed.
    void applyUpdate(const FleetUpdate &update);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Server placements in a state that needs a look, by kind.
    struct StateCounts
    {
        int down = 0;
        int drain = 0;
        int maint = 0;
        int nolb = 0;

        int total() const { return down + drain + maint + nolb; }
        QString text() const; // "3 DOWN, 1 DRAIN"; empty when all are zero
        StateCounts &operator+=(const StateCounts &other);
        bool operator==(const StateCounts &) const = default;
    };
    // One server as one host's HAProxy sees it.
    struct ServerOnHost
    {
        QString host;
        QString status; // as HAProxy printed it
        ServerState state = ServerState::Unknown;
        AdminState admin = AdminState::Ready;
        int weight = 0;
        int initialWeight = 0;
        bool backup = false;
        bool usable = false;

        bool operator==(const ServerOnHost &) const = default;
    };

private:
    struct Node
    {
        NodeKind kind;
        QString name;
        QString detail;
        QString group;
        QString vip;
        QString backend;
        Health health = Health::Unknown;
        int problems = 0;
        StateCounts counts;
        QStringList reasons;               // backends and servers: what the verdict says
        std::vector<ServerOnHost> onHosts; // servers: one entry per host it serves on
        std::vector<ServerOnHost> next;    // servers: this poll's, when it differs
        qsizetype matched = 0;             // servers: entries of onHosts this poll confirmed
        bool dirty = false;                // servers: this poll differs (see next)
        const Vip *vipConfig = nullptr;    // VIPs: in m_inventory
        QStringList usable;                // backends: "lb1 3/4" per host, this poll
        QStringList usableShown;           // backends: `usable` when detailText was made
        qsizetype serversShown = -1;       // backends: servers when detailText was made
        QString detailText;                // backends: the detail for those
        bool seen = false;                 // met in this poll's data
        Node *parent = nullptr;
        int row = 0;
        std::vector<std::unique_ptr<Node>> children;
    };
    struct WantedServer;
    struct WantedBackend;

    Node *nodeFor(const QModelIndex &index) const;
    QModelIndex indexFor(Node *node) const;
    void setState(Node *node, Health health, int problems, const StateCounts &counts,
                  const QString &detail, const QStringList &reasons = {}, bool changed = false);
    // Makes parent's children exactly the nodes named `names`: missing ones are
    // removed, new ones appended; kept ones keep their place.  Returns the
    // child for each name, in the order of `names`.
    std::vector<Node *> syncChildren(Node *parent, const QStringList &names, NodeKind kind);
    static Node *childNamed(Node *parent, const QString &name, qsizetype hint);
    static void noteOnHost(Node *serverNode, const QString &host, const ServerObservation &server);
    // This poll's servers into each node's `next`, when the backends and
    // servers are the ones the tree has; false when they differ.
    bool collectInPlace(Node *vipNode, const Vip &vip, const Snapshot &snapshot);
    // The same with rows inserted and removed to match.
    void collectWithChanges(Node *vipNode, const Vip &vip, const Snapshot &snapshot);
    StateCounts applyVip(Node *vipNode, const Snapshot &snapshot, const Verdict *verdict);

    Inventory m_inventory;
    std::vector<std::unique_ptr<Node>> m_groups;
};

} // namespace vipdeck
