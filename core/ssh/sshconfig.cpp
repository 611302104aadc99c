#include "core/ssh/sshconfig.h"

#include "core/ssh/translate.h"

#include <QDir>
#include <QFile>

#include <pwd.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

// A `Host` line applies if any pattern matches and no negated one does.
bool hostLineMatches(const QStringList &patterns, const QString &alias)
{
    bool matched = false;
    for (const QString &pattern : patterns) {
        if (pattern.startsWith(u'!')) {
            if (hostPatternMatches(pattern.mid(1), alias))
                return false;
        } else if (hostPatternMatches(pattern, alias)) {
            matched = true;
        }
    }
    return matched;
}

// Splits "Key value", "Key=value" and "Key = \"quoted value\"" into key and arguments.
QStringList tokens(const QString &line)
{
    QStringList out;
    QString current;
    bool quoted = false;
    bool keyDone = false;
    for (const QChar c : line) {
        if (c == u'"') {
            quoted = !quoted;
            continue;
        }
        const bool separator = !quoted && (c.isSpace() || (!keyDone && c == u'='));
        if (separator) {
            if (!current.isEmpty()) {
                out.append(current);
                current.clear();
                keyDone = true;
            }
            continue;
        }
        current += c;
    }
    if (!current.isEmpty())
        out.append(current);
    return out;
}

QString expandTokens(QString value, const QString &homeDir, const QString &localUser,
                     const QString &host, const QString &remoteUser)
{
    if (value == u"~"_s || value.startsWith(u"~/"_s))
        value = homeDir + value.mid(1);
    QString out;
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (value.at(i) != u'%' || i + 1 >= value.size()) {
            out += value.at(i);
            continue;
        }
        const QChar token = value.at(++i);
        if (token == u'%')
            out += u'%';
        else if (token == u'd')
            out += homeDir;
        else if (token == u'u')
            out += localUser;
        else if (token == u'h')
            out += host;
        else if (token == u'r')
            out += remoteUser;
        else
            out += u'%' + QString(token); // unknown tokens stay as written
    }
    return out;
}

} // namespace

SshConfigHost resolveSshConfig(const QByteArray &text, const QString &alias, const QString &homeDir,
                               const QString &localUser)
{
    SshConfigHost host;
    QStringList rawIdentityFiles;
    bool applies = true; // lines before the first Host apply to every host
    for (const QByteArray &rawLine : text.split('\n')) {
        const QString line = QString::fromUtf8(rawLine).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        QStringList words = tokens(line);
        // "Key = value" and "Key =value": the '=' is only a separator.
        if (words.size() > 1 && words.at(1) == u"="_s)
            words.removeAt(1);
        else if (words.size() > 1 && words.at(1).startsWith(u'='))
            words[1] = words.at(1).mid(1);
        if (words.isEmpty())
            continue;
        const QString key = words.first().toLower();
        const QStringList args = words.mid(1);
        if (key == u"host"_s) {
            applies = hostLineMatches(args, alias);
            continue;
        }
        if (key == u"match"_s) {
            applies = false; // not supported: never guess what a Match block means
            continue;
        }
        if (!applies || args.isEmpty())
            continue;
        if (key == u"hostname"_s && host.hostName.isEmpty()) {
            host.hostName = args.first();
        } else if (key == u"user"_s && host.user.isEmpty()) {
            host.user = args.first();
        } else if (key == u"port"_s && host.port == 0) {
            bool ok = false;
            const int port = args.first().toInt(&ok);
            if (ok && port > 0 && port < 65536)
                host.port = port;
        } else if (key == u"identityfile"_s) {
            rawIdentityFiles.append(args.first());
        }
    }
    host.hostName = host.hostName.replace(u"%h"_s, alias);
    const QString target = host.hostName.isEmpty() ? alias : host.hostName;
    const QString remoteUser = host.user.isEmpty() ? localUser : host.user;
    for (const QString &file : std::as_const(rawIdentityFiles)) {
        const QString expanded = expandTokens(file, homeDir, localUser, target, remoteUser);
        if (!host.identityFiles.contains(expanded))
            host.identityFiles.append(expanded);
    }
    return host;
}

Result<SshConfigHost> resolveSshConfigFile(const QString &path, const QString &alias)
{
    QFile file(path);
    if (!file.exists())
        return SshConfigHost{};
    if (!file.open(QIODevice::ReadOnly))
        return Error(
            ErrorCode::Io,
            TransportTr::tr("Cannot read the SSH client configuration: %1").arg(file.errorString()),
            path);
    return resolveSshConfig(file.readAll(), alias, QDir::homePath(), localUserName());
}

bool hostPatternMatches(const QString &pattern, const QString &name)
{
    // Iterative wildcard match with backtracking to the last '*'.
    qsizetype p = 0, n = 0, star = -1, resume = 0;
    while (n < name.size()) {
        if (p < pattern.size() &&
            (pattern.at(p) == u'?' || pattern.at(p).toLower() == name.at(n).toLower())) {
            ++p;
            ++n;
        } else if (p < pattern.size() && pattern.at(p) == u'*') {
            star = p++;
            resume = n;
        } else if (star >= 0) {
            p = star + 1;
            n = ++resume;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern.at(p) == u'*')
        ++p;
    return p == pattern.size();
}

QString localUserName()
{
    if (const passwd *entry = ::getpwuid(::geteuid()))
        return QString::fromLocal8Bit(entry->pw_name);
    return qEnvironmentVariable("USER");
}

} // namespace vipdeck
