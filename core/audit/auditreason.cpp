#include "core/audit/auditreason.h"

#include "core/common/controlcharacters.h"

#include <QCoreApplication>

namespace vipdeck {

Result<void> validateAuditReason(const QString &reason)
{
    const qsizetype at = firstControlCharacter(reason);
    if (at < 0)
        return {};
    return Error(
        ErrorCode::InvalidArgument,
        QCoreApplication::translate("vipdeck::AuditStore",
                                    "the reason contains the control character %1 at position %2")
            .arg(controlCharacterName(reason.at(at)))
            .arg(at + 1),
        {},
        QCoreApplication::translate("vipdeck::AuditStore",
                                    "write the reason as plain text on one line, without "
                                    "escape sequences or line breaks"));
}

} // namespace vipdeck
