#pragma once

// HaproxyTr::tr(): user-visible text of the HAProxy module, in the
// "vipdeck::Haproxy" translation context, where lupdate finds it.

#include <QCoreApplication>
#include <QString>

namespace vipdeck {

struct HaproxyTr
{
    Q_DECLARE_TR_FUNCTIONS(vipdeck::Haproxy)
};

} // namespace vipdeck
