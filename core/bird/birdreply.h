#pragma once

// BirdReply: BIRD's control-socket reply-code protocol, framed.  Raw socket
// bytes become complete replies (each ends at its final `dddd ` line) plus
// asynchronous `+` messages, and a reply whose final code is 8xxx/9xxx
// becomes a typed Error that keeps BIRD's own text.  Pure functions, no I/O.

#include "core/common/result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace vipdeck {

// One line of a reply.  Continuation lines (` text`) inherit the code of the
// line before; the text has the `dddd-`, `dddd ` or single leading space removed.
struct BirdReplyLine
{
    int code = 0;
    QString text;
};

// One complete reply: every line up to and including its final line.
struct BirdReply
{
    QList<BirdReplyLine> lines;

    // The code of the final line (what the reply as a whole means).
    int code() const { return lines.isEmpty() ? 0 : lines.constLast().code; }
    QString finalText() const { return lines.isEmpty() ? QString() : lines.constLast().text; }
    bool isError() const { return code() >= 8000; }
};

struct BirdFraming
{
    QList<BirdReply> replies;  // complete replies, in order (the greeting is one)
    QStringList asyncMessages; // `+` lines (log echo), wherever they arrived
    qsizetype consumed = 0;    // bytes up to the end of the last complete reply
    bool hasTail = false;      // bytes after it: a reply still arriving, or cut off
};

// Splits raw bytes into replies.  Fails with ErrorCode::Parse on a line that is
// not BIRD's protocol (naming the line number); an unfinished tail is not an error.
Result<BirdFraming> splitBirdReplies(const QByteArray &bytes);

// How far a byte stream has got: the number of complete replies so far, and
// whether a line was seen that cannot be BIRD's (so waiting longer is pointless).
// Cheap enough to call on every chunk received.
struct BirdProgress
{
    int finalLines = 0;
    bool malformed = false;
};
BirdProgress birdProgress(const QByteArray &bytes);

// Exactly one complete reply (a fixture, or one command's answer with the
// greeting already removed).  An 8xxx/9xxx reply is returned as it is: the
// parsers turn it into its typed error (or, for a few, into "nothing").
// `command` names what was asked, for Error::where.
Result<BirdReply> singleBirdReply(const QByteArray &bytes, const QString &command = {});

// The typed error for an 8xxx/9xxx reply.  `protocol` is the protocol name the
// command referred to, if any: BIRD then reports an unknown name as a syntax
// error (`unexpected CF_SYM_UNDEFINED`), which becomes NoSuchProtocol.
Error birdReplyError(const BirdReply &reply, const QString &command = {},
                     const QString &protocol = {});

// The reply itself, or its typed error when it is an error reply.
Result<BirdReply> checkedBirdReply(const BirdReply &reply, const QString &command = {},
                                   const QString &protocol = {});

} // namespace vipdeck
