// AttentionNotifier over the synthetic fleet: one notification per
// transition into or out of critical, none for the state the console opened
// on, grouped and rate-limited, flaps dropped, muted VIPs silent.

#include "models/attentionnotifier.h"
#include "tests/models/fleetupdates.h"
#include "tests/support/fixedclock.h"
#include "tests/support/syntheticfleet.h"

#include <QSignalSpy>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vipdeck;
using vipdeck::test::healthyFleet;
using vipdeck::test::makeUpdate;

namespace {

// web withdrawn on both its hosts: an outage, critical.
Snapshot::Data webOutage()
{
    Snapshot::Data data = healthyFleet();
    for (const QString &host : {u"lb1"_s, u"lb2"_s}) {
        for (BgpSessionObservation &bgp : data.hosts[host].bgpSessions)
            bgp.exportedPrefixes.clear();
    }
    return data;
}

// lb3 without an Established BGP session: the host is critical.
Snapshot::Data lb3Down(Snapshot::Data data)
{
    for (BgpSessionObservation &bgp : data.hosts[u"lb3"_s].bgpSessions)
        bgp.state = BgpState::Active;
    return data;
}

AttentionNotification only(const QSignalSpy &spy)
{
    return spy.isEmpty() ? AttentionNotification()
                         : spy.last().at(0).value<AttentionNotification>();
}

} // namespace

class TestAttentionNotifier : public QObject
{
    Q_OBJECT

    test::FixedClock m_clock;

    // `ms` later, the poller's next update shows `data`.
    void step(AttentionNotifier &notifier, qint64 ms, Snapshot::Data data)
    {
        m_clock.advance(ms);
        notifier.applyUpdate(makeUpdate(std::move(data)));
    }

private slots:
    void initTestCase() { qRegisterMetaType<AttentionNotification>(); }

