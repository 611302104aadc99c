#include "app/cli/operationcommands.h"

#include "app/cli/auditcommand.h"
#include "app/cli/confirm.h"
#include "app/cli/fleetjson.h"
#include "app/cli/fleetsession.h"
#include "app/cli/fleettext.h"
#include "app/cli/waitfor.h"
#include "core/audit/auditreason.h"
#include "core/audit/auditstore.h"
#include "core/fleet/reloadoperationrunner.h"
#include "core/fleet/serveroperationrunner.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace vipdeck::cli {

namespace {

// This file's messages, in a context lupdate can see.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vipdeck::cli)
};

void printJson(Console &console, const QJsonObject &object)
{
    console.out() << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
    console.out().flush();
}

QString sshUserOf(const Inventory &inventory, const QString &host)
{
    const Host *h = inventory.host(host);
    if (h && !h->ssh.user.isEmpty())
        return h->ssh.user;
    return qEnvironmentVariable("USER");
}

// Where the change is recorded; an error (and no change) when the store
// cannot be opened.
Result<std::unique_ptr<AuditStore>> openAudit(const GlobalOptions &options)
{
    QStringList arguments;
    if (!options.auditUrl.isEmpty())
        arguments << u"--audit"_s << options.auditUrl;
    const Result<AuditStoreConfig> config = auditStoreConfig(arguments);
    if (!config)
        return config.error();
    return AuditStore::open(*config);
}

int requireReason(const GlobalOptions &options, Console &console, const QString &command)
{
    if (const Result<void> valid = validateAuditReason(options.reason); !valid) {
        console.err() << u"vipdeckctl %1: --reason: "_s.arg(command) << valid.error().toString()
                      << u'\n';
        return ExitUsage;
    }
    if (options.dryRun || !options.reason.isEmpty())
        return ExitOk;
    console.err() << Tr::tr("vipdeckctl %1: a change needs --reason TEXT (recorded in the audit "
                            "log), or --dry-run to only preview it.")
                         .arg(command)
                  << u'\n';
    return ExitUsage;
}

QJsonObject targetJson(const ServerTarget &t)
{
    return QJsonObject{
        {u"vip"_s, t.vip},
        {u"host"_s, t.host},
        {u"backend"_s, t.backend},
        {u"server"_s, t.server},
        {u"data_known"_s, t.dataKnown},
        {u"stale"_s, t.stale},
        {u"data_error"_s, t.dataError},
        // Unread data is unknown (null), never a default "ready".
        {u"admin"_s,
         t.dataKnown ? QJsonValue(adminStateName(t.adminState)) : QJsonValue(QJsonValue::Null)},
        {u"status"_s, t.dataKnown ? QJsonValue(t.status.raw) : QJsonValue(QJsonValue::Null)},
        {u"weight"_s, t.dataKnown ? knownJson(t.weight) : QJsonValue()},
        {u"sessions"_s, t.dataKnown ? knownJson(t.sessions) : QJsonValue()},
        {u"backup"_s, t.backup},
        {u"usable_before"_s, knownJson(t.usableBefore)},
        {u"usable_after"_s, knownJson(t.usableAfter)},
        {u"min_up_servers"_s, knownJson(t.minUpServers)},
        {u"below_threshold"_s, t.belowThreshold},
        {u"no_change"_s, t.noChange}};
}

