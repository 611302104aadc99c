#include "core/haproxy/masterprocinfo.h"

#include "core/haproxy/haproxytr.h"
#include "core/haproxy/replytext.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;
using namespace vipdeck::haproxy_detail;

namespace vipdeck {

namespace {

const QString kCommand = u"show proc"_s;

enum class Column { Pid, Type, RelativePid, Reloads, Uptime, Version, Other };

// "#<PID>          <type>  <relative PID> ..." -> the columns in order.
QList<Column> parseHeader(const QByteArray &line)
{
    QList<Column> columns;
    qsizetype i = 0;
    while ((i = line.indexOf('<', i)) >= 0) {
        const qsizetype end = line.indexOf('>', i);
        if (end < 0)
            break;
        const QByteArray name = line.mid(i + 1, end - i - 1).toLower();
        if (name == "pid")
            columns.append(Column::Pid);
        else if (name == "type")
            columns.append(Column::Type);
        else if (name == "relative pid")
            columns.append(Column::RelativePid);
        else if (name == "reloads")
            columns.append(Column::Reloads);
        else if (name == "uptime")
            columns.append(Column::Uptime);
        else if (name == "version")
            columns.append(Column::Version);
        else
            columns.append(Column::Other);
        i = end + 1;
    }
    return columns;
}

// Splits a row on runs of whitespace, keeping "N [failed: M]" together as
// the reloads column (the only field with spaces in it).
QList<QByteArray> splitRow(const QByteArray &line)
{
    const QList<QByteArray> words = line.simplified().split(' ');
    QList<QByteArray> fields;
    for (qsizetype i = 0; i < words.size(); ++i) {
        if (words.at(i).startsWith('[') && !fields.isEmpty()) {
            QByteArray joined = words.at(i);
            while (!joined.endsWith(']') && i + 1 < words.size())
                joined += ' ' + words.at(++i);
            fields.last() += ' ' + joined;
        } else {
            fields.append(words.at(i));
        }
    }
    return fields;
}

Result<ProcEntry> parseEntry(const QByteArray &line, const QList<Column> &columns,
                             const QString &where)
{
    const QList<QByteArray> fields = splitRow(line);
    if (fields.size() != columns.size()) {
        return Error(ErrorCode::Parse,
                     HaproxyTr::tr("The row has %1 fields but the header has %2.")
                         .arg(fields.size())
                         .arg(columns.size()),
                     where, {}, excerpt(line));
    }
    ProcEntry entry;
    for (qsizetype i = 0; i < columns.size(); ++i) {
        const QByteArray &field = fields.at(i);
        switch (columns.at(i)) {
        case Column::Pid: {
            auto pid = parseInteger(field, u"PID"_s, where);
            if (!pid)
                return pid.error();
            entry.pid = *pid;
            break;
        }
        case Column::Type:
            entry.type = QString::fromUtf8(field);
            break;
        case Column::RelativePid: {
            auto rel = parseInteger(field, u"relative PID"_s, where, 0);
            if (!rel)
                return rel.error();
            entry.relativePid = *rel;
            break;
        }
        case Column::Reloads: {
            static const QRegularExpression re(u"^(\\d+)(?: \\[failed: (\\d+)\\])?$"_s);
            const auto match = re.match(QString::fromLatin1(field));
            if (!match.hasMatch()) {
                return Error(
                    ErrorCode::Parse,
                    HaproxyTr::tr("Unreadable reload counter \"%1\".").arg(excerpt(field, 40)),
                    where);
            }
            entry.reloads = match.captured(1).toLongLong();
            entry.failedReloads = match.captured(2).toLongLong();
            break;
        }
        case Column::Uptime:
            entry.uptime = QString::fromUtf8(field);
            entry.uptimeSec = parseProcUptime(field).value_or(-1);
            break;
        case Column::Version:
            entry.version = QString::fromUtf8(field);
            break;
        case Column::Other:
            break;
        }
    }
    if (entry.pid <= 0 || entry.type.isEmpty())
        return Error(ErrorCode::Parse, HaproxyTr::tr("The row has no process id."), where);
    return entry;
}

} // namespace

std::optional<qint64> parseProcUptime(const QByteArray &text)
{
    static const QRegularExpression re(u"^(\\d{1,9})d(\\d\\d)h(\\d\\d)m(\\d\\d)s$"_s);
    const auto match = re.match(QString::fromLatin1(text));
    if (!match.hasMatch())
        return std::nullopt;
    return ((match.captured(1).toLongLong() * 24 + match.captured(2).toLongLong()) * 60 +
            match.captured(3).toLongLong()) *
               60 +
           match.captured(4).toLongLong();
}

Result<MasterProcInfo> parseShowProc(const QByteArray &reply)
{
    auto lines = replyLines(reply, kCommand);
    if (!lines)
        return lines.error();
    if (lines->isEmpty() || !lines->constFirst().startsWith("#<PID>")) {
        return Error(
            ErrorCode::Parse,
            HaproxyTr::tr("The reply does not start with the \"#<PID> <type> ...\" header."),
            lineWhere(kCommand, 1),
            HaproxyTr::tr("Is this socket an HAProxy master socket (haproxy -W -S)?"),
            excerpt(lines->isEmpty() ? QByteArray() : lines->constFirst()));
    }
    const QList<Column> columns = parseHeader(lines->constFirst());
    if (!columns.contains(Column::Pid) || !columns.contains(Column::Type)) {
        return Error(ErrorCode::Parse, HaproxyTr::tr("The header has no <PID> or <type> column."),
                     lineWhere(kCommand, 1));
    }

    enum class Section { Master, Workers, OldWorkers, Programs, Other } section = Section::Master;
    MasterProcInfo info;
    bool haveMaster = false;
    for (qsizetype lineNo = 2; lineNo <= lines->size(); ++lineNo) {
        const QByteArray line = lines->at(lineNo - 1).trimmed();
        if (line.isEmpty())
            continue;
        if (line.startsWith('#')) {
            const QByteArray title = line.mid(1).trimmed();
            section = title == "workers"       ? Section::Workers
                      : title == "old workers" ? Section::OldWorkers
                      : title == "programs"    ? Section::Programs
                                               : Section::Other;
            continue;
        }
        auto entry = parseEntry(line, columns, lineWhere(kCommand, lineNo));
        if (!entry)
            return entry.error();
        if (section == Section::Master) {
            if (entry->type != u"master"_s || haveMaster) {
                return Error(ErrorCode::Parse,
                             HaproxyTr::tr("Expected the master process before \"# workers\"."),
                             lineWhere(kCommand, lineNo), {}, excerpt(line));
            }
            info.master = *entry;
            haveMaster = true;
        } else if (section == Section::Workers) {
            info.workers.append(*entry);
        } else if (section == Section::OldWorkers) {
            info.oldWorkers.append(*entry);
        } else if (section == Section::Programs) {
            info.programs.append(*entry);
        }
    }
    if (!haveMaster) {
        return Error(ErrorCode::Parse, HaproxyTr::tr("The reply lists no master process."),
                     kCommand, {}, excerpt(reply));
    }
    return info;
}

Result<std::optional<ReloadReply>> parseReloadReply(const QByteArray &reply)
{
    const QString command = u"reload"_s;
    if (reply.trimmed().isEmpty())
        return std::optional<ReloadReply>();
    const qsizetype eol = reply.indexOf('\n');
    const QByteArray first = (eol < 0 ? reply : reply.left(eol)).trimmed();
    ReloadReply parsed;
    if (first == "Success=1") {
        parsed.success = true;
    } else if (first == "Success=0") {
        parsed.success = false;
    } else {
        return Error(ErrorCode::Parse, HaproxyTr::tr("Unexpected answer to reload."), command, {},
                     excerpt(reply));
    }
    if (eol >= 0) {
        QByteArray rest = reply.mid(eol + 1);
        if (rest.startsWith("--\n"))
            rest = rest.mid(3);
        parsed.startupLog = QString::fromUtf8(rest).trimmed();
    }
    return std::optional<ReloadReply>(parsed);
}

} // namespace vipdeck
