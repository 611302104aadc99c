#include "app/cli/auditcommand.h"

#include "core/audit/auditcommands.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace vipdeck::cli {

namespace {

// `option URL` or `option=URL`, taken out of `arguments`; empty when absent.
QString takeUrlOption(QStringList &arguments, const QString &option)
{
    const QString inline_ = option + u'=';
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == option && i + 1 < arguments.size()) {
            const QString url = arguments.at(i + 1);
            arguments.remove(i, 2);
            return url;
        }
        if (argument.startsWith(inline_)) {
            const QString url = argument.mid(inline_.size());
            arguments.remove(i);
            return url;
        }
    }
    return {};
}

// The URL given, else the environment's, else the setting's; empty: none.
QString storeUrl(const QString &given, const char *environment, const QString &setting)
{
    if (!given.isEmpty())
        return given;
    if (const QString url = qEnvironmentVariable(environment); !url.isEmpty())
        return url;
    return QSettings(u"vipdeck"_s, u"vipdeck"_s).value(setting).toString();
}

} // namespace

Result<AuditStoreConfig> auditStoreConfig(QStringList &arguments)
{
    const QString url =
        storeUrl(takeUrlOption(arguments, u"--audit"_s), "VIPDECK_AUDIT", u"audit/url"_s);
    if (url.isEmpty())
        return AuditStoreConfig::defaultSqlite();
    return AuditStoreConfig::fromUrl(url);
}

QString takeHistoryOption(QStringList &arguments)
{
    return takeUrlOption(arguments, u"--history"_s);
}

Result<AuditStoreConfig> historyStoreConfig(const QString &given, const QString &fleetFile)
{
    const QString url = storeUrl(given, "VIPDECK_HISTORY", u"history/url"_s);
    if (url.isEmpty())
        return AuditStoreConfig::defaultHistorySqlite(fleetFile);
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
