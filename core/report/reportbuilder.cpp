#include "core/report/reportbuilder.h"

#include "core/common/controlcharacters.h"
#include "core/report/reporthistory.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <tuple>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

// This file's messages, in a context lupdate can see.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vipdeck::Report)
};

ReportColumn col(const QString &key, const QString &title, bool numeric = false)
{
    return {key, title, numeric};
}

ReportCell text(const QString &t)
{
    return ReportCell::fromText(t);
}

// Audit text as people read it in a report: control characters that older
// records may hold shown as \x1b, \r, \n instead of acting on the page.
ReportCell auditText(const QString &t)
{
    return text(escapeControlCharacters(t));
}

ReportCell withHealth(ReportCell cell, Health health)
{
    cell.health = health;
    return cell;
}

QStringList sortedHosts(const Snapshot &snapshot)
{
    QStringList names;
    for (const Host &h : snapshot.inventory().hosts())
        names << h.name;
    return names;
}

QString reasonsText(const Verdict &verdict)
{
    QStringList lines;
    for (const Reason &r : verdict.reasons)
        lines << r.text;
    return lines.isEmpty() ? healthName(verdict.health) : lines.join(u"; "_s);
}

// Sum over a VIP's frontends on one host.
qint64 frontendSessions(const HaproxyObservation &h)
{
    qint64 sum = 0;
    for (const FrontendObservation &fe : h.frontends)
        sum += fe.sessions;
    return sum;
}

qint64 frontend5xx(const HaproxyObservation &h)
{
    qint64 sum = 0;
    for (const FrontendObservation &fe : h.frontends)
        sum += fe.http5xx;
    return sum;
}

// 5xx responses of `vip` on every host over the samples (counter resets at
// reloads count from zero).
qint64 errorsDuringSamples(const QList<Snapshot> &samples, const QString &vip)
{
    qint64 total = 0;
    QHash<QString, qint64> last;
    for (const Snapshot &s : samples) {
        for (const HaproxyObservation &h : s.haproxies()) {
            if (h.vip != vip || !h.hasData())
                continue;
            const qint64 now = frontend5xx(h);
            const auto it = last.constFind(h.host);
            if (it != last.constEnd())
                total += now >= *it ? now - *it : now;
            last[h.host] = now;
        }
    }
    return total;
}

