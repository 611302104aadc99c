#include "models/healthstyle.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QPainter>
#include <QPixmap>

#include <array>

using namespace Qt::StringLiterals;

namespace vipdeck {

QString healthShortText(Health health)
{
    switch (health) {
    case Health::Healthy:
        // The words of vipdeckctl and the reports (healthName()), in capitals.
        return QCoreApplication::translate("vipdeck::Health", "HEALTHY");
    case Health::Degraded:
        return QCoreApplication::translate("vipdeck::Health", "DEGRADED");
    case Health::Critical:
        return QCoreApplication::translate("vipdeck::Health", "CRITICAL");
    case Health::Unknown:
        break;
    }
    return QCoreApplication::translate("vipdeck::Health", "UNKNOWN");
}

QString healthCountText(Health health, int count)
{
    switch (health) {
    case Health::Healthy:
        return QCoreApplication::translate("vipdeck::Health", "%n healthy", nullptr, count);
    case Health::Degraded:
        return QCoreApplication::translate("vipdeck::Health", "%n degraded", nullptr, count);
    case Health::Critical:
        return QCoreApplication::translate("vipdeck::Health", "%n critical", nullptr, count);
    case Health::Unknown:
        break;
    }
    return QCoreApplication::translate("vipdeck::Health", "%n unknown", nullptr, count);
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

namespace {

// A transparent size x size pixmap, painted by `draw` on a 16 x 16 canvas.
template <typename Draw> QPixmap paintedIcon(int size, Draw draw)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.scale(size / 16.0, size / 16.0);
    draw(p);
    return pixmap;
}

// Painted rather than loaded from the SVGs: the SVG icon engine is an optional
// Qt plugin, and a missing icon must never leave a state shown by colour alone.
void drawHealth(QPainter &p, Health health)
{
    p.setPen(Qt::NoPen);
    p.setBrush(healthColor(health));
    QPen glyph(Qt::white, 1.9, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    switch (health) {
    case Health::Healthy:
        p.drawEllipse(QRectF(1, 1, 14, 14));
        p.setPen(glyph);
        p.drawPolyline(QPolygonF({QPointF(4.5, 8.3), QPointF(6.8, 10.6), QPointF(11.5, 5.6)}));
        break;
    case Health::Degraded:
        p.drawPolygon(QPolygonF({QPointF(8, 1.2), QPointF(15.2, 14.3), QPointF(0.8, 14.3)}));
        glyph.setColor(QColor(0x1d, 0x1d, 0x1d));
        p.setPen(glyph);
        p.drawLine(QPointF(8, 5.8), QPointF(8, 9.6));
        p.drawPoint(QPointF(8, 12.2));
        break;
    case Health::Critical:
        p.drawPolygon(
            QPolygonF({QPointF(5.1, 1), QPointF(10.9, 1), QPointF(15, 5.1), QPointF(15, 10.9),
                       QPointF(10.9, 15), QPointF(5.1, 15), QPointF(1, 10.9), QPointF(1, 5.1)}));
        p.setPen(glyph);
        p.drawLine(QPointF(5.3, 5.3), QPointF(10.7, 10.7));
        p.drawLine(QPointF(10.7, 5.3), QPointF(5.3, 10.7));
        break;
    case Health::Unknown:
        p.drawEllipse(QRectF(1, 1, 14, 14));
        p.setPen(Qt::white);
        QFont font = p.font();
        font.setBold(true);
        font.setPixelSize(11);
        p.setFont(font);
        p.drawText(QRectF(1, 1, 14, 14), Qt::AlignCenter, u"?"_s);
        break;
    }
}

QPixmap paintHealth(Health health, int size)
{
    return paintedIcon(size, [health](QPainter &p) { drawHealth(p, health); });
}

// The health icon with the "announcement unknown" badge in its lower right.
QPixmap paintUnknownAnnouncement(Health health, int size)
{
    QPixmap pixmap = paintHealth(health, size);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.scale(size / 16.0, size / 16.0);
    const QPolygonF triangle({QPointF(11.5, 7.2), QPointF(15.6, 15.4), QPointF(7.4, 15.4)});
    p.setPen(QPen(Qt::white, 2.2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(Qt::white);
    p.drawPolygon(triangle); // a halo, so the badge reads on every icon
    p.setPen(QPen(QColor(0x1d, 0x1d, 0x1d), 1.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.drawPolygon(triangle);
    QFont font = p.font();
    font.setBold(true);
    font.setPixelSize(6);
    p.setFont(font);
    p.drawText(QRectF(7.4, 9.6, 8.2, 6), Qt::AlignCenter, u"?"_s);
    return pixmap;
}

} // namespace

// One icon per health, each at 16, 24 and 32 px, painted by `paint`.
template <typename Paint> std::array<QIcon, 4> iconsByHealth(Paint paint)
{
    std::array<QIcon, 4> all;
    for (Health h : {Health::Healthy, Health::Unknown, Health::Degraded, Health::Critical}) {
        QIcon icon;
        for (int size : {16, 24, 32})
            icon.addPixmap(paint(h, size));
        all[size_t(h)] = icon;
    }
    return all;
}

QIcon infoIcon()
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return {};
    static const QIcon icon = [] {
        QIcon built;
        for (int size : {16, 24, 32}) {
            built.addPixmap(paintedIcon(size, [](QPainter &p) {
                p.setPen(Qt::NoPen);
                p.setBrush(QColor(0x3b, 0x6e, 0xa8)); // a neutral blue: neither good nor bad
                p.drawEllipse(QRectF(1, 1, 14, 14));
                p.setPen(QPen(Qt::white, 1.9, Qt::SolidLine, Qt::RoundCap));
                p.drawLine(QPointF(8, 7.2), QPointF(8, 11.8));
                p.drawPoint(QPointF(8, 4.6));
            }));
        }
        return built;
    }();
    return icon;
}

QIcon cellIcon(Health health, Announcement announcement)
{
    if (announcement != Announcement::Unknown)
        return healthIcon(health);
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return {};
    static const auto icons = iconsByHealth(paintUnknownAnnouncement);
    return icons[size_t(health)];
}

QIcon healthIcon(Health health)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return {};
    // Built once; QIcon shares its data, so every cell returns the same icon.
    static const auto icons = iconsByHealth(paintHealth);
    return icons[size_t(health)];
}

} // namespace vipdeck
