#include "app/cli/auditcommand.h"

#include "core/audit/auditcommands.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace vipdeck::cli {

Result<AuditStoreConfig> auditStoreConfig(QStringList &arguments)
{
    QString url;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == u"--audit"_s && i + 1 < arguments.size()) {
            url = arguments.at(i + 1);
            arguments.remove(i, 2);
            break;
        }
        if (argument.startsWith(u"--audit="_s)) {
            url = argument.mid(8);
            arguments.remove(i);
            break;
        }
    }
    if (url.isEmpty())
        url = QSettings(u"vipdeck"_s, u"vipdeck"_s).value(u"audit/url"_s).toString();
    if (url.isEmpty())
        return AuditStoreConfig::defaultSqlite();
    return AuditStoreConfig::fromUrl(url);
}

int auditCommand(const QStringList &arguments, Console &console)
{
    QStringList rest = arguments;
    const Result<AuditStoreConfig> config = auditStoreConfig(rest);
    if (!config) {
        console.err() << u"vipdeckctl audit: "_s << config.error().toString() << u'\n';
        return ExitUsage;
    }
    return runAuditCommand(rest, *config, console.out(), console.err());
}

} // namespace vipdeck::cli