ReportSection summarySection(const ReportInput &in)
{
    const Snapshot &snap = in.snapshot;
    int byHealth[4] = {0, 0, 0, 0};
    for (const Vip &vip : snap.inventory().vips()) {
        const auto it = in.verdicts.vips.constFind(vip.name);
        ++byHealth[int(it == in.verdicts.vips.constEnd() ? Health::Unknown : it->health)];
    }
    int reachable = 0;
    int bgpUp = 0;
    int bgpTotal = 0;
    for (const Host &h : snap.inventory().hosts()) {
        const HostObservation *obs = snap.host(h.name);
        if (obs && obs->reachable)
            ++reachable;
        if (!obs)
            continue;
        for (const BgpSessionObservation &bgp : obs->bgpSessions) {
            ++bgpTotal;
            bgpUp += bgp.state == BgpState::Established ? 1 : 0;
        }
    }
    int servers = 0;
    int notReady = 0;
    for (const HaproxyObservation &h : snap.haproxies()) {
        for (const BackendObservation &be : h.backends) {
            for (const ServerObservation &s : be.servers) {
                ++servers;
                notReady += (!s.isUp() || s.adminState() != AdminState::Ready) ? 1 : 0;
            }
        }
    }
    const int hosts = int(snap.inventory().hosts().size());

    ReportSummary sum;
    sum.id = u"summary"_s;
    auto add = [&sum](const QString &key, const QString &label, ReportCell cell) {
        sum.items << col(key, label, true);
        sum.values << cell;
    };
    add(u"vips_total"_s, Tr::tr("VIPs"), ReportCell::fromInt(snap.inventory().vips().size()));
    add(u"vips_healthy"_s, Tr::tr("Healthy"),
        withHealth(ReportCell::fromInt(byHealth[int(Health::Healthy)]), Health::Healthy));
    add(u"vips_degraded"_s, Tr::tr("Degraded"),
        withHealth(ReportCell::fromInt(byHealth[int(Health::Degraded)]),
                   byHealth[int(Health::Degraded)] ? Health::Degraded : Health::Healthy));
    add(u"vips_critical"_s, Tr::tr("Critical"),
        withHealth(ReportCell::fromInt(byHealth[int(Health::Critical)]),
                   byHealth[int(Health::Critical)] ? Health::Critical : Health::Healthy));
    add(u"vips_unknown"_s, Tr::tr("Unknown"),
        withHealth(ReportCell::fromInt(byHealth[int(Health::Unknown)]),
                   byHealth[int(Health::Unknown)] ? Health::Unknown : Health::Healthy));
    ReportCell hostsCell = ReportCell::fromInt(reachable);
    hostsCell.text = Tr::tr("%1 of %2").arg(reachable).arg(hosts);
    add(u"hosts_reachable"_s, Tr::tr("Hosts reachable"),
        withHealth(hostsCell, reachable == hosts ? Health::Healthy : Health::Critical));
    add(u"hosts_total"_s, Tr::tr("Hosts"), ReportCell::fromInt(hosts));
    ReportCell bgpCell = ReportCell::fromInt(bgpUp);
    bgpCell.text = Tr::tr("%1 of %2").arg(bgpUp).arg(bgpTotal);
    add(u"bgp_established"_s, Tr::tr("BGP sessions up"),
        withHealth(bgpCell, bgpUp == bgpTotal ? Health::Healthy : Health::Degraded));
    add(u"servers_total"_s, Tr::tr("Servers"), ReportCell::fromInt(servers));
    add(u"servers_not_ready"_s, Tr::tr("Servers not ready"),
        withHealth(ReportCell::fromInt(notReady), notReady ? Health::Degraded : Health::Healthy));
    add(u"audit_entries"_s, Tr::tr("Audit entries in the window"),
        in.auditError ? ReportCell::empty() : ReportCell::fromInt(in.auditWindow.size()));

    ReportSection section;
    section.id = u"summary"_s;
    section.title = Tr::tr("Summary");
    section.blocks << sum;

    Health worst = Health::Healthy;
    QStringList problems;
    for (const Vip &vip : snap.inventory().vips()) {
        const auto it = in.verdicts.vips.constFind(vip.name);
        const Verdict v = it == in.verdicts.vips.constEnd() ? Verdict{} : *it;
        worst = worse(worst, v.health);
        if (v.health != Health::Healthy)
            problems << Tr::tr("%1 is %2: %3").arg(vip.name, healthName(v.health), v.summary());
    }
    section.blocks << ReportParagraph{
        problems.isEmpty() ? Tr::tr("Every VIP is healthy.") : problems.join(u'\n'), worst};
    section.blocks << ReportParagraph{
        Tr::tr("Fleet state read at %1 from %2.")
            .arg(reportTimeText(snap.time()), in.snapshot.inventory().sourceFile()),
        std::nullopt};
    return section;
}

// true / false, or empty with the word "unknown" when it could not be read.
ReportCell announcementCell(const Verdict *verdict)
{
    const Announcement a = verdict ? verdict->announcement : Announcement::Unknown;
    if (a == Announcement::Unknown)
        return ReportCell{QVariant(), announcementName(a), std::nullopt};
    ReportCell cell = ReportCell::fromBool(a == Announcement::Announced);
    // The host's BIRD was unread: the observers said it.
    if (verdict->announcementFromFabric)
        cell.text =
            Tr::tr("%1 (as %2 see(s) it)").arg(cell.text, verdict->decidedBy().join(u", "_s));
    return cell;
}

