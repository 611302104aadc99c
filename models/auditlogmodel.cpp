#include "models/auditlogmodel.h"

#include "core/audit/auditstore.h"
#include "core/common/controlcharacters.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace vipdeck {

AuditLogModel::AuditLogModel(int pageSize, QObject *parent)
    : QAbstractTableModel(parent)
    , m_pageSize(std::clamp(pageSize, 1, 10000))
{}

void AuditLogModel::setStore(AuditStore *store)
{
    m_store = store;
    refresh();
}

void AuditLogModel::setFilter(const AuditFilter &filter)
{
    // A new question, not a poll: a reset is what it is.
    beginResetModel();
    m_filter = filter;
    m_records.clear();
    m_cursor = 0;
    m_hasMore = false;
    m_total = -1;
    m_error.clear();
    m_loading = false;
    ++m_generation;
    endResetModel();
    if (!m_store)
        return;
    const quint64 generation = m_generation;
    m_store->countAsync(m_filter, this, [this, generation](const Result<qint64> &count) {
        if (generation != m_generation)
            return;
        if (count)
            m_total = *count;
        else
            m_error = count.error().toString();
        emit loaded();
    });
    requestPage();
}

void AuditLogModel::setSearchText(const QString &text)
{
    if (text.simplified() == m_filter.text.simplified())
        return;
    AuditFilter filter = m_filter;
    filter.text = text.simplified();
    setFilter(filter);
}

void AuditLogModel::requestPage()
{
    if (!m_store || m_loading)
        return;
    m_loading = true;
    AuditPageRequest request;
    request.filter = m_filter;
    request.cursor = m_cursor;
    request.limit = m_pageSize;
    request.newestFirst = true;
    const quint64 generation = m_generation;
    m_store->pageAsync(request, this, [this, generation](const Result<AuditPage> &page) {
        if (generation != m_generation)
            return;
        m_loading = false;
        if (!page) {
            m_error = page.error().toString();
            m_hasMore = false;
            emit loaded();
            return;
        }
        // Cursor first: a view reacting to the inserted rows may fetch the next page at once.
        m_cursor = page->nextCursor;
        m_hasMore = page->hasMore;
        if (!page->records.isEmpty()) {
            beginInsertRows({}, int(m_records.size()),
                            int(m_records.size() + page->records.size() - 1));
            m_records += page->records;
            endInsertRows();
        }
        emit loaded();
    });
}

bool AuditLogModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_hasMore && !m_loading;
}

void AuditLogModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        requestPage();
}

int AuditLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int AuditLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const AuditRecord &r = m_records[index.row()];
    if (role == Qt::ToolTipRole && index.column() == TargetsColumn) {
        QStringList lines;
        for (const AuditTarget &t : r.targets)
            lines << escapeControlCharacters(t.label());
        for (const AuditTargetResult &result : r.results)
            lines << escapeControlCharacters(u"%1: %2 %3"_s.arg(
                result.target.label(), auditOutcomeName(result.outcome), result.message));
        return lines.join(u'\n');
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case IdColumn:
        return r.id;
    case TimeColumn:
        return QLocale().toString(r.time.toLocalTime(), u"yyyy-MM-dd HH:mm:ss"_s);
    case KindColumn:
        return auditKindName(r.kind);
    // Text that older records may hold control characters in is shown with
    // them escaped (\x1b, \r, \n), as vipdeckctl and the reports show it.
    case OperatorColumn:
        return escapeControlCharacters(r.operatorName);
    case ActionColumn:
        return escapeControlCharacters(r.action);
    case TargetsColumn: {
        QStringList servers;
        for (const AuditTarget &t : r.targets) {
            const QString label = t.server.isEmpty() ? t.vip : t.server;
            if (!servers.contains(label))
                servers << label;
        }
        return tr("%1 (%n target(s))", nullptr, int(r.targets.size()))
            .arg(escapeControlCharacters(servers.join(u", "_s)));
    }
    case ReasonColumn:
        return escapeControlCharacters(r.reason);
    case OutcomeColumn: {
        if (r.kind == AuditKind::Intent)
            return r.completedBy ? tr("completed by #%1").arg(*r.completedBy) : tr("INCOMPLETE");
        int ok = 0;
        for (const AuditTargetResult &result : r.results)
            ok += result.outcome == AuditOutcome::Ok ? 1 : 0;
        return tr("%1 of %2 ok (intent #%3)")
            .arg(ok)
            .arg(r.results.size())
            .arg(r.intentId.value_or(0));
    }
    default:
        return {};
    }
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn:
        return tr("#");
    case TimeColumn:
        return tr("Time");
    case KindColumn:
        return tr("Kind");
    case OperatorColumn:
        return tr("Operator");
    case ActionColumn:
        return tr("Action");
    case TargetsColumn:
        return tr("Targets");
    case ReasonColumn:
        return tr("Reason");
    case OutcomeColumn:
        return tr("Outcome");
    default:
        return {};
    }
}

} // namespace vipdeck
