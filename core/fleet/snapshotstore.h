#pragma once

// SnapshotStore: the last known state of a fleet, kept between sessions so
// that the console shows it at once (marked stale, with its age) while the
// first poll runs.  One file per fleet file, named after the hash of its
// canonical path, in a cache directory; versioned CBOR, written atomically
// (QSaveFile).  Only observations are stored, with their original times; the
// inventory comes from the fleet file as it is now, and observations of hosts
// or placements it no longer has are dropped on load.  A corrupt file or one
// of another format version is an error for the caller to log and ignore.
//
// GUI-free; the functions below it are pure.

#include "core/common/result.h"
#include "core/fleet/snapshot.h"
#include "core/fleet/verdict.h"

#include <QSet>
#include <QString>

#include <optional>

namespace vipdeck {

class SnapshotStore
{
public:
    // Bump when the encoding changes in a way an older reader would
    // misunderstand (a renamed field, another meaning).
    static constexpr int FormatVersion = 1;

    // `directory` is created on the first save.
    explicit SnapshotStore(QString directory);

    // The default place: QStandardPaths::CacheLocation/snapshots.
    static QString defaultDirectory();

    QString directory() const { return m_directory; }
    // The file that holds `fleetFile`'s state (whether it exists or not).
    QString fileFor(const QString &fleetFile) const;

    Result<void> save(const QString &fleetFile, const Snapshot &snapshot) const;
    // nullopt: nothing stored for this fleet.  Errors: unreadable, corrupt,
    // another format version.
    Result<std::optional<Snapshot>> load(const QString &fleetFile,
                                         const Inventory &inventory) const;

private:
    QString m_directory;
};

QByteArray encodeSnapshot(const Snapshot &snapshot, const QString &fleetFile = {});
// `inventory` is the fleet as loaded now; `source` names the bytes in errors.
Result<Snapshot> decodeSnapshot(const QByteArray &bytes, const Inventory &inventory,
                                const QString &source = {});

// While the first poll of a session runs: the live snapshot, with the
// restored observations of hosts that have not reported yet (`liveHosts` are
// those that have: their live data, or their failure, wins).
Snapshot overlayRestored(const Snapshot &live, const Snapshot &restored,
                         const QSet<QString> &liveHosts);

// evaluateFleet(), with every verdict that rests on a restored host's data
// (its BIRD, or HAProxy on it) marked stale with its age and the reason that
// it is the previous session's state, however young it is.
FleetVerdicts evaluateWithRestored(const Snapshot &snapshot, const QSet<QString> &restoredHosts,
                                   const QDateTime &now);

} // namespace vipdeck