ReportSection anycastSection(const ReportInput &in)
{
    const Snapshot &snap = in.snapshot;
    const QStringList hosts = sortedHosts(snap);
    ReportTable matrix;
    matrix.id = u"matrix"_s;
    matrix.title = Tr::tr("Anycast matrix: is each VIP announced on each host?");
    matrix.columns << col(u"vip"_s, Tr::tr("VIP")) << col(u"vip_verdict"_s, Tr::tr("Verdict"));
    for (const QString &h : hosts)
        matrix.columns << col(u"host:"_s + h, h);
    for (const Vip &vip : snap.inventory().vips()) {
        QList<ReportCell> row;
        const auto vv = in.verdicts.vips.constFind(vip.name);
        row << text(vip.name)
            << ReportCell::fromHealth(vv == in.verdicts.vips.constEnd() ? Health::Unknown
                                                                        : vv->health);
        for (const QString &h : hosts) {
            const Verdict *pv = in.verdicts.placement(vip.name, h);
            if (!snap.inventory().placement(vip.name, h) || !pv) {
                row << ReportCell{QVariant(), u"\u2013"_s, std::nullopt};
                continue;
            }
            ReportCell cell;
            cell.value = announcementKey(pv->announcement);
            cell.text = announcementName(pv->announcement) + u", "_s + healthName(pv->health);
            cell.health = pv->health;
            row << cell;
        }
        matrix.rows << row;
    }

    ReportTable placements;
    placements.id = u"placements"_s;
    placements.title = Tr::tr("Every VIP on every host");
    placements.columns << col(u"vip"_s, Tr::tr("VIP")) << col(u"host"_s, Tr::tr("Host"))
                       << col(u"verdict"_s, Tr::tr("Verdict"))
                       << col(u"announced"_s, Tr::tr("Announced"))
                       << col(u"servers_usable"_s, Tr::tr("Usable servers"), true)
                       << col(u"servers_total"_s, Tr::tr("Servers"), true)
                       << col(u"sessions"_s, Tr::tr("Sessions"), true)
                       << col(u"http_5xx"_s, Tr::tr("5xx total"), true)
                       << col(u"data_age_s"_s, Tr::tr("Data age (s)"), true)
                       << col(u"reason"_s, Tr::tr("Worst reason"));
    for (const Vip &vip : snap.inventory().vips()) {
        for (const Placement &p : vip.placements) {
            const Verdict *pv = in.verdicts.placement(vip.name, p.host);
            const HaproxyObservation *h = snap.haproxy(vip.name, p.host);
            int usable = 0;
            int total = 0;
            if (h) {
                for (const BackendObservation &be : h->backends) {
                    usable += be.usableServers();
                    total += int(be.servers.size());
                }
            }
            const bool data = h && h->hasData();
            placements.rows << QList<ReportCell>{
                text(vip.name),
                text(p.host),
                ReportCell::fromHealth(pv ? pv->health : Health::Unknown),
                announcementCell(pv),
                data ? ReportCell::fromInt(usable) : ReportCell::empty(),
                data ? ReportCell::fromInt(total) : ReportCell::empty(),
                data ? ReportCell::fromInt(frontendSessions(*h)) : ReportCell::empty(),
                data ? ReportCell::fromInt(frontend5xx(*h)) : ReportCell::empty(),
                pv && pv->ageSecs >= 0 ? ReportCell::fromInt(pv->ageSecs) : ReportCell::empty(),
                // A healthy placement has no reason; its verdict says so already.
                pv && pv->health == Health::Healthy
                    ? ReportCell::empty()
                    : text(pv ? pv->summary() : Tr::tr("no verdict")),
            };
        }
    }
    ReportSection section;
    section.id = u"anycast"_s;
    section.title = Tr::tr("Anycast");
    section.blocks << matrix << placements;
    return section;
}

ReportSection vipSection(const ReportInput &in)
{
    ReportTable table;
    table.id = u"vips"_s;
    table.title = Tr::tr("Every VIP with its verdict and reasons");
    table.columns << col(u"vip"_s, Tr::tr("VIP")) << col(u"group"_s, Tr::tr("Group"))
                  << col(u"prefixes"_s, Tr::tr("Prefixes")) << col(u"verdict"_s, Tr::tr("Verdict"))
                  << col(u"hosts_announcing"_s, Tr::tr("Announced on"), true)
                  << col(u"reasons"_s, Tr::tr("Reasons"));
    for (const Vip &vip : in.snapshot.inventory().vips()) {
        const auto it = in.verdicts.vips.constFind(vip.name);
        const Verdict v = it == in.verdicts.vips.constEnd() ? Verdict{} : *it;
        QStringList prefixes;
        for (const Prefix &p : vip.prefixes)
            prefixes << p.toString();
        int announcing = 0;
        int unknown = 0;
        for (const Placement &p : vip.placements) {
            const Verdict *pv = in.verdicts.placement(vip.name, p.host);
            const Announcement a = pv ? pv->announcement : Announcement::Unknown;
            announcing += a == Announcement::Announced ? 1 : 0;
            unknown += a == Announcement::Unknown ? 1 : 0;
        }
        ReportCell announced = ReportCell::fromInt(announcing);
        announced.text = unknown == 0
                             ? Tr::tr("%1 of %2").arg(announcing).arg(vip.placements.size())
                             : Tr::tr("%1 of %2 (%3 unknown)")
                                   .arg(announcing)
                                   .arg(vip.placements.size())
                                   .arg(unknown);
        table.rows << QList<ReportCell>{text(vip.name),
                                        text(vip.group),
                                        text(prefixes.join(u", "_s)),
                                        ReportCell::fromHealth(v.health),
                                        announced,
                                        text(reasonsText(v))};
    }
    ReportSection section;
    section.id = u"vips"_s;
    section.title = Tr::tr("VIPs");
    section.blocks << table;
    return section;
}

