// PassphraseCache with a fake keychain and a fake user: asked once per key
// for any number of hosts and threads, a cancel is remembered, a wrong stored
// passphrase is deleted and asked again, a keychain that cannot answer falls
// back to asking, and only passphrases that worked are remembered.

#include "core/fleet/passphrasecache.h"

#include <QSemaphore>
#include <QThread>
#include <QtTest>

#include <atomic>
#include <thread>

using namespace Qt::StringLiterals;
using namespace vipdeck;

namespace {

class FakeKeychain final : public Keychain
{
public:
    Result<std::optional<QString>> read(const QString &key) override
    {
        QMutexLocker lock(&mutex);
        ++reads;
        if (failing)
            return Error(ErrorCode::Unsupported, u"no Secret Service"_s, u"keychain"_s);
        if (!entries.contains(key))
            return std::optional<QString>();
        return std::optional<QString>(entries.value(key));
    }
    Result<void> write(const QString &key, const QString &secret) override
    {
        QMutexLocker lock(&mutex);
        ++writes;
        entries.insert(key, secret);
        return {};
    }
    Result<void> remove(const QString &key) override
    {
        QMutexLocker lock(&mutex);
        entries.remove(key);
        return {};
    }

    QMutex mutex;
    QHash<QString, QString> entries;
    bool failing = false;
    int reads = 0;
    int writes = 0;
};

// Answers from a script; optionally holds every question until released.
class FakeUser final : public PassphrasePrompter
{
public:
    std::optional<PassphraseAnswer> ask(const PassphraseRequest &request) override
    {
        {
            QMutexLocker lock(&mutex);
            requests << request;
        }
        if (hold) {
            asked.release();
            release.acquire();
        }
        QMutexLocker lock(&mutex);
        if (cancelled || answers.isEmpty())
            return std::nullopt;
        return answers.takeFirst();
    }
    void setClosed(bool closed) override
    {
        QMutexLocker lock(&mutex);
        cancelled = closed;
        if (closed)
            release.release(100);
    }
    int count()
    {
        QMutexLocker lock(&mutex);
        return int(requests.size());
    }

    QMutex mutex;
    QList<std::optional<PassphraseAnswer>> answers;
    QList<PassphraseRequest> requests;
    bool hold = false;
    bool cancelled = false;
    QSemaphore asked;
    QSemaphore release;
};

const QString Key = u"/home/op/.ssh/id_ed25519"_s;

PassphraseAnswer typed(const QString &passphrase, bool remember = false)
{
    return PassphraseAnswer{passphrase, remember};
}

} // namespace

class TestPassphraseCache : public QObject
{
    Q_OBJECT

private slots:
    void askedOnceForEveryHost()
    {
        auto user = std::make_shared<FakeUser>();
        user->answers << typed(u"secret"_s);
        PassphraseCache cache(user);
        QCOMPARE(cache.passphrase(Key, u"lb1"_s), u"secret"_s);
        QCOMPARE(user->requests[0].keyPath, Key);
        QCOMPARE(user->requests[0].host, u"lb1"_s);
        QVERIFY(!user->requests[0].canRemember); // no keychain
        cache.checked(Key, u"secret"_s, true);
        QCOMPARE(cache.passphrase(Key, u"lb2"_s), u"secret"_s);
        QCOMPARE(cache.passphrase(Key, u"lb3"_s), u"secret"_s);
        QCOMPARE(user->count(), 1);
        // Another key is another question.
        user->answers << typed(u"other"_s);
        QCOMPARE(cache.passphrase(u"/keys/second"_s, u"lb1"_s), u"other"_s);
        QCOMPARE(user->count(), 2);
    }

