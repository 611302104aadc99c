#pragma once

// KeptStreams: the pool of one connection's kept streams (Transport's
// streamRequest): at most one idle open channel per socket path, parked
// between requests.  It decides which idle channel a queued request may
// borrow (not older than its age limit, which streamAgeLimit() spreads
// between maxAge / 2 and maxAge, not closed by the peer, holding no bytes
// nobody asked for), takes channels back after their reply, evicts the least
// recently used beyond maxKept, and keeps the counters the transport shows.
// It never calls libssh2 to free anything: channels to close go to
// `release` (SshConnection turns them into release ops its pump steps), and
// whether a channel is still usable is asked through `usable`, so the pool's
// rules are unit-tested without a session (tests/core/ssh/tst_keptstreams.cpp).
//
// Lives on the connection's thread, like everything of a session.

#include "core/ssh/transport.h"

#include <QSet>
#include <QString>

#include <chrono>
#include <functional>
#include <libssh2.h>
#include <map>

namespace vipdeck {

class KeptStreams
{
public:
    using Channel = LIBSSH2_CHANNEL *;
    using Release = std::function<void(const QString &socketPath, Channel channel)>;
    using Usable = std::function<bool(Channel channel)>;

    KeptStreams(int maxKept, std::chrono::milliseconds maxAge, Release release, Usable usable);

    // The idle channel a queued request on `socketPath` may use, or null
    // (then it opens a fresh one).  An idle channel too old or no longer
    // usable is released instead.
    Channel lend(const QString &socketPath, qint64 nowMs);
    // A request is done with its stream's open channel: parked again, or
    // released (close() was called meanwhile, or another is parked already).
    void takeBack(const QString &socketPath, Channel channel, qint64 nowMs);
    // closeStream(): an idle channel is released now (true); a busy stream
    // (`busy`) is released when its channel comes back.
    bool close(const QString &socketPath, bool busy);
    // Releases idle channels `closed` says the peer has closed.
    void releaseClosed(const Usable &closed);
    // A request opened a fresh channel for its stream, or found its borrowed
    // one closed and opens another.
    void opened(const QString &socketPath, qint64 nowMs);
    void reopened() { ++m_counters.reopened; }
    // The session ended: every channel went with it.
    void clear();

    int idle() const { return int(m_idle.size()); }
    // The counters, with `busy` streams whose channel a request holds now.
    StreamCounters counters(int busy) const;

private:
    struct Idle
    {
        Channel channel = nullptr;
        qint64 lastUsed = 0; // monotonic ms, for evicting the least recently used
        qint64 openedAt = 0; // monotonic ms, for the age limit
        qint64 ageLimit = 0; // ms, this channel's streamAgeLimit()
    };
    struct Opened
    {
        qint64 at = 0;
        qint64 ageLimit = 0;
    };

    const int m_maxKept;
    const std::chrono::milliseconds m_maxAge;
    const Release m_release;
    const Usable m_usable;
    std::map<QString, Opened> m_opened; // each stream's current channel: when opened, its limit
    std::map<QString, Idle> m_idle;     // open, idle kept channels by socket path
    QSet<QString> m_closeOnReturn;      // close() while the stream was busy
    StreamCounters m_counters;
};

} // namespace vipdeck
