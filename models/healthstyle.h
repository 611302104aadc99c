#pragma once

// How a Health is shown to people: a short word, an icon and a soft tint.
// Every view shows the word and the icon together with the colour, so the
// state never rests on colour alone.

#include "core/fleet/verdict.h"

#include <QColor>
#include <QIcon>
#include <QString>

namespace vipdeck {

// "HEALTHY", "DEGRADED", "CRITICAL", "UNKNOWN": healthName() in capitals.
QString healthShortText(Health health);
// "3 degraded", "1 critical", "12 healthy": a count of VIPs (or hosts) in a state.
QString healthCountText(Health health, int count);
// A translucent tint that reads on light and dark palettes alike.
QColor healthTint(Health health);
// A saturated colour for chart lines and icons.
QColor healthColor(Health health);
QIcon healthIcon(Health health);
// For facts that are neither good nor bad (an event of severity info): a blue
// "i", never the green check of a healthy state.
QIcon infoIcon();
// The health icon of a (VIP, host) cell; when whether the host announces the
// VIP is unknown, with a badge in its corner: an outlined triangle holding a
// question mark (the announced mark is a filled triangle).
QIcon cellIcon(Health health, Announcement announcement);

} // namespace vipdeck
