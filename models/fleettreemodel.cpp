#include "models/fleettreemodel.h"

#include "models/healthstyle.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace vipdeck {

// A VIP's backends and servers as this poll shows them, merged over its hosts.
struct FleetTreeModel::WantedServer
{
    QString name;
    std::vector<ServerOnHost> onHosts;
};

struct FleetTreeModel::WantedBackend
{
    QString name;
    QStringList usable; // "lb1 3/4" per host
    std::vector<WantedServer> servers;
    QHash<QString, qsizetype> index; // built on the first miss of the positional hint

    WantedServer &server(const QString &serverName, qsizetype hint)
    {
        // Hosts of one VIP list a backend's servers in the same order almost
        // always, so the position finds it without hashing.
        if (hint < qsizetype(servers.size()) && servers[size_t(hint)].name == serverName)
            return servers[size_t(hint)];
        if (index.size() != qsizetype(servers.size())) {
            index.clear();
            for (size_t i = 0; i < servers.size(); ++i)
                index.insert(servers[i].name, qsizetype(i));
        }
        if (const auto it = index.constFind(serverName); it != index.cend())
            return servers[size_t(*it)];
        index.insert(serverName, qsizetype(servers.size()));
        servers.push_back(WantedServer{serverName, {}});
        return servers.back();
    }
};

namespace {

int problemsOf(const Verdict &verdict)
{
    int problems = 0;
    for (const Reason &reason : verdict.reasons)
        problems += reason.severity == Health::Healthy ? 0 : 1;
    return problems;
}

FleetTreeModel::StateCounts countsOf(const std::vector<FleetTreeModel::ServerOnHost> &onHosts)
{
    FleetTreeModel::StateCounts counts;
    for (const FleetTreeModel::ServerOnHost &s : onHosts) {
        // One word per placement, the one an operator acts on first.
        if (s.admin == AdminState::Maint)
            ++counts.maint;
        else if (s.admin == AdminState::Drain)
            ++counts.drain;
        else if (s.state == ServerState::Down)
            ++counts.down;
        else if (s.state == ServerState::NoLb)
            ++counts.nolb;
    }
    return counts;
}

// "UP", or "lb1 UP · lb2 DRAIN" when the hosts disagree; the weight when it
// is not the configured one.
QString serverDetail(const std::vector<FleetTreeModel::ServerOnHost> &onHosts)
{
    if (onHosts.empty())
        return {};
    const FleetTreeModel::ServerOnHost &first = onHosts.front();
    bool sameStatus = true;
    bool sameWeight = true;
    for (const FleetTreeModel::ServerOnHost &s : onHosts) {
        sameStatus &= s.status == first.status;
        sameWeight &= s.weight == first.weight;
    }
    QStringList parts;
    if (sameStatus) {
        parts << first.status;
    } else {
        QStringList perHost;
        for (const FleetTreeModel::ServerOnHost &s : onHosts)
            perHost << s.host + u' ' + s.status;
        parts << perHost.join(u" · "_s);
    }
    if (!sameWeight)
        parts << FleetTreeModel::tr("weights differ");
    else if (first.weight != first.initialWeight)
        parts << FleetTreeModel::tr("weight %1 (config %2)")
                     .arg(first.weight)
                     .arg(first.initialWeight);
    if (first.backup)
        parts << FleetTreeModel::tr("backup");
    return parts.join(u" · "_s);
}

} // namespace

QString FleetTreeModel::StateCounts::text() const
{
    QStringList parts;
    const auto add = [&parts](int count, QLatin1StringView word) {
        if (count > 0)
            parts << QString::number(count) + u' ' + word;
    };
    add(down, "DOWN"_L1);
    add(drain, "DRAIN"_L1);
    add(maint, "MAINT"_L1);
    add(nolb, "NOLB"_L1);
    return parts.join(u", "_s);
}

