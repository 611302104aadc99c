#include "core/ssh/transport.h"

#include <QCoreApplication>

#include <cmath>

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

QString byteSizeText(qsizetype bytes)
{
    constexpr qsizetype kib = 1024;
    constexpr qsizetype mib = kib * 1024;
    constexpr qsizetype gib = mib * 1024;
    if (bytes >= gib && bytes % gib == 0)
        return QCoreApplication::translate("vipdeck::Transport", "%1 GiB").arg(bytes / gib);
    if (bytes >= mib && bytes % mib == 0)
        return QCoreApplication::translate("vipdeck::Transport", "%1 MiB").arg(bytes / mib);
    if (bytes >= kib && bytes % kib == 0)
        return QCoreApplication::translate("vipdeck::Transport", "%1 KiB").arg(bytes / kib);
    return QCoreApplication::translate("vipdeck::Transport", "%n byte(s)", nullptr, int(bytes));
}

Error replyTooLargeError(qsizetype limit, const QString &where, const QString &commands)
{
    const QString size = byteSizeText(limit > 0 ? limit : defaultReplyLimit);
    return Error(ErrorCode::ReplyTooLarge,
                 commands.isEmpty()
                     ? QCoreApplication::translate("vipdeck::Transport",
                                                   "The reply grew past its limit of %1; the read "
                                                   "was stopped and what had arrived was dropped.")
                           .arg(size)
                     : QCoreApplication::translate("vipdeck::Transport",
                                                   "The reply to '%1' grew past its limit of %2; "
                                                   "the read was stopped and what had arrived was "
                                                   "dropped.")
                           .arg(commands, size),
                 where,
                 QCoreApplication::translate(
                     "vipdeck::Transport",
                     "If the daemon's answers really are this large, raise the limit in the fleet "
                     "file (haproxy.reply_limit or bird.reply_limit); otherwise check what "
                     "answers on the socket."));
}

QFuture<Result<QByteArray>> Transport::streamRequest(const QString &socketPath,
                                                     const StreamOptions &stream,
                                                     const QByteArray &payload, Completion complete,
                                                     std::chrono::milliseconds timeout,
                                                     qsizetype replyLimit)
{
    const auto openingLength = stream.openingReplyLength;
    Completion afterOpening = [openingLength, complete](const QByteArray &received) {
        const qsizetype skip = openingLength ? openingLength(received) : 0;
        return skip >= 0 && complete && complete(received.mid(skip));
    };
    return request(socketPath, stream.opening + payload, std::move(afterOpening), timeout,
                   replyLimit)
        .then([openingLength](Result<QByteArray> reply) -> Result<QByteArray> {
            if (!reply)
                return reply;
            const qsizetype skip = openingLength ? openingLength(*reply) : 0;
            return skip >= 0 ? reply->mid(skip) : *reply; // the parser reports the cut
        });
}

std::chrono::milliseconds streamAgeLimit(std::chrono::milliseconds maxAge, quint64 sequence)
{
    constexpr double goldenFraction = 0.6180339887498949; // (sqrt(5) - 1) / 2
    const double fraction = std::fmod(double(sequence) * goldenFraction, 1.0);
    const qint64 half = maxAge.count() / 2;
    return std::chrono::milliseconds(maxAge.count() - half + qint64(fraction * double(half)));
}

} // namespace vipdeck
