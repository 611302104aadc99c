#pragma once

// ServerStatus: the `status` column of `show stat` as a value.  HAProxy 2.6
// prints, for servers: UP, DOWN, "UP x/y" (up, failing checks), "DOWN x/y"
// (down, recovering), NOLB, "NOLB x/y", DRAIN, "DRAIN x/y", "DRAIN (agent)",
// "DOWN (agent)", MAINT, "MAINT (via backend/server)", "MAINT (resolution)",
// "no check"; for backends UP/DOWN; for frontends and listeners OPEN, STOP,
// PAUSED, FULL, WAITING.

#include "core/common/result.h"

#include <QByteArray>
#include <QString>

namespace vipdeck {

enum class ServerState {
    Unknown, // a status this version of vipdeck does not know; `raw` has it
    Up,
    Down,
    NoLb,
    Drain,
    Maint,
    NoCheck,
    Open,
    Stop,
    Paused,
    Full,
    Waiting,
};

// Who or what set a state, when HAProxy says so in parentheses.
enum class StatusSource { Check, Agent, Resolution, Tracking };

struct ServerStatus
{
    ServerState state = ServerState::Unknown;
    StatusSource source = StatusSource::Check;
    // "UP 2/3": checks are moving the server towards the other state.
    // transitionStep/transitionSteps are 2 and 3 then, 0 otherwise.
    int transitionStep = 0;
    int transitionSteps = 0;
    // "MAINT (via be/srv)": the tracked server that put this one in MAINT.
    QString viaBackend;
    QString viaServer;
    QString raw; // the text as HAProxy printed it

    bool isTransitional() const { return transitionSteps > 0; }
    // Takes traffic (UP, UP x/y, NOLB, no check, OPEN); DRAIN takes only
    // persistent sessions and is not counted here.
    bool isServing() const;

    bool operator==(const ServerStatus &other) const = default;
};

// Parses one status string.  Fails with ErrorCode::Parse on text that does
// not follow HAProxy's grammar (`WORD`, `WORD x/y`, `WORD (…)`).
Result<ServerStatus> parseServerStatus(const QByteArray &text);

} // namespace vipdeck
