#include "core/ssh/workerthread.h"

namespace vipdeck {

void ThreadQuitAndWait::operator()(QThread *thread) const
{
    if (!thread)
        return;
    thread->quit();
    thread->wait();
    delete thread;
}

WorkerThread startWorkerThread(const QString &name)
{
    WorkerThread thread(new QThread);
    thread->setObjectName(name);
    thread->start();
    return thread;
}

} // namespace vipdeck