    void oncePerTransitionNotForTheStartingState()
    {
        AttentionNotifier notifier(m_clock);
        QSignalSpy spy(&notifier, &AttentionNotifier::notificationReady);
        // Opened while web is already down: on the screen, not news.
        notifier.applyUpdate(makeUpdate(webOutage()));
        QCOMPARE(spy.size(), 0);
        step(notifier, 60'000, healthyFleet());
        QCOMPARE(spy.size(), 1);
        QCOMPARE(only(spy).title, u"web no longer critical"_s);
        QCOMPARE(only(spy).health, Health::Healthy);
        QCOMPARE(only(spy).body, u"web is no longer critical: healthy"_s);

        step(notifier, 60'000, webOutage());
        QCOMPARE(spy.size(), 2);
        QCOMPARE(only(spy).title, u"web became critical"_s);
        QCOMPARE(only(spy).health, Health::Critical);
        QCOMPARE(only(spy).subjects, QStringList{u"vip:web"_s});
        QVERIFY2(only(spy).body.startsWith(u"web is critical: web is withdrawn on every host"_s),
                 qPrintable(only(spy).body));
        // The same state again, and again: nothing new.
        for (int i = 0; i < 3; ++i) {
            step(notifier, 60'000, webOutage());
        }
        QCOMPARE(spy.size(), 2);
    }

    void hostsToo()
    {
        AttentionNotifier notifier(m_clock);
        QSignalSpy spy(&notifier, &AttentionNotifier::notificationReady);
        notifier.applyUpdate(makeUpdate(healthyFleet()));
        step(notifier, 60'000, lb3Down(healthyFleet()));
        QCOMPARE(spy.size(), 1);
        QVERIFY(only(spy).subjects.contains(u"host:lb3"_s));
        QVERIFY2(only(spy).title.contains(u"lb3"_s), qPrintable(only(spy).title));
    }

    void criticalToUnknownIsNotShownAsHealthy()
    {
        AttentionNotifier notifier(m_clock);
        QSignalSpy spy(&notifier, &AttentionNotifier::notificationReady);
        notifier.applyUpdate(makeUpdate(lb3Down(healthyFleet())));
        // lb3 (critical) becomes unreachable: no longer critical, but unknown.
        Snapshot::Data unreachable = healthyFleet();
        unreachable.hosts[u"lb3"_s].reachable = false;
        unreachable.hosts[u"lb3"_s].error =
            Error(ErrorCode::ConnectFailed, u"connection refused"_s, u"lb3"_s);
        step(notifier, 60'000, unreachable);
        QCOMPARE(spy.size(), 1);
        QVERIFY(only(spy).subjects.contains(u"host:lb3"_s));
        QCOMPARE(only(spy).health, Health::Unknown);
        QVERIFY2(only(spy).body.contains(u"lb3 is no longer critical: unknown"_s),
                 qPrintable(only(spy).body));
    }

    void rateLimitedAndGrouped()
    {
        AttentionNotifier notifier(m_clock);
        notifier.setMinInterval(30'000);
        notifier.setMaxNamed(1);
        QSignalSpy spy(&notifier, &AttentionNotifier::notificationReady);
        notifier.applyUpdate(makeUpdate(healthyFleet()));
        step(notifier, 60'000, webOutage());
        QCOMPARE(spy.size(), 1);
        // 5 s later lb3 goes down too: it waits for the interval...
        step(notifier, 5'000, lb3Down(webOutage()));
        QCOMPARE(spy.size(), 1);
        // ...and goes out with the first update after it, with what else changed.
        step(notifier, 30'000, lb3Down(healthyFleet()));
        QCOMPARE(spy.size(), 2);
        const AttentionNotification grouped = only(spy);
        // web recovered; lb3 (and tenant, whose primary it is) became critical.
        QCOMPARE(grouped.subjects, (QStringList{u"vip:tenant"_s, u"host:lb3"_s, u"vip:web"_s}));
        QCOMPARE(grouped.health, Health::Critical); // one of them became critical
        QVERIFY2(grouped.title.contains(u"became critical"_s) &&
                     grouped.title.contains(u"no longer critical"_s),
                 qPrintable(grouped.title));
        QCOMPARE(grouped.body.count(u'\n'), 1); // one named, then "and 2 more"
        QVERIFY2(grouped.body.endsWith(u"and 2 more"_s), qPrintable(grouped.body));
    }

    void aFlapIsNotNews()
    {
        AttentionNotifier notifier(m_clock);
        notifier.setMinInterval(30'000);
        QSignalSpy spy(&notifier, &AttentionNotifier::notificationReady);
        notifier.applyUpdate(makeUpdate(healthyFleet()));
        step(notifier, 60'000, webOutage());
        QCOMPARE(spy.size(), 1);
        // Back and down again within the interval: still critical, as announced.
        step(notifier, 2'000, healthyFleet());
        step(notifier, 2'000, webOutage());
        step(notifier, 60'000, webOutage());
        QCOMPARE(spy.size(), 1);
    }

    void mutedUntilItExpires()
    {
        AttentionNotifier notifier(m_clock);
        QSignalSpy spy(&notifier, &AttentionNotifier::notificationReady);
        notifier.applyUpdate(makeUpdate(healthyFleet()));
        notifier.setMuted(u"web"_s, m_clock.now().addSecs(3600));
        QVERIFY(notifier.isMuted(u"web"_s));
        step(notifier, 60'000, webOutage());
        QCOMPARE(spy.size(), 0);
        // After the expiry: the outage that began while muted is not announced late...
        m_clock.advance(3600'000);
        QVERIFY(!notifier.isMuted(u"web"_s));
        notifier.applyUpdate(makeUpdate(webOutage()));
        QCOMPARE(spy.size(), 0);
        // ...but the next transition is.
        step(notifier, 60'000, healthyFleet());
        QCOMPARE(spy.size(), 1);
        QCOMPARE(only(spy).subjects, QStringList{u"vip:web"_s});
    }

    void disabledSaysNothing()
    {
        AttentionNotifier notifier(m_clock);
        notifier.setEnabled(false);
        QSignalSpy spy(&notifier, &AttentionNotifier::notificationReady);
        notifier.applyUpdate(makeUpdate(healthyFleet()));
        step(notifier, 60'000, webOutage());
        QCOMPARE(spy.size(), 0);
    }
};

QTEST_MAIN(TestAttentionNotifier)
#include "tst_attentionnotifier.moc"
