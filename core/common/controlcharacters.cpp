#include "core/common/controlcharacters.h"

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {
QString escaped(QChar c)
{
    switch (c.unicode()) {
    case u'\n':
        return u"\\n"_s;
    case u'\r':
        return u"\\r"_s;
    default:
        return u"\\x%1"_s.arg(uint(c.unicode()), 2, 16, QLatin1Char('0'));
    }
}
} // namespace

bool isControlCharacter(QChar c)
{
    const char16_t u = c.unicode();
    return (u < 0x20 && u != u'\t') || (u >= 0x7f && u <= 0x9f);
}

qsizetype firstControlCharacter(const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (isControlCharacter(text.at(i)))
            return i;
    }
    return -1;
}

QString escapeControlCharacters(const QString &text)
{
    if (firstControlCharacter(text) < 0)
        return text;
    QString out;
    out.reserve(text.size() + 8);
    for (const QChar c : text)
        out += isControlCharacter(c) ? escaped(c) : QString(c);
    return out;
}

QString controlCharacterName(QChar c)
{
    static const char *const names[] = {"NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL",
                                        "BS",  "HT",  "LF",  "VT",  "FF",  "CR",  "SO",  "SI",
                                        "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB",
                                        "CAN", "EM",  "SUB", "ESC", "FS",  "GS",  "RS",  "US"};
    const char16_t u = c.unicode();
    QString name;
    if (u < 0x20)
        name = QLatin1StringView(names[u]);
    else if (u == 0x7f)
        name = u"DEL"_s;
    else
        name = u"U+"_s + QString::number(uint(u), 16).rightJustified(4, u'0').toUpper();
    return u"%1 (%2)"_s.arg(name, escaped(c));
}

} // namespace vipdeck
