#include "core/ssh/sshconfig.h"

#include "core/ssh/translate.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <glob.h>
#include <pwd.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

// OpenSSH stops at this Include depth (READCONF_MAX_DEPTH).
constexpr int maxIncludeDepth = 16;

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

// A Match pattern list, "a*,!b": true if a pattern matches and no negated one does.
bool patternListMatches(const QString &list, const QString &name)
{
    return hostLineMatches(list.split(u','), name);
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

std::optional<bool> yesNo(const QString &value)
{
    const QString v = value.toLower();
    if (v == u"yes"_s || v == u"true"_s)
        return true;
    if (v == u"no"_s || v == u"false"_s)
        return false;
    return std::nullopt;
}

std::optional<int> nonNegative(const QString &value)
{
    bool ok = false;
    const int n = value.toInt(&ok);
    if (!ok || n < 0)
        return std::nullopt;
    return n;
}

class Resolver
{
public:
    Resolver(const SshConfigSources &sources, QString alias)
        : m_sources(sources)
        , m_alias(std::move(alias))
    {}

    // Reads one file at `depth` with `active` as the applicability it starts
    // with; Host and Match lines inside change it until the file ends.
    Result<void> readFile(const QString &path, bool system, bool active, int depth)
    {
        QFile file(path);
        if (!file.exists())
            return {};
        if (!file.open(QIODevice::ReadOnly))
            return Error(ErrorCode::Io,
                         TransportTr::tr("Cannot read the SSH client configuration: %1")
                             .arg(file.errorString()),
                         path);
        return readText(file.readAll(), path, system, active, depth);
    }

    Result<void> readText(const QByteArray &text, const QString &path, bool system, bool active,
                          int depth)
    {
        int lineNumber = 0;
        for (const QByteArray &rawLine : text.split('\n')) {
            ++lineNumber;
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
            const QString where = path + u':' + QString::number(lineNumber);
            if (key == u"host"_s) {
                active = hostLineMatches(args, m_alias);
                continue;
            }
            if (key == u"match"_s) {
                active = matchApplies(args, where);
                continue;
            }
            if (key == u"include"_s) {
                if (!active)
                    continue;
                for (const QString &pattern : args) {
                    for (const QString &included : expandInclude(pattern, system)) {
                        if (depth + 1 > maxIncludeDepth)
                            return Error(ErrorCode::InvalidArgument,
                                         TransportTr::tr("SSH client configuration Includes are "
                                                         "nested more than %1 deep")
                                             .arg(maxIncludeDepth),
                                         where, TransportTr::tr("Check for an Include loop."));
                        if (QFileInfo(included).isDir())
                            continue;
                        const Result<void> read = readFile(included, system, true, depth + 1);
                        if (!read)
                            return read;
                    }
                }
                continue;
            }
            if (active && !args.isEmpty())
                apply(key, args, where);
        }
        return {};
    }

    SshConfigHost finish()
    {
        SshConfigHost &host = m_host;
        host.hostName = host.hostName.replace(u"%h"_s, m_alias);
        for (const QString &file : std::as_const(m_rawIdentityFiles)) {
            const QString expanded = expand(file);
            if (!host.identityFiles.contains(expanded))
                host.identityFiles.append(expanded);
        }
        for (const QString &file : std::as_const(m_rawUserKnownHosts))
            host.userKnownHostsFiles.append(expand(file));
        for (const QString &file : std::as_const(m_rawGlobalKnownHosts))
            host.globalKnownHostsFiles.append(expand(file));
        return host;
    }

private:
    // Match criteria, all of which must hold.  Unsupported ones make the
    // block not apply, with a warning naming them.
    bool matchApplies(const QStringList &args, const QString &where)
    {
        if (args.isEmpty()) {
            warn(where, TransportTr::tr("Match without criteria is ignored"));
            return false;
        }
        bool all = true;
        for (qsizetype i = 0; i < args.size(); ++i) {
            QString criterion = args.at(i).toLower();
            const bool negated = criterion.startsWith(u'!');
            if (negated)
                criterion = criterion.mid(1);
            if (criterion == u"all"_s) {
                all = all && !negated;
                continue;
            }
            if (criterion != u"host"_s && criterion != u"originalhost"_s &&
                criterion != u"user"_s) {
                warn(where, TransportTr::tr("\"Match %1\" is not supported by vipdeck: the block "
                                            "is not applied (supported: all, host, originalhost, "
                                            "user)")
                                .arg(criterion));
                return false;
            }
            if (i + 1 >= args.size()) {
                warn(where,
                     TransportTr::tr("\"Match %1\" needs a pattern list; the block is not applied")
                         .arg(criterion));
                return false;
            }
            const QString list = args.at(++i);
            QString subject;
            if (criterion == u"host"_s)
                subject = m_host.hostName.isEmpty()
                              ? m_alias
                              : QString(m_host.hostName).replace(u"%h"_s, m_alias);
            else if (criterion == u"originalhost"_s)
                subject = m_alias;
            else
                subject = m_host.user.isEmpty() ? m_sources.localUser : m_host.user;
            const bool matched = patternListMatches(list, subject);
            all = all && (matched != negated);
        }
        return all;
    }

    void apply(const QString &key, const QStringList &args, const QString &where)
    {
        SshConfigHost &host = m_host;
        const QString &value = args.first();
        if (key == u"hostname"_s) {
            if (host.hostName.isEmpty())
                host.hostName = value;
        } else if (key == u"user"_s) {
            if (host.user.isEmpty())
                host.user = value;
        } else if (key == u"port"_s) {
            if (host.port == 0) {
                bool ok = false;
                const int port = value.toInt(&ok);
                if (ok && port > 0 && port < 65536)
                    host.port = port;
                else
                    warn(where,
                         TransportTr::tr("Port %1 is not a port number; ignored").arg(value));
            }
        } else if (key == u"identityfile"_s) {
            m_rawIdentityFiles.append(value);
        } else if (key == u"identitiesonly"_s) {
            if (!host.identitiesOnly)
                host.identitiesOnly = yesNo(value);
        } else if (key == u"userknownhostsfile"_s) {
            if (!m_userKnownHostsSet) {
                m_userKnownHostsSet = true;
                if (value.toLower() != u"none"_s)
                    m_rawUserKnownHosts = args;
            }
        } else if (key == u"globalknownhostsfile"_s) {
            if (!m_globalKnownHostsSet) {
                m_globalKnownHostsSet = true;
                if (value.toLower() != u"none"_s)
                    m_rawGlobalKnownHosts = args;
            }
        } else if (key == u"hashknownhosts"_s) {
            if (!host.hashKnownHosts)
                host.hashKnownHosts = yesNo(value);
        } else if (key == u"connecttimeout"_s) {
            if (!m_connectTimeoutSet) {
                m_connectTimeoutSet = true;
                if (value.toLower() != u"none"_s)
                    host.connectTimeoutSeconds = nonNegative(value);
            }
        } else if (key == u"serveraliveinterval"_s) {
            if (!host.serverAliveInterval)
                host.serverAliveInterval = nonNegative(value);
        } else if (key == u"serveralivecountmax"_s) {
            if (!host.serverAliveCountMax)
                host.serverAliveCountMax = nonNegative(value);
        } else if (key == u"stricthostkeychecking"_s) {
            if (host.strictHostKeyChecking.isEmpty()) {
                host.strictHostKeyChecking = value.toLower();
                const QString v = host.strictHostKeyChecking;
                if (v == u"no"_s || v == u"off"_s || v == u"false"_s || v == u"accept-new"_s)
                    warn(where, TransportTr::tr("\"StrictHostKeyChecking %1\" is not followed: "
                                                "vipdeck connects only to hosts whose key is "
                                                "already in known_hosts (vipdeckctl trust adds "
                                                "one after you compared its fingerprint)")
                                    .arg(value));
            }
        } else if (key == u"proxyjump"_s) {
            if (!m_proxySet) {
                m_proxySet = true;
                if (value.toLower() != u"none"_s)
                    host.proxyJump = value.split(u',', Qt::SkipEmptyParts);
            }
        } else if (key == u"proxycommand"_s) {
            if (!m_proxySet) {
                m_proxySet = true;
                if (value.toLower() != u"none"_s)
                    host.proxyCommand = args.join(u' ');
            }
        }
    }

    // The files an Include names: ~ expanded, relative paths from ~/.ssh
    // (user file) or the system directory, globs sorted as glob(3) does.
    QStringList expandInclude(QString pattern, bool system) const
    {
        if (pattern == u"~"_s || pattern.startsWith(u"~/"_s))
            pattern = m_sources.homeDir + pattern.mid(1);
        else if (!pattern.startsWith(u'/'))
            pattern =
                (system ? m_sources.systemDir : m_sources.homeDir + u"/.ssh"_s) + u'/' + pattern;
        QStringList files;
        glob_t found{};
        const QByteArray encoded = QFile::encodeName(pattern);
        if (::glob(encoded.constData(), 0, nullptr, &found) == 0) {
            for (size_t i = 0; i < found.gl_pathc; ++i)
                files.append(QFile::decodeName(found.gl_pathv[i]));
        }
        ::globfree(&found);
        return files;
    }

    QString expand(QString value) const
    {
        const QString &homeDir = m_sources.homeDir;
        if (value == u"~"_s || value.startsWith(u"~/"_s))
            value = homeDir + value.mid(1);
        const QString target = m_host.hostName.isEmpty() ? m_alias : m_host.hostName;
        const QString remoteUser = m_host.user.isEmpty() ? m_sources.localUser : m_host.user;
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
                out += m_sources.localUser;
            else if (token == u'h')
                out += target;
            else if (token == u'r')
                out += remoteUser;
            else if (token == u'n')
                out += m_alias;
            else if (token == u'p')
                out += QString::number(m_host.port > 0 ? m_host.port : 22);
            else if (token == u'i')
                out += QString::number(::getuid());
            else
                out += u'%' + QString(token); // unknown tokens stay as written
        }
        return out;
    }

    void warn(const QString &where, const QString &what)
    {
        const QString line = where + u": "_s + what;
        if (!m_host.warnings.contains(line))
            m_host.warnings.append(line);
    }

    const SshConfigSources &m_sources;
    const QString m_alias;
    SshConfigHost m_host;
    QStringList m_rawIdentityFiles;
    QStringList m_rawUserKnownHosts;
    QStringList m_rawGlobalKnownHosts;
    bool m_userKnownHostsSet = false;
    bool m_globalKnownHostsSet = false;
    bool m_connectTimeoutSet = false;
    bool m_proxySet = false;
};

} // namespace

