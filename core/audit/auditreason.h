#pragma once

// validateAuditReason(): the one check of an operator's reason before it is
// recorded, shared by vipdeckctl's --reason, the GUI's dialogs and the store.
// A reason is shown in terminals and reports, so control characters (ESC,
// BEL, CR, LF, ...: see isControlCharacter()) are refused: they could move
// the cursor or fake fields under the real ones.  Tab is allowed.

#include "core/common/result.h"

#include <QString>

namespace vipdeck {

// Fails with InvalidArgument naming the character and its position.
Result<void> validateAuditReason(const QString &reason);

} // namespace vipdeck
