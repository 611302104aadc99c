#include "core/ssh/reconnectbackoff.h"

#include <algorithm>

namespace vipdeck {

ReconnectBackoff::ReconnectBackoff(std::chrono::milliseconds initial, std::chrono::milliseconds max)
    : m_initial(std::max(initial, std::chrono::milliseconds(10)))
    , m_max(max)
{}

ReconnectBackoff::Decision ReconnectBackoff::failed(ErrorCode code, qint64 nowMs)
{
    ++m_failures;
    const qint64 delay =
        std::min<qint64>(m_initial.count() << std::min(m_failures - 1, 20), m_max.count());
    Decision decision;
    decision.delay = std::chrono::milliseconds(delay);
    decision.retryByItself = isTransient(code);
    if (!decision.retryByItself)
        m_notBefore = nowMs + delay;
    return decision;
}

void ReconnectBackoff::reset()
{
    m_failures = 0;
    m_notBefore = 0;
}

bool ReconnectBackoff::isTransient(ErrorCode code)
{
    switch (code) {
    case ErrorCode::ConnectFailed:
    case ErrorCode::Timeout:
    case ErrorCode::Disconnected:
    case ErrorCode::Io:
    case ErrorCode::Internal:
        return true;
    default:
        return false; // host key and authentication problems need a person
    }
}

} // namespace vipdeck
