#include "core/ssh/jumphost.h"

#include "core/ssh/sshtransport.h"
#include "core/ssh/translate.h"

#include <QCoreApplication>
#include <QMutex>
#include <QThread>

#include <map>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

Result<JumpHop> parseHop(QString text)
{
    const QString written = text;
    const auto bad = [&](const QString &why) {
        return Error(ErrorCode::Config,
                     TransportTr::tr("The jump host '%1' is not valid: %2.").arg(written, why), {},
                     TransportTr::tr("Write it as [user@]host[:port], like admin@bastion:22."));
    };
    JumpHop hop;
    if (text.startsWith(u"ssh://"_s))
        text = text.mid(6);
    if (text.isEmpty())
        return bad(TransportTr::tr("it is empty"));
    for (const QChar c : std::as_const(text)) {
        if (c.isSpace() || c.category() == QChar::Other_Control)
            return bad(TransportTr::tr("it holds a space or a control character"));
    }
    if (const qsizetype at = text.lastIndexOf(u'@'); at >= 0) {
        hop.user = text.left(at);
        text = text.mid(at + 1);
        if (hop.user.isEmpty() || hop.user.startsWith(u'-'))
            return bad(TransportTr::tr("the user name is empty or starts with '-'"));
    }
    QString port;
    if (text.startsWith(u'[')) {
        const qsizetype close = text.indexOf(u']');
        if (close < 0)
            return bad(TransportTr::tr("'[' without ']'"));
        hop.host = text.mid(1, close - 1);
        const QString rest = text.mid(close + 1);
        if (!rest.isEmpty()) {
            if (!rest.startsWith(u':'))
                return bad(TransportTr::tr("something other than ':port' follows ']'"));
            port = rest.mid(1);
        }
    } else if (text.count(u':') == 1) {
        const qsizetype colon = text.indexOf(u':');
        hop.host = text.left(colon);
        port = text.mid(colon + 1);
    } else {
        hop.host = text; // a host name, or a bare IPv6 address
    }
    if (hop.host.isEmpty() || hop.host.startsWith(u'-'))
        return bad(TransportTr::tr("the host is empty or starts with '-'"));
    if (!port.isNull()) {
        bool ok = false;
        hop.port = port.toInt(&ok);
        if (!ok || hop.port < 1 || hop.port > 65535)
            return bad(TransportTr::tr("the port is not a number from 1 to 65535"));
    }
    return hop;
}

struct Registry
{
    QMutex mutex;
    std::map<QString, std::weak_ptr<SshTransport>> transports;
};

Registry &registry()
{
    static Registry instance;
    return instance;
}

} // namespace

QString JumpHop::toString() const
{
    QString text = user.isEmpty() ? QString() : user + u'@';
    text += host.contains(u':') ? u'[' + host + u']' : host;
    if (port > 0)
        text += u':' + QString::number(port);
    return text;
}

QString jumpChainText(const QList<JumpHop> &chain, QStringView separator)
{
    QStringList hops;
    for (const JumpHop &hop : chain)
        hops.append(hop.toString());
    return hops.join(separator);
}

Result<QList<JumpHop>> parseProxyJump(const QString &text)
{
    QList<JumpHop> chain;
    if (text.trimmed().compare(u"none"_s, Qt::CaseInsensitive) == 0)
        return chain;
    for (const QString &part : text.split(u',')) {
        Result<JumpHop> hop = parseHop(part.trimmed());
        if (!hop)
            return hop.error();
        chain.append(*hop);
    }
    return chain;
}

SshTransportOptions jumpTransportOptions(const SshTransportOptions &behind,
                                         const QList<JumpHop> &chain)
{
    Q_ASSERT(!chain.isEmpty());
    const JumpHop &hop = chain.constLast();
    SshTransportOptions options = behind;
    options.hostName = hop.toString();
    options.address = hop.host;
    options.ssh.user = hop.user;
    options.ssh.port = hop.port;
    // The hops before this one are its own chain; with none, the hop's own
    // ssh_config entry decides, as with ssh -J.
    options.ssh.proxyJump =
        chain.size() > 1 ? jumpChainText(chain.first(chain.size() - 1)) : QString();
    options.jumpDepth = behind.jumpDepth + 1;
    options.maxSessionChannels = 1; // a jump connection runs no commands
    return options;
}

std::shared_ptr<SshTransport> sharedJumpTransport(const SshTransportOptions &behind,
                                                  const QList<JumpHop> &chain)
{
    const SshTransportOptions options = jumpTransportOptions(behind, chain);
    // The settings that make it a different connection; callbacks are not part of it.
    const QString key = QStringList{QString::number(options.jumpDepth),
                                    jumpChainText(chain),
                                    options.ssh.identityFile,
                                    options.ssh.useAgent ? u"agent"_s : u"noagent"_s,
                                    options.ssh.knownHosts,
                                    QString::number(options.ssh.connectTimeout.count()),
                                    options.sshConfigFile,
                                    options.useSshConfig ? u"config"_s : u"noconfig"_s}
                            .join(u'\n');
    Registry &shared = registry();
    QMutexLocker lock(&shared.mutex);
    if (std::shared_ptr<SshTransport> existing = shared.transports[key].lock())
        return existing;
    std::erase_if(shared.transports, [](const auto &entry) { return entry.second.expired(); });
    auto *transport = new SshTransport(options);
    // Its queued status signals go to a thread that outlives every host's
    // thread; nobody listens to them, the hosts behind it ask status().
    if (QCoreApplication *app = QCoreApplication::instance())
        transport->moveToThread(app->thread());
    std::shared_ptr<SshTransport> created(transport);
    shared.transports[key] = created;
    return created;
}

} // namespace vipdeck
