#include "models/servertablemodel.h"

#include "core/fleet/verdict.h"

#include <QColor>
#include <QDateTime>
#include <QFont>
#include <QLocale>
#include <QSet>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

QColor stateTint(ServerState state, AdminState admin)
{
    if (admin == AdminState::Maint || state == ServerState::Maint)
        return QColor(0x8a, 0x8f, 0x98, 70);
    if (admin == AdminState::Drain || state == ServerState::Drain)
        return QColor(0xe0, 0x9b, 0x16, 70);
    if (state == ServerState::Down)
        return QColor(0xd3, 0x2f, 0x2f, 80);
    return {};
}

} // namespace

bool ServerTableModel::Row::sameColumn(const Row &other, int column) const
{
    switch (column) {
    case ServerColumn:
        return server == other.server && backup == other.backup;
    case StatusColumn:
        return status == other.status && state == other.state;
    case AdminColumn:
        return admin == other.admin;
    case WeightColumn:
        return weight == other.weight && initialWeight == other.initialWeight;
    case SessionsColumn:
        return sessions == other.sessions;
    case SessionRateColumn:
        return sessionRate == other.sessionRate;
    case Http5xxColumn:
        return http5xx == other.http5xx;
    case CheckColumn:
        return check == other.check;
    case LastChangeColumn:
        return lastChangeAt == other.lastChangeAt;
    case HostColumn:
        return host == other.host;
    case VipColumn:
        return vip == other.vip;
    case BackendColumn:
        return backend == other.backend;
    case DriftColumn:
        return drift == other.drift;
    default:
        return true;
    }
}

ServerLocation ServerTableModel::location(const QModelIndex &index)
{
    return {index.data(VipRole).toString(), index.data(HostRole).toString(),
            index.data(BackendRole).toString(), index.data(ServerRole).toString()};
}

ServerTableModel::ServerTableModel(QObject *parent)
    : DiffTableModel(parent)
{}

void ServerTableModel::applyUpdate(const FleetUpdate &update)
{
    const Snapshot &snapshot = update.snapshot;
    QList<Row> rows;
    rows.reserve(m_rows.size());
    for (const Vip &vip : snapshot.inventory().vips()) {
        const qsizetype first = rows.size();
        for (const Placement &placement : vip.placements) {
            const HaproxyObservation *haproxy = snapshot.haproxy(vip.name, placement.host);
            if (!haproxy || !haproxy->hasData())
                continue;
            const qint64 observedAt = haproxy->time.toSecsSinceEpoch();
            for (const BackendObservation &backend : haproxy->backends) {
                const QString prefix =
                    vip.name + u'@' + placement.host + u'/' + backend.name + u'/';
                for (const ServerObservation &s : backend.servers) {
                    Row row;
                    row.key = prefix + s.name;
                    row.vip = vip.name;
                    row.host = placement.host;
                    row.backend = backend.name;
                    row.server = s.name;
                    row.status = s.status.raw;
                    row.state = s.status.state;
                    row.admin = s.adminState();
                    row.backup = s.backup;
                    row.usable = s.isUsable();
                    row.weight = s.weight;
                    row.initialWeight = s.initialWeight;
                    row.sessions = s.sessions;
                    row.sessionRate = s.sessionRate;
                    row.http5xx = s.http5xx;
                    row.check = s.checkStatus;
                    row.lastChangeAt = s.lastChangeSecs >= 0 ? observedAt - s.lastChangeSecs : -1;
                    rows << std::move(row);
                }
            }
        }
        if (vip.placements.size() < 2)
            continue;
        // The verdict's rule (admin state or weight differs between hosts).
        QSet<QString> drifting; // "backend/server"
        for (const ServerDrift &drift : serverDrifts(vip, snapshot))
            drifting.insert(drift.backend + u'/' + drift.server);
        if (drifting.isEmpty())
            continue;
        for (qsizetype i = first; i < rows.size(); ++i)
            rows[i].drift = drifting.contains(rows[i].backend + u'/' + rows[i].server);
    }
    applyRows(m_rows, std::move(rows), ColumnCount);
}

int ServerTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ServerTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ServerTableModel::display(const Row &row, int column) const
{
    switch (column) {
    case ServerColumn:
        return row.backup ? tr("%1 (backup)").arg(row.server) : row.server;
    case StatusColumn:
        return row.status;
    case AdminColumn:
        return adminStateName(row.admin);
    case WeightColumn:
        return row.weight == row.initialWeight
                   ? QString::number(row.weight)
                   : u"%1 / %2"_s.arg(row.weight).arg(row.initialWeight);
    case SessionsColumn:
        return row.sessions;
    case SessionRateColumn:
        return row.sessionRate;
    case Http5xxColumn:
        return row.http5xx;
    case CheckColumn:
        return row.check;
    case LastChangeColumn:
        return row.lastChangeAt < 0
                   ? QString()
                   : QLocale().toString(
                         QDateTime::fromSecsSinceEpoch(row.lastChangeAt).toLocalTime(),
                         QLocale::ShortFormat);
    case HostColumn:
        return row.host;
    case VipColumn:
        return row.vip;
    case BackendColumn:
        return row.backend;
    case DriftColumn:
        return row.drift ? tr("drift") : QString();
    default:
        return {};
    }
}

QVariant ServerTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &row = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case SortRole:
        switch (index.column()) {
        case StatusColumn:
            // Ascending = what needs attention first: out of service against
            // the admin's will, then taken out by an admin, then usable.
            return row.state == ServerState::Down && row.admin == AdminState::Ready ? 0
                   : row.admin != AdminState::Ready                                 ? 1
                   : !row.usable                                                    ? 2
                                                                                    : 3;
        case WeightColumn:
            return row.weight;
        case LastChangeColumn:
            return row.lastChangeAt;
        case DriftColumn:
            return row.drift;
        default:
            return display(row, index.column());
        }
    case Qt::BackgroundRole: {
        // An invalid QColor would paint black: no tint is no value.
        const QColor tint = stateTint(row.state, row.admin);
        return tint.isValid() ? QVariant(tint) : QVariant();
    }
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case WeightColumn:
        case SessionsColumn:
        case SessionRateColumn:
        case Http5xxColumn:
            return int(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
        }
    case Qt::FontRole:
        if ((index.column() == StatusColumn && row.state == ServerState::Down) ||
            (index.column() == DriftColumn && row.drift)) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == DriftColumn && row.drift)
            return tr("%1 has different admin states on different hosts of %2")
                .arg(row.server, row.vip);
        return u"%1 in %2/%3 on %4: %5, %6"_s.arg(row.server, row.vip, row.backend, row.host,
                                                  row.status, adminStateName(row.admin));
    case StateRole:
        return int(row.state);
    case AdminRole:
        return int(row.admin);
    case DriftRole:
        return row.drift;
    case ServerRole:
        return row.server;
    case HostRole:
        return row.host;
    case VipRole:
        return row.vip;
    case BackendRole:
        return row.backend;
    case UsableRole:
        return row.usable;
    case BackupRole:
        return row.backup;
    case SearchRole:
        return u"%1 %2 %3 %4"_s.arg(row.server, row.host, row.vip, row.backend);
    default:
        return {};
    }
}

QVariant ServerTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ServerColumn:
        return tr("Server");
    case StatusColumn:
        return tr("Status");
    case AdminColumn:
        return tr("Admin");
    case WeightColumn:
        return tr("Weight");
    case SessionsColumn:
        return tr("Sessions");
    case SessionRateColumn:
        return tr("Sess/s");
    case Http5xxColumn:
        return tr("5xx");
    case CheckColumn:
        return tr("Check");
    case LastChangeColumn:
        return tr("Last change");
    case HostColumn:
        return tr("Host");
    case VipColumn:
        return tr("VIP");
    case BackendColumn:
        return tr("Backend");
    case DriftColumn:
        return tr("Drift");
    default:
        return {};
    }
}

} // namespace vipdeck
