#pragma once

// Shared plumbing of HaproxyClient and MasterClient (internal): naming the
// socket in errors, ready futures for refused arguments, and the blocking
// helpers MasterClient's multi-step operations run on their own thread pool.

#include "core/common/result.h"
#include "core/ssh/transport.h"

#include <QFuture>
#include <QPromise>
#include <QString>
#include <QThreadPool>

#include <functional>
#include <memory>

namespace vipdeck::haproxy_detail {

// "host:/run/haproxy/web.sock".
QString socketWhere(const Transport *transport, const QString &socket);

// Completes a request once `replies` answers (each ending with an empty
// line) have arrived.  The master CLI of 2.6 keeps the connection open after
// answering, so waiting for the peer to close is not enough there.
Transport::Completion repliesComplete(qsizetype replies);

// Prompt mode on a kept stream: `prompt` opens it, and a request of
// `replies` commands is complete when that many answers, each ending with
// "\n> ", have arrived (splitPromptReplies).
StreamOptions promptStream();
Transport::Completion promptRepliesComplete(qsizetype replies);

// `error` with `where` in front of its own location ("sock (show stat:5)").
Error located(const Error &error, const QString &where);

template <typename T> QFuture<Result<T>> readyResult(Result<T> result)
{
    QPromise<Result<T>> promise;
    QFuture<Result<T>> future = promise.future();
    promise.start();
    promise.addResult(std::move(result));
    promise.finish();
    return future;
}

// A pool for operations that wait on several round trips in a row (reload
// confirmation), so they never tie up the global pool that parses replies.
QThreadPool *operationPool();

template <typename T> QFuture<Result<T>> runOperation(std::function<Result<T>()> work)
{
    auto promise = std::make_shared<QPromise<Result<T>>>();
    QFuture<Result<T>> future = promise->future();
    promise->start();
    operationPool()->start([promise, work = std::move(work)] {
        promise->addResult(work());
        promise->finish();
    });
    return future;
}

// Waits for a transport future (from an operationPool() thread only).
template <typename T> Result<T> await(QFuture<Result<T>> future)
{
    future.waitForFinished();
    if (future.isCanceled() || future.resultCount() == 0)
        return Error(ErrorCode::Cancelled, QStringLiteral("The request was cancelled."));
    return future.result();
}

} // namespace vipdeck::haproxy_detail