SshConfigSources defaultSshConfigSources(const QString &userFile)
{
    SshConfigSources sources;
    sources.homeDir = QDir::homePath();
    sources.localUser = localUserName();
    if (userFile.isEmpty()) {
        sources.userFile = sources.homeDir + u"/.ssh/config"_s;
        sources.systemFile = sources.systemDir + u"/ssh_config"_s;
    } else {
        sources.userFile = userFile;
    }
    return sources;
}

Result<SshConfigHost> resolveSshConfig(const SshConfigSources &sources, const QString &alias)
{
    Resolver resolver(sources, alias);
    if (!sources.userFile.isEmpty()) {
        if (const Result<void> read = resolver.readFile(sources.userFile, false, true, 0); !read)
            return read.error();
    }
    if (!sources.systemFile.isEmpty()) {
        if (const Result<void> read = resolver.readFile(sources.systemFile, true, true, 0); !read)
            return read.error();
    }
    return resolver.finish();
}

SshConfigHost resolveSshConfig(const QByteArray &text, const QString &alias, const QString &homeDir,
                               const QString &localUser)
{
    SshConfigSources sources;
    sources.homeDir = homeDir;
    sources.localUser = localUser;
    Resolver resolver(sources, alias);
    // Only an Include can fail, and then what was read so far stands.
    (void)resolver.readText(text, u"ssh_config"_s, false, true, 0);
    return resolver.finish();
}

Result<SshConfigHost> resolveSshConfigFile(const QString &path, const QString &alias)
{
    return resolveSshConfig(defaultSshConfigSources(path), alias);
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
