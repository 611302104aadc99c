#include "core/report/reporthistory.h"

#include "core/history/historydatabase.h"
#include "core/report/reportbuilder.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vipdeck::Report)
};

ReportCell time(qint64 ms)
{
    return ReportCell::fromTime(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC));
}

// A duration coloured like the verdict it counts, when there is any.
ReportCell duration(qint64 ms, std::optional<Health> health = std::nullopt)
{
    ReportCell cell = ReportCell::fromDuration(ms);
    if (ms > 0)
        cell.health = health;
    return cell;
}

void availabilityColumns(ReportTable &table)
{
    table.columns << ReportColumn{u"serving"_s, Tr::tr("Serving"), true}
                  << ReportColumn{u"healthy_s"_s, Tr::tr("Healthy"), true}
                  << ReportColumn{u"degraded_s"_s, Tr::tr("Degraded"), true}
                  << ReportColumn{u"critical_s"_s, Tr::tr("Critical"), true}
                  << ReportColumn{u"unknown_s"_s, Tr::tr("Unknown"), true}
                  << ReportColumn{u"not_recorded_s"_s, Tr::tr("Not recorded"), true};
}

QList<ReportCell> availabilityCells(const HistoryAvailability &a)
{
    return {ReportCell::fromRatio(a.servingRatio()),  duration(a.healthyMs),
            duration(a.degradedMs, Health::Degraded), duration(a.criticalMs, Health::Critical),
            duration(a.unknownMs, Health::Unknown),   duration(a.notRecordedMs, Health::Unknown)};
}

ReportTable availabilityTable(const QString &id, const QString &title,
                              const QList<HistoryAvailability> &rows, bool vip, bool host)
{
    ReportTable table;
    table.id = id;
    table.title = title;
    if (vip)
        table.columns << ReportColumn{u"vip"_s, Tr::tr("VIP")};
    if (host)
        table.columns << ReportColumn{u"host"_s, Tr::tr("Host")};
    availabilityColumns(table);
    for (const HistoryAvailability &a : rows) {
        QList<ReportCell> cells;
        if (vip)
            cells << ReportCell::fromText(a.vip);
        if (host)
            cells << ReportCell::fromText(a.host);
        table.rows << cells + availabilityCells(a);
    }
    table.emptyText = Tr::tr("Nothing was recorded in this window.");
    return table;
}

ReportCell endCell(qint64 endMs, bool ongoing)
{
    if (!ongoing)
        return time(endMs);
    ReportCell cell = time(endMs);
    cell.text = Tr::tr("ongoing");
    return cell;
}

ReportSummary summary(const HistorySummary &h)
{
    ReportSummary s;
    s.id = u"history"_s;
    qint64 critical = 0;
    for (const HistoryAvailability &a : h.vips)
        critical += a.criticalMs > 0 ? 1 : 0;
    int withdrawals = 0;
    for (const HistoryFlaps &f : h.flaps)
        withdrawals += f.withdrawals;
    int reloads = 0;
    for (const HistoryReloads &r : h.reloads)
        reloads += r.reloads;
    const qint64 window = h.untilMs - h.sinceMs;
    s.items << ReportColumn{u"history_recorded_s"_s, Tr::tr("Recorded"), true}
            << ReportColumn{u"history_recorded_ratio"_s, Tr::tr("Recorded share"), true}
            << ReportColumn{u"history_not_recorded_s"_s, Tr::tr("Not recorded"), true}
            << ReportColumn{u"history_incidents"_s, Tr::tr("Incidents"), true}
            << ReportColumn{u"history_vips_critical"_s, Tr::tr("VIPs critical at some time"), true}
            << ReportColumn{u"history_withdrawals"_s, Tr::tr("Withdrawals"), true}
            << ReportColumn{u"history_drains"_s, Tr::tr("Drains and maintenance"), true}
            << ReportColumn{u"history_reloads"_s, Tr::tr("Reloads"), true}
            << ReportColumn{u"history_below_min"_s, Tr::tr("Placements below min_up_servers"),
                            true};
    ReportCell incidents = ReportCell::fromInt(h.incidents.size());
    if (!h.incidents.isEmpty())
        incidents.health = Health::Critical;
    s.values << duration(h.recordedMs)
             << ReportCell::fromRatio(window > 0 ? double(h.recordedMs) / double(window) : -1)
             << duration(window - h.recordedMs, Health::Unknown) << incidents
             << ReportCell::fromInt(critical) << ReportCell::fromInt(withdrawals)
             << ReportCell::fromInt(h.maintenance.size()) << ReportCell::fromInt(reloads)
             << ReportCell::fromInt(h.capacity.size());
    return s;
}

} // namespace

