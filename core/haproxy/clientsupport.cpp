#include "core/haproxy/clientsupport.h"

#include "core/haproxy/runtimereply.h"

using namespace Qt::StringLiterals;

namespace vipdeck::haproxy_detail {

QString socketWhere(const Transport *transport, const QString &socket)
{
    return transport->hostName() + u':' + socket;
}

Transport::Completion repliesComplete(qsizetype replies)
{
    return [replies](const QByteArray &received) {
        return received.endsWith("\n\n") && splitReplies(received, replies).ok();
    };
}

StreamOptions promptStream()
{
    return StreamOptions{"prompt\n", promptOpeningLength};
}

Transport::Completion promptRepliesComplete(qsizetype replies)
{
    return
        [replies](const QByteArray &received) { return promptRepliesArrived(received, replies); };
}

Error located(const Error &error, const QString &where)
{
    Error out = error;
    out.where = error.where.isEmpty() ? where : where + u" ("_s + error.where + u')';
    return out;
}

QThreadPool *operationPool()
{
    static QThreadPool pool;
    static const bool configured = [] {
        pool.setMaxThreadCount(8);
        return true;
    }();
    (void)configured;
    return &pool;
}

} // namespace vipdeck::haproxy_detail
