#include "app/cli/trustcommand.h"

#include "app/cli/confirm.h"
#include "app/cli/fleetsession.h"
#include "app/cli/waitfor.h"
#include "core/ssh/jumphost.h"
#include "core/ssh/knownhosts.h"
#include "core/ssh/sshtarget.h"
#include "core/ssh/sshtransport.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {

// This file's messages, in a context lupdate can see.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vipdeck::cli)
};

} // namespace

namespace vipdeck::cli {

namespace {

// Shows the key `transportOptions`' server offers and adds it to its
// known_hosts once the user agreed: the host itself, or one of its jump hosts.
// `wouldAdd`: set on a dry run when the key is not trusted yet.
// `target` is resolveSshTarget(transportOptions).
int trustOne(const QString &name, const SshTransportOptions &transportOptions,
             const SshTarget &target, const GlobalOptions &options, Console &console,
             bool *wouldAdd = nullptr)
{
    // Where and how ssh(1) would record the key: the fleet file's known_hosts,
    // else ssh_config's first UserKnownHostsFile; hashed if HashKnownHosts says so.
    const QString knownHosts = target.knownHosts;
    const bool hashed = target.hashKnownHosts;

    SshTransport transport(transportOptions);
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
        if (wouldAdd)
            *wouldAdd = true;
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

} // namespace

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
    const SshTransportOptions hostOptions = SshTransportOptions::fromHost(*host);
    // Behind jump hosts, each hop's key first, the first hop first: the host's
    // own key can only be read through them.
    const SshTarget target = resolveSshTarget(hostOptions);
    if (target.refusal) {
        console.err() << u"vipdeckctl trust: "_s << target.refusal->toString() << u'\n';
        return ExitFailed;
    }
    for (qsizetype hops = 1; hops <= target.jumps.size(); ++hops) {
        const SshTransportOptions hop = jumpTransportOptions(hostOptions, target.jumps.first(hops));
        console.out() << Tr::tr("%1 is reached through the jump host %2: its key first.")
                             .arg(name, hop.hostName)
                      << u'\n';
        bool wouldAdd = false;
        if (const int code = trustOne(Tr::tr("the jump host %1").arg(hop.hostName), hop,
                                      resolveSshTarget(hop), options, console, &wouldAdd);
            code != ExitOk)
            return code;
        if (wouldAdd) {
            console.out() << Tr::tr("The keys behind it can be read once it is trusted.") << u'\n';
            return ExitOk;
        }
    }
    return trustOne(name, hostOptions, target, options, console);
}

} // namespace vipdeck::cli
