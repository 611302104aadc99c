#pragma once

// AttentionNotifier: decides when the console should ask for attention.
// It follows the verdicts of every update and announces the transitions an
// admin must not miss: a VIP or an LB host becoming critical, and its
// recovery (back to healthy from critical).  The GUI shows them as desktop
// notifications; this class only decides, so a test observes every decision
// through notificationReady().
//
// So that a flapping fleet does not flood the desktop:
// - at most one notification per `minInterval` (default 30 s); transitions in
//   between wait and go out together, grouped, with the next update after it;
// - a subject that flaps back to the state it was last announced in before
//   its turn comes is dropped, not announced twice;
// - one notification names at most `maxNamed` subjects, then "and N more";
// - a VIP can be muted until a time (setMuted), e.g. during planned work.
// The first update only sets the baseline: what was already critical when
// the console opened is on the screen, not news.

#include "core/common/clock.h"
#include "core/fleet/fleetupdate.h"

#include <QHash>
#include <QObject>

namespace vipdeck {

struct AttentionNotification
{
    QString title;                    // "2 VIPs became critical"
    QString body;                     // one line per subject: "shop: withdrawn on every host ..."
    Health health = Health::Critical; // the worst new state of its subjects
    QStringList subjects;             // "vip:shop", "host:lb2"
};

class AttentionNotifier : public QObject
{
    Q_OBJECT
public:
    explicit AttentionNotifier(const Clock &clock = Clock::system(), QObject *parent = nullptr);

    void setEnabled(bool enabled) { m_enabled = enabled; }
    bool isEnabled() const { return m_enabled; }
    void setMinInterval(qint64 ms) { m_minIntervalMs = ms; }
    void setMaxNamed(int count) { m_maxNamed = count; }
    // No notification about `vip` until `until` (UTC); an invalid time unmutes.
    void setMuted(const QString &vip, const QDateTime &until);
    bool isMuted(const QString &vip) const;

    void applyUpdate(const FleetUpdate &update);
    // Forgets the baseline (a different fleet was opened).
    void reset();

signals:
    void notificationReady(const AttentionNotification &notification);

private:
    struct Pending
    {
        Health from = Health::Unknown; // as last announced (or the baseline)
        Health to = Health::Unknown;
        QString name;
        QString reason;
    };

    void consider(const QString &subject, const QString &name, Health health,
                  const QString &reason);
    void dropPending(const QString &subject);
    void flush();

    const Clock &m_clock;
    bool m_enabled = true;
    qint64 m_minIntervalMs = 30'000;
    int m_maxNamed = 5;
    bool m_haveBaseline = false;
    qint64 m_lastSentMs = -1;
    QHash<QString, Health> m_announced; // subject -> the state last announced (or baseline)
    QHash<QString, Pending> m_pending;  // subject -> waiting for its turn
    QStringList m_pendingOrder;
    QHash<QString, QDateTime> m_mutedUntil; // VIP name -> until
};

} // namespace vipdeck

Q_DECLARE_METATYPE(vipdeck::AttentionNotification)
