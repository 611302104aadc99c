#include "core/ssh/transport.h"

#include <QCoreApplication>

namespace vipdeck {

QString transportStateName(TransportState state)
{
    switch (state) {
    case TransportState::Disconnected:
        return QCoreApplication::translate("vipdeck::Transport", "disconnected");
    case TransportState::Connecting:
        return QCoreApplication::translate("vipdeck::Transport", "connecting");
    case TransportState::Connected:
        return QCoreApplication::translate("vipdeck::Transport", "connected");
    case TransportState::Failed:
        return QCoreApplication::translate("vipdeck::Transport", "failed");
    }
    return {};
}

QFuture<Result<QByteArray>> Transport::streamRequest(const QString &socketPath,
                                                     const StreamOptions &stream,
                                                     const QByteArray &payload, Completion complete,
                                                     std::chrono::milliseconds timeout)
{
    const auto openingLength = stream.openingReplyLength;
    Completion afterOpening = [openingLength, complete](const QByteArray &received) {
        const qsizetype skip = openingLength ? openingLength(received) : 0;
        return skip >= 0 && complete && complete(received.mid(skip));
    };
    return request(socketPath, stream.opening + payload, std::move(afterOpening), timeout)
        .then([openingLength](Result<QByteArray> reply) -> Result<QByteArray> {
            if (!reply)
                return reply;
            const qsizetype skip = openingLength ? openingLength(*reply) : 0;
            return skip >= 0 ? reply->mid(skip) : *reply; // the parser reports the cut
        });
}

} // namespace vipdeck
