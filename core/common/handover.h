#pragma once

// postTo(): runs a functor on another object's thread through Qt's event
// queue, the way every cross-thread call in vipdeck is made; startOnPool():
// runs one on a QThreadPool; emitOnItsThread(): a signal emitted on its
// object's thread; thenOnPool(): a future's continuation on the global pool;
// waitOn(): waits on a QWaitCondition.
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
#include <QFuture>
#include <QMetaObject>
#include <QMutex>
#include <QObject>
#include <QPromise>
#include <QRunnable>
#include <QThreadPool>
#include <QWaitCondition>

#include <memory>
#include <type_traits>
#include <utility>

#if defined(__SANITIZE_THREAD__)
#include <condition_variable>
#include <mutex>
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

#if defined(__SANITIZE_THREAD__)
// TSan builds only.  Qt moves the functor into the slot object it queues
// after postTo() released the token, so the receiving thread's first reads
// of it would be unordered.  The posting thread holds this lock of the task's
// type while Qt builds and queues the functor; the functor takes and drops it
// before touching what it holds.
template <typename Task> inline std::mutex postLock;

// TSan builds only: Qt::BlockingQueuedConnection made of a queued post and a
// wait TSan sees (Qt's own wait is inside libQt6Core).  Returns once the
// posted functor is gone: it ran, or Qt dropped it with `context`.
template <typename Work> bool postAndWait(QObject *context, Work &&work);
#endif

// postTo() through Qt's own connection `type`.
template <typename Work> bool post(QObject *context, Work &&work, Qt::ConnectionType type)
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
#if defined(__SANITIZE_THREAD__)
    std::unique_lock<std::mutex> posting(handover_detail::postLock<Task>);
#endif
    const bool posted = QMetaObject::invokeMethod(
        context,
        [owner = Owner(std::move(task))] {
#if defined(__SANITIZE_THREAD__)
            {
                std::lock_guard<std::mutex> built(handover_detail::postLock<Task>);
            }
#endif
            handover_detail::acquire(&handover_detail::token<Task>);
            (*owner.task)();
            handover_detail::release(&handover_detail::token<Task>);
        },
        type);
    if (posted && type == Qt::BlockingQueuedConnection)
        acquire(token);
    return posted;
}
} // namespace handover_detail

// Runs `work()` on `context`'s thread.  Qt::QueuedConnection returns at once;
// Qt::BlockingQueuedConnection waits until it ran (never from `context`'s own
// thread).  False if Qt refused (for example, `context` is null); the work is
// dropped, unrun, if `context` is destroyed before its turn.
template <typename Work>
bool postTo(QObject *context, Work &&work, Qt::ConnectionType type = Qt::QueuedConnection)
{
#if defined(__SANITIZE_THREAD__)
    if (type == Qt::BlockingQueuedConnection)
        return handover_detail::postAndWait(context, std::forward<Work>(work));
#endif
    return handover_detail::post(context, std::forward<Work>(work), type);
}

#if defined(__SANITIZE_THREAD__)
template <typename Work> bool handover_detail::postAndWait(QObject *context, Work &&work)
{
    struct State
    {
        std::mutex mutex;
        std::condition_variable condition;
        bool gone = false;
    };
    auto state = std::make_shared<State>();
    // Its deleter runs when the last copy of the posted functor is destroyed.
    std::shared_ptr<void> gone(nullptr, [state](void *) {
        std::lock_guard<std::mutex> lock(state->mutex);
        state->gone = true;
        state->condition.notify_all();
    });
    const bool posted = post(
        context, [work = std::forward<Work>(work), gone = std::move(gone)]() mutable { work(); },
        Qt::QueuedConnection);
    std::unique_lock<std::mutex> lock(state->mutex);
    state->condition.wait(lock, [&] { return state->gone; });
    return posted;
}
#endif

namespace handover_detail {
// A task for QThreadPool with an address of its own: the starting thread
// releases it once the task is built, the pool thread acquires it before
// touching the task, and the pool deletes it there when it ran.
template <typename Task> class PoolTask final : public QRunnable
{
public:
    explicit PoolTask(Task task)
        : m_task(std::move(task))
    {}
    void run() override
    {
        acquire(this);
        m_task();
    }

private:
    Task m_task;
};
} // namespace handover_detail

// pool.start(work), with the hand-over through the pool's queue (whose lock
// is inside libQt6Core) told to ThreadSanitizer like postTo()'s.
template <typename Work> void startOnPool(QThreadPool &pool, Work &&work)
{
    auto *task = new handover_detail::PoolTask<std::decay_t<Work>>(std::forward<Work>(work));
    handover_detail::release(task);
    pool.start(task);
}

// Emits `signal` of `object` with `args` on the object's own thread, from
// whichever thread calls: receivers, direct connections and QSignalSpy then
// never run on a worker thread.  Dropped if `object` is destroyed first.
template <typename Object, typename Signal, typename... Args>
void emitOnItsThread(Object *object, Signal signal, Args... args)
{
    postTo(object, [object, signal, args...] { (object->*signal)(args...); });
}

// future.then(QtFuture::Launch::Async, work), with the hop to the global pool
// made by startOnPool() instead of inside Qt's template, where TSan cannot see
// it.  `work(const T &)` runs on a pool thread once `future` has a result; a
// cancelled `future` cancels the returned one.  Continuations attached to the
// returned future with QtFuture::Launch::Inherit (or the default) run on the
// same pool thread, right after `work`.
template <typename T, typename Work> auto thenOnPool(QFuture<T> future, Work &&work)
{
    using R = std::invoke_result_t<std::decay_t<Work> &, const T &>;
    auto promise = std::make_shared<QPromise<R>>();
    promise->start();
    QFuture<R> result = promise->future();
    // If `future` is cancelled, Qt drops this continuation unrun, and with it
    // the last reference to the promise, whose destructor cancels `result`.
    future.then(
        QtFuture::Launch::Sync, [promise, work = std::forward<Work>(work)](const T &value) mutable {
            startOnPool(*QThreadPool::globalInstance(),
                        [promise = std::move(promise), work = std::move(work), value]() mutable {
                            promise->addResult(work(std::as_const(value)));
                            promise->finish();
                        });
        });
    return result;
}

} // namespace vipdeck
