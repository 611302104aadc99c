#pragma once

// ConfigCheck: what `haproxy -c -f <cfg>` said, and parseConfigCheck(), which
// reads its exit code and output.  Exit 0 is a valid configuration (warnings
// allowed); anything else is ErrorCode::ConfigCheckFailed carrying the
// [ALERT] lines.  Note `haproxy -c` does not bind, so a port clash passes.

#include "core/common/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace vipdeck {

struct ConfigCheck
{
    // Each [WARNING] with its "   | ..." continuation lines joined, without
    // the "[WARNING]  (pid) : " prefix.
    QStringList warnings;
    QString output; // everything HAProxy printed

    bool operator==(const ConfigCheck &other) const = default;
};

// `output` is stdout and stderr together (HAProxy writes its messages to
// stderr).  `configPath` names the file in errors.
Result<ConfigCheck> parseConfigCheck(int exitCode, const QByteArray &output,
                                     const QString &configPath);

} // namespace vipdeck
