#include "app/cli/monitoringplugin.h"

#include "core/common/controlcharacters.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace vipdeck::cli {

namespace {

// This file's messages, in a context lupdate can see.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vipdeck::cli)
};

// Worst first, as vipdeck ranks health: a known problem outranks missing data.
PluginState stateOf(Health health)
{
    switch (health) {
    case Health::Healthy:
        return PluginOk;
    case Health::Unknown:
        return PluginUnknown;
    case Health::Degraded:
        return PluginWarning;
    case Health::Critical:
        return PluginCritical;
    }
    return PluginUnknown;
}

int rank(PluginState state)
{
    switch (state) {
    case PluginOk:
        return 0;
    case PluginUnknown:
        return 1;
    case PluginWarning:
        return 2;
    case PluginCritical:
        return 3;
    }
    return 1;
}

PluginState worstOf(PluginState a, PluginState b)
{
    return rank(a) >= rank(b) ? a : b;
}

// Plugin output is one line of text per item, and '|' starts performance data.
QString plain(const QString &text)
{
    return escapeControlCharacters(text).replace(u'|', u'/');
}

// A perfdata label: quoted, a quote inside doubled, no '='.
QString label(QString name)
{
    name.replace(u'=', u'_').replace(u'\'', u"''"_s);
    return u'\'' + name + u'\'';
}

QString number(double value)
{
    return QString::number(value, 'g', 10);
}

struct Problem
{
    PluginState state;
    QString text;
};

} // namespace

QString pluginStateName(PluginState state)
{
    switch (state) {
    case PluginOk:
        return u"OK"_s;
    case PluginWarning:
        return u"WARNING"_s;
    case PluginCritical:
        return u"CRITICAL"_s;
    case PluginUnknown:
        break;
    }
    return u"UNKNOWN"_s;
}

bool PluginRange::alerts(double value) const
{
    const bool within = (startInfinite || value >= start) && (endInfinite || value <= end);
    return inside ? within : !within;
}

Result<PluginRange> parsePluginRange(const QString &text)
{
    PluginRange range;
    range.text = text;
    QString rest = text.trimmed();
    const auto invalid = [&] {
        return Error(ErrorCode::InvalidArgument, Tr::tr("'%1' is not a threshold range").arg(text),
                     {},
                     Tr::tr("write N (alert outside 0..N), N: (below N), ~:N (above N), N:M "
                            "(outside N..M) or @N:M (inside N..M)"));
    };
    if (rest.startsWith(u'@')) {
        range.inside = true;
        rest.remove(0, 1);
    }
    if (rest.isEmpty())
        return invalid();
    const qsizetype colon = rest.indexOf(u':');
    const QString low = colon < 0 ? u"0"_s : rest.left(colon);
    const QString high = colon < 0 ? rest : rest.mid(colon + 1);
    bool ok = true;
    if (low == u"~"_s) {
        range.startInfinite = true;
    } else {
        range.start = low.toDouble(&ok);
        if (!ok || !std::isfinite(range.start))
            return invalid();
    }
    if (high.isEmpty()) {
        range.endInfinite = true;
    } else {
        range.end = high.toDouble(&ok);
        if (!ok || !std::isfinite(range.end))
            return invalid();
    }
    if (!range.startInfinite && !range.endInfinite && range.start > range.end)
        return invalid();
    return range;
}

