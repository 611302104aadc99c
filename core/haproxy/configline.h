#pragma once

// ConfigLine: one line of an HAProxy configuration cut into words the way
// HAProxy's own parse_line() (src/tools.c) does it, and splitConfigLine(),
// the pure function that does the cutting.  Internal to the configuration
// reader (haproxyconfig.h) and its tests.
//
// What HAProxy does, and so what this does: leading blanks are skipped;
// words are separated by unescaped, unquoted blanks; '#' outside quotes
// starts a comment; "..." is weak quoting (blanks, '#' and "'" are literal,
// "$VAR" and "${VAR}" are environment variables), '...' is strong quoting
// (nothing is interpreted); outside single quotes a backslash escapes ' ',
// '\\', '#', '\'', '"' and '$' (inside double quotes), \t \n \r give their
// control character and \xHH a byte; any other backslash stays as it is.
// A line ends at LF, CR or NUL: there is no line continuation, a trailing
// backslash is an ordinary character.  Environment variables are kept as
// written ("${VAR}"), never expanded: the reader runs far from the host
// whose environment HAProxy sees.

#include "core/common/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace vipdeck {

struct ConfigLine
{
    QList<QByteArray> words;
    // Per word: true when it refers to an environment variable ("${VAR}"
    // inside double quotes), so its value is only known on the host.
    QList<bool> usesEnvironment;

    bool operator==(const ConfigLine &other) const = default;
};

// HAProxy refuses a line with more words than this (MAX_LINE_ARGS).
constexpr qsizetype MaxConfigLineWords = 64;

// Cuts `line` (without its newline) into words.  Fails with ErrorCode::Parse
// and where = "<where>:<column>" on an unterminated quote, an invalid \x
// escape, an invalid variable name after '$' inside double quotes, an
// unclosed "${", or more than MaxConfigLineWords words: the lines HAProxy
// itself refuses.
Result<ConfigLine> splitConfigLine(const QByteArray &line, const QString &where);

} // namespace vipdeck
