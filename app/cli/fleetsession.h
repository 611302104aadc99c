#pragma once

// FleetSession: what every fleet command of vipdeckctl starts with.  Loads
// the fleet file named by the options (printing its diagnostics), opens one
// FleetPoller over SSH (or local sockets with --local), and polls while
// running an event loop, showing progress on a terminal's stderr.

#include "app/cli/console.h"
#include "app/cli/fleetview.h"
#include "app/cli/globaloptions.h"
#include "core/fleet/fleetpoller.h"
#include "core/fleet/passphrasecache.h"

#include <QObject>

#include <memory>

namespace vipdeck::cli {

class FleetSession : public QObject
{
    Q_OBJECT
public:
    FleetSession(Console &console, const GlobalOptions &options);
    ~FleetSession() override;

    // Loads the fleet and checks --vip/--host.  ExitOk, or ExitUsage after
    // printing why (every diagnostic of a broken fleet file).  Without
    // `poll` no poller (and no connection) is made.
    int open(bool poll = true);

    const Inventory &inventory() const { return m_inventory; }
    FleetPoller &poller() { return *m_poller; }
    QString fleetFile() const { return m_fleetFile; }
    FleetFilter filter() const;

    // One round of every host; waits (running an event loop) for the result.
    FleetUpdate pollOnce();
    // The same, giving up after `timeoutMs`: nothing then (reads go on).
    std::optional<FleetUpdate> pollOnce(int timeoutMs);
    // Progress on a terminal's stderr while polling (on by default).
    void setShowProgress(bool show) { m_showProgress = show; }
    // Runs the event loop for `ms` milliseconds (the pause between polls).
    void pause(int ms);

    // ExitUnreachable (naming the hosts on stderr) when a host selected by
    // --host/--vip did not answer, else `otherwise`.
    int exitCode(const Snapshot &snapshot, int otherwise = ExitOk);

private:
    void progress(const QString &text);

    Console &m_console;
    GlobalOptions m_options;
    QString m_fleetFile;
    Inventory m_inventory;
    // Asks for key passphrases on the terminal (only when stdin is one).
    std::shared_ptr<PassphraseCache> m_passphrases;
    std::unique_ptr<FleetPoller> m_poller;
    int m_hostsDone = 0;
    bool m_progressShown = false;
    bool m_showProgress = true;
};

} // namespace vipdeck::cli
