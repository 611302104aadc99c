#include "core/fleet/reloadpreflight.h"

#include "core/common/handover.h"
#include "core/common/logging.h"
#include "core/fleet/fleetpoller.h"
#include "core/fleet/reloadoperation.h"
#include "core/haproxy/masterclient.h"
#include "core/ssh/sshtransport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QThreadPool>

#include <algorithm>
#include <latch>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

// This file's messages, in a context lupdate can see.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vipdeck::ReloadPreflight)
};

// Runtime changes the running worker holds that a reload without a saved
// state would lose: operator drains/maints and changed weights.
QStringList runtimeChanges(const QList<ServerStateRow> &rows)
{
    QStringList out;
    for (const ServerStateRow &row : rows) {
        if (row.adminFlags.testFlag(AdminFlag::ForcedMaint))
            out.append(row.backend + u'/' + row.server + u" MAINT"_s);
        else if (row.adminFlags.testFlag(AdminFlag::ForcedDrain))
            out.append(row.backend + u'/' + row.server + u" DRAIN"_s);
        else if (row.userWeight != row.initialWeight)
            out.append(row.backend + u'/' + row.server + u" weight "_s +
                       QString::number(row.userWeight));
    }
    return out;
}

// The same error with a hint that says what to do at pre-flight time.
Error withHint(Error error, const QString &hint)
{
    error.hint = error.hint.isEmpty() ? hint : error.hint + u"; "_s + hint;
    return error;
}

class HostChecks
{
public:
    HostChecks(FleetPoller *poller, const ReloadRequest &request, const QString &host,
               const PreflightProgress &progress)
        : m_poller(poller)
        , m_request(request)
        , m_progress(progress)
    {
        m_result.host = host;
        for (PreflightCheck c :
             {PreflightCheck::Reachable, PreflightCheck::ConfigCheck, PreflightCheck::ServerState})
            m_result.checks.append(PreflightCheckResult{c, PreflightStatus::NotRun, {}, {}});
    }

    HostPreflight run()
    {
        QElapsedTimer elapsed;
        elapsed.start();
        const QString &host = m_result.host;
        const std::optional<Placement> placement = reloadPlacement(m_poller, m_request.vip, host);
        Transport *transport = m_poller->transport(host);
        if (!placement || !transport) {
            fail(PreflightCheck::Reachable,
                 Error(ErrorCode::InvalidArgument,
                       Tr::tr("%1 is not placed on host %2").arg(m_request.vip, host), host));
            return finish(elapsed);
        }
        if (!reachable(transport))
            return finish(elapsed);
        // Independent of each other: both run, so one pre-flight shows every problem.
        configCheck(transport, *placement);
        serverState(transport, *placement);
        return finish(elapsed);
    }

private:
    HostPreflight finish(const QElapsedTimer &elapsed)
    {
        const QString notRun = Tr::tr("not run: %1 is unreachable").arg(m_result.host);
        for (PreflightCheckResult &c : m_result.checks)
            if (c.status == PreflightStatus::NotRun && c.message.isEmpty())
                c.message = notRun;
        m_result.elapsedMs = elapsed.elapsed();
        return m_result;
    }

    PreflightCheckResult &slot(PreflightCheck check) { return m_result.checks[int(check)]; }

    void pass(PreflightCheck check, const QString &message)
    {
        PreflightCheckResult &c = slot(check);
        c.status = PreflightStatus::Passed;
        c.message = message;
        if (m_progress)
            m_progress(m_result.host, c);
    }

    void fail(PreflightCheck check, Error error)
    {
        PreflightCheckResult &c = slot(check);
        c.status = PreflightStatus::Failed;
        c.message = error.message;
        c.error = std::move(error);
        if (m_progress)
            m_progress(m_result.host, c);
    }

    bool reachable(Transport *transport)
    {
        // A transport backing off after an earlier failure answers with that
        // failure at once; the pre-flight wants to know about now.
        if (transport->status().state == TransportState::Failed)
            if (auto *ssh = qobject_cast<SshTransport *>(transport))
                ssh->reconnectNow();
        const Result<ExecResult> done = transport->exec({u"true"_s}).result();
        if (!done.ok()) {
            const Error &e = done.error();
            // "vipdeck reconnects by itself" is no advice for this moment;
            // a host key or an authentication hint is.
            const bool transient = e.code == ErrorCode::ConnectFailed ||
                                   e.code == ErrorCode::Timeout ||
                                   e.code == ErrorCode::Disconnected || e.code == ErrorCode::Io;
            fail(PreflightCheck::Reachable,
                 withHint(Error(e.code,
                                Tr::tr("%1 is unreachable: %2").arg(m_result.host, e.message),
                                e.where, transient ? QString() : e.hint, e.detail),
                          Tr::tr("nothing was reloaded; make %1 reachable over SSH and reload "
                                 "again")
                              .arg(m_result.host)));
            return false;
        }
        pass(PreflightCheck::Reachable, Tr::tr("SSH connects and runs commands"));
        return true;
    }

