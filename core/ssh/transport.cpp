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

} // namespace vipdeck
