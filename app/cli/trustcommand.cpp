#include "app/cli/trustcommand.h"

#include "app/cli/confirm.h"
#include "app/cli/fleetsession.h"
#include "app/cli/waitfor.h"
#include "core/ssh/knownhosts.h"
#include "core/ssh/sshconfig.h"
#include "core/ssh/sshtransport.h"

#include <QCoreApplication>
#include <QDir>

using namespace Qt::StringLiterals;

namespace {

// This file's messages, in a context lupdate can see.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vipdeck::cli)
};

} // namespace

namespace vipdeck::cli {

int trustCommand(const GlobalOptions &options, Console &console)
{
    if (options.positional.size() != 1) {
        console.err() << Tr::tr("Usage: vipdeckctl trust HOST [--yes] [--dry-run]") << u'\n';
        return ExitUsage;
    }
    FleetSession session(console, options);
    if (const int code = session.open(false))
        return code;
    const QString name = options.positional.first();
    const Host *host = session.inventory().host(name);
    if (!host) {
        QStringList names;
        for (const Host &h : session.inventory().hosts())
            names << h.name;
        console.err() << Tr::tr("vipdeckctl trust: the fleet has no host '%1'. Known hosts: %2.")
                             .arg(name, names.join(u", "_s))
                      << u'\n';
        return ExitUsage;
    }
    // Where and how ssh(1) would record the key: the fleet file's known_hosts,
    // else ssh_config's first UserKnownHostsFile; hashed if HashKnownHosts says so.
    const Result<SshConfigHost> sshConfig = resolveSshConfigFile({}, host->address);
    if (!sshConfig) {
        console.err() << u"vipdeckctl trust: "_s << sshConfig.error().toString() << u'\n';
        return ExitFailed;
    }
    const QString knownHosts = !host->ssh.knownHosts.isEmpty() ? host->ssh.knownHosts
                               : !sshConfig->userKnownHostsFiles.isEmpty()
                                   ? sshConfig->userKnownHostsFiles.constFirst()
                                   : QDir::homePath() + u"/.ssh/known_hosts"_s;
    const bool hashed = sshConfig->hashKnownHosts.value_or(false);

    SshTransport transport(SshTransportOptions::fromHost(*host));
    const Result<HostKeyInfo> key = waitFor(transport.fetchHostKey());
    if (!key) {
        console.err() << Tr::tr("vipdeckctl trust: could not read the host key of %1: %2")
                             .arg(name, key.error().toString())
                      << u'\n';
        return ExitUnreachable;
    }
    console.out() << Tr::tr("%1 (%2 port %3) offers a %4 host key\n  %5")
                         .arg(name, key->host)
                         .arg(key->port)
                         .arg(key->keyType, key->fingerprint)
                  << u'\n';
    console.out().flush();

    const Result<KnownHostsVerdict> verdict =
        checkKnownHostsFile(knownHosts, key->host, key->port, key->keyBlob);
    if (!verdict) {
        console.err() << u"vipdeckctl trust: "_s << verdict.error().toString() << u'\n';
        return ExitFailed;
    }
    switch (verdict->kind) {
    case KnownHostsVerdict::Match:
        console.out() << Tr::tr("This key is already trusted (%1, line %2); nothing to do.")
                             .arg(knownHosts)
                             .arg(verdict->line)
                      << u'\n';
        return ExitOk;
    case KnownHostsVerdict::Mismatch:
        console.err() << Tr::tr(
                             "REFUSED: the host key of %1 has CHANGED: %2 line %3 records a "
                             "different key. This can be a reinstalled host or an attack; vipdeck "
                             "never replaces a known key. Check the new fingerprint with the "
                             "host's administrator, then edit %2 yourself.")
                             .arg(name, knownHosts)
                             .arg(verdict->line)
                      << u'\n';
        return ExitFailed;
    case KnownHostsVerdict::Revoked:
        console.err() << Tr::tr("REFUSED: the host key of %1 is marked @revoked in %2 line %3.")
                             .arg(name, knownHosts)
                             .arg(verdict->line)
                      << u'\n';
        return ExitFailed;
    case KnownHostsVerdict::NotFound:
        break;
    }
    const QString form = hashed ? Tr::tr("hashed, as HashKnownHosts says")
                                : Tr::tr("not hashed, as HashKnownHosts says");
    if (options.dryRun) {
        console.out() << Tr::tr("Dry run: would add this key to %1 (%2).").arg(knownHosts, form)
                      << u'\n';
        return ExitOk;
    }
    const Confirmation answer = confirm(
        options, console, Tr::tr("Trust this key for %1 and add it to %2?").arg(name, knownHosts));
    if (answer != Confirmation::Yes)
        return exitCodeFor(answer);
    if (const Result<void> added =
            trustHostKey(knownHosts, key->host, key->port, key->keyBlob, hashed);
        !added) {
        console.err() << u"vipdeckctl trust: "_s << added.error().toString() << u'\n';
        return ExitFailed;
    }
    console.out() << Tr::tr("Added to %1 (%2).").arg(knownHosts, form) << u'\n';
    return ExitOk;
}

} // namespace vipdeck::cli
