#include "core/haproxy/haproxycommand.h"

#include "core/haproxy/haproxynames.h"
#include "core/haproxy/haproxytr.h"

using namespace Qt::StringLiterals;

namespace vipdeck {

QString serverAdminActionName(ServerAdminAction action)
{
    switch (action) {
    case ServerAdminAction::Ready:
        return u"ready"_s;
    case ServerAdminAction::Drain:
        return u"drain"_s;
    case ServerAdminAction::Maint:
        return u"maint"_s;
    }
    return {};
}

HaproxyCommand HaproxyCommand::showInfo()
{
    return HaproxyCommand("show info"_ba);
}
HaproxyCommand HaproxyCommand::showStat()
{
    return HaproxyCommand("show stat"_ba);
}
HaproxyCommand HaproxyCommand::showProc()
{
    return HaproxyCommand("show proc"_ba);
}
HaproxyCommand HaproxyCommand::reload()
{
    return HaproxyCommand("reload"_ba);
}

HaproxyCommand HaproxyCommand::severityOutputNumber()
{
    return HaproxyCommand("set severity-output number"_ba);
}

Result<HaproxyCommand> HaproxyCommand::showServersState(const QString &backend)
{
    if (backend.isEmpty())
        return HaproxyCommand("show servers state"_ba);
    if (auto valid = validateProxyName(backend); !valid)
        return valid.error();
    return HaproxyCommand("show servers state "_ba + backend.toLatin1());
}

Result<QByteArray> HaproxyCommand::serverRef(const QString &backend, const QString &server)
{
    if (auto valid = validateProxyName(backend); !valid)
        return valid.error();
    if (auto valid = validateServerName(server); !valid)
        return valid.error();
    // Validated names are plain ASCII, so Latin-1 is exact.
    return QByteArray(backend.toLatin1() + '/' + server.toLatin1());
}

Result<HaproxyCommand> HaproxyCommand::setServerState(const QString &backend, const QString &server,
                                                      ServerAdminAction action)
{
    auto ref = serverRef(backend, server);
    if (!ref)
        return ref.error();
    return HaproxyCommand("set server "_ba + *ref + " state "_ba +
                          serverAdminActionName(action).toLatin1());
}

Result<HaproxyCommand> HaproxyCommand::setWeight(const QString &backend, const QString &server,
                                                 int weight)
{
    if (weight < 0 || weight > 256) {
        return Error(ErrorCode::InvalidArgument,
                     HaproxyTr::tr("Weight %1 is out of range.").arg(weight),
                     backend + u'/' + server, HaproxyTr::tr("HAProxy weights go from 0 to 256."));
    }
    auto ref = serverRef(backend, server);
    if (!ref)
        return ref.error();
    return HaproxyCommand("set server "_ba + *ref + " weight "_ba + QByteArray::number(weight));
}

Result<HaproxyCommand> HaproxyCommand::getWeight(const QString &backend, const QString &server)
{
    auto ref = serverRef(backend, server);
    if (!ref)
        return ref.error();
    return HaproxyCommand("get weight "_ba + *ref);
}

HaproxyCommand HaproxyCommand::onCurrentWorker() const
{
    return HaproxyCommand("@1 "_ba + m_line);
}

QByteArray HaproxyCommand::request(const QList<HaproxyCommand> &commands)
{
    QByteArray out;
    for (const HaproxyCommand &command : commands) {
        if (!out.isEmpty())
            out += ';';
        out += command.m_line;
    }
    out += '\n';
    return out;
}

} // namespace vipdeck
