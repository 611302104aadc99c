// ReconnectBackoff: doubling delays up to the maximum, transient failures
// retried by themselves, the ones that need a person failing fast until their
// delay passed, and a success or reconnectNow() starting over.

#include "core/ssh/reconnectbackoff.h"

#include <QtTest>

using namespace std::chrono_literals;
using namespace vipdeck;

class TestReconnectBackoff : public QObject
{
    Q_OBJECT

private slots:
    void delaysDoubleUpToTheMaximum()
    {
        ReconnectBackoff backoff(1s, 30s);
        QList<qint64> delays;
        for (int i = 0; i < 7; ++i)
            delays << backoff.failed(ErrorCode::ConnectFailed, 0).delay.count();
        QCOMPARE(delays, (QList<qint64>{1000, 2000, 4000, 8000, 16000, 30000, 30000}));
        QCOMPARE(backoff.failures(), 7);
        backoff.reset();
        QCOMPARE(backoff.failures(), 0);
        QCOMPARE(backoff.failed(ErrorCode::Timeout, 0).delay, 1000ms);
        backoff.setMax(1500ms);
        QCOMPARE(backoff.failed(ErrorCode::Timeout, 0).delay, 1500ms);
    }

    void transientRetriesByItself()
    {
        for (const ErrorCode code : {ErrorCode::ConnectFailed, ErrorCode::Timeout,
                                     ErrorCode::Disconnected, ErrorCode::Io, ErrorCode::Internal}) {
            ReconnectBackoff backoff(100ms, 1s);
            const ReconnectBackoff::Decision next = backoff.failed(code, 5000);
            QVERIFY(next.retryByItself);
            QVERIFY(backoff.mayTryAt(5000)); // calls may start an attempt at once
        }
    }

    void aPersonsProblemFailsFastUntilItsDelayPassed()
    {
        for (const ErrorCode code :
             {ErrorCode::HostKeyUnknown, ErrorCode::HostKeyChanged, ErrorCode::AuthFailed,
              ErrorCode::PassphraseNeeded, ErrorCode::KeyUnsupported, ErrorCode::Config,
              ErrorCode::Unsupported}) {
            ReconnectBackoff backoff(100ms, 1s);
            const ReconnectBackoff::Decision next = backoff.failed(code, 5000);
            QVERIFY(!next.retryByItself);
            QVERIFY(!backoff.mayTryAt(5099));
            QVERIFY(backoff.mayTryAt(5100));
            backoff.reset(); // the user fixed it and asked again
            QVERIFY(backoff.mayTryAt(5000));
        }
    }

    void tinyInitialDelaysAreRaised()
    {
        ReconnectBackoff backoff(0ms, 1s);
        QCOMPARE(backoff.failed(ErrorCode::ConnectFailed, 0).delay, 10ms);
    }
};

QTEST_GUILESS_MAIN(TestReconnectBackoff)
#include "tst_reconnectbackoff.moc"
