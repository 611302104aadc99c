#include "app/cli/fleettext.h"

#include "app/cli/fleetjson.h"
#include "core/common/controlcharacters.h"
#include "core/report/reportdocument.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace vipdeck::cli {

namespace {

// This file's messages, in a context lupdate can see.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vipdeck::cli)
};

QString colored(const QString &text, Health health, const TextStyle &style)
{
    if (!style.color)
        return text;
    QString code;
    switch (health) {
    case Health::Healthy:
        code = u"32"_s;
        break;
    case Health::Unknown:
        code = u"35"_s;
        break;
    case Health::Degraded:
        code = u"33"_s;
        break;
    case Health::Critical:
        code = u"1;31"_s;
        break;
    }
    return u"\x1b["_s + code + u'm' + text + u"\x1b[0m"_s;
}

QString healthWord(const Verdict *verdict, const TextStyle &style)
{
    const Health health = verdict ? verdict->health : Health::Unknown;
    return colored(healthName(health), health, style);
}

// The status matrix's mark: " +" announced, " -" withdrawn, " ?" unknown;
// "*" after it when the observers decided (the host's BIRD was unread).
QString announcementMark(const Verdict *verdict)
{
    const QString fabric = verdict && verdict->announcementFromFabric ? u"*"_s : QString();
    switch (verdict ? verdict->announcement : Announcement::Unknown) {
    case Announcement::Announced:
        return u" +"_s + fabric;
    case Announcement::Withdrawn:
        return u" -"_s + fabric;
    case Announcement::Unknown:
        break;
    }
    return u" ?"_s;
}

// "announced", "withdrawn (as rr1, rr2 see it)", "announcement unknown".
QString announcementWords(const Verdict &verdict)
{
    if (verdict.announcement == Announcement::Unknown)
        return Tr::tr("announcement unknown");
    if (verdict.announcementFromFabric)
        return Tr::tr("%1 (as %2 see(s) it)")
            .arg(announcementName(verdict.announcement), verdict.decidedBy().join(u", "_s));
    return announcementName(verdict.announcement);
}

const Verdict *find(const QHash<QString, Verdict> &verdicts, const QString &key)
{
    const auto it = verdicts.constFind(key);
    return it == verdicts.cend() ? nullptr : &*it;
}

QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : u"-"_s;
}

} // namespace

