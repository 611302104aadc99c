#include "app/cli/fleetsession.h"

#include "app/cli/terminalpassphrase.h"
#include "app/cli/waitfor.h"
#include "core/common/controlcharacters.h"
#include "core/inventory/inventoryloader.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace vipdeck::cli {

namespace {

// This file's messages, in a context lupdate can see.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vipdeck::cli)
};

} // namespace

FleetSession::FleetSession(Console &console, const GlobalOptions &options)
    : m_console(console)
    , m_options(options)
{}

FleetSession::~FleetSession()
{
    if (m_passphrases)
        m_passphrases->close();
    if (m_poller)
        m_poller->stop();
}

int FleetSession::open(bool poll)
{
    const Result<QString> file = resolveFleetFile(m_options);
    if (!file) {
        m_console.err() << u"vipdeckctl: "_s << file.error().toString() << u'\n';
        return ExitUsage;
    }
    m_fleetFile = *file;
    const LoadedInventory loaded = loadInventory(m_fleetFile);
    for (const Diagnostic &diagnostic : loaded.diagnostics)
        m_console.err() << diagnostic.toString() << u'\n';
    if (!loaded.ok()) {
        m_console.err() << Tr::tr("vipdeckctl: %1 has errors; fix them (see 'vipdeckctl "
                                  "check-config %1').")
                               .arg(m_fleetFile)
                        << u'\n';
        return ExitUsage;
    }
    const FleetFilter selected{m_options.vip, m_options.host, {}, {}};
    if (const Result<void> valid = validateFilter(*loaded.inventory, selected); !valid) {
        m_console.err() << u"vipdeckctl: "_s << valid.error().toString() << u'\n';
        return ExitUsage;
    }
    m_inventory = *loaded.inventory;
    if (!poll)
        return ExitOk;
    // On a terminal an encrypted key's passphrase is asked for there, once per
    // key; otherwise (a pipe, cron) never, and the connection says why it failed.
    if (!m_options.local && m_console.isInTerminal())
        m_passphrases =
            std::make_shared<PassphraseCache>(std::make_shared<TerminalPassphrasePrompter>());
    m_poller = std::make_unique<FleetPoller>(*loaded.inventory,
                                             m_options.local ? localTransportFactory()
                                                             : sshTransportFactory(m_passphrases));
    connect(m_poller.get(), &FleetPoller::updated, this, [this](const FleetUpdate &update) {
        m_hostsDone += int(update.hostsUpdated.size());
        progress(Tr::tr("polled %1 of %2 hosts")
                     .arg(m_hostsDone)
                     .arg(m_poller->inventory().hosts().size()));
    });
    return ExitOk;
}

FleetFilter FleetSession::filter() const
{
    return FleetFilter{m_options.vip, m_options.host, {}, m_options.state};
}

FleetUpdate FleetSession::pollOnce()
{
    return *pollOnce(-1);
}

std::optional<FleetUpdate> FleetSession::pollOnce(int timeoutMs)
{
    m_hostsDone = 0;
    progress(Tr::tr("polling %n host(s)...", nullptr, int(m_poller->inventory().hosts().size())));
    const QFuture<FleetUpdate> polled = m_poller->pollOnce();
    std::optional<FleetUpdate> update =
        timeoutMs < 0 ? std::optional<FleetUpdate>(waitFor(polled)) : waitFor(polled, timeoutMs);
    // Updates queued from the worker threads before the future resolved.
    QCoreApplication::processEvents();
    if (m_progressShown) {
        m_console.err() << u"\r\x1b[K"_s;
        m_console.err().flush();
        m_progressShown = false;
    }
    return update;
}

void FleetSession::pause(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

int FleetSession::exitCode(const Snapshot &snapshot, int otherwise)
{
    // Only the hosts asked about (--host, --vip) count.
    QStringList down;
    const FleetFilter selected = filter();
    for (const QString &name : unreachableHosts(snapshot)) {
        if (selected.matchesHost(name) &&
            (selected.vip.isEmpty() || snapshot.inventory().placement(selected.vip, name)))
            down << name;
    }
    if (down.isEmpty())
        return otherwise;
    for (const QString &name : down) {
        const HostObservation *host = snapshot.host(name);
        m_console.err() << Tr::tr("vipdeckctl: %1 is unreachable: %2")
                               .arg(name, host && host->error
                                              ? escapeControlCharacters(host->error->toString())
                                              : Tr::tr("no answer"))
                        << u'\n';
    }
    return ExitUnreachable;
}

void FleetSession::progress(const QString &text)
{
    if (!m_showProgress || !m_console.isErrTerminal())
        return;
    m_console.err() << u"\r\x1b[K"_s << text;
    m_console.err().flush();
    m_progressShown = true;
}

} // namespace vipdeck::cli
