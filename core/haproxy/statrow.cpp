#include "core/haproxy/statrow.h"

#include "core/haproxy/haproxytr.h"
#include "core/haproxy/replytext.h"

#include <QHash>

using namespace Qt::StringLiterals;
using namespace vipdeck::haproxy_detail;

namespace vipdeck {

namespace {

const QString kCommand = u"show stat"_s;

// Splits one CSV line.  HAProxy quotes a field (csv_enc) when it holds a
// comma, a quote or a line break; a doubled quote inside stands for one.
// Every row ends with a comma, which gives one empty trailing field: dropped.
Result<QList<QByteArray>> splitCsv(const QByteArray &line, qsizetype lineNo)
{
    QList<QByteArray> fields;
    QByteArray field;
    qsizetype i = 0;
    const qsizetype n = line.size();
    while (i <= n) {
        field.clear();
        if (i < n && line.at(i) == '"') {
            ++i;
            for (;;) {
                if (i >= n) {
                    return Error(ErrorCode::Parse, HaproxyTr::tr("A quoted field is not closed."),
                                 lineWhere(kCommand, lineNo));
                }
                if (line.at(i) == '"') {
                    if (i + 1 < n && line.at(i + 1) == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += line.at(i++);
            }
            if (i < n && line.at(i) != ',') {
                return Error(ErrorCode::Parse, HaproxyTr::tr("Text follows a quoted field."),
                             lineWhere(kCommand, lineNo));
            }
        } else {
            const qsizetype comma = line.indexOf(',', i);
            const qsizetype end = comma < 0 ? n : comma;
            field = line.mid(i, end - i);
            i = end;
        }
        fields.append(field);
        ++i; // past the comma (or past the end)
    }
    if (line.endsWith(',') && !fields.isEmpty() && fields.constLast().isEmpty())
        fields.removeLast();
    return fields;
}

Result<StatType> parseType(const QByteArray &field, const QString &where)
{
    if (field == "0")
        return StatType::Frontend;
    if (field == "1")
        return StatType::Backend;
    if (field == "2")
        return StatType::Server;
    if (field == "3")
        return StatType::Listener;
    return Error(ErrorCode::Parse,
                 HaproxyTr::tr("Unknown row type \"%1\" (expected 0-3).").arg(excerpt(field, 20)),
                 where);
}

// Column lookup by header name for one parsed row.
class Columns
{
public:
    explicit Columns(const QList<QByteArray> &header)
    {
        for (qsizetype i = 0; i < header.size(); ++i)
            m_index.insert(header.at(i), i);
    }
    bool has(const char *name) const { return m_index.contains(QByteArray(name)); }
    QByteArray get(const QList<QByteArray> &row, const char *name) const
    {
        const qsizetype i = m_index.value(QByteArray(name), -1);
        return i >= 0 && i < row.size() ? row.at(i) : QByteArray();
    }

private:
    QHash<QByteArray, qsizetype> m_index;
};

} // namespace

Result<QList<StatRow>> parseShowStat(const QByteArray &reply)
{
    auto lines = replyLines(reply, kCommand);
    if (!lines)
        return lines.error();
    if (lines->isEmpty() || !lines->constFirst().startsWith("# ")) {
        return Error(
            ErrorCode::Parse,
            HaproxyTr::tr("The reply does not start with the CSV header \"# pxname,...\"."),
            lineWhere(kCommand, 1), HaproxyTr::tr("Is this socket an HAProxy stats socket?"),
            excerpt(lines->isEmpty() ? QByteArray() : lines->constFirst()));
    }
    auto header = splitCsv(lines->constFirst().mid(2), 1);
    if (!header)
        return header.error();
    const Columns columns(*header);
    for (const char *required : {"pxname", "svname", "status", "type"}) {
        if (!columns.has(required)) {
            return Error(ErrorCode::Parse,
                         HaproxyTr::tr("The CSV header has no \"%1\" column.")
                             .arg(QString::fromLatin1(required)),
                         lineWhere(kCommand, 1));
        }
    }

    QList<StatRow> rows;
    rows.reserve(lines->size() - 1);
    for (qsizetype lineNo = 2; lineNo <= lines->size(); ++lineNo) {
        const QByteArray &line = lines->at(lineNo - 1);
        const QString where = lineWhere(kCommand, lineNo);
        auto fields = splitCsv(line, lineNo);
        if (!fields)
            return fields.error();
        if (fields->size() != header->size()) {
            return Error(ErrorCode::Parse,
                         HaproxyTr::tr("The row has %1 fields but the header has %2: the reply is "
                                       "cut off or garbled.")
                             .arg(fields->size())
                             .arg(header->size()),
                         where, {}, excerpt(line));
        }
        const auto get = [&](const char *name) { return columns.get(*fields, name); };
        StatRow row;
        row.proxy = QString::fromUtf8(get("pxname"));
        row.name = QString::fromUtf8(get("svname"));
        if (row.proxy.isEmpty() || row.name.isEmpty()) {
            return Error(ErrorCode::Parse, HaproxyTr::tr("The row has no proxy or service name."),
                         where, {}, excerpt(line));
        }
        auto type = parseType(get("type"), where);
        if (!type)
            return type.error();
        row.type = *type;
        auto status = parseServerStatus(get("status"));
        if (!status)
            return Error(status.error()).at(where);
        row.status = *status;

        const struct
        {
            const char *column;
            qint64 *target;
        } numbers[] = {
            {"weight", &row.weight},
            {"uweight", &row.userWeight},
            {"act", &row.active},
            {"bck", &row.backup},
            {"qcur", &row.qcur},
            {"scur", &row.scur},
            {"smax", &row.smax},
            {"slim", &row.slim},
            {"stot", &row.stot},
            {"rate", &row.rate},
            {"req_rate", &row.reqRate},
            {"hrsp_5xx", &row.hrsp5xx},
            {"chkfail", &row.chkfail},
            {"lastchg", &row.lastChange},
            {"downtime", &row.downtime},
            {"lastsess", &row.lastSession},
            {"check_code", &row.checkCode},
        };
        for (const auto &number : numbers) {
            auto value =
                parseInteger(get(number.column), QString::fromLatin1(number.column), where);
            if (!value)
                return value.error();
            *number.target = *value;
        }
        row.isBackup = row.type == StatType::Server && row.backup == 1;
        QByteArray check = get("check_status");
        if (check.startsWith("* ")) {
            row.checkRunning = true;
            check = check.mid(2);
        }
        row.checkStatus = QString::fromUtf8(check);
        row.checkDescription = QString::fromUtf8(get("check_desc"));
        row.lastCheck = QString::fromUtf8(get("last_chk"));
        row.agentStatus = QString::fromUtf8(get("agent_status"));
        row.tracked = QString::fromUtf8(get("tracked"));
        row.address = QString::fromUtf8(get("addr"));
        rows.append(std::move(row));
    }
    return rows;
}

const StatRow *findStatRow(const QList<StatRow> &rows, const QString &proxy, const QString &name)
{
    for (const StatRow &row : rows) {
        if (row.proxy == proxy && row.name == name)
            return &row;
    }
    return nullptr;
}

} // namespace vipdeck
