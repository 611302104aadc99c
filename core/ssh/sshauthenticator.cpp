#include "core/ssh/sshauthenticator.h"

#include "core/ssh/knownhosts.h"
#include "core/ssh/privatekeyinfo.h"
#include "core/ssh/sshchannelop.h"
#include "core/ssh/sshwire.h"
#include "core/ssh/translate.h"

#include <QFile>

#include <utility>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

bool libssh2HasRsaSha2()
{
    return libssh2_version(0x010b00) != nullptr; // rsa-sha2-256/512 arrived in 1.11.0
}

} // namespace

SshAuthenticator::SshAuthenticator(const SshTarget &target, bool useAgent, QString where,
                                   QHash<QString, QByteArray> *passphrases,
                                   PassphraseCheckedCallback passphraseChecked)
    : m_target(target)
    , m_useAgent(useAgent)
    , m_where(std::move(where))
    , m_passphrases(passphrases)
    , m_passphraseChecked(std::move(passphraseChecked))
{}

SshAuthenticator::~SshAuthenticator()
{
    finishAgent();
}

SshAuthenticator::Progress SshAuthenticator::step(LIBSSH2_SESSION *session)
{
    const QByteArray user = m_target.user.toUtf8();
    for (;;) {
        switch (m_state.step) {
        case State::Step::ListMethods: {
            const char *methods =
                libssh2_userauth_list(session, user.constData(), unsigned(user.size()));
            if (!methods) {
                if (libssh2_userauth_authenticated(session))
                    return Progress::Succeeded;
                if (libssh2_session_last_errno(session) == LIBSSH2_ERROR_EAGAIN)
                    return Progress::Pending;
                m_state.tried.append(
                    TransportTr::tr("listing methods failed: %1").arg(libssh2ErrorText(session)));
                return Progress::Failed;
            }
            if (!QByteArray(methods).split(',').contains("publickey")) {
                m_state.tried.append(
                    TransportTr::tr("the server offers only %1").arg(QString::fromLatin1(methods)));
                return Progress::Failed;
            }
            m_state.step = State::Step::AgentStart;
            continue;
        }

        case State::Step::AgentStart:
            m_state.step = State::Step::FileKeys;
            if (!m_useAgent)
                continue;
            if (qEnvironmentVariableIsEmpty("SSH_AUTH_SOCK")) {
                m_state.tried.append(TransportTr::tr("ssh-agent (SSH_AUTH_SOCK is not set)"));
                continue;
            }
            // The agent is a local socket: connecting and listing are quick.
            m_state.agent = libssh2_agent_init(session);
            if (!m_state.agent || libssh2_agent_connect(m_state.agent) != 0 ||
                libssh2_agent_list_identities(m_state.agent) != 0 ||
                libssh2_agent_get_identity(m_state.agent, &m_state.identity, nullptr) != 0) {
                m_state.tried.append(TransportTr::tr("ssh-agent (not reachable or no keys)"));
                finishAgent();
                continue;
            }
            m_state.step = State::Step::AgentIdentity;
            continue;

        case State::Step::AgentIdentity: {
            const QByteArray offered(reinterpret_cast<const char *>(m_state.identity->blob),
                                     qsizetype(m_state.identity->blob_len));
            if (m_target.identitiesOnly && !m_target.identityBlobs.contains(offered)) {
                // IdentitiesOnly: not one of the identity files' keys.
                libssh2_agent_publickey *previous = m_state.identity;
                if (libssh2_agent_get_identity(m_state.agent, &m_state.identity, previous) != 0) {
                    m_state.tried.append(TransportTr::tr(
                        "ssh-agent (IdentitiesOnly: none of its keys is an identity file's)"));
                    finishAgent();
                    m_state.step = State::Step::FileKeys;
                }
                continue;
            }
            const int rc =
                libssh2_agent_userauth(m_state.agent, user.constData(), m_state.identity);
            if (rc == LIBSSH2_ERROR_EAGAIN)
                return Progress::Pending;
            if (rc == 0)
                return Progress::Succeeded;
            const QByteArray blob(reinterpret_cast<const char *>(m_state.identity->blob),
                                  qsizetype(m_state.identity->blob_len));
            const QString type = keyBlobType(blob);
            const QString name =
                TransportTr::tr("agent key %1 %2 (%3)")
                    .arg(type, sshFingerprint(blob), QString::fromUtf8(m_state.identity->comment));
            m_state.tried.append(TransportTr::tr("%1: refused").arg(name));
            if (type == u"ssh-rsa"_s) {
                ++m_state.refusedRsa;
                m_state.rsaKeys.append(name);
            } else {
                ++m_state.refusedOther;
            }
            if (isSessionFatal(rc))
                return Progress::Failed;
            libssh2_agent_publickey *previous = m_state.identity;
            if (libssh2_agent_get_identity(m_state.agent, &m_state.identity, previous) != 0) {
                finishAgent();
                m_state.step = State::Step::FileKeys;
            }
            continue;
        }

        case State::Step::FileKeys: {
            if (m_state.fileIndex >= m_target.identityFiles.size())
                return Progress::Failed;
            const QString path = m_target.identityFiles.at(m_state.fileIndex);
            if (!m_state.fileStarted) {
                QFile file(path);
                if (!file.open(QIODevice::ReadOnly)) {
                    m_state.tried.append(
                        TransportTr::tr("%1: cannot read it (%2)").arg(path, file.errorString()));
                    ++m_state.fileIndex;
                    continue;
                }
                const Result<PrivateKeyInfo> info = inspectPrivateKey(file.readAll());
                if (!info) {
                    m_state.tried.append(TransportTr::tr("%1: %2").arg(path, info.error().message));
                    ++m_state.fileIndex;
                    continue;
                }
                m_state.fileEncrypted = info->encrypted;
                m_state.fileIsRsa = info->isRsa();
                m_state.passphrase.clear();
                if (info->encrypted) {
                    if (m_passphrases->contains(path)) {
                        m_state.passphrase = m_passphrases->value(path);
                    } else {
                        if (!m_answer) {
                            // The connection asks, then calls answerPassphrase().
                            m_wanted = path;
                            return Progress::NeedsPassphrase;
                        }
                        const std::optional<QByteArray> answer = *std::exchange(m_answer, {});
                        if (!answer) {
                            m_state.tried.append(
                                TransportTr::tr("%1: encrypted, no passphrase given").arg(path));
                            if (m_state.missingPassphrase.isEmpty())
                                m_state.missingPassphrase = path;
                            ++m_state.fileIndex;
                            continue;
                        }
                        m_state.passphrase = *answer;
                    }
                }
                m_state.fileStarted = true;
            }
            const QByteArray privateKey = QFile::encodeName(path);
            const int rc = libssh2_userauth_publickey_fromfile_ex(
                session, user.constData(), unsigned(user.size()), nullptr, privateKey.constData(),
                m_state.passphrase.constData());
            if (rc == LIBSSH2_ERROR_EAGAIN)
                return Progress::Pending;
            // libssh2 decrypts the key before it talks to the server: any
            // other outcome than LIBSSH2_ERROR_FILE means the passphrase worked.
            if (m_state.fileEncrypted && m_passphraseChecked)
                m_passphraseChecked(path, QString::fromUtf8(m_state.passphrase),
                                    rc != LIBSSH2_ERROR_FILE);
            if (rc == 0) {
                if (m_state.fileEncrypted)
                    m_passphrases->insert(path, m_state.passphrase);
                return Progress::Succeeded;
            }
            m_state.fileStarted = false;
            ++m_state.fileIndex;
            if (rc == LIBSSH2_ERROR_FILE) {
                if (m_state.fileEncrypted) {
                    m_passphrases->remove(path);
                    m_state.wrongPassphrase = path;
                    m_state.tried.append(TransportTr::tr("%1: wrong passphrase").arg(path));
                } else {
                    m_state.tried.append(TransportTr::tr("%1: libssh2 cannot load it (%2)")
                                             .arg(path, libssh2ErrorText(session)));
                }
            } else {
                m_state.tried.append(TransportTr::tr("%1: refused").arg(path));
                if (m_state.fileIsRsa) {
                    ++m_state.refusedRsa;
                    m_state.rsaKeys.append(path);
                } else {
                    ++m_state.refusedOther;
                }
                if (isSessionFatal(rc))
                    return Progress::Failed;
            }
            continue;
        }
        }
    }
}

