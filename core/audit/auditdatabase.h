#pragma once

// AuditDatabase: the audit log's SQL, run synchronously on one connection.
// Not thread-safe and bound to the thread that opened it (QtSql connections
// are per thread); AuditStore runs one on its own thread.

#include "core/audit/auditchainverifier.h"
#include "core/audit/auditfilter.h"
#include "core/audit/auditpage.h"
#include "core/audit/auditrecord.h"
#include "core/audit/auditschema.h"
#include "core/audit/auditstoreconfig.h"
#include "core/common/clock.h"
#include "core/common/result.h"

#include <QSqlDatabase>

namespace vipdeck {

class AuditDatabase
{
public:
    AuditDatabase(AuditStoreConfig config, const Clock &clock);
    ~AuditDatabase();
    AuditDatabase(const AuditDatabase &) = delete;
    AuditDatabase &operator=(const AuditDatabase &) = delete;

    enum class Access {
        Write, // creates the store (file 0600, new directories 0700) and migrates it
        Read,  // an existing store only: creates nothing, migrates nothing
    };

    // Write: connects, checks that the store can be written and migrates it up
    // to `schemaVersion`.  Fails with ErrorCode::AuditUnavailable.
    // Read: fails with ErrorCode::AuditMissing when there is no file, or no
    // audit tables in it (or in the PostgreSQL database).
    Result<void> open(int schemaVersion = AuditSchema::latestVersion(),
                      Access access = Access::Write);
    int schemaVersion() const { return m_schemaVersion; }
    const AuditStoreConfig &config() const { return m_config; }

    Result<qint64> beginAction(const AuditIntent &intent);
    Result<qint64> completeAction(qint64 intentId, const AuditCompletion &completion);

    Result<AuditPage> page(const AuditPageRequest &request);
    Result<qint64> count(const AuditFilter &filter);
    Result<AuditRecord> record(qint64 id);
    // The newest record's id and hash; {0, genesis hash} for an empty log.
    Result<AuditAnchor> anchor();
    // The whole chain, against `anchor` when given, and the append-only
    // triggers.
    Result<AuditVerifyReport> verify(const std::optional<AuditAnchor> &anchor = {});

private:
    bool isPostgres() const { return m_config.backend == AuditStoreConfig::Backend::Postgres; }
    Result<void> ensureOpen();
    Result<qint64> append(AuditRecord record, std::optional<qint64> completes);
    Result<QList<AuditRecord>> select(const QString &where, const QVariantList &values,
                                      const QString &tail, bool withCompletion);
    Error unavailable(const QString &what, const QString &detail) const;
    Error missing(const QString &why) const;
    Result<void> checkProtection(AuditVerifyReport &report);

    AuditStoreConfig m_config;
    const Clock &m_clock;
    QString m_connectionName;
    QSqlDatabase m_db;
    int m_schemaVersion = 0;
};

} // namespace vipdeck
