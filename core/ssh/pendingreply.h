#pragma once

// PendingReply<T>: the producer side of a QFuture<Result<T>> handed out by a
// transport.  Copies share one promise; the first finish() wins and later ones
// are ignored, so a timeout and a late answer cannot both complete a call.

#include "core/common/handover.h"
#include "core/common/result.h"

#include <QFuture>
#include <QObject>
#include <QPromise>

#include <memory>

namespace vipdeck {

template <typename T> class PendingReply
{
public:
    PendingReply()
        : m_state(std::make_shared<State>())
    {
        m_state->promise.start();
    }

    QFuture<Result<T>> future() const { return m_state->promise.future(); }

    bool isFinished() const { return m_state->finished; }

    // Completes the future with `result` unless it is already complete.
    // Must be called from one thread only (the transport's worker thread).
    void finish(Result<T> result) const
    {
        if (m_state->finished)
            return;
        m_state->finished = true;
        m_state->promise.addResult(std::move(result));
        m_state->promise.finish();
    }

private:
    struct State
    {
        QPromise<Result<T>> promise;
        bool finished = false;
    };
    std::shared_ptr<State> m_state;
};

// Runs `work(reply)` on `context`'s thread (queued) and returns the future
// the work completes: how a transport hands a call to its worker thread.
template <typename T, typename Work> QFuture<Result<T>> callOn(QObject *context, Work &&work)
{
    PendingReply<T> reply;
    postTo(
        context, [reply, work = std::forward<Work>(work)]() mutable { work(reply); },
        Qt::QueuedConnection);
    return reply.future();
}

} // namespace vipdeck
