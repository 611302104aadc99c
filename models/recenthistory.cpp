#include "models/recenthistory.h"

#include "core/fleet/snapshotstore.h"
#include "models/eventlogmodel.h"
#include "models/timeseriesstore.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborStreamWriter>
#include <QCborValue>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>
#include <QtEndian>

#include <bit>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vipdeck::RecentHistory)
};

constexpr FleetEvent::Kind LastKind = FleetEvent::Kind::HostReachable;

QCborMap encodeEvent(const FleetEvent &e)
{
    return QCborMap{{u"time"_s, e.time.toMSecsSinceEpoch()},
                    {u"kind"_s, int(e.kind)},
                    {u"severity"_s, int(e.severity)},
                    {u"host"_s, e.host},
                    {u"vip"_s, e.vip},
                    {u"backend"_s, e.backend},
                    {u"server"_s, e.server},
                    {u"protocol"_s, e.protocol},
                    {u"before"_s, e.before},
                    {u"after"_s, e.after},
                    {u"text"_s, e.text}};
}

std::optional<FleetEvent> decodeEvent(const QCborMap &m)
{
    const qint64 kind = m.value(u"kind"_s).toInteger(-1);
    const qint64 severity = m.value(u"severity"_s).toInteger(-1);
    if (kind < 0 || kind > int(LastKind) || severity < 0 ||
        severity > int(FleetEvent::Severity::Problem) || !m.value(u"time"_s).isInteger())
        return std::nullopt;
    FleetEvent e;
    e.time = QDateTime::fromMSecsSinceEpoch(m.value(u"time"_s).toInteger(), Qt::UTC);
    e.kind = FleetEvent::Kind(kind);
    e.severity = FleetEvent::Severity(severity);
    e.host = m.value(u"host"_s).toString();
    e.vip = m.value(u"vip"_s).toString();
    e.backend = m.value(u"backend"_s).toString();
    e.server = m.value(u"server"_s).toString();
    e.protocol = m.value(u"protocol"_s).toString();
    e.before = m.value(u"before"_s).toString();
    e.after = m.value(u"after"_s).toString();
    e.text = m.value(u"text"_s).toString();
    return e;
}

// A chart point as 32 bytes: time (ms), sessions and request rate as
// little-endian 64-bit integers, 5xx per second as a little-endian double.
constexpr qsizetype PackedPointSize = 32;

void packPoint(const TimeSeriesStore::Point &p, QByteArray &out)
{
    char bytes[PackedPointSize];
    qToLittleEndian<qint64>(p.msecs, bytes);
    qToLittleEndian<qint64>(p.sessions, bytes + 8);
    qToLittleEndian<qint64>(p.requestRate, bytes + 16);
    qToLittleEndian<quint64>(std::bit_cast<quint64>(p.http5xxPerSec), bytes + 24);
    out.append(bytes, PackedPointSize);
}

TimeSeriesStore::Point unpackPoint(const char *bytes)
{
    TimeSeriesStore::Point p;
    p.msecs = qFromLittleEndian<qint64>(bytes);
    p.sessions = qFromLittleEndian<qint64>(bytes + 8);
    p.requestRate = qFromLittleEndian<qint64>(bytes + 16);
    p.http5xxPerSec = std::bit_cast<double>(qFromLittleEndian<quint64>(bytes + 24));
    return p;
}

Error damaged(const QString &path)
{
    return Error(ErrorCode::Parse, Tr::tr("The recent history file is damaged."), path,
                 Tr::tr("It is rebuilt as the console runs; delete it to silence this."));
}

} // namespace

RecentHistory::RecentHistory(QString directory, std::chrono::seconds window, const Clock &clock)
    : m_directory(std::move(directory))
    , m_window(window)
    , m_clock(clock)
{}

QString RecentHistory::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + u"/recent"_s;
}

QString RecentHistory::fileFor(const QString &fleetFile) const
{
    // The same naming as the last known state's, in a directory of its own.
    return SnapshotStore(m_directory).fileFor(fleetFile);
}

