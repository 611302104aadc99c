#include "models/attentionnotifier.h"

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

bool isCritical(Health health)
{
    return health == Health::Critical;
}

QString firstReason(const Verdict &verdict)
{
    for (const Reason &reason : verdict.reasons) {
        if (reason.severity == verdict.health)
            return reason.text;
    }
    return verdict.summary();
}

} // namespace

AttentionNotifier::AttentionNotifier(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
{}

void AttentionNotifier::setMuted(const QString &vip, const QDateTime &until)
{
    if (until.isValid())
        m_mutedUntil.insert(vip, until.toUTC());
    else
        m_mutedUntil.remove(vip);
}

bool AttentionNotifier::isMuted(const QString &vip) const
{
    const auto it = m_mutedUntil.constFind(vip);
    return it != m_mutedUntil.cend() && m_clock.now() < *it;
}

void AttentionNotifier::reset()
{
    m_haveBaseline = false;
    m_announced.clear();
    m_pending.clear();
    m_pendingOrder.clear();
}

void AttentionNotifier::applyUpdate(const FleetUpdate &update)
{
    if (!update.verdicts)
        return;
    const FleetVerdicts &verdicts = *update.verdicts;
    for (const Vip &vip : update.snapshot.inventory().vips()) {
        const auto it = verdicts.vips.constFind(vip.name);
        if (it == verdicts.vips.cend())
            continue;
        const QString subject = u"vip:"_s + vip.name;
        if (isMuted(vip.name)) {
            // Muted: follow silently, so unmuting announces nothing stale.
            m_announced.insert(subject, it->health);
            dropPending(subject);
            continue;
        }
        consider(subject, vip.name, it->health, firstReason(*it));
    }
    for (const Host &host : update.snapshot.inventory().hosts()) {
        const auto it = verdicts.hosts.constFind(host.name);
        if (it != verdicts.hosts.cend())
            consider(u"host:"_s + host.name, host.name, it->health, firstReason(*it));
    }
    m_haveBaseline = true;
    flush();
}

void AttentionNotifier::consider(const QString &subject, const QString &name, Health health,
                                 const QString &reason)
{
    if (!m_haveBaseline || !m_announced.contains(subject)) {
        m_announced.insert(subject, health); // the baseline: already on screen
        return;
    }
    const Health announced = m_announced.value(subject);
    const bool changed = isCritical(announced) != isCritical(health);
    if (!changed) {
        // Back where it was last announced before its turn came: a flap, not news.
        dropPending(subject);
        return;
    }
    if (!m_pending.contains(subject))
        m_pendingOrder << subject;
    m_pending.insert(subject, Pending{announced, health, name, reason});
}

void AttentionNotifier::dropPending(const QString &subject)
{
    if (m_pending.remove(subject))
        m_pendingOrder.removeAll(subject);
}

void AttentionNotifier::flush()
{
    if (m_pending.isEmpty())
        return;
    const qint64 now = m_clock.monotonicMs();
    if (m_lastSentMs >= 0 && now - m_lastSentMs < m_minIntervalMs)
        return; // they go out together with a later update
    QStringList critical;
    QStringList recovered;
    QStringList lines;
    AttentionNotification notification;
    notification.health = Health::Healthy;
    int named = 0;
    for (const QString &subject : std::as_const(m_pendingOrder)) {
        const Pending pending = m_pending.value(subject);
        m_announced.insert(subject, pending.to);
        notification.subjects << subject;
        const bool nowCritical = isCritical(pending.to);
        (nowCritical ? critical : recovered) << pending.name;
        // The worst new state: a critical host that became unreachable is
        // "no longer critical" but unknown, never shown as healthy.
        notification.health = worse(notification.health, pending.to);
        if (named++ < m_maxNamed)
            lines << (nowCritical ? tr("%1 is critical: %2").arg(pending.name, pending.reason)
                                  : tr("%1 is no longer critical: %2")
                                        .arg(pending.name, healthName(pending.to)));
    }
    if (named > m_maxNamed)
        lines << tr("and %n more", nullptr, named - m_maxNamed);
    // Up to three names in the title, else how many.
    QStringList title;
    if (!critical.isEmpty())
        title << (critical.size() <= 3
                      ? tr("%1 became critical").arg(critical.join(u", "_s))
                      : tr("%n VIPs and hosts became critical", nullptr, int(critical.size())));
    if (!recovered.isEmpty())
        title << (recovered.size() <= 3
                      ? tr("%1 no longer critical").arg(recovered.join(u", "_s))
                      : tr("%n VIPs and hosts no longer critical", nullptr, int(recovered.size())));
    notification.title = title.join(u"; "_s);
    notification.body = lines.join(u'\n');
    m_pending.clear();
    m_pendingOrder.clear();
    m_lastSentMs = now;
    if (m_enabled)
        emit notificationReady(notification);
}

} // namespace vipdeck
