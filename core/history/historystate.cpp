#include "core/history/historystate.h"

#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

constexpr std::array kKindKeys = {
    std::pair{HistoryKind::Placement, "placement"},
    std::pair{HistoryKind::Announcement, "announcement"},
    std::pair{HistoryKind::Vip, "vip"},
    std::pair{HistoryKind::Host, "host"},
    std::pair{HistoryKind::Reachability, "reachability"},
    std::pair{HistoryKind::Haproxy, "haproxy"},
    std::pair{HistoryKind::ServerStatus, "server-status"},
    std::pair{HistoryKind::ServerAdmin, "server-admin"},
    std::pair{HistoryKind::Bgp, "bgp"},
    std::pair{HistoryKind::Bfd, "bfd"},
    std::pair{HistoryKind::Capacity, "capacity"},
};

const QString kUnknown = u"unknown"_s;

// A verdict's reasons, worst first, as one line.
QString reasonsText(const Verdict &verdict)
{
    QStringList texts;
    for (const Reason &reason : verdict.reasons)
        texts << reason.text;
    return texts.join(u"; "_s);
}

// HAProxy's status word without the check's progress: "UP 1/3" is still UP.
QString statusWord(const ServerStatus &status)
{
    if (status.isTransitional())
        return status.raw.section(u' ', 0, 0);
    return status.raw;
}

class Collector
{
public:
    explicit Collector(QList<HistoryState> &out)
        : m_out(out)
    {}

    void add(HistoryKind kind, QString state, QString detail, const QString &host,
             const QString &vip = {}, const QString &backend = {}, const QString &server = {},
             const QString &protocol = {})
    {
        m_out << HistoryState{
            {kind, host, vip, backend, server, protocol}, std::move(state), std::move(detail)};
    }

    void verdict(HistoryKind kind, const Verdict *verdict, const QString &host,
                 const QString &vip = {})
    {
        if (verdict)
            add(kind, healthKey(verdict->health), reasonsText(*verdict), host, vip);
        else
            add(kind, kUnknown, {}, host, vip);
    }

private:
    QList<HistoryState> &m_out;
};

void addPlacement(const Snapshot &snapshot, const FleetVerdicts &verdicts,
                  const Placement &placement, Collector &c)
{
    const QString &vip = placement.vip;
    const QString &host = placement.host;
    const Verdict *verdict = verdicts.placement(vip, host);
    c.verdict(HistoryKind::Placement, verdict, host, vip);
    if (verdict)
        c.add(HistoryKind::Announcement, announcementKey(verdict->announcement),
              verdict->announcementUnknownWhy, host, vip);
    else
        c.add(HistoryKind::Announcement, kUnknown, {}, host, vip);

    const HaproxyObservation *haproxy = snapshot.haproxy(vip, host);
    // Below min_up_servers: any service backend with fewer usable servers
    // than the VIP needs, as this poll read it.
    if (verdict && haproxy && haproxy->hasData() && !haproxy->error) {
        QStringList below;
        for (const BackendCapacity &backend : verdict->capacity)
            if (backend.below())
                below << u"%1: %2 usable of %3 needed"_s.arg(backend.backend)
                             .arg(backend.usable)
                             .arg(backend.needed);
        c.add(HistoryKind::Capacity, below.isEmpty() ? u"ok"_s : u"below"_s, below.join(u"; "_s),
              host, vip);
    } else {
        c.add(HistoryKind::Capacity, kUnknown, {}, host, vip);
    }
    if (!haproxy || !haproxy->hasData()) {
        c.add(HistoryKind::Haproxy, kUnknown,
              haproxy && haproxy->error ? haproxy->error->message : QString(), host, vip);
        return;
    }
    if (haproxy->error) {
        c.add(HistoryKind::Haproxy, u"unreachable"_s, haproxy->error->message, host, vip);
    } else {
        c.add(HistoryKind::Haproxy, u"running"_s, u"pid %1"_s.arg(haproxy->pid), host, vip);
    }
    // The servers as last read; unknown while HAProxy cannot be read, never
    // the old state as if it were current.
    const bool current = !haproxy->error;
    for (const BackendObservation &backend : haproxy->backends) {
        for (const ServerObservation &server : backend.servers) {
            c.add(HistoryKind::ServerStatus, current ? statusWord(server.status) : kUnknown, {},
                  host, vip, backend.name, server.name);
            c.add(HistoryKind::ServerAdmin,
                  current ? adminStateName(server.adminState()) : kUnknown, {}, host, vip,
                  backend.name, server.name);
        }
    }
}

