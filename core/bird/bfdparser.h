#pragma once

// Parses `show bfd sessions`: per BFD protocol, each session's peer address,
// interface, state, since and negotiated intervals.

#include "core/bird/birdreply.h"
#include "core/bird/birdtime.h"

namespace vipdeck {

enum class BfdState { Unknown, AdminDown, Down, Init, Up };

BfdState bfdStateFromText(const QString &text);
QString bfdStateName(BfdState state); // as BIRD prints it: Up, Down, Init, AdminDown

struct BirdBfdSession
{
    QString protocol;  // the BFD protocol ("bfd1")
    QString address;   // peer IP address
    QString interface; // "---" for multihop sessions
    BfdState state = BfdState::Unknown;
    QString stateText;
    BirdTime since;
    double intervalSeconds = -1; // negotiated transmit interval
    double timeoutSeconds = -1;  // detection time
};

Result<QList<BirdBfdSession>> parseBirdBfdSessions(const BirdReply &reply);
Result<QList<BirdBfdSession>> parseBirdBfdSessions(const QByteArray &bytes);

} // namespace vipdeck
