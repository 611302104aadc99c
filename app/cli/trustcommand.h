#pragma once

// `vipdeckctl trust HOST`: fetches the host key an LB host offers, shows its
// type and SHA256 fingerprint, and after confirmation adds it to the host's
// known_hosts.  A key that differs from the recorded one is refused, always:
// a human looks into it and edits the file.

#include "app/cli/console.h"
#include "app/cli/globaloptions.h"

namespace vipdeck::cli {

int trustCommand(const GlobalOptions &options, Console &console);

} // namespace vipdeck::cli
