#pragma once

// WorkerThread: the thread a transport does its I/O on.  Owned by a smart
// pointer whose deleter quits the event loop and waits, so a transport never
// outlives or leaks its thread and destruction order stays obvious.

#include <QThread>

#include <memory>

namespace vipdeck {

struct ThreadQuitAndWait
{
    void operator()(QThread *thread) const;
};

using WorkerThread = std::unique_ptr<QThread, ThreadQuitAndWait>;

// Starts a thread running an event loop; `name` shows up in debuggers and `top -H`.
WorkerThread startWorkerThread(const QString &name);

} // namespace vipdeck
