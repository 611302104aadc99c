#include "core/fleet/lastknownstate.h"

#include "core/common/handover.h"
#include "core/common/logging.h"

namespace vipdeck {

LastKnownState::LastKnownState(SnapshotStore store, std::chrono::milliseconds saveEvery,
                               const Clock &clock)
    : m_store(std::move(store))
    , m_saveEvery(saveEvery)
    , m_clock(clock)
{
    m_pool.setMaxThreadCount(1);
}

LastKnownState::~LastKnownState()
{
    m_pool.waitForDone();
}

std::optional<FleetUpdate> LastKnownState::open(const QString &fleetFile,
                                                const Inventory &inventory)
{
    flush();
    m_fleetFile = fleetFile;
    m_restored.reset();
    m_pendingHosts.clear();
    m_unsaved.reset();
    m_lastSaveMs = -1;
    if (fleetFile.isEmpty())
        return std::nullopt;
    // A save of this very fleet may still be running (the same file reopened).
    m_pool.waitForDone();
    const Result<std::optional<Snapshot>> loaded = m_store.load(fleetFile, inventory);
    if (!loaded) {
        qCWarning(lcFleet).noquote()
            << "ignoring the last known state of" << fleetFile << "-" << loaded.error().toString();
        return std::nullopt;
    }
    if (!loaded->has_value() || (*loaded)->hosts().isEmpty())
        return std::nullopt;
    m_restored = **loaded;
    for (const Host &host : inventory.hosts())
        m_pendingHosts << host.name;
    FleetUpdate update;
    update.snapshot = *m_restored;
    update.verdicts = std::make_shared<const FleetVerdicts>(
        evaluateWithRestored(*m_restored, m_pendingHosts, m_clock.now()));
    return update;
}

FleetUpdate LastKnownState::live(const FleetUpdate &update)
{
    FleetUpdate shown = update;
    if (m_restored) {
        for (const QString &host : update.hostsUpdated)
            m_pendingHosts.remove(host);
        if (m_pendingHosts.isEmpty()) {
            m_restored.reset(); // every host reported: the live state stands alone
        } else {
            QSet<QString> reported;
            for (const Host &host : update.snapshot.inventory().hosts()) {
                if (!m_pendingHosts.contains(host.name))
                    reported << host.name;
            }
            shown.snapshot = overlayRestored(update.snapshot, *m_restored, reported);
            shown.verdicts = std::make_shared<const FleetVerdicts>(
                evaluateWithRestored(shown.snapshot, m_pendingHosts, m_clock.now()));
        }
    }
    m_unsaved = shown.snapshot;
    const qint64 now = m_clock.monotonicMs();
    if (m_lastSaveMs < 0 || now - m_lastSaveMs >= m_saveEvery.count()) {
        m_lastSaveMs = now;
        saveInBackground(*m_unsaved);
        m_unsaved.reset();
    }
    return shown;
}

void LastKnownState::flush()
{
    // A background save still running must not land after this newer one.
    m_pool.waitForDone();
    if (m_unsaved && !m_fleetFile.isEmpty()) {
        const Result<void> saved = m_store.save(m_fleetFile, *m_unsaved);
        if (!saved)
            qCWarning(lcFleet).noquote()
                << "cannot save the last known state:" << saved.error().toString();
        m_unsaved.reset();
    }
}

void LastKnownState::saveInBackground(const Snapshot &snapshot)
{
    if (m_fleetFile.isEmpty())
        return;
    startOnPool(m_pool, [store = m_store, file = m_fleetFile, snapshot] {
        const Result<void> saved = store.save(file, snapshot);
        if (!saved)
            qCWarning(lcFleet).noquote()
                << "cannot save the last known state:" << saved.error().toString();
    });
}

} // namespace vipdeck
