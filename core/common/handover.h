#pragma once

// postTo(): runs a functor on another object's thread through Qt's event
// queue, the way every cross-thread call in vipdeck is made.
//
// Qt orders a posted event after the code that posted it, but it does so
// with a lock inside libQt6Core, which ThreadSanitizer does not see (Debian's
// Qt is not instrumented).  postTo() tells TSan about that ordering itself:
// the posting thread releases a token the functor owns, the receiving thread
// acquires it before running the functor, and for a blocking call the other
// way round when the functor returned.  In a build without TSan these
// annotations are empty and postTo() is QMetaObject::invokeMethod().
// docs/sanitizers.md says why.

#include <QMetaObject>
#include <QObject>

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

} // namespace handover_detail

// Runs `work()` on `context`'s thread.  Qt::QueuedConnection returns at once;
// Qt::BlockingQueuedConnection waits until it ran (never from `context`'s own
// thread).  False if Qt refused (for example, `context` is null); the work is
// dropped, unrun, if `context` is destroyed before its turn.
template <typename Work>
bool postTo(QObject *context, Work &&work, Qt::ConnectionType type = Qt::QueuedConnection)
{
    using Task = std::decay_t<Work>;
    auto task = std::make_shared<Task>(std::forward<Work>(work));
    handover_detail::release(task.get());
    const bool posted = QMetaObject::invokeMethod(
        context,
        [task] {
            handover_detail::acquire(task.get());
            (*task)();
            handover_detail::release(task.get());
        },
        type);
    if (posted && type == Qt::BlockingQueuedConnection)
        handover_detail::acquire(task.get());
    return posted;
}

} // namespace vipdeck
