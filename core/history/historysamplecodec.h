#pragma once

// How the history store keeps minute samples: one row per series and hour,
// holding that hour's minutes one after another.  A minute is a byte (the
// minute within the hour, 0-59) and its seven counters as unsigned LEB128
// varints (samples, sessions max, sessions sum, session rate sum, request
// rate sum, 5xx, check failures): 8 to 20 bytes where a row of its own
// would take about 60.

#include "core/history/historydatabase.h"

#include <QByteArray>
#include <QList>

namespace vipdeck {

// The entry of `sample`'s minute; negative counters are stored as 0.
QByteArray encodeMinute(const HistorySample &sample);

// The minutes of the hour row starting at `hourMs`, in order.  A minute
// written twice (a recorder restarted within it) is merged; a damaged tail
// (a minute past 59, a varint cut short) is left out.  Host, VIP, backend
// and server are left empty.
QList<HistorySample> decodeMinutes(qint64 hourMs, const QByteArray &row);

} // namespace vipdeck