QJsonObject operationJson(const OperationPreview &preview, const OperationResult *result,
                          bool dryRun)
{
    QJsonArray targets;
    for (qsizetype i = 0; i < preview.targets.size(); ++i) {
        QJsonObject object = targetJson(preview.targets.at(i));
        if (result && i < result->targets.size()) {
            const TargetResult &r = result->targets.at(i);
            object.insert(u"ok"_s, r.ok);
            object.insert(u"skipped"_s, r.skipped);
            object.insert(u"error"_s, optionalError(r.error));
            object.insert(u"state_before"_s, adminStateJson(r.stateBefore));
            object.insert(u"state_after"_s, adminStateJson(r.stateAfter));
            object.insert(u"weight_before"_s, knownJson(r.weightBefore));
            object.insert(u"weight_after"_s, knownJson(r.weightAfter));
            object.insert(u"verified"_s, r.verified);
            object.insert(u"sessions_at_end"_s, knownJson(r.sessionsAtEnd));
            object.insert(u"message"_s, r.message);
            object.insert(u"elapsed_ms"_s, knownJson(r.elapsedMs));
        }
        targets << object;
    }
    const ServerOperationRequest &request = preview.request;
    QJsonObject json{{u"schema"_s, u"vipdeck.operation/2"_s},
                     {u"action"_s, serverActionName(request.action)},
                     {u"server"_s, request.server},
                     {u"weight"_s, knownJson(request.weight)},
                     {u"reason"_s, request.reason},
                     {u"force"_s, request.force},
                     {u"dry_run"_s, dryRun},
                     {u"needs_force"_s, preview.needsForce()},
                     {u"notes"_s, QJsonArray::fromStringList(preview.notes)},
                     {u"targets"_s, targets}};
    if (result) {
        json.insert(u"refused"_s, optionalError(result->refused));
        json.insert(u"ok"_s, result->ok());
        json.insert(u"succeeded"_s, result->succeeded());
        json.insert(u"failed"_s, result->failed());
        json.insert(u"summary"_s, result->summary());
        json.insert(u"audit_intent_id"_s, knownJson(result->auditIntentId));
        json.insert(u"audit_completion_id"_s, knownJson(result->auditCompletionId));
        json.insert(u"audit_completion_error"_s, optionalError(result->auditCompletionError));
        json.insert(u"elapsed_ms"_s, knownJson(result->elapsedMs));
    }
    return json;
}

QString previewText(const OperationPreview &preview)
{
    const ServerOperationRequest &request = preview.request;
    QString action = serverActionName(request.action);
    if (request.action == ServerAction::Weight)
        action += u' ' + QString::number(request.weight);
    if (request.waitForDrain)
        action += Tr::tr(", wait for sessions to end, then maint");
    QString text =
        Tr::tr("%1 %2 on %3 target(s):").arg(action, request.server).arg(preview.targets.size()) +
        u'\n';
    QList<QStringList> rows{{u" "_s, Tr::tr("VIP"), Tr::tr("HOST"), Tr::tr("BACKEND"),
                             Tr::tr("NOW"), Tr::tr("WEIGHT"), Tr::tr("SESSIONS"), Tr::tr("USABLE"),
                             Tr::tr("NOTE")}};
    for (const ServerTarget &t : preview.targets) {
        QString note;
        if (t.belowThreshold)
            note = Tr::tr("below threshold %1: needs --force").arg(t.minUpServers);
        else if (!t.dataKnown)
            note = Tr::tr("no data: %1").arg(t.dataError);
        else if (t.stale)
            note = Tr::tr("stale data: %1").arg(t.dataError);
        else if (t.noChange)
            note = Tr::tr("already so");
        rows << QStringList{
            t.belowThreshold ? u"!"_s : u" "_s,
            t.vip,
            t.host,
            t.backend,
            t.dataKnown ? adminStateName(t.adminState) + u'/' + t.status.raw : u"?"_s,
            t.dataKnown ? QString::number(t.weight) : u"?"_s,
            t.dataKnown ? QString::number(t.sessions) : u"?"_s,
            t.usableBefore >= 0 ? u"%1 -> %2"_s.arg(t.usableBefore).arg(t.usableAfter) : u"?"_s,
            note};
    }
    text += formatTable(rows);
    for (const QString &note : preview.notes)
        text += u"note: "_s + note + u'\n';
    return text;
}

