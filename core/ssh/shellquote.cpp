#include "core/ssh/shellquote.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace vipdeck {

QString shellQuote(const QString &argument)
{
    QString quoted = argument;
    quoted.replace(u'\'', u"'\\''"_s);
    return u'\'' + quoted + u'\'';
}

Result<QString> shellCommand(const QStringList &argv)
{
    if (argv.isEmpty())
        return Error(ErrorCode::InvalidArgument,
                     QCoreApplication::translate("vipdeck::Transport", "No command to run."));
    QStringList quoted;
    quoted.reserve(argv.size());
    for (const QString &argument : argv) {
        if (argument.contains(QChar(0)))
            return Error(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("vipdeck::Transport",
                                                     "A command argument contains a NUL byte."),
                         {}, {}, argument);
        quoted.append(shellQuote(argument));
    }
    return quoted.join(u' ');
}

} // namespace vipdeck
