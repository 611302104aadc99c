#include "core/ssh/libssh2init.h"

#include <libssh2.h>
#include <mutex>

namespace vipdeck {

void ensureLibssh2Initialised()
{
    static std::once_flag once;
    std::call_once(once, [] { libssh2_init(0); });
}

} // namespace vipdeck
