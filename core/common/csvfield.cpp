#include "core/common/csvfield.h"

using namespace Qt::StringLiterals;

namespace vipdeck {

bool csvLooksLikeFormula(const QString &value)
{
    if (value.isEmpty())
        return false;
    const QChar c = value.front();
    return c == u'=' || c == u'+' || c == u'-' || c == u'@' || c == u'\t' || c == u'\r';
}

QString csvField(const QString &value, CsvCell kind)
{
    const bool neutralise = kind == CsvCell::Text && csvLooksLikeFormula(value);
    const bool quote = neutralise || value.contains(u',') || value.contains(u'"') ||
                       value.contains(u'\n') || value.contains(u'\r');
    if (!quote)
        return value;
    QString escaped = neutralise ? u'\'' + value : value;
    escaped.replace(u"\""_s, u"\"\""_s);
    return u'"' + escaped + u'"';
}

} // namespace vipdeck
