#pragma once

// TransportTr::tr(): user-visible text of the transport module, in the
// "vipdeck::Transport" translation context, where lupdate finds it.

#include <QCoreApplication>
#include <QString>

namespace vipdeck {

struct TransportTr
{
    Q_DECLARE_TR_FUNCTIONS(vipdeck::Transport)
};

} // namespace vipdeck