// The newest intent in `records` that names this server.
const AuditRecord *lastChange(const QList<AuditRecord> &records, const QString &vip,
                              const QString &host, const QString &backend, const QString &server)
{
    const AuditRecord *best = nullptr;
    for (const AuditRecord &r : records) {
        if (r.kind != AuditKind::Intent)
            continue;
        const bool names =
            std::any_of(r.targets.begin(), r.targets.end(), [&](const AuditTarget &t) {
                return t.server == server && (t.vip.isEmpty() || t.vip == vip) &&
                       (t.host.isEmpty() || t.host == host) &&
                       (t.backend.isEmpty() || t.backend == backend);
            });
        if (names && (!best || r.id > best->id))
            best = &r;
    }
    return best;
}

ReportSection serverSection(const ReportInput &in)
{
    ReportTable table;
    table.id = u"servers"_s;
    table.title = Tr::tr("Servers that are down, drained or in maintenance");
    table.emptyText = Tr::tr("Every server is UP and ready.");
    table.columns << col(u"vip"_s, Tr::tr("VIP")) << col(u"host"_s, Tr::tr("Host"))
                  << col(u"backend"_s, Tr::tr("Backend")) << col(u"server"_s, Tr::tr("Server"))
                  << col(u"status"_s, Tr::tr("Status")) << col(u"admin"_s, Tr::tr("Admin"))
                  << col(u"check"_s, Tr::tr("Check")) << col(u"since_s"_s, Tr::tr("For (s)"), true)
                  << col(u"changed_by"_s, Tr::tr("Changed by"))
                  << col(u"changed_at"_s, Tr::tr("When")) << col(u"action"_s, Tr::tr("Action"))
                  << col(u"reason"_s, Tr::tr("Reason"))
                  << col(u"audit_id"_s, Tr::tr("Audit #"), true);
    const QList<AuditRecord> history = in.serverHistory + in.auditWindow;
    QList<const HaproxyObservation *> haproxies;
    for (const HaproxyObservation &h : in.snapshot.haproxies())
        haproxies << &h;
    std::sort(haproxies.begin(), haproxies.end(), [](auto *a, auto *b) {
        return std::tie(a->vip, a->host) < std::tie(b->vip, b->host);
    });
    for (const HaproxyObservation *h : haproxies) {
        for (const BackendObservation &be : h->backends) {
            for (const ServerObservation &s : be.servers) {
                const AdminState admin = s.adminState();
                if (s.isUp() && admin == AdminState::Ready)
                    continue;
                const Health health =
                    !s.isUp() && admin == AdminState::Ready ? Health::Critical : Health::Degraded;
                const AuditRecord *r = lastChange(history, h->vip, h->host, be.name, s.name);
                ReportCell status = withHealth(text(s.status.raw), health);
                table.rows << QList<ReportCell>{
                    text(h->vip),
                    text(h->host),
                    text(be.name),
                    text(s.name),
                    status,
                    text(adminStateName(admin)),
                    text(s.checkStatus),
                    s.lastChangeSecs >= 0 ? ReportCell::fromInt(s.lastChangeSecs)
                                          : ReportCell::empty(),
                    r ? auditText(r->operatorName + u'@' + r->workstation)
                      : text(in.auditError ? Tr::tr("audit log unavailable")
                                           : Tr::tr("not in the audit log")),
                    r ? ReportCell::fromTime(r->time) : ReportCell::empty(),
                    r ? auditText(r->action) : ReportCell::empty(),
                    r ? auditText(r->reason) : ReportCell::empty(),
                    r ? ReportCell::fromInt(r->id) : ReportCell::empty(),
                };
            }
        }
    }
    ReportSection section;
    section.id = u"servers"_s;
    section.title = Tr::tr("Servers");
    section.blocks << table;
    if (!table.rows.isEmpty() && !in.auditError) {
        section.blocks << ReportParagraph{
            Tr::tr("\"Changed by\" is the newest audit entry naming the server. A server that went "
                   "DOWN by itself (failed health checks) has no audit entry."),
            std::nullopt};
    }
    return section;
}

