#include "core/fleet/passphrasecache.h"

#include "core/common/handover.h"
#include "core/common/logging.h"

#include <QCoreApplication>
#include <QThread>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {
// This file's messages, in a context lupdate can see.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vipdeck::PassphraseCache)
};
} // namespace

PassphraseCache::PassphraseCache(std::shared_ptr<PassphrasePrompter> prompter,
                                 std::shared_ptr<Keychain> keychain)
    : m_prompter(std::move(prompter))
    , m_keychain(std::move(keychain))
{}

std::optional<QString> PassphraseCache::passphrase(const QString &keyPath, const QString &host)
{
    QMutexLocker lock(&m_mutex);
    const bool mayWait = QThread::currentThread() != m_nonBlockingThread;
    for (;;) {
        if (m_closed)
            return std::nullopt;
        const Entry &entry = m_entries[keyPath];
        if (entry.passphrase)
            return entry.passphrase;
        if (entry.declined)
            return std::nullopt;
        if (!mayWait) {
            qCWarning(lcSsh) << "passphrase for" << keyPath << "(" << host
                             << ") wanted on a thread that must not wait for the user";
            return std::nullopt;
        }
        if (!m_asking)
            break;
        // One question at a time; the answer may be this key's.
        waitOn(m_answered, m_mutex);
    }
    m_asking = true;
    const Entry before = m_entries.value(keyPath);
    const bool keychainUsable = m_keychain && !m_keychainFailed && !before.keychainWrong;
    QString problem = before.problem;
    lock.unlock();

    // The keychain and the user may take a while: no lock held.
    std::optional<QString> found;
    Source source = Source::User;
    bool remember = false;
    bool keychainFailed = false;
    QString keychainError;
    if (keychainUsable) {
        const Result<std::optional<QString>> stored = m_keychain->read(keychainKey(keyPath));
        if (!stored) {
            keychainFailed = true;
            keychainError = stored.error().toString();
            qCWarning(lcSsh).noquote()
                << "system keychain unavailable, asking instead:" << keychainError;
            if (problem.isEmpty())
                problem = Tr::tr("The system keychain could not be read (%1).").arg(keychainError);
        } else if (stored->has_value()) {
            found = **stored;
            source = Source::Keychain;
        }
    }
    if (!found && m_prompter) {
        PassphraseRequest request;
        request.keyPath = keyPath;
        request.host = host;
        request.problem = problem;
        request.canRemember = m_keychain && !keychainFailed && !m_keychainFailed;
        if (const std::optional<PassphraseAnswer> answer = m_prompter->ask(request)) {
            found = answer->passphrase;
            remember = answer->remember;
        }
    }

    lock.relock();
    m_asking = false;
    m_answered.wakeAll();
    if (keychainFailed && !m_keychainFailed) {
        m_keychainFailed = true;
        m_keychainError = keychainError;
    }
    if (m_closed)
        return std::nullopt;
    Entry &entry = m_entries[keyPath];
    entry.problem.clear();
    if (!found) {
        entry.declined = true;
        return std::nullopt;
    }
    entry.passphrase = found;
    entry.source = source;
    entry.remember = remember;
    entry.verified = false;
    return found;
}

void PassphraseCache::checked(const QString &keyPath, const QString &passphrase, bool worked)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_entries.find(keyPath);
    // A report about an answer that was replaced since says nothing about this one.
    if (it == m_entries.end() || it->passphrase != passphrase)
        return;
    Entry &entry = *it;
    if (worked) {
        if (entry.verified)
            return;
        entry.verified = true;
        if (!entry.remember || !m_keychain || m_keychainFailed)
            return;
        entry.remember = false;
        lock.unlock();
        const Result<void> written = m_keychain->write(keychainKey(keyPath), passphrase);
        if (!written)
            qCWarning(lcSsh).noquote() << "cannot store the passphrase of" << keyPath
                                       << "in the system keychain:" << written.error().toString();
        return;
    }
    const bool fromKeychain = entry.source == Source::Keychain;
    entry.passphrase.reset();
    entry.verified = false;
    entry.remember = false;
    if (!fromKeychain) {
        entry.problem = Tr::tr("The passphrase entered before did not open this key.");
        return;
    }
    entry.keychainWrong = true;
    entry.problem = Tr::tr("The passphrase stored in the system keychain did not open this key; "
                           "it was deleted from the keychain.");
    lock.unlock();
    const Result<void> removed = m_keychain->remove(keychainKey(keyPath));
    if (!removed)
        qCWarning(lcSsh).noquote() << "cannot delete the wrong passphrase of" << keyPath
                                   << "from the system keychain:" << removed.error().toString();
}

void PassphraseCache::setNonBlockingThread(QThread *thread)
{
    QMutexLocker lock(&m_mutex);
    m_nonBlockingThread = thread;
}

void PassphraseCache::forgetRefusals()
{
    QMutexLocker lock(&m_mutex);
    for (Entry &entry : m_entries) {
        entry.declined = false;
        entry.problem.clear();
    }
}

void PassphraseCache::close()
{
    {
        QMutexLocker lock(&m_mutex);
        m_closed = true;
        m_answered.wakeAll();
    }
    if (m_prompter)
        m_prompter->setClosed(true);
}

void PassphraseCache::reopen()
{
    if (m_prompter)
        m_prompter->setClosed(false);
    QMutexLocker lock(&m_mutex);
    m_closed = false;
}

bool PassphraseCache::isDeclined(const QString &keyPath) const
{
    QMutexLocker lock(&m_mutex);
    return m_entries.value(keyPath).declined;
}

bool PassphraseCache::keychainUsable() const
{
    QMutexLocker lock(&m_mutex);
    return m_keychain && !m_keychainFailed;
}

} // namespace vipdeck
