#pragma once

// PassphraseCache: answers the SSH transports' questions for the passphrases
// of encrypted identity files, so that the user is asked at most once per key
// file and session.  In order it tries: what this session already knows, the
// system keychain (when there is one), then the user through a
// PassphrasePrompter.  A passphrase goes into the keychain only when the user
// asked for it and only after it opened the key; a stored one that turns out
// wrong is deleted and the user asked again.  A question the user cancelled is
// not asked again this session: that key is skipped (the transport reports
// PassphraseNeeded).
//
// GUI-free and thread-safe: transports call it from their own threads, and
// only one question is open at a time (others for the same key wait for its
// answer).  The keychain and the prompter are interfaces so that the GUI (a
// dialog, qtkeychain) and the tests (fakes) plug in.

#include "core/common/result.h"

#include <QHash>
#include <QMutex>
#include <QString>
#include <QWaitCondition>

#include <memory>
#include <optional>

class QThread;

namespace vipdeck {

// The system keychain, used synchronously from transport threads.  Every call
// must return within a bounded time (an implementation over an asynchronous
// API waits with a deadline and fails with Timeout).
class Keychain
{
public:
    virtual ~Keychain() = default;
    // nullopt: no entry for `key`; an error: the keychain could not answer.
    virtual Result<std::optional<QString>> read(const QString &key) = 0;
    virtual Result<void> write(const QString &key, const QString &secret) = 0;
    virtual Result<void> remove(const QString &key) = 0;
};

struct PassphraseRequest
{
    QString keyPath;
    QString host;    // the host whose connection needs it
    QString problem; // why it is asked (again), e.g. the previous one was wrong; may be empty
    bool canRemember = false; // a keychain is there to remember it in
};

struct PassphraseAnswer
{
    QString passphrase;
    bool remember = false; // store it in the keychain once it worked
};

// Asks the user.  Called on a transport thread, which waits for the answer;
// nullopt when the user cancels (or nobody can be asked).
class PassphrasePrompter
{
public:
    virtual ~PassphrasePrompter() = default;
    virtual std::optional<PassphraseAnswer> ask(const PassphraseRequest &request) = 0;
    // While closed, ask() answers nullopt at once and open questions end as
    // cancelled (from any thread: the transports are about to go away).
    virtual void setClosed(bool /*closed*/) {}
};

class PassphraseCache
{
public:
    // `keychain` may be null (no keychain: never remembered).
    PassphraseCache(std::shared_ptr<PassphrasePrompter> prompter,
                    std::shared_ptr<Keychain> keychain = {});

    // The keychain's key for an identity file (service "vipdeck" is the keychain's).
    static QString keychainKey(const QString &keyPath) { return keyPath; }

    // The passphrase for `keyPath`, asked for by the connection to `host`;
    // nullopt when the user declined (now or earlier this session).  Blocks
    // while the keychain or the user is asked.
    std::optional<QString> passphrase(const QString &keyPath, const QString &host);
    // What the transport found out about an answer: it opened the key or was wrong.
    void checked(const QString &keyPath, const QString &passphrase, bool worked);

    // A thread that must never wait here (the GUI thread: the prompter needs
    // it).  Calls from it get only what is already known.
    void setNonBlockingThread(QThread *thread);
    // Forgets the keys the user declined, to ask for them again (a fleet
    // opened anew); passphrases that worked stay.
    void forgetRefusals();
    // Until reopen(): ends the open question, wakes every waiting caller
    // with "no passphrase" and answers later ones the same at once, without
    // taking it for the user's refusal.  Before the transports that may be
    // asking are destroyed (their destructors wait for the asking thread).
    void close();
    void reopen();

    bool isDeclined(const QString &keyPath) const;
    bool keychainUsable() const;

private:
    enum class Source { User, Keychain };
    struct Entry
    {
        std::optional<QString> passphrase;
        Source source = Source::User;
        bool verified = false;
        bool remember = false;      // write it to the keychain once it worked
        bool declined = false;      // the user cancelled: skipped this session
        bool keychainWrong = false; // the keychain's entry did not open the key
        QString problem;            // shown with the next question
    };

    const std::shared_ptr<PassphrasePrompter> m_prompter;
    const std::shared_ptr<Keychain> m_keychain;
    mutable QMutex m_mutex; // guards everything below
    QWaitCondition m_answered;
    QHash<QString, Entry> m_entries; // by key file path
    bool m_asking = false;           // a question (keychain or user) is open
    bool m_keychainFailed = false;   // the keychain could not answer: not used again
    QString m_keychainError;
    bool m_closed = false;
    QThread *m_nonBlockingThread = nullptr;
};

} // namespace vipdeck