void addHost(const Host &host, const Snapshot &snapshot, const FleetVerdicts &verdicts,
             Collector &c)
{
    const auto hostVerdict = verdicts.hosts.constFind(host.name);
    c.verdict(HistoryKind::Host, hostVerdict == verdicts.hosts.constEnd() ? nullptr : &*hostVerdict,
              host.name);
    const HostObservation *observed = snapshot.host(host.name);
    if (!observed || (!observed->reachable && !observed->error)) {
        c.add(HistoryKind::Reachability, kUnknown, {}, host.name);
        return;
    }
    if (observed->reachable)
        c.add(HistoryKind::Reachability, u"reachable"_s, {}, host.name);
    else
        c.add(HistoryKind::Reachability, u"unreachable"_s, observed->error->message, host.name);
    // Sessions as BIRD printed them on the last successful read; unknown
    // when this round could not read BIRD.
    const bool current = observed->hasBirdData() && !observed->error;
    for (const BgpSessionObservation &session : observed->bgpSessions)
        c.add(HistoryKind::Bgp, current ? bgpStateName(session.state) : kUnknown,
              current ? session.info : QString(), host.name, {}, {}, {}, session.protocol);
    // A neighbor may have a session per interface: "address%interface".
    for (const BfdSessionObservation &session : observed->bfdSessions)
        c.add(HistoryKind::Bfd, current ? bfdStateName(session.state) : kUnknown, {}, host.name, {},
              {}, {},
              session.interface.isEmpty() ? session.address
                                          : session.address + u'%' + session.interface);
}

} // namespace

QString historyKindKey(HistoryKind kind)
{
    for (const auto &[k, key] : kKindKeys)
        if (k == kind)
            return QLatin1StringView(key);
    return kUnknown;
}

std::optional<HistoryKind> historyKindFromKey(QStringView key)
{
    for (const auto &[k, name] : kKindKeys)
        if (key == QLatin1StringView(name))
            return k;
    return std::nullopt;
}

QString HistorySubject::key() const
{
    return historyKindKey(kind) + u'\x1f' + host + u'\x1f' + vip + u'\x1f' + backend + u'\x1f' +
           server + u'\x1f' + protocol;
}

bool HistoryState::sameAs(const HistoryState &other) const
{
    if (state != other.state)
        return false;
    return subject.kind != HistoryKind::Haproxy || detail == other.detail;
}

QString historyTimeText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(u"yyyy-MM-dd HH:mm:ss 'UTC'"_s);
}

QList<HistoryState> historyStates(const Snapshot &snapshot, const FleetVerdicts &verdicts)
{
    QList<HistoryState> out;
    Collector c(out);
    const Inventory &inventory = snapshot.inventory();
    for (const Vip &vip : inventory.vips()) {
        const auto verdict = verdicts.vips.constFind(vip.name);
        c.verdict(HistoryKind::Vip, verdict == verdicts.vips.constEnd() ? nullptr : &*verdict, {},
                  vip.name);
        for (const Placement &placement : vip.placements)
            addPlacement(snapshot, verdicts, placement, c);
    }
    for (const Host &host : inventory.hosts())
        addHost(host, snapshot, verdicts, c);
    return out;
}

} // namespace vipdeck
