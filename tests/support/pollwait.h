#pragma once

// Polling a FleetPoller in lab tests: one round with a deadline, or rounds
// until a condition holds (never a fixed wait for a state to appear), and
// the verdicts as text for failure messages.

#include "core/fleet/fleetpoller.h"
#include "tests/support/futurewait.h"

#include <QDeadlineTimer>
#include <QStringList>
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

// Every VIP's and host's verdict with its reasons, and every configuration
// that could not be read, for QVERIFY2 messages.
inline QString describeVerdicts(const FleetUpdate &update)
{
    using namespace Qt::StringLiterals;
    QStringList lines;
    for (const QHash<QString, Verdict> *verdicts :
         {&update.verdicts->vips, &update.verdicts->hosts}) {
        for (auto it = verdicts->cbegin(); it != verdicts->cend(); ++it) {
            lines << it.key() + u": "_s + healthName(it->health);
            for (const Reason &r : it->reasons)
                lines << u"    "_s + healthName(r.severity) + u": "_s + r.text;
        }
    }
    for (const HaproxyObservation &h : update.snapshot.data().haproxies) {
        if (h.configError)
            lines << h.vip + u"@"_s + h.host + u" config: "_s + h.configError->toString();
    }
    return lines.join(u'\n');
}

} // namespace vipdeck::test
