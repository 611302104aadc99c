#pragma once

// trHaproxy(): user-visible text of the HAProxy module, in the
// "vipdeck::Haproxy" translation context.  lupdate finds these strings with
// `-tr-function-alias translate+=trHaproxy`.

#include <QCoreApplication>
#include <QString>

namespace vipdeck {

inline QString trHaproxy(const char *sourceText)
{
    return QCoreApplication::translate("vipdeck::Haproxy", sourceText);
}

} // namespace vipdeck
