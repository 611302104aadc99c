#include "core/fleet/snapshot.h"

using namespace Qt::StringLiterals;

namespace vipdeck {

AdminState ServerObservation::adminState() const
{
    constexpr AdminFlags maint = AdminFlags(AdminFlag::ForcedMaint) | AdminFlag::InheritedMaint |
                                 AdminFlag::ConfigMaint | AdminFlag::ResolutionMaint |
                                 AdminFlag::HostnameMaint;
    constexpr AdminFlags drain = AdminFlags(AdminFlag::ForcedDrain) | AdminFlag::InheritedDrain;
    if (adminFlags & maint)
        return AdminState::Maint;
    if (adminFlags & drain)
        return AdminState::Drain;
    // Without `show servers state` the status column still tells.
    if (status.state == ServerState::Maint)
        return AdminState::Maint;
    if (status.state == ServerState::Drain)
        return AdminState::Drain;
    return AdminState::Ready;
}

bool ServerObservation::isUp() const
{
    // DRAIN still passes its checks; it is not usable, which isUsable() tells.
    return status.isServing() || status.state == ServerState::Drain;
}

bool ServerObservation::isUsable() const
{
    return isUp() && adminState() == AdminState::Ready && status.state != ServerState::NoLb &&
           weight > 0;
}

int BackendObservation::usableActiveServers() const
{
    int count = 0;
    for (const ServerObservation &server : servers)
        count += (!server.backup && server.isUsable()) ? 1 : 0;
    return count;
}

int BackendObservation::usableServers() const
{
    int count = 0;
    for (const ServerObservation &server : servers)
        count += server.isUsable() ? 1 : 0;
    return count;
}

const BackendObservation *HaproxyObservation::backend(const QString &name) const
{
    for (const BackendObservation &b : backends) {
        if (b.name == name)
            return &b;
    }
    return nullptr;
}

bool HostObservation::announces(const Vip &vip) const
{
    for (const BgpSessionObservation &session : bgpSessions) {
        if (session.state != BgpState::Established)
            continue;
        for (const Prefix &prefix : vip.prefixes) {
            if (session.exportedPrefixes.contains(prefix.toString()))
                return true;
        }
    }
    return false;
}

Snapshot::Snapshot()
    : m_data(std::make_shared<const Data>())
{}

Snapshot::Snapshot(Data data)
    : m_data(std::make_shared<const Data>(std::move(data)))
{}

const ObserverObservation *Snapshot::observer(const QString &name) const
{
    const auto it = m_data->observers.constFind(name);
    return it == m_data->observers.constEnd() ? nullptr : &it.value();
}

const HostObservation *Snapshot::host(const QString &name) const
{
    const auto it = m_data->hosts.constFind(name);
    return it == m_data->hosts.constEnd() ? nullptr : &it.value();
}

const HaproxyObservation *Snapshot::haproxy(const QString &vip, const QString &host) const
{
    const auto it = m_data->haproxies.constFind(key(vip, host));
    return it == m_data->haproxies.constEnd() ? nullptr : &it.value();
}

QString adminStateName(AdminState state)
{
    switch (state) {
    case AdminState::Ready:
        return u"ready"_s;
    case AdminState::Drain:
        return u"drain"_s;
    case AdminState::Maint:
        return u"maint"_s;
    }
    return u"unknown"_s;
}

} // namespace vipdeck
