#pragma once

// Parses `show protocols` and `show protocols all [name]`: every protocol's
// name, type, table, state, since and info column; for BGP the session state,
// neighbor, AS numbers and last error; per channel the route counts.

#include "core/bird/birdreply.h"
#include "core/bird/birdtime.h"

#include <optional>

namespace vipdeck {

enum class BirdProtocolState { Unknown, Down, Start, Up, Stop, Flush };
enum class BgpState {
    Unknown,
    Down,
    Idle,
    Connect,
    Active,
    OpenSent,
    OpenConfirm,
    Established,
    Close
};

BirdProtocolState birdProtocolStateFromText(const QString &text);
BgpState bgpStateFromText(const QString &text);
QString bgpStateName(BgpState state);

struct BirdChannel
{
    QString name;  // "ipv4"
    QString state; // "UP", "DOWN", ...
    QString table; // "master4"
    int preference = -1;
    QString inputFilter;
    QString outputFilter;
    // `Routes: N imported, [N filtered,] N exported, N preferred`; -1 when absent
    // (BIRD prints the line only while the channel is up).
    int imported = -1;
    int filtered = -1;
    int exported = -1;
    int preferred = -1;
};

struct BirdBgpSession
{
    BgpState state = BgpState::Unknown;
    QString stateText;       // as BIRD printed it
    QString neighborAddress; // empty in plain `show protocols`
    std::optional<quint32> neighborAs;
    std::optional<quint32> localAs;
    QString neighborId;
    QString sourceAddress;
    QString lastError; // "Received: Administrative shutdown", "Error: BFD session down"
};

struct BirdProtocol
{
    QString name;
    QString protocolType; // "BGP", "Static", "BFD", "Device", "Kernel", ...
    QString table;        // "---" when the protocol has no single table
    BirdProtocolState state = BirdProtocolState::Unknown;
    QString stateText;
    BirdTime since;
    QString info;                      // the Info column, spaces collapsed
    QString description;               // `description "..."` from the config
    std::optional<BirdBgpSession> bgp; // for protocolType "BGP"
    QList<BirdChannel> channels;       // `show protocols all` only
    QStringList details;               // the `all` lines as printed, for display

    // BIRD shows a protocol disabled in the config or by `disable` as "down";
    // running protocols are never down (a failing BGP session stays in "start").
    bool isDisabled() const { return state == BirdProtocolState::Down; }
    bool isBgp() const { return bgp.has_value(); }
    // Sum over channels; -1 when no channel reported it.
    int routesExported() const;
    int routesImported() const;
};

Result<QList<BirdProtocol>> parseBirdProtocols(const BirdReply &reply, const QString &command = {});
Result<QList<BirdProtocol>> parseBirdProtocols(const QByteArray &bytes);

} // namespace vipdeck
