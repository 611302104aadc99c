#include "tests/core/report/reportchecks.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryFile>
#include <QXmlStreamReader>

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

namespace {

// Runs a poppler tool; its standard output, or nothing with `error` set.
QByteArray poppler(const QString &tool, const QStringList &arguments, QString &error)
{
    QProcess process;
    process.start(tool, arguments);
    if (!process.waitForFinished(60'000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        error = u"%1 failed (is poppler-utils installed?): %2"_s.arg(
            tool, QString::fromLocal8Bit(process.readAllStandardError()));
        return {};
    }
    if (const QByteArray complaint = process.readAllStandardError(); !complaint.isEmpty())
        error = tool + u" complained: "_s + QString::fromLocal8Bit(complaint);
    return process.readAllStandardOutput();
}

} // namespace

PdfFile readPdf(const QByteArray &pdf)
{
    PdfFile file;
    if (!pdf.startsWith("%PDF-")) {
        file.error = u"no %PDF- header"_s;
        return file;
    }
    QTemporaryFile temp;
    if (!temp.open() || temp.write(pdf) != pdf.size() || !temp.flush()) {
        file.error = u"cannot write a temporary file"_s;
        return file;
    }
    const QString path = temp.fileName();
    const QString info = QString::fromUtf8(poppler(u"pdfinfo"_s, {path}, file.error));
    if (!file.error.isEmpty())
        return file;
    static const QRegularExpression pages(u"^Pages:\\s+(\\d+)"_s,
                                          QRegularExpression::MultilineOption);
    file.pageCount = pages.match(info).captured(1).toInt();
    // -raw: in the order the page draws its text.  Pages end with a form feed.
    const QString text =
        QString::fromUtf8(poppler(u"pdftotext"_s, {u"-raw"_s, path, u"-"_s}, file.error));
    if (!file.error.isEmpty())
        return file;
    file.pages = text.split(u'\f');
    file.pages.resize(file.pageCount);
    // pdffonts: a header of two lines, then one font per line, "emb" a column.
    const QStringList fonts = QString::fromUtf8(poppler(u"pdffonts"_s, {path}, file.error))
                                  .split(u'\n', Qt::SkipEmptyParts);
    const QString header = fonts.value(0);
    const qsizetype emb = header.indexOf(u"emb"_s);
    for (qsizetype i = 2; i < fonts.size(); ++i) {
        file.fonts << fonts[i].left(header.indexOf(u"type"_s)).trimmed();
        if (emb < 0 || fonts[i].mid(emb, 3).trimmed() != u"yes"_s)
            file.notEmbedded << fonts[i].trimmed();
    }
    return file;
}

QStringList PdfFile::pageText(int page) const
{
    QStringList lines;
    for (const QString &line : pages.value(page).split(u'\n')) {
        const QString simplified = line.simplified();
        if (!simplified.isEmpty())
            lines << simplified;
    }
    return lines;
}

QString PdfFile::text(int page) const
{
    return pageText(page).join(u'\n');
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
