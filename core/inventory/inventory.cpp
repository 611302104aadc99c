#include "core/inventory/inventory.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

template <typename T> const T *findByName(const QList<T> &list, const QString &name)
{
    const auto it =
        std::find_if(list.cbegin(), list.cend(), [&](const T &item) { return item.name == name; });
    return it == list.cend() ? nullptr : &*it;
}

// This file's messages, in a context lupdate can see.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vipdeck::Inventory)
};

// English-style singular/plural; good enough for the languages shipped (en, de).
QString count(qsizetype n, const QString &singular, const QString &plural)
{
    return (n == 1 ? singular : plural).arg(n);
}

} // namespace

Placement Placement::withVip(const QString &name) const
{
    Placement p = *this;
    p.vip = name;
    for (QString *field : {&p.statsSocket, &p.masterSocket, &p.configPath, &p.birdProtocol})
        field->replace(u"{vip}"_s, name);
    return p;
}

bool isValidName(QStringView name)
{
    if (name.isEmpty() || !name.front().isLetterOrNumber() || name.front().unicode() > 127)
        return false;
    return std::all_of(name.begin(), name.end(), [](QChar c) {
        const char16_t u = c.unicode();
        return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') ||
               u == u'.' || u == u'_' || u == u'-';
    });
}

const Host *Inventory::host(const QString &name) const
{
    return findByName(m_hosts, name);
}

const Host *Inventory::observer(const QString &name) const
{
    return findByName(m_observers, name);
}

const Group *Inventory::group(const QString &name) const
{
    return findByName(m_groups, name);
}

const Vip *Inventory::vip(const QString &name) const
{
    return findByName(m_vips, name);
}

const Placement *Inventory::placement(const QString &vipName, const QString &hostName) const
{
    const Vip *v = vip(vipName);
    if (!v)
        return nullptr;
    const auto it = std::find_if(v->placements.cbegin(), v->placements.cend(),
                                 [&](const Placement &p) { return p.host == hostName; });
    return it == v->placements.cend() ? nullptr : &*it;
}

QStringList Inventory::groupsOfHost(const QString &hostName) const
{
    QStringList out;
    for (const Group &g : m_groups) {
        if (g.hosts.contains(hostName))
            out.append(g.name);
    }
    return out;
}

QList<const Vip *> Inventory::vipsOnHost(const QString &hostName) const
{
    QList<const Vip *> out;
    for (const Vip &v : m_vips) {
        if (std::any_of(v.placements.cbegin(), v.placements.cend(),
                        [&](const Placement &p) { return p.host == hostName; }))
            out.append(&v);
    }
    return out;
}

std::chrono::milliseconds Inventory::pollInterval() const
{
    std::optional<std::chrono::milliseconds> shortest;
    const auto consider = [&](const QList<Placement> &placements) {
        for (const Placement &p : placements) {
            if (!shortest || p.pollInterval < *shortest)
                shortest = p.pollInterval;
        }
    };
    for (const Vip &v : m_vips)
        consider(v.placements);
    for (const Group &g : m_groups)
        consider(g.discovery);
    return shortest.value_or(std::chrono::milliseconds{2000});
}

QString Inventory::summary() const
{
    const auto discovering = std::count_if(m_groups.cbegin(), m_groups.cend(),
                                           [](const Group &g) { return g.discover; });
    QString out = m_sourceFile + u": "_s +
                  count(m_hosts.size(), Tr::tr("%1 host"), Tr::tr("%1 hosts")) + u", "_s +
                  count(m_groups.size(), Tr::tr("%1 group"), Tr::tr("%1 groups")) + u", "_s +
                  count(m_vips.size(), Tr::tr("%1 VIP"), Tr::tr("%1 VIPs"));
    if (!m_observers.isEmpty())
        out += u", "_s + count(m_observers.size(), Tr::tr("%1 observer"), Tr::tr("%1 observers"));
    if (discovering > 0)
        out += u" ("_s +
               count(discovering, Tr::tr("%1 group discovers VIPs"),
                     Tr::tr("%1 groups discover VIPs")) +
               u')';
    return out;
}

QString Diagnostic::toString() const
{
    QString out = file;
    if (line > 0)
        out += u':' + QString::number(line) + u':' + QString::number(column);
    out += severity == Severity::Error ? u": error: "_s : u": warning: "_s;
    out += message;
    if (!hint.isEmpty())
        out += u"; "_s + hint;
    return out;
}

Inventory Inventory::withDiscoveredVips(const QList<Vip> &discovered) const
{
    Inventory copy = *this;
    for (const Vip &vip : discovered) {
        if (!copy.vip(vip.name))
            copy.m_vips.append(vip);
    }
    return copy;
}

} // namespace vipdeck
