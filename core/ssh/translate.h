#pragma once

// trTransport(): user-visible text of the transport module, in the
// "vipdeck::Transport" translation context.  lupdate finds these strings with
// `-tr-function-alias translate+=trTransport`.

#include <QCoreApplication>
#include <QString>

namespace vipdeck {

inline QString trTransport(const char *sourceText)
{
    return QCoreApplication::translate("vipdeck::Transport", sourceText);
}

} // namespace vipdeck
