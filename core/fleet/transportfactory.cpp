#include "core/fleet/transportfactory.h"

#include "core/ssh/localtransport.h"

namespace vipdeck {

TransportFactory sshTransportFactory(PassphraseCallback passphrase)
{
    return [passphrase](const Host &host) -> std::unique_ptr<Transport> {
        SshTransportOptions options = SshTransportOptions::fromHost(host);
        options.passphrase = passphrase;
        return std::make_unique<SshTransport>(std::move(options));
    };
}

TransportFactory localTransportFactory()
{
    return [](const Host &host) -> std::unique_ptr<Transport> {
        return std::make_unique<LocalTransport>(host.name, host.ssh.commandTimeout);
    };
}

} // namespace vipdeck
