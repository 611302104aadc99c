#include "core/report/csvrenderer.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {
// Numbers stay numbers ("-3" is not a formula); every other value is text.
CsvCell cellKind(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Double:
    case QMetaType::Float:
    case QMetaType::Bool:
        return CsvCell::Number;
    default:
        return CsvCell::Text;
    }
}
} // namespace

QString reportValueText(const QVariant &value)
{
    if (value.isNull() || !value.isValid())
        return {};
    switch (value.typeId()) {
    case QMetaType::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QMetaType::QDateTime:
        return value.toDateTime().toUTC().toString(Qt::ISODate);
    case QMetaType::Double:
        return QString::number(value.toDouble(), 'g', 12);
    default:
        return value.toString();
    }
}

Result<QByteArray> renderCsv(const ReportDocument &document, const QString &tableId)
{
    const ReportTable *table = document.table(tableId);
    if (!table) {
        QStringList ids;
        for (const ReportTable *t : document.tables())
            ids << t->id;
        return Error(ErrorCode::InvalidArgument,
                     QCoreApplication::translate("vipdeck::Report", "The report has no table '%1'.")
                         .arg(tableId),
                     QString(),
                     QCoreApplication::translate("vipdeck::Report", "Choose one of: %1.")
                         .arg(ids.join(u", "_s)));
    }
    QString out;
    QStringList fields;
    for (const ReportColumn &c : table->columns)
        fields << csvField(c.key);
    out += fields.join(u',') + u"\r\n"_s;
    for (const QList<ReportCell> &row : table->rows) {
        fields.clear();
        for (const ReportCell &cell : row)
            fields << csvField(reportValueText(cell.value), cellKind(cell.value));
        out += fields.join(u',') + u"\r\n"_s;
    }
    return out.toUtf8();
}

} // namespace vipdeck
