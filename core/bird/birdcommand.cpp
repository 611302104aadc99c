#include "core/bird/birdcommand.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

constexpr qsizetype kMaxSymbolLength = 64; // BIRD's SYM_MAX_LEN

bool isLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_';
}

} // namespace

Result<void> validateBirdProtocolName(const QString &name)
{
    auto refuse = [&](const char *why) {
        return Error(
            ErrorCode::InvalidName,
            QCoreApplication::translate("vipdeck::BirdCommand",
                                        "Invalid BIRD protocol name \"%1\": %2")
                .arg(name.left(80), QCoreApplication::translate("vipdeck::BirdCommand", why)),
            {},
            QCoreApplication::translate("vipdeck::BirdCommand",
                                        "Use the protocol's name as `show protocols` lists it"));
    };
    if (name.isEmpty())
        return refuse(QT_TRANSLATE_NOOP("vipdeck::BirdCommand", "it is empty"));
    if (name.size() > kMaxSymbolLength)
        return refuse(QT_TRANSLATE_NOOP("vipdeck::BirdCommand", "it is longer than 64 characters"));
    if (!isLetter(name.at(0)))
        return refuse(
            QT_TRANSLATE_NOOP("vipdeck::BirdCommand", "it must start with a letter or `_`"));
    for (QChar c : name) {
        if (!isLetter(c) && !(c >= u'0' && c <= u'9'))
            return refuse(QT_TRANSLATE_NOOP("vipdeck::BirdCommand",
                                            "only letters, digits and `_` are allowed"));
    }
    if (name.compare(u"all"_s, Qt::CaseInsensitive) == 0)
        return refuse(
            QT_TRANSLATE_NOOP("vipdeck::BirdCommand", "`all` would select every protocol"));
    return {};
}

Result<QByteArray> birdProtocolCommand(const QString &verb, const QString &name)
{
    auto valid = validateBirdProtocolName(name);
    if (!valid)
        return valid.error();
    return (verb + u' ' + name + u'\n').toUtf8();
}

} // namespace vipdeck
