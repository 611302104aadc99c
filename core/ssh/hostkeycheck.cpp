#include "core/ssh/hostkeycheck.h"

#include "core/ssh/knownhosts.h"
#include "core/ssh/translate.h"

#include <optional>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

int strength(KnownHostsVerdict::Kind kind)
{
    switch (kind) {
    case KnownHostsVerdict::Revoked:
        return 3;
    case KnownHostsVerdict::Match:
        return 2;
    case KnownHostsVerdict::Mismatch:
        return 1;
    case KnownHostsVerdict::NotFound:
        break;
    }
    return 0;
}

} // namespace

Result<void> verifyHostKey(const HostKeyInfo &offered, const QStringList &files,
                           const QString &hostName)
{
    std::optional<KnownHostsVerdict> verdict;
    QString file = files.value(0);
    for (const QString &path : files) {
        const Result<KnownHostsVerdict> judged =
            checkKnownHostsFile(path, offered.host, offered.port, offered.keyBlob);
        if (!judged)
            return judged.error();
        if (!verdict || strength(judged->kind) > strength(verdict->kind)) {
            verdict = *judged;
            file = path;
        }
    }
    if (!verdict)
        verdict = KnownHostsVerdict{};
    const QString name = knownHostsName(offered.host, offered.port);
    const QString shownKey = offered.keyType + u' ' + offered.fingerprint;
    const QString line = verdict->line ? file + u':' + QString::number(verdict->line) : file;
    switch (verdict->kind) {
    case KnownHostsVerdict::Match:
        return {};
    case KnownHostsVerdict::NotFound:
        return Error(ErrorCode::HostKeyUnknown,
                     TransportTr::tr("The host key of %1 is not known: %2.").arg(name, shownKey),
                     hostName,
                     TransportTr::tr("Compare the fingerprint with the one the host's "
                                     "administrator gives you, then run: vipdeckctl trust %1")
                         .arg(hostName),
                     shownKey);
    case KnownHostsVerdict::Mismatch:
        return Error(ErrorCode::HostKeyChanged,
                     TransportTr::tr("The host key of %1 has CHANGED: it now offers %2, which does "
                                     "not match %3.")
                         .arg(name, shownKey, line),
                     hostName,
                     TransportTr::tr("Someone may be intercepting the connection, or the host was "
                                     "reinstalled. Verify the new fingerprint with the host's "
                                     "administrator; only then remove the old line (%1). vipdeck "
                                     "never accepts a changed key by itself.")
                         .arg(line),
                     shownKey);
    case KnownHostsVerdict::Revoked:
        return Error(ErrorCode::HostKeyChanged,
                     TransportTr::tr("The host key of %1 (%2) is marked as revoked in %3.")
                         .arg(name, shownKey, line),
                     hostName,
                     TransportTr::tr("Do not connect to this host until its administrator replaced "
                                     "the key."),
                     shownKey);
    }
    return {};
}

} // namespace vipdeck