FleetTreeModel::StateCounts &FleetTreeModel::StateCounts::operator+=(const StateCounts &other)
{
    down += other.down;
    drain += other.drain;
    maint += other.maint;
    nolb += other.nolb;
    return *this;
}

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
            if (kind == NodeKind::Vip)
                child->vip = name;
            child->parent = groupNode.get();
            child->row = int(groupNode->children.size());
            groupNode->children.push_back(std::move(child));
        };
        for (const QString &hostName : group.hosts) {
            const Host *host = inventory.host(hostName);
            addChild(NodeKind::Host, hostName, host ? host->address : QString());
        }
        for (const Vip &vip : std::as_const(m_inventory).vips()) {
            if (vip.group != group.name)
                continue;
            QStringList prefixes;
            for (const Prefix &prefix : vip.prefixes)
                prefixes << prefix.toString();
            addChild(NodeKind::Vip, vip.name, prefixes.join(u", "_s));
            // Into m_inventory, which stays as it is until the next setInventory().
            groupNode->children.back()->vipConfig = &vip;
        }
        m_groups.push_back(std::move(groupNode));
    }
    endResetModel();
}

void FleetTreeModel::applyUpdate(const FleetUpdate &update)
{
    const FleetVerdicts &verdicts = *update.verdicts;
    for (const auto &group : m_groups) {
        Health groupHealth = Health::Healthy;
        int groupProblems = 0;
        StateCounts groupCounts;
        for (const auto &child : group->children) {
            Health health = Health::Unknown;
            int problems = 0;
            StateCounts counts;
            if (child->kind == NodeKind::Vip) {
                const auto it = verdicts.vips.constFind(child->name);
                const Verdict *verdict = it != verdicts.vips.cend() ? &*it : nullptr;
                if (verdict) {
                    health = verdict->health;
                    problems = problemsOf(*verdict);
                }
                counts = applyVip(child.get(), update.snapshot, verdict);
            } else if (const auto it = verdicts.hosts.constFind(child->name);
                       it != verdicts.hosts.cend()) {
                health = it->health;
                problems = problemsOf(*it);
            }
            setState(child.get(), health, problems, counts, child->detail);
            groupHealth = worse(groupHealth, health);
            groupProblems += problems;
            groupCounts += counts;
        }
        setState(group.get(), group->children.empty() ? Health::Unknown : groupHealth,
                 groupProblems, groupCounts, group->detail);
    }
}

namespace {

FleetTreeModel::ServerOnHost onHost(const QString &host, const ServerObservation &server)
{
    return FleetTreeModel::ServerOnHost{
        host,          server.status.raw,    server.status.state, server.adminState(),
        server.weight, server.initialWeight, server.backup,       server.isUsable()};
}

QString usableText(const QString &host, const BackendObservation &backend)
{
    return u"%1 %2/%3"_s.arg(host).arg(backend.usableServers()).arg(backend.servers.size());
}

} // namespace

FleetTreeModel::Node *FleetTreeModel::childNamed(Node *parent, const QString &name, qsizetype hint)
{
    // Every host of a VIP lists the same backends and servers in the same
    // order almost always: the position finds it without searching.
    auto &children = parent->children;
    if (hint < qsizetype(children.size()) && children[size_t(hint)]->name == name)
        return children[size_t(hint)].get();
    for (const auto &child : children) {
        if (child->name == name)
            return child.get();
    }
    return nullptr;
}

void FleetTreeModel::noteOnHost(Node *serverNode, const QString &host,
                                const ServerObservation &server)
{
    // Unchanged servers are compared, not copied: most of them, most polls.
    if (!serverNode->dirty) {
        const auto matched = size_t(serverNode->matched);
        if (matched < serverNode->onHosts.size()) {
            const ServerOnHost &known = serverNode->onHosts[matched];
            if (known.host == host && known.state == server.status.state &&
                known.weight == server.weight && known.initialWeight == server.initialWeight &&
                known.backup == server.backup && known.status == server.status.raw &&
                known.admin == server.adminState() && known.usable == server.isUsable()) {
                ++serverNode->matched;
                return;
            }
        }
        serverNode->dirty = true;
        serverNode->next.assign(serverNode->onHosts.begin(),
                                serverNode->onHosts.begin() + qsizetype(matched));
    }
    serverNode->next.push_back(onHost(host, server));
}