// When a session changed state: the UTC time, or BIRD's own text when it
// printed a date only (no value then: the time of day is not known).
ReportCell sinceCell(const QDateTime &utc, const QString &bird)
{
    if (utc.isValid())
        return ReportCell::fromTime(utc);
    return {QVariant(), bird, std::nullopt};
}

ReportSection sessionSection(const ReportInput &in)
{
    ReportTable bgp;
    bgp.id = u"bgp"_s;
    bgp.title = Tr::tr("BGP sessions per host");
    bgp.emptyText = Tr::tr("No BGP session was read.");
    bgp.columns << col(u"host"_s, Tr::tr("Host")) << col(u"protocol"_s, Tr::tr("Protocol"))
                << col(u"neighbor"_s, Tr::tr("Neighbor"))
                << col(u"neighbor_as"_s, Tr::tr("AS"), true) << col(u"state"_s, Tr::tr("State"))
                << col(u"since"_s, Tr::tr("Since"))
                << col(u"routes_exported"_s, Tr::tr("Exported"), true)
                << col(u"info"_s, Tr::tr("Info"));
    ReportTable bfd;
    bfd.id = u"bfd"_s;
    bfd.title = Tr::tr("BFD sessions per host");
    bfd.emptyText = Tr::tr("No BFD session was read.");
    bfd.columns << col(u"host"_s, Tr::tr("Host")) << col(u"address"_s, Tr::tr("Address"))
                << col(u"interface"_s, Tr::tr("Interface")) << col(u"state"_s, Tr::tr("State"))
                << col(u"since"_s, Tr::tr("Since"));
    for (const QString &name : sortedHosts(in.snapshot)) {
        const HostObservation *h = in.snapshot.host(name);
        if (!h)
            continue;
        for (const BgpSessionObservation &s : h->bgpSessions) {
            const bool up = s.state == BgpState::Established;
            bgp.rows << QList<ReportCell>{
                text(name),
                text(s.protocol),
                text(s.neighborAddress),
                ReportCell::fromInt(s.neighborAs),
                withHealth(text(bgpStateName(s.state)), up ? Health::Healthy : Health::Critical),
                sinceCell(s.sinceTime, s.since),
                ReportCell::fromInt(s.routesExported),
                text(s.lastError.isEmpty() ? s.info : s.info + u" ("_s + s.lastError + u')'),
            };
        }
        for (const BfdSessionObservation &s : h->bfdSessions) {
            bfd.rows << QList<ReportCell>{text(name), text(s.address), text(s.interface),
                                          withHealth(text(bfdStateName(s.state)),
                                                     s.isUp() ? Health::Healthy : Health::Critical),
                                          sinceCell(s.sinceTime, s.since)};
        }
    }
    ReportSection section;
    section.id = u"sessions"_s;
    section.title = Tr::tr("BGP and BFD sessions");
    section.blocks << bgp << bfd;
    return section;
}

// One series per host of `vip`: sessions now, or 5xx responses per second
// between consecutive samples.
QList<ReportSeries> vipSeries(const ReportInput &in, const QString &vip, bool errors)
{
    QList<ReportSeries> list;
    const Vip *v = in.snapshot.inventory().vip(vip);
    if (!v)
        return list;
    for (const Placement &p : v->placements) {
        ReportSeries series;
        series.name = p.host;
        QDateTime lastTime;
        qint64 lastCount = 0;
        for (const Snapshot &s : in.samples) {
            const HaproxyObservation *h = s.haproxy(vip, p.host);
            if (!h || !h->hasData() || (lastTime.isValid() && h->time <= lastTime))
                continue;
            if (!errors) {
                series.points << ReportPoint{h->time, double(frontendSessions(*h))};
            } else {
                const qint64 count = frontend5xx(*h);
                if (lastTime.isValid()) {
                    const double secs = double(lastTime.msecsTo(h->time)) / 1000.0;
                    const qint64 delta = count >= lastCount ? count - lastCount : count;
                    series.points << ReportPoint{h->time, double(delta) / secs};
                }
                lastCount = count;
            }
            lastTime = h->time;
        }
        if (!series.points.isEmpty())
            list << series;
    }
    return list;
}

