#include "core/audit/auditcommands.h"

#include "core/audit/auditexport.h"
#include "core/audit/auditstore.h"
#include "core/common/controlcharacters.h"
#include "core/common/texttable.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

// This file's messages, in a context lupdate can see.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vipdeck::AuditCommands)
};

int fail(QTextStream &err, const Error &error, int code = AuditExitError)
{
    err << u"vipdeckctl audit: "_s << error.toString() << u'\n';
    if (!error.detail.isEmpty())
        err << u"  "_s << error.detail << u'\n';
    err.flush();
    return code;
}

QString jsonText(const QJsonValue &value)
{
    const QJsonDocument doc =
        value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    return QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
}

QString shortTime(const QDateTime &t)
{
    return t.toUTC().toString(u"yyyy-MM-dd HH:mm:ss'Z'"_s);
}

// Text for a terminal: control characters that older records may hold
// (newer ones are refused at input) shown as \x1b, \r, \n.
QString shown(const QString &text)
{
    return escapeControlCharacters(text);
}

// One row of `audit list`: ID, time, kind, operator, action, targets, status,
// reason (last: it is the one of any length).
QStringList listRow(const AuditRecord &r)
{
    QString targets = r.targets.isEmpty() ? u"-"_s : shown(r.targets.first().label());
    if (r.targets.size() > 1)
        targets += u" (+%1)"_s.arg(r.targets.size() - 1);
    QString status;
    QString reason;
    if (r.kind == AuditKind::Intent) {
        status = r.completedBy ? Tr::tr("completed by %1").arg(*r.completedBy)
                               : Tr::tr("INCOMPLETE: no completion recorded");
        if (!r.reason.isEmpty())
            reason = u"\""_s + shown(r.reason) + u"\""_s;
    } else {
        status = Tr::tr("completes %1: %2").arg(r.intentId.value_or(0)).arg(auditRecordStatus(r));
    }
    return {QString::number(r.id),
            shortTime(r.time),
            auditKindName(r.kind),
            shown(r.operatorName + u'@' + r.workstation),
            shown(r.action),
            targets,
            status,
            reason};
}

// Aligns a block of rows under `header` (when given), record IDs to the right.
QString listTable(QList<QStringList> rows, const QStringList &header)
{
    qsizetype idWidth = 0;
    for (const QStringList &row : std::as_const(rows))
        idWidth = std::max(idWidth, row.first().size());
    for (QStringList &row : rows)
        row.first() = row.first().rightJustified(idWidth);
    if (!header.isEmpty())
        rows.prepend(header);
    return formatTable(rows);
}

QString detailText(const AuditRecord &r)
{
    QString out;
    const auto line = [&out](const QString &key, const QString &value) {
        out += QString(key + u':').leftJustified(14) + shown(value) + u'\n';
    };
    line(Tr::tr("Record"), QString::number(r.id));
    line(Tr::tr("Kind"), auditKindName(r.kind));
    if (r.kind == AuditKind::Intent)
        line(Tr::tr("Status"), r.completedBy
                                   ? Tr::tr("complete (completion %1)").arg(*r.completedBy)
                                   : Tr::tr("INCOMPLETE: the action never reported back"));
    else
        line(Tr::tr("Completes"), Tr::tr("intent %1").arg(r.intentId.value_or(0)));
    line(Tr::tr("Time"), AuditRecord::formatTime(r.time));
    line(Tr::tr("Operator"), r.operatorName);
    line(Tr::tr("Workstation"), r.workstation);
    line(Tr::tr("SSH user"), r.sshUser);
    line(Tr::tr("Action"), r.action);
    line(Tr::tr("Reason"), r.reason);
    out += Tr::tr("Targets:") + u'\n';
    for (const AuditTarget &t : r.targets)
        out += u"  "_s + shown(t.label()) + u'\n';
    if (!r.stateBefore.isEmpty())
        line(Tr::tr("Before"), r.stateBefore);
    if (!r.stateAfter.isEmpty())
        line(Tr::tr("After"), r.stateAfter);
    if (r.kind == AuditKind::Completion) {
        out += Tr::tr("Results:") + u'\n';
        for (const AuditTargetResult &res : r.results)
            out += u"  %1  %2  %3\n"_s.arg(auditOutcomeName(res.outcome).leftJustified(7),
                                           shown(res.target.label()), shown(res.message));
    }
    line(Tr::tr("Hash"), QString::fromLatin1(r.hash));
    line(Tr::tr("Previous"), QString::fromLatin1(r.prevHash));
    return out;
}

