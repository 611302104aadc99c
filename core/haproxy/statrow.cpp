#include "core/haproxy/statrow.h"

#include "core/haproxy/haproxytr.h"
#include "core/haproxy/replytext.h"

#include <array>

using namespace Qt::StringLiterals;
using namespace vipdeck::haproxy_detail;

namespace vipdeck {

namespace {

const QString kCommand = u"show stat"_s;

// Splits one CSV line into `fields` (cleared first; the caller keeps one list
// for every row, so a reply allocates it once).  HAProxy quotes a field
// (csv_enc) when it holds a comma, a quote or a line break; a doubled quote
// inside stands for one.  Every row ends with a comma, which gives one empty
// trailing field: dropped.  An unquoted field refers to `line`'s bytes (no
// copy: a reply has about 90 fields per row and a poll hundreds of rows), so
// `line` must outlive the fields.
Result<void> splitCsv(const QByteArray &line, qsizetype lineNo, QList<QByteArray> &fields)
{
    fields.clear();
    qsizetype i = 0;
    const qsizetype n = line.size();
    while (i <= n) {
        if (i < n && line.at(i) == '"') {
            QByteArray field;
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
            fields.append(std::move(field));
        } else {
            const qsizetype comma = line.indexOf(',', i);
            const qsizetype end = comma < 0 ? n : comma;
            fields.append(QByteArray::fromRawData(line.constData() + i, end - i));
            i = end;
        }
        ++i; // past the comma (or past the end)
    }
    if (line.endsWith(',') && !fields.isEmpty() && fields.constLast().isEmpty())
        fields.removeLast();
    return {};
}

Result<StatType> parseType(const QByteArray &field, qsizetype lineNo)
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
                 lineWhere(kCommand, lineNo));
}

// The columns vipdeck reads, resolved to their positions once per reply
// (HAProxy versions differ in which columns exist and where).
enum Column {
    PxName,
    SvName,
    Type,
    Status,
    Weight,
    UWeight,
    Act,
    Bck,
    QCur,
    SCur,
    SMax,
    SLim,
    STot,
    Rate,
    ReqRate,
    Hrsp5xx,
    ChkFail,
    LastChg,
    Downtime,
    LastSess,
    CheckCode,
    CheckStatus,
    CheckDesc,
    LastChk,
    AgentStatus,
    Tracked,
    Addr,
    ColumnCount
};

constexpr const char *kColumnNames[ColumnCount] = {
    "pxname",       "svname",     "type",     "status",       "weight",   "uweight",  "act",
    "bck",          "qcur",       "scur",     "smax",         "slim",     "stot",     "rate",
    "req_rate",     "hrsp_5xx",   "chkfail",  "lastchg",      "downtime", "lastsess", "check_code",
    "check_status", "check_desc", "last_chk", "agent_status", "tracked",  "addr"};

class Columns
{
public:
    explicit Columns(const QList<QByteArray> &header)
        : m_index(columnPositions(header, kColumnNames))
    {}
    bool has(Column column) const { return m_index[column] >= 0; }
    QByteArray get(const QList<QByteArray> &row, Column column) const
    {
        const qsizetype i = m_index[column];
        return i >= 0 && i < row.size() ? row.at(i) : QByteArray();
    }

private:
    std::array<qsizetype, ColumnCount> m_index;
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
    const QByteArray headerLine = lines->constFirst().mid(2); // the fields refer to it
    QList<QByteArray> header;
    if (auto split = splitCsv(headerLine, 1, header); !split)
        return split.error();
    const Columns columns(header);
    for (const Column required : {PxName, SvName, Status, Type}) {
        if (!columns.has(required)) {
            return Error(ErrorCode::Parse,
                         HaproxyTr::tr("The CSV header has no \"%1\" column.")
                             .arg(QString::fromLatin1(kColumnNames[required])),
                         lineWhere(kCommand, 1));
        }
    }

    QList<StatRow> rows;
    rows.reserve(lines->size() - 1);
    QList<QByteArray> fields;
    fields.reserve(header.size() + 1);
    // Rows of one proxy follow each other and most texts repeat from row to
    // row ("L4OK", "Layer4 check passed"): the last text made from equal bytes
    // is shared instead of decoded and allocated again.
    RepeatedText proxyText, checkText, descriptionText, lastCheckText;
    for (qsizetype lineNo = 2; lineNo <= lines->size(); ++lineNo) {
        const QByteArray &line = lines->at(lineNo - 1);
        const auto where = [lineNo] { return lineWhere(kCommand, lineNo); };
        if (auto split = splitCsv(line, lineNo, fields); !split)
            return split.error();
        if (fields.size() != header.size()) {
            return Error(ErrorCode::Parse,
                         HaproxyTr::tr("The row has %1 fields but the header has %2: the reply is "
                                       "cut off or garbled.")
                             .arg(fields.size())
                             .arg(header.size()),
                         where(), {}, excerpt(line));
        }
        const auto get = [&](Column column) { return columns.get(fields, column); };
        StatRow row;
        row.proxy = proxyText(get(PxName));
        row.name = QString::fromUtf8(get(SvName));
        if (row.proxy.isEmpty() || row.name.isEmpty()) {
            return Error(ErrorCode::Parse, HaproxyTr::tr("The row has no proxy or service name."),
                         where(), {}, excerpt(line));
        }
        auto type = parseType(get(Type), lineNo);
        if (!type)
            return type.error();
        row.type = *type;
        auto status = parseServerStatus(get(Status));
        if (!status)
            return Error(status.error()).at(where());
        row.status = *status;

        const struct
        {
            Column column;
            qint64 *target;
        } numbers[] = {
            {Weight, &row.weight},       {UWeight, &row.userWeight},
            {Act, &row.active},          {Bck, &row.backup},
            {QCur, &row.qcur},           {SCur, &row.scur},
            {SMax, &row.smax},           {SLim, &row.slim},
            {STot, &row.stot},           {Rate, &row.rate},
            {ReqRate, &row.reqRate},     {Hrsp5xx, &row.hrsp5xx},
            {ChkFail, &row.chkfail},     {LastChg, &row.lastChange},
            {Downtime, &row.downtime},   {LastSess, &row.lastSession},
            {CheckCode, &row.checkCode},
        };
        for (const auto &number : numbers) {
            const QByteArray field = get(number.column);
            if (!toInteger(field, -1, number.target)) {
                return parseInteger(field, QString::fromLatin1(kColumnNames[number.column]),
                                    where())
                    .error();
            }
        }
        row.isBackup = row.type == StatType::Server && row.backup == 1;
        QByteArray check = get(CheckStatus);
        if (check.startsWith("* ")) {
            row.checkRunning = true;
            check = check.mid(2);
        }
        row.checkStatus = checkText(check);
        row.checkDescription = descriptionText(get(CheckDesc));
        row.lastCheck = lastCheckText(get(LastChk));
        row.agentStatus = QString::fromUtf8(get(AgentStatus));
        row.tracked = QString::fromUtf8(get(Tracked));
        row.address = QString::fromUtf8(get(Addr));
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
