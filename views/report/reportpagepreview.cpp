#include "views/report/reportpagepreview.h"

#include "core/report/pdfrenderer.h"
#include "views/report/painterreportcanvas.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QScrollArea>
#include <QScrollBar>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

constexpr double PointsToPixels = 96.0 / 72.0;
constexpr double Zooms[] = {0, 0.5, 0.75, 1.0, 1.5, 2.0};

} // namespace

ReportPagePreview::ReportPagePreview(QWidget *parent)
    : QWidget(parent)
{
    m_previous = new QToolButton;
    m_previous->setObjectName(u"previewPreviousPage"_s);
    m_previous->setArrowType(Qt::LeftArrow);
    m_previous->setToolTip(tr("Previous page"));
    m_next = new QToolButton;
    m_next->setObjectName(u"previewNextPage"_s);
    m_next->setArrowType(Qt::RightArrow);
    m_next->setToolTip(tr("Next page"));
    m_pageLabel = new QLabel;
    m_pageLabel->setObjectName(u"previewPageLabel"_s);
    m_pageLabel->setAlignment(Qt::AlignCenter);
    m_pageLabel->setMinimumWidth(
        m_pageLabel->fontMetrics().horizontalAdvance(tr("Page %1 of %2").arg(888).arg(888)) + 8);
    m_zoomBox = new QComboBox;
    m_zoomBox->setObjectName(u"previewZoom"_s);
    for (double zoom : Zooms)
        m_zoomBox->addItem(zoom == 0 ? tr("Fit width") : tr("%1%").arg(qRound(zoom * 100)), zoom);

    m_image = new QLabel;
    m_image->setObjectName(u"previewPageImage"_s);
    m_image->setAlignment(Qt::AlignCenter);
    m_scroll = new QScrollArea;
    m_scroll->setObjectName(u"previewScroll"_s);
    m_scroll->setWidget(m_image);
    m_scroll->setWidgetResizable(true);
    m_scroll->setAlignment(Qt::AlignCenter);
    m_scroll->setBackgroundRole(QPalette::Dark);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_previous);
    bar->addWidget(m_pageLabel);
    bar->addWidget(m_next);
    bar->addStretch();
    bar->addWidget(new QLabel(tr("Zoom:")));
    bar->addWidget(m_zoomBox);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_scroll, 1);

    connect(m_previous, &QToolButton::clicked, this, [this] { setCurrentPage(m_current - 1); });
    connect(m_next, &QToolButton::clicked, this, [this] { setCurrentPage(m_current + 1); });
    connect(m_zoomBox, &QComboBox::activated, this,
            [this](int index) { setZoom(m_zoomBox->itemData(index).toDouble()); });
    refresh();
}

void ReportPagePreview::setPages(const QList<ReportPage> &pages)
{
    m_pages = pages;
    m_current = m_pages.isEmpty() ? -1 : std::clamp(m_current, 0, int(m_pages.size()) - 1);
    refresh();
}

void ReportPagePreview::setCurrentPage(int index)
{
    if (index < 0 || index >= m_pages.size() || index == m_current)
        return;
    m_current = index;
    refresh();
    m_scroll->verticalScrollBar()->setValue(0);
}

void ReportPagePreview::setZoom(double zoom)
{
    m_zoom = std::max(0.0, zoom);
    const int item = m_zoomBox->findData(m_zoom);
    if (item >= 0)
        m_zoomBox->setCurrentIndex(item);
    refresh();
}

double ReportPagePreview::pixelsPerPoint() const
{
    if (m_zoom > 0)
        return m_zoom * PointsToPixels;
    // Fit width: the viewport less a small margin, never below a readable minimum.
    const int room = m_scroll->viewport()->width() - 16;
    return std::max(0.25, double(room) / PdfPageWidth);
}

QImage ReportPagePreview::renderPage(int index, double scale) const
{
    if (index < 0 || index >= m_pages.size())
        return {};
    const qreal ratio = devicePixelRatioF();
    QImage image(qRound(PdfPageWidth * scale * ratio), qRound(PdfPageHeight * scale * ratio),
                 QImage::Format_RGB32);
    image.setDevicePixelRatio(ratio);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.scale(scale, scale);
    PainterReportCanvas canvas(&painter);
    m_pages[index].replay(canvas);
    return image;
}

void ReportPagePreview::refresh()
{
    const int count = int(m_pages.size());
    m_previous->setEnabled(m_current > 0);
    m_next->setEnabled(m_current >= 0 && m_current + 1 < count);
    m_pageLabel->setText(count == 0 ? tr("No pages")
                                    : tr("Page %1 of %2").arg(m_current + 1).arg(count));
    if (m_current < 0) {
        m_image->setPixmap({});
        return;
    }
    m_image->setPixmap(QPixmap::fromImage(renderPage(m_current, pixelsPerPoint())));
}

void ReportPagePreview::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (m_zoom == 0)
        refresh();
}

} // namespace vipdeck