int serverOperation(const GlobalOptions &options, Console &console, ServerAction action,
                    const QString &command)
{
    const qsizetype wanted = action == ServerAction::Weight ? 2 : 1;
    if (options.positional.size() != wanted) {
        console.err() << (action == ServerAction::Weight
                              ? Tr::tr("Usage: vipdeckctl weight SERVER N --reason TEXT")
                              : Tr::tr("Usage: vipdeckctl %1 SERVER --reason TEXT").arg(command))
                      << u'\n';
        return ExitUsage;
    }
    if (const int code = requireReason(options, console, command))
        return code;
    ServerOperationRequest request;
    request.action = action;
    request.server = options.positional.first();
    if (action == ServerAction::Weight) {
        bool ok = false;
        request.weight = options.positional.at(1).toInt(&ok);
        if (!ok || request.weight < 0 || request.weight > 256) {
            console.err() << Tr::tr(
                                 "vipdeckctl weight: N must be a whole number from 0 to 256, not "
                                 "'%1'.")
                                 .arg(options.positional.at(1))
                          << u'\n';
            return ExitUsage;
        }
    }
    if (options.waitSessionsSecs) {
        if (action != ServerAction::Maint) {
            console.err() << Tr::tr("vipdeckctl: --wait-sessions is for maint only.") << u'\n';
            return ExitUsage;
        }
        // Drain first, wait for the sessions to end, then maint.
        request.action = ServerAction::Drain;
        request.waitForDrain = true;
        request.drainTimeout = std::chrono::seconds(*options.waitSessionsSecs);
    }
    request.vip = options.vip;
    request.host = options.host;
    request.reason = options.reason;
    request.force = options.force;

    FleetSession session(console, options);
    if (const int code = session.open())
        return code;
    const FleetUpdate update = session.pollOnce();
    const Result<OperationPreview> preview = previewServerOperation(update.snapshot, request);
    if (!preview) {
        console.err() << u"vipdeckctl "_s << command << u": "_s << preview.error().toString()
                      << u'\n';
        return ExitUsage;
    }
    if (!options.json || options.dryRun) {
        if (options.json)
            printJson(console, operationJson(*preview, nullptr, true));
        else
            console.out() << previewText(*preview);
    }
    if (options.dryRun) {
        if (!options.json)
            console.out() << Tr::tr("Dry run: nothing was changed.") << u'\n';
        return ExitOk;
    }
    if (preview->needsForce() && !request.force) {
        console.err() << Tr::tr("vipdeckctl %1: refused: %2 target(s) would leave a backend below "
                                "its UP-server threshold (marked '!'). Pass --force if that is "
                                "really wanted.")
                             .arg(command)
                             .arg(preview->flagged().size())
                      << u'\n';
        return ExitFailed;
    }
    const Confirmation answer =
        confirm(options, console, Tr::tr("Apply to %1 target(s)?").arg(preview->targets.size()));
    if (answer != Confirmation::Yes)
        return exitCodeFor(answer);

    Result<std::unique_ptr<AuditStore>> audit = openAudit(options);
    if (!audit) {
        console.err() << Tr::tr("vipdeckctl %1: not started: the audit log cannot be opened: %2")
                             .arg(command, audit.error().toString())
                      << u'\n';
        return ExitFailed;
    }
    ServerOperationRunner runner(&session.poller(), audit->get());
    const bool progress = console.isErrTerminal();
    QObject context;
    QObject::connect(&runner, &ServerOperationRunner::targetFinished, &context,
                     [&console, progress](int, const TargetResult &r) {
                         if (progress)
                             console.err() << (r.ok ? u"  ok      "_s : u"  FAILED  "_s)
                                           << r.target.label() << u'\n';
                     });
    QObject::connect(&runner, &ServerOperationRunner::targetProgress, &context,
                     [&console, progress](int index, const QString &message) {
                         if (progress)
                             console.err() << u"  #"_s << index + 1 << u": "_s << message << u'\n';
                     });
    const OperationResult result = waitFor(
        runner.run(*preview, sshUserOf(session.inventory(), preview->targets.value(0).host)));
    if (options.json) {
        printJson(console, operationJson(*preview, &result, false));
    } else {
        if (result.refused)
            console.err()
                << Tr::tr("vipdeckctl %1: refused: %2").arg(command, result.refused->toString())
                << u'\n';
        for (const TargetResult &r : result.targets) {
            if (r.skipped)
                continue;
            console.out() << (r.ok ? Tr::tr("ok      ") : Tr::tr("FAILED  ")) << r.target.label()
                          << u": "_s << (r.error ? r.error->toString() : r.message) << u'\n';
        }
        console.out() << result.summary() << u'\n';
        if (result.auditIntentId >= 0)
            console.out() << Tr::tr("audit record #%1").arg(result.auditIntentId) << u'\n';
    }
    return result.ok() ? ExitOk : ExitFailed;
}

