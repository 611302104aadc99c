#pragma once

// summarizeHistory(): what a report says about a window of the history
// store: how much of it was recorded (and why the rest was not), each VIP's,
// placement's and host's time in each verdict, the incidents, announcement
// flaps, drains and maintenance with who and why (from the audit log), and
// HAProxy reloads.  A pure function of what HistoryDatabase read.
//
// Time nobody recorded is "not recorded", never attributed to a state: a
// span that a killed recorder left open ends at that recording's last poll.

#include "core/audit/auditrecord.h"
#include "core/history/historydatabase.h"

#include <QList>
#include <QString>

namespace vipdeck {

struct HistoryGap
{
    qint64 startMs = 0;
    qint64 endMs = 0;
    QString reason; // empty: before the first recording
};

struct HistoryAvailability
{
    QString vip;  // empty for a host's own row
    QString host; // empty for a VIP's own row
    qint64 healthyMs = 0;
    qint64 degradedMs = 0;
    qint64 criticalMs = 0;
    qint64 unknownMs = 0;
    qint64 notRecordedMs = 0;
    // Healthy or degraded (serving) as a share of the recorded time; -1 when
    // nothing was recorded.
    double servingRatio() const;
};

struct HistoryIncident
{
    QString vip;  // a VIP's incident, or
    QString host; // a host's (vip empty)
    qint64 startMs = 0;
    qint64 endMs = 0;
    bool ongoing = false;       // still critical at the end of the window
    bool startsEarlier = false; // critical before the window began
    QString reasons;            // the verdict's reasons when it began, and any new ones
};

struct HistoryFlaps
{
    QString vip;
    QString host;
    int withdrawals = 0;   // announced -> withdrawn
    int announcements = 0; // withdrawn -> announced
};

struct HistoryMaintenance
{
    QString host;
    QString vip;
    QString backend;
    QString server;
    QString state; // "drain" or "maint"
    qint64 startMs = 0;
    qint64 endMs = 0;
    bool ongoing = false;
    bool startsEarlier = false;
    // From the audit log: the change that put it there, when vipdeck made it.
    qint64 auditId = 0;
    QString operatorName;
    QString reason;
};

struct HistoryReloads
{
    QString vip;
    QString host;
    int reloads = 0;   // new worker processes
    qint64 downMs = 0; // HAProxy could not be read
};

// Time a placement had a service backend below min_up_servers.
struct HistoryCapacity
{
    QString vip;
    QString host;
    qint64 belowMs = 0;
    qint64 longestMs = 0; // the longest stretch
    QString detail;       // of the longest stretch: "be: 1 usable of 2 needed"
};

struct HistorySummary
{
    qint64 sinceMs = 0;
    qint64 untilMs = 0;
    qint64 recordedMs = 0;
    QList<HistoryGap> gaps;                // not recorded, in time order
    QList<HistoryAvailability> vips;       // sorted by name
    QList<HistoryAvailability> placements; // by VIP, then host
    QList<HistoryAvailability> hosts;
    QList<HistoryIncident> incidents; // by start
    QList<HistoryFlaps> flaps;        // placements with at least one change
    QList<HistoryMaintenance> maintenance;
    QList<HistoryReloads> reloads;   // placements with a reload or HAProxy down
    QList<HistoryCapacity> capacity; // placements that were below min_up_servers
};

struct HistoryInput
{
    qint64 sinceMs = 0;
    qint64 untilMs = 0;
    QList<HistoryRecording> recordings; // overlapping the window
    QList<HistorySpan> spans;           // overlapping the window
    QList<AuditRecord> audit;           // intents of the window (and a little before)
};

HistorySummary summarizeHistory(const HistoryInput &input);

} // namespace vipdeck
