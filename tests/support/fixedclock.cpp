#include "tests/support/fixedclock.h"

namespace vipdeck::test {

FixedClock::FixedClock(QDateTime start)
    : m_now(std::move(start))
{}

void FixedClock::advance(qint64 ms)
{
    m_now = m_now.addMSecs(ms);
    m_monotonicMs += ms;
}

void FixedClock::set(const QDateTime &time)
{
    m_monotonicMs += m_now.msecsTo(time);
    m_now = time;
}

} // namespace vipdeck::test