void readReportHistoryInto(ReportInput &input, const AuditStoreConfig &config)
{
    HistoryDatabase db(config);
    if (Result<void> opened = db.open(HistoryDatabase::Access::Read); !opened) {
        input.historyError = opened.error();
        return;
    }
    HistoryInput window;
    window.sinceMs = input.since.toMSecsSinceEpoch();
    window.untilMs = input.until.toMSecsSinceEpoch();
    Result<QList<HistoryRecording>> recordings = db.recordings(window.sinceMs, window.untilMs);
    if (!recordings) {
        input.historyError = recordings.error();
        return;
    }
    Result<QList<HistorySpan>> spans = db.spans(
        window.sinceMs, window.untilMs,
        {HistoryKind::Vip, HistoryKind::Placement, HistoryKind::Host, HistoryKind::Announcement,
         HistoryKind::ServerAdmin, HistoryKind::Haproxy, HistoryKind::Capacity});
    if (!spans) {
        input.historyError = spans.error();
        return;
    }
    window.recordings = std::move(*recordings);
    window.spans = std::move(*spans);
    window.audit = input.auditWindow + input.serverHistory;
    input.history = summarizeHistory(window);
}

ReportSection historySection(const ReportInput &in)
{
    ReportSection section;
    section.id = u"history"_s;
    section.title = Tr::tr("History of the window");
    if (!in.history) {
        const QString why =
            in.historyError ? in.historyError->toString() : Tr::tr("no history store was read");
        section.blocks << ReportParagraph{
            Tr::tr("No history for this window (%1): the rest of this report describes the "
                   "fleet at the moment it was made. Run `vipdeckctl record` (or the "
                   "vipdeck-record service) to keep one.")
                .arg(why),
            Health::Unknown};
        return section;
    }
    const HistorySummary &h = *in.history;
    section.blocks << summary(h);

    section.blocks << availabilityTable(
        u"availability_vips"_s, Tr::tr("Time in each verdict, per VIP"), h.vips, true, false);

    ReportTable incidents;
    incidents.id = u"incidents"_s;
    incidents.title = Tr::tr("Incidents: critical periods of a VIP or a host");
    incidents.columns << ReportColumn{u"vip"_s, Tr::tr("VIP")}
                      << ReportColumn{u"host"_s, Tr::tr("Host")}
                      << ReportColumn{u"start"_s, Tr::tr("Start")}
                      << ReportColumn{u"end"_s, Tr::tr("End")}
                      << ReportColumn{u"duration_s"_s, Tr::tr("Duration"), true}
                      << ReportColumn{u"ongoing"_s, Tr::tr("Ongoing")}
                      << ReportColumn{u"reasons"_s, Tr::tr("Reasons")};
    for (const HistoryIncident &i : h.incidents) {
        ReportCell start = time(i.startMs);
        if (i.startsEarlier)
            start.text = Tr::tr("%1 (began earlier)").arg(start.text);
        incidents.rows << QList<ReportCell>{ReportCell::fromText(i.vip),
                                            ReportCell::fromText(i.host),
                                            start,
                                            endCell(i.endMs, i.ongoing),
                                            duration(i.endMs - i.startMs, Health::Critical),
                                            ReportCell::fromBool(i.ongoing),
                                            ReportCell::fromText(i.reasons)};
    }
    incidents.emptyText = Tr::tr("No VIP or host was critical in this window.");
    section.blocks << incidents;

    ReportTable maintenance;
    maintenance.id = u"maintenance"_s;
    maintenance.title = Tr::tr("Drains and maintenance, with who and why");
    maintenance.columns << ReportColumn{u"host"_s, Tr::tr("Host")}
                        << ReportColumn{u"vip"_s, Tr::tr("VIP")}
                        << ReportColumn{u"backend"_s, Tr::tr("Backend")}
                        << ReportColumn{u"server"_s, Tr::tr("Server")}
                        << ReportColumn{u"state"_s, Tr::tr("State")}
                        << ReportColumn{u"start"_s, Tr::tr("Start")}
                        << ReportColumn{u"end"_s, Tr::tr("End")}
                        << ReportColumn{u"duration_s"_s, Tr::tr("Duration"), true}
                        << ReportColumn{u"operator"_s, Tr::tr("By")}
                        << ReportColumn{u"reason"_s, Tr::tr("Reason")}
                        << ReportColumn{u"audit_id"_s, Tr::tr("Audit record"), true};
    for (const HistoryMaintenance &m : h.maintenance) {
        ReportCell by = ReportCell::fromText(m.operatorName);
        if (!m.auditId)
            by.text = Tr::tr("not through vipdeck");
        maintenance.rows << QList<ReportCell>{ReportCell::fromText(m.host),
                                              ReportCell::fromText(m.vip),
                                              ReportCell::fromText(m.backend),
                                              ReportCell::fromText(m.server),
                                              ReportCell::fromText(m.state),
                                              time(m.startMs),
                                              endCell(m.endMs, m.ongoing),
                                              duration(m.endMs - m.startMs),
                                              by,
                                              ReportCell::fromText(m.reason),
                                              m.auditId ? ReportCell::fromInt(m.auditId)
                                                        : ReportCell::empty()};
    }
    maintenance.emptyText = Tr::tr("No server was drained or in maintenance in this window.");
    section.blocks << maintenance;

    ReportTable flaps;
    flaps.id = u"flaps"_s;
    flaps.title = Tr::tr("Announcement changes per placement");
    flaps.columns << ReportColumn{u"vip"_s, Tr::tr("VIP")}
                  << ReportColumn{u"host"_s, Tr::tr("Host")}
                  << ReportColumn{u"withdrawals"_s, Tr::tr("Withdrawn"), true}
                  << ReportColumn{u"announcements"_s, Tr::tr("Announced again"), true};
    for (const HistoryFlaps &f : h.flaps)
        flaps.rows << QList<ReportCell>{ReportCell::fromText(f.vip), ReportCell::fromText(f.host),
                                        ReportCell::fromInt(f.withdrawals),
                                        ReportCell::fromInt(f.announcements)};
    flaps.emptyText = Tr::tr("No announcement changed in this window.");
    section.blocks << flaps;

    ReportTable capacity;
    capacity.id = u"below_min"_s;
    capacity.title = Tr::tr("Time below min_up_servers, per VIP and host");
    capacity.columns << ReportColumn{u"vip"_s, Tr::tr("VIP")}
                     << ReportColumn{u"host"_s, Tr::tr("Host")}
                     << ReportColumn{u"below_s"_s, Tr::tr("Below"), true}
                     << ReportColumn{u"longest_s"_s, Tr::tr("Longest"), true}
                     << ReportColumn{u"detail"_s, Tr::tr("Then")};
    for (const HistoryCapacity &c : h.capacity)
        capacity.rows << QList<ReportCell>{
            ReportCell::fromText(c.vip), ReportCell::fromText(c.host),
            duration(c.belowMs, Health::Degraded), duration(c.longestMs, Health::Degraded),
            ReportCell::fromText(c.detail)};
    capacity.emptyText = Tr::tr("No service backend was below min_up_servers in this window.");
    section.blocks << capacity;

    ReportTable reloads;
    reloads.id = u"reloads"_s;
    reloads.title = Tr::tr("HAProxy reloads and time it could not be read");
    reloads.columns << ReportColumn{u"vip"_s, Tr::tr("VIP")}
                    << ReportColumn{u"host"_s, Tr::tr("Host")}
                    << ReportColumn{u"reloads"_s, Tr::tr("Reloads"), true}
                    << ReportColumn{u"unreadable_s"_s, Tr::tr("Not readable"), true};
    for (const HistoryReloads &r : h.reloads)
        reloads.rows << QList<ReportCell>{ReportCell::fromText(r.vip), ReportCell::fromText(r.host),
                                          ReportCell::fromInt(r.reloads),
                                          duration(r.downMs, Health::Unknown)};
    reloads.emptyText = Tr::tr("No reload and no unreadable HAProxy in this window.");
    section.blocks << reloads;

    section.blocks << availabilityTable(u"availability_placements"_s,
                                        Tr::tr("Time in each verdict, per VIP and host"),
                                        h.placements, true, true)
                   << availabilityTable(u"availability_hosts"_s,
                                        Tr::tr("Time in each verdict, per host"), h.hosts, false,
                                        true);

    ReportTable gaps;
    gaps.id = u"not_recorded"_s;
    gaps.title = Tr::tr("Not recorded: nobody was looking");
    gaps.columns << ReportColumn{u"start"_s, Tr::tr("Start")}
                 << ReportColumn{u"end"_s, Tr::tr("End")}
                 << ReportColumn{u"duration_s"_s, Tr::tr("Duration"), true}
                 << ReportColumn{u"reason"_s, Tr::tr("Why")};
    for (const HistoryGap &g : h.gaps)
        gaps.rows << QList<ReportCell>{time(g.startMs), time(g.endMs),
                                       duration(g.endMs - g.startMs, Health::Unknown),
                                       ReportCell::fromText(g.reason)};
    gaps.emptyText = Tr::tr("The whole window was recorded.");
    section.blocks << gaps;
    return section;
}

} // namespace vipdeck
