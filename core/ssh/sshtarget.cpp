#include "core/ssh/sshtarget.h"

#include "core/common/logging.h"
#include "core/ssh/sshtransport.h"
#include "core/ssh/translate.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

bool isNone(const QString &file)
{
    return file.compare(u"none"_s, Qt::CaseInsensitive) == 0;
}

// The public halves of `identityFiles`, from their `.pub` files.
QList<QByteArray> publicKeyBlobs(const QStringList &identityFiles)
{
    QList<QByteArray> blobs;
    for (const QString &path : identityFiles) {
        QFile pub(path + u".pub"_s);
        if (!pub.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> fields = pub.readLine().simplified().split(' ');
        if (fields.size() >= 2)
            blobs.append(QByteArray::fromBase64(fields.at(1)));
    }
    return blobs;
}

void resolveJumps(const SshTransportOptions &options, const SshConfigHost &config,
                  SshTarget &target)
{
    // The fleet file's jump hosts (`none` for none), else ssh_config's.
    const QString proxyJump =
        !options.ssh.proxyJump.isEmpty() ? options.ssh.proxyJump : config.proxyJump.join(u',');
    if (!proxyJump.isEmpty()) {
        Result<QList<JumpHop>> jumps = parseProxyJump(proxyJump);
        if (!jumps) {
            target.refusal = Error(ErrorCode::Config, jumps.error().message, options.hostName,
                                   jumps.error().hint);
        } else if (!jumps->isEmpty() && options.jumpDepth >= maxJumpDepth) {
            target.refusal = Error(
                ErrorCode::Config,
                TransportTr::tr("More than %1 jump hosts in a row lead to %2: the SSH client "
                                "configuration probably sends a host through itself (ProxyJump).")
                    .arg(maxJumpDepth)
                    .arg(options.address),
                options.hostName,
                TransportTr::tr("Check the ProxyJump lines of the SSH client configuration."));
        } else {
            target.jumps = *jumps;
        }
    }
    if (target.jumps.isEmpty() && !target.refusal && !config.proxyCommand.isEmpty())
        target.refusal =
            Error(ErrorCode::Unsupported,
                  TransportTr::tr("The SSH client configuration reaches %1 through a ProxyCommand "
                                  "(%2); vipdeck does not run proxy commands.")
                      .arg(options.address, config.proxyCommand),
                  options.hostName,
                  TransportTr::tr("Use ProxyJump (or ssh.proxy_jump in the fleet file) for a jump "
                                  "host, or give the host's direct address in the fleet file."));
}

void resolveKnownHosts(const SshTransportOptions &options, const SshConfigHost &config,
                       const QString &homeDir, SshTarget &target)
{
    const QDir home(homeDir);
    // The fleet file's known_hosts, else ssh_config's UserKnownHostsFile
    // (the first is the one ssh(1) adds keys to), else OpenSSH's default.
    if (!options.ssh.knownHosts.isEmpty())
        target.knownHostsFiles = {options.ssh.knownHosts};
    else if (!config.userKnownHostsFiles.isEmpty())
        target.knownHostsFiles = config.userKnownHostsFiles;
    else
        target.knownHostsFiles = {home.filePath(u".ssh/known_hosts"_s),
                                  home.filePath(u".ssh/known_hosts2"_s)};
    target.knownHostsFiles.removeIf(isNone);
    target.knownHosts = target.knownHostsFiles.value(0, home.filePath(u".ssh/known_hosts"_s));
    // Then GlobalKnownHostsFile, else OpenSSH's default ones.
    const QStringList global =
        !config.globalKnownHostsFiles.isEmpty()
            ? config.globalKnownHostsFiles
            : QStringList{u"/etc/ssh/ssh_known_hosts"_s, u"/etc/ssh/ssh_known_hosts2"_s};
    for (const QString &file : global) {
        if (!isNone(file) && !target.knownHostsFiles.contains(file))
            target.knownHostsFiles.append(file);
    }
}

} // namespace

SshTarget resolveSshTarget(const SshTransportOptions &options)
{
    SshConfigHost config;
    if (options.useSshConfig) {
        // Empty: ~/.ssh/config, then /etc/ssh/ssh_config, as ssh(1) reads them.
        const Result<SshConfigHost> resolved =
            resolveSshConfigFile(options.sshConfigFile, options.address);
        if (resolved)
            config = *resolved;
        else
            qCWarning(lcSsh) << resolved.error().toString();
    }
    return resolveSshTarget(options, config, QDir::homePath());
}

SshTarget resolveSshTarget(const SshTransportOptions &options, const SshConfigHost &config,
                           const QString &homeDir)
{
    const SshSettings &fleet = options.ssh;
    SshTarget target;
    target.host = config.hostName.isEmpty() ? options.address : config.hostName;
    target.port = fleet.port > 0 ? fleet.port : config.port > 0 ? config.port : 22;
    target.user = !fleet.user.isEmpty()    ? fleet.user
                  : !config.user.isEmpty() ? config.user
                                           : localUserName();
    if (!fleet.identityFile.isEmpty()) {
        target.identityFiles = {fleet.identityFile};
    } else if (!config.identityFiles.isEmpty()) {
        target.identityFiles = config.identityFiles;
    } else {
        // OpenSSH's defaults that libssh2 can use, plus id_rsa so that an
        // RSA-only user learns why it fails.
        for (const char *name : {".ssh/id_ed25519", ".ssh/id_ecdsa", ".ssh/id_rsa"}) {
            const QString path = QDir(homeDir).filePath(QString::fromLatin1(name));
            if (QFileInfo::exists(path))
                target.identityFiles.append(path);
        }
    }
    target.identitiesOnly = config.identitiesOnly.value_or(false);
    if (target.identitiesOnly)
        target.identityBlobs = publicKeyBlobs(target.identityFiles);
    target.configWarnings = config.warnings;
    resolveJumps(options, config, target);
    resolveKnownHosts(options, config, homeDir, target);
    target.hashKnownHosts = config.hashKnownHosts.value_or(false);
    const std::optional<int> connectTimeout = config.connectTimeoutSeconds;
    target.connectTimeout = !fleet.connectTimeoutGiven && connectTimeout && *connectTimeout > 0
                                ? std::chrono::milliseconds(std::chrono::seconds(*connectTimeout))
                                : fleet.connectTimeout;
    target.keepaliveInterval = config.serverAliveInterval && *config.serverAliveInterval > 0
                                   ? std::chrono::seconds(*config.serverAliveInterval)
                                   : options.keepaliveInterval;
    target.keepaliveCountMax = config.serverAliveCountMax && *config.serverAliveCountMax > 0
                                   ? *config.serverAliveCountMax
                                   : options.keepaliveCountMax;
    return target;
}

} // namespace vipdeck
