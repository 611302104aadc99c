#include "core/haproxy/haproxyconfig.h"

#include "core/haproxy/configline.h"
#include "core/haproxy/haproxynames.h"
#include "core/haproxy/haproxytr.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <climits>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

// Sections the reader skips.  A line whose first word is one of these (or a
// proxy or global keyword) starts a new section, as in HAProxy.
const QSet<QByteArray> &otherSections()
{
    static const QSet<QByteArray> names = {
        "peers",   "resolvers",   "userlist", "program",   "http-errors", "ring", "cache",
        "mailers", "log-forward", "fcgi-app", "crt-store", "traces",      "acme", "namespace_list"};
    return names;
}

// `stats` keywords of a proxy that turn its statistics page on.
const QSet<QByteArray> &statsPageKeywords()
{
    static const QSet<QByteArray> names = {"enable",       "uri",       "realm",     "auth",
                                           "refresh",      "scope",     "admin",     "hide-version",
                                           "show-legends", "show-node", "show-desc", "show-modules",
                                           "http-request"};
    return names;
}

// Server keywords followed by one argument (HAProxy 1.8 to 3.x), skipped so
// that a value such as `cookie check` is not read as a flag.
const QSet<QByteArray> &serverKeywordsWithArgument()
{
    static const QSet<QByteArray> names = {"addr",
                                           "agent-addr",
                                           "agent-port",
                                           "agent-send",
                                           "alpn",
                                           "ca-file",
                                           "check-alpn",
                                           "check-proto",
                                           "check-sni",
                                           "ciphers",
                                           "ciphersuites",
                                           "client-sigalgs",
                                           "cookie",
                                           "crl-file",
                                           "crt",
                                           "curves",
                                           "error-limit",
                                           "guid",
                                           "hash-key",
                                           "id",
                                           "init-addr",
                                           "init-state",
                                           "log-bufsize",
                                           "log-proto",
                                           "max-reuse",
                                           "maxconn",
                                           "maxqueue",
                                           "minconn",
                                           "namespace",
                                           "npn",
                                           "observe",
                                           "on-error",
                                           "on-marked-down",
                                           "on-marked-up",
                                           "pool-conn-name",
                                           "pool-low-conn",
                                           "pool-max-conn",
                                           "pool-purge-delay",
                                           "port",
                                           "proto",
                                           "proxy-v2-options",
                                           "redir",
                                           "resolve-net",
                                           "resolve-opts",
                                           "resolve-prefer",
                                           "resolvers",
                                           "set-proxy-v2-tlv-fmt",
                                           "shard",
                                           "sigalgs",
                                           "slowstart",
                                           "sni",
                                           "socks4",
                                           "ssl-max-ver",
                                           "ssl-min-ver",
                                           "tcp-ut",
                                           "usesrc",
                                           "interface",
                                           "verify",
                                           "verifyhost",
                                           "weight",
                                           "ws",
                                           "check-pool-conn-name",
                                           "strict-maxconn",
                                           "check-reuse-pool"};
    return names;
}

Error configError(const QString &message, const ConfigLocation &at, const QString &hint = {})
{
    return Error(ErrorCode::Parse, message, at.toString(), hint);
}

QString text(const QByteArray &word)
{
    return QString::fromUtf8(word);
}

// HAProxy's time format: a whole number and an optional unit (us, ms, s,
// m, h, d); no unit is milliseconds.  Microseconds round up to 1 ms.
std::optional<qint64> parseTimeMs(const QByteArray &word)
{
    qsizetype i = 0;
    qint64 value = 0;
    while (i < word.size() && word.at(i) >= '0' && word.at(i) <= '9') {
        value = value * 10 + (word.at(i) - '0');
        if (value > qint64(INT_MAX) * 1000)
            return std::nullopt;
        ++i;
    }
    if (i == 0)
        return std::nullopt;
    const QByteArray unit = word.mid(i);
    qint64 ms = 0;
    if (unit.isEmpty() || unit == "ms")
        ms = value;
    else if (unit == "us")
        ms = (value + 999) / 1000;
    else if (unit == "s")
        ms = value * 1000;
    else if (unit == "m")
        ms = value * 60 * 1000;
    else if (unit == "h")
        ms = value * 60 * 60 * 1000;
    else if (unit == "d")
        ms = value * 24 * 60 * 60 * 1000;
    else
        return std::nullopt;
    if (ms > INT_MAX)
        return std::nullopt;
    return ms;
}

