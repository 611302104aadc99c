#pragma once

// postTo(): runs a functor on another object's thread through Qt's event
// queue, the way every cross-thread call in vipdeck is made; startOnPool():
// runs one on a QThreadPool; waitOn(): waits on a QWaitCondition.
//
// Qt orders a posted event after the code that posted it, but it does so
// with a lock inside libQt6Core, which ThreadSanitizer does not see (Debian's
// Qt is not instrumented).  postTo() tells TSan about that ordering itself:
// the posting thread releases a token of the functor's type, the receiving thread
// acquires it before running the functor, and for a blocking call the other
// way round when the functor returned.  In a build without TSan these
// annotations are empty and postTo() is QMetaObject::invokeMethod().
// docs/sanitizers.md says why.

#include <QDeadlineTimer>
#include <QMetaObject>
#include <QMutex>
#include <QObject>
#include <QThreadPool>
#include <QWaitCondition>

#include <memory>
#include <type_traits>
#include <utility>

#if defined(__SANITIZE_THREAD__)
#include <sanitizer/tsan_interface.h>
#endif

namespace vipdeck {

namespace handover_detail {

inline void release(const void *token)
{
#if defined(__SANITIZE_THREAD__)
    __tsan_release(const_cast<void *>(token));
#else
    Q_UNUSED(token);
#endif
}

inline void acquire(const void *token)
{
#if defined(__SANITIZE_THREAD__)
    __tsan_acquire(const_cast<void *>(token));
#else
    Q_UNUSED(token);
#endif
}

// QMutex's inline lock() and unlock() tell TSan about themselves; the
// unlock and relock inside QWaitCondition::wait happen in libQt6Core and do
// not, so TSan would see the mutex held across the wait.
inline void mutexReleased(QMutex &mutex)
{
#if defined(__SANITIZE_THREAD__)
    __tsan_mutex_pre_unlock(&mutex, 0);
    __tsan_mutex_post_unlock(&mutex, 0);
#else
    Q_UNUSED(mutex);
#endif
}

inline void mutexTaken(QMutex &mutex)
{
#if defined(__SANITIZE_THREAD__)
    __tsan_mutex_pre_lock(&mutex, 0);
    __tsan_mutex_post_lock(&mutex, 0, 0);
#else
    Q_UNUSED(mutex);
#endif
}

} // namespace handover_detail

// condition.wait(&mutex, deadline), with the mutex's release and retaking
// during the wait told to ThreadSanitizer.  `mutex` must be locked.
inline bool waitOn(QWaitCondition &condition, QMutex &mutex,
                   QDeadlineTimer deadline = QDeadlineTimer(QDeadlineTimer::Forever))
{
    handover_detail::mutexReleased(mutex);
    const bool woken = condition.wait(&mutex, deadline);
    handover_detail::mutexTaken(mutex);
    return woken;
}

namespace handover_detail {
// The token a kind of task is handed over by: one per functor type (each
// lambda has its own), so the receiving thread reads nothing the poster
// wrote before it has acquired.  Posts from the same call site are ordered
// with each other, a small blind spot (docs/sanitizers.md).
template <typename Task> inline char token = 0;
} // namespace handover_detail

// Runs `work()` on `context`'s thread.  Qt::QueuedConnection returns at once;
// Qt::BlockingQueuedConnection waits until it ran (never from `context`'s own
// thread).  False if Qt refused (for example, `context` is null); the work is
// dropped, unrun, if `context` is destroyed before its turn.
template <typename Work>
bool postTo(QObject *context, Work &&work, Qt::ConnectionType type = Qt::QueuedConnection)
{
    using Task = std::decay_t<Work>;
    const void *token = &handover_detail::token<Task>;
    // Owns the task inside the posted functor.  Qt's slot object around the
    // functor is reference-counted inside libQt6Core, so the thread that
    // drops it last (the poster, if the functor already ran) must first
    // acquire what the functor released when it ended.
    struct Owner
    {
        std::shared_ptr<Task> task;
        explicit Owner(std::shared_ptr<Task> t)
            : task(std::move(t))
        {}
        Owner(Owner &&) noexcept = default;
        Owner(const Owner &) = default;
        Owner &operator=(Owner &&) = delete;
        Owner &operator=(const Owner &) = delete;
        ~Owner() { handover_detail::acquire(&handover_detail::token<Task>); }
    };
    auto task = std::make_shared<Task>(std::forward<Work>(work));
    handover_detail::release(token);
    const bool posted = QMetaObject::invokeMethod(
        context,
        [owner = Owner(std::move(task))] {
            handover_detail::acquire(&handover_detail::token<Task>);
            (*owner.task)();
            handover_detail::release(&handover_detail::token<Task>);
        },
        type);
    if (posted && type == Qt::BlockingQueuedConnection)
        handover_detail::acquire(token);
    return posted;
}

// pool.start(work), with the hand-over through the pool's queue (whose lock
// is inside libQt6Core) told to ThreadSanitizer like postTo()'s.
template <typename Work> void startOnPool(QThreadPool &pool, Work &&work)
{
    using Task = std::decay_t<Work>;
    auto task = std::make_shared<Task>(std::forward<Work>(work));
    handover_detail::release(&handover_detail::token<Task>);
    pool.start([task = std::move(task)] {
        handover_detail::acquire(&handover_detail::token<Task>);
        (*task)();
    });
}

} // namespace vipdeck
