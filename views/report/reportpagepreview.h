#pragma once

// ReportPagePreview: the PDF report's pages as they will be printed, drawn
// from the same layout as the PDF (ReportPage replayed on a
// PainterReportCanvas), one page at a time with page navigation and zoom.

#include "core/report/reportpage.h"

#include <QImage>
#include <QWidget>

class QComboBox;
class QLabel;
class QScrollArea;
class QToolButton;

namespace vipdeck {

class ReportPagePreview : public QWidget
{
    Q_OBJECT
public:
    explicit ReportPagePreview(QWidget *parent = nullptr);

    void setPages(const QList<ReportPage> &pages);
    int pageCount() const { return int(m_pages.size()); }
    int currentPage() const { return m_current; } // 0-based; -1 without pages
    void setCurrentPage(int index);
    // 1.0: a point is a pixel at 96 dpi scaled by 96/72 (as a 100% view of
    // a PDF viewer); 0: fit the page's width into the view.
    void setZoom(double zoom);
    double zoom() const { return m_zoom; }

    // Page `index` at `pixelsPerPoint` on white.
    QImage renderPage(int index, double pixelsPerPoint) const;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void refresh();
    double pixelsPerPoint() const;

    QList<ReportPage> m_pages;
    int m_current = -1;
    double m_zoom = 0;
    QToolButton *m_previous = nullptr;
    QToolButton *m_next = nullptr;
    QLabel *m_pageLabel = nullptr;
    QComboBox *m_zoomBox = nullptr;
    QScrollArea *m_scroll = nullptr;
    QLabel *m_image = nullptr;
};

} // namespace vipdeck
