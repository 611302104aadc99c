#pragma once

// ReconnectBackoff: when a failed SSH connection is tried again.  After the
// n-th failure in a row the next attempt waits initial × 2^(n-1), at most
// `max`.  A transient failure (refused, timed out, dropped) is retried by
// itself after that delay; one that needs a person (a host key, a login, a
// passphrase, a refused configuration) is not, and until the delay passed
// calls fail at once with the last error instead of each waiting for its own
// timeout.  A success or reconnectNow() starts over.  Unit-tested in
// tests/core/ssh/tst_reconnectbackoff.cpp.

#include "core/common/error.h"

#include <QtGlobal>

#include <chrono>

namespace vipdeck {

class ReconnectBackoff
{
public:
    ReconnectBackoff(std::chrono::milliseconds initial, std::chrono::milliseconds max);

    struct Decision
    {
        std::chrono::milliseconds delay{0};
        bool retryByItself = false; // transient: try again after `delay`
    };
    // A connection attempt failed with `code` at `nowMs` (monotonic).
    Decision failed(ErrorCode code, qint64 nowMs);
    // Connected, or the user asked to try again now: the next failure is the first.
    void reset();
    void setMax(std::chrono::milliseconds max) { m_max = max; }

    // Consecutive failures so far.
    int failures() const { return m_failures; }
    // False while a failure that needs a person is still fresh.
    bool mayTryAt(qint64 nowMs) const { return nowMs >= m_notBefore; }

    static bool isTransient(ErrorCode code);

private:
    std::chrono::milliseconds m_initial;
    std::chrono::milliseconds m_max;
    int m_failures = 0;
    qint64 m_notBefore = 0;
};

} // namespace vipdeck