Result<void> RecentHistory::save(const QString &fleetFile, const EventLogModel &events,
                                 const TimeSeriesStore &series) const
{
    const qint64 oldest = m_clock.now().toMSecsSinceEpoch() - qint64(m_window.count()) * 1000;
    const QString path = fileFor(fleetFile);
    if (!QDir().mkpath(m_directory))
        return Error(ErrorCode::Io, Tr::tr("Cannot create the directory for the recent history."),
                     m_directory, Tr::tr("Check the permissions of the cache directory."));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error(ErrorCode::Io,
                     Tr::tr("Cannot write the recent history: %1").arg(file.errorString()), path);
    QCborStreamWriter out(&file);
    out.startMap(5);
    out.append(u"format"_s);
    out.append(FormatVersion);
    out.append(u"fleet"_s);
    out.append(fleetFile);
    out.append(u"saved"_s);
    out.append(m_clock.now().toMSecsSinceEpoch());
    out.append(u"events"_s);
    out.startArray(); // oldest first, as addEvents() takes them
    for (int row = events.rowCount() - 1; row >= 0; --row) {
        const FleetEvent &event = events.event(row);
        if (event.time.toMSecsSinceEpoch() >= oldest)
            encodeEvent(event).toCborValue().toCbor(out);
    }
    out.endArray();
    out.append(u"series"_s);
    out.startMap();
    QByteArray packed;
    for (const QString &vip : series.vips()) {
        packed.clear();
        for (const TimeSeriesStore::Point &p : series.series(vip)) {
            if (p.msecs >= oldest)
                packPoint(p, packed);
        }
        if (packed.isEmpty())
            continue;
        out.append(vip);
        out.append(packed);
    }
    out.endMap();
    out.endMap();
    if (!file.commit())
        return Error(ErrorCode::Io,
                     Tr::tr("Cannot write the recent history: %1").arg(file.errorString()), path,
                     Tr::tr("Check the free space and permissions of the cache directory."));
    return {};
}

Result<int> RecentHistory::restore(const QString &fleetFile, EventLogModel &events,
                                   TimeSeriesStore &series) const
{
    const QString path = fileFor(fleetFile);
    QFile file(path);
    if (!file.exists())
        return 0;
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::Io,
                     Tr::tr("Cannot read the recent history: %1").arg(file.errorString()), path);
    QCborParserError parseError;
    const QCborValue value = QCborValue::fromCbor(file.readAll(), &parseError);
    const QCborMap root = value.toMap();
    if (parseError.error != QCborError::NoError || !value.isMap())
        return damaged(path);
    if (root.value(u"format"_s).toInteger() != FormatVersion)
        return Error(ErrorCode::Unsupported,
                     Tr::tr("The recent history was written by another version of vipdeck."), path,
                     Tr::tr("It is rebuilt as the console runs."));
    const qint64 oldest = m_clock.now().toMSecsSinceEpoch() - qint64(m_window.count()) * 1000;
    QList<FleetEvent> restored;
    for (const QCborValue &v : root.value(u"events"_s).toArray()) {
        const std::optional<FleetEvent> event = decodeEvent(v.toMap());
        if (!event)
            return damaged(path);
        if (event->time.toMSecsSinceEpoch() >= oldest)
            restored << *event;
    }
    const QCborMap seriesMap = root.value(u"series"_s).toMap();
    QHash<QString, std::deque<TimeSeriesStore::Point>> points;
    for (auto it = seriesMap.cbegin(); it != seriesMap.cend(); ++it) {
        const QByteArray packed = it.value().toByteArray();
        if (!it.value().isByteArray() || packed.size() % PackedPointSize != 0)
            return damaged(path);
        std::deque<TimeSeriesStore::Point> &list = points[it.key().toString()];
        for (qsizetype at = 0; at < packed.size(); at += PackedPointSize) {
            const TimeSeriesStore::Point p = unpackPoint(packed.constData() + at);
            if (p.msecs >= oldest)
                list.push_back(p);
        }
    }
    events.addEvents(restored);
    for (auto it = points.begin(); it != points.end(); ++it)
        series.restore(it.key(), std::move(it.value()));
    return int(restored.size());
}

} // namespace vipdeck
