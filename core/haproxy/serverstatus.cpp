#include "core/haproxy/serverstatus.h"

#include "core/haproxy/haproxytr.h"
#include "core/haproxy/replytext.h"

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

struct StateWord
{
    const char *word;
    ServerState state;
};

constexpr StateWord kStateWords[] = {
    {"UP", ServerState::Up},           {"DOWN", ServerState::Down},
    {"NOLB", ServerState::NoLb},       {"DRAIN", ServerState::Drain},
    {"MAINT", ServerState::Maint},     {"no check", ServerState::NoCheck},
    {"OPEN", ServerState::Open},       {"STOP", ServerState::Stop},
    {"PAUSED", ServerState::Paused},   {"FULL", ServerState::Full},
    {"WAITING", ServerState::Waiting},
};

Error statusError(const QByteArray &text)
{
    return Error(
        ErrorCode::Parse,
        HaproxyTr::tr("Unrecognised server status \"%1\".").arg(haproxy_detail::excerpt(text, 60)));
}

bool parseStep(const QByteArray &text, int *value)
{
    if (text.isEmpty() || text.size() > 9)
        return false;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return false;
    }
    *value = text.toInt();
    return true;
}

} // namespace

bool ServerStatus::isServing() const
{
    switch (state) {
    case ServerState::Up:
    case ServerState::NoLb:
    case ServerState::NoCheck:
    case ServerState::Open:
        return true;
    default:
        return false;
    }
}

Result<ServerStatus> parseServerStatus(const QByteArray &text)
{
    ServerStatus status;
    status.raw = QString::fromLatin1(text);
    QByteArray rest;
    for (const StateWord &entry : kStateWords) {
        const QByteArrayView word(entry.word);
        if (text.startsWith(word) && (text.size() == word.size() || text.at(word.size()) == ' ')) {
            status.state = entry.state;
            rest = text.mid(word.size());
            break;
        }
    }
    if (status.state == ServerState::Unknown)
        return statusError(text);
    if (rest.isEmpty())
        return status;
    rest = rest.mid(1); // the space after the word
    if (rest.startsWith('(') && rest.endsWith(')')) {
        const QByteArray inner = rest.mid(1, rest.size() - 2);
        if (inner == "agent") {
            status.source = StatusSource::Agent;
        } else if (inner == "resolution") {
            status.source = StatusSource::Resolution;
        } else if (inner.startsWith("via ")) {
            const QByteArray ref = inner.mid(4);
            const qsizetype slash = ref.indexOf('/');
            if (slash <= 0 || slash == ref.size() - 1)
                return statusError(text);
            status.source = StatusSource::Tracking;
            status.viaBackend = QString::fromLatin1(ref.left(slash));
            status.viaServer = QString::fromLatin1(ref.mid(slash + 1));
        } else {
            return statusError(text);
        }
        return status;
    }
    const qsizetype slash = rest.indexOf('/');
    if (slash < 0 || !parseStep(rest.left(slash), &status.transitionStep) ||
        !parseStep(rest.mid(slash + 1), &status.transitionSteps) || status.transitionSteps == 0) {
        return statusError(text);
    }
    return status;
}

} // namespace vipdeck