// Pages through every record matching `request`, calling `each` per record.
Result<qint64> forEachRecord(AuditStore &store, AuditPageRequest request, qint64 max,
                             const std::function<void(const AuditRecord &)> &each)
{
    qint64 seen = 0;
    for (;;) {
        request.limit = int(std::min<qint64>(1000, max - seen));
        if (request.limit <= 0)
            return seen;
        auto page = store.page(request);
        if (!page)
            return page.error();
        for (const AuditRecord &r : std::as_const(page->records))
            each(r);
        seen += page->records.size();
        if (!page->hasMore)
            return seen;
        request.cursor = page->nextCursor;
    }
}

} // namespace

int auditList(AuditStore &store, const AuditListOptions &options, QTextStream &out,
              QTextStream &err)
{
    if (options.format == AuditOutputFormat::Csv)
        return auditExport(store, options.filter, options.format, out, err);
    AuditPageRequest request;
    request.filter = options.filter;
    request.newestFirst = options.newestFirst;
    const qint64 max = options.all ? std::numeric_limits<qint64>::max() : options.limit;
    QJsonArray array;
    // Text is aligned in blocks of a page, so --all streams with bounded memory.
    const QStringList header{Tr::tr("ID"),       Tr::tr("TIME (UTC)"), Tr::tr("KIND"),
                             Tr::tr("OPERATOR"), Tr::tr("ACTION"),     Tr::tr("TARGETS"),
                             Tr::tr("STATUS"),   Tr::tr("REASON")};
    QList<QStringList> rows;
    bool headerShown = false;
    const auto flushRows = [&] {
        if (rows.isEmpty())
            return;
        out << listTable(rows, headerShown ? QStringList() : header);
        headerShown = true;
        rows.clear();
    };
    auto seen = forEachRecord(store, request, max, [&](const AuditRecord &r) {
        if (options.format == AuditOutputFormat::Json)
            array.append(auditRecordToJson(r));
        else
            rows << listRow(r);
        if (rows.size() >= 1000)
            flushRows();
    });
    flushRows();
    if (!seen)
        return fail(err, seen.error());
    if (options.format == AuditOutputFormat::Json)
        out << jsonText(array);
    else if (*seen == 0)
        out << Tr::tr("no audit records match") << u'\n';
    out.flush();
    return AuditExitOk;
}

int auditShow(AuditStore &store, qint64 id, AuditOutputFormat format, QTextStream &out,
              QTextStream &err)
{
    auto record = store.record(id);
    if (!record)
        return fail(err, record.error());
    if (format == AuditOutputFormat::Json)
        out << jsonText(auditRecordToJson(*record));
    else if (format == AuditOutputFormat::Csv)
        out << auditCsvRow(auditCsvColumns()) << auditCsvRow(auditRecordCsvFields(*record));
    else
        out << detailText(*record);
    out.flush();
    return AuditExitOk;
}

int auditExport(AuditStore &store, const AuditFilter &filter, AuditOutputFormat format,
                QTextStream &out, QTextStream &err)
{
    if (format == AuditOutputFormat::Text)
        return fail(err, Error(ErrorCode::InvalidArgument, Tr::tr("export needs --csv or --json")),
                    AuditExitUsage);
    AuditPageRequest request;
    request.filter = filter;
    bool first = true;
    if (format == AuditOutputFormat::Csv)
        out << auditCsvRow(auditCsvColumns());
    else
        out << u"["_s;
    // Streamed: a long log never sits in memory as a whole.
    auto seen = forEachRecord(
        store, request, std::numeric_limits<qint64>::max(), [&](const AuditRecord &r) {
            if (format == AuditOutputFormat::Csv) {
                out << auditCsvRow(auditRecordCsvFields(r));
                return;
            }
            out << (first ? u"\n"_s : u",\n"_s)
                << QString::fromUtf8(
                       QJsonDocument(auditRecordToJson(r)).toJson(QJsonDocument::Compact));
            first = false;
        });
    if (!seen)
        return fail(err, seen.error());
    if (format == AuditOutputFormat::Json)
        out << u"\n]\n"_s;
    out.flush();
    return AuditExitOk;
}

