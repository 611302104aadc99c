#pragma once

// LastKnownState: the console's memory of a fleet between sessions, over a
// SnapshotStore.  When a fleet is opened it hands back the previous session's
// state to show at once, every verdict on it marked stale with its age;
// while the first poll runs it overlays that state for the hosts that have
// not reported yet, so no host flickers to "not read yet"; once every host
// reported it steps aside.  It saves the latest state at most every
// `saveEvery` (in the background) and on flush().
//
// GUI-free; used from one thread (the GUI thread), saving on its own pool.

#include "core/common/clock.h"
#include "core/fleet/fleetupdate.h"
#include "core/fleet/snapshotstore.h"

#include <QSet>
#include <QThreadPool>

#include <chrono>
#include <optional>

namespace vipdeck {

class LastKnownState
{
public:
    explicit LastKnownState(SnapshotStore store,
                            std::chrono::milliseconds saveEvery = std::chrono::seconds(30),
                            const Clock &clock = Clock::system());
    ~LastKnownState(); // waits for a save in flight
    LastKnownState(const LastKnownState &) = delete;
    LastKnownState &operator=(const LastKnownState &) = delete;

    // A fleet was opened (`fleetFile` empty: none): the stored state of it to
    // show until the first poll, if there is a usable one.  A corrupt or
    // outdated file is logged and ignored.  Flushes the previous fleet first.
    std::optional<FleetUpdate> open(const QString &fleetFile, const Inventory &inventory);
    // A poller update: what to show (the restored state of hosts that have
    // not reported yet overlaid); saved when the last save is old enough.
    FleetUpdate live(const FleetUpdate &update);
    // Saves the latest live state now, if it changed since the last save.
    void flush();

    // Restored data is on screen (some host has not reported yet).
    bool showsRestored() const { return m_restored.has_value(); }
    QDateTime restoredTime() const { return m_restored ? m_restored->time() : QDateTime(); }
    const SnapshotStore &store() const { return m_store; }

private:
    void saveInBackground(const Snapshot &snapshot);

    const SnapshotStore m_store;
    const std::chrono::milliseconds m_saveEvery;
    const Clock &m_clock;
    QThreadPool m_pool; // one thread: saves never overtake each other
    QString m_fleetFile;
    std::optional<Snapshot> m_restored;
    QSet<QString> m_pendingHosts; // restored hosts that have not reported yet
    std::optional<Snapshot> m_unsaved;
    qint64 m_lastSaveMs = -1;
};

} // namespace vipdeck
