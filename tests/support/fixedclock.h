#pragma once

// FixedClock: a Clock whose time only moves when a test says so.

#include "core/common/clock.h"

namespace vipdeck::test {

class FixedClock final : public Clock
{
public:
    explicit FixedClock(QDateTime start = QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC));
    QDateTime now() const override { return m_now; }
    qint64 monotonicMs() const override { return m_monotonicMs; }

    void advance(qint64 ms);
    void set(const QDateTime &time);

private:
    QDateTime m_now;
    qint64 m_monotonicMs = 0;
};

} // namespace vipdeck::test
