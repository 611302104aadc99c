#include "models/viphostmatrixmodel.h"

#include "models/healthstyle.h"

#include <QFont>

#include <utility>

using namespace Qt::StringLiterals;

namespace vipdeck {

VipHostMatrixModel::VipHostMatrixModel(QObject *parent)
    : DiffTableModel(parent)
{}

QString VipHostMatrixModel::cellText(Health health, Announcement announcement, bool stale,
                                     qint64 ageSecs, bool fromFabric)
{
    QString text = healthShortText(health);
    if (announcement == Announcement::Announced)
        text += u" \u25B2"_s; // ▲: the prefix is announced
    else if (announcement == Announcement::Withdrawn)
        text += u" \u25BD"_s; // ▽: withdrawn, said as such rather than by a missing mark
    else if (announcement == Announcement::Unknown)
        text += u" \u25B3?"_s; // △?: not read, never shown as withdrawn
    if (fromFabric && announcement != Announcement::Unknown)
        text += u'*';
    if (stale && ageSecs >= 0)
        text += u' ' + tr("%1s old").arg(ageSecs);
    return text;
}

QString VipHostMatrixModel::compactCellText(Announcement announcement, bool fromFabric)
{
    // Unknown is "?" beside the icon's own "?" badge (cellIcon()).
    QString text = announcement == Announcement::Announced   ? u"\u25B2"_s
                   : announcement == Announcement::Withdrawn ? u"\u25BD"_s
                                                             : u"?"_s;
    if (fromFabric && announcement != Announcement::Unknown)
        text += u'*';
    return text;
}

void VipHostMatrixModel::setCompact(bool compact)
{
    if (std::exchange(m_compact, compact) == compact || m_rows.isEmpty() || m_hosts.isEmpty())
        return;
    emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, int(m_hosts.size()) - 1),
                     {Qt::DisplayRole, Qt::FontRole});
    emit headerDataChanged(Qt::Horizontal, 0, int(m_hosts.size()) - 1);
}

void VipHostMatrixModel::applyUpdate(const FleetUpdate &update)
{
    const Inventory &inventory = update.snapshot.inventory();
    const FleetVerdicts &verdicts = *update.verdicts;

    QStringList hosts;
    for (const Host &host : inventory.hosts())
        hosts << host.name;
    if (hosts != m_hosts) {
        // A different fleet: nothing to diff against.
        beginResetModel();
        m_hosts = hosts;
        m_hostHeaders = QList<HostHeader>(hosts.size());
        m_rows.clear();
        endResetModel();
    }

    QList<HostHeader> headers(m_hosts.size());
    for (qsizetype c = 0; c < m_hosts.size(); ++c) {
        if (const auto it = verdicts.hosts.constFind(m_hosts[c]); it != verdicts.hosts.cend())
            headers[c] = {it->health, it->summary()};
    }
    if (headers != m_hostHeaders) {
        qsizetype first = 0;
        while (headers[first] == m_hostHeaders[first])
            ++first;
        qsizetype last = headers.size() - 1;
        while (headers[last] == m_hostHeaders[last])
            --last;
        m_hostHeaders = headers;
        emit headerDataChanged(Qt::Horizontal, int(first), int(last));
    }

    QList<Row> rows;
    rows.reserve(inventory.vips().size());
    for (const Vip &vip : inventory.vips()) {
        Row row;
        row.key = vip.name;
        row.group = vip.group;
        if (const auto it = verdicts.vips.constFind(vip.name); it != verdicts.vips.cend()) {
            row.health = it->health;
            row.summary = it->summary();
        }
        row.cells.resize(m_hosts.size());
        for (const Placement &placement : vip.placements) {
            const qsizetype c = m_hosts.indexOf(placement.host);
            if (c < 0)
                continue;
            Cell &cell = row.cells[c];
            cell.served = true;
            if (const Verdict *verdict = verdicts.placement(vip.name, placement.host)) {
                cell.health = verdict->health;
                cell.announcement = verdict->announcement;
                cell.announcementUnknownWhy = verdict->announcementUnknownWhy;
                cell.decidedBy = verdict->decidedBy();
                cell.stale = verdict->stale;
                cell.ageSecs = verdict->stale ? verdict->ageSecs : -1;
                for (const Reason &reason : verdict->reasons)
                    cell.reasons << reason.text;
            }
        }
        rows << std::move(row);
    }

    // A VIP's health lives in every cell's VipHealthRole: a changed VIP
    // verdict alone must still reach views sorting on it.
    QHash<QString, int> current;
    current.reserve(m_rows.size());
    for (qsizetype r = 0; r < m_rows.size(); ++r)
        current.insert(m_rows[r].key, int(r));
    for (Row &row : rows) {
        const int r = current.value(row.key, -1);
        if (r >= 0 && (m_rows[r].health != row.health || m_rows[r].summary != row.summary)) {
            m_rows[r].health = row.health;
            m_rows[r].summary = row.summary;
            emit headerDataChanged(Qt::Vertical, r, r);
            if (!m_hosts.isEmpty()) {
                emit dataChanged(index(r, 0), index(r, int(m_hosts.size()) - 1), {VipHealthRole});
                const QModelIndex verdict = index(r, verdictColumn());
                emit dataChanged(verdict, verdict);
            }
        }
    }
    applyRows(m_rows, std::move(rows), columnCount());

    // The observers: whether the fabric's view is complete.
    QStringList unread;
    QStringList details;
    for (const Host &observer : inventory.observers()) {
        const auto it = verdicts.observers.constFind(observer.name);
        if (it == verdicts.observers.cend() || it->health == Health::Healthy)
            continue;
        unread << observer.name;
        details << it->summary();
    }
    const qsizetype count = inventory.observers().size();
    const QString text = count == 0 ? QString()
                         : unread.isEmpty()
                             ? tr("observers: %1 of %n read", nullptr, int(count)).arg(count)
                             : tr("observers: %1 of %n read (%2 not)", nullptr, int(count))
                                   .arg(count - unread.size())
                                   .arg(unread.join(u", "_s));
    const QString detail = details.join(u'\n');
    if (text != m_observersText || detail != m_observersDetail) {
        m_observersText = text;
        m_observersDetail = detail;
        emit observersChanged();
    }
}