int auditVerify(AuditStore &store, AuditOutputFormat format, QTextStream &out, QTextStream &err,
                const std::optional<AuditAnchor> &anchor)
{
    auto report = store.verify(anchor);
    if (!report)
        return fail(err, report.error());
    if (format == AuditOutputFormat::Json) {
        QJsonObject o{{u"ok"_s, report->ok()},
                      {u"checked"_s, double(report->checked)},
                      {u"last_id"_s, double(report->lastId)},
                      {u"location"_s, store.location()},
                      {u"protected"_s, report->protectedOk()}};
        if (report->anchor)
            o.insert(u"anchor"_s, report->anchor->text());
        if (report->problem) {
            o.insert(u"problem"_s, report->problem->kindName());
            o.insert(u"first_id"_s, double(report->problem->firstId));
            o.insert(u"last_problem_id"_s, double(report->problem->lastId));
            o.insert(u"message"_s, report->problem->describe());
        }
        if (!report->protectedOk()) {
            o.insert(u"missing_protection"_s,
                     QJsonArray::fromStringList(report->missingProtection));
            o.insert(u"restore_protection"_s, report->restoreProtection);
        }
        out << jsonText(o);
    } else {
        if (report->ok()) {
            out << (report->anchor
                        ? Tr::tr("audit log intact: %1 records, hash chain verified, anchor %2 "
                                 "matches (%3)")
                              .arg(report->checked)
                              .arg(report->anchor->text(), store.location())
                        : Tr::tr("audit log intact: %1 records, hash chain verified (%2)")
                              .arg(report->checked)
                              .arg(store.location()))
                << u'\n';
        } else {
            out << Tr::tr("audit log TAMPERED: %1; the %2 records before it are intact (%3)")
                       .arg(report->problem->describe())
                       .arg(report->checked)
                       .arg(store.location())
                << u'\n';
        }
        if (!report->protectedOk()) {
            // On stdout with the verdict: it belongs to the result, not to an error.
            out << Tr::tr("WARNING: the audit log is not protected against edits: the append-only "
                          "trigger(s) %1 are missing, so records can be changed or deleted "
                          "without an error")
                       .arg(report->missingProtection.join(u", "_s))
                << u'\n' << Tr::tr("To restore the protection, %1").arg(report->restoreProtection)
                << u'\n';
        }
    }
    out.flush();
    if (!report->ok())
        return AuditExitTampered;
    return report->protectedOk() ? AuditExitOk : AuditExitUnprotected;
}

int auditAnchor(AuditStore &store, AuditOutputFormat format, QTextStream &out, QTextStream &err)
{
    const Result<AuditAnchor> anchor = store.anchor();
    if (!anchor)
        return fail(err, anchor.error());
    if (format == AuditOutputFormat::Json)
        out << jsonText(QJsonObject{{u"id"_s, double(anchor->id)},
                                    {u"hash"_s, QString::fromLatin1(anchor->hash)},
                                    {u"anchor"_s, anchor->text()},
                                    {u"location"_s, store.location()}});
    else
        out << anchor->text() << u'\n';
    out.flush();
    return AuditExitOk;
}

Result<QDateTime> parseAuditTime(const QString &text, const Clock &clock)
{
    static const QRegularExpression relative(u"^(\\d+)([mhd])$"_s);
    if (const auto m = relative.match(text.trimmed()); m.hasMatch()) {
        const qint64 n = m.captured(1).toLongLong();
        const qint64 unit = m.captured(2) == "m"_L1 ? 60 : m.captured(2) == "h"_L1 ? 3600 : 86400;
        return clock.now().toUTC().addSecs(-n * unit);
    }
    QDateTime t = QDateTime::fromString(text.trimmed(), Qt::ISODateWithMs);
    if (!t.isValid()) {
        const QDate d = QDate::fromString(text.trimmed(), Qt::ISODate);
        if (d.isValid())
            t = QDateTime(d, QTime(0, 0), Qt::UTC);
    }
    if (!t.isValid())
        return Error(ErrorCode::InvalidArgument, Tr::tr("cannot read the time \"%1\"").arg(text),
                     {}, Tr::tr("use 2026-03-01, 2026-03-01T14:00:00Z, or 90m / 24h / 7d ago"));
    if (t.timeSpec() == Qt::LocalTime)
        t = QDateTime(t.date(), t.time(), Qt::UTC); // no zone given: UTC, as displayed
    return t.toUTC();
}