    void configCheck(Transport *transport, const Placement &placement)
    {
        const MasterClient master(transport, placement.masterSocket);
        const Result<ConfigCheck> check =
            master.configCheck(m_request.haproxyBinary, placement.configPath).result();
        if (!check.ok()) {
            m_result.configCheckOutput = check.error().detail;
            Error e = check.error();
            if (e.code == ErrorCode::ConfigCheckFailed) {
                e.message = Tr::tr("haproxy -c failed: %1").arg(e.message);
                e.hint = Tr::tr("nothing was reloaded; fix %1 on %2 (`haproxy -c -f %1` shows "
                                "the errors) and reload again")
                             .arg(placement.configPath, m_result.host);
            } else {
                e = withHint(e, Tr::tr("nothing was reloaded"));
            }
            fail(PreflightCheck::ConfigCheck, e);
            return;
        }
        m_result.configCheckOutput = check->output;
        pass(PreflightCheck::ConfigCheck,
             check->warnings.isEmpty()
                 ? Tr::tr("configuration valid")
                 : Tr::tr("configuration valid, %1 warning(s)").arg(check->warnings.size()));
    }

    void serverState(Transport *transport, const Placement &placement)
    {
        const QString where = m_result.host + u'/' + m_request.vip;
        const QString todo = Tr::tr("nothing was reloaded");
        const MasterClient master(transport, placement.masterSocket);
        const Result<MasterProcInfo> proc = master.showProc().result();
        if (!proc.ok()) {
            fail(PreflightCheck::ServerState,
                 withHint(proc.error(),
                          Tr::tr("the reload goes through the master socket; %1").arg(todo)));
            return;
        }
        if (m_request.skipStateDump) {
            pass(PreflightCheck::ServerState,
                 Tr::tr("master answers; the state is not saved (on request)"));
            return;
        }
        const Result<std::optional<QString>> file =
            findServerStateFile(transport, placement, proc->master.pid);
        if (!file.ok()) {
            fail(PreflightCheck::ServerState, withHint(file.error(), todo));
            return;
        }
        if (!file->has_value()) {
            const Result<void> nothingLost = checkNoRuntimeChangeLost(transport, placement, where);
            if (!nothingLost.ok()) {
                fail(PreflightCheck::ServerState, nothingLost.error());
                return;
            }
            pass(PreflightCheck::ServerState,
                 Tr::tr("no server-state file configured; no runtime change to keep"));
            return;
        }
        m_result.stateFile = **file;
        const Result<QList<ServerStateRow>> rows = master.showServersState().result();
        if (!rows.ok()) {
            fail(PreflightCheck::ServerState,
                 withHint(rows.error(),
                          Tr::tr("the state cannot be read for saving; %1").arg(todo)));
            return;
        }
        m_result.servers = int(rows->size());
        const QString dir = QFileInfo(m_result.stateFile).path();
        const Result<ExecResult> writable =
            transport->exec({u"test"_s, u"-w"_s, dir, u"-a"_s, u"-x"_s, dir}).result();
        if (!writable.ok()) {
            fail(PreflightCheck::ServerState, withHint(writable.error(), todo));
            return;
        }
        if (writable->exitCode != 0) {
            fail(PreflightCheck::ServerState,
                 Error(ErrorCode::PermissionDenied,
                       Tr::tr("the SSH user may not write %1, where the server state is saved")
                           .arg(dir),
                       m_result.host + u':' + m_result.stateFile,
                       Tr::tr("give the SSH user write access to %1; %2").arg(dir, todo)));
            return;
        }
        pass(PreflightCheck::ServerState,
             Tr::tr("%1 server(s) readable; saved to %2 before the reload")
                 .arg(m_result.servers)
                 .arg(m_result.stateFile));
    }

    FleetPoller *m_poller;
    const ReloadRequest &m_request;
    const PreflightProgress &m_progress;
    HostPreflight m_result;
};

} // namespace

QString preflightCheckName(PreflightCheck check)
{
    switch (check) {
    case PreflightCheck::Reachable:
        return u"reachable"_s;
    case PreflightCheck::ConfigCheck:
        return u"config-check"_s;
    case PreflightCheck::ServerState:
        return u"server-state"_s;
    }
    return {};
}

QString preflightStatusName(PreflightStatus status)
{
    switch (status) {
    case PreflightStatus::Passed:
        return u"passed"_s;
    case PreflightStatus::Failed:
        return u"failed"_s;
    case PreflightStatus::NotRun:
        return u"not-run"_s;
    }
    return {};
}

bool HostPreflight::ok() const
{
    return !checks.isEmpty() && std::all_of(checks.cbegin(), checks.cend(), [](const auto &c) {
        return c.status == PreflightStatus::Passed;
    });
}