QJsonObject preflightJson(const ReloadPreflight &preflight)
{
    QJsonArray hosts;
    for (const HostPreflight &h : preflight.hosts) {
        QJsonArray checks;
        for (const PreflightCheckResult &c : h.checks)
            checks << QJsonObject{{u"check"_s, preflightCheckName(c.check)},
                                  {u"status"_s, preflightStatusName(c.status)},
                                  {u"message"_s, c.message},
                                  {u"error"_s, optionalError(c.error)}};
        const PreflightCheckResult *failure = h.failure();
        hosts << QJsonObject{
            {u"host"_s, h.host},
            {u"ok"_s, h.ok()},
            {u"failed_check"_s,
             failure ? QJsonValue(preflightCheckName(failure->check)) : QJsonValue()},
            {u"checks"_s, checks},
            {u"config_check_output"_s, h.configCheckOutput},
            {u"state_file"_s, h.stateFile},
            {u"servers"_s, knownJson(h.servers)},
            {u"elapsed_ms"_s, h.elapsedMs}};
    }
    return QJsonObject{{u"ran"_s, preflight.ran},
                       {u"ok"_s, preflight.ok()},
                       {u"failed_hosts"_s, QJsonArray::fromStringList(preflight.failedHosts())},
                       {u"only_unreachable"_s, preflight.onlyUnreachable()},
                       {u"hosts"_s, hosts}};
}

QJsonObject reloadJson(const ReloadResult &result)
{
    const ReloadRequest &request = result.request;
    QJsonArray hosts;
    for (const ReloadHostResult &h : result.hosts) {
        QJsonArray after;
        for (const qint64 pid : h.workerPidsAfter)
            after << pid;
        const QJsonValue failed = h.failedPreflightCheck
                                      ? QJsonValue(preflightCheckName(*h.failedPreflightCheck))
                                  : h.failedStep ? QJsonValue(reloadStepName(*h.failedStep))
                                                 : QJsonValue();
        hosts << QJsonObject{{u"host"_s, h.host},
                             {u"ok"_s, h.ok},
                             {u"skipped"_s, h.skipped},
                             {u"failed_step"_s, failed},
                             {u"failed_preflight"_s, h.failedPreflightCheck.has_value()},
                             {u"error"_s, optionalError(h.error)},
                             {u"config_check_output"_s, h.configCheckOutput},
                             {u"config_warnings"_s, QJsonArray::fromStringList(h.configWarnings)},
                             {u"state_file"_s, h.stateFile},
                             {u"servers_saved"_s, knownJson(h.serversSaved)},
                             {u"worker_pid_before"_s,
                              h.workerPidBefore > 0 ? QJsonValue(h.workerPidBefore) : QJsonValue()},
                             {u"worker_pids_after"_s, after},
                             {u"message"_s, h.message},
                             {u"elapsed_ms"_s, knownJson(h.elapsedMs)}};
    }
    return QJsonObject{
        {u"schema"_s, u"vipdeck.reload/2"_s},
        {u"vip"_s, request.vip},
        {u"rolling"_s, request.rolling},
        {u"reason"_s, request.reason},
        {u"dry_run"_s, request.dryRun},
        {u"force"_s, request.force},
        {u"preflight"_s, preflightJson(result.preflight)},
        {u"hosts"_s, hosts},
        {u"skipped_by_preflight"_s, QJsonArray::fromStringList(result.skippedByPreflight())},
        {u"refused"_s, optionalError(result.refused)},
        {u"ok"_s, result.ok()},
        {u"summary"_s, result.summary()},
        {u"audit_intent_id"_s, knownJson(result.auditIntentId)},
        {u"audit_completion_id"_s, knownJson(result.auditCompletionId)},
        {u"elapsed_ms"_s, knownJson(result.elapsedMs)}};
}

