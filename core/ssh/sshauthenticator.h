#pragma once

// SshAuthenticator: public-key authentication of one SSH session as a
// non-blocking state machine SshConnection steps while the socket moves:
// ssh-agent's keys first (with IdentitiesOnly only the identity files'
// own), then each identity file.  It never asks for a passphrase itself: for
// an encrypted key it stops with NeedsPassphrase, the connection asks (off
// its thread) and hands the answer to answerPassphrase(), and the next step
// goes on.  What was tried, and why each key failed, makes the one error.

#include "core/common/error.h"
#include "core/ssh/sshtarget.h"
#include "core/ssh/sshtransport.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

#include <libssh2.h>
#include <optional>

namespace vipdeck {

class SshAuthenticator
{
public:
    enum class Progress { Pending, NeedsPassphrase, Succeeded, Failed };

    // `passphrases`: passphrases that worked, per key file, kept by the
    // connection for reconnects (read and updated here).  `where`: the
    // inventory name errors carry.
    SshAuthenticator(const SshTarget &target, bool useAgent, QString where,
                     QHash<QString, QByteArray> *passphrases,
                     PassphraseCheckedCallback passphraseChecked);
    ~SshAuthenticator();
    SshAuthenticator(const SshAuthenticator &) = delete;
    SshAuthenticator &operator=(const SshAuthenticator &) = delete;

    // Goes as far as the socket allows.  Pending: call again when it moved.
    Progress step(LIBSSH2_SESSION *session);
    // NeedsPassphrase: the encrypted key file to ask about.
    QString passphraseWanted() const { return m_wanted; }
    // The answer; nullopt when the user declined (the key is then skipped).
    void answerPassphrase(std::optional<QByteArray> passphrase)
    {
        m_answer = std::move(passphrase);
        m_wanted.clear();
    }
    // Failed: what was tried and why nothing worked.
    Error error() const;

private:
    void finishAgent();

    struct State
    {
        enum class Step { ListMethods, AgentStart, AgentIdentity, FileKeys };
        Step step = Step::ListMethods;
        LIBSSH2_AGENT *agent = nullptr;
        libssh2_agent_publickey *identity = nullptr;
        qsizetype fileIndex = 0;
        bool fileStarted = false;
        QByteArray passphrase;
        bool fileEncrypted = false;
        bool fileIsRsa = false;
        QStringList tried;
        int refusedRsa = 0;
        int refusedOther = 0;
        QStringList rsaKeys;
        QString missingPassphrase; // the first encrypted key we had no passphrase for
        QString wrongPassphrase;
    };

    const SshTarget m_target;
    const bool m_useAgent;
    const QString m_where;
    QHash<QString, QByteArray> *const m_passphrases;
    const PassphraseCheckedCallback m_passphraseChecked;
    State m_state;
    QString m_wanted;
    // Set by answerPassphrase(), used by the next step.
    std::optional<std::optional<QByteArray>> m_answer;
};

} // namespace vipdeck
