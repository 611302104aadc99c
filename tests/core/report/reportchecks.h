#pragma once

// Readers for the report formats, shared by the unit and lab tests: an RFC
// 4180 CSV parser, a PDF read back with poppler, and an XML well-formedness
// check.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace vipdeck::test {

// Records of an RFC 4180 file; `error` set when it is malformed.
QList<QStringList> parseCsv(const QByteArray &csv, QString *error);

// A PDF as poppler reads it (pdfinfo, pdftotext, pdffonts): what a reader
// of the file gets, whatever wrote it.
struct PdfFile
{
    QString error; // empty when poppler read it without complaint
    int pageCount = 0;
    QStringList pages;       // each page's text, in drawing order (pdftotext -raw)
    QStringList fonts;       // every font the file uses
    QStringList notEmbedded; // pdffonts lines of fonts that are not embedded
    // The page's lines, whitespace simplified, empty ones left out.
    QStringList pageText(int page) const;
    QString text(int page) const; // the same lines joined by '\n'
};

// Reads `pdf` with poppler's tools (poppler-utils).
PdfFile readPdf(const QByteArray &pdf);

// Empty when `xml` is well-formed, else the reader's error with line:column.
QString xmlError(const QByteArray &xml);

} // namespace vipdeck::test
