#include "core/fleet/reloadoperation.h"

#include <QCoreApplication>
#include <QDir>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

// This file's messages, in a context lupdate can see.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vipdeck::Reload)
};

// The words of one configuration line as HAProxy splits them: blanks
// separate, '#' outside quotes starts a comment, "..." and '...' quote,
// backslash escapes the next character (outside single quotes).
Result<QStringList> splitLine(const QString &line)
{
    QStringList words;
    QString word;
    bool inWord = false;
    QChar quote;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            else if (c == u'\\' && quote == u'"' && i + 1 < line.size())
                word += line[++i];
            else
                word += c;
            continue;
        }
        if (c == u'#')
            break;
        if (c.isSpace()) {
            if (inWord)
                words.append(word);
            word.clear();
            inWord = false;
        } else if (c == u'"' || c == u'\'') {
            quote = c;
            inWord = true;
        } else if (c == u'\\' && i + 1 < line.size()) {
            word += line[++i];
            inWord = true;
        } else {
            word += c;
            inWord = true;
        }
    }
    if (!quote.isNull())
        return Error(ErrorCode::Parse, Tr::tr("unterminated quote"));
    if (inWord)
        words.append(word);
    return words;
}

bool isSectionKeyword(const QString &word)
{
    static const QStringList sections = {
        u"global"_s,      u"defaults"_s,  u"frontend"_s, u"backend"_s, u"listen"_s,
        u"peers"_s,       u"resolvers"_s, u"userlist"_s, u"mailers"_s, u"program"_s,
        u"http-errors"_s, u"ring"_s,      u"cache"_s,    u"fcgi-app"_s};
    return sections.contains(word);
}

} // namespace

QString reloadStepName(ReloadStep step)
{
    switch (step) {
    case ReloadStep::ConfigCheck:
        return u"config-check"_s;
    case ReloadStep::DumpState:
        return u"dump-state"_s;
    case ReloadStep::Reload:
        return u"reload"_s;
    case ReloadStep::WaitHealthy:
        return u"wait-healthy"_s;
    }
    return {};
}

bool ReloadResult::ok() const
{
    return !refused && !hosts.isEmpty() &&
           std::all_of(hosts.cbegin(), hosts.cend(),
                       [](const ReloadHostResult &h) { return h.ok; });
}

QStringList ReloadResult::skippedByPreflight() const
{
    QStringList out;
    if (refused)
        return out;
    for (const ReloadHostResult &h : hosts)
        if (h.skipped && h.failedPreflightCheck)
            out.append(h.host);
    return out;
}

QString ReloadResult::summary() const
{
    if (refused)
        return Tr::tr("not started: %1").arg(refused->toString());
    if (request.dryRun) {
        if (preflight.ok())
            return Tr::tr("%1: dry run: pre-flight passed on %2; nothing was reloaded")
                .arg(request.vip, preflight.passedHosts().join(u", "_s));
        return Tr::tr("%1: dry run: pre-flight failed: %2; nothing was reloaded")
            .arg(request.vip, preflight.failureText());
    }
    QStringList parts;
    for (const ReloadHostResult &h : hosts) {
        if (h.ok)
            parts.append(Tr::tr("%1 reloaded").arg(h.host));
        else if (h.skipped && h.failedPreflightCheck)
            parts.append(Tr::tr("%1 skipped (failed pre-flight %2)")
                             .arg(h.host, preflightCheckName(*h.failedPreflightCheck)));
        else if (h.skipped)
            parts.append(Tr::tr("%1 not reloaded (stopped earlier)").arg(h.host));
        else
            parts.append(Tr::tr("%1 failed at %2: %3")
                             .arg(h.host, h.failedStep ? reloadStepName(*h.failedStep) : u"?"_s,
                                  h.error ? h.error->toString() : h.message));
    }
    return request.vip + u": "_s + parts.join(u"; "_s);
}

Result<std::optional<QString>> serverStateFileFromConfig(const QByteArray &config,
                                                         const QString &configPath,
                                                         const QString &workingDir)
{
    QString section;
    QString base;
    QString file;
    bool loaded = false;
    const QList<QByteArray> lines = config.split('\n');
    for (qsizetype n = 0; n < lines.size(); ++n) {
        const QString where = configPath + u':' + QString::number(n + 1);
        Result<QStringList> words = splitLine(QString::fromUtf8(lines[n]));
        if (!words.ok())
            return Error(ErrorCode::Parse, words.error().message, where);
        if (words->isEmpty())
            continue;
        const QString &keyword = words->constFirst();
        if (isSectionKeyword(keyword)) {
            section = keyword;
            continue;
        }
        if (keyword == u"load-server-state-from-file"_s && words->size() >= 2 &&
            words->at(1) == u"global"_s)
            loaded = true;
        if (section != u"global"_s)
            continue;
        if (keyword == u"server-state-file"_s || keyword == u"server-state-base"_s) {
            if (words->size() != 2)
                return Error(ErrorCode::Parse, Tr::tr("%1 expects exactly one path").arg(keyword),
                             where);
            (keyword == u"server-state-file"_s ? file : base) = words->at(1);
        }
    }
    if (file.isEmpty() || !loaded)
        return std::optional<QString>();
    if (file.startsWith(u'/'))
        return std::optional<QString>(file);
    if (!base.isEmpty())
        return std::optional<QString>(QDir::cleanPath(base + u'/' + file));
    if (!workingDir.isEmpty())
        return std::optional<QString>(QDir::cleanPath(workingDir + u'/' + file));
    return Error(
        ErrorCode::Parse,
        Tr::tr("server-state-file %1 is relative and no server-state-base is set").arg(file),
        configPath, Tr::tr("give an absolute path or set server-state-base"));
}

} // namespace vipdeck