// A backend name that is only known at run time: a log-format expression
// ("%[...]") or an environment variable.
bool isComputed(const ConfigLine &line, qsizetype index)
{
    return line.words.at(index).contains('%') || line.usesEnvironment.at(index);
}

struct Conditional
{
    bool parentActive = true;
    bool active = false;
    bool taken = false; // a branch of this block was (or may have been) taken
    bool elseSeen = false;
    ConfigLocation at;
};

class ConfigReader
{
public:
    Result<void> read(const ConfigFile &file);
    Result<void> finish();
    HaproxyConfig take() { return std::move(m_config); }

private:
    enum class Section { None, Global, Proxy, Other };

    Result<void> readLine(const ConfigLine &line, const ConfigLocation &at);
    Result<void> conditional(const ConfigLine &line, const ConfigLocation &at);
    Result<void> startProxy(ProxyKind kind, const ConfigLine &line, const ConfigLocation &at);
    Result<void> proxyLine(ConfigProxy &proxy, const ConfigLine &line, const ConfigLocation &at);
    Result<void> serverLine(ConfigProxy &proxy, const ConfigLine &line, const ConfigLocation &at);
    Result<ServerSettings> settings(const ConfigLine &line, qsizetype first,
                                    const ConfigLocation &at, ConfigServer *server);
    void endSection(int lastLine);
    ConfigProxy *current();
    bool active() const { return m_conditionals.isEmpty() || m_conditionals.last().active; }
    void note(const ConfigLocation &at, const QString &message)
    {
        m_config.notes.append(ConfigNote{at, message});
    }

    HaproxyConfig m_config;
    Section m_section = Section::None;
    bool m_currentIsDefaults = false;
    qsizetype m_currentIndex = -1;
    int m_lastDefaults = -1;
    int m_lastLine = 0;
    QList<Conditional> m_conditionals;
};

ConfigProxy *ConfigReader::current()
{
    if (m_section != Section::Proxy || m_currentIndex < 0)
        return nullptr;
    return m_currentIsDefaults ? &m_config.defaults[m_currentIndex]
                               : &m_config.proxies[m_currentIndex];
}

void ConfigReader::endSection(int lastLine)
{
    if (ConfigProxy *proxy = current())
        proxy->lastLine = lastLine;
    m_section = Section::None;
    m_currentIndex = -1;
}

Result<void> ConfigReader::read(const ConfigFile &file)
{
    m_config.files.append(file.name);
    const QByteArray &bytes = file.contents;
    int lineNo = 0;
    qsizetype start = 0;
    while (start < bytes.size()) {
        ++lineNo;
        const ConfigLocation at{file.name, lineNo};
        const qsizetype eol = bytes.indexOf('\n', start);
        if (eol < 0) {
            return configError(HaproxyTr::tr("The last line has no line feed: the file may have "
                                             "been cut off."),
                               at,
                               HaproxyTr::tr("HAProxy 2.3 and later refuse such a file too; "
                                             "end the file with a newline."));
        }
        const QByteArray raw = bytes.mid(start, eol - start);
        start = eol + 1;
        if (const qsizetype nul = raw.indexOf('\0'); nul >= 0) {
            return configError(
                HaproxyTr::tr("The line contains a NUL byte at column %1.").arg(nul + 1), at,
                HaproxyTr::tr("Is this a text file?"));
        }
        const Result<ConfigLine> line = splitConfigLine(raw, at.toString());
        if (!line)
            return line.error();
        if (line->words.isEmpty())
            continue;
        if (line->words.first().startsWith('.')) {
            if (auto done = conditional(*line, at); !done)
                return done.error();
            continue;
        }
        if (!active())
            continue;
        if (auto done = readLine(*line, at); !done)
            return done.error();
        m_lastLine = lineNo;
    }
    if (!m_conditionals.isEmpty()) {
        return configError(HaproxyTr::tr("The .if block opened here has no .endif."),
                           m_conditionals.last().at,
                           HaproxyTr::tr("Close it with .endif in the same file."));
    }
    endSection(m_lastLine);
    return {};
}

