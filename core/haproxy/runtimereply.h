#pragma once

// Runtime API answers that are not tables: splitting the answers of several
// commands sent on one line, telling success from error sentences for write
// commands (`set server ...`), and `get weight`.

#include "core/common/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace vipdeck {

// Splits what HAProxy sent for `a;b;c` into one answer per command.  Each
// answer ends with an empty line (an empty answer is that line alone); the
// returned answers keep their lines' '\n' but not the empty line.  Fails
// (ErrorCode::Parse) when fewer than `expected` complete answers arrived.
Result<QList<QByteArray>> splitReplies(const QByteArray &received, qsizetype expected);

// Prompt mode (`prompt` sent first; the connection stays open): every answer
// ends with an empty line followed by the prompt "> ", an empty answer is
// "\n> " alone.  Splits the reply to one request of `expected` commands into
// answers shaped like splitReplies()' (lines keep '\n', no empty line).
// Fails (ErrorCode::Parse) when fewer complete answers arrived, or when
// anything follows the last prompt (the stream is out of step).
Result<QList<QByteArray>> splitPromptReplies(const QByteArray &received, qsizetype expected);
// splitPromptReplies() with answers that refer to `received`'s bytes instead
// of copies: `received` must outlive them (the poll parses its three answers
// at once, hundreds of replies a second).
Result<QList<QByteArray>> splitPromptRepliesReferring(const QByteArray &received,
                                                      qsizetype expected);
// Whether `received` holds exactly `expected` whole prompt-mode answers: what
// splitPromptReplies() would accept, found without copying or building an
// error (it is asked at every piece of a reply that arrives).
bool promptRepliesArrived(const QByteArray &received, qsizetype expected);

// The length of HAProxy's answer to `prompt` itself ("\n> ") at the start of
// `received`, or -1 while it has not arrived.
qsizetype promptOpeningLength(const QByteArray &received);

// The answer of a command that prints nothing on success (`set server ...
// state|weight`).  HAProxy's error sentences become typed errors:
// "No such server." -> NoSuchServer, "No such backend." -> NoSuchBackend,
// "Permission denied" -> PermissionDenied, anything else -> HaproxyRefused
// with HAProxy's words.  With `set severity-output number`, a "[N]: " prefix
// with N >= 5 (notice, info, debug) counts as success.  `command` goes into
// the error's where.
Result<void> parseCommandReply(const QByteArray &answer, const QString &command);

struct WeightInfo
{
    int current = 0;
    int initial = 0;

    bool operator==(const WeightInfo &other) const = default;
};

// `get weight be/srv` -> "1 (initial 1)".  Error sentences as above.
Result<WeightInfo> parseWeightReply(const QByteArray &answer, const QString &command);

} // namespace vipdeck