    void concurrentQuestionsShareOneAnswer()
    {
        auto user = std::make_shared<FakeUser>();
        user->hold = true;
        user->answers << typed(u"secret"_s);
        PassphraseCache cache(user);
        std::atomic<int> right{0};
        std::vector<std::thread> threads;
        for (int i = 0; i < 8; ++i)
            threads.emplace_back([&, i] {
                if (cache.passphrase(Key, u"lb%1"_s.arg(i)) == u"secret"_s)
                    ++right;
            });
        QVERIFY(user->asked.tryAcquire(1, 5000)); // one question open...
        QVERIFY(!user->asked.tryAcquire(1, 100)); // ...and only one
        user->release.release();
        for (std::thread &t : threads)
            t.join();
        QCOMPARE(right.load(), 8);
        QCOMPARE(user->count(), 1);
    }

    void cancelIsRememberedForTheSession()
    {
        auto user = std::make_shared<FakeUser>();
        user->answers << std::nullopt;
        PassphraseCache cache(user);
        QCOMPARE(cache.passphrase(Key, u"lb1"_s), std::nullopt);
        QVERIFY(cache.isDeclined(Key));
        // Reconnects and other hosts do not ask again.
        for (int i = 0; i < 5; ++i)
            QCOMPARE(cache.passphrase(Key, u"lb%1"_s.arg(i)), std::nullopt);
        QCOMPARE(user->count(), 1);
        // Opening the fleet anew asks again.
        cache.forgetRefusals();
        QVERIFY(!cache.isDeclined(Key));
        user->answers << typed(u"secret"_s);
        QCOMPARE(cache.passphrase(Key, u"lb1"_s), u"secret"_s);
        QCOMPARE(user->count(), 2);
    }

    void storedPassphraseIsUsedWithoutAsking()
    {
        auto user = std::make_shared<FakeUser>();
        auto keychain = std::make_shared<FakeKeychain>();
        keychain->entries.insert(PassphraseCache::keychainKey(Key), u"stored"_s);
        PassphraseCache cache(user, keychain);
        QCOMPARE(cache.passphrase(Key, u"lb1"_s), u"stored"_s);
        cache.checked(Key, u"stored"_s, true);
        QCOMPARE(cache.passphrase(Key, u"lb2"_s), u"stored"_s);
        QCOMPARE(user->count(), 0);
        QCOMPARE(keychain->reads, 1);
        QCOMPARE(keychain->writes, 0);
    }

    void wrongStoredPassphraseIsDeletedAndAskedAgain()
    {
        auto user = std::make_shared<FakeUser>();
        auto keychain = std::make_shared<FakeKeychain>();
        keychain->entries.insert(PassphraseCache::keychainKey(Key), u"outdated"_s);
        PassphraseCache cache(user, keychain);
        QCOMPARE(cache.passphrase(Key, u"lb1"_s), u"outdated"_s);
        cache.checked(Key, u"outdated"_s, false);
        QVERIFY(!keychain->entries.contains(PassphraseCache::keychainKey(Key)));

        user->answers << typed(u"new"_s, true);
        QCOMPARE(cache.passphrase(Key, u"lb1"_s), u"new"_s);
        QCOMPARE(user->count(), 1);
        QVERIFY2(user->requests[0].problem.contains(u"keychain"_s),
                 qPrintable(user->requests[0].problem));
        QVERIFY(user->requests[0].canRemember);
        QCOMPARE(keychain->reads, 1); // the wrong entry is not read again
        cache.checked(Key, u"new"_s, true);
        QCOMPARE(keychain->entries.value(PassphraseCache::keychainKey(Key)), u"new"_s);
    }

    void rememberedOnlyOnceItWorked()
    {
        auto user = std::make_shared<FakeUser>();
        auto keychain = std::make_shared<FakeKeychain>();
        PassphraseCache cache(user, keychain);
        user->answers << typed(u"typo"_s, true) << typed(u"right"_s, true);
        QCOMPARE(cache.passphrase(Key, u"lb1"_s), u"typo"_s);
        QCOMPARE(keychain->writes, 0);
        cache.checked(Key, u"typo"_s, false);
        QCOMPARE(keychain->writes, 0);
        QCOMPARE(cache.passphrase(Key, u"lb1"_s), u"right"_s);
        QVERIFY(user->requests[1].problem.contains(u"did not open"_s));
        cache.checked(Key, u"right"_s, true);
        cache.checked(Key, u"right"_s, true); // another host: written once
        QCOMPARE(keychain->writes, 1);
        QCOMPARE(keychain->entries.value(PassphraseCache::keychainKey(Key)), u"right"_s);
    }

