#pragma once

// TransportFactory: how the poller and the operations get a Transport for a
// host.  Production uses SSH; tests and benchmarks on the LB host itself use
// the local transport.

#include "core/inventory/inventory.h"
#include "core/ssh/sshtransport.h"
#include "core/ssh/transport.h"

#include <functional>
#include <memory>

namespace vipdeck {

class PassphraseCache;

using TransportFactory = std::function<std::unique_ptr<Transport>(const Host &host)>;

// One SshTransport per host, from its resolved SSH settings.
TransportFactory sshTransportFactory(PassphraseCallback passphrase = {});

// The same, with passphrases of encrypted identity files from `passphrases`
// (shared by every host, so each key is asked for once), which also learns
// whether each answer opened its key.
TransportFactory sshTransportFactory(std::shared_ptr<PassphraseCache> passphrases);

// Sockets and commands on this machine, whatever the host's address.
TransportFactory localTransportFactory();

} // namespace vipdeck
