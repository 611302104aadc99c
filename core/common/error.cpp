#include "core/common/error.h"

#include <QMetaEnum>

using namespace Qt::StringLiterals;

namespace vipdeck {

QString Error::toString() const
{
    QString out;
    if (!where.isEmpty())
        out = where + u": "_s;
    out += message;
    if (!hint.isEmpty())
        out += u" ("_s + hint + u')';
    return out;
}

Error Error::at(const QString &outer) const
{
    Error e = *this;
    if (outer.isEmpty())
        return e;
    e.where = where.isEmpty() ? outer : outer + u'/' + where;
    return e;
}

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Internal:
        return u"internal"_s;
    case ErrorCode::InvalidArgument:
        return u"invalid-argument"_s;
    case ErrorCode::Cancelled:
        return u"cancelled"_s;
    case ErrorCode::Timeout:
        return u"timeout"_s;
    case ErrorCode::Io:
        return u"io"_s;
    case ErrorCode::Parse:
        return u"parse"_s;
    case ErrorCode::Unsupported:
        return u"unsupported"_s;
    case ErrorCode::Config:
        return u"config"_s;
    case ErrorCode::ConnectFailed:
        return u"connect-failed"_s;
    case ErrorCode::HostKeyUnknown:
        return u"host-key-unknown"_s;
    case ErrorCode::HostKeyChanged:
        return u"host-key-changed"_s;
    case ErrorCode::AuthFailed:
        return u"auth-failed"_s;
    case ErrorCode::KeyUnsupported:
        return u"key-unsupported"_s;
    case ErrorCode::PassphraseNeeded:
        return u"passphrase-needed"_s;
    case ErrorCode::ChannelFailed:
        return u"channel-failed"_s;
    case ErrorCode::Disconnected:
        return u"disconnected"_s;
    case ErrorCode::PermissionDenied:
        return u"permission-denied"_s;
    case ErrorCode::NoSuchSocket:
        return u"no-such-socket"_s;
    case ErrorCode::CommandFailed:
        return u"command-failed"_s;
    case ErrorCode::ReplyTooLarge:
        return u"reply-too-large"_s;
    case ErrorCode::NoSuchBackend:
        return u"no-such-backend"_s;
    case ErrorCode::NoSuchServer:
        return u"no-such-server"_s;
    case ErrorCode::InvalidName:
        return u"invalid-name"_s;
    case ErrorCode::HaproxyRefused:
        return u"haproxy-refused"_s;
    case ErrorCode::ReloadFailed:
        return u"reload-failed"_s;
    case ErrorCode::ConfigCheckFailed:
        return u"config-check-failed"_s;
    case ErrorCode::BirdRuntimeError:
        return u"bird-runtime-error"_s;
    case ErrorCode::BirdSyntaxError:
        return u"bird-syntax-error"_s;
    case ErrorCode::BirdAccessDenied:
        return u"bird-access-denied"_s;
    case ErrorCode::NoSuchProtocol:
        return u"no-such-protocol"_s;
    case ErrorCode::AuditUnavailable:
        return u"audit-unavailable"_s;
    case ErrorCode::AuditMissing:
        return u"audit-missing"_s;
    case ErrorCode::AuditTampered:
        return u"audit-tampered"_s;
    case ErrorCode::HistoryUnavailable:
        return u"history-unavailable"_s;
    case ErrorCode::HistoryMissing:
        return u"history-missing"_s;
    case ErrorCode::HistoryLocked:
        return u"history-locked"_s;
    case ErrorCode::PreconditionFailed:
        return u"precondition-failed"_s;
    }
    return u"unknown"_s;
}

} // namespace vipdeck