bool FleetTreeModel::collectInPlace(Node *vipNode, const Vip &vip, const Snapshot &snapshot)
{
    for (const auto &backendNode : vipNode->children) {
        backendNode->seen = false;
        backendNode->usable.clear();
        for (const auto &serverNode : backendNode->children) {
            serverNode->seen = false;
            serverNode->matched = 0;
            serverNode->dirty = false;
            serverNode->next.clear();
        }
    }
    for (const Placement &placement : vip.placements) {
        const HaproxyObservation *haproxy = snapshot.haproxy(vip.name, placement.host);
        if (!haproxy || !haproxy->hasData())
            continue;
        for (qsizetype b = 0; b < haproxy->backends.size(); ++b) {
            const BackendObservation &backend = haproxy->backends[b];
            Node *backendNode = childNamed(vipNode, backend.name, b);
            if (!backendNode)
                return false;
            backendNode->seen = true;
            backendNode->usable << usableText(placement.host, backend);
            for (qsizetype s = 0; s < backend.servers.size(); ++s) {
                const ServerObservation &server = backend.servers[s];
                Node *serverNode = childNamed(backendNode, server.name, s);
                if (!serverNode)
                    return false;
                serverNode->seen = true;
                noteOnHost(serverNode, placement.host, server);
            }
        }
    }
    for (const auto &backendNode : vipNode->children) {
        if (!backendNode->seen)
            return false;
        for (const auto &serverNode : backendNode->children) {
            if (!serverNode->seen)
                return false;
        }
    }
    return true;
}

void FleetTreeModel::collectWithChanges(Node *vipNode, const Vip &vip, const Snapshot &snapshot)
{
    // Backends and servers came or went: what the hosts show now, merged in
    // the order the first host lists them, then rows removed and inserted.
    std::vector<WantedBackend> wanted;
    for (const Placement &placement : vip.placements) {
        const HaproxyObservation *haproxy = snapshot.haproxy(vip.name, placement.host);
        if (!haproxy || !haproxy->hasData())
            continue;
        for (const BackendObservation &backend : haproxy->backends) {
            auto it = std::find_if(wanted.begin(), wanted.end(),
                                   [&](const WantedBackend &w) { return w.name == backend.name; });
            const bool firstHost = it == wanted.end();
            if (firstHost) {
                wanted.push_back(WantedBackend{backend.name, {}, {}, {}});
                it = wanted.end() - 1;
                it->servers.reserve(size_t(backend.servers.size()));
            }
            it->usable << usableText(placement.host, backend);
            for (qsizetype s = 0; s < backend.servers.size(); ++s) {
                const ServerObservation &server = backend.servers[s];
                // HAProxy names a backend's servers uniquely: on the first
                // host every server is new.
                if (firstHost)
                    it->servers.push_back(WantedServer{server.name, {}});
                WantedServer &w = firstHost ? it->servers.back() : it->server(server.name, s);
                w.onHosts.push_back(onHost(placement.host, server));
            }
        }
    }

    QStringList backendNames;
    backendNames.reserve(qsizetype(wanted.size()));
    for (const WantedBackend &w : wanted)
        backendNames << w.name;
    const std::vector<Node *> backendNodes = syncChildren(vipNode, backendNames, NodeKind::Backend);
    for (size_t b = 0; b < wanted.size(); ++b) {
        WantedBackend &w = wanted[b];
        backendNodes[b]->usable = w.usable;
        QStringList serverNames;
        serverNames.reserve(qsizetype(w.servers.size()));
        for (const WantedServer &server : w.servers)
            serverNames << server.name;
        const std::vector<Node *> serverNodes =
            syncChildren(backendNodes[b], serverNames, NodeKind::Server);
        for (size_t s = 0; s < w.servers.size(); ++s) {
            serverNodes[s]->next = std::move(w.servers[s].onHosts);
            serverNodes[s]->dirty = true;
        }
    }
}

