// KeptStreams, the pool of a connection's idle kept channels, without a
// session: channels are stand-in pointers, "usable" is a set the test
// controls, and what the pool releases is recorded.

#include "core/ssh/keptstreams.h"

#include <QSet>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace vipdeck;

namespace {

KeptStreams::Channel channel(quintptr n)
{
    return reinterpret_cast<KeptStreams::Channel>(n);
}

} // namespace

class TestKeptStreams : public QObject
{
    Q_OBJECT

private:
    QList<QPair<QString, KeptStreams::Channel>> m_released;
    QSet<KeptStreams::Channel> m_unusable;

    KeptStreams pool(int maxKept = 8, std::chrono::milliseconds maxAge = 60s)
    {
        m_released.clear();
        m_unusable.clear();
        return KeptStreams(
            maxKept, maxAge,
            [this](const QString &path, KeptStreams::Channel c) {
                m_released.append({path, c});
            },
            [this](KeptStreams::Channel c) { return !m_unusable.contains(c); });
    }

private slots:
    void lendsWhatWasTakenBack()
    {
        KeptStreams streams = pool();
        QCOMPARE(streams.lend(u"/a.sock"_s, 0), nullptr); // nothing parked: open one
        streams.opened(u"/a.sock"_s, 0);
        streams.takeBack(u"/a.sock"_s, channel(1), 10);
        QCOMPARE(streams.idle(), 1);
        QCOMPARE(streams.lend(u"/b.sock"_s, 20), nullptr); // another stream's channel: never
        QCOMPARE(streams.lend(u"/a.sock"_s, 20), channel(1));
        QCOMPARE(streams.idle(), 0);
        const StreamCounters counters = streams.counters(1);
        QCOMPARE(counters.opened, 1u);
        QCOMPARE(counters.reused, 1u);
        QCOMPARE(counters.reopened, 0u);
        QCOMPARE(counters.open, 1);
        QVERIFY(m_released.isEmpty());
    }

    void tooOldIsReleasedNotLent()
    {
        KeptStreams streams = pool(8, 1000ms);
        streams.opened(u"/a.sock"_s, 0);
        streams.takeBack(u"/a.sock"_s, channel(1), 900);
        QCOMPARE(streams.lend(u"/a.sock"_s, 1001), nullptr); // opened 1001 ms ago
        QCOMPARE(m_released.size(), 1);
        QCOMPARE(m_released.at(0).second, channel(1));
        QCOMPARE(streams.counters(0).reused, 0u);
    }

    void unusableIsReleasedAndCountedReopened()
    {
        KeptStreams streams = pool();
        streams.opened(u"/a.sock"_s, 0);
        streams.takeBack(u"/a.sock"_s, channel(1), 0);
        m_unusable.insert(channel(1)); // the peer closed it, or it holds stray bytes
        QCOMPARE(streams.lend(u"/a.sock"_s, 5), nullptr);
        QCOMPARE(m_released.size(), 1);
        QCOMPARE(streams.counters(0).reopened, 1u);
    }

    void leastRecentlyUsedIsEvicted()
    {
        KeptStreams streams = pool(2);
        for (int i = 1; i <= 3; ++i)
            streams.opened(u"/%1.sock"_s.arg(i), 0);
        streams.takeBack(u"/1.sock"_s, channel(1), 30);
        streams.takeBack(u"/2.sock"_s, channel(2), 10); // used longest ago
        streams.takeBack(u"/3.sock"_s, channel(3), 20);
        QCOMPARE(streams.idle(), 2);
        QCOMPARE(m_released.size(), 1);
        QCOMPARE(m_released.at(0).first, u"/2.sock"_s);
        QCOMPARE(m_released.at(0).second, channel(2));
    }

    void closeReleasesIdleNowAndBusyOnReturn()
    {
        KeptStreams streams = pool();
        streams.takeBack(u"/idle.sock"_s, channel(1), 0);
        QVERIFY(streams.close(u"/idle.sock"_s, false));
        QCOMPARE(m_released.size(), 1);
        QVERIFY(!streams.close(u"/busy.sock"_s, true)); // a request holds its channel
        streams.takeBack(u"/busy.sock"_s, channel(2), 5);
        QCOMPARE(m_released.size(), 2);
        QCOMPARE(m_released.at(1).second, channel(2));
        QCOMPARE(streams.idle(), 0);
        // Closing a stream nobody uses changes nothing.
        QVERIFY(!streams.close(u"/none.sock"_s, false));
        streams.takeBack(u"/none.sock"_s, channel(3), 6);
        QCOMPARE(streams.idle(), 1);
    }

    void secondChannelOfAStreamIsReleased()
    {
        KeptStreams streams = pool();
        streams.takeBack(u"/a.sock"_s, channel(1), 0);
        streams.takeBack(u"/a.sock"_s, channel(2), 1); // one parked per stream
        QCOMPARE(streams.idle(), 1);
        QCOMPARE(m_released.size(), 1);
        QCOMPARE(m_released.at(0).second, channel(2));
    }

    void closedByThePeerAndClear()
    {
        KeptStreams streams = pool();
        streams.takeBack(u"/a.sock"_s, channel(1), 0);
        streams.takeBack(u"/b.sock"_s, channel(2), 0);
        streams.releaseClosed([](KeptStreams::Channel c) { return c == channel(2); });
        QCOMPARE(m_released.size(), 1);
        QCOMPARE(m_released.at(0).first, u"/b.sock"_s);
        QCOMPARE(streams.idle(), 1);
        streams.clear(); // the session took them: nothing to release
        QCOMPARE(streams.idle(), 0);
        QCOMPARE(m_released.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestKeptStreams)
#include "tst_keptstreams.moc"