Result<void> ConfigReader::conditional(const ConfigLine &line, const ConfigLocation &at)
{
    const QByteArray &directive = line.words.first();
    // Evaluates what needs no knowledge of the host: a number.  Anything
    // else (defined(), version_atleast(), ...) is taken as true and noted.
    const auto evaluate = [&](bool &known) {
        known = false;
        if (line.words.size() == 2) {
            bool isNumber = false;
            const qlonglong n = line.words.at(1).toLongLong(&isNumber);
            if (isNumber) {
                known = true;
                return n != 0;
            }
        }
        return true;
    };
    const auto unknown = [&] {
        QStringList condition;
        for (qsizetype i = 1; i < line.words.size(); ++i)
            condition.append(text(line.words.at(i)));
        note(at, HaproxyTr::tr("The condition \"%1\" depends on the host; this branch was read "
                               "as if it were true.")
                     .arg(condition.join(u' ')));
        m_config.uncertain = true;
    };
    if (directive == ".if") {
        Conditional c;
        c.parentActive = active();
        c.at = at;
        bool known = true;
        const bool value = c.parentActive && evaluate(known);
        if (c.parentActive && !known)
            unknown();
        c.active = c.parentActive && value;
        c.taken = c.active;
        m_conditionals.append(c);
        return {};
    }
    if (directive == ".elif" || directive == ".else" || directive == ".endif") {
        if (m_conditionals.isEmpty()) {
            return configError(HaproxyTr::tr("%1 without a matching .if.").arg(text(directive)), at,
                               HaproxyTr::tr("Remove it or add the .if that opens the block."));
        }
        Conditional &c = m_conditionals.last();
        if (directive == ".endif") {
            m_conditionals.removeLast();
            return {};
        }
        if (c.elseSeen) {
            return configError(HaproxyTr::tr("%1 after .else.").arg(text(directive)), at,
                               HaproxyTr::tr("A block has at most one .else, at its end."));
        }
        if (directive == ".else") {
            c.elseSeen = true;
            c.active = c.parentActive && !c.taken;
        } else {
            bool known = true;
            const bool value = c.parentActive && !c.taken && evaluate(known);
            if (c.parentActive && !c.taken && !known)
                unknown();
            c.active = c.parentActive && !c.taken && value;
        }
        c.taken = c.taken || c.active;
        return {};
    }
    if (directive == ".diag" || directive == ".notice" || directive == ".warning")
        return {};
    if (directive == ".alert") {
        if (!active())
            return {};
        QStringList message;
        for (qsizetype i = 1; i < line.words.size(); ++i)
            message.append(text(line.words.at(i)));
        return configError(
            HaproxyTr::tr("The configuration stops with .alert \"%1\".").arg(message.join(u' ')),
            at, HaproxyTr::tr("HAProxy refuses to start with this configuration."));
    }
    return configError(HaproxyTr::tr("Unknown directive \"%1\".").arg(text(directive)), at,
                       HaproxyTr::tr("HAProxy knows .if, .elif, .else, .endif, .diag, .notice, "
                                     ".warning and .alert."));
}

Result<void> ConfigReader::readLine(const ConfigLine &line, const ConfigLocation &at)
{
    const QByteArray &keyword = line.words.first();
    if (keyword == "global") {
        endSection(m_lastLine);
        m_section = Section::Global;
        return {};
    }
    if (keyword == "defaults")
        return startProxy(ProxyKind::Defaults, line, at);
    if (keyword == "frontend")
        return startProxy(ProxyKind::Frontend, line, at);
    if (keyword == "backend")
        return startProxy(ProxyKind::Backend, line, at);
    if (keyword == "listen")
        return startProxy(ProxyKind::Listen, line, at);
    if (otherSections().contains(keyword)) {
        endSection(m_lastLine);
        m_section = Section::Other;
        return {};
    }
    switch (m_section) {
    case Section::None: {
        const bool proxyKeyword = keyword == "server" || keyword == "bind" ||
                                  keyword == "use_backend" || keyword == "default_backend" ||
                                  keyword == "default-server" || keyword == "server-template";
        return configError(
            HaproxyTr::tr("\"%1\" is outside any section.").arg(text(keyword)), at,
            proxyKeyword ? HaproxyTr::tr("Put it in a frontend, backend or listen section; each "
                                         "file starts outside any section.")
                         : HaproxyTr::tr("Start a section (global, defaults, frontend, backend, "
                                         "listen, ...) before it."));
    }
    case Section::Global:
    case Section::Other:
        return {};
    case Section::Proxy:
        break;
    }
    return proxyLine(*current(), line, at);
}