FleetTreeModel::StateCounts FleetTreeModel::applyVip(Node *vipNode, const Snapshot &snapshot,
                                                     const Verdict *verdict)
{
    static const Vip noVip;
    const Vip *vip = vipNode->vipConfig ? vipNode->vipConfig : &noVip;
    // Most polls change states, not structure: then no row moves and no
    // memory is allocated for the servers.
    if (!collectInPlace(vipNode, *vip, snapshot))
        collectWithChanges(vipNode, *vip, snapshot);

    // The verdict's reasons that name a backend or a server, for their health
    // and tooltips.
    QHash<QString, std::pair<Health, QStringList>> backendReasons;
    QHash<QString, std::pair<Health, QStringList>> serverReasons; // "backend/server"
    if (verdict) {
        for (const Reason &reason : verdict->reasons) {
            if (reason.backend.isEmpty())
                continue;
            auto &b = backendReasons[reason.backend];
            b.first = worse(b.first, reason.severity);
            if (reason.server.isEmpty()) {
                b.second << reason.text;
                continue;
            }
            auto &s = serverReasons[reason.backend + u'/' + reason.server];
            s.first = worse(s.first, reason.severity);
            s.second << reason.text;
        }
    }

    StateCounts vipCounts;
    for (const auto &backendNode : vipNode->children) {
        StateCounts backendCounts;
        for (const auto &serverNode : backendNode->children) {
            Node *server = serverNode.get();
            const bool hostsChanged =
                server->dirty || server->matched != qsizetype(server->onHosts.size());
            if (hostsChanged) {
                if (!server->dirty) // the same hosts, fewer of them
                    server->next.assign(server->onHosts.begin(),
                                        server->onHosts.begin() + server->matched);
                std::swap(server->onHosts, server->next);
                server->next.clear();
                server->detail = serverDetail(server->onHosts);
            }
            const StateCounts counts = countsOf(server->onHosts);
            backendCounts += counts;
            Health health = Health::Healthy;
            QStringList reasons;
            if (!serverReasons.isEmpty()) {
                const auto it = serverReasons.constFind(backendNode->name + u'/' + server->name);
                if (it != serverReasons.cend()) {
                    health = worse(health, it->first);
                    reasons = it->second;
                }
            }
            // A server that is DOWN against the admin's will reads red, as on
            // HAProxy's own stats page; the backend keeps the verdict's word.
            // A DOWN backup (a fact, not a problem) stays as the verdict says.
            if (counts.down > 0 && health != Health::Healthy)
                health = Health::Critical;
            setState(server, health, counts.total(), counts, server->detail, reasons, hostsChanged);
        }
        Health health = Health::Healthy;
        QStringList reasons;
        if (const auto it = backendReasons.constFind(backendNode->name);
            it != backendReasons.cend()) {
            health = worse(health, it->first);
            reasons = it->second;
        }
        // The text only when what it says changed: polls mostly change nothing.
        const qsizetype servers = qsizetype(backendNode->children.size());
        if (backendNode->usable != backendNode->usableShown ||
            servers != backendNode->serversShown) {
            backendNode->usableShown = backendNode->usable;
            backendNode->serversShown = servers;
            backendNode->detailText =
                (servers == 1 ? tr("1 server") : tr("%1 servers").arg(servers)) + u" · "_s +
                tr("usable %1").arg(backendNode->usable.join(u", "_s));
        }
        setState(backendNode.get(), health, backendCounts.total(), backendCounts,
                 backendNode->detailText, reasons);
        vipCounts += backendCounts;
    }
    return vipCounts;
}

void FleetTreeModel::setState(Node *node, Health health, int problems, const StateCounts &counts,
                              const QString &detail, const QStringList &reasons, bool changed)
{
    changed |= node->health != health || node->problems != problems || node->counts != counts ||
               node->detail != detail || node->reasons != reasons;
    if (!changed)
        return;
    node->health = health;
    node->problems = problems;
    node->counts = counts;
    node->detail = detail;
    node->reasons = reasons;
    emit dataChanged(indexFor(node), indexFor(node).siblingAtColumn(ColumnCount - 1));
}

