#pragma once

// Snapshot: what vipdeck knows about the whole fleet at one moment, as an
// immutable value shared between threads (copying is a reference-count bump).
// Every observation carries the time it was made and, when it failed, the
// error; old data stays visible with its age instead of vanishing.

#include "core/bird/bfdparser.h"
#include "core/bird/protocolsparser.h"
#include "core/common/error.h"
#include "core/haproxy/backendclassification.h"
#include "core/haproxy/serverstaterow.h"
#include "core/haproxy/serverstatus.h"
#include "core/inventory/inventory.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace vipdeck {

enum class AdminState { Ready, Drain, Maint };

struct ServerObservation
{
    QString backend;
    QString name;
    ServerStatus status;   // from `show stat`; status.raw as HAProxy printed it
    AdminFlags adminFlags; // from `show servers state`: who set drain or maint
    bool backup = false;
    int weight = 0;           // current effective weight
    int initialWeight = 0;    // weight from the config
    qint64 sessions = 0;      // scur
    qint64 maxSessions = 0;   // smax
    qint64 sessionLimit = 0;  // slim, 0 = none
    qint64 totalSessions = 0; // stot
    qint64 sessionRate = 0;   // rate
    qint64 http5xx = 0;       // hrsp_5xx, cumulative
    QString checkStatus;      // e.g. L7OK, L4CON, without the running-check "* "
    int checkCode = 0;
    qint64 lastChangeSecs = -1; // seconds since the last state change
    qint64 downtimeSecs = 0;
    qint64 checkFailures = 0; // chkfail, cumulative

    AdminState adminState() const;
    // Counts towards a backend's usable servers: UP (or not checked) and not drained or in
    // maintenance.
    bool isUsable() const;
    bool isUp() const;
};

struct BackendObservation
{
    QString name;
    bool up = false;
    qint64 sessions = 0;
    qint64 sessionRate = 0;
    qint64 requestRate = 0; // req_rate (HTTP)
    qint64 http5xx = 0;
    QList<ServerObservation> servers;

    int usableActiveServers() const; // usable non-backup servers
    int usableServers() const;       // including backups
};

struct FrontendObservation
{
    QString name;
    bool open = false;
    qint64 sessions = 0;
    qint64 sessionRate = 0;
    qint64 requestRate = 0;
    qint64 http5xx = 0;
};

// One VIP's HAProxy process on one host.
struct HaproxyObservation
{
    QString vip;
    QString host;
    QDateTime time;             // when this data was read (UTC); null: never read
    std::optional<Error> error; // the last attempt failed (data may be older)
    qint64 pid = 0;
    QString version;
    qint64 uptimeSecs = 0;
    int reloads = -1; // from the master CLI; -1 unknown
    QList<FrontendObservation> frontends;
    QList<BackendObservation> backends;
    // Which backends carry the VIP's traffic, from its configuration
    // (core/fleet/servicepath.h).  Null when fleet.yaml names no
    // haproxy.config or it could not be read (configError says why): the
    // verdict then counts every backend with servers.
    std::shared_ptr<const BackendClassification> classification;
    std::optional<Error> configError;

    const BackendObservation *backend(const QString &name) const;
    bool hasData() const { return time.isValid(); }
};

struct BgpSessionObservation
{
    QString protocol; // BIRD protocol name
    QString neighborAddress;
    quint32 neighborAs = 0;
    quint32 localAs = 0;
    BirdProtocolState protocolState = BirdProtocolState::Unknown;
    BgpState state = BgpState::Unknown;
    QString since;       // as BIRD printed it, in the LB host's local time
    QDateTime sinceTime; // the same in UTC; null when BIRD printed a date only
    QString info;        // BIRD's info column, e.g. "Received: Administrative shutdown"
    QString lastError;
    qint64 routesImported = 0;
    qint64 routesExported = 0;
    QStringList exportedPrefixes; // from `show route export <protocol>`
};

struct BfdSessionObservation
{
    QString address;
    QString interface;
    BfdState state = BfdState::Unknown;
    QString since;       // as BIRD printed it
    QDateTime sinceTime; // in UTC; null when BIRD printed a date only

    bool isUp() const { return state == BfdState::Up; }
};

struct VipProtocolObservation
{
    QString protocol; // the static protocol that announces the VIP, e.g. vip_web
    bool exists = false;
    bool up = false; // enabled and up
    QString since;
    QString info;
};

// One LB host's BIRD and connection.
struct HostObservation
{
    QString host;
    QDateTime time;             // when BIRD was last read successfully
    std::optional<Error> error; // the connection or BIRD failed on the last attempt
    bool reachable = false;     // the SSH connection answered on the last attempt
    QString birdVersion;
    QString routerId;
    QList<BgpSessionObservation> bgpSessions;
    QList<BfdSessionObservation> bfdSessions;
    QHash<QString, VipProtocolObservation> vipProtocols; // by VIP name

    bool hasBirdData() const { return time.isValid(); }
    // True when the VIP's prefix is exported on at least one Established BGP session.
    bool announces(const Vip &vip) const;
};

// One BGP path an observer holds for a VIP prefix.  Which LB host it comes
// from is decided by the verdict (core/fleet/verdict.h), which knows the
// hosts' addresses and router ids.
struct ObservedPath
{
    QString protocol;     // the observer's protocol it came in on
    QString from;         // the BGP neighbor it was learned from
    QString nextHop;      // BGP.next_hop (its first address)
    QString originatorId; // BGP.originator_id, set when a route reflector passed it on
    bool best = false;
};

// One observer's BIRD: a route reflector or router that receives the VIP
// routes (fleet.yaml `observers:`).
struct ObserverObservation
{
    QString observer;
    QDateTime time;             // when it was last read successfully
    std::optional<Error> error; // the connection or BIRD failed on the last attempt
    bool reachable = false;     // the SSH connection answered on the last attempt
    QString routerId;
    QHash<QString, QList<ObservedPath>> paths; // BGP paths by prefix ("203.0.113.10/32")

    bool hasData() const { return time.isValid(); }
};

class Snapshot
{
public:
    struct Data
    {
        quint64 sequence = 0;
        QDateTime time;
        Inventory inventory;
        QHash<QString, HostObservation> hosts;         // by host name
        QHash<QString, HaproxyObservation> haproxies;  // by key(vip, host)
        QHash<QString, ObserverObservation> observers; // by observer name
    };

    Snapshot();
    explicit Snapshot(Data data);

    static QString key(const QString &vip, const QString &host) { return vip + u'@' + host; }

    quint64 sequence() const { return m_data->sequence; }
    QDateTime time() const { return m_data->time; }
    const Inventory &inventory() const { return m_data->inventory; }
    const QHash<QString, HostObservation> &hosts() const { return m_data->hosts; }
    const QHash<QString, HaproxyObservation> &haproxies() const { return m_data->haproxies; }
    const QHash<QString, ObserverObservation> &observers() const { return m_data->observers; }
    const HostObservation *host(const QString &name) const;
    const HaproxyObservation *haproxy(const QString &vip, const QString &host) const;
    const ObserverObservation *observer(const QString &name) const;

    // Copy of the data, to build the next snapshot from this one.
    Data data() const { return *m_data; }

private:
    std::shared_ptr<const Data> m_data;
};

QString adminStateName(AdminState state);

} // namespace vipdeck
