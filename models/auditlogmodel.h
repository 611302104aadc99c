#pragma once

// AuditLogModel: the audit log, newest first, paged from the AuditStore on
// its own thread: the first page on setFilter(), the next ones through
// canFetchMore()/fetchMore() as a view scrolls, so a log of millions of
// records never loads at once.  The free-text search is part of the filter and
// runs in the store's query, so it pages and counts like any other filter.
// The GUI thread never waits on the database.

#include "core/audit/auditfilter.h"
#include "core/audit/auditrecord.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace vipdeck {

class AuditStore;

class AuditLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        TimeColumn,
        KindColumn,
        OperatorColumn,
        ActionColumn,
        TargetsColumn,
        ReasonColumn,
        OutcomeColumn,
        ColumnCount
    };

    explicit AuditLogModel(int pageSize = 200, QObject *parent = nullptr);

    // The store may be null (no audit log yet); it must outlive the model.
    void setStore(AuditStore *store);
    // Starts over with `filter`: clears the rows and loads the first page.
    void setFilter(const AuditFilter &filter);
    void refresh() { setFilter(m_filter); }
    // The filter with another free-text search (AuditFilter::text); nothing
    // happens when only white space differs.
    void setSearchText(const QString &text);
    QString searchText() const { return m_filter.text; }
    const AuditFilter &filter() const { return m_filter; }
    qint64 totalCount() const { return m_total; } // -1 until counted
    bool isLoading() const { return m_loading; }
    QString lastError() const { return m_error; }
    const AuditRecord &record(int row) const { return m_records[row]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    void loaded(); // a page or the count arrived (or failed: see lastError())

private:
    void requestPage();

    const int m_pageSize;
    AuditStore *m_store = nullptr;
    AuditFilter m_filter;
    QList<AuditRecord> m_records;
    qint64 m_cursor = 0;
    bool m_hasMore = false;
    bool m_loading = false;
    qint64 m_total = -1;
    quint64 m_generation = 0; // answers to an older filter are dropped
    QString m_error;
};

} // namespace vipdeck
