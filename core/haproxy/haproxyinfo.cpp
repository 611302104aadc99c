#include "core/haproxy/haproxyinfo.h"

#include "core/haproxy/haproxytr.h"
#include "core/haproxy/replytext.h"

using namespace Qt::StringLiterals;
using namespace vipdeck::haproxy_detail;

namespace vipdeck {

namespace {

// The keys vipdeck reads; every other line is checked for its shape and
// skipped (a reply has about 60 lines and a poll hundreds of replies).
struct Key
{
    const char *name;
    QString HaproxyInfo::*text = nullptr;
    qint64 HaproxyInfo::*number = nullptr;
    qint64 absent = 0;
    bool required = false;
};

constexpr Key kKeys[] = {
    {"Name", &HaproxyInfo::name, nullptr, 0, true},
    {"Version", &HaproxyInfo::version, nullptr, 0, true},
    {"Release_date", &HaproxyInfo::releaseDate},
    {"node", &HaproxyInfo::node},
    {"Pid", nullptr, &HaproxyInfo::pid, 0, true},
    {"Process_num", nullptr, &HaproxyInfo::processNum},
    {"Nbthread", nullptr, &HaproxyInfo::nbthread},
    {"Uptime_sec", nullptr, &HaproxyInfo::uptimeSec, 0, true},
    {"Start_time_sec", nullptr, &HaproxyInfo::startTimeSec},
    {"CurrConns", nullptr, &HaproxyInfo::currConns, 0, true},
    {"CumConns", nullptr, &HaproxyInfo::cumConns},
    {"CumReq", nullptr, &HaproxyInfo::cumReq},
    {"Maxconn", nullptr, &HaproxyInfo::maxconn, 0, true},
    {"ConnRate", nullptr, &HaproxyInfo::connRate},
    {"SessRate", nullptr, &HaproxyInfo::sessRate},
    {"Idle_pct", nullptr, &HaproxyInfo::idlePct, -1},
    {"Jobs", nullptr, &HaproxyInfo::jobs},
    {"Stopping", nullptr, &HaproxyInfo::stopping},
    {"FailedResolutions", nullptr, &HaproxyInfo::failedResolutions},
};
constexpr qsizetype kKeyCount = sizeof(kKeys) / sizeof(kKeys[0]);
constexpr qsizetype kPidKey = 4;
static_assert(kKeys[kPidKey].number == &HaproxyInfo::pid);

} // namespace

Result<HaproxyInfo> parseShowInfo(const QByteArray &reply)
{
    const QString command = u"show info"_s;
    auto lines = replyLines(reply, command);
    if (!lines)
        return lines.error();
    HaproxyInfo info;
    qsizetype lineOf[kKeyCount] = {}; // 0: not in the reply
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
        const QByteArrayView key(line.constData(), colon);
        for (qsizetype k = 0; k < kKeyCount; ++k) {
            if (lineOf[k] == 0 && key == kKeys[k].name) {
                lineOf[k] = i + 1;
                break;
            }
        }
    }

    for (qsizetype k = 0; k < kKeyCount; ++k) {
        const Key &key = kKeys[k];
        if (lineOf[k] == 0) {
            if (key.required) {
                return Error(ErrorCode::Parse,
                             HaproxyTr::tr("The reply has no \"%1\" field: it is cut off or not "
                                           "from HAProxy.")
                                 .arg(QString::fromLatin1(key.name)),
                             command, {}, excerpt(reply));
            }
            if (key.number)
                info.*key.number = key.absent;
            continue;
        }
        const QByteArray &line = lines->at(lineOf[k] - 1);
        const qsizetype valueAt = qstrlen(key.name) + 2; // past ": "
        const QByteArray value = valueAt < line.size() ? line.mid(valueAt) : QByteArray();
        if (key.text) {
            info.*key.text = QString::fromUtf8(value);
            continue;
        }
        auto number = parseInteger(value, QString::fromLatin1(key.name),
                                   lineWhere(command, lineOf[k]), key.absent);
        if (!number)
            return number.error();
        info.*key.number = *number;
    }
    if (info.pid <= 0) {
        return Error(ErrorCode::Parse, HaproxyTr::tr("Pid is not a process id."),
                     lineWhere(command, lineOf[kPidKey]));
    }
    return info;
}

} // namespace vipdeck
