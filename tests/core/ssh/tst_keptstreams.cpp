// KeptStreams, the pool of a connection's idle kept channels, without a
// session: channels are stand-in pointers, "usable" is a set the test
// controls, and what the pool releases is recorded.

#include "core/ssh/keptstreams.h"

#include <QHash>
#include <QMap>
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

    void ageLimitsAreSpreadOverTheSecondHalf()
    {
        // 150 streams opened one after the other (a host's VIPs when polling
        // starts): their limits lie in [10 s, 20 s] and fill each second of
        // that range about equally.
        QMap<qint64, int> perSecond;
        for (quint64 sequence = 0; sequence < 150; ++sequence) {
            const qint64 limit = streamAgeLimit(20s, sequence).count();
            QVERIFY2(limit >= 10000 && limit <= 20000, qPrintable(QString::number(limit)));
            ++perSecond[limit / 1000];
        }
        QCOMPARE(perSecond.size(), 10);
        for (auto it = perSecond.cbegin(); it != perSecond.cend(); ++it)
            QVERIFY2(it.value() >= 13 && it.value() <= 17,
                     qPrintable(u"%1 limits in second %2"_s.arg(it.value()).arg(it.key())));
    }

    void reopensAreSpreadOverRounds()
    {
        // 150 streams polled once a second for five minutes at the default
        // age: after the first round, no round opens more than a ninth of
        // them (with one limit for all, all 150 reopened in one round every
        // 20 s), and no channel is ever lent older than maxAge.
        const std::chrono::milliseconds maxAge = defaultMaxStreamAge;
        KeptStreams streams = pool(256, maxAge);
        QStringList paths;
        for (int i = 0; i < 150; ++i)
            paths << u"/run/vip%1.sock"_s.arg(i);
        QHash<QString, qint64> openedAt;
        quintptr next = 1;
        int mostInARound = 0;
        for (int round = 0; round < 300; ++round) {
            const qint64 now = round * 1000;
            int opened = 0;
            for (const QString &path : std::as_const(paths)) {
                KeptStreams::Channel c = streams.lend(path, now);
                if (!c) {
                    streams.opened(path, now);
                    openedAt[path] = now;
                    c = channel(next++);
                    ++opened;
                }
                QVERIFY2(now - openedAt.value(path) <= maxAge.count(), qPrintable(path));
                streams.takeBack(path, c, now + 5);
            }
            if (round == 0)
                QCOMPARE(opened, 150);
            else
                mostInARound = std::max(mostInARound, opened);
        }
        QVERIFY2(mostInARound <= 150 / 9, qPrintable(QString::number(mostInARound)));
        QVERIFY(mostInARound > 0); // they are reopened at all
    }
};

QTEST_GUILESS_MAIN(TestKeptStreams)
#include "tst_keptstreams.moc"