CheckOutcome checkFleet(const FleetUpdate &update, const FleetFilter &filter,
                        const CheckOptions &options, qint64 pollMs)
{
    const Snapshot &snapshot = update.snapshot;
    const FleetVerdicts &verdicts = *update.verdicts;
    const Group *group =
        options.group.isEmpty() ? nullptr : snapshot.inventory().group(options.group);
    QList<const Vip *> vips;
    for (const Vip *vip : selectVips(snapshot, filter)) {
        if (options.group.isEmpty() || vip->group == options.group)
            vips << vip;
    }
    QList<const Host *> hosts;
    for (const Host *host : selectHosts(snapshot, filter)) {
        if (!group || group->hosts.contains(host->name))
            hosts << host;
    }

    PluginState state = PluginOk;
    QList<Problem> problems;
    QSet<QString> seen;
    const auto addReasons = [&](const Verdict &verdict, const QString &subject, bool counts) {
        for (const Reason &reason : verdict.reasons) {
            if (reason.severity == Health::Healthy || seen.contains(reason.text))
                continue;
            seen.insert(reason.text);
            problems << Problem{stateOf(reason.severity), subject + u": "_s + reason.text};
        }
        if (counts)
            state = worstOf(state, stateOf(verdict.health));
    };

    // Thresholds: critical first, then warning; a value not known is not judged.
    const auto judge = [&](double value, const QString &subject, const QString &what) {
        if (options.critical && options.critical->alerts(value)) {
            problems << Problem{PluginCritical,
                                Tr::tr("%1: %2 is %3, outside -c %4")
                                    .arg(subject, what, number(value), options.critical->text)};
            state = worstOf(state, PluginCritical);
        } else if (options.warning && options.warning->alerts(value)) {
            problems << Problem{PluginWarning,
                                Tr::tr("%1: %2 is %3, outside -w %4")
                                    .arg(subject, what, number(value), options.warning->text)};
            state = worstOf(state, PluginWarning);
        }
    };
    const auto thresholds = [&](ThresholdOn on) {
        if (options.on != on)
            return QString(u";;"_s);
        return u";%1;%2"_s.arg(options.warning ? options.warning->text : QString(),
                               options.critical ? options.critical->text : QString());
    };

    int counts[4] = {};
    QStringList vipPerf;
    for (const Vip *vip : std::as_const(vips)) {
        const auto it = verdicts.vips.constFind(vip->name);
        const Health health = it == verdicts.vips.cend() ? Health::Unknown : it->health;
        ++counts[int(health)];
        if (it != verdicts.vips.cend())
            addReasons(*it, vip->name, true);
        else
            state = worstOf(state, PluginUnknown);

        const std::optional<int> announcing = announcingHosts(verdicts, *vip);
        vipPerf << label(u"announcing_"_s + vip->name) + u'=' +
                       (announcing ? QString::number(*announcing) : u"U"_s) +
                       thresholds(ThresholdOn::Announcing) + u";0;"_s +
                       QString::number(vip->placements.size());
        if (announcing && options.on == ThresholdOn::Announcing)
            judge(*announcing, vip->name, Tr::tr("the number of hosts announcing it"));

        for (const Placement &placement : vip->placements) {
            if (!filter.matchesHost(placement.host))
                continue;
            const HaproxyObservation *haproxy = snapshot.haproxy(vip->name, placement.host);
            if (!haproxy || !haproxy->hasData())
                continue;
            for (const BackendObservation &backend : haproxy->backends) {
                if (backend.servers.isEmpty())
                    continue;
                const QString where = vip->name + u'@' + placement.host + u'/' + backend.name;
                const bool fresh = !haproxy->error;
                vipPerf << label(u"up_"_s + where) + u'=' +
                               (fresh ? QString::number(backend.usableServers()) : u"U"_s) +
                               thresholds(ThresholdOn::UpServers) + u";0;"_s +
                               QString::number(backend.servers.size());
                if (fresh && options.on == ThresholdOn::UpServers)
                    judge(backend.usableServers(), where, Tr::tr("the number of usable servers"));
            }
        }
    }

    int reachable = 0;
    for (const Host *host : std::as_const(hosts)) {
        const HostObservation *observed = snapshot.host(host->name);
        reachable += observed && observed->reachable ? 1 : 0;
        if (const auto it = verdicts.hosts.constFind(host->name); it != verdicts.hosts.cend())
            addReasons(*it, host->name, true);
    }
    // Observers inform; what they cannot tell shows on the VIPs it concerns.
    for (const Host &observer : snapshot.inventory().observers()) {
        if (const auto it = verdicts.observers.constFind(observer.name);
            it != verdicts.observers.cend())
            addReasons(*it, observer.name, false);
    }
    if (vips.isEmpty() && hosts.isEmpty())
        state = PluginUnknown;

    std::stable_sort(problems.begin(), problems.end(), [](const Problem &a, const Problem &b) {
        return rank(a.state) > rank(b.state);
    });

    const int total = int(vips.size());
    QStringList parts;
    if (counts[int(Health::Critical)] > 0)
        parts << Tr::tr("%1 critical").arg(counts[int(Health::Critical)]);
    if (counts[int(Health::Degraded)] > 0)
        parts << Tr::tr("%1 degraded").arg(counts[int(Health::Degraded)]);
    if (counts[int(Health::Unknown)] > 0)
        parts << Tr::tr("%1 unknown").arg(counts[int(Health::Unknown)]);
    QString summary = parts.isEmpty() ? Tr::tr("%1 of %2 VIPs OK, %3 of %4 hosts reachable")
                                            .arg(counts[int(Health::Healthy)])
                                            .arg(total)
                                            .arg(reachable)
                                            .arg(hosts.size())
                                      : Tr::tr("%1 of %2 VIPs").arg(parts.join(u", "_s)).arg(total);
    if (!problems.isEmpty())
        summary += u": "_s + problems.first().text;
    else if (!parts.isEmpty() || state != PluginOk)
        summary += u": "_s + Tr::tr("%1 of %2 hosts reachable").arg(reachable).arg(hosts.size());

    QStringList perf{
        label(u"vips"_s) + u'=' + QString::number(total) + u";;;0"_s,
        label(u"vips_ok"_s) + u'=' + QString::number(counts[int(Health::Healthy)]) + u";;;0;"_s +
            QString::number(total),
        label(u"vips_degraded"_s) + u'=' + QString::number(counts[int(Health::Degraded)]) +
            u";;;0;"_s + QString::number(total),
        label(u"vips_critical"_s) + u'=' + QString::number(counts[int(Health::Critical)]) +
            u";;;0;"_s + QString::number(total),
        label(u"vips_unknown"_s) + u'=' + QString::number(counts[int(Health::Unknown)]) +
            u";;;0;"_s + QString::number(total),
        label(u"hosts_reachable"_s) + u'=' + QString::number(reachable) + u";;;0;"_s +
            QString::number(hosts.size()),
        label(u"poll_duration"_s) + u'=' + number(double(pollMs) / 1000.0) + u"s;;;0"_s,
    };
    perf += vipPerf;

    CheckOutcome outcome;
    outcome.state = state;
    outcome.output = u"VIPDECK "_s + pluginStateName(state) + u" - "_s + plain(summary) + u" | "_s +
                     perf.join(u' ') + u'\n';
    for (const Problem &problem : std::as_const(problems))
        outcome.output +=
            u'[' + pluginStateName(problem.state) + u"] "_s + plain(problem.text) + u'\n';
    return outcome;
}

} // namespace vipdeck::cli
