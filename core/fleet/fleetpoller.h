#pragma once

// FleetPoller: reads every host of the fleet concurrently, at the inventory's
// poll interval: each VIP's HAProxy (show info, show stat, show servers state
// on one connection per VIP) and the host's BIRD (status, protocols, exports,
// BFD), all over the host's one Transport.  A host whose previous round is
// still running is skipped, so a slow or dead host never delays the others or
// piles up requests.  After each host's round the poller builds the next
// snapshot (keeping older data, with its age, where a read failed), derives
// events and verdicts off the caller's thread, and emits updated().
//
// Thread-safe: snapshot() and transport() may be called from any thread;
// updated() is emitted from a worker thread (queued to receivers elsewhere).

#include "core/common/clock.h"
#include "core/fleet/fleetupdate.h"
#include "core/fleet/servicepath.h"
#include "core/fleet/transportfactory.h"

#include <QFuture>
#include <QHash>
#include <QMutex>
#include <QObject>
#include <QSet>
#include <QThreadPool>
#include <QTimer>

#include <map>
#include <memory>

namespace vipdeck {

class FleetPoller : public QObject
{
    Q_OBJECT
public:
    FleetPoller(Inventory inventory, TransportFactory factory, QObject *parent = nullptr,
                const Clock &clock = Clock::system());
    ~FleetPoller() override;

    const Inventory &inventory() const { return m_inventory; }

    // Polls now and then at the inventory's interval.
    void start();
    void stop();
    bool isRunning() const { return m_timer.isActive(); }

    // One round of every host (hosts already in a round finish theirs); the
    // future resolves with the update after the last host is done.
    QFuture<FleetUpdate> pollOnce();

    // The latest snapshot and verdicts.
    FleetUpdate latest() const;

    // The transport of `host` (nullptr if unknown), shared with operations.
    Transport *transport(const QString &host) const;

signals:
    void updated(const vipdeck::FleetUpdate &update);
    void transportStatusChanged(const QString &host, const vipdeck::TransportStatus &status);

private:
    struct HostRound;
    void startRound(const QStringList &hosts);
    void pollHost(const Host &host);
    void readServicePathsOf(Transport *transport, HostRound &round);
    void merge(const HostRound &round);

    const Inventory m_inventory;
    const Clock &m_clock;
    std::map<QString, std::unique_ptr<Transport>> m_transports;
    QThreadPool m_pool; // one thread per host round in flight
    QTimer m_timer;

    mutable QMutex m_mutex; // guards everything below
    FleetUpdate m_latest;
    QSet<QString> m_inFlight;
    QList<Vip> m_discovered;
    struct Waiter
    {
        QSet<QString> pending;
        std::shared_ptr<QPromise<FleetUpdate>> promise;
    };
    QList<Waiter> m_waiters;
    // Service paths by Snapshot::key(vip, host), read once per HAProxy worker.
    struct CachedPath
    {
        qint64 pid = 0;
        QString configPath;
        QDateTime readAt;
        ServicePath path;
    };
    QHash<QString, CachedPath> m_paths;
};

} // namespace vipdeck
