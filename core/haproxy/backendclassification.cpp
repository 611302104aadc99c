#include "core/haproxy/backendclassification.h"

#include "core/haproxy/haproxytr.h"

#include <QHash>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

// "bk_%[req.hdr(host),lower]" -> ^bk_.*$ : the literal parts of a
// log-format backend name must match, every expression (and every
// environment variable, "${BE}") matches anything.
QRegularExpression dynamicNamePattern(const QString &format)
{
    QString pattern = u"^"_s;
    QString literal;
    const auto flush = [&] {
        pattern += QRegularExpression::escape(literal);
        literal.clear();
    };
    qsizetype i = 0;
    while (i < format.size()) {
        const QChar c = format.at(i);
        if (c == u'$') {
            ++i;
            if (i < format.size() && format.at(i) == u'{') {
                while (i < format.size() && format.at(i) != u'}')
                    ++i;
                ++i;
            } else {
                while (i < format.size() &&
                       (format.at(i).isLetterOrNumber() || format.at(i) == u'_'))
                    ++i;
            }
            flush();
            pattern += u".*"_s;
            continue;
        }
        if (c != u'%') {
            literal += c;
            ++i;
            continue;
        }
        if (i + 1 < format.size() && format.at(i + 1) == u'%') {
            literal += u'%';
            i += 2;
            continue;
        }
        ++i;
        if (i < format.size() && format.at(i) == u'{') {
            while (i < format.size() && format.at(i) != u'}')
                ++i;
            ++i;
        }
        if (i < format.size() && format.at(i) == u'[') {
            int depth = 0;
            for (; i < format.size(); ++i) {
                if (format.at(i) == u'[')
                    ++depth;
                else if (format.at(i) == u']' && --depth == 0)
                    break;
            }
            ++i;
        } else {
            while (i < format.size() && (format.at(i).isLetterOrNumber() || format.at(i) == u'_'))
                ++i;
        }
        flush();
        pattern += u".*"_s;
    }
    flush();
    return QRegularExpression(pattern + u'$');
}

QString listOf(const QStringList &names)
{
    return names.join(u", "_s);
}

} // namespace

QString auxiliaryKindName(AuxiliaryKind kind)
{
    switch (kind) {
    case AuxiliaryKind::None:
        return {};
    case AuxiliaryKind::StatsPage:
        return u"stats page"_s;
    case AuxiliaryKind::MetricsExporter:
        return u"metrics exporter"_s;
    case AuxiliaryKind::HealthOnly:
        return u"health-only"_s;
    case AuxiliaryKind::NoServers:
        return u"no servers"_s;
    case AuxiliaryKind::Unreferenced:
        return u"unreferenced"_s;
    case AuxiliaryKind::Disabled:
        return u"disabled"_s;
    case AuxiliaryKind::NotListed:
        return u"not listed"_s;
    }
    return {};
}

VipMatch bindMatchesVip(const QString &address, const QList<QPair<QHostAddress, int>> &prefixes)
{
    if (address.contains(u'$'))
        return VipMatch::Unknown;
    QString rest = address;
    if (const qsizetype at = rest.indexOf(u'@'); at >= 0) {
        static const QStringList ipFamilies = {u"ipv4"_s,  u"ipv6"_s,  u"tcp"_s,  u"tcp4"_s,
                                               u"tcp6"_s,  u"udp"_s,   u"udp4"_s, u"udp6"_s,
                                               u"quic4"_s, u"quic6"_s, u"quic"_s};
        if (!ipFamilies.contains(rest.left(at)))
            return VipMatch::No; // unix@, abns@, fd@, sockpair@, ...
        rest = rest.mid(at + 1);
    }
    if (rest.startsWith(u'/'))
        return VipMatch::No;
    QString host;
    if (rest.startsWith(u'[')) {
        const qsizetype close = rest.indexOf(u']');
        if (close < 0)
            return VipMatch::Unknown;
        host = rest.mid(1, close - 1);
    } else {
        const qsizetype colon = rest.lastIndexOf(u':');
        host = colon >= 0 ? rest.left(colon) : rest;
    }
    const bool anyV4 = std::any_of(prefixes.cbegin(), prefixes.cend(), [](const auto &p) {
        return p.first.protocol() == QAbstractSocket::IPv4Protocol;
    });
    if (host.isEmpty() || host == u"*"_s || host == u"::"_s)
        return prefixes.isEmpty() ? VipMatch::No : VipMatch::Yes;
    if (host == u"0.0.0.0"_s)
        return anyV4 ? VipMatch::Yes : VipMatch::No;
    const QHostAddress parsed(host);
    if (parsed.isNull())
        return VipMatch::Unknown; // a DNS name: resolved on the host
    for (const auto &prefix : prefixes) {
        if (parsed.isInSubnet(prefix))
            return VipMatch::Yes;
    }
    return VipMatch::No;
}

