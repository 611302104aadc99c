// libFuzzer target: the runtime reply parsers, the config check reader and name validation must
// return a value or a typed error for any input.

#include "core/haproxy/configcheck.h"
#include "core/haproxy/haproxynames.h"
#include "core/haproxy/runtimereply.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    (void)vipdeck::splitReplies(input, 3);
    (void)vipdeck::parseCommandReply(input, {});
    (void)vipdeck::parseWeightReply(input, {});
    (void)vipdeck::parseConfigCheck(size % 2, input, {});
    (void)vipdeck::validateProxyName(QString::fromUtf8(input));
    return 0;
}
