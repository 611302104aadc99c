#pragma once

// StatRow: one line of `show stat` (a frontend, backend, server or
// listener) and parseShowStat(), the CSV parser.  Columns are found by their
// header name: HAProxy adds columns between versions (2.6.12 prints more than
// its own documentation lists), so position means nothing.  Unknown columns
// are ignored; a missing required column is an error naming it.

#include "core/common/result.h"
#include "core/haproxy/serverstatus.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace vipdeck {

enum class StatType { Frontend, Backend, Server, Listener };

struct StatRow
{
    // Counters HAProxy leaves empty for this kind of row are -1.
    static constexpr qint64 NotReported = -1;

    QString proxy; // pxname
    QString name;  // svname: FRONTEND, BACKEND or the server/listener name
    StatType type = StatType::Server;
    ServerStatus status;
    qint64 weight = NotReported;     // effective weight
    qint64 userWeight = NotReported; // uweight: set by the admin or the agent
    qint64 active = NotReported;     // act: 1 active server / number of them for a backend
    qint64 backup = NotReported;     // bck
    bool isBackup = false;           // a server marked `backup`
    qint64 qcur = NotReported;
    qint64 scur = NotReported;
    qint64 smax = NotReported;
    qint64 slim = NotReported;
    qint64 stot = NotReported;
    qint64 rate = NotReported;
    qint64 reqRate = NotReported;
    qint64 hrsp5xx = NotReported;
    qint64 chkfail = NotReported;
    qint64 lastChange = NotReported;  // lastchg, seconds since the last state change
    qint64 downtime = NotReported;    // seconds
    qint64 lastSession = NotReported; // lastsess, seconds
    qint64 checkCode = NotReported;
    QString checkStatus;       // L7OK, L4CON, ...; without the "* " of a running check
    bool checkRunning = false; // HAProxy printed "* " before check_status
    QString checkDescription;  // check_desc
    QString lastCheck;         // last_chk: the check's output
    QString agentStatus;
    QString tracked; // "backend/server" this one tracks, if any
    QString address; // addr

    bool operator==(const StatRow &other) const = default;
};

// Parses a whole `show stat` reply (CSV header first).  An empty reply, a
// missing header, a missing required column (pxname, svname, status, type),
// a row with another number of fields than the header or a malformed number
// is an ErrorCode::Parse naming the line and column.
Result<QList<StatRow>> parseShowStat(const QByteArray &reply);

// The row of `name` (a server, FRONTEND or BACKEND) in `proxy`, or nullptr.
const StatRow *findStatRow(const QList<StatRow> &rows, const QString &proxy, const QString &name);

} // namespace vipdeck
