// libFuzzer target: parseShowServersState() must return a value or a typed error for any input.

#include "core/haproxy/serverstaterow.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    (void)vipdeck::parseShowServersState(input);
    return 0;
}