std::vector<FleetTreeModel::Node *>
FleetTreeModel::syncChildren(Node *parent, const QStringList &names, NodeKind kind)
{
    auto &children = parent->children;
    std::vector<Node *> result;
    result.reserve(size_t(names.size()));
    bool same = children.size() == size_t(names.size());
    for (size_t i = 0; same && i < children.size(); ++i)
        same = children[i]->name == names[qsizetype(i)];
    if (same) {
        for (const auto &child : children)
            result.push_back(child.get());
        return result;
    }

    const QModelIndex parentIndex = indexFor(parent);
    const QSet<QString> wantedNames(names.cbegin(), names.cend());
    // Remove the runs of children that are gone, from the end so the rows of
    // the runs still to remove stay valid.
    for (int last = int(children.size()) - 1; last >= 0;) {
        if (wantedNames.contains(children[size_t(last)]->name)) {
            --last;
            continue;
        }
        int first = last;
        while (first > 0 && !wantedNames.contains(children[size_t(first - 1)]->name))
            --first;
        beginRemoveRows(parentIndex, first, last);
        children.erase(children.begin() + first, children.begin() + last + 1);
        for (size_t i = size_t(first); i < children.size(); ++i)
            children[i]->row = int(i);
        endRemoveRows();
        last = first - 1;
    }

    QHash<QString, Node *> byName;
    for (const auto &child : children)
        byName.insert(child->name, child.get());
    QStringList added;
    for (const QString &name : names) {
        if (!byName.contains(name))
            added << name;
    }
    // New ones go after the kept ones: rows that stay never move.
    if (!added.isEmpty()) {
        const int first = int(children.size());
        beginInsertRows(parentIndex, first, first + int(added.size()) - 1);
        for (const QString &name : std::as_const(added)) {
            auto node = std::make_unique<Node>();
            node->kind = kind;
            node->name = name;
            node->group = parent->group;
            node->vip = parent->vip;
            node->backend = kind == NodeKind::Backend ? name : parent->backend;
            node->parent = parent;
            node->row = int(children.size());
            byName.insert(name, node.get());
            children.push_back(std::move(node));
        }
        endInsertRows();
    }
    for (const QString &name : names)
        result.push_back(byName.value(name));
    return result;
}

FleetTreeModel::Node *FleetTreeModel::nodeFor(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : nullptr;
}

QModelIndex FleetTreeModel::indexFor(Node *node) const
{
    return node ? createIndex(node->row, 0, node) : QModelIndex();
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
    const bool summary = node->kind == NodeKind::Group || node->kind == NodeKind::Host ||
                         node->kind == NodeKind::Vip;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return node->name;
        case DetailColumn:
            return node->detail;
        case ProblemsColumn: {
            // Groups, hosts and VIPs count the verdict's problems; from the VIP
            // down, the server placements that need a look, by state.
            QStringList parts;
            if (summary && node->problems > 0)
                parts << (node->problems == 1 ? tr("1 problem")
                                              : tr("%1 problems").arg(node->problems));
            if (node->counts.total() > 0)
                parts << node->counts.text();
            return parts.isEmpty() ? QVariant() : QVariant(parts.join(u" · "_s));
        }
        default:
            return {};
        }
    case Qt::DecorationRole:
        return index.column() == NameColumn ? QVariant(healthIcon(node->health)) : QVariant();
    case Qt::ToolTipRole: {
        QStringList lines{
            u"%1: %2%3"_s.arg(node->name, healthShortText(node->health),
                              node->detail.isEmpty() ? QString() : u" — "_s + node->detail)};
        for (const ServerOnHost &s : node->onHosts)
            lines << tr("on %1: %2, %3, weight %4 of %5")
                         .arg(s.host, s.status, adminStateName(s.admin))
                         .arg(s.weight)
                         .arg(s.initialWeight);
        lines << node->reasons;
        return lines.join(u'\n');
    }
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
    case VipRole:
        return node->vip;
    case BackendRole:
        return node->backend;
    case StateCountsRole:
        return node->counts.text();
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
