// libFuzzer target: the HAProxy configuration reader must return a value or
// a typed, located error for any input, and the backend classification must
// take whatever the reader returns.  The input is also cut into two files
// at its first form feed, to reach the several-files path.

#include "core/haproxy/backendclassification.h"
#include "core/haproxy/configline.h"
#include "core/haproxy/haproxyconfig.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    (void)vipdeck::splitConfigLine(input, u"f.cfg:1"_s);

    const auto check = [](const vipdeck::Result<vipdeck::HaproxyConfig> &config) {
        if (!config.ok()) {
            // Every error names a place in one of the files.
            if (!config.error().where.startsWith(u"a.cfg"_s) &&
                !config.error().where.startsWith(u"b.cfg"_s))
                abort();
            return;
        }
        vipdeck::ClassificationOptions options;
        (void)vipdeck::classifyBackends(*config, options);
        options.vipPrefixes =
            QList<QPair<QHostAddress, int>>{QHostAddress::parseSubnet(u"203.0.113.10/32"_s)};
        const vipdeck::BackendClassification c = vipdeck::classifyBackends(*config, options);
        if (c.backends.size() > config->proxies.size())
            abort();
    };
    check(vipdeck::parseHaproxyConfig(input, u"a.cfg"_s));
    const qsizetype cut = input.indexOf('\f');
    if (cut >= 0) {
        check(vipdeck::parseHaproxyConfigFiles(
            {{u"a.cfg"_s, input.left(cut)}, {u"b.cfg"_s, input.mid(cut + 1)}}));
    }
    return 0;
}
