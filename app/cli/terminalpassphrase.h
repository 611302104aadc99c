#pragma once

// TerminalPassphrasePrompter: how vipdeckctl asks for the passphrase of an
// encrypted identity file, as ssh(1) does: on the controlling terminal
// (/dev/tty), without echo, once per key and run (PassphraseCache keeps the
// answer).  Used only when standard input is a terminal; through a pipe or
// from cron nothing is asked and the connection fails with its clear error.

#include "core/fleet/passphrasecache.h"

#include <QMutex>

#include <atomic>

namespace vipdeck::cli {

class TerminalPassphrasePrompter final : public PassphrasePrompter
{
public:
    // Called on a transport thread; nullopt if the terminal cannot be opened,
    // at end of input (Ctrl+D) or once closed.
    std::optional<PassphraseAnswer> ask(const PassphraseRequest &request) override;
    void setClosed(bool closed) override;

private:
    QMutex m_mutex; // one question on the terminal at a time
    std::atomic<bool> m_closed = false;
};

} // namespace vipdeck::cli
