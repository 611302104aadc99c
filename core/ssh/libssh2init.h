#pragma once

// libssh2_init() must run once per process before any other libssh2 call,
// and not concurrently with one; this does it on first use.

namespace vipdeck {

void ensureLibssh2Initialised();

} // namespace vipdeck
