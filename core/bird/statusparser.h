#pragma once

// Parses the reply to `show status`: daemon version, router id and the
// server's clock (needed to resolve BIRD's time-of-day `since` stamps).

#include "core/bird/birdreply.h"
#include "core/bird/birdtime.h"

namespace vipdeck {

struct BirdStatus
{
    QString version;  // "2.0.12"
    QString routerId; // "10.255.0.1"
    QString hostname; // may be empty
    BirdTime serverTime;
    BirdTime lastReboot;
    BirdTime lastReconfiguration;
    bool daemonUp = false; // final line 0013 "Daemon is up and running"
    QString statusText;    // the final line as BIRD printed it
};

Result<BirdStatus> parseBirdStatus(const BirdReply &reply);
Result<BirdStatus> parseBirdStatus(const QByteArray &bytes);

} // namespace vipdeck
