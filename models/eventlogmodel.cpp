#include "models/eventlogmodel.h"

#include "models/healthstyle.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

Health healthOf(FleetEvent::Severity severity)
{
    switch (severity) {
    case FleetEvent::Severity::Problem:
        return Health::Critical;
    case FleetEvent::Severity::Warning:
        return Health::Degraded;
    case FleetEvent::Severity::Info:
        break;
    }
    return Health::Healthy;
}

} // namespace

EventLogModel::EventLogModel(int capacity, QObject *parent)
    : QAbstractTableModel(parent)
    , m_capacity(std::max(1, capacity))
{}

QString EventLogModel::severityName(FleetEvent::Severity severity)
{
    switch (severity) {
    case FleetEvent::Severity::Problem:
        return tr("problem");
    case FleetEvent::Severity::Warning:
        return tr("warning");
    case FleetEvent::Severity::Info:
        break;
    }
    return tr("info");
}

void EventLogModel::addEvents(const QList<FleetEvent> &events)
{
    if (events.isEmpty())
        return;
    // More events than fit: only the newest capacity ones matter.
    const qsizetype take = std::min<qsizetype>(events.size(), m_capacity);
    const qsizetype overflow = qsizetype(m_events.size()) + take - m_capacity;
    if (overflow > 0) {
        const int first = int(qsizetype(m_events.size()) - overflow);
        beginRemoveRows({}, first, int(m_events.size()) - 1);
        m_events.erase(m_events.end() - overflow, m_events.end());
        endRemoveRows();
    }
    beginInsertRows({}, 0, int(take) - 1);
    for (qsizetype i = events.size() - take; i < events.size(); ++i)
        m_events.push_front(events[i]);
    endInsertRows();
}

int EventLogModel::addEarlierEvents(const QList<FleetEvent> &events)
{
    const QDateTime oldest = m_events.empty() ? QDateTime() : m_events.back().time;
    // The newest of them first: they go below the rows there are, in order.
    QList<const FleetEvent *> earlier;
    for (auto it = events.crbegin(); it != events.crend(); ++it) {
        if (oldest.isValid() && it->time >= oldest)
            continue;
        if (qsizetype(m_events.size()) + earlier.size() >= m_capacity)
            break;
        earlier << &*it;
    }
    if (earlier.isEmpty())
        return 0;
    const int first = int(m_events.size());
    beginInsertRows({}, first, first + int(earlier.size()) - 1);
    for (const FleetEvent *e : std::as_const(earlier))
        m_events.push_back(*e);
    endInsertRows();
    return int(earlier.size());
}

int EventLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int EventLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const FleetEvent &event = m_events[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return QLocale().toString(event.time.toLocalTime(), u"yyyy-MM-dd HH:mm:ss"_s);
        case SeverityColumn:
            return severityName(event.severity);
        case KindColumn:
            return eventKindName(event.kind);
        case SubjectColumn:
            return event.subject();
        case TextColumn:
            return event.text;
        default:
            return {};
        }
    case Qt::DecorationRole:
        if (index.column() != SeverityColumn)
            return {};
        return event.severity == FleetEvent::Severity::Info ? infoIcon()
                                                            : healthIcon(healthOf(event.severity));
    case Qt::ToolTipRole:
        return event.before.isEmpty() && event.after.isEmpty()
                   ? event.text
                   : u"%1\n%2 → %3"_s.arg(event.text, event.before, event.after);
    case SeverityRole:
        return int(event.severity);
    case KindRole:
        return int(event.kind);
    case HostRole:
        return event.host;
    case VipRole:
        return event.vip;
    case ServerRole:
        return event.server;
    case SubjectRole:
        return event.subject();
    case TimeRole:
        return event.time;
    default:
        return {};
    }
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case SeverityColumn:
        return tr("Severity");
    case KindColumn:
        return tr("Kind");
    case SubjectColumn:
        return tr("Object");
    case TextColumn:
        return tr("Event");
    default:
        return {};
    }
}

} // namespace vipdeck
