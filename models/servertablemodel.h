#pragma once

// ServerTableModel: every server on every (VIP, host, backend) of the fleet,
// one row each: operational status, admin state, weight, sessions, rates,
// check status, last change, and a drift flag when the same server of the
// same VIP and backend has different admin states or weights on different
// hosts (drained on lb1, ready on lb2): serverDrifts(), the verdict's rule.
// Each update is applied as a diff.

#include "core/fleet/fleetupdate.h"
#include "models/difftablemodel.h"

namespace vipdeck {

// Where a server is: the one name the console gives a row's server, from the
// Servers tab and the VIP tab to the operation dialogs.
struct ServerLocation
{
    QString vip;
    QString host;
    QString backend;
    QString server;

    bool operator==(const ServerLocation &other) const = default;
};

class ServerTableModel : public DiffTableModel
{
    Q_OBJECT
public:
    // Where a server is (host, VIP, backend, name) leads, so two rows of one
    // server name on two hosts never look alike at 1280 pixels.
    enum Column {
        HostColumn,
        VipColumn,
        BackendColumn,
        ServerColumn,
        StatusColumn, // sorts by need of attention: DOWN first, drained/maint, then usable
        AdminColumn,
        WeightColumn,
        SessionsColumn,
        SessionRateColumn,
        Http5xxColumn,
        CheckColumn,
        LastChangeColumn,
        DriftColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1, // numbers as numbers, for QSortFilterProxyModel
        StateRole,                   // ServerState as int
        AdminRole,                   // AdminState as int
        DriftRole,                   // bool
        ServerRole,
        HostRole,
        VipRole,
        BackendRole,
        UsableRole, // counts towards its backend's usable servers
        BackupRole, // a backup server
        SearchRole, // "server host vip backend", for text search
    };

    explicit ServerTableModel(QObject *parent = nullptr);

    // The location of the server of `index`'s row (of this model or of a
    // proxy over it), from the roles above.
    static ServerLocation location(const QModelIndex &index);

    void applyUpdate(const FleetUpdate &update);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString key; // vip@host/backend/server
        QString vip;
        QString host;
        QString backend;
        QString server;
        QString status; // as HAProxy printed it
        ServerState state = ServerState::Unknown;
        AdminState admin = AdminState::Ready;
        bool backup = false;
        bool usable = false;
        int weight = 0;
        int initialWeight = 0;
        qint64 sessions = 0;
        qint64 sessionRate = 0;
        qint64 http5xx = 0;
        QString check;
        qint64 lastChangeAt = -1; // seconds since the epoch; stable across polls
        bool drift = false;

        bool operator==(const Row &) const = default;
        bool sameColumn(const Row &other, int column) const;
    };
    QVariant display(const Row &row, int column) const;

    QList<Row> m_rows;
};

} // namespace vipdeck