Result<void> ConfigReader::startProxy(ProxyKind kind, const ConfigLine &line,
                                      const ConfigLocation &at)
{
    endSection(m_lastLine);
    ConfigProxy proxy;
    proxy.kind = kind;
    proxy.at = at;
    proxy.lastLine = at.line;
    qsizetype next = 1;
    if (line.words.size() > 1 && line.words.at(1) != "from") {
        proxy.name = text(line.words.at(1));
        next = 2;
    }
    if (kind != ProxyKind::Defaults) {
        if (proxy.name.isEmpty()) {
            return configError(
                HaproxyTr::tr("The %1 section has no name.").arg(proxyKindName(kind)), at,
                HaproxyTr::tr("Write it like \"%1 web\".").arg(proxyKindName(kind)));
        }
        if (const Result<void> valid = validateProxyName(proxy.name); !valid)
            return configError(valid.error().message, at, valid.error().hint);
    }
    if (line.words.size() > next && line.words.at(next) == "from") {
        if (line.words.size() != next + 2) {
            return configError(HaproxyTr::tr("\"from\" needs the name of a defaults section."), at,
                               HaproxyTr::tr("Write it like \"%1 web from http-defaults\".")
                                   .arg(proxyKindName(kind)));
        }
        proxy.from = text(line.words.at(next + 1));
    } else if (line.words.size() > next) {
        // HAProxy 1.8 still accepted "listen NAME ADDRESS[:PORT]".
        if (!proxy.acceptsConnections() || line.words.size() > next + 1) {
            return configError(HaproxyTr::tr("Unexpected \"%1\" after the section name.")
                                   .arg(text(line.words.at(next))),
                               at, HaproxyTr::tr("Only \"from NAME\" may follow the name."));
        }
        proxy.binds.append(BindLine{text(line.words.at(next)).split(u','), at});
    }

    if (!proxy.from.isEmpty()) {
        int found = -1;
        for (int i = 0; i < m_config.defaults.size(); ++i) {
            if (m_config.defaults.at(i).name != proxy.from)
                continue;
            if (found >= 0) {
                return configError(
                    HaproxyTr::tr("Defaults section \"%1\" is declared twice (%2 and %3) and "
                                  "cannot be referenced.")
                        .arg(proxy.from, m_config.defaults.at(found).at.toString(),
                             m_config.defaults.at(i).at.toString()),
                    at, HaproxyTr::tr("Give each defaults section a unique name."));
            }
            found = i;
        }
        if (found < 0) {
            return configError(
                HaproxyTr::tr("No defaults section named \"%1\" before this line.").arg(proxy.from),
                at,
                HaproxyTr::tr("Declare \"defaults %1\" before the sections that use it.")
                    .arg(proxy.from));
        }
        proxy.defaultsIndex = found;
    } else if (kind != ProxyKind::Defaults) {
        proxy.defaultsIndex = m_lastDefaults;
    }

    if (proxy.defaultsIndex >= 0) {
        const ConfigProxy &base = m_config.defaults.at(proxy.defaultsIndex);
        proxy.mode = base.mode;
        proxy.modeInherited = !base.mode.isEmpty();
        if (base.defaultBackend && (proxy.acceptsConnections() || kind == ProxyKind::Defaults)) {
            proxy.defaultBackend = base.defaultBackend;
            proxy.defaultBackendInherited = true;
        }
        proxy.statsPage = base.statsPage;
        proxy.statsPageInherited = base.statsPage;
        proxy.statsUri = base.statsUri;
        proxy.metricsExporter = base.metricsExporter;
        proxy.metricsExporterInherited = base.metricsExporter;
        proxy.defaultServer = base.defaultServer;
        proxy.disabled = base.disabled;
    }

    if (kind == ProxyKind::Defaults) {
        m_config.defaults.append(proxy);
        m_lastDefaults = int(m_config.defaults.size() - 1);
        m_currentIsDefaults = true;
        m_currentIndex = m_config.defaults.size() - 1;
    } else {
        for (const ConfigProxy &other : std::as_const(m_config.proxies)) {
            if (other.name != proxy.name)
                continue;
            // As HAProxy 2.6 checks: a proxy that accepts connections
            // against the others that do, a backend against backends and
            // listen sections; a backend and a listen may share a name.
            const bool clash =
                proxy.acceptsConnections() ? other.acceptsConnections() : other.hasServers();
            if (clash) {
                return configError(HaproxyTr::tr("%1 \"%2\" has the same name as %3 \"%2\" "
                                                 "declared at %4.")
                                       .arg(proxyKindName(kind), proxy.name,
                                            proxyKindName(other.kind), other.at.toString()),
                                   at, HaproxyTr::tr("Give each proxy a unique name."));
            }
        }
        m_config.proxies.append(proxy);
        m_currentIsDefaults = false;
        m_currentIndex = m_config.proxies.size() - 1;
    }
    m_section = Section::Proxy;
    return {};
}

