#pragma once

// Waiting for a QFuture in vipdeckctl: runs an event loop until it finishes,
// so queued signals (progress, transport status) are delivered meanwhile.

#include <QEventLoop>
#include <QFuture>
#include <QFutureWatcher>
#include <QTimer>

#include <optional>

namespace vipdeck::cli {

template <typename T> T waitFor(const QFuture<T> &future)
{
    QFutureWatcher<T> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(future);
    if (!watcher.isFinished())
        loop.exec();
    return watcher.result();
}

// The same with a deadline: nothing when `future` has not finished within `ms`.
template <typename T> std::optional<T> waitFor(const QFuture<T> &future, int ms)
{
    QFutureWatcher<T> watcher;
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    watcher.setFuture(future);
    if (!watcher.isFinished()) {
        deadline.start(ms);
        loop.exec();
    }
    if (!watcher.isFinished())
        return std::nullopt;
    return watcher.result();
}

} // namespace vipdeck::cli
