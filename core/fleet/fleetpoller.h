#pragma once

// FleetPoller: reads every host of the fleet concurrently, at the inventory's
// poll interval: each VIP's HAProxy (show info, show stat, show servers state
// on one connection per VIP) and the host's BIRD (status, protocols, exports,
// BFD), all over the host's one Transport.  Observers (fleet.yaml
// `observers:`, route reflectors or routers) are read like hosts, each over
// its own Transport: which paths their BIRD holds for every VIP prefix.
//
// Every read is judged on its own: each VIP's HAProxy and each host's BIRD is
// a unit with its own deadline (the host's command timeout) that is merged
// into the snapshot as soon as it answers.  A unit still running when the
// next round comes is skipped in that round, so a hung daemon neither delays
// nor piles up the reads of anything else: a frozen BIRD leaves its host's
// HAProxy data fresh and makes only its BGP state unknown.  Merges are
// serialised on one thread; each builds the next snapshot (keeping older data,
// with its age, where a read failed), derives events and verdicts off the
// caller's thread, and emits updated().
//
// Thread-safe: snapshot() and transport() may be called from any thread;
// updated() is emitted on the poller's own thread (the merge thread posts it
// there), so receivers and QSignalSpy never run on a worker thread.

#include "core/common/clock.h"
#include "core/fleet/fleetupdate.h"
#include "core/fleet/servicepath.h"
#include "core/fleet/transportfactory.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QHash>
#include <QMutex>
#include <QObject>
#include <QSet>
#include <QThreadPool>
#include <QTimer>
#include <QWaitCondition>

#include <map>
#include <memory>
#include <vector>

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

    // One round of every host (reads already running finish theirs); the
    // future resolves with the update after the last host's round is done.
    // Its verdicts count what this round read as fresh, however long the
    // slowest read took: a one-shot caller (the CLI) shows every host as of
    // this round, and a hung daemon on one host never ages another's data.
    QFuture<FleetUpdate> pollOnce();

    // The latest snapshot and verdicts.
    FleetUpdate latest() const;

    // Hosts whose connection failed connect again at once, without waiting
    // for their backoff (Poll Now in the console).
    void reconnectUnreachable();

    // The transport of `host` (nullptr if unknown), shared with operations.
    Transport *transport(const QString &host) const;

signals:
    void updated(const vipdeck::FleetUpdate &update);
    void transportStatusChanged(const QString &host, const vipdeck::TransportStatus &status);

private:
    enum class ArrivalKind { RoundStarted, Bird, Haproxy, Observer };
    struct Arrival;
    void startRound(const QStringList &hosts);
    void startHost(const Host &host);
    void startObserver(const Host &observer);
    QStringList everyName() const; // hosts, then observers
    Arrival answered(ArrivalKind kind, quint64 round, const QString &host, const QString &unit,
                     const Transport *transport) const;
    void arrive(Arrival arrival);
    void mergeArrived();
    void readPaths(std::vector<Arrival> arrivals);
    bool pathIsCurrent(Arrival &arrival) const; // with m_mutex held
    void apply(Snapshot::Data &data, const Arrival &arrival);

    const Inventory m_inventory;
    const Clock &m_clock;
    std::map<QString, std::unique_ptr<Transport>> m_transports;
    QThreadPool m_pool;      // round starts (discovery) and configuration reads
    QThreadPool m_mergePool; // one thread: merges run one after the other
    QTimer m_timer;

    mutable QMutex m_mutex;       // guards everything below
    QWaitCondition m_idle;        // signalled when nothing is in flight any more
    QWaitCondition m_answered;    // signalled on every answer
    QElapsedTimer m_batchStarted; // when the first of m_arrived came
    FleetUpdate m_latest;
    // Units running now: "start:HOST", "bird:HOST", "haproxy:" + Snapshot::key,
    // "observer:NAME" (and "start:NAME" for an observer's round).
    QSet<QString> m_inFlight;
    std::vector<Arrival> m_arrived; // answered, not merged yet
    bool m_mergeScheduled = false;
    // Rounds by id: how many of their units are not merged yet.
    struct Round
    {
        QString host;
        int pending = 0;
    };
    QHash<quint64, Round> m_rounds;
    quint64 m_nextRound = 1;
    QList<Vip> m_discovered;
    struct Waiter
    {
        QSet<QString> pending;
        QDateTime started;
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
