#pragma once

// Parses `show route [all]`, `show route export <p>`, `show route protocol <p>`
// and `show route for <addr>`: which prefixes a table holds or a protocol
// exports, with each route's type, source protocol, since, preference and,
// with `all`, its attributes.  Enough to tell which VIP prefixes are announced
// and by whom.

#include "core/bird/birdreply.h"
#include "core/bird/birdtime.h"

#include <QMap>

namespace vipdeck {

struct BirdRoute
{
    QString table;     // "master4"
    QString prefix;    // "203.0.113.10/32"
    QString routeType; // "blackhole", "unreachable", "unicast", ...
    QString protocol;  // the protocol the route came from
    BirdTime since;
    QString from;         // BGP: the neighbor it was learned from
    bool primary = false; // `*`: the best route for the prefix
    int preference = -1;
    QString extra;                     // text after the preference, e.g. "[AS65001i]"
    QStringList nextHops;              // "via 192.0.2.1 on eth0" lines
    QMap<QString, QString> attributes; // `all`: "Type", "BGP.as_path", ...
};

Result<QList<BirdRoute>> parseBirdRoutes(const BirdReply &reply, const QString &command = {});
Result<QList<BirdRoute>> parseBirdRoutes(const QByteArray &bytes);

} // namespace vipdeck