Result<void> ConfigReader::proxyLine(ConfigProxy &proxy, const ConfigLine &line,
                                     const ConfigLocation &at)
{
    const QList<QByteArray> &w = line.words;
    const QByteArray &keyword = w.first();
    const QString kindName = proxyKindName(proxy.kind);
    const auto notHere = [&] {
        return configError(
            HaproxyTr::tr("\"%1\" is not allowed in a %2 section.").arg(text(keyword), kindName),
            at,
            keyword == "server" || keyword == "server-template"
                ? HaproxyTr::tr("Servers belong in a backend or listen section.")
                : HaproxyTr::tr("It belongs in a frontend or listen section."));
    };
    // What HAProxy ignores with a warning in a backend.
    const auto ignoredInBackend = [&] {
        note(at, HaproxyTr::tr("\"%1\" is ignored: a backend accepts no connections.")
                     .arg(text(keyword)));
        return Result<void>();
    };
    const auto needsArgument = [&](const QString &example) -> Result<void> {
        if (w.size() >= 2)
            return {};
        return configError(HaproxyTr::tr("\"%1\" needs an argument.").arg(text(keyword)), at,
                           HaproxyTr::tr("Write it like \"%1\".").arg(example));
    };

    if (keyword == "mode") {
        if (auto ok = needsArgument(u"mode http"_s); !ok)
            return ok.error();
        proxy.mode = text(w.at(1)).toLower();
        proxy.modeInherited = false;
    } else if (keyword == "bind") {
        if (proxy.kind == ProxyKind::Backend)
            return ignoredInBackend();
        if (proxy.kind == ProxyKind::Defaults)
            return notHere();
        if (auto ok = needsArgument(u"bind 203.0.113.10:443"_s); !ok)
            return ok.error();
        proxy.binds.append(BindLine{text(w.at(1)).split(u','), at});
    } else if (keyword == "default_backend") {
        if (proxy.kind == ProxyKind::Backend)
            return ignoredInBackend();
        if (auto ok = needsArgument(u"default_backend be_web"_s); !ok)
            return ok.error();
        const QString name = text(w.at(1));
        proxy.defaultBackend = BackendSwitch{name, isComputed(line, 1), QString(), at};
        proxy.defaultBackendInherited = false;
    } else if (keyword == "use_backend") {
        if (proxy.kind == ProxyKind::Backend)
            return ignoredInBackend();
        if (proxy.kind == ProxyKind::Defaults)
            return notHere();
        if (auto ok = needsArgument(u"use_backend be_api if { path_beg /api }"_s); !ok)
            return ok.error();
        QStringList condition;
        for (qsizetype i = 2; i < w.size(); ++i)
            condition.append(text(w.at(i)));
        if (!condition.isEmpty() && condition.first() != u"if"_s &&
            condition.first() != u"unless"_s) {
            return configError(HaproxyTr::tr("use_backend needs \"if\" or \"unless\" before its "
                                             "condition."),
                               at,
                               HaproxyTr::tr("Write it like \"use_backend be_api if "
                                             "{ path_beg /api }\"."));
        }
        const QString name = text(w.at(1));
        proxy.useBackends.append(
            BackendSwitch{name, isComputed(line, 1), condition.join(u' '), at});
    } else if (keyword == "stats") {
        if (w.size() >= 2 && statsPageKeywords().contains(w.at(1))) {
            proxy.statsPage = true;
            proxy.statsPageInherited = false;
            if (w.at(1) == "uri" && w.size() >= 3)
                proxy.statsUri = text(w.at(2));
        }
    } else if (keyword == "http-request") {
        if (w.size() >= 3 && w.at(1) == "use-service" && w.at(2) == "prometheus-exporter") {
            proxy.metricsExporter = true;
            proxy.metricsExporterInherited = false;
        }
    } else if (keyword == "server" || keyword == "server-template") {
        if (!proxy.hasServers())
            return notHere();
        return serverLine(proxy, line, at);
    } else if (keyword == "default-server") {
        auto parsed = settings(line, 1, at, nullptr);
        if (!parsed)
            return parsed.error();
        proxy.defaultServer = parsed->over(proxy.defaultServer);
    } else if (keyword == "disabled") {
        proxy.disabled = true;
    } else if (keyword == "enabled") {
        proxy.disabled = false;
    }
    return {};
}

