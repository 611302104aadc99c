#pragma once

// MasterClient: the master CLI of one HAProxy (haproxy -W -S <socket>) on one
// host, over a Transport: `show proc`, a reload that is confirmed rather than
// assumed, saving the runtime server state before a reload, and the
// configuration check through exec.  Calls return at once; multi-step
// operations run on a thread pool of their own.  The Transport must outlive
// the client and every future it returned.

#include "core/haproxy/configcheck.h"
#include "core/haproxy/masterprocinfo.h"
#include "core/haproxy/serverstaterow.h"

#include <QFuture>
#include <QString>

#include <chrono>

namespace vipdeck {

class Transport;

struct ReloadOutcome
{
    MasterProcInfo before;
    MasterProcInfo after;
    QList<qint64> newWorkerPids; // current workers that did not exist before
    QString startupLog;          // HAProxy 2.7+ only
};

class MasterClient
{
public:
    // `timeout` 0: the transport's command timeout (per round trip).
    MasterClient(Transport *transport, QString masterSocket,
                 std::chrono::milliseconds timeout = {});

    QFuture<Result<MasterProcInfo>> showProc() const;

    // Reloads and waits until the outcome is known, at most `deadline`.
    // 2.7+: the "Success=1|0" answer, then `show proc`.  2.6 answers nothing
    // and drops the connection, so `show proc` is polled until the failed
    // counter rises (ErrorCode::ReloadFailed: the old worker keeps serving)
    // or the reload counter rises with a new worker PID (success).
    // ErrorCode::Timeout when neither happens in time.
    QFuture<Result<ReloadOutcome>>
    reload(std::chrono::milliseconds deadline = std::chrono::seconds(30)) const;

    // Writes the current worker's `show servers state` to `stateFile` on the
    // host (the file `server-state-file` names), so runtime drains and
    // weights survive the next reload.  The state is read through the master
    // socket ("@1 show servers state") and validated first; the file is
    // written through exec as `sh -c 'printf %s "$@" > tmp && mv tmp file'`
    // with the content passed as quoted arguments (no socat needed on the
    // host, nothing interpolated, never a half-written file).  Returns how
    // many servers were saved.
    QFuture<Result<int>> dumpServerState(const QString &stateFile) const;

    // The current worker's `show servers state`, read as dumpServerState()
    // reads it (through the master socket) and parsed, without writing
    // anything: the reload pre-flight's proof that the dump would work.
    QFuture<Result<QList<ServerStateRow>>> showServersState() const;

    // `binary -c -f configPath` on the host.
    QFuture<Result<ConfigCheck>> configCheck(const QString &binary,
                                             const QString &configPath) const;

private:
    Result<MasterProcInfo> showProcNow() const; // blocking, operation pool only
    Result<ReloadOutcome> reloadNow(std::chrono::milliseconds deadline) const;
    Result<int> dumpServerStateNow(const QString &stateFile) const;

    Transport *m_transport;
    QString m_socket;
    std::chrono::milliseconds m_timeout;
};

} // namespace vipdeck