// The pre-flight as a table (host, check, result, what was found), then for
// each failed check where it failed, what to do, and HAProxy's own output.
QString preflightText(const ReloadPreflight &preflight)
{
    QList<QStringList> rows{{Tr::tr("HOST"), Tr::tr("CHECK"), Tr::tr("RESULT"), Tr::tr("FOUND")}};
    for (const HostPreflight &h : preflight.hosts)
        for (const PreflightCheckResult &c : h.checks)
            rows << QStringList{h.host, preflightCheckName(c.check),
                                c.status == PreflightStatus::Passed   ? Tr::tr("ok")
                                : c.status == PreflightStatus::Failed ? Tr::tr("FAILED")
                                                                      : Tr::tr("not run"),
                                c.message};
    QString text = Tr::tr("pre-flight:") + u'\n' + formatTable(rows);
    for (const HostPreflight &h : preflight.hosts) {
        for (const PreflightCheckResult &c : h.checks) {
            if (c.status != PreflightStatus::Failed || !c.error)
                continue;
            text += Tr::tr("%1 failed %2: %3")
                        .arg(h.host, preflightCheckName(c.check), c.error->toString()) +
                    u'\n';
            if (c.check == PreflightCheck::ConfigCheck && !h.configCheckOutput.trimmed().isEmpty())
                for (const QString &line : h.configCheckOutput.trimmed().split(u'\n'))
                    text += u"  | "_s + line + u'\n';
        }
    }
    return text;
}

// 0 done; 3 when the only problem is unreachable hosts (trying again later
// may be enough), 1 for everything else.  A dry run exits with what its
// pre-flight found.
int reloadExitCode(const ReloadResult &result)
{
    const ReloadPreflight &preflight = result.preflight;
    const int preflightCode = preflight.onlyUnreachable() ? ExitUnreachable : ExitFailed;
    if (result.request.dryRun)
        return result.refused ? ExitFailed : preflight.ok() ? ExitOk : preflightCode;
    if (result.ok())
        return ExitOk;
    if (result.refused)
        return preflight.ran && !preflight.ok() ? preflightCode : ExitFailed;
    for (const ReloadHostResult &h : result.hosts)
        if (!h.ok && !h.failedPreflightCheck)
            return ExitFailed; // a reload failed (or stopped the rest)
    return preflightCode;
}

} // namespace

int drainCommand(const GlobalOptions &options, Console &console)
{
    return serverOperation(options, console, ServerAction::Drain, u"drain"_s);
}

int readyCommand(const GlobalOptions &options, Console &console)
{
    return serverOperation(options, console, ServerAction::Ready, u"ready"_s);
}

int maintCommand(const GlobalOptions &options, Console &console)
{
    return serverOperation(options, console, ServerAction::Maint, u"maint"_s);
}

int weightCommand(const GlobalOptions &options, Console &console)
{
    return serverOperation(options, console, ServerAction::Weight, u"weight"_s);
}