ReportSection chartSection(const ReportInput &in)
{
    ReportSection section;
    section.id = u"charts"_s;
    section.title = Tr::tr("Sessions and 5xx of the worst VIPs");
    QDateTime first;
    QDateTime last;
    for (const Snapshot &s : in.samples) {
        if (!first.isValid() || s.time() < first)
            first = s.time();
        if (!last.isValid() || s.time() > last)
            last = s.time();
    }
    if (in.samples.size() < 2) {
        section.blocks << ReportParagraph{
            Tr::tr("No charts: the fleet was read once, at %1. Charts need samples over a period "
                   "(vipdeckctl report --sample 30s).")
                .arg(reportTimeText(in.snapshot.time())),
            Health::Unknown};
        return section;
    }
    const QString source = in.samplesSource.isEmpty() ? Tr::tr("sampled") : in.samplesSource;
    const QString coverage = Tr::tr("%1 samples from %2 to %3, %4. These charts cover only this "
                                    "period, not the whole report window.")
                                 .arg(in.samples.size())
                                 .arg(reportTimeText(first), reportTimeText(last), source);
    section.blocks << ReportParagraph{coverage, std::nullopt};
    for (const QString &vip : worstVips(in, in.worstVips)) {
        ReportChart sessions;
        sessions.id = u"sessions:"_s + vip;
        sessions.title = Tr::tr("%1: current sessions per host").arg(vip);
        sessions.unit = Tr::tr("sessions");
        sessions.style = ReportChart::Style::Area;
        sessions.coverage = coverage;
        sessions.series = vipSeries(in, vip, false);
        ReportChart errors;
        errors.id = u"http_5xx:"_s + vip;
        errors.title = Tr::tr("%1: 5xx responses per second per host").arg(vip);
        errors.unit = Tr::tr("5xx/s");
        errors.style = ReportChart::Style::Line;
        errors.coverage = coverage;
        errors.series = vipSeries(in, vip, true);
        section.blocks << sessions << errors;
    }
    return section;
}

QString targetsText(const QList<AuditTarget> &targets)
{
    QStringList labels;
    for (const AuditTarget &t : targets)
        labels << t.label();
    return labels.join(u"; "_s);
}

QString outcomeText(const AuditRecord &completion)
{
    int ok = 0;
    int failed = 0;
    int skipped = 0;
    for (const AuditTargetResult &r : completion.results) {
        ok += r.outcome == AuditOutcome::Ok ? 1 : 0;
        failed += r.outcome == AuditOutcome::Failed ? 1 : 0;
        skipped += r.outcome == AuditOutcome::Skipped ? 1 : 0;
    }
    if (!failed && !skipped)
        return u"ok"_s;
    QStringList parts;
    if (ok)
        parts << Tr::tr("%1 ok").arg(ok);
    if (failed)
        parts << Tr::tr("%1 failed").arg(failed);
    if (skipped)
        parts << Tr::tr("%1 skipped").arg(skipped);
    return parts.join(u", "_s);
}

