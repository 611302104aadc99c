#include "tests/core/report/reportchecks.h"

#include <QRegularExpression>
#include <QXmlStreamReader>
#include <QtEndian>

using namespace Qt::StringLiterals;

namespace vipdeck::test {

QList<QStringList> parseCsv(const QByteArray &bytes, QString *error)
{
    const QString csv = QString::fromUtf8(bytes);
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    for (qsizetype i = 0; i < csv.size(); ++i) {
        const QChar c = csv[i];
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < csv.size() && csv[i + 1] == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == u'"') {
            if (fieldStarted && !field.isEmpty()) {
                *error = u"quote inside an unquoted field at %1"_s.arg(i);
                return {};
            }
            quoted = true;
            fieldStarted = true;
        } else if (c == u',') {
            record << field;
            field.clear();
            fieldStarted = false;
        } else if (c == u'\r') {
            if (i + 1 >= csv.size() || csv[i + 1] != u'\n') {
                *error = u"bare CR at %1"_s.arg(i);
                return {};
            }
            ++i;
            record << field;
            records << record;
            record.clear();
            field.clear();
            fieldStarted = false;
        } else if (c == u'\n') {
            *error = u"bare LF (records must end with CRLF) at %1"_s.arg(i);
            return {};
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (quoted)
        *error = u"unterminated quoted field"_s;
    else if (!field.isEmpty() || !record.isEmpty())
        *error = u"last record does not end with CRLF"_s;
    return records;
}

PdfFile readPdf(const QByteArray &pdf)
{
    PdfFile file;
    if (!pdf.startsWith("%PDF-1.4\n")) {
        file.error = u"no %PDF-1.4 header"_s;
        return file;
    }
    const qsizetype startxref = pdf.lastIndexOf("startxref\n");
    if (startxref < 0 || !pdf.trimmed().endsWith("%%EOF")) {
        file.error = u"no startxref or %%EOF"_s;
        return file;
    }
    const qint64 xref = pdf.mid(startxref + 10).split('\n').value(0).toLongLong();
    if (pdf.mid(xref, 5) != "xref\n") {
        file.error = u"startxref %1 does not point at the xref table"_s.arg(xref);
        return file;
    }
    const QList<QByteArray> header = pdf.mid(xref + 5, 40).split('\n').value(0).split(' ');
    const int count = header.value(1).toInt();
    qint64 pos = xref + 5 + pdf.mid(xref + 5).indexOf('\n') + 1;
    QList<qint64> offsets;
    for (int i = 0; i < count; ++i) {
        const QByteArray entry = pdf.mid(pos, 20);
        if (entry.size() != 20 || !entry.endsWith(" \n")) {
            file.error = u"xref entry %1 is not 20 bytes"_s.arg(i);
            return file;
        }
        if (i > 0)
            offsets << entry.left(10).toLongLong();
        pos += 20;
    }
    if (!pdf.mid(pos).startsWith(QByteArray("trailer\n<< /Size " + QByteArray::number(count)))) {
        file.error = u"trailer /Size does not match the xref table"_s;
        return file;
    }
    file.objects = int(offsets.size());
    QList<QByteArray> bodies;
    for (int i = 0; i < offsets.size(); ++i) {
        const QByteArray head = QByteArray::number(i + 1) + " 0 obj\n";
        if (pdf.mid(offsets[i], head.size()) != head) {
            file.error = u"xref offset of object %1 points at '%2'"_s.arg(i + 1).arg(
                QString::fromLatin1(pdf.mid(offsets[i], 12)));
            return file;
        }
        const qsizetype end = pdf.indexOf("\nendobj\n", offsets[i]);
        bodies << pdf.mid(offsets[i] + head.size(), end - offsets[i] - head.size());
    }
    static const QRegularExpression countRe(u"/Type /Pages /Kids \\[([0-9 R]*)\\] /Count (\\d+)"_s);
    const auto pages = countRe.match(QString::fromLatin1(bodies.value(1)));
    if (!pages.hasMatch()) {
        file.error = u"object 2 is not the page tree"_s;
        return file;
    }
    file.pageCount = pages.captured(2).toInt();
    const QStringList kids = pages.captured(1).split(u" R"_s, Qt::SkipEmptyParts);
    static const QRegularExpression contentsRe(u"/Contents (\\d+) 0 R"_s);
    for (const QString &kid : kids) {
        const QByteArray page = bodies.value(kid.trimmed().section(u' ', 0, 0).toInt() - 1);
        const auto m = contentsRe.match(QString::fromLatin1(page));
        if (!page.contains("/Type /Page ") || !m.hasMatch()) {
            file.error = u"page object %1 has no contents"_s.arg(kid);
            return file;
        }
        const QByteArray stream = bodies.value(m.captured(1).toInt() - 1);
        const qsizetype start = stream.indexOf("stream\n") + 7;
        const qint64 length =
            stream.mid(stream.indexOf("/Length ") + 8).split(' ').value(0).toLongLong();
        if (stream.mid(start + length, 10) != "\nendstream") {
            file.error = u"/Length of page %1's stream is wrong"_s.arg(kid);
            return file;
        }
        QByteArray zlib(4, '\0');
        qToBigEndian<quint32>(quint32(64 << 20), zlib.data()); // qUncompress: size hint
        zlib += stream.mid(start, length);
        file.contents << qUncompress(zlib);
        if (file.contents.last().isEmpty()) {
            file.error = u"page %1's stream does not inflate"_s.arg(kid);
            return file;
        }
    }
    if (file.contents.size() != file.pageCount)
        file.error = u"/Count %1 but %2 kids"_s.arg(file.pageCount).arg(file.contents.size());
    return file;
}

QStringList PdfFile::pageText(int page) const
{
    QStringList strings;
    const QByteArray content = contents.value(page);
    qsizetype pos = 0;
    while ((pos = content.indexOf(" Tf ", pos)) >= 0) {
        const qsizetype open = content.indexOf('(', pos);
        const qsizetype tj = content.indexOf(") Tj", open);
        if (open < 0 || tj < 0)
            break;
        QByteArray raw = content.mid(open + 1, tj - open - 1);
        QByteArray text;
        for (qsizetype i = 0; i < raw.size(); ++i) {
            if (raw[i] == '\\' && i + 1 < raw.size()) {
                ++i;
                if (raw[i] >= '0' && raw[i] <= '7') {
                    text.append(char(raw.mid(i, 3).toInt(nullptr, 8)));
                    i += 2;
                } else {
                    text.append(raw[i]);
                }
            } else {
                text.append(raw[i]);
            }
        }
        strings << QString::fromLatin1(text);
        pos = tj;
    }
    return strings;
}

QString xmlError(const QByteArray &xml)
{
    QXmlStreamReader reader(xml);
    while (!reader.atEnd())
        reader.readNext();
    if (reader.hasError())
        return u"%1:%2: %3"_s.arg(reader.lineNumber())
            .arg(reader.columnNumber())
            .arg(reader.errorString());
    return {};
}

} // namespace vipdeck::test
