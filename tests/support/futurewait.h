#pragma once

// Waiting for futures in tests: with a deadline and a running event loop, so
// tests never sleep for fixed times.

#include "core/common/result.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QSignalSpy>

#include <chrono>
#include <optional>

namespace vipdeck::test {

// The future's value, or nullopt if it did not finish within `limit`.
template <typename T>
std::optional<T> waitForFuture(const QFuture<T> &future,
                               std::chrono::milliseconds limit = std::chrono::seconds(10))
{
    if (!future.isFinished()) {
        QFutureWatcher<T> watcher;
        QSignalSpy finished(&watcher, &QFutureWatcher<T>::finished);
        watcher.setFuture(future);
        if (!future.isFinished() && !finished.wait(int(limit.count())) && !future.isFinished())
            return std::nullopt;
    }
    return future.result();
}

// The same for the transports' Result futures.
template <typename T>
std::optional<Result<T>> waitForResult(const QFuture<Result<T>> &future,
                                       std::chrono::milliseconds limit = std::chrono::seconds(10))
{
    return waitForFuture(future, limit);
}

// The error as text for QVERIFY2 (which evaluates its message even on success).
template <typename T> QByteArray errorText(const Result<T> &result)
{
    return result.ok() ? QByteArray() : result.error().toString().toLocal8Bit();
}

} // namespace vipdeck::test
