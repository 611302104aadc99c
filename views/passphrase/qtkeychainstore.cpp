#include "views/passphrase/qtkeychainstore.h"

#include "core/common/handover.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QMutex>
#include <QThread>
#include <QTimer>
#include <QWaitCondition>
#include <qt6keychain/keychain.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

// Shared by the waiting caller and the job, which may finish after the
// caller gave up.
struct JobState
{
    QMutex mutex;
    QWaitCondition finished;
    bool done = false;
    QKeychain::Error error = QKeychain::NoError;
    QString errorString;
    QString text;
};

} // namespace

struct QtKeychainStore::Outcome
{
    std::optional<Error> error;
    bool notFound = false;
    QString text;
};

QtKeychainStore::QtKeychainStore(std::chrono::milliseconds timeout, QObject *parent)
    : QObject(parent)
    , m_timeout(timeout)
{}

QtKeychainStore::Outcome QtKeychainStore::run(const QString &what,
                                              const std::function<QKeychain::Job *()> &makeJob)
{
    auto state = std::make_shared<JobState>();
    const auto start = [state, makeJob] {
        QKeychain::Job *job = makeJob();
        job->setAutoDelete(true);
        job->setInsecureFallback(false);
        QObject::connect(job, &QKeychain::Job::finished, job, [state](QKeychain::Job *done) {
            QMutexLocker lock(&state->mutex);
            state->done = true;
            state->error = done->error();
            state->errorString = done->errorString();
            if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(done))
                state->text = read->textData();
            state->finished.wakeAll();
        });
        job->start();
    };

    const QDeadlineTimer deadline(m_timeout);
    if (QThread::currentThread() == thread()) {
        // On our own thread nobody else runs the event loop: spin one, bounded.
        start();
        QEventLoop loop;
        QTimer tick;
        tick.setInterval(10);
        QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
            QMutexLocker lock(&state->mutex);
            if (state->done || deadline.hasExpired())
                loop.quit();
        });
        tick.start();
        loop.exec();
    } else {
        postTo(this, start, Qt::QueuedConnection);
        QMutexLocker lock(&state->mutex);
        while (!state->done && !deadline.hasExpired())
            waitOn(state->finished, state->mutex, deadline);
    }

    QMutexLocker lock(&state->mutex);
    Outcome outcome;
    if (!state->done) {
        outcome.error = Error(ErrorCode::Timeout,
                              tr("The system keychain did not answer within %1 s.")
                                  .arg(double(m_timeout.count()) / 1000.0),
                              what, tr("Unlock the keychain, or enter the passphrase when asked."));
    } else if (state->error == QKeychain::EntryNotFound) {
        outcome.notFound = true;
    } else if (state->error != QKeychain::NoError) {
        outcome.error = Error(ErrorCode::Unsupported,
                              tr("The system keychain failed: %1").arg(state->errorString), what,
                              tr("Is a Secret Service (GNOME Keyring, KWallet) running and "
                                 "unlocked?"));
    } else {
        outcome.text = state->text;
    }
    return outcome;
}

Result<std::optional<QString>> QtKeychainStore::read(const QString &key)
{
    const Outcome outcome = run(key, [key] {
        auto *job = new QKeychain::ReadPasswordJob(QString::fromLatin1(Service));
        job->setKey(key);
        return job;
    });
    if (outcome.error)
        return *outcome.error;
    if (outcome.notFound)
        return std::optional<QString>();
    return std::optional<QString>(outcome.text);
}

Result<void> QtKeychainStore::write(const QString &key, const QString &secret)
{
    const Outcome outcome = run(key, [key, secret] {
        auto *job = new QKeychain::WritePasswordJob(QString::fromLatin1(Service));
        job->setKey(key);
        job->setTextData(secret);
        return job;
    });
    if (outcome.error)
        return *outcome.error;
    return {};
}

Result<void> QtKeychainStore::remove(const QString &key)
{
    const Outcome outcome = run(key, [key] {
        auto *job = new QKeychain::DeletePasswordJob(QString::fromLatin1(Service));
        job->setKey(key);
        return job;
    });
    if (outcome.error)
        return *outcome.error;
    return {}; // not found is fine: nothing to delete
}

} // namespace vipdeck
