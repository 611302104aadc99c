#pragma once

// BackendClassification: which backends of a VIP's HAProxy carry the VIP's
// traffic (service backends) and which do not (auxiliary: a stats page, a
// metrics exporter, a health-only backend whose servers others track, a
// backend without servers or one nothing routes to), each with its reason
// in plain words, and which frontends serve the VIP and where they route.
// classifyBackends() is a pure function over a parsed HaproxyConfig; the
// verdict engine counts only service backends.

#include "core/haproxy/haproxyconfig.h"

#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace vipdeck {

enum class BackendRole { Service, Auxiliary };

enum class AuxiliaryKind {
    None,            // a service backend
    StatsPage,       // `stats enable`/`stats uri` and no servers
    MetricsExporter, // `http-request use-service prometheus-exporter` and no servers
    HealthOnly,      // no frontend routes to it; servers elsewhere track its servers
    NoServers,       // routed to, but has no server lines
    Unreferenced,    // no frontend or listen section of the VIP routes to it
    Disabled,        // `disabled`: HAProxy does not run it
    NotListed,       // the fleet names the service backends, and not this one
};

// "stats page", "metrics exporter", "health-only", ...; "" for None.
QString auxiliaryKindName(AuxiliaryKind kind);

// Whether a frontend listens on one of the VIP's addresses.
enum class VipMatch { Yes, No, Unknown };

struct FrontendRoutes
{
    QString name;
    ProxyKind kind = ProxyKind::Frontend; // Frontend or Listen
    VipMatch servesVip = VipMatch::Unknown;
    QStringList backends; // static targets, default_backend last, without duplicates
    QList<BackendSwitch> dynamicRules;
    bool statsPage = false;
    bool metricsExporter = false;
    bool disabled = false;
    ConfigLocation at;

    bool operator==(const FrontendRoutes &other) const = default;
};

struct BackendClass
{
    QString name;
    ProxyKind kind = ProxyKind::Backend; // Backend or Listen
    BackendRole role = BackendRole::Service;
    AuxiliaryKind auxiliary = AuxiliaryKind::None;
    QString reason;         // in plain words, for people
    bool uncertain = false; // a dynamic use_backend or an unknown bind decided it
    QStringList routedFrom; // frontends/listens of the VIP that route here
    int servers = 0;        // server lines (a server-template counts once)
    int backupServers = 0;
    ConfigLocation at;

    bool isService() const { return role == BackendRole::Service; }
    bool operator==(const BackendClass &other) const = default;
};

struct ClassificationOptions
{
    // The VIP's prefixes (QHostAddress::parseSubnet form).  Unset: unknown,
    // every frontend counts as serving the VIP.
    std::optional<QList<QPair<QHostAddress, int>>> vipPrefixes;
    // fleet.yaml's explicit list of service backends; when not empty it wins.
    QStringList serviceBackends;
};

struct BackendClassification
{
    QList<FrontendRoutes> frontends;
    QList<BackendClass> backends; // in configuration order
    bool uncertain = false;       // some classes are guesses; see each one's reason
    QStringList notes;            // e.g. override names that are not in the configuration

    const BackendClass *backend(const QString &name) const;
    QStringList serviceBackends() const;
    bool operator==(const BackendClassification &other) const = default;
};

// Classifies every backend and listen section of `config` (see the header
// comment).  Rules, first match wins: an override list decides alone; a
// disabled backend is auxiliary; a backend or listen section routed from a
// frontend that serves the VIP is a service if it has servers, else a stats
// page, a metrics exporter or "no servers"; a listen section serving the
// VIP with servers is a service; with a dynamic use_backend, every backend
// with servers whose name fits the rule's pattern is a service, flagged
// uncertain; an unrouted backend whose servers are tracked is health-only;
// otherwise stats page, metrics exporter, no servers or unreferenced.
BackendClassification classifyBackends(const HaproxyConfig &config,
                                       const ClassificationOptions &options = {});

// Whether a `bind` address ("203.0.113.10:443", ":80", "*:80", "[::]:443",
// "ipv4@0.0.0.0:80", "unix@/run/x", "${VIP}:80") is on one of `prefixes`.
// Wildcards match; sockets that are not IP (unix@, abns@, fd@, /path) do not;
// an address from the environment is Unknown.
VipMatch bindMatchesVip(const QString &address, const QList<QPair<QHostAddress, int>> &prefixes);

} // namespace vipdeck