Result<void> ConfigReader::serverLine(ConfigProxy &proxy, const ConfigLine &line,
                                      const ConfigLocation &at)
{
    const QList<QByteArray> &w = line.words;
    ConfigServer server;
    server.at = at;
    server.isTemplate = w.first() == "server-template";
    const qsizetype needed = server.isTemplate ? 4 : 3;
    if (w.size() < needed) {
        return configError(
            server.isTemplate
                ? HaproxyTr::tr("server-template needs a name prefix, a count and an address.")
                : HaproxyTr::tr("The server line needs a name and an address."),
            at,
            server.isTemplate
                ? HaproxyTr::tr("Write it like \"server-template web 1-5 web.example:80 check\".")
                : HaproxyTr::tr("Write it like \"server web1 192.0.2.21:8080 check\"."));
    }
    server.name = text(w.at(1));
    if (!server.isTemplate) {
        if (const Result<void> valid = validateServerName(server.name); !valid)
            return configError(valid.error().message, at, valid.error().hint);
        if (proxy.server(server.name)) {
            return configError(HaproxyTr::tr("Server \"%1\" is declared twice in %2 \"%3\".")
                                   .arg(server.name, proxyKindName(proxy.kind), proxy.name),
                               at, HaproxyTr::tr("Give each server of a backend a unique name."));
        }
    }
    qsizetype next = 2;
    if (server.isTemplate)
        server.templateRange = text(w.at(next++));
    server.address = text(w.at(next++));
    auto parsed = settings(line, next, at, &server);
    if (!parsed)
        return parsed.error();
    server.own = *parsed;
    server.effective = server.own.over(proxy.defaultServer);
    if (server.tracks() && server.trackBackend.isEmpty())
        server.trackBackend = proxy.name;
    proxy.servers.append(server);
    return {};
}

