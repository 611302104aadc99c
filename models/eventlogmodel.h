#pragma once

// EventLogModel: the fleet's events, newest first, bounded to a capacity so a
// long-running console keeps flat memory: the oldest rows are removed as new
// ones arrive.  Rows carry the objects they name (host, VIP, server) for
// filtering and linking.

#include "core/fleet/event.h"

#include <QAbstractTableModel>

#include <deque>

namespace vipdeck {

class EventLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, SeverityColumn, KindColumn, SubjectColumn, TextColumn, ColumnCount };
    enum Role {
        SeverityRole = Qt::UserRole + 1, // FleetEvent::Severity as int
        KindRole,                        // FleetEvent::Kind as int
        HostRole,
        VipRole,
        ServerRole,
        SubjectRole,
        TimeRole, // QDateTime, for sorting
    };

    explicit EventLogModel(int capacity = 5000, QObject *parent = nullptr);

    int capacity() const { return m_capacity; }
    // Adds events (in the order they happened) at the top.
    void addEvents(const QList<FleetEvent> &events);
    // Adds events from before this session (the history store), oldest
    // first, below the rows there are: only those older than the oldest row,
    // so nothing shows twice, and only as many as the capacity leaves room for.
    // Returns how many were added.
    int addEarlierEvents(const QList<FleetEvent> &events);
    const FleetEvent &event(int row) const { return m_events[size_t(row)]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString severityName(FleetEvent::Severity severity);

private:
    const int m_capacity;
    std::deque<FleetEvent> m_events; // newest first
};

} // namespace vipdeck
