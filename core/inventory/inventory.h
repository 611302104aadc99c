#pragma once

// Inventory: the fleet as described by fleet.yaml, with every setting already
// resolved (defaults < group < host < VIP).  Immutable once loaded; cheap to
// copy and safe to share between threads.  Load it with loadInventory()
// (core/inventory/inventoryloader.h); the format is described in
// docs/fleet-yaml.md.

#include "core/common/result.h"

#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <chrono>
#include <optional>

namespace vipdeck {

struct SshSettings
{
    QString user;         // empty: not set here (~/.ssh/config, else the local user)
    int port = 0;         // 0: not set here (~/.ssh/config or 22 then)
    QString identityFile; // '~' already expanded; empty: none
    bool useAgent = true;
    QString knownHosts; // '~' already expanded; empty: not set here (the SSH
                        // client configuration's, else ~/.ssh/known_hosts)
    std::chrono::milliseconds connectTimeout{5000};
    // connect_timeout is written in the fleet file; if not, the SSH client
    // configuration's ConnectTimeout wins over the default above.
    bool connectTimeoutGiven = false;
    std::chrono::milliseconds commandTimeout{10000};
    // Jump hosts, as ssh -J and ProxyJump write them: [user@]host[:port],
    // several separated by ',' (the first is connected to first).  `none`:
    // connect directly even if the SSH client configuration names one;
    // empty: not set here (the SSH client configuration decides).
    QString proxyJump;

    bool operator==(const SshSettings &) const = default;
};

struct Prefix
{
    QHostAddress address;
    int length = 0;

    QString toString() const { return address.toString() + u'/' + QString::number(length); }
    bool operator==(const Prefix &) const = default;
};

enum class GroupMode { ActiveActive, PrimaryBackup };

// Reply limits when the fleet file sets none (docs/fleet-yaml.md, "Reply limits").
inline constexpr qint64 defaultHaproxyReplyLimit = qint64(16) * 1024 * 1024;
inline constexpr qint64 defaultBirdReplyLimit = qint64(32) * 1024 * 1024;

// Where a placeholder template is resolved: a (VIP, host) pair.
struct Placement
{
    QString vip;
    QString host;
    QString group;
    QString statsSocket;
    QString masterSocket;
    QString configPath;
    // haproxy.backends: the VIP's service backends named by the fleet file;
    // empty: learnt from the configuration (core/haproxy/backendclassification.h).
    QStringList serviceBackends;
    QString birdSocket;
    QString birdProtocol;
    std::chrono::milliseconds pollInterval{2000}; // defaults < group < host < VIP
    int minUpServers = 1;                         // defaults < group < host < VIP
    // haproxy.reply_limit: the most one reply of its stats socket may hold,
    // and what reading its configuration may return (defaults < group < host < VIP).
    qint64 replyLimit = defaultHaproxyReplyLimit;

    // For discovery placements (Group::discovery): a copy with {vip} replaced
    // by `name`, which the caller has checked with isValidName().
    Placement withVip(const QString &name) const;

    bool operator==(const Placement &) const = default;
};

// Host, group and VIP names end up in socket paths and BIRD commands, so they
// are restricted to letters, digits, '.', '_' and '-', starting with a letter
// or digit.
bool isValidName(QStringView name);

struct Host
{
    QString name;
    QString address; // as written: IP, DNS name or ~/.ssh/config alias
    SshSettings ssh;
    QString birdSocket; // resolved for this host
    // bird.reply_limit: the most one reply of its BIRD may hold (defaults < group < host).
    qint64 birdReplyLimit = defaultBirdReplyLimit;
    // bird.router_id: the router id its BIRD uses, when vipdeck cannot read
    // it (the host unreachable since start); observers match paths by it.
    QString birdRouterId;
    int line = 0; // where it is declared in the file
};

struct Group
{
    QString name;
    GroupMode mode = GroupMode::ActiveActive;
    QString primary; // primary-backup only
    QStringList hosts;
    bool discover = false; // VIPs found by globbing the stats socket template
    // Templates as resolved for the group (defaults < group), {group} replaced,
    // {vip} and {host} left in place.
    QString statsSocketTemplate;
    QString masterSocketTemplate;
    QString configTemplate;
    QString vipProtocolTemplate;
    std::chrono::milliseconds pollInterval{2000};
    int minUpServers = 1;
    // discover only: one placement per host (in group order), resolved
    // defaults < group < host with {vip} left in place.  Glob statsSocket with
    // {vip} -> '*' on that host, then Placement::withVip() for each match.
    QList<Placement> discovery;
    int line = 0;
};

struct Vip
{
    QString name;
    QString group;
    QList<Prefix> prefixes;
    std::chrono::milliseconds pollInterval{2000}; // defaults < group < VIP
    int minUpServers = 1; // a backend with fewer UP servers is degraded (defaults < group < VIP)
    QList<Placement> placements; // one per host of its group, in group order
    int line = 0;
};

class Inventory
{
public:
    QString sourceFile() const { return m_sourceFile; }
    const QList<Host> &hosts() const { return m_hosts; }
    // BIRD instances that receive the VIP routes (route reflectors, routers),
    // read over SSH like hosts; they serve no VIP.
    const QList<Host> &observers() const { return m_observers; }
    const QList<Group> &groups() const { return m_groups; }
    const QList<Vip> &vips() const { return m_vips; }

    const Host *host(const QString &name) const;
    const Host *observer(const QString &name) const;
    const Group *group(const QString &name) const;
    const Vip *vip(const QString &name) const;
    const Placement *placement(const QString &vip, const QString &host) const;
    QStringList groupsOfHost(const QString &host) const;
    QList<const Vip *> vipsOnHost(const QString &host) const;

    // Shortest poll interval of any placement (or discovery placement).
    std::chrono::milliseconds pollInterval() const;

    // One line: "fleet.yaml: 2 hosts, 3 groups, 4 VIPs (1 group discovers VIPs)".
    QString summary() const;

    // A copy that also holds VIPs found at run time by discovery; names
    // already present are left as they are.
    Inventory withDiscoveredVips(const QList<Vip> &discovered) const;

private:
    friend class InventoryLoader;
    QString m_sourceFile;
    QList<Host> m_hosts;
    QList<Host> m_observers;
    QList<Group> m_groups;
    QList<Vip> m_vips;
};

// A problem found in a fleet file, located to file:line:column.
struct Diagnostic
{
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    QString file;
    int line = 0;    // 1-based; 0 when the whole file is meant
    int column = 0;  // 1-based
    QString message; // what is wrong
    QString hint;    // what to write instead

    // "fleet.yaml:12:7: error: unknown key 'stat_socket' in haproxy; did you mean 'stats_socket'?"
    // Without a line: "fleet.yaml: error: ...".
    QString toString() const;

    bool operator==(const Diagnostic &) const = default;
};

} // namespace vipdeck