int VipHostMatrixModel::rowOfVip(const QString &vip) const
{
    for (qsizetype r = 0; r < m_rows.size(); ++r) {
        if (m_rows[r].key == vip)
            return int(r);
    }
    return -1;
}

int VipHostMatrixModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int VipHostMatrixModel::columnCount(const QModelIndex &parent) const
{
    // One column per host, then the VIP's own verdict.
    return parent.isValid() || m_hosts.isEmpty() ? 0 : int(m_hosts.size()) + 1;
}

QVariant VipHostMatrixModel::verdictData(const Row &row, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        // The word first, then why: an outage reads as one from across the room.
        return row.health == Health::Healthy
                   ? healthShortText(row.health)
                   : u"%1 — %2"_s.arg(healthShortText(row.health), row.summary);
    case Qt::DecorationRole:
        return healthIcon(row.health);
    case Qt::BackgroundRole:
        return healthTint(row.health);
    case Qt::ToolTipRole:
        return u"%1: %2\n%3"_s.arg(row.key, healthShortText(row.health), row.summary);
    case Qt::AccessibleTextRole:
        return tr("verdict of %1: %2").arg(row.key, healthShortText(row.health));
    case Qt::TextAlignmentRole:
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case HealthRole:
        return int(row.health);
    case ReasonsRole:
        return QStringList{row.summary};
    default:
        return {};
    }
}

