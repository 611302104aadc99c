#pragma once

// Waiting for a QFuture in vipdeckctl: runs an event loop until it finishes,
// so queued signals (progress, transport status) are delivered meanwhile.

#include <QEventLoop>
#include <QFuture>
#include <QFutureWatcher>

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

} // namespace vipdeck::cli
