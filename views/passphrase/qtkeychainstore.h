#pragma once

// QtKeychainStore: the Keychain of PassphraseCache over qtkeychain (Secret
// Service, KWallet, macOS Keychain, Windows Credential Store), service
// "vipdeck", one entry per key file.  qtkeychain's jobs are asynchronous and
// run on the thread of this object's (the GUI thread's) event loop; callers
// on other threads wait for them with a deadline, so a keychain that never
// answers (no Secret Service, a locked keyring nobody unlocks) costs at most
// `timeout` and reads as an error.  Never falls back to a plain-text file.

#include "core/fleet/passphrasecache.h"

#include <QObject>

#include <chrono>
#include <functional>

namespace QKeychain {
class Job;
}

namespace vipdeck {

class QtKeychainStore final : public QObject, public Keychain
{
    Q_OBJECT
public:
    static constexpr auto Service = "vipdeck";

    explicit QtKeychainStore(std::chrono::milliseconds timeout = std::chrono::seconds(5),
                             QObject *parent = nullptr);

    Result<std::optional<QString>> read(const QString &key) override;
    Result<void> write(const QString &key, const QString &secret) override;
    Result<void> remove(const QString &key) override;

private:
    struct Outcome;
    Outcome run(const QString &what, const std::function<QKeychain::Job *()> &makeJob);

    std::chrono::milliseconds m_timeout;
};

} // namespace vipdeck
