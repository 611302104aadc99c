#pragma once

// AuditStore: the audit log of every change vipdeck makes, on a thread of its
// own (QtSql connections belong to one thread).  The blocking calls are for
// worker threads and vipdeckctl; the GUI uses the *Async calls, whose
// callbacks run on the receiver's thread.  An action never runs unaudited:
// when beginAction() fails, the caller must not start the action.

#include "core/audit/auditanchor.h"
#include "core/audit/auditchainverifier.h"
#include "core/audit/auditfilter.h"
#include "core/audit/auditpage.h"
#include "core/audit/auditrecord.h"
#include "core/audit/auditschema.h"
#include "core/audit/auditstoreconfig.h"
#include "core/common/clock.h"
#include "core/common/result.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <functional>
#include <future>
#include <memory>

namespace vipdeck {

class AuditDatabase;

class AuditStore
{
public:
    // Opens (creating and migrating as needed) the store.  Fails with
    // ErrorCode::AuditUnavailable naming the path or URL when the store cannot
    // be written.  `clock` must outlive the store.
    static Result<std::unique_ptr<AuditStore>>
    open(const AuditStoreConfig &config, const Clock &clock = Clock::system(),
         int schemaVersion = AuditSchema::latestVersion());
    // An existing store for reading (audit list/show/verify/export/anchor,
    // reports): creates no file, directory or table and migrates nothing.
    // Fails with ErrorCode::AuditMissing when there is no log at `config`.
    static Result<std::unique_ptr<AuditStore>> openExisting(const AuditStoreConfig &config,
                                                            const Clock &clock = Clock::system());
    ~AuditStore();
    AuditStore(const AuditStore &) = delete;
    AuditStore &operator=(const AuditStore &) = delete;

    QString location() const { return m_config.location(); }
    const AuditStoreConfig &config() const { return m_config; }
    int schemaVersion() const { return m_schemaVersion; }

    // Durable (committed and synced) before it returns.  Refuses a change
    // without a reason (InvalidArgument); AuditUnavailable when the store
    // cannot be written.  Returns the intent's id.
    Result<qint64> beginAction(const AuditIntent &intent);
    // Records the outcome of the intent `intentId`; returns the completion's id.
    Result<qint64> completeAction(qint64 intentId, const AuditCompletion &completion);

    Result<AuditPage> page(const AuditPageRequest &request);
    Result<qint64> count(const AuditFilter &filter);
    Result<AuditRecord> record(qint64 id);
    // Recomputes the whole chain, streaming it in batches; checks it against
    // `anchor` when given, and reports missing append-only triggers.
    Result<AuditVerifyReport> verify(const std::optional<AuditAnchor> &anchor = {});
    // The newest record's id and hash, to keep outside the log.
    Result<AuditAnchor> anchor();

    // For the GUI: runs on the store's thread, then calls `done` on
    // `receiver`'s thread (not at all if the receiver is gone by then).
    void pageAsync(const AuditPageRequest &request, QObject *receiver,
                   std::function<void(const Result<AuditPage> &)> done);
    void countAsync(const AuditFilter &filter, QObject *receiver,
                    std::function<void(const Result<qint64> &)> done);

private:
    explicit AuditStore(const AuditStoreConfig &config);
    static Result<std::unique_ptr<AuditStore>>
    open(const AuditStoreConfig &config, const Clock &clock, int schemaVersion, bool write);

    template <typename T> Result<T> call(std::function<Result<T>(AuditDatabase &)> job);
    template <typename T>
    void post(std::function<Result<T>(AuditDatabase &)> job, QObject *receiver,
              std::function<void(const Result<T> &)> done);

    AuditStoreConfig m_config;
    int m_schemaVersion = 0;
    QThread m_thread;
    // Lives in m_thread: queued jobs run in its context.
    std::unique_ptr<QObject> m_context;
    std::unique_ptr<AuditDatabase> m_db; // created, used and destroyed on m_thread
};

} // namespace vipdeck
