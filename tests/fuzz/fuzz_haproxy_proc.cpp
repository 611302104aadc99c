// libFuzzer target: parseShowProc(), parseReloadReply() and parseProcUptime() must return a value
// or a typed error for any input.

#include "core/haproxy/masterprocinfo.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    (void)vipdeck::parseShowProc(input);
    (void)vipdeck::parseReloadReply(input);
    (void)vipdeck::parseProcUptime(input);
    return 0;
}
