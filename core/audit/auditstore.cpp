#include "core/audit/auditstore.h"

#include "core/audit/auditdatabase.h"
#include "core/common/handover.h"
#include "core/common/logging.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace vipdeck {

AuditStore::AuditStore(const AuditStoreConfig &config)
    : m_config(config)
    , m_context(std::make_unique<QObject>())
{
    m_thread.setObjectName(u"vipdeck-audit"_s);
    m_context->moveToThread(&m_thread);
    m_thread.start();
}

Result<std::unique_ptr<AuditStore>> AuditStore::open(const AuditStoreConfig &config,
                                                     const Clock &clock, int schemaVersion)
{
    return open(config, clock, schemaVersion, true);
}

Result<std::unique_ptr<AuditStore>> AuditStore::openExisting(const AuditStoreConfig &config,
                                                             const Clock &clock)
{
    return open(config, clock, AuditSchema::latestVersion(), false);
}

Result<std::unique_ptr<AuditStore>>
AuditStore::open(const AuditStoreConfig &config, const Clock &clock, int schemaVersion, bool write)
{
    std::unique_ptr<AuditStore> store(new AuditStore(config));
    std::promise<Result<int>> opened;
    const auto access = write ? AuditDatabase::Access::Write : AuditDatabase::Access::Read;
    postTo(
        store->m_context.get(),
        [s = store.get(), &config, &clock, schemaVersion, access, &opened] {
            s->m_db = std::make_unique<AuditDatabase>(config, clock);
            if (auto ok = s->m_db->open(schemaVersion, access); !ok) {
                s->m_db.reset();
                opened.set_value(ok.error());
                return;
            }
            opened.set_value(s->m_db->schemaVersion());
        },
        Qt::QueuedConnection);
    auto result = opened.get_future().get();
    if (!result)
        return result.error();
    store->m_schemaVersion = *result;
    return store;
}

AuditStore::~AuditStore()
{
    // The connection must be closed on the thread that opened it.
    postTo(
        m_context.get(), [this] { m_db.reset(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

template <typename T> Result<T> AuditStore::call(std::function<Result<T>(AuditDatabase &)> job)
{
    if (QThread::currentThread() == &m_thread)
        return Error(ErrorCode::Internal, u"AuditStore called from its own thread"_s);
    if (QCoreApplication *app = QCoreApplication::instance();
        app && app->inherits("QGuiApplication") && QThread::currentThread() == app->thread())
        qCWarning(lcAudit) << "blocking audit store call on the GUI thread; use the Async calls";
    std::promise<Result<T>> promise;
    postTo(
        m_context.get(),
        [this, &job, &promise] {
            if (!m_db)
                promise.set_value(Error(
                    ErrorCode::AuditUnavailable,
                    QCoreApplication::translate("vipdeck::AuditStore", "the audit store is closed"),
                    location()));
            else
                promise.set_value(job(*m_db));
        },
        Qt::QueuedConnection);
    return promise.get_future().get();
}

template <typename T>
void AuditStore::post(std::function<Result<T>(AuditDatabase &)> job, QObject *receiver,
                      std::function<void(const Result<T> &)> done)
{
    postTo(
        m_context.get(),
        [this, job = std::move(job), guard = QPointer<QObject>(receiver), done = std::move(done)] {
            if (!guard || !m_db)
                return;
            Result<T> result = job(*m_db);
            postTo(
                guard.data(), [done, result = std::move(result)] { done(result); },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

Result<qint64> AuditStore::beginAction(const AuditIntent &intent)
{
    return call<qint64>([&intent](AuditDatabase &db) { return db.beginAction(intent); });
}

Result<qint64> AuditStore::completeAction(qint64 intentId, const AuditCompletion &completion)
{
    return call<qint64>([intentId, &completion](AuditDatabase &db) {
        return db.completeAction(intentId, completion);
    });
}

Result<AuditPage> AuditStore::page(const AuditPageRequest &request)
{
    return call<AuditPage>([&request](AuditDatabase &db) { return db.page(request); });
}

Result<qint64> AuditStore::count(const AuditFilter &filter)
{
    return call<qint64>([&filter](AuditDatabase &db) { return db.count(filter); });
}

Result<AuditRecord> AuditStore::record(qint64 id)
{
    return call<AuditRecord>([id](AuditDatabase &db) { return db.record(id); });
}

Result<AuditVerifyReport> AuditStore::verify(const std::optional<AuditAnchor> &anchor)
{
    return call<AuditVerifyReport>([&anchor](AuditDatabase &db) { return db.verify(anchor); });
}

Result<AuditAnchor> AuditStore::anchor()
{
    return call<AuditAnchor>([](AuditDatabase &db) { return db.anchor(); });
}

void AuditStore::pageAsync(const AuditPageRequest &request, QObject *receiver,
                           std::function<void(const Result<AuditPage> &)> done)
{
    post<AuditPage>([request](AuditDatabase &db) { return db.page(request); }, receiver,
                    std::move(done));
}

void AuditStore::countAsync(const AuditFilter &filter, QObject *receiver,
                            std::function<void(const Result<qint64> &)> done)
{
    post<qint64>([filter](AuditDatabase &db) { return db.count(filter); }, receiver,
                 std::move(done));
}

} // namespace vipdeck
