#pragma once

// Parses the replies to `enable <p>` / `disable <p>` (and `restart <p>`):
// one outcome per protocol the command matched.

#include "core/bird/birdreply.h"

namespace vipdeck {

enum class BirdControlAction { Disabled, AlreadyDisabled, Enabled, AlreadyEnabled, Restarted };

struct BirdControlOutcome
{
    QString protocol;
    BirdControlAction action = BirdControlAction::Enabled;
    QString text; // as BIRD printed it: "vip_api: already enabled"
};

// `protocol` is the name the command referred to (for NoSuchProtocol).
Result<QList<BirdControlOutcome>>
parseBirdControl(const BirdReply &reply, const QString &command = {}, const QString &protocol = {});
Result<QList<BirdControlOutcome>> parseBirdControl(const QByteArray &bytes);

} // namespace vipdeck
