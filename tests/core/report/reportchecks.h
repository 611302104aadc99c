#pragma once

// Readers for the report formats, shared by the unit and lab tests: an RFC
// 4180 CSV parser, a PDF reader that follows the cross-reference table and
// inflates the page content streams, and an XML well-formedness check.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace vipdeck::test {

// Records of an RFC 4180 file; `error` set when it is malformed.
QList<QStringList> parseCsv(const QByteArray &csv, QString *error);

struct PdfFile
{
    QString error;              // empty when the structure checks out
    int objects = 0;            // entries of the xref table (without object 0)
    int pageCount = 0;          // /Count of the page tree
    QList<QByteArray> contents; // inflated content stream of every page, in order
    // Every string shown with Tj on the page, decoded from WinAnsi (Latin-1 part).
    QStringList pageText(int page) const;
};

// Checks the header, that every xref offset points at "N 0 obj", startxref,
// the trailer, and inflates the content streams.
PdfFile readPdf(const QByteArray &pdf);

// Empty when `xml` is well-formed, else the reader's error with line:column.
QString xmlError(const QByteArray &xml);

} // namespace vipdeck::test
