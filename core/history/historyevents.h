#pragma once

// historyEvents(): the events a stretch of the history store holds, as the
// live console shows them (core/fleet/event.h): each change of a server's
// status or admin state, of an announcement, a BGP or BFD session, HAProxy
// answering or reloaded, a host reachable or not, between two spans of one
// subject where one ends as the next starts.  Changes into or out of
// "unknown" are left out, as live: the event of the host or HAProxy that
// could not be read says it.  A pure function; oldest first.

#include "core/fleet/event.h"
#include "core/history/historydatabase.h"

#include <QList>

namespace vipdeck {

QList<FleetEvent> historyEvents(const QList<HistorySpan> &spans);

} // namespace vipdeck
