#include "core/haproxy/haproxyinfo.h"

#include "core/haproxy/haproxytr.h"
#include "core/haproxy/replytext.h"

using namespace Qt::StringLiterals;
using namespace vipdeck::haproxy_detail;

namespace vipdeck {

Result<HaproxyInfo> parseShowInfo(const QByteArray &reply)
{
    const QString command = u"show info"_s;
    auto lines = replyLines(reply, command);
    if (!lines)
        return lines.error();
    HaproxyInfo info;
    QHash<QString, qsizetype> lineOf;
    for (qsizetype i = 0; i < lines->size(); ++i) {
        const QByteArray &line = lines->at(i);
        // An empty value may come as "Key: " or "Key:".
        const qsizetype colon =
            line.endsWith(':') && !line.contains(": ") ? line.size() - 1 : line.indexOf(": ");
        if (colon <= 0) {
            return Error(ErrorCode::Parse, HaproxyTr::tr("Expected \"Key: value\"."),
                         lineWhere(command, i + 1),
                         HaproxyTr::tr("Is this socket an HAProxy stats socket?"), excerpt(line));
        }
        const QString key = QString::fromUtf8(line.left(colon));
        info.fields.insert(key, QString::fromUtf8(line.mid(colon + 2)));
        lineOf.insert(key, i + 1);
    }

    for (const char *required : {"Name", "Version", "Pid", "Uptime_sec", "CurrConns", "Maxconn"}) {
        if (!info.fields.contains(QString::fromLatin1(required))) {
            return Error(ErrorCode::Parse,
                         HaproxyTr::tr("The reply has no \"%1\" field: it is cut off or not from "
                                       "HAProxy.")
                             .arg(QString::fromLatin1(required)),
                         command, {}, excerpt(reply));
        }
    }
    info.name = info.fields.value(u"Name"_s);
    info.version = info.fields.value(u"Version"_s);
    info.releaseDate = info.fields.value(u"Release_date"_s);
    info.node = info.fields.value(u"node"_s);

    const struct
    {
        const char *key;
        qint64 *target;
        qint64 absent;
    } numbers[] = {
        {"Pid", &info.pid, 0},
        {"Process_num", &info.processNum, 0},
        {"Nbthread", &info.nbthread, 0},
        {"Uptime_sec", &info.uptimeSec, 0},
        {"Start_time_sec", &info.startTimeSec, 0},
        {"CurrConns", &info.currConns, 0},
        {"CumConns", &info.cumConns, 0},
        {"CumReq", &info.cumReq, 0},
        {"Maxconn", &info.maxconn, 0},
        {"ConnRate", &info.connRate, 0},
        {"SessRate", &info.sessRate, 0},
        {"Idle_pct", &info.idlePct, -1},
        {"Jobs", &info.jobs, 0},
        {"Stopping", &info.stopping, 0},
        {"FailedResolutions", &info.failedResolutions, 0},
    };
    for (const auto &number : numbers) {
        const QString key = QString::fromLatin1(number.key);
        const auto it = info.fields.constFind(key);
        if (it == info.fields.cend()) {
            *number.target = number.absent;
            continue;
        }
        auto value =
            parseInteger(it->toUtf8(), key, lineWhere(command, lineOf.value(key)), number.absent);
        if (!value)
            return value.error();
        *number.target = *value;
    }
    if (info.pid <= 0) {
        return Error(ErrorCode::Parse, HaproxyTr::tr("Pid is not a process id."),
                     lineWhere(command, lineOf.value(u"Pid"_s)));
    }
    return info;
}

} // namespace vipdeck
