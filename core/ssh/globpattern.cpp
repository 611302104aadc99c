#include "core/ssh/globpattern.h"

#include "core/ssh/shellquote.h"
#include "core/ssh/translate.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

bool isPathCharacter(QChar c)
{
    if (c.unicode() >= 0x80)
        return false;
    const char ascii = char(c.unicode());
    return (ascii >= 'a' && ascii <= 'z') || (ascii >= 'A' && ascii <= 'Z') ||
           (ascii >= '0' && ascii <= '9') || QByteArrayView("._-/@%+=,:").contains(ascii);
}

} // namespace

Result<void> validateGlobPattern(const QString &pattern)
{
    const QString hint =
        TransportTr::tr("Use an absolute path whose only wildcard is '*', for example "
                        "/run/haproxy/*/stats.sock.");
    if (!pattern.startsWith(u'/'))
        return Error(ErrorCode::InvalidArgument,
                     TransportTr::tr("The glob pattern is not an absolute path."), pattern, hint);
    if (pattern.size() > 4096)
        return Error(ErrorCode::InvalidArgument, TransportTr::tr("The glob pattern is too long."),
                     {}, hint);
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c == u'*' || isPathCharacter(c))
            continue;
        const QString shown = c.isPrint() && !c.isSpace()
                                  ? QString(c)
                                  : u"U+%1"_s.arg(uint(c.unicode()), 4, 16, QChar(u'0')).toUpper();
        return Error(
            ErrorCode::InvalidArgument,
            TransportTr::tr("The glob pattern contains '%1' at position %2, which is not allowed.")
                .arg(shown)
                .arg(i + 1),
            pattern, hint);
    }
    return {};
}

Result<QString> globShellCommand(const QString &pattern)
{
    if (auto valid = validateGlobPattern(pattern); !valid)
        return valid.error();
    QString word;
    const QStringList literals = pattern.split(u'*');
    for (qsizetype i = 0; i < literals.size(); ++i) {
        if (i > 0)
            word += u'*';
        if (!literals.at(i).isEmpty())
            word += shellQuote(literals.at(i));
    }
    // An unmatched pattern stays literal in POSIX sh; the existence test drops
    // it (and -L keeps dangling symlinks, like QDir would list them).
    return QString(
        u"for f in "_s + word +
        u"; do if [ -e \"$f\" ] || [ -L \"$f\" ]; then printf '%s\\n' \"$f\"; fi; done"_s);
}

QStringList parseGlobOutput(const QByteArray &output)
{
    QStringList paths;
    for (const QByteArray &line : output.split('\n')) {
        if (!line.isEmpty())
            paths.append(QString::fromUtf8(line));
    }
    paths.sort();
    return paths;
}

Result<QStringList> expandGlobLocally(const QString &pattern)
{
    if (auto valid = validateGlobPattern(pattern); !valid)
        return valid.error();
    QStringList current{u"/"_s};
    const QStringList components = pattern.split(u'/', Qt::SkipEmptyParts);
    for (const QString &component : components) {
        QStringList next;
        for (const QString &base : std::as_const(current)) {
            const QString prefix = base.endsWith(u'/') ? base : base + u'/';
            if (!component.contains(u'*')) {
                const QString path = prefix + component;
                if (QFileInfo(path).exists() || QFileInfo(path).isSymLink())
                    next.append(path);
                continue;
            }
            // QDir::System lists sockets, FIFOs and dangling symlinks; like the shell, a
            // '*' does not match a leading dot.
            const QDir dir(base);
            const QStringList names = dir.entryList({component},
                                                    QDir::AllEntries | QDir::System |
                                                        QDir::NoDotAndDotDot | QDir::CaseSensitive,
                                                    QDir::Name);
            for (const QString &name : names)
                next.append(prefix + name);
        }
        current = next;
        if (current.isEmpty())
            break;
    }
    if (components.isEmpty())
        return QStringList{u"/"_s};
    current.sort();
    return current;
}

} // namespace vipdeck
