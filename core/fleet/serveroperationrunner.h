#pragma once

// ServerOperationRunner: applies a previewed server operation to its targets
// IN PARALLEL, each through its host's Transport (HaproxyClient
// setServerState/setWeight), reads the state before and after on each target
// to verify it, and reports each target as it starts and finishes.
//
// Audited: an intent is written (durably) before anything is touched and a
// completion after; when the intent cannot be written the operation does not
// start (OperationResult::refused, ErrorCode::AuditUnavailable or the
// store's own error).  Refused too: flagged targets without `force`, an
// empty target list, a missing reason.
//
// Partial failure is reported per target and nothing is rolled back: the
// targets that succeeded stay done (reverseOperation() builds the undo).
//
// run() returns at once; the work happens on the runner's own thread pool,
// never on the caller's thread.  Signals are emitted on the runner's own
// thread (posted there by the workers): a receiver needs that thread's event
// loop to run, as waitFor() and the GUI do.
// The transports and the audit store must outlive the runner; the runner's
// destructor waits for a running operation to finish.

#include "core/fleet/serveroperation.h"

#include <QFuture>
#include <QObject>
#include <QThreadPool>

#include <functional>
#include <memory>

namespace vipdeck {

class AuditStore;
class FleetPoller;
class Transport;

// One operation: create() it, connect to its signals, then hand it to
// ServerOperationRunner::start().  Its signals report only its own targets,
// so two operations at once (two dialogs) never show each other's progress,
// and none is missed (the connections exist before the work begins).  They
// are emitted on the handle's own thread.  It lives in the thread that created
// it and is deleted there (deleteLater) when the last holder lets go.
class OperationHandle : public QObject
{
    Q_OBJECT
public:
    static std::shared_ptr<OperationHandle> create(OperationPreview preview, QString sshUser = {});
    const OperationPreview &preview() const { return m_preview; }
    // Valid once started.
    QFuture<OperationResult> future() const { return m_future; }

signals:
    // `index` is the target's index in this operation's preview.targets.
    void targetStarted(int index, const vipdeck::ServerTarget &target);
    void targetProgress(int index, const QString &message);
    void targetFinished(int index, const vipdeck::TargetResult &result);

private:
    friend class ServerOperationRunner;
    OperationHandle() = default;
    OperationPreview m_preview;
    QString m_sshUser;
    QFuture<OperationResult> m_future;
};

class ServerOperationRunner : public QObject
{
    Q_OBJECT
public:
    // Which transport reaches a host; nullptr for an unknown host.
    using TransportLookup = std::function<Transport *(const QString &host)>;

    // Production: the poller's transports (one SSH connection per host,
    // shared with polling).  `audit` may not be null for run() to start.
    ServerOperationRunner(FleetPoller *poller, AuditStore *audit, QObject *parent = nullptr);
    // Tests and tools: any transports.
    ServerOperationRunner(TransportLookup transports, AuditStore *audit, QObject *parent = nullptr);
    ~ServerOperationRunner() override;

    // Starts the operation on `preview.targets` with `preview.request`'s
    // action.  The future always finishes with a result (never cancelled);
    // check result.refused first.  `sshUser` is recorded in the audit.
    QFuture<OperationResult> run(const OperationPreview &preview, const QString &sshUser = {});
    // The same for a handle (OperationHandle::create()), whose signals carry
    // this operation's progress only; returns handle->future().
    QFuture<OperationResult> start(const std::shared_ptr<OperationHandle> &handle);

    // Blocking convenience for vipdeckctl and tests (not on a GUI thread).
    OperationResult runAndWait(const OperationPreview &preview, const QString &sshUser = {});

signals:
    // Every operation's progress (vipdeckctl runs one at a time); a view that
    // may run several at once uses start()'s handle instead.
    // `index` is the target's index in preview.targets.
    void targetStarted(int index, const vipdeck::ServerTarget &target);
    // Progress inside a target, e.g. "12 sessions left" while waiting for a drain.
    void targetProgress(int index, const QString &message);
    void targetFinished(int index, const vipdeck::TargetResult &result);

private:
    QFuture<OperationResult> launch(const OperationPreview &preview, const QString &sshUser,
                                    std::shared_ptr<OperationHandle> handle);
    OperationResult execute(const OperationPreview &preview, const QString &sshUser,
                            OperationHandle *handle);
    TargetResult applyOne(int index, const ServerTarget &target,
                          const ServerOperationRequest &request, OperationHandle *handle);

    TransportLookup m_transports;
    AuditStore *m_audit;
    QThreadPool m_pool; // targets in parallel, plus the coordinating task
};

} // namespace vipdeck

Q_DECLARE_METATYPE(vipdeck::ServerTarget)
Q_DECLARE_METATYPE(vipdeck::TargetResult)
Q_DECLARE_METATYPE(vipdeck::OperationResult)
