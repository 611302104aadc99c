#include "core/fleet/transportfactory.h"

#include "core/fleet/passphrasecache.h"
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

TransportFactory sshTransportFactory(std::shared_ptr<PassphraseCache> passphrases)
{
    if (!passphrases)
        return sshTransportFactory(PassphraseCallback());
    return [passphrases](const Host &host) -> std::unique_ptr<Transport> {
        SshTransportOptions options = SshTransportOptions::fromHost(host);
        options.passphrase = [passphrases, name = host.name](const QString &keyPath) {
            return passphrases->passphrase(keyPath, name);
        };
        options.passphraseChecked = [passphrases](const QString &keyPath, const QString &passphrase,
                                                  bool worked) {
            passphrases->checked(keyPath, passphrase, worked);
        };
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
