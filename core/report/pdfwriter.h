#pragma once

// PdfWriter: assembles a PDF 1.4 file from page content streams: catalog,
// page tree, the standard Type1 fonts Helvetica and Helvetica-Bold in
// WinAnsiEncoding (nothing embedded, so every viewer has them), one
// transparency state for chart areas, the document info, and a
// cross-reference table with exact byte offsets.  No QtGui: vipdeckctl writes
// PDF reports from cron without a display.

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace vipdeck {

enum class PdfFont { Regular, Bold }; // resources /F1 and /F2

class PdfWriter
{
public:
    // Page size in points (1/72 inch); A4 landscape by default.
    explicit PdfWriter(double pageWidth = 842, double pageHeight = 595);

    void setTitle(const QString &title) { m_title = title; }
    void setProducer(const QString &producer) { m_producer = producer; }
    void setCreationDate(const QDateTime &time) { m_created = time; }

    // Adds a page whose content stream is `content` (PDF operators; see PdfCanvas).
    void addPage(const QByteArray &content);
    int pageCount() const { return int(m_pages.size()); }

    // The complete file.
    QByteArray finish() const;

    // Text in WinAnsiEncoding (Windows-1252): German umlauts, ß, €, dashes and
    // quotes map; anything else becomes '?'.
    static QByteArray encodeWinAnsi(const QString &text);
    // A PDF literal string "(...)" with '(', ')', '\' and control bytes escaped.
    static QByteArray literalString(const QByteArray &bytes);
    // Advance width of `text` in points at `size`.
    static double textWidth(const QString &text, PdfFont font, double size);
    // A number as PDF writes it: no exponent, at most 2 decimals.
    static QByteArray number(double value);

private:
    double m_width;
    double m_height;
    QString m_title;
    QString m_producer;
    QDateTime m_created;
    QList<QByteArray> m_pages;
};

} // namespace vipdeck
