#pragma once

// HaproxyCommand: one runtime API command line, built only from validated
// names and typed arguments, never by interpolating raw strings.  The
// factories return an Error (InvalidName, InvalidArgument) instead of a
// command when an argument would not be safe or valid.

#include "core/common/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace vipdeck {

// The administrative states `set server ... state` accepts.
enum class ServerAdminAction { Ready, Drain, Maint };

QString serverAdminActionName(ServerAdminAction action); // "ready", "drain", "maint"

class HaproxyCommand
{
public:
    static HaproxyCommand showInfo();
    static HaproxyCommand showStat();
    static HaproxyCommand showProc(); // master CLI
    static HaproxyCommand reload();   // master CLI
    // `show servers state`, for one backend when `backend` is not empty.
    static Result<HaproxyCommand> showServersState(const QString &backend = {});
    static Result<HaproxyCommand> setServerState(const QString &backend, const QString &server,
                                                 ServerAdminAction action);
    // Absolute weight, 0..256 (HAProxy's range).
    static Result<HaproxyCommand> setWeight(const QString &backend, const QString &server,
                                            int weight);
    static Result<HaproxyCommand> getWeight(const QString &backend, const QString &server);
    // Prefixes answers with "[N]: " so errors can be told from information.
    static HaproxyCommand severityOutputNumber();

    // Master CLI: the same command sent on to the current worker ("@1 ...").
    HaproxyCommand onCurrentWorker() const;

    // The command without a newline, e.g. "set server web/s1 state drain".
    const QByteArray &line() const { return m_line; }

    // Several commands as one request line ("a;b;c\n"): HAProxy answers each
    // in turn, each answer ending with an empty line.
    static QByteArray request(const QList<HaproxyCommand> &commands);

    bool operator==(const HaproxyCommand &other) const = default;

private:
    explicit HaproxyCommand(QByteArray line)
        : m_line(std::move(line))
    {}
    static Result<QByteArray> serverRef(const QString &backend, const QString &server);

    QByteArray m_line;
};

} // namespace vipdeck