QString statusText(const FleetUpdate &update, const FleetFilter &filter, const QString &fleetFile,
                   const TextStyle &style)
{
    const QJsonObject json = statusJson(update, filter, fleetFile);
    const QJsonObject summary = json.value(u"summary"_s).toObject();
    const Snapshot &snapshot = update.snapshot;
    const FleetVerdicts &verdicts = *update.verdicts;

    QString text;
    QStringList counts;
    for (const Health health :
         {Health::Critical, Health::Degraded, Health::Unknown, Health::Healthy}) {
        const int n = summary.value(healthKey(health)).toInt(); // JSON keys are not translated
        if (n > 0)
            counts << colored(u"%1 %2"_s.arg(n).arg(healthName(health)), health, style);
    }
    text += Tr::tr("%1 at %2: %3 of %4 hosts reachable; %n VIP(s)", nullptr,
                   int(summary.value(u"vips"_s).toInt()))
                .arg(fleetFile, timeText(snapshot.time()))
                .arg(summary.value(u"hosts_reachable"_s).toInt())
                .arg(summary.value(u"hosts"_s).toInt());
    if (!counts.isEmpty())
        text += u": "_s + counts.join(u", "_s);
    text += u"\n\n"_s;

    // Hosts.
    const QList<const Host *> hosts = selectHosts(snapshot, filter);
    QList<QStringList> hostRows{
        {Tr::tr("HOST"), Tr::tr("REACHABLE"), Tr::tr("HEALTH"), Tr::tr("BGP"), Tr::tr("AGE")}};
    for (const Host *host : hosts) {
        const HostObservation *observation = snapshot.host(host->name);
        const Verdict *verdict = find(verdicts.hosts, host->name);
        int established = 0;
        int sessions = 0;
        if (observation) {
            for (const BgpSessionObservation &session : observation->bgpSessions) {
                ++sessions;
                established += session.state == BgpState::Established ? 1 : 0;
            }
        }
        hostRows << QStringList{
            host->name, observation && observation->reachable ? Tr::tr("yes") : Tr::tr("no"),
            healthWord(verdict, style),
            observation && observation->hasBirdData()
                ? Tr::tr("%1/%2 established").arg(established).arg(sessions)
                : u"-"_s,
            verdict && verdict->ageSecs >= 0 ? u"%1s"_s.arg(verdict->ageSecs) : u"-"_s};
    }
    text += formatTable(hostRows) + u'\n';

    // Observers: what they hold is in the matrix; here, whether they answer.
    const QList<Host> &observers = snapshot.inventory().observers();
    if (!observers.isEmpty()) {
        QList<QStringList> rows{{Tr::tr("OBSERVER"), Tr::tr("REACHABLE"), Tr::tr("HEALTH"),
                                 Tr::tr("VIP PATHS"), Tr::tr("AGE")}};
        const QList<const Vip *> vips = selectVips(snapshot, filter);
        for (const Host &observer : observers) {
            const ObserverObservation *observation = snapshot.observer(observer.name);
            const Verdict *verdict = find(verdicts.observers, observer.name);
            int held = 0;
            for (const Vip *vip : vips) {
                const Verdict *v = find(verdicts.vips, vip->name);
                held += v && v->heldBy.contains(observer.name) ? 1 : 0;
            }
            rows << QStringList{
                observer.name, observation && observation->reachable ? Tr::tr("yes") : Tr::tr("no"),
                healthWord(verdict, style),
                observation && observation->hasData()
                    ? Tr::tr("%1 of %n VIP(s)", nullptr, int(vips.size())).arg(held)
                    : u"-"_s,
                verdict && verdict->ageSecs >= 0 ? u"%1s"_s.arg(verdict->ageSecs) : u"-"_s};
        }
        text += formatTable(rows) + u'\n';
    }

    // VIP x host matrix.
    QStringList header{Tr::tr("VIP")};
    for (const Host *host : hosts)
        header << host->name;
    header << Tr::tr("VIP VERDICT");
    QList<QStringList> vipRows{header};
    for (const Vip *vip : selectVips(snapshot, filter)) {
        QStringList row{vip->name};
        for (const Host *host : hosts) {
            if (!snapshot.inventory().placement(vip->name, host->name)) {
                row << u"."_s;
                continue;
            }
            const Verdict *verdict = verdicts.placement(vip->name, host->name);
            row << healthWord(verdict, style) + announcementMark(verdict);
        }
        row << healthWord(find(verdicts.vips, vip->name), style);
        vipRows << row;
    }
    text += formatTable(vipRows);
    text += Tr::tr("(+ announced over BGP, - withdrawn, ? unknown: the host or its BIRD could "
                   "not be read, . not placed there)") +
            u'\n';
    if (!observers.isEmpty())
        text += Tr::tr("(* as the observers see it: the host's BIRD could not be read)") + u'\n';

    // The worst reasons, once each.
    QList<Reason> reasons;
    QSet<QString> seen;
    const auto collect = [&](const Verdict *verdict, const QString &subject) {
        if (!verdict)
            return;
        for (const Reason &reason : verdict->reasons) {
            if (reason.severity == Health::Healthy || seen.contains(reason.text))
                continue;
            seen.insert(reason.text);
            Reason copy = reason;
            copy.text = subject + u": "_s + escapeControlCharacters(reason.text);
            reasons << copy;
        }
    };
    for (const Vip *vip : selectVips(snapshot, filter))
        collect(find(verdicts.vips, vip->name), vip->name);
    for (const Host *host : hosts)
        collect(find(verdicts.hosts, host->name), host->name);
    for (const Host &observer : observers)
        collect(find(verdicts.observers, observer.name), observer.name);
    std::stable_sort(reasons.begin(), reasons.end(), [](const Reason &a, const Reason &b) {
        return int(a.severity) > int(b.severity);
    });
    if (!reasons.isEmpty()) {
        text += u'\n' + Tr::tr("Worst reasons:") + u'\n';
        const qsizetype shown = std::min<qsizetype>(reasons.size(), style.maxReasons);
        QList<QStringList> rows;
        for (qsizetype i = 0; i < shown; ++i) {
            const Reason &reason = reasons.at(i);
            rows << QStringList{
                u" "_s, colored(healthName(reason.severity), reason.severity, style), reason.text};
        }
        text += formatTable(rows);
        if (reasons.size() > shown)
            text += Tr::tr("  ... and %n more (see 'vipdeckctl vips')", nullptr,
                           int(reasons.size() - shown)) +
                    u'\n';
    }
    return text;
}

