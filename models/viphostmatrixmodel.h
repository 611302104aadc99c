#pragma once

// VipHostMatrixModel: the fleet overview, one row per VIP and one column per
// LB host, then a last column with the VIP's own verdict.  A cell holds the
// (VIP, host) verdict: health, whether the prefix is announced over BGP, and
// the data's age when stale; cells of hosts that do not serve the VIP are
// empty.  Header data carries each VIP's and host's
// overall health.  Each update is applied as a diff (see DiffTableModel);
// only a change of the host list resets the model.

#include "core/fleet/fleetupdate.h"
#include "models/difftablemodel.h"

#include <QStringList>

namespace vipdeck {

class VipHostMatrixModel : public DiffTableModel
{
    Q_OBJECT
public:
    enum Role {
        HealthRole = Qt::UserRole + 1, // cell: Health as int, -1 when the host does not serve it
        AnnouncedRole,                 // cell: bool (false also when unknown)
        AnnouncementRole,              // cell: int(Announcement)
        StaleRole,                     // cell: bool
        AgeRole,                       // cell: data age in seconds, -1 none
        ServedRole,                    // cell: the host serves the VIP
        VipRole,                       // any cell: the row's VIP name
        HostRole,                      // any cell: the column's host name
        GroupRole,                     // any cell: the VIP's group
        VipHealthRole,                 // any cell: the VIP's overall Health as int
        ReasonsRole,                   // cell: QStringList of reasons, worst first
    };

    explicit VipHostMatrixModel(QObject *parent = nullptr);

    void applyUpdate(const FleetUpdate &update);

    QStringList hosts() const { return m_hosts; }
    // The last column: the VIP's own verdict (word, icon, worst reason).
    int verdictColumn() const { return int(m_hosts.size()); }
    int rowOfVip(const QString &vip) const;
    // "observers: 2 of 2 read", or who is not read and why; empty without
    // observers in the fleet file.  observersChanged() when it changes.
    QString observersText() const { return m_observersText; }
    QString observersDetail() const { return m_observersDetail; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // "HEALTHY ▲", "DEGRADED ▽", "UNKNOWN △? 42s old": the cell's short text; "▲*" when
    // the observers decided the announcement (the host's BIRD was unread).
    static QString cellText(Health health, Announcement announcement, bool stale, qint64 ageSecs,
                            bool fromFabric = false);
    // The compact density's cell text (20 hosts side by side): only the
    // announcement mark ("▲", "▽", "?" beside the icon's "?" badge, "▲*");
    // the health is in the icon (a shape per state) and the tint, stale data
    // is in italics, and the whole wording (the age too) stays in the tooltip
    // and the accessible text.
    static QString compactCellText(Announcement announcement, bool fromFabric = false);
    void setCompact(bool compact);
    bool isCompact() const { return m_compact; }

signals:
    void observersChanged();

private:
    bool m_compact = false;
    struct Cell
    {
        bool served = false;
        Health health = Health::Unknown;
        Announcement announcement = Announcement::Unknown;
        QString announcementUnknownWhy;
        QStringList decidedBy; // the observers, when they decided the announcement
        bool stale = false;
        qint64 ageSecs = -1; // only kept when stale, so ageing data does not churn cells
        QStringList reasons;
        bool operator==(const Cell &) const = default;
    };
    struct Row
    {
        QString key; // VIP name
        QString group;
        Health health = Health::Unknown;
        QString summary;
        QList<Cell> cells; // one per host, in m_hosts order
        bool operator==(const Row &) const = default;
        bool sameColumn(const Row &other, int column) const
        {
            if (column == cells.size()) // the verdict column
                return health == other.health && summary == other.summary;
            return cells[column] == other.cells[column];
        }
    };
    struct HostHeader
    {
        Health health = Health::Unknown;
        QString summary;
        bool operator==(const HostHeader &) const = default;
    };

    QVariant verdictData(const Row &row, int role) const;

    QStringList m_hosts;
    QString m_observersText;
    QString m_observersDetail;
    QList<HostHeader> m_hostHeaders;
    QList<Row> m_rows;
};

} // namespace vipdeck