QString auditCommandHelp()
{
    return Tr::tr("usage: vipdeckctl audit list [FILTERS] [--limit N | --all] [--oldest-first] "
                  "[--json | --csv]\n"
                  "       vipdeckctl audit show ID [--json]\n"
                  "       vipdeckctl audit export --csv | --json [FILTERS]\n"
                  "       vipdeckctl audit verify [--anchor ID:HASH] [--json]\n"
                  "       vipdeckctl audit anchor [--json]\n"
                  "FILTERS: --since T --until T --operator USER --vip VIP --host HOST "
                  "--server SERVER --action ACTION --incomplete --search TEXT\n"
                  "T: 2026-03-01, 2026-03-01T14:00:00Z (UTC when no zone), or 90m, 24h, 7d ago\n"
                  "These commands only read: a store that does not exist is an error (exit 1).\n"
                  "exit codes: 0 ok, 1 error (no audit log, unreadable), 2 bad arguments,\n"
                  "  3 verify found tampering (or truncation after --anchor),\n"
                  "  4 verify: chain intact but the append-only triggers are missing\n");
}

int runAuditCommand(const QStringList &arguments, const AuditStoreConfig &config, QTextStream &out,
                    QTextStream &err, const Clock &clock)
{
    const auto usage = [&err](const QString &why) {
        err << u"vipdeckctl audit: "_s << why << u'\n' << auditCommandHelp();
        err.flush();
        return int(AuditExitUsage);
    };
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption since(u"since"_s, Tr::tr("records at or after T"), u"T"_s);
    const QCommandLineOption until(u"until"_s, Tr::tr("records before T"), u"T"_s);
    const QCommandLineOption operatorOpt(u"operator"_s, Tr::tr("by this OS user"), u"USER"_s);
    const QCommandLineOption vip(u"vip"_s, Tr::tr("touching this VIP"), u"VIP"_s);
    const QCommandLineOption host(u"host"_s, Tr::tr("touching this LB host"), u"HOST"_s);
    const QCommandLineOption server(u"server"_s, Tr::tr("touching this server"), u"SERVER"_s);
    const QCommandLineOption action(u"action"_s, Tr::tr("this action"), u"ACTION"_s);
    const QCommandLineOption incomplete(u"incomplete"_s, Tr::tr("only intents never completed"));
    const QCommandLineOption search(u"search"_s, Tr::tr("every word of TEXT appears in the record"),
                                    u"TEXT"_s);
    const QCommandLineOption limit(u"limit"_s, Tr::tr("at most N records"), u"N"_s);
    const QCommandLineOption all(u"all"_s, Tr::tr("every matching record"));
    const QCommandLineOption oldestFirst(u"oldest-first"_s, Tr::tr("oldest records first"));
    const QCommandLineOption json(u"json"_s, Tr::tr("JSON output"));
    const QCommandLineOption csv(u"csv"_s, Tr::tr("CSV output"));
    const QCommandLineOption anchorOpt(
        u"anchor"_s, Tr::tr("verify: the log still holds record ID with hash HASH"), u"ID:HASH"_s);
    const QCommandLineOption help({u"h"_s, u"help"_s}, Tr::tr("this help"));
    const QList<QCommandLineOption> options{
        since,  until, operatorOpt, vip,         host, server, action,    incomplete,
        search, limit, all,         oldestFirst, json, csv,    anchorOpt, help};
    parser.addOptions(options);
    parser.addPositionalArgument(u"command"_s, Tr::tr("list, show, export, verify or anchor"));
    if (!parser.parse(QStringList{u"vipdeckctl-audit"_s} + arguments))
        return usage(parser.errorText());
    if (parser.isSet(help)) {
        // Asked for: the usage and every option, on standard output, exit 0.
        QList<QStringList> rows;
        for (const QCommandLineOption &option : options) {
            QStringList names;
            for (const QString &name : option.names())
                names << (name.size() == 1 ? u"-"_s : u"--"_s) + name;
            QString left = names.join(u", "_s);
            if (!option.valueName().isEmpty())
                left += u' ' + option.valueName();
            rows << QStringList{QString(), left, option.description()};
        }
        out << auditCommandHelp() << u'\n' << Tr::tr("Options:") << u'\n' << formatTable(rows);
        out.flush();
        return AuditExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return usage(Tr::tr("which audit command?"));
    const QString command = positional.first();

    if (parser.isSet(json) && parser.isSet(csv))
        return usage(Tr::tr("--json and --csv exclude each other"));
    const AuditOutputFormat format = parser.isSet(json)  ? AuditOutputFormat::Json
                                     : parser.isSet(csv) ? AuditOutputFormat::Csv
                                                         : AuditOutputFormat::Text;
    AuditFilter filter;
    for (const auto &[option, target] :
         {std::pair{&since, &filter.since}, {&until, &filter.until}}) {
        if (!parser.isSet(*option))
            continue;
        auto t = parseAuditTime(parser.value(*option), clock);
        if (!t)
            return usage(t.error().toString());
        *target = *t;
    }
    filter.operatorName = parser.value(operatorOpt);
    filter.vip = parser.value(vip);
    filter.host = parser.value(host);
    filter.server = parser.value(server);
    filter.action = parser.value(action);
    filter.incompleteOnly = parser.isSet(incomplete);
    filter.text = parser.value(search);

    AuditListOptions listOptions;
    listOptions.filter = filter;
    listOptions.format = format;
    listOptions.all = parser.isSet(all);
    listOptions.newestFirst = !parser.isSet(oldestFirst);
    if (parser.isSet(limit)) {
        bool ok = false;
        listOptions.limit = parser.value(limit).toInt(&ok);
        if (!ok || listOptions.limit <= 0)
            return usage(Tr::tr("--limit needs a positive number"));
    }

    std::optional<AuditAnchor> anchor;
    if (parser.isSet(anchorOpt)) {
        if (command != "verify"_L1)
            return usage(Tr::tr("--anchor is an option of verify"));
        auto parsed = AuditAnchor::parse(parser.value(anchorOpt));
        if (!parsed)
            return usage(parsed.error().toString());
        anchor = *parsed;
    }

    qint64 showId = 0;
    if (command == "list"_L1 || command == "verify"_L1 || command == "anchor"_L1) {
        if (command == "anchor"_L1 && format == AuditOutputFormat::Csv)
            return usage(Tr::tr("anchor prints text or --json"));
        if (positional.size() != 1)
            return usage(Tr::tr("unexpected argument \"%1\"").arg(positional.at(1)));
    } else if (command == "show"_L1) {
        bool ok = false;
        showId = positional.value(1).toLongLong(&ok);
        if (positional.size() != 2 || !ok || showId <= 0)
            return usage(Tr::tr("show needs one record id"));
    } else if (command == "export"_L1) {
        if (format == AuditOutputFormat::Text)
            return usage(Tr::tr("export needs --csv or --json"));
        if (positional.size() != 1)
            return usage(Tr::tr("unexpected argument \"%1\"").arg(positional.at(1)));
    } else {
        return usage(Tr::tr("unknown audit command \"%1\"").arg(command));
    }

    // Every audit command only reads: it must never create a store.
    auto store = AuditStore::openExisting(config, clock);
    if (!store)
        return fail(err, store.error());
    if (command == "list"_L1)
        return auditList(**store, listOptions, out, err);
    if (command == "show"_L1)
        return auditShow(**store, showId, format, out, err);
    if (command == "export"_L1)
        return auditExport(**store, filter, format, out, err);
    if (command == "anchor"_L1)
        return auditAnchor(**store, format, out, err);
    return auditVerify(**store, format, out, err, anchor);
}

} // namespace vipdeck
