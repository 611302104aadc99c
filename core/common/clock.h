#pragma once

// Clock: the source of "now" for everything that stamps or ages data, so
// tests can fix time instead of waiting for it.

#include <QDateTime>

namespace vipdeck {

class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;      // UTC wall-clock time
    virtual qint64 monotonicMs() const = 0; // for timeouts and durations

    // The process-wide system clock.
    static const Clock &system();
};

class SystemClock final : public Clock
{
public:
    QDateTime now() const override;
    qint64 monotonicMs() const override;
};

} // namespace vipdeck
