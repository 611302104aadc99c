#pragma once

// HaproxyInfo: the process facts of `show info` (one HAProxy worker), and
// parseShowInfo(), its parser.  The reply is "Key: value" lines; the fields
// vipdeck uses are typed here, the others are checked for their shape only.

#include "core/common/result.h"

#include <QByteArray>
#include <QString>

namespace vipdeck {

struct HaproxyInfo
{
    QString name;    // "HAProxy"
    QString version; // "2.6.12-1+deb12u4"
    QString releaseDate;
    QString node;
    qint64 pid = 0;
    qint64 processNum = 0;
    qint64 nbthread = 0;
    qint64 uptimeSec = 0;
    qint64 startTimeSec = 0; // Start_time_sec (epoch), 0 when not reported
    qint64 currConns = 0;
    qint64 cumConns = 0;
    qint64 cumReq = 0;
    qint64 maxconn = 0;
    qint64 connRate = 0;
    qint64 sessRate = 0;
    qint64 idlePct = -1;
    qint64 jobs = 0;
    qint64 stopping = 0; // 1 while this worker is shutting down (old worker)
    qint64 failedResolutions = 0;

    bool operator==(const HaproxyInfo &other) const = default;
};

// Parses a `show info` reply.  Fails (ErrorCode::Parse) on a line that is not
// "Key: value", a malformed number, or when Name, Version, Pid, Uptime_sec,
// CurrConns or Maxconn is missing (which is how a cut-off reply shows).
Result<HaproxyInfo> parseShowInfo(const QByteArray &reply);

} // namespace vipdeck