ReportSection auditSection(const ReportInput &in)
{
    ReportSection section;
    section.id = u"audit"_s;
    section.title = Tr::tr("Audit log");
    if (in.auditError) {
        section.blocks << ReportParagraph{
            Tr::tr("The audit log could not be read: %1").arg(in.auditError->toString()),
            Health::Unknown};
        return section;
    }
    ReportTable table;
    table.id = u"audit"_s;
    table.title = Tr::tr("Audit entries from %1 to %2")
                      .arg(reportTimeText(in.since), reportTimeText(in.until));
    table.emptyText = Tr::tr("No audit entries in this window.");
    table.columns << col(u"id"_s, Tr::tr("#"), true) << col(u"time"_s, Tr::tr("Time"))
                  << col(u"operator"_s, Tr::tr("Operator")) << col(u"action"_s, Tr::tr("Action"))
                  << col(u"targets"_s, Tr::tr("Targets")) << col(u"reason"_s, Tr::tr("Reason"))
                  << col(u"outcome"_s, Tr::tr("Outcome"));
    QHash<qint64, const AuditRecord *> completions;
    QSet<qint64> intents;
    for (const AuditRecord &r : in.auditWindow) {
        if (r.kind == AuditKind::Completion && r.intentId)
            completions.insert(*r.intentId, &r);
        else
            intents.insert(r.id);
    }
    for (const AuditRecord &r : in.auditWindow) {
        ReportCell outcome;
        if (r.kind == AuditKind::Completion) {
            if (r.intentId && intents.contains(*r.intentId))
                continue; // shown on its intent's row
            outcome = text(outcomeText(r));
        } else if (const AuditRecord *c = completions.value(r.id)) {
            outcome = text(outcomeText(*c));
        } else if (r.isIncomplete()) {
            outcome = withHealth(text(u"incomplete"_s), Health::Degraded);
        } else {
            outcome = text(Tr::tr("completed by #%1").arg(r.completedBy.value_or(0)));
        }
        if (outcome.text != u"ok"_s && !outcome.health)
            outcome.health = Health::Degraded;
        table.rows << QList<ReportCell>{
            ReportCell::fromInt(r.id),
            ReportCell::fromTime(r.time),
            auditText(r.operatorName + u'@' + r.workstation),
            auditText(r.kind == AuditKind::Completion
                          ? Tr::tr("%1 (completes #%2)").arg(r.action).arg(r.intentId.value_or(0))
                          : r.action),
            auditText(targetsText(r.targets)),
            auditText(r.reason),
            outcome,
        };
    }
    section.blocks << table;
    if (in.auditAnchor) {
        // The log's newest record when the report read it: a later
        // `audit verify --anchor` proves nothing was removed or rewritten since.
        section.blocks << ReportParagraph{
            Tr::tr("Audit log anchor when this report was made (record %1):\n%2\nCheck later "
                   "that the log still holds it: vipdeckctl audit verify --anchor %2")
                .arg(in.auditAnchor->id)
                .arg(in.auditAnchor->text()),
            std::nullopt};
    }
    if (in.auditTruncated) {
        section.blocks << ReportParagraph{
            Tr::tr(
                "The window holds more entries than the report lists; use vipdeckctl audit export "
                "for all of them."),
            Health::Unknown};
    }
    return section;
}

} // namespace

QStringList worstVips(const ReportInput &input, int count)
{
    struct Rank
    {
        QString vip;
        Health health;
        qint64 errors;
        qint64 sessions;
    };
    QList<Rank> ranks;
    for (const Vip &vip : input.snapshot.inventory().vips()) {
        const auto it = input.verdicts.vips.constFind(vip.name);
        qint64 sessions = 0;
        for (const HaproxyObservation &h : input.snapshot.haproxies()) {
            if (h.vip == vip.name)
                sessions += frontendSessions(h);
        }
        ranks << Rank{vip.name, it == input.verdicts.vips.constEnd() ? Health::Unknown : it->health,
                      errorsDuringSamples(input.samples, vip.name), sessions};
    }
    std::stable_sort(ranks.begin(), ranks.end(), [](const Rank &a, const Rank &b) {
        if (a.health != b.health)
            return int(a.health) > int(b.health);
        if (a.errors != b.errors)
            return a.errors > b.errors;
        return a.sessions > b.sessions;
    });
    QStringList names;
    for (const Rank &r : ranks.mid(0, count))
        names << r.vip;
    return names;
}

ReportDocument buildReport(const ReportInput &input)
{
    ReportDocument doc;
    doc.title = Tr::tr("Fleet health report");
    doc.fleet = input.snapshot.inventory().sourceFile();
    doc.generated = input.until.isValid() ? input.until.toUTC() : input.snapshot.time().toUTC();
    doc.since = input.since.toUTC();
    doc.until = doc.generated;
    doc.generator = input.generator;
    if (input.auditAnchor)
        doc.auditAnchor = input.auditAnchor->text();
    doc.sections << summarySection(input) << anycastSection(input) << vipSection(input)
                 << serverSection(input) << sessionSection(input) << chartSection(input)
                 << auditSection(input);
    if (input.history || input.historyError)
        doc.sections.insert(1, historySection(input));
    return doc;
}

} // namespace vipdeck
