#include "app/cli/prometheusmetrics.h"

#include "core/report/reportdocument.h"

#include <cmath>
#include <map>

using namespace Qt::StringLiterals;

namespace vipdeck::cli {

namespace {

// A label value as the exposition format escapes it.
QString escaped(const QString &value)
{
    QString out;
    out.reserve(value.size());
    for (const QChar c : value) {
        if (c == u'\\')
            out += u"\\\\"_s;
        else if (c == u'"')
            out += u"\\\""_s;
        else if (c == u'\n')
            out += u"\\n"_s;
        else
            out += c;
    }
    return out;
}

using Labels = QList<std::pair<QString, QString>>;

// Samples grouped by metric, each metric written once with HELP and TYPE.
class Exposition
{
public:
    void declare(const QString &name, const QString &type, const QString &help)
    {
        m_order << name;
        m_metrics[name] = Metric{type, help, {}};
    }
    void add(const QString &name, const Labels &labels, double value)
    {
        QStringList pairs;
        for (const auto &[key, text] : labels)
            pairs << key + u"=\""_s + escaped(text) + u'"';
        const QString valueText = std::isnan(value) ? u"NaN"_s
                                  : value == std::floor(value) && std::abs(value) < 1e15
                                      ? QString::number(qint64(value))
                                      : QString::number(value, 'g', 12);
        m_metrics[name].samples << name +
                                       (pairs.isEmpty() ? QString()
                                                        : u'{' + pairs.join(u',') + u'}') +
                                       u' ' + valueText;
    }
    // One series per state of `states`, the current one 1 and the others 0.
    void addStateSet(const QString &name, Labels labels, const QString &key,
                     const QStringList &states, const QString &current)
    {
        labels.append({key, QString()});
        for (const QString &state : states) {
            labels.last().second = state;
            add(name, labels, state == current ? 1 : 0);
        }
    }
    QString text() const
    {
        QString out;
        for (const QString &name : m_order) {
            const Metric &metric = m_metrics.at(name);
            out += u"# HELP "_s + name + u' ' + metric.help + u'\n';
            out += u"# TYPE "_s + name + u' ' + metric.type + u'\n';
            for (const QString &sample : metric.samples)
                out += sample + u'\n';
        }
        return out;
    }

private:
    struct Metric
    {
        QString type;
        QString help;
        QStringList samples;
    };
    QStringList m_order;
    std::map<QString, Metric> m_metrics;
};

const QStringList &healthStates()
{
    static const QStringList states = {u"healthy"_s, u"degraded"_s, u"critical"_s, u"unknown"_s};
    return states;
}

QString healthOf(const QHash<QString, Verdict> &verdicts, const QString &name)
{
    const auto it = verdicts.constFind(name);
    return healthKey(it == verdicts.cend() ? Health::Unknown : it->health);
}

} // namespace

QString prometheusText(const FleetUpdate &update, const FleetFilter &filter, qint64 pollMs)
{
    const Snapshot &snapshot = update.snapshot;
    const FleetVerdicts &verdicts = *update.verdicts;
    Exposition e;
    e.declare(u"vipdeck_scrape_duration_seconds"_s, u"gauge"_s,
              u"How long the poll round of every host took."_s);
    e.declare(u"vipdeck_scrape_errors"_s, u"gauge"_s,
              u"Reads that failed in the poll round (hosts, HAProxy placements, observers)."_s);
    e.declare(u"vipdeck_host_reachable"_s, u"gauge"_s,
              u"1 when the host's SSH connection answered."_s);
    e.declare(u"vipdeck_host_health"_s, u"gauge"_s,
              u"The host's verdict: 1 for its health, 0 for the others."_s);
    e.declare(u"vipdeck_bgp_session_established"_s, u"gauge"_s,
              u"1 when the host's BGP session is Established."_s);
    e.declare(u"vipdeck_bfd_session_up"_s, u"gauge"_s, u"1 when the host's BFD session is Up."_s);
    e.declare(u"vipdeck_observer_reachable"_s, u"gauge"_s,
              u"1 when the observer (route reflector) was read."_s);
    e.declare(u"vipdeck_vip_health"_s, u"gauge"_s,
              u"The VIP's verdict: 1 for its health, 0 for the others."_s);
    e.declare(u"vipdeck_vip_announcing_hosts"_s, u"gauge"_s,
              u"Hosts announcing the VIP over BGP; NaN while one of them is unknown."_s);
    e.declare(u"vipdeck_placement_health"_s, u"gauge"_s,
              u"The verdict of the VIP on one host: 1 for its health, 0 for the others."_s);
    e.declare(u"vipdeck_placement_announcement"_s, u"gauge"_s,
              u"Whether the host announces the VIP: 1 for announced, withdrawn or unknown."_s);
    e.declare(u"vipdeck_backend_usable_servers"_s, u"gauge"_s,
              u"Servers of the backend that are UP and neither drained nor in maintenance."_s);
    e.declare(u"vipdeck_server_up"_s, u"gauge"_s, u"1 when HAProxy reports the server UP."_s);
    e.declare(u"vipdeck_server_admin_state"_s, u"gauge"_s,
              u"The server's admin state: 1 for ready, drain or maint."_s);
    e.declare(u"vipdeck_server_weight"_s, u"gauge"_s, u"The server's current weight."_s);
    e.declare(u"vipdeck_server_sessions"_s, u"gauge"_s, u"The server's current sessions."_s);
    e.declare(u"vipdeck_server_sessions_total"_s, u"counter"_s,
              u"Sessions the server has had since HAProxy started."_s);

    int errors = 0;
    for (const Host *host : selectHosts(snapshot, filter)) {
        const HostObservation *observed = snapshot.host(host->name);
        e.add(u"vipdeck_host_reachable"_s, {{u"host"_s, host->name}},
              observed && observed->reachable ? 1 : 0);
        e.addStateSet(u"vipdeck_host_health"_s, {{u"host"_s, host->name}}, u"health"_s,
                      healthStates(), healthOf(verdicts.hosts, host->name));
        if (!observed)
            continue;
        errors += observed->error ? 1 : 0;
        for (const BgpSessionObservation &session : observed->bgpSessions)
            e.add(u"vipdeck_bgp_session_established"_s,
                  {{u"host"_s, host->name},
                   {u"protocol"_s, session.protocol},
                   {u"neighbor"_s, session.neighborAddress}},
                  session.state == BgpState::Established ? 1 : 0);
        for (const BfdSessionObservation &session : observed->bfdSessions)
            e.add(u"vipdeck_bfd_session_up"_s,
                  {{u"host"_s, host->name}, {u"address"_s, session.address}},
                  session.isUp() ? 1 : 0);
    }
    for (const Host &observer : snapshot.inventory().observers()) {
        const ObserverObservation *observed = snapshot.observer(observer.name);
        const bool read = observed && observed->hasData() && !observed->error;
        errors += observed && observed->error ? 1 : 0;
        e.add(u"vipdeck_observer_reachable"_s, {{u"observer"_s, observer.name}}, read ? 1 : 0);
    }

    static const QStringList announcements = {u"announced"_s, u"withdrawn"_s, u"unknown"_s};
    static const QStringList adminStates = {u"ready"_s, u"drain"_s, u"maint"_s};
    for (const Vip *vip : selectVips(snapshot, filter)) {
        const Labels vipLabels{{u"vip"_s, vip->name}, {u"group"_s, vip->group}};
        e.addStateSet(u"vipdeck_vip_health"_s, vipLabels, u"health"_s, healthStates(),
                      healthOf(verdicts.vips, vip->name));
        for (const Placement &placement : vip->placements) {
            const Verdict *cell = verdicts.placement(vip->name, placement.host);
            const Announcement a = cell ? cell->announcement : Announcement::Unknown;
            if (!filter.matchesHost(placement.host))
                continue;
            const Labels where{{u"vip"_s, vip->name}, {u"host"_s, placement.host}};
            e.addStateSet(u"vipdeck_placement_health"_s, where, u"health"_s, healthStates(),
                          healthKey(cell ? cell->health : Health::Unknown));
            e.addStateSet(u"vipdeck_placement_announcement"_s, where, u"announcement"_s,
                          announcements, announcementKey(a));
            const HaproxyObservation *haproxy = snapshot.haproxy(vip->name, placement.host);
            errors += haproxy && haproxy->error ? 1 : 0;
            if (!haproxy || !haproxy->hasData() || haproxy->error)
                continue; // no figures that are not of this round
            for (const BackendObservation &backend : haproxy->backends) {
                if (backend.servers.isEmpty())
                    continue;
                Labels backendLabels = where;
                backendLabels.append({u"backend"_s, backend.name});
                e.add(u"vipdeck_backend_usable_servers"_s, backendLabels, backend.usableServers());
                for (const ServerObservation &server : backend.servers) {
                    Labels labels = backendLabels;
                    labels.append({u"server"_s, server.name});
                    e.add(u"vipdeck_server_up"_s, labels, server.isUp() ? 1 : 0);
                    e.addStateSet(u"vipdeck_server_admin_state"_s, labels, u"state"_s, adminStates,
                                  adminStateName(server.adminState()));
                    e.add(u"vipdeck_server_weight"_s, labels, server.weight);
                    e.add(u"vipdeck_server_sessions"_s, labels, double(server.sessions));
                    e.add(u"vipdeck_server_sessions_total"_s, labels, double(server.totalSessions));
                }
            }
        }
        const std::optional<int> announcing = announcingHosts(verdicts, *vip);
        e.add(u"vipdeck_vip_announcing_hosts"_s, vipLabels,
              announcing ? double(*announcing) : std::nan(""));
    }
    e.add(u"vipdeck_scrape_duration_seconds"_s, {}, double(pollMs) / 1000.0);
    e.add(u"vipdeck_scrape_errors"_s, {}, errors);
    return e.text();
}

} // namespace vipdeck::cli