QVariant VipHostMatrixModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &row = m_rows[index.row()];
    switch (role) {
    case VipRole:
        return row.key;
    case GroupRole:
        return row.group;
    case VipHealthRole:
        return int(row.health);
    default:
        break;
    }
    if (index.column() == verdictColumn()) {
        if (role == HostRole || role == ServedRole)
            return role == ServedRole ? QVariant(false) : QVariant();
        return verdictData(row, role);
    }
    const Cell &cell = row.cells[index.column()];
    switch (role) {
    case HostRole:
        return m_hosts[index.column()];
    case ServedRole:
        return cell.served;
    default:
        break;
    }
    if (!cell.served) {
        if (role == Qt::ToolTipRole)
            return tr("%1 is not served by %2").arg(row.key, m_hosts[index.column()]);
        return role == HealthRole ? QVariant(-1) : QVariant();
    }
    switch (role) {
    case Qt::DisplayRole:
        return m_compact ? compactCellText(cell.announcement, !cell.decidedBy.isEmpty())
                         : cellText(cell.health, cell.announcement, cell.stale, cell.ageSecs,
                                    !cell.decidedBy.isEmpty());
    case Qt::DecorationRole:
        return cellIcon(cell.health, cell.announcement);
    case Qt::BackgroundRole:
        // A healthy HAProxy behind a withdrawn or unknown announcement
        // carries no traffic that anyone can vouch for: never green.
        return cell.health == Health::Healthy && cell.announcement != Announcement::Announced
                   ? healthTint(Health::Unknown)
                   : healthTint(cell.health);
    case Qt::ToolTipRole: {
        QString tip = u"%1 on %2: %3\n%4"_s.arg(
            row.key, m_hosts[index.column()], healthShortText(cell.health),
            cell.announcement == Announcement::Announced ? tr("prefix announced over BGP")
            : cell.announcement == Announcement::Withdrawn
                ? tr("prefix NOT announced (withdrawn)")
                : tr("announcement unknown: %1").arg(cell.announcementUnknownWhy));
        if (!cell.decidedBy.isEmpty())
            tip += u'\n' + tr("* as %1 see(s) it: the host's BIRD could not be read")
                               .arg(cell.decidedBy.join(u", "_s));
        if (cell.stale)
            tip += u'\n' + tr("data is %1 s old (stale)").arg(cell.ageSecs);
        for (const QString &reason : cell.reasons)
            tip += u"\n• "_s + reason;
        return tip;
    }
    case Qt::AccessibleTextRole:
        return u"%1 %2"_s.arg(healthShortText(cell.health),
                              cell.announcement == Announcement::Announced ? tr("announced")
                              : cell.announcement == Announcement::Withdrawn
                                  ? tr("not announced")
                                  : tr("announcement unknown"));
    case Qt::TextAlignmentRole:
        return int(Qt::AlignCenter);
    case Qt::FontRole:
        if (m_compact && cell.stale) { // "…s old" has no room: stale data is in italics
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case HealthRole:
        return int(cell.health);
    case AnnouncedRole:
        return cell.announcement == Announcement::Announced;
    case AnnouncementRole:
        return int(cell.announcement);
    case StaleRole:
        return cell.stale;
    case AgeRole:
        return cell.ageSecs;
    case ReasonsRole:
        return cell.reasons;
    default:
        return {};
    }
}

QVariant VipHostMatrixModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    const bool horizontal = orientation == Qt::Horizontal;
    if (horizontal && section == verdictColumn() && !m_hosts.isEmpty()) {
        if (role == Qt::DisplayRole)
            return tr("VIP verdict");
        if (role == Qt::ToolTipRole)
            return tr("The VIP's own verdict over all its hosts, and its worst reason");
        return {};
    }
    if (section < 0 || section >= (horizontal ? m_hosts.size() : m_rows.size()))
        return {};
    const QString name = horizontal ? m_hosts[section] : m_rows[section].key;
    const Health health = horizontal ? m_hostHeaders[section].health : m_rows[section].health;
    const QString summary = horizontal ? m_hostHeaders[section].summary : m_rows[section].summary;
    switch (role) {
    case Qt::DisplayRole:
        return name;
    case Qt::DecorationRole:
        // Compact host columns are as narrow as their names: the host's
        // state is in the tooltip and the fleet dock.
        return horizontal && m_compact ? QVariant() : QVariant(healthIcon(health));
    case Qt::ToolTipRole:
        return u"%1: %2\n%3"_s.arg(name, healthShortText(health), summary);
    case HealthRole:
        return int(health);
    case VipRole:
        return horizontal ? QVariant() : QVariant(name);
    case HostRole:
        return horizontal ? QVariant(name) : QVariant();
    case GroupRole:
        return horizontal ? QVariant() : QVariant(m_rows[section].group);
    default:
        return {};
    }
}

} // namespace vipdeck