const PreflightCheckResult *HostPreflight::failure() const
{
    for (const PreflightCheckResult &c : checks)
        if (c.status == PreflightStatus::Failed)
            return &c;
    return nullptr;
}

bool ReloadPreflight::ok() const
{
    return ran &&
           std::all_of(hosts.cbegin(), hosts.cend(), [](const HostPreflight &h) { return h.ok(); });
}

QStringList ReloadPreflight::passedHosts() const
{
    QStringList out;
    for (const HostPreflight &h : hosts)
        if (h.ok())
            out.append(h.host);
    return out;
}

QStringList ReloadPreflight::failedHosts() const
{
    QStringList out;
    for (const HostPreflight &h : hosts)
        if (!h.ok())
            out.append(h.host);
    return out;
}

bool ReloadPreflight::onlyUnreachable() const
{
    bool any = false;
    for (const HostPreflight &h : hosts) {
        if (h.ok())
            continue;
        const PreflightCheckResult *f = h.failure();
        if (!f || f->check != PreflightCheck::Reachable)
            return false;
        any = true;
    }
    return any;
}

const HostPreflight *ReloadPreflight::host(const QString &name) const
{
    for (const HostPreflight &h : hosts)
        if (h.host == name)
            return &h;
    return nullptr;
}

QString ReloadPreflight::failureText() const
{
    QStringList parts;
    for (const HostPreflight &h : hosts) {
        for (const PreflightCheckResult &c : h.checks)
            if (c.status == PreflightStatus::Failed)
                parts.append(Tr::tr("%1 %2: %3")
                                 .arg(h.host, preflightCheckName(c.check),
                                      c.error ? c.error->message : c.message));
    }
    return parts.join(u"; "_s);
}

std::optional<Placement> reloadPlacement(const FleetPoller *poller, const QString &vip,
                                         const QString &host)
{
    if (const Placement *p = poller->inventory().placement(vip, host))
        return *p;
    // A discovered VIP: its placement is in the snapshot's inventory.
    const Inventory discovered = poller->latest().snapshot.inventory();
    if (const Placement *p = discovered.placement(vip, host))
        return *p;
    return std::nullopt;
}

ReloadPreflight runReloadPreflight(FleetPoller *poller, const ReloadRequest &request,
                                   const QStringList &hosts, const PreflightProgress &progress)
{
    ReloadPreflight result;
    result.ran = true;
    result.hosts.resize(hosts.size());
    // A pool of its own: every host at once, and never waiting behind the
    // global pool that parses replies (the checks block on those).
    QThreadPool pool;
    pool.setMaxThreadCount(int(std::max<qsizetype>(1, hosts.size())));
    std::latch done(hosts.size());
    HostPreflight *out = result.hosts.data(); // each thread writes only its own
    for (qsizetype i = 0; i < hosts.size(); ++i) {
        startOnPool(pool, [&, i] {
            out[i] = HostChecks(poller, request, hosts[i], progress).run();
            done.count_down();
        });
    }
    done.wait();
    qCInfo(lcFleet) << "reload pre-flight" << request.vip << "on" << hosts
                    << (result.ok() ? u"passed"_s : result.failureText());
    return result;
}

Result<std::optional<QString>> findServerStateFile(Transport *transport, const Placement &placement,
                                                   qint64 masterPid)
{
    const QString host = transport->hostName();
    Result<ExecResult> config = transport->exec({u"cat"_s, u"--"_s, placement.configPath}).result();
    if (!config.ok())
        return config.error();
    if (config->exitCode != 0)
        return Error(ErrorCode::CommandFailed,
                     Tr::tr("cannot read the configuration: %1")
                         .arg(QString::fromUtf8(config->standardError).trimmed()),
                     host + u':' + placement.configPath);
    // A relative state file is relative to the master's working directory.
    QString cwd;
    const Result<ExecResult> link =
        transport
            ->exec({u"readlink"_s, u"--"_s, u"/proc/"_s + QString::number(masterPid) + u"/cwd"_s})
            .result();
    if (link.ok() && link->exitCode == 0)
        cwd = QString::fromUtf8(link->standardOutput).trimmed();
    return serverStateFileFromConfig(config->standardOutput, host + u':' + placement.configPath,
                                     cwd);
}

Result<void> checkNoRuntimeChangeLost(Transport *transport, const Placement &placement,
                                      const QString &where)
{
    const MasterClient master(transport, placement.masterSocket);
    const Result<QList<ServerStateRow>> rows = master.showServersState().result();
    if (!rows.ok())
        return rows.error();
    const QStringList lost = runtimeChanges(*rows);
    if (lost.isEmpty())
        return {};
    return Error(ErrorCode::PreconditionFailed,
                 Tr::tr("the configuration loads no server-state file, so the reload would undo "
                        "runtime changes: %1")
                     .arg(lost.join(u", "_s)),
                 where,
                 Tr::tr("set server-state-file in global and load-server-state-from-file global "
                        "in defaults, or reload without saving the state"));
}

} // namespace vipdeck
