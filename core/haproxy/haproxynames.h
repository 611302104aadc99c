#pragma once

// Validation of backend (proxy) and server names before they go into a
// runtime API line.  HAProxy itself only accepts names made of letters,
// digits, '-', '_', '.' and ':' (invalid_char() in its tools.c), so anything
// else can only be a mistake or an injection attempt (`web;shutdown`, a
// newline starting a second command) and is refused here.

#include "core/common/result.h"

#include <QString>

namespace vipdeck {

// Ok when `name` is a valid HAProxy proxy (frontend/backend) name, else
// ErrorCode::InvalidName with a message naming the offending character.
Result<void> validateProxyName(const QString &name);

// Same rule for a server name within a backend.
Result<void> validateServerName(const QString &name);

} // namespace vipdeck
