#include "core/haproxy/configcheck.h"

#include "core/haproxy/haproxytr.h"
#include "core/haproxy/replytext.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

struct Messages
{
    QStringList alerts;
    QStringList warnings;
};

// "[ALERT]    (6896) : config : text" -> level "ALERT", "config : text".
Messages collect(const QString &output)
{
    static const QRegularExpression start(
        u"^\\[(ALERT|WARNING|NOTICE)\\]\\s*(?:\\(\\d+\\)\\s*)?:\\s?(.*)$"_s);
    Messages messages;
    QStringList *last = nullptr;
    for (const QString &line : output.split(u'\n')) {
        const auto match = start.match(line);
        if (match.hasMatch()) {
            const QString level = match.captured(1);
            last = level == u"ALERT"_s     ? &messages.alerts
                   : level == u"WARNING"_s ? &messages.warnings
                                           : nullptr;
            if (last)
                last->append(match.captured(2).trimmed());
        } else if (last && line.startsWith(u"   |"_s)) {
            last->last() += u' ' + line.mid(4).trimmed();
        } else {
            last = nullptr;
        }
    }
    return messages;
}

} // namespace

Result<ConfigCheck> parseConfigCheck(int exitCode, const QByteArray &output,
                                     const QString &configPath)
{
    const QString text = QString::fromUtf8(output);
    const Messages messages = collect(text);
    if (exitCode != 0) {
        QString message;
        if (messages.alerts.isEmpty()) {
            message = HaproxyTr::tr("The configuration check failed (exit code %1).").arg(exitCode);
        } else {
            // The first alert usually names file:line; the rest sum it up.
            message =
                HaproxyTr::tr("The configuration is invalid: %1").arg(messages.alerts.constFirst());
        }
        return Error(ErrorCode::ConfigCheckFailed, message, configPath,
                     HaproxyTr::tr("Fix the configuration; HAProxy keeps running the old one."),
                     messages.alerts.isEmpty() ? haproxy_detail::excerpt(output, 2000)
                                               : messages.alerts.join(u'\n'));
    }
    return ConfigCheck{messages.warnings, text};
}

} // namespace vipdeck
