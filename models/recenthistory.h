#pragma once

// RecentHistory: the last hour of the Events tab and of the VIP charts, kept
// across restarts of the console, so a console opened after a crash or a
// reboot shows what happened just before.  One CBOR file per fleet in the
// cache directory (QStandardPaths::CacheLocation/recent), next to the last
// known state; saved on close and every few minutes, restored when the fleet
// is opened.  What is older than the window (one hour) is dropped on both
// ways.  It covers the console run without a history store (or before the
// store's first minute is written).  The file is written as a stream, a
// VIP's points as one packed byte string, so a save of 150 VIPs x 3600
// points needs no more memory than the file's bytes of one VIP.

#include "core/common/clock.h"
#include "core/common/result.h"

#include <QString>

#include <chrono>

namespace vipdeck {

class EventLogModel;
class TimeSeriesStore;

class RecentHistory
{
public:
    // Bump when the encoding changes in a way an older reader would misread.
    static constexpr int FormatVersion = 2;

    explicit RecentHistory(QString directory, std::chrono::seconds window = std::chrono::hours(1),
                           const Clock &clock = Clock::system());
    static QString defaultDirectory();
    QString fileFor(const QString &fleetFile) const;

    Result<void> save(const QString &fleetFile, const EventLogModel &events,
                      const TimeSeriesStore &series) const;
    // Adds what was saved for `fleetFile` and is still within the window to
    // the (empty) models; returns how many events it restored.  A missing
    // file is 0; a corrupt or other-format file is an error, nothing added.
    Result<int> restore(const QString &fleetFile, EventLogModel &events,
                        TimeSeriesStore &series) const;

private:
    QString m_directory;
    std::chrono::seconds m_window;
    const Clock &m_clock;
};

} // namespace vipdeck