Result<ServerSettings> ConfigReader::settings(const ConfigLine &line, qsizetype first,
                                              const ConfigLocation &at, ConfigServer *server)
{
    const QList<QByteArray> &w = line.words;
    ServerSettings s;
    for (qsizetype i = first; i < w.size(); ++i) {
        const QByteArray &keyword = w.at(i);
        if (keyword == "check" || keyword == "no-check") {
            s.check = keyword == "check";
        } else if (keyword == "backup" || keyword == "no-backup") {
            s.backup = keyword == "backup";
        } else if (keyword == "agent-check" || keyword == "no-agent-check") {
            s.agentCheck = keyword == "agent-check";
        } else if (keyword == "disabled" || keyword == "enabled") {
            s.disabled = keyword == "disabled";
        } else if (keyword == "inter" || keyword == "fastinter" || keyword == "downinter" ||
                   keyword == "agent-inter" || keyword == "rise" || keyword == "fall" ||
                   keyword == "track") {
            if (i + 1 >= w.size()) {
                return configError(
                    HaproxyTr::tr("\"%1\" needs a value.").arg(text(keyword)), at,
                    keyword == "track"
                        ? HaproxyTr::tr("Write it like \"track be_health/web1\".")
                        : HaproxyTr::tr("Write it like \"%1 %2\".")
                              .arg(text(keyword),
                                   keyword == "rise" || keyword == "fall" ? u"3"_s : u"2s"_s));
            }
            const QByteArray &value = w.at(++i);
            if (line.usesEnvironment.at(i)) {
                if (server)
                    server->unknownValues.append(text(keyword));
                note(at, HaproxyTr::tr("\"%1 %2\" depends on the host's environment; its value "
                                       "is unknown here.")
                             .arg(text(keyword), text(value)));
                continue;
            }
            if (keyword == "track") {
                if (!server)
                    continue; // not a default-server setting
                const qsizetype slash = value.indexOf('/');
                server->trackBackend = slash >= 0 ? text(value.left(slash)) : QString();
                server->trackServer = text(slash >= 0 ? value.mid(slash + 1) : value);
                if (server->trackServer.isEmpty() ||
                    (slash >= 0 && server->trackBackend.isEmpty())) {
                    return configError(
                        HaproxyTr::tr("\"track %1\" names no server.").arg(text(value)), at,
                        HaproxyTr::tr("Write it like \"track be_health/web1\"."));
                }
            } else if (keyword == "rise" || keyword == "fall") {
                bool ok = false;
                const int n = value.toInt(&ok);
                if (!ok || n <= 0) {
                    return configError(HaproxyTr::tr("\"%1 %2\" is not a positive whole number.")
                                           .arg(text(keyword), text(value)),
                                       at,
                                       HaproxyTr::tr("Write it like \"%1 3\".").arg(text(keyword)));
                }
                (keyword == "rise" ? s.rise : s.fall) = n;
            } else {
                const std::optional<qint64> ms = parseTimeMs(value);
                if (!ms || *ms <= 0) {
                    return configError(HaproxyTr::tr("\"%1 %2\" is not a delay HAProxy accepts.")
                                           .arg(text(keyword), text(value)),
                                       at,
                                       HaproxyTr::tr("Write a positive whole number and a unit "
                                                     "(us, ms, s, m, h, d), like \"2s\"."));
                }
                if (keyword == "inter")
                    s.interMs = ms;
                else if (keyword == "fastinter")
                    s.fastInterMs = ms;
                else if (keyword == "downinter")
                    s.downInterMs = ms;
                else
                    s.agentInterMs = ms;
            }
        } else if (keyword == "source") {
            ++i; // the address, then optional "usesrc X" / "interface X" pairs
        } else if (serverKeywordsWithArgument().contains(keyword)) {
            ++i;
        }
    }
    return s;
}

