#pragma once

// Error: a failure as a value.  It says what failed, where (file:line:col,
// host, VIP, socket), and what the user can do about it.  Errors never cross
// a module boundary as exceptions.

#include <QMetaType>
#include <QString>

namespace vipdeck {

enum class ErrorCode {
    // general
    Internal,
    InvalidArgument,
    Cancelled,
    Timeout,
    Io,
    Parse,
    Unsupported,
    // inventory
    Config,
    // transport
    ConnectFailed,
    HostKeyUnknown,
    HostKeyChanged,
    AuthFailed,
    KeyUnsupported,
    PassphraseNeeded,
    ChannelFailed,
    Disconnected,
    PermissionDenied,
    NoSuchSocket,
    CommandFailed,
    ReplyTooLarge, // a reply grew past its limit; the read was stopped
    // haproxy
    NoSuchBackend,
    NoSuchServer,
    InvalidName,
    HaproxyRefused,
    ReloadFailed,
    ConfigCheckFailed,
    // bird
    BirdRuntimeError,
    BirdSyntaxError,
    BirdAccessDenied,
    NoSuchProtocol,
    // audit
    AuditUnavailable,
    AuditMissing, // a reader found no audit log where one should be
    AuditTampered,
    // history
    HistoryUnavailable,
    HistoryMissing, // a reader found no history store where one should be
    HistoryLocked,  // another recorder writes the store
    // operations
    PreconditionFailed,
};

struct Error
{
    ErrorCode code = ErrorCode::Internal;
    QString message; // what failed, in one sentence
    QString where;   // file:line:col, host, host/VIP, socket path
    QString hint;    // what to do about it; may be empty
    QString detail;  // raw output or extra context, shown on request

    Error() = default;
    Error(ErrorCode c, QString msg, QString at = {}, QString todo = {}, QString more = {})
        : code(c)
        , message(std::move(msg))
        , where(std::move(at))
        , hint(std::move(todo))
        , detail(std::move(more))
    {}

    // "where: message (hint)", the form printed by vipdeckctl and shown in tooltips.
    QString toString() const;

    // Returns a copy with `outer` prepended to `where` ("lb1" + "web" -> "lb1/web").
    Error at(const QString &outer) const;
};

QString errorCodeName(ErrorCode code);

} // namespace vipdeck

Q_DECLARE_METATYPE(vipdeck::Error)
