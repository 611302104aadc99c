#include "models/healthstyle.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace vipdeck {

QString healthShortText(Health health)
{
    switch (health) {
    case Health::Healthy:
        return QCoreApplication::translate("vipdeck::Health", "OK");
    case Health::Degraded:
        return QCoreApplication::translate("vipdeck::Health", "DEGRADED");
    case Health::Critical:
        return QCoreApplication::translate("vipdeck::Health", "CRITICAL");
    case Health::Unknown:
        break;
    }
    return QCoreApplication::translate("vipdeck::Health", "UNKNOWN");
}

QColor healthColor(Health health)
{
    switch (health) {
    case Health::Healthy:
        return QColor(0x2e, 0x9d, 0x4f);
    case Health::Degraded:
        return QColor(0xe0, 0x9b, 0x16);
    case Health::Critical:
        return QColor(0xd3, 0x2f, 0x2f);
    case Health::Unknown:
        break;
    }
    return QColor(0x8a, 0x8f, 0x98);
}

QColor healthTint(Health health)
{
    QColor color = healthColor(health);
    color.setAlpha(health == Health::Healthy ? 40 : 80);
    return color;
}

QString healthIconPath(Health health)
{
    switch (health) {
    case Health::Healthy:
        return u":/icons/health-healthy.svg"_s;
    case Health::Degraded:
        return u":/icons/health-degraded.svg"_s;
    case Health::Critical:
        return u":/icons/health-critical.svg"_s;
    case Health::Unknown:
        break;
    }
    return u":/icons/health-unknown.svg"_s;
}

QIcon healthIcon(Health health)
{
    // QIcon shares its data; caching avoids re-reading the SVG for every cell.
    static const QIcon icons[] = {
        QIcon(healthIconPath(Health::Healthy)), QIcon(healthIconPath(Health::Unknown)),
        QIcon(healthIconPath(Health::Degraded)), QIcon(healthIconPath(Health::Critical))};
    return icons[int(health)];
}

} // namespace vipdeck
