// libFuzzer target: BIRD reply framing.  For any input, splitBirdReplies()
// returns replies or a typed error, and birdProgress() (the Completion used
// on every chunk) agrees with it: same number of final lines, malformed
// exactly when framing fails.  Time stamps go through parseBirdTime() too.

#include "core/bird/birdreply.h"
#include "core/bird/birdtime.h"

#include <QByteArray>
#include <QDateTime>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const auto framing = vipdeck::splitBirdReplies(input);
    const vipdeck::BirdProgress progress = vipdeck::birdProgress(input);
    if (framing.ok() == progress.malformed)
        std::abort();
    if (framing.ok() && progress.finalLines != framing->replies.size())
        std::abort();
    const vipdeck::BirdTime t = vipdeck::parseBirdTime(QString::fromUtf8(input.left(64)));
    (void)t.resolve(QDateTime::currentDateTimeUtc());
    return 0;
}