Result<void> ConfigReader::finish()
{
    const auto lookUp = [&](const BackendSwitch &rule, const ConfigProxy &from,
                            const QString &keyword) -> Result<void> {
        if (rule.dynamic || m_config.backend(rule.backend))
            return {};
        return configError(
            HaproxyTr::tr("%1 \"%2\" uses backend \"%3\" (%4), which is not "
                          "declared.")
                .arg(proxyKindName(from.kind), from.name, rule.backend, keyword),
            rule.at, HaproxyTr::tr("Declare \"backend %1\" or fix the name.").arg(rule.backend));
    };
    for (const ConfigProxy &proxy : std::as_const(m_config.proxies)) {
        if (proxy.acceptsConnections() && proxy.defaultBackend) {
            if (auto ok = lookUp(*proxy.defaultBackend, proxy, u"default_backend"_s); !ok)
                return ok;
        }
        for (const BackendSwitch &rule : proxy.useBackends) {
            if (auto ok = lookUp(rule, proxy, u"use_backend"_s); !ok)
                return ok;
        }
        for (const ConfigServer &server : proxy.servers) {
            if (!server.tracks())
                continue;
            const ConfigProxy *target = m_config.backend(server.trackBackend);
            if (!target) {
                return configError(
                    HaproxyTr::tr("Server \"%1\" tracks a server of backend \"%2\", which is not "
                                  "declared.")
                        .arg(server.name, server.trackBackend),
                    server.at, HaproxyTr::tr("Fix the name after \"track\"."));
            }
            // server-template names its servers prefix1, prefix2, ...
            const bool templated = std::any_of(
                target->servers.cbegin(), target->servers.cend(), [&](const ConfigServer &t) {
                    return t.isTemplate && server.trackServer.startsWith(t.name);
                });
            if (!target->server(server.trackServer) && !templated) {
                return configError(HaproxyTr::tr("Server \"%1\" tracks \"%2/%3\", which is not "
                                                 "declared.")
                                       .arg(server.name, server.trackBackend, server.trackServer),
                                   server.at, HaproxyTr::tr("Fix the name after \"track\"."));
            }
        }
    }
    return {};
}

} // namespace

QString ConfigLocation::toString() const
{
    return line > 0 ? file + u':' + QString::number(line) : file;
}

QString proxyKindName(ProxyKind kind)
{
    switch (kind) {
    case ProxyKind::Defaults:
        return u"defaults"_s;
    case ProxyKind::Frontend:
        return u"frontend"_s;
    case ProxyKind::Backend:
        return u"backend"_s;
    case ProxyKind::Listen:
        return u"listen"_s;
    }
    return {};
}

ServerSettings ServerSettings::over(const ServerSettings &base) const
{
    ServerSettings out = *this;
    const auto fill = [](auto &mine, const auto &theirs) {
        if (!mine)
            mine = theirs;
    };
    fill(out.check, base.check);
    fill(out.backup, base.backup);
    fill(out.disabled, base.disabled);
    fill(out.interMs, base.interMs);
    fill(out.fastInterMs, base.fastInterMs);
    fill(out.downInterMs, base.downInterMs);
    fill(out.rise, base.rise);
    fill(out.fall, base.fall);
    fill(out.agentCheck, base.agentCheck);
    fill(out.agentInterMs, base.agentInterMs);
    return out;
}

const ConfigServer *ConfigProxy::server(const QString &serverName) const
{
    for (const ConfigServer &s : servers) {
        if (!s.isTemplate && s.name == serverName)
            return &s;
    }
    return nullptr;
}

const ConfigProxy *HaproxyConfig::backend(const QString &name) const
{
    for (const ConfigProxy &p : proxies) {
        if (p.hasServers() && p.name == name)
            return &p;
    }
    return nullptr;
}

const ConfigProxy *HaproxyConfig::frontend(const QString &name) const
{
    for (const ConfigProxy &p : proxies) {
        if (p.acceptsConnections() && p.name == name)
            return &p;
    }
    return nullptr;
}

Result<HaproxyConfig> parseHaproxyConfig(const QByteArray &text, const QString &fileName)
{
    return parseHaproxyConfigFiles({ConfigFile{fileName, text}});
}

Result<HaproxyConfig> parseHaproxyConfigFiles(const QList<ConfigFile> &files)
{
    ConfigReader reader;
    for (const ConfigFile &file : files) {
        if (auto ok = reader.read(file); !ok)
            return ok.error();
    }
    if (auto ok = reader.finish(); !ok)
        return ok.error();
    return reader.take();
}

QStringList configDirectoryOrder(const QStringList &entryNames)
{
    QList<QByteArray> names;
    for (const QString &name : entryNames) {
        if (!name.startsWith(u'.') && name.endsWith(u".cfg"_s) && name.size() > 4)
            names.append(name.toUtf8());
    }
    std::sort(names.begin(), names.end());
    QStringList out;
    for (const QByteArray &name : names)
        out.append(QString::fromUtf8(name));
    return out;
}

} // namespace vipdeck
