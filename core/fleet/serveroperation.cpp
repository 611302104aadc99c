#include "core/fleet/serveroperation.h"

#include "core/haproxy/haproxycommand.h"

#include <QCoreApplication>
#include <QMap>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

// This file's messages, in a context lupdate can see.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vipdeck::ServerOperation)
};

bool matches(const QString &filter, const QString &value)
{
    return filter.isEmpty() || filter == value;
}

bool selected(const ServerOperationRequest &request, const QString &vip, const QString &host,
              const QString &backend, int *weight)
{
    if (!matches(request.vip, vip) || !matches(request.host, host) ||
        !matches(request.backend, backend))
        return false;
    if (request.only.isEmpty())
        return true;
    for (const TargetSelector &s : request.only) {
        if (matches(s.vip, vip) && matches(s.host, host) && matches(s.backend, backend)) {
            if (s.weight >= 0)
                *weight = s.weight;
            return true;
        }
    }
    return false;
}

int editDistance(const QString &a, const QString &b)
{
    QList<int> prev(b.size() + 1), cur(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        prev[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        cur[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int cost = a[i - 1].toLower() == b[j - 1].toLower() ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

// Up to three known server names close to `name`, closest first.
QStringList closeNames(const Snapshot &snapshot, const QString &name)
{
    QSet<QString> all;
    for (const HaproxyObservation &h : snapshot.haproxies())
        for (const BackendObservation &b : h.backends)
            for (const ServerObservation &s : b.servers)
                all.insert(s.name);
    QMultiMap<int, QString> ranked;
    const int limit = std::max<int>(2, int(name.size() / 3));
    for (const QString &candidate : std::as_const(all)) {
        const int d = editDistance(name, candidate);
        if (d <= limit || candidate.contains(name, Qt::CaseInsensitive) ||
            name.contains(candidate, Qt::CaseInsensitive))
            ranked.insert(d, candidate);
    }
    QStringList out;
    for (auto it = ranked.cbegin(); it != ranked.cend() && out.size() < 3; ++it)
        out.append(it.value());
    return out;
}

// Would the server take traffic after the action (from what the snapshot says)?
bool usableAfter(const ServerObservation &server, ServerAction action, int weight)
{
    ServerObservation after = server;
    switch (action) {
    case ServerAction::Ready:
        after.adminFlags = {};
        if (after.status.state == ServerState::Drain || after.status.state == ServerState::Maint) {
            // The status column showed the admin state; the checks decide
            // after `ready`: assume UP when the last check passed.
            after.status.state =
                server.checkStatus.startsWith(u"L"_s) && server.checkStatus.endsWith(u"OK"_s)
                    ? ServerState::Up
                    : ServerState::Down;
        }
        break;
    case ServerAction::Drain:
    case ServerAction::Maint:
        return false;
    case ServerAction::Weight:
        after.weight = weight;
        break;
    }
    return after.isUsable();
}

bool alreadyThere(const ServerObservation &server, ServerAction action, int weight)
{
    switch (action) {
    case ServerAction::Ready:
        return server.adminState() == AdminState::Ready;
    case ServerAction::Drain:
        return server.adminState() == AdminState::Drain;
    case ServerAction::Maint:
        return server.adminState() == AdminState::Maint;
    case ServerAction::Weight:
        return server.weight == weight;
    }
    return false;
}

void fillImpact(ServerTarget &t, const BackendObservation &backend, const ServerObservation &server,
                ServerAction action, int weight)
{
    t.dataKnown = true;
    t.adminState = server.adminState();
    t.status = server.status;
    t.weight = server.weight;
    t.sessions = server.sessions;
    t.backup = server.backup;
    t.noChange = alreadyThere(server, action, weight);

    // Threshold as the verdicts count it: usable non-backup servers; and a
    // backend left with no usable server at all (backups included) is
    // always flagged.
    const bool before = server.isUsable();
    const bool after = usableAfter(server, action, weight);
    const int delta = int(after) - int(before);
    t.usableBefore = backend.usableActiveServers();
    t.usableAfter = t.usableBefore + (server.backup ? 0 : delta);
    const int totalAfter = backend.usableServers() + delta;
    t.belowThreshold =
        delta < 0 && ((!server.backup && t.usableAfter < t.minUpServers) || totalAfter == 0);
}

} // namespace

QString serverActionName(ServerAction action)
{
    switch (action) {
    case ServerAction::Ready:
        return u"ready"_s;
    case ServerAction::Drain:
        return u"drain"_s;
    case ServerAction::Maint:
        return u"maint"_s;
    case ServerAction::Weight:
        return u"weight"_s;
    }
    return {};
}

QString serverActionAuditName(ServerAction action)
{
    return action == ServerAction::Weight ? u"set-weight"_s : serverActionName(action);
}

std::optional<ServerAction> serverActionFromName(const QString &name)
{
    for (ServerAction a :
         {ServerAction::Ready, ServerAction::Drain, ServerAction::Maint, ServerAction::Weight}) {
        if (name == serverActionName(a) || name == serverActionAuditName(a))
            return a;
    }
    return std::nullopt;
}

QString ServerTarget::label() const
{
    return auditTarget(*this).label();
}

AuditTarget auditTarget(const ServerTarget &target)
{
    return AuditTarget{target.vip, target.host, target.backend, target.server};
}

bool OperationPreview::needsForce() const
{
    return std::any_of(targets.cbegin(), targets.cend(),
                       [](const ServerTarget &t) { return t.belowThreshold; });
}

QList<ServerTarget> OperationPreview::flagged() const
{
    QList<ServerTarget> out;
    for (const ServerTarget &t : targets)
        if (t.belowThreshold)
            out.append(t);
    return out;
}

int OperationPreview::unknownCount() const
{
    return int(std::count_if(targets.cbegin(), targets.cend(),
                             [](const ServerTarget &t) { return !t.dataKnown; }));
}

QString adminStateName(const std::optional<AdminState> &state)
{
    return state ? adminStateName(*state) : Tr::tr("unknown");
}

QJsonValue adminStateJson(const std::optional<AdminState> &state)
{
    return state ? QJsonValue(adminStateName(*state)) : QJsonValue(QJsonValue::Null);
}

Result<OperationPreview> previewServerOperation(const Snapshot &snapshot,
                                                const ServerOperationRequest &request)
{
    if (request.server.isEmpty())
        return Error(ErrorCode::InvalidArgument, Tr::tr("no server name given"), {},
                     Tr::tr("name the server as HAProxy knows it, e.g. web-07"));
    // HAProxy's name rules, checked the way the command will be built.
    if (auto check =
            HaproxyCommand::setServerState(u"backend"_s, request.server, ServerAdminAction::Ready);
        !check.ok())
        return check.error();
    if (request.action == ServerAction::Weight && (request.weight < 0 || request.weight > 256)) {
        const bool perTarget = !request.only.isEmpty() &&
                               std::all_of(request.only.cbegin(), request.only.cend(),
                                           [](const TargetSelector &s) { return s.weight >= 0; });
        if (!perTarget)
            return Error(ErrorCode::InvalidArgument,
                         Tr::tr("weight %1 is out of range").arg(request.weight), request.server,
                         Tr::tr("give an absolute weight from 0 to 256"));
    }

    const Inventory &inventory = snapshot.inventory();
    OperationPreview preview;
    preview.request = request;
    bool seenAnywhere = false; // the server exists within the VIP/host filters

    for (const Vip &vip : inventory.vips()) {
        if (!matches(request.vip, vip.name))
            continue;
        // Backends of this VIP that have the server, on any host with data:
        // used for hosts whose HAProxy was never read.
        QStringList knownBackends;
        for (const Placement &p : vip.placements) {
            const HaproxyObservation *h = snapshot.haproxy(vip.name, p.host);
            if (!h || !h->hasData())
                continue;
            for (const BackendObservation &b : h->backends)
                for (const ServerObservation &s : b.servers)
                    if (s.name == request.server && !knownBackends.contains(b.name))
                        knownBackends.append(b.name);
        }
        if (!knownBackends.isEmpty())
            seenAnywhere = true;

        for (const Placement &p : vip.placements) {
            if (!matches(request.host, p.host))
                continue;
            const HaproxyObservation *h = snapshot.haproxy(vip.name, p.host);
            const bool hasData = h && h->hasData();
            QStringList backends;
            if (hasData) {
                for (const BackendObservation &b : h->backends)
                    for (const ServerObservation &s : b.servers)
                        if (s.name == request.server)
                            backends.append(b.name);
            } else {
                backends = knownBackends;
            }
            for (const QString &backendName : std::as_const(backends)) {
                int weight = request.weight;
                if (!selected(request, vip.name, p.host, backendName, &weight))
                    continue;
                ServerTarget t;
                t.vip = vip.name;
                t.host = p.host;
                t.backend = backendName;
                t.server = request.server;
                t.group = p.group;
                t.statsSocket = p.statsSocket;
                t.minUpServers = p.minUpServers;
                if (h && h->error) {
                    t.stale = hasData;
                    t.dataError = h->error->toString();
                }
                if (hasData) {
                    t.dataTime = h->time;
                    const BackendObservation *b = h->backend(backendName);
                    for (const ServerObservation &s : b->servers)
                        if (s.name == request.server)
                            fillImpact(t, *b, s, request.action, weight);
                } else {
                    preview.notes.append(
                        Tr::tr("%1 on %2: no data yet%3; state and impact unknown")
                            .arg(vip.name, p.host,
                                 t.dataError.isEmpty() ? QString() : u" ("_s + t.dataError + u')'));
                }
                if (t.stale)
                    preview.notes.append(
                        Tr::tr("%1 on %2: data from %3, the last read failed (%4)")
                            .arg(vip.name, p.host, t.dataTime.toString(Qt::ISODate), t.dataError));
                preview.targets.append(t);
            }
        }
    }

    if (!seenAnywhere) {
        QString where = request.server;
        if (!request.vip.isEmpty())
            where += Tr::tr(" in VIP %1").arg(request.vip);
        if (!request.host.isEmpty())
            where += Tr::tr(" on host %1").arg(request.host);
        // Placements within the filters whose HAProxy could not be read (a
        // failed or cut-off dump): the server may well be there.
        QStringList unread;
        for (const Vip &vip : inventory.vips()) {
            if (!matches(request.vip, vip.name))
                continue;
            for (const Placement &p : vip.placements) {
                const HaproxyObservation *h = snapshot.haproxy(vip.name, p.host);
                if (!matches(request.host, p.host) || (h && h->hasData()))
                    continue;
                unread << (h && h->error
                               ? Tr::tr("%1 on %2: %3").arg(vip.name, p.host, h->error->toString())
                               : Tr::tr("%1 on %2: not read yet").arg(vip.name, p.host));
            }
        }
        if (!unread.isEmpty())
            return Error(ErrorCode::NoSuchServer,
                         Tr::tr("no server named %1 where HAProxy could be read; it may be on the "
                                "%n placement(s) that could not be read (%2)",
                                nullptr, int(unread.size()))
                             .arg(where, unread.join(u"; "_s)),
                         request.server,
                         Tr::tr("nothing was changed; try again once they can be read "
                                "(`vipdeckctl servers` lists them)"));
        QStringList elsewhere; // the exact name, outside the filters
        for (const HaproxyObservation &h : snapshot.haproxies()) {
            for (const BackendObservation &backend : h.backends) {
                for (const ServerObservation &server : backend.servers) {
                    const QString at = Tr::tr("VIP %1 on %2").arg(h.vip, h.host);
                    if (server.name == request.server && !elsewhere.contains(at))
                        elsewhere << at;
                }
            }
        }
        if (!elsewhere.isEmpty())
            return Error(ErrorCode::NoSuchServer, Tr::tr("no server named %1").arg(where),
                         request.server,
                         Tr::tr("it exists outside --vip/--host: %1").arg(elsewhere.join(u", "_s)));
        const QStringList close = closeNames(snapshot, request.server);
        return Error(ErrorCode::NoSuchServer, Tr::tr("no server named %1 in the fleet").arg(where),
                     request.server,
                     close.isEmpty() ? Tr::tr("check the name with `vipdeckctl servers`")
                                     : Tr::tr("did you mean %1?").arg(close.join(u", "_s)));
    }
    if (preview.targets.isEmpty())
        return Error(
            ErrorCode::NoSuchBackend,
            Tr::tr("server %1 exists, but not where the filters point").arg(request.server),
            request.server, Tr::tr("widen or correct --vip, --host or the backend"));
    std::sort(preview.targets.begin(), preview.targets.end(),
              [](const ServerTarget &a, const ServerTarget &b) {
                  return std::tie(a.vip, a.host, a.backend) < std::tie(b.vip, b.host, b.backend);
              });
    return preview;
}

bool OperationResult::ok() const
{
    return !refused && !targets.isEmpty() &&
           std::all_of(targets.cbegin(), targets.cend(),
                       [](const TargetResult &r) { return r.ok; });
}

int OperationResult::succeeded() const
{
    return int(std::count_if(targets.cbegin(), targets.cend(),
                             [](const TargetResult &r) { return r.ok; }));
}

int OperationResult::failed() const
{
    return int(std::count_if(targets.cbegin(), targets.cend(),
                             [](const TargetResult &r) { return !r.ok && !r.skipped; }));
}

QString OperationResult::summary() const
{
    if (refused)
        return Tr::tr("not started: %1").arg(refused->toString());
    QString text = Tr::tr("%1 of %2 targets done").arg(succeeded()).arg(targets.size());
    QStringList failures;
    for (const TargetResult &r : targets)
        if (!r.ok && !r.skipped)
            failures.append(r.target.label() + u": "_s +
                            (r.error ? r.error->toString() : r.message));
    if (!failures.isEmpty())
        text += Tr::tr("; failed: %1").arg(failures.join(u"; "_s));
    return text;
}

QList<ServerOperationRequest> reverseOperation(const OperationResult &result, const QString &reason)
{
    QList<ServerOperationRequest> out;
    const ServerOperationRequest &original = result.request;
    auto base = [&](ServerAction action) {
        ServerOperationRequest r;
        r.action = action;
        r.server = original.server;
        r.reason = reason;
        return r;
    };
    if (original.action == ServerAction::Weight) {
        ServerOperationRequest r = base(ServerAction::Weight);
        for (const TargetResult &t : result.targets)
            if (t.ok && t.weightBefore >= 0)
                r.only.append({t.target.vip, t.target.host, t.target.backend, t.weightBefore});
        if (!r.only.isEmpty())
            out.append(r);
        return out;
    }
    // Admin states: group the targets by the state they had before.
    QMap<int, ServerOperationRequest> byState;
    for (const TargetResult &t : result.targets) {
        if (!t.ok)
            continue;
        const ServerAction back = t.stateBefore == AdminState::Ready   ? ServerAction::Ready
                                  : t.stateBefore == AdminState::Drain ? ServerAction::Drain
                                                                       : ServerAction::Maint;
        auto it = byState.find(int(back));
        if (it == byState.end())
            it = byState.insert(int(back), base(back));
        it->only.append({t.target.vip, t.target.host, t.target.backend, -1});
    }
    for (const ServerOperationRequest &r : std::as_const(byState))
        out.append(r);
    return out;
}

} // namespace vipdeck