BackendClassification classifyBackends(const HaproxyConfig &config,
                                       const ClassificationOptions &options)
{
    BackendClassification out;

    // Frontends and listen sections: do they serve the VIP, where do they route.
    QHash<QString, QStringList> routedFrom;      // from frontends that serve the VIP
    QHash<QString, QStringList> routedElsewhere; // from frontends that do not
    QHash<QString, bool> routeUncertain;
    QList<std::pair<QRegularExpression, BackendSwitch>> dynamicRules;
    for (const ConfigProxy &p : config.proxies) {
        if (!p.acceptsConnections())
            continue;
        FrontendRoutes f;
        f.name = p.name;
        f.kind = p.kind;
        f.at = p.at;
        f.disabled = p.disabled;
        f.statsPage = p.statsPage;
        f.metricsExporter = p.metricsExporter;
        if (p.binds.isEmpty()) {
            f.servesVip = VipMatch::No;
        } else if (!options.vipPrefixes) {
            f.servesVip = VipMatch::Unknown;
        } else {
            f.servesVip = VipMatch::No;
            for (const BindLine &bind : p.binds) {
                for (const QString &address : bind.addresses) {
                    const VipMatch m = bindMatchesVip(address, *options.vipPrefixes);
                    if (m == VipMatch::Yes)
                        f.servesVip = VipMatch::Yes;
                    else if (m == VipMatch::Unknown && f.servesVip == VipMatch::No)
                        f.servesVip = VipMatch::Unknown;
                }
            }
        }
        QList<BackendSwitch> rules = p.useBackends;
        if (p.defaultBackend)
            rules.append(*p.defaultBackend);
        for (const BackendSwitch &rule : rules) {
            if (rule.dynamic)
                f.dynamicRules.append(rule);
            else if (!f.backends.contains(rule.backend))
                f.backends.append(rule.backend);
        }
        const bool serves = !f.disabled && f.servesVip != VipMatch::No;
        const bool unsure = options.vipPrefixes && f.servesVip == VipMatch::Unknown;
        if (serves && unsure)
            out.uncertain = true;
        for (const QString &name : std::as_const(f.backends)) {
            if (name == p.name && p.kind == ProxyKind::Listen)
                continue;
            (serves ? routedFrom : routedElsewhere)[name].append(p.name);
            if (serves && unsure)
                routeUncertain[name] = true;
        }
        if (serves) {
            for (const BackendSwitch &rule : std::as_const(f.dynamicRules))
                dynamicRules.append({dynamicNamePattern(rule.backend), rule});
        }
        out.frontends.append(f);
    }

    // Servers tracked from another proxy: "be_health" -> {"be_app/web1", ...}.
    QHash<QString, QStringList> trackedBy;
    for (const ConfigProxy &p : config.proxies) {
        for (const ConfigServer &s : p.servers) {
            if (s.tracks() && s.trackBackend != p.name)
                trackedBy[s.trackBackend].append(p.name + u'/' + s.name);
        }
    }

    for (const QString &name : options.serviceBackends) {
        if (!config.backend(name)) {
            out.notes.append(HaproxyTr::tr("The fleet file names service backend \"%1\", which "
                                           "the configuration does not declare.")
                                 .arg(name));
        }
    }

    for (const ConfigProxy &p : config.proxies) {
        if (!p.hasServers())
            continue;
        BackendClass b;
        b.name = p.name;
        b.kind = p.kind;
        b.at = p.at;
        b.routedFrom = routedFrom.value(p.name);
        for (const ConfigServer &s : p.servers) {
            ++b.servers;
            if (s.effective.backup.value_or(false))
                ++b.backupServers;
        }
        const auto auxiliary = [&](AuxiliaryKind kind, const QString &reason) {
            b.role = BackendRole::Auxiliary;
            b.auxiliary = kind;
            b.reason = reason;
        };
        const auto service = [&](const QString &reason) {
            b.role = BackendRole::Service;
            b.auxiliary = AuxiliaryKind::None;
            b.reason = reason;
        };
        // A backend without servers: what it is instead, if anything.
        const auto serverless = [&] {
            if (p.statsPage)
                auxiliary(AuxiliaryKind::StatsPage,
                          HaproxyTr::tr("It serves HAProxy's statistics page and has no servers."));
            else if (p.metricsExporter)
                auxiliary(AuxiliaryKind::MetricsExporter,
                          HaproxyTr::tr("It serves the Prometheus exporter and has no servers."));
            else
                return false;
            return true;
        };
        const FrontendRoutes *own = nullptr;
        for (const FrontendRoutes &f : std::as_const(out.frontends)) {
            if (f.kind == ProxyKind::Listen && f.name == p.name)
                own = &f;
        }
        const bool listenServes = own && !own->disabled && own->servesVip != VipMatch::No;

        if (!options.serviceBackends.isEmpty()) {
            if (options.serviceBackends.contains(p.name))
                service(HaproxyTr::tr("The fleet file names it as a service backend."));
            else
                auxiliary(AuxiliaryKind::NotListed,
                          HaproxyTr::tr("The fleet file lists the service backends, and not this "
                                        "one."));
        } else if (p.disabled) {
            auxiliary(
                AuxiliaryKind::Disabled,
                HaproxyTr::tr("It is disabled in the configuration: HAProxy does not run it."));
        } else if (!b.routedFrom.isEmpty()) {
            if (b.servers > 0) {
                service(HaproxyTr::tr("Routed from %1.").arg(listOf(b.routedFrom)));
            } else if (!serverless()) {
                auxiliary(AuxiliaryKind::NoServers,
                          HaproxyTr::tr("Routed from %1, but it has no servers: it answers by "
                                        "itself (redirect, return) or always fails.")
                              .arg(listOf(b.routedFrom)));
            }
            b.uncertain = routeUncertain.value(p.name);
        } else if (listenServes) {
            if (b.servers > 0) {
                service(own->servesVip == VipMatch::Yes
                            ? HaproxyTr::tr("A listen section on the VIP's addresses, with its "
                                            "own servers.")
                            : HaproxyTr::tr("A listen section with its own servers."));
            } else if (!serverless()) {
                auxiliary(AuxiliaryKind::NoServers,
                          HaproxyTr::tr("A listen section without servers: it answers by itself "
                                        "or always fails."));
            }
            b.uncertain = options.vipPrefixes.has_value() && own->servesVip == VipMatch::Unknown;
        } else {
            const BackendSwitch *dynamic = nullptr;
            for (const auto &[pattern, rule] : std::as_const(dynamicRules)) {
                if (b.servers > 0 && pattern.match(p.name).hasMatch()) {
                    dynamic = &rule;
                    break;
                }
            }
            if (dynamic) {
                service(HaproxyTr::tr("It may be chosen by the dynamic rule \"%1\" at %2.")
                            .arg(dynamic->backend, dynamic->at.toString()));
                b.uncertain = true;
            } else if (b.servers == 0) {
                if (!serverless()) {
                    auxiliary(AuxiliaryKind::Unreferenced,
                              HaproxyTr::tr("No frontend routes to it and it has no servers."));
                }
            } else if (trackedBy.contains(p.name)) {
                auxiliary(AuxiliaryKind::HealthOnly,
                          HaproxyTr::tr("No frontend routes to it; its servers are tracked by %1.")
                              .arg(listOf(trackedBy.value(p.name))));
            } else if (own) {
                auxiliary(AuxiliaryKind::Unreferenced,
                          HaproxyTr::tr("A listen section that does not listen on the VIP's "
                                        "addresses."));
            } else if (routedElsewhere.contains(p.name)) {
                auxiliary(AuxiliaryKind::Unreferenced,
                          HaproxyTr::tr("Routed only from %1, which do not listen on the VIP's "
                                        "addresses.")
                              .arg(listOf(routedElsewhere.value(p.name))));
            } else {
                auxiliary(AuxiliaryKind::Unreferenced,
                          HaproxyTr::tr("No frontend or listen section routes to it."));
            }
        }
        out.uncertain = out.uncertain || b.uncertain;
        out.backends.append(b);
    }
    return out;
}

const BackendClass *BackendClassification::backend(const QString &name) const
{
    for (const BackendClass &b : backends) {
        if (b.name == name)
            return &b;
    }
    return nullptr;
}

QStringList BackendClassification::serviceBackends() const
{
    QStringList out;
    for (const BackendClass &b : backends) {
        if (b.isService())
            out.append(b.name);
    }
    return out;
}

} // namespace vipdeck
