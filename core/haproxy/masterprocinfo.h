#pragma once

// MasterProcInfo: the master CLI's `show proc` (the master process, its
// current workers, old workers still finishing their connections, and
// programs), parseShowProc(), its parser, and parseReloadReply() for the
// synchronous `reload` answer of HAProxy 2.7 and later.

#include "core/common/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace vipdeck {

struct ProcEntry
{
    qint64 pid = 0;
    QString type;             // "master", "worker" or a program's name
    qint64 relativePid = 0;   // only HAProxy < 2.5 prints it; 0 otherwise
    qint64 reloads = 0;       // master: reloads so far; worker: reloads it survived
    qint64 failedReloads = 0; // master only: "[failed: N]" (2.6+)
    QString uptime;           // as printed, "0d00h02m07s"
    qint64 uptimeSec = -1;    // -1 when the uptime could not be read
    QString version;          // "-" for programs

    bool operator==(const ProcEntry &other) const = default;
};

struct MasterProcInfo
{
    ProcEntry master;
    QList<ProcEntry> workers;    // "# workers": the current generation
    QList<ProcEntry> oldWorkers; // "# old workers": still serving old connections
    QList<ProcEntry> programs;

    bool operator==(const MasterProcInfo &other) const = default;
};

// Parses `show proc`.  Columns follow the "#<PID> <type> ..." header, so
// both the 2.6 layout and the older one with "<relative PID>" are read.
// Fails (ErrorCode::Parse) without a header or a master line, or on a
// malformed row.
Result<MasterProcInfo> parseShowProc(const QByteArray &reply);

// "0d00h02m07s" -> 127; nullopt when the text is not in that form.
std::optional<qint64> parseProcUptime(const QByteArray &text);

// The answer of `reload` on HAProxy 2.7+: "Success=1" or "Success=0", then
// "--" and the new process's startup messages.
struct ReloadReply
{
    bool success = false;
    QString startupLog;

    bool operator==(const ReloadReply &other) const = default;
};

// Returns nullopt for an empty reply (HAProxy 2.6 answers nothing: success
// must then be read from `show proc`), the parsed reply otherwise, or an
// ErrorCode::Parse for anything else.
Result<std::optional<ReloadReply>> parseReloadReply(const QByteArray &reply);

} // namespace vipdeck
