#pragma once

// Polling a FleetPoller in lab tests: one round with a deadline, or rounds
// until a condition holds.  Never a fixed wait for a state to appear.

#include "core/fleet/fleetpoller.h"
#include "tests/support/futurewait.h"

#include <QDeadlineTimer>
#include <QTest>

#include <chrono>
#include <functional>

namespace vipdeck::test {

// One poll round of every host; fatal when it does not finish within a minute.
inline FleetUpdate pollRound(FleetPoller &poller)
{
    const std::optional<FleetUpdate> update =
        waitForFuture(poller.pollOnce(), std::chrono::minutes(1));
    if (!update)
        qFatal("poll round did not finish within a minute");
    return *update;
}

// Polls until `condition` holds or `seconds` pass; `last` gets the last
// update either way.
inline bool pollUntil(FleetPoller &poller,
                      const std::function<bool(const FleetUpdate &)> &condition, FleetUpdate *last,
                      int seconds = 30)
{
    const QDeadlineTimer deadline(std::chrono::seconds{seconds});
    for (;;) {
        *last = pollRound(poller);
        if (condition(*last))
            return true;
        if (deadline.hasExpired())
            return false;
        QTest::qWait(300); // between rounds only; the deadline decides
    }
}

} // namespace vipdeck::test