Error SshAuthenticator::error() const
{
    const QString tried =
        m_state.tried.isEmpty() ? TransportTr::tr("no key to offer") : m_state.tried.join(u"; "_s);
    const QString host = m_target.host;
    const QString user = m_target.user;
    if (m_state.refusedRsa > 0 && m_state.refusedOther == 0 && !libssh2HasRsaSha2()) {
        return Error(
            ErrorCode::KeyUnsupported,
            TransportTr::tr("%1 refused the RSA key %2: libssh2 %3 signs RSA only with "
                            "SHA-1 (ssh-rsa), which OpenSSH 8.8 and later refuse.")
                .arg(host, m_state.rsaKeys.join(u", "_s), QString::fromLatin1(libssh2_version(0))),
            m_where,
            TransportTr::tr("Use an ed25519 or ECDSA key (ssh-keygen -t ed25519) and add "
                            "it to ~%1/.ssh/authorized_keys on the host.")
                .arg(user),
            tried);
    }
    if (!m_state.wrongPassphrase.isEmpty() && m_state.refusedOther == 0) {
        return Error(ErrorCode::AuthFailed,
                     TransportTr::tr("Wrong passphrase for %1.").arg(m_state.wrongPassphrase),
                     m_where,
                     TransportTr::tr("Enter the key's passphrase again, or load the key into "
                                     "ssh-agent with ssh-add."),
                     tried);
    }
    if (!m_state.missingPassphrase.isEmpty() && m_state.refusedOther == 0) {
        return Error(ErrorCode::PassphraseNeeded,
                     TransportTr::tr("The identity file %1 is encrypted and no passphrase was "
                                     "given.")
                         .arg(m_state.missingPassphrase),
                     m_where,
                     TransportTr::tr("Load the key into ssh-agent (ssh-add), or enter its "
                                     "passphrase when asked."),
                     tried);
    }
    return Error(
        ErrorCode::AuthFailed,
        TransportTr::tr("Authentication as %1 on %2 failed; tried: %3.").arg(user, host, tried),
        m_where,
        TransportTr::tr("Add one of these public keys to ~%1/.ssh/authorized_keys on the "
                        "host, or set user, identity_file or use_agent in the fleet file.")
            .arg(user),
        tried);
}

void SshAuthenticator::finishAgent()
{
    if (!m_state.agent)
        return;
    libssh2_agent_disconnect(m_state.agent);
    libssh2_agent_free(m_state.agent);
    m_state.agent = nullptr;
    m_state.identity = nullptr;
}

} // namespace vipdeck
