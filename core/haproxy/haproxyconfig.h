#pragma once

// HaproxyConfig: what an HAProxy configuration (1.8 to 3.x syntax) says
// about its proxies: frontends, backends and listen sections with their
// binds, backend switching rules, stats and metrics pages and servers with
// their health-check settings, each with the file:line it came from.
// parseHaproxyConfig() and parseHaproxyConfigFiles() are pure functions
// (bytes in, value or typed error out); reading the files from a host is
// someone else's job.  Which backends carry a VIP's traffic is decided from
// this by classifyBackends() (backendclassification.h).
//
// The reader understands the keywords listed in docs/haproxy-notes.md and
// skips every other line after cutting it into words (so a broken quote is
// still found anywhere).  It refuses what HAProxy itself refuses in the
// parts it reads: a keyword outside a section, a server in a frontend, a
// reference to a backend, defaults section or tracked server that does not
// exist, duplicate proxy names, and the lines splitConfigLine() refuses.

#include "core/common/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace vipdeck {

// Where a thing was written: a file as the caller named it and a 1-based line.
struct ConfigLocation
{
    QString file;
    int line = 0;

    QString toString() const; // "haproxy.cfg:12"
    bool operator==(const ConfigLocation &other) const = default;
};

// One configuration file as HAProxy would read it with `-f`.
struct ConfigFile
{
    QString name;
    QByteArray contents;
};

enum class ProxyKind { Defaults, Frontend, Backend, Listen };

// "defaults", "frontend", "backend", "listen".
QString proxyKindName(ProxyKind kind);

// Health-check and role settings of a `server` or `default-server` line.
// Each is unset when the line does not say; times are in milliseconds.
struct ServerSettings
{
    std::optional<bool> check;    // check / no-check
    std::optional<bool> backup;   // backup / no-backup
    std::optional<bool> disabled; // disabled / enabled
    std::optional<qint64> interMs;
    std::optional<qint64> fastInterMs;
    std::optional<qint64> downInterMs;
    std::optional<int> rise;
    std::optional<int> fall;
    std::optional<bool> agentCheck; // agent-check / no-agent-check
    std::optional<qint64> agentInterMs;

    // These settings, with `base`'s wherever these are unset.
    ServerSettings over(const ServerSettings &base) const;
    bool operator==(const ServerSettings &other) const = default;
};

struct ConfigServer
{
    QString name;    // for server-template: the name prefix
    QString address; // as written: "10.0.0.11:8080", "${WEB1}", "web.example:443"
    bool isTemplate = false;
    QString templateRange;     // server-template only: "1-10" or "3"
    QString trackBackend;      // `track be/srv`: "be"; `track srv`: the server's own proxy
    QString trackServer;       // empty when the server tracks nothing
    ServerSettings own;        // as written on the line
    ServerSettings effective;  // over the default-server lines in effect
    QStringList unknownValues; // settings whose value is an environment variable
    ConfigLocation at;

    bool tracks() const { return !trackServer.isEmpty(); }
    bool operator==(const ConfigServer &other) const = default;
};

struct BindLine
{
    QStringList addresses; // "203.0.113.10:443", ":80", "unix@/run/x.sock", ...
    ConfigLocation at;

    bool operator==(const BindLine &other) const = default;
};

// A `use_backend` or `default_backend` rule.
struct BackendSwitch
{
    QString backend;      // a name, or a log-format template when dynamic
    bool dynamic = false; // the name is computed at run time ("%[...]")
    QString condition;    // "if { path_beg /api }" as written (re-joined); empty if none
    ConfigLocation at;

    bool operator==(const BackendSwitch &other) const = default;
};

struct ConfigProxy
{
    ProxyKind kind = ProxyKind::Backend;
    QString name;           // may be empty for a defaults section
    QString from;           // the `from NAME` of the section line, if any
    int defaultsIndex = -1; // into HaproxyConfig::defaults: what it inherits; -1 none
    ConfigLocation at;      // the section line
    int lastLine = 0;       // last line of the section in the same file

    QString mode; // "http", "tcp", ... (lower case); empty: never said (HAProxy: tcp)
    bool modeInherited = false;
    QList<BindLine> binds;
    std::optional<BackendSwitch> defaultBackend;
    bool defaultBackendInherited = false;
    QList<BackendSwitch> useBackends;
    bool statsPage = false; // `stats enable`, `stats uri ...` and the other page settings
    bool statsPageInherited = false;
    QString statsUri;
    bool metricsExporter = false; // `http-request use-service prometheus-exporter`
    bool metricsExporterInherited = false;
    QList<ConfigServer> servers;
    ServerSettings defaultServer; // defaults' default-server, then this section's own
    bool disabled = false;

    bool acceptsConnections() const
    {
        return kind == ProxyKind::Frontend || kind == ProxyKind::Listen;
    }
    bool hasServers() const { return kind == ProxyKind::Backend || kind == ProxyKind::Listen; }
    const ConfigServer *server(const QString &serverName) const;
    bool operator==(const ConfigProxy &other) const = default;
};

// Something the reader did not understand fully but that is no error:
// a conditional block it could not evaluate, a value only the host knows.
struct ConfigNote
{
    ConfigLocation at;
    QString message;

    bool operator==(const ConfigNote &other) const = default;
};

struct HaproxyConfig
{
    QStringList files;           // in reading order
    QList<ConfigProxy> defaults; // defaults sections in order
    QList<ConfigProxy> proxies;  // frontends, backends and listen sections in order
    QList<ConfigNote> notes;
    bool uncertain = false; // a conditional block was read without being evaluated

    // A proxy that can take a `use_backend` (backend or listen), or nullptr.
    const ConfigProxy *backend(const QString &name) const;
    // A proxy that accepts connections (frontend or listen), or nullptr.
    const ConfigProxy *frontend(const QString &name) const;
    bool operator==(const HaproxyConfig &other) const = default;
};

// Parses one configuration file.  `fileName` is used in locations and errors.
Result<HaproxyConfig> parseHaproxyConfig(const QByteArray &text, const QString &fileName);

// Parses several files as `haproxy -f a -f b ...` does: one configuration,
// sections may not span files, defaults carry over into the next file.
Result<HaproxyConfig> parseHaproxyConfigFiles(const QList<ConfigFile> &files);

// The files HAProxy reads for `-f DIR`, given the names of the directory's
// entries: names ending in ".cfg" and not starting with '.', in byte order
// (scandir with alphasort in the C locale).  Whether each is a regular file
// the caller knows.
QStringList configDirectoryOrder(const QStringList &entryNames);

} // namespace vipdeck
