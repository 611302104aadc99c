#pragma once

// Builds BIRD CLI commands that name a protocol.  The name is checked against
// BIRD's symbol rules first (letters, digits and `_`, not starting with a
// digit, at most 64 characters) so nothing from a fleet file can add words,
// patterns or a second command; `all` is refused because `disable all`
// would act on every protocol.

#include "core/common/result.h"

#include <QByteArray>

namespace vipdeck {

Result<void> validateBirdProtocolName(const QString &name);

// `verb name\n`, e.g. birdProtocolCommand(u"disable"_s, u"vip_web"_s).
Result<QByteArray> birdProtocolCommand(const QString &verb, const QString &name);

} // namespace vipdeck