QString vipsText(const FleetUpdate &update, const FleetFilter &filter, const TextStyle &style)
{
    const Snapshot &snapshot = update.snapshot;
    const FleetVerdicts &verdicts = *update.verdicts;
    // Two tables interleaved: one row per VIP, and under it one row per host
    // of its group; each aligned across every VIP, so the words line up.
    QList<QStringList> vipRows;
    QList<QList<QStringList>> placementRows;
    QList<QStringList> reasonLines;
    for (const Vip *vip : selectVips(snapshot, filter)) {
        QStringList prefixes;
        for (const Prefix &prefix : vip->prefixes)
            prefixes << prefix.toString();
        const Verdict *verdict = find(verdicts.vips, vip->name);
        vipRows << QStringList{vip->name, healthWord(verdict, style), prefixes.join(u' '),
                               Tr::tr("group %1").arg(vip->group)};
        QList<QStringList> rows;
        for (const Placement &placement : vip->placements) {
            if (!filter.matchesHost(placement.host))
                continue;
            const Verdict *p = verdicts.placement(vip->name, placement.host);
            // A healthy placement needs no reason: "healthy  healthy" says nothing twice.
            const bool healthy = p && p->health == Health::Healthy;
            rows << QStringList{u"  "_s, placement.host, healthWord(p, style),
                                p ? announcementWords(*p) : announcementName(Announcement::Unknown),
                                p && !healthy ? escapeControlCharacters(p->summary()) : QString()};
        }
        placementRows << rows;
        QStringList reasons;
        if (verdict) {
            for (const Reason &reason : verdict->reasons)
                reasons << u"    - %1: %2"_s.arg(severityName(reason.severity),
                                                 escapeControlCharacters(reason.text));
        }
        reasonLines << reasons;
    }
    QList<QStringList> allPlacements;
    for (const QList<QStringList> &rows : std::as_const(placementRows))
        allPlacements += rows;
    const QStringList vipLines = formatTable(vipRows).split(u'\n');
    const QStringList placementLines = formatTable(allPlacements).split(u'\n');
    QString text;
    qsizetype next = 0;
    for (qsizetype i = 0; i < vipRows.size(); ++i) {
        text += vipLines.at(i) + u'\n';
        for (qsizetype j = 0; j < placementRows.at(i).size(); ++j)
            text += placementLines.at(next++) + u'\n';
        for (const QString &line : reasonLines.at(i))
            text += line + u'\n';
    }
    return text;
}

QString serversText(const FleetUpdate &update, const FleetFilter &filter, const TextStyle &style)
{
    QList<QStringList> rows{{Tr::tr("VIP"), Tr::tr("HOST"), Tr::tr("BACKEND"), Tr::tr("SERVER"),
                             Tr::tr("STATE"), Tr::tr("STATUS"), Tr::tr("WEIGHT"),
                             Tr::tr("SESSIONS"), Tr::tr("CHECK")}};
    const QList<ServerRow> servers = selectServers(update.snapshot, filter);
    for (const ServerRow &row : servers) {
        const ServerObservation &s = *row.server;
        const QString state = serverStateWord(s);
        const Health health = state == u"up"_s     ? Health::Healthy
                              : state == u"down"_s ? (s.backup ? Health::Unknown : Health::Critical)
                                                   : Health::Degraded;
        // Names and words as HAProxy sent them: shown, never obeyed by the terminal.
        rows << QStringList{row.vip,
                            row.host,
                            escapeControlCharacters(s.backend),
                            escapeControlCharacters(s.name) +
                                (s.backup ? Tr::tr(" (backup)") : QString()),
                            colored(state, health, style),
                            escapeControlCharacters(s.status.raw),
                            QString::number(s.weight),
                            QString::number(s.sessions),
                            escapeControlCharacters(s.checkStatus)};
    }
    QString text = formatTable(rows) + Tr::tr("%n server(s)", nullptr, int(servers.size()));
    const QList<UnreadPlacement> unread = unreadPlacements(update.snapshot, filter);
    if (unread.isEmpty())
        return text + u'\n';
    text +=
        Tr::tr("; INCOMPLETE: %n placement(s) could not be read:", nullptr, int(unread.size())) +
        u'\n';
    for (const UnreadPlacement &u : unread)
        text += u"  %1 on %2: %3%4\n"_s.arg(
            u.vip, u.host, escapeControlCharacters(u.reason),
            u.olderDataSecs >= 0
                ? Tr::tr(" (its rows above are %n s old)", nullptr, int(u.olderDataSecs))
                : Tr::tr(" (none of its servers is listed)"));
    return text;
}

QString eventLine(const FleetEvent &event, const TextStyle &style)
{
    static const char *const severities[] = {"info", "warning", "problem"};
    const QString word = QString::fromLatin1(severities[int(event.severity)]).leftJustified(7);
    const QString severity =
        event.severity == FleetEvent::Severity::Problem   ? colored(word, Health::Critical, style)
        : event.severity == FleetEvent::Severity::Warning ? colored(word, Health::Degraded, style)
                                                          : word;
    return u"%1  %2  %3  %4"_s.arg(timeText(event.time), severity,
                                   escapeControlCharacters(event.subject()),
                                   escapeControlCharacters(event.text));
}

TextStyle textStyle(bool colorOption, bool outIsTerminal)
{
    TextStyle style;
    style.color = colorOption && outIsTerminal && qEnvironmentVariableIsEmpty("NO_COLOR") &&
                  qEnvironmentVariable("TERM") != u"dumb"_s;
    return style;
}

} // namespace vipdeck::cli