    void notRememberedUnlessTicked()
    {
        auto user = std::make_shared<FakeUser>();
        auto keychain = std::make_shared<FakeKeychain>();
        PassphraseCache cache(user, keychain);
        user->answers << typed(u"secret"_s, false);
        QCOMPARE(cache.passphrase(Key, u"lb1"_s), u"secret"_s);
        cache.checked(Key, u"secret"_s, true);
        QCOMPARE(keychain->writes, 0);
        QVERIFY(keychain->entries.isEmpty());
    }

    void keychainFailureFallsBackToAsking()
    {
        auto user = std::make_shared<FakeUser>();
        auto keychain = std::make_shared<FakeKeychain>();
        keychain->failing = true;
        PassphraseCache cache(user, keychain);
        user->answers << typed(u"secret"_s, true) << typed(u"second"_s, true);
        QCOMPARE(cache.passphrase(Key, u"lb1"_s), u"secret"_s);
        QCOMPARE(user->count(), 1);
        QVERIFY(!user->requests[0].canRemember);
        QVERIFY(user->requests[0].problem.contains(u"no Secret Service"_s));
        QVERIFY(!cache.keychainUsable());
        cache.checked(Key, u"secret"_s, true);
        QCOMPARE(keychain->writes, 0);
        // Not tried again for the next key.
        QCOMPARE(cache.passphrase(u"/keys/second"_s, u"lb1"_s), u"second"_s);
        QCOMPARE(keychain->reads, 1);
    }

    void lateReportAboutAReplacedAnswerIsIgnored()
    {
        auto user = std::make_shared<FakeUser>();
        PassphraseCache cache(user);
        user->answers << typed(u"first"_s) << typed(u"second"_s);
        QCOMPARE(cache.passphrase(Key, u"lb1"_s), u"first"_s);
        cache.checked(Key, u"first"_s, false);
        QCOMPARE(cache.passphrase(Key, u"lb1"_s), u"second"_s);
        cache.checked(Key, u"first"_s, false); // lb2 tried the old one meanwhile
        QCOMPARE(cache.passphrase(Key, u"lb2"_s), u"second"_s);
        QCOMPARE(user->count(), 2);
    }

    void nonBlockingThreadIsNeverAsked()
    {
        auto user = std::make_shared<FakeUser>();
        user->answers << typed(u"secret"_s);
        PassphraseCache cache(user);
        cache.setNonBlockingThread(QThread::currentThread());
        QCOMPARE(cache.passphrase(Key, u"lb1"_s), std::nullopt);
        QCOMPARE(user->count(), 0);
        QVERIFY(!cache.isDeclined(Key)); // not a refusal
    }

    void closeReleasesEveryWaiterWithoutARefusal()
    {
        auto user = std::make_shared<FakeUser>();
        user->hold = true;
        user->answers << typed(u"secret"_s);
        PassphraseCache cache(user);
        std::atomic<int> none{0};
        std::vector<std::thread> threads;
        for (int i = 0; i < 3; ++i)
            threads.emplace_back([&] {
                if (!cache.passphrase(Key, u"lb1"_s))
                    ++none;
            });
        QVERIFY(user->asked.tryAcquire(1, 5000));
        cache.close();
        for (std::thread &t : threads)
            t.join();
        QCOMPARE(none.load(), 3);
        QCOMPARE(cache.passphrase(Key, u"lb1"_s), std::nullopt);
        QCOMPARE(user->count(), 1);
        // Not the user's refusal: asked again once reopened.
        QVERIFY(!cache.isDeclined(Key));
        cache.reopen();
        user->hold = false;
        user->answers = {typed(u"secret"_s)};
        QCOMPARE(cache.passphrase(Key, u"lb1"_s), u"secret"_s);
        QCOMPARE(user->count(), 2);
    }
};

QTEST_GUILESS_MAIN(TestPassphraseCache)
#include "tst_passphrasecache.moc"