int reloadCommand(const GlobalOptions &options, Console &console)
{
    if (options.positional.size() != 1) {
        console.err() << Tr::tr("Usage: vipdeckctl reload VIP (--host H | --rolling) --reason TEXT "
                                "[--force] [--dry-run]")
                      << u'\n';
        return ExitUsage;
    }
    if (options.host.isEmpty() == !options.rolling) {
        console.err() << Tr::tr("vipdeckctl reload: name one host with --host H, or --rolling for "
                                "every host of the VIP's group, one at a time.")
                      << u'\n';
        return ExitUsage;
    }
    if (const int code = requireReason(options, console, u"reload"_s))
        return code;
    GlobalOptions sessionOptions = options;
    sessionOptions.vip = options.positional.first();
    FleetSession session(console, sessionOptions);
    if (const int code = session.open())
        return code;
    ReloadRequest request;
    request.vip = sessionOptions.vip;
    request.rolling = options.rolling;
    request.reason = options.reason;
    request.dryRun = options.dryRun;
    request.force = options.force;
    if (options.rolling) {
        for (const Placement &placement : session.inventory().vip(request.vip)->placements)
            request.hosts << placement.host;
    } else {
        if (!session.inventory().placement(request.vip, options.host)) {
            console.err() << Tr::tr("vipdeckctl reload: %1 does not run on %2.")
                                 .arg(request.vip, options.host)
                          << u'\n';
            return ExitUsage;
        }
        request.hosts << options.host;
    }
    if (!options.json) {
        console.out() << Tr::tr("reload %1 on %2%3: pre-flight on every host (reachable over SSH, "
                                "haproxy -c, server state), then per host: config check, save "
                                "server state, reload through the master socket, wait until "
                                "healthy and announced")
                             .arg(request.vip, request.hosts.join(u", "_s),
                                  request.rolling ? Tr::tr(" (one at a time, stop at the first "
                                                           "failure)")
                                                  : QString())
                      << u'\n';
        if (request.force)
            console.out() << Tr::tr("--force: hosts that fail the pre-flight are skipped, the "
                                    "others reloaded")
                          << u'\n';
    }
    std::unique_ptr<AuditStore> auditStore;
    if (!options.dryRun) {
        const Confirmation answer = confirm(options, console, Tr::tr("Reload?"));
        if (answer != Confirmation::Yes)
            return exitCodeFor(answer);
        Result<std::unique_ptr<AuditStore>> audit = openAudit(options);
        if (!audit) {
            console.err() << Tr::tr("vipdeckctl reload: not started: the audit log cannot be "
                                    "opened: %1")
                                 .arg(audit.error().toString())
                          << u'\n';
            return ExitFailed;
        }
        auditStore = std::move(audit.value());
        // The runner polls through the session's poller for the wait-healthy step.
        (void)session.pollOnce();
    }
    ReloadRunner runner(&session.poller(), auditStore.get());
    QObject context;
    if (console.isErrTerminal())
        QObject::connect(&runner, &ReloadRunner::preflightCheckFinished, &context,
                         [&console](const QString &host, const PreflightCheckResult &check) {
                             console.err()
                                 << u"  "_s << host << u" pre-flight "_s
                                 << preflightCheckName(check.check)
                                 << (check.status == PreflightStatus::Passed ? u": ok"_s
                                                                             : u": FAILED"_s)
                                 << u'\n';
                             console.err().flush();
                         });
    QObject::connect(
        &runner, &ReloadRunner::stepFinished, &context,
        [&console](const QString &host, ReloadStep step, bool ok, const QString &message) {
            console.err() << u"  "_s << host << u' ' << reloadStepName(step)
                          << (ok ? u": ok"_s : u": FAILED"_s)
                          << (message.isEmpty() ? QString() : u" ("_s + message + u')') << u'\n';
            console.err().flush();
        });
    const ReloadResult result =
        waitFor(runner.run(request, sshUserOf(session.inventory(), request.hosts.value(0))));
    if (options.json) {
        printJson(console, reloadJson(result));
        return reloadExitCode(result);
    }
    if (result.preflight.ran)
        console.out() << preflightText(result.preflight);
    if (result.refused)
        console.err() << Tr::tr("vipdeckctl reload: refused: %1").arg(result.refused->toString())
                      << u'\n';
    if (request.dryRun) {
        const ReloadPreflight &p = result.preflight;
        const QString failed = p.failedHosts().join(u", "_s);
        if (result.refused)
            return reloadExitCode(result); // said on stderr above
        if (p.ok())
            console.out() << Tr::tr("Dry run: pre-flight passed; nothing was changed.") << u'\n';
        else if (request.force && !p.passedHosts().isEmpty())
            console.out() << Tr::tr("Dry run: pre-flight failed on %1; with --force %2 would be "
                                    "reloaded and %1 skipped; nothing was changed.")
                                 .arg(failed, p.passedHosts().join(u", "_s))
                          << u'\n';
        else
            console.out() << Tr::tr("Dry run: pre-flight failed on %1; the reload would be "
                                    "refused; nothing was changed.")
                                 .arg(failed)
                          << u'\n';
        return reloadExitCode(result);
    }
    if (!result.refused) {
        for (const ReloadHostResult &h : result.hosts) {
            console.out() << (h.ok        ? Tr::tr("ok       ")
                              : h.skipped ? Tr::tr("skipped  ")
                                          : Tr::tr("FAILED   "))
                          << h.host << u": "_s
                          << (h.failedPreflightCheck || !h.error ? h.message : h.error->toString())
                          << u'\n';
            if (!h.ok && !h.skipped && h.failedStep == ReloadStep::ConfigCheck)
                console.out() << h.configCheckOutput << u'\n';
        }
    }
    console.out() << result.summary() << u'\n';
    if (result.auditIntentId >= 0)
        console.out() << Tr::tr("audit record #%1").arg(result.auditIntentId) << u'\n';
    return reloadExitCode(result);
}

} // namespace vipdeck::cli
