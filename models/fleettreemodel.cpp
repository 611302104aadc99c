#include "models/fleettreemodel.h"

#include "models/healthstyle.h"

using namespace Qt::StringLiterals;

namespace vipdeck {

FleetTreeModel::FleetTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

FleetTreeModel::~FleetTreeModel() = default;

void FleetTreeModel::setInventory(const Inventory &inventory)
{
    // A new fleet file replaces the whole structure; live updates never come
    // through here.
    beginResetModel();
    m_inventory = inventory;
    m_groups.clear();
    for (const Group &group : inventory.groups()) {
        auto groupNode = std::make_unique<Node>();
        groupNode->kind = NodeKind::Group;
        groupNode->name = group.name;
        groupNode->group = group.name;
        groupNode->row = int(m_groups.size());
        groupNode->detail = group.mode == GroupMode::ActiveActive
                                ? tr("active-active")
                                : tr("primary-backup, primary %1").arg(group.primary);
        if (group.discover)
            groupNode->detail += tr(", discovers VIPs");
        const auto addChild = [&](NodeKind kind, const QString &name, const QString &detail) {
            auto child = std::make_unique<Node>();
            child->kind = kind;
            child->name = name;
            child->detail = detail;
            child->group = group.name;
            child->parent = groupNode.get();
            child->row = int(groupNode->children.size());
            groupNode->children.push_back(std::move(child));
        };
        for (const QString &hostName : group.hosts) {
            const Host *host = inventory.host(hostName);
            addChild(NodeKind::Host, hostName, host ? host->address : QString());
        }
        for (const Vip &vip : inventory.vips()) {
            if (vip.group != group.name)
                continue;
            QStringList prefixes;
            for (const Prefix &prefix : vip.prefixes)
                prefixes << prefix.toString();
            addChild(NodeKind::Vip, vip.name, prefixes.join(u", "_s));
        }
        m_groups.push_back(std::move(groupNode));
    }
    endResetModel();
}

void FleetTreeModel::applyUpdate(const FleetUpdate &update)
{
    const FleetVerdicts &verdicts = *update.verdicts;
    const auto problemsOf = [](const Verdict &verdict) {
        int problems = 0;
        for (const Reason &reason : verdict.reasons)
            problems += reason.severity == Health::Healthy ? 0 : 1;
        return problems;
    };
    const auto set = [this](Node *node, Health health, int problems) {
        if (node->health == health && node->problems == problems)
            return;
        node->health = health;
        node->problems = problems;
        const QModelIndex parentIndex =
            node->parent ? createIndex(node->parent->row, 0, node->parent) : QModelIndex();
        emit dataChanged(index(node->row, 0, parentIndex),
                         index(node->row, ColumnCount - 1, parentIndex));
    };
    for (const auto &group : m_groups) {
        Health groupHealth = Health::Healthy;
        int groupProblems = 0;
        for (const auto &child : group->children) {
            Health health = Health::Unknown;
            int problems = 0;
            if (child->kind == NodeKind::Vip) {
                if (const auto it = verdicts.vips.constFind(child->name);
                    it != verdicts.vips.cend()) {
                    health = it->health;
                    problems = problemsOf(*it);
                }
            } else if (const auto it = verdicts.hosts.constFind(child->name);
                       it != verdicts.hosts.cend()) {
                health = it->health;
                problems = problemsOf(*it);
            }
            set(child.get(), health, problems);
            groupHealth = worse(groupHealth, health);
            groupProblems += problems;
        }
        set(group.get(), group->children.empty() ? Health::Unknown : groupHealth, groupProblems);
    }
}

FleetTreeModel::Node *FleetTreeModel::nodeFor(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : nullptr;
}

QModelIndex FleetTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    const Node *parentNode = nodeFor(parent);
    const auto &siblings = parentNode ? parentNode->children : m_groups;
    if (row >= int(siblings.size()))
        return {};
    return createIndex(row, column, siblings[size_t(row)].get());
}

QModelIndex FleetTreeModel::parent(const QModelIndex &child) const
{
    const Node *node = nodeFor(child);
    if (!node || !node->parent)
        return {};
    return createIndex(node->parent->row, 0, node->parent);
}

int FleetTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    const Node *node = nodeFor(parent);
    return int(node ? node->children.size() : m_groups.size());
}

int FleetTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant FleetTreeModel::data(const QModelIndex &index, int role) const
{
    const Node *node = nodeFor(index);
    if (!node)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return node->name;
        case DetailColumn:
            return node->detail;
        case ProblemsColumn:
            return node->problems > 0 ? QVariant(node->problems) : QVariant();
        default:
            return {};
        }
    case Qt::DecorationRole:
        return index.column() == NameColumn ? QVariant(healthIcon(node->health)) : QVariant();
    case Qt::ToolTipRole:
        return u"%1: %2%3"_s.arg(node->name, healthShortText(node->health),
                                 node->detail.isEmpty() ? QString() : u" — "_s + node->detail);
    case HealthRole:
        return int(node->health);
    case ProblemsRole:
        return node->problems;
    case KindRole:
        return int(node->kind);
    case NameRole:
        return node->name;
    case GroupRole:
        return node->group;
    default:
        return {};
    }
}

QVariant FleetTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case DetailColumn:
        return tr("Details");
    case ProblemsColumn:
        return tr("Problems");
    default:
        return {};
    }
}

} // namespace vipdeck
