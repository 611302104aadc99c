#include "core/haproxy/haproxynames.h"

#include "core/haproxy/haproxytr.h"

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

bool allowedInName(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') ||
           u == u'-' || u == u'_' || u == u'.' || u == u':';
}

QString describe(QChar c)
{
    switch (c.unicode()) {
    case u' ':
        return HaproxyTr::tr("a space");
    case u'\t':
        return HaproxyTr::tr("a tab");
    case u'\n':
        return HaproxyTr::tr("a newline");
    case u'\r':
        return HaproxyTr::tr("a carriage return");
    case u'\0':
        return HaproxyTr::tr("a NUL byte");
    default:
        break;
    }
    if (c.isPrint())
        return u"'"_s + c + u"'"_s;
    return u"U+%1"_s.arg(static_cast<uint>(c.unicode()), 4, 16, QLatin1Char('0'));
}

Result<void> validateName(const QString &name, const QString &kind)
{
    if (name.isEmpty()) {
        return Error(ErrorCode::InvalidName, HaproxyTr::tr("The %1 name is empty.").arg(kind), {},
                     HaproxyTr::tr("Give the name as it appears in the HAProxy configuration."));
    }
    for (qsizetype i = 0; i < name.size(); ++i) {
        if (!allowedInName(name.at(i))) {
            // The name is not echoed raw: it may hold control characters.
            QString shown = name;
            shown.replace(u'\n', u"\\n"_s).replace(u'\r', u"\\r"_s).replace(QChar(0), u"\\0"_s);
            return Error(
                ErrorCode::InvalidName,
                HaproxyTr::tr("The %1 name \"%2\" contains %3 at position %4, which HAProxy "
                              "does not allow in names.")
                    .arg(kind, shown, describe(name.at(i)))
                    .arg(i + 1),
                {},
                HaproxyTr::tr("Names may only contain letters, digits, '-', '_', '.' and "
                              "':'."));
        }
    }
    return {};
}

} // namespace

Result<void> validateProxyName(const QString &name)
{
    return validateName(name, HaproxyTr::tr("backend"));
}

Result<void> validateServerName(const QString &name)
{
    return validateName(name, HaproxyTr::tr("server"));
}

} // namespace vipdeck
