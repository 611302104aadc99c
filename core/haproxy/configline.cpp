#include "core/haproxy/configline.h"

#include "core/haproxy/haproxytr.h"

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\v' || c == '\f';
}

bool isHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    return (c | 0x20) - 'a' + 10;
}

bool isAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool isAlnum(char c)
{
    return isAlpha(c) || (c >= '0' && c <= '9');
}

Error lineError(const QString &where, qsizetype column, const QString &message, const QString &hint)
{
    return Error(ErrorCode::Parse, message, where + u':' + QString::number(column + 1), hint);
}

} // namespace

Result<ConfigLine> splitConfigLine(const QByteArray &line, const QString &where)
{
    ConfigLine out;
    QByteArray word;
    bool inWord = false;
    bool wordUsesEnv = false;
    bool squote = false;
    bool dquote = false;
    qsizetype quoteAt = -1;
    const qsizetype n = line.size();
    const auto at = [&](qsizetype i) { return i < n ? line.at(i) : '\0'; };
    const auto finishWord = [&]() -> Result<void> {
        if (!inWord)
            return {};
        if (out.words.size() >= MaxConfigLineWords) {
            return Error(ErrorCode::Parse,
                         HaproxyTr::tr("The line has more than %1 words, which HAProxy refuses.")
                             .arg(MaxConfigLineWords),
                         where,
                         HaproxyTr::tr("Split the line or quote arguments that belong "
                                       "together."));
        }
        out.words.append(word);
        out.usesEnvironment.append(wordUsesEnv);
        word.clear();
        inWord = false;
        wordUsesEnv = false;
        return {};
    };

    qsizetype i = 0;
    while (i < n && isBlank(line.at(i)))
        ++i;
    while (i < n) {
        const char c = line.at(i);
        if (c == '\0' || c == '\n' || c == '\r')
            break;
        if (c == '#' && !squote && !dquote)
            break;
        if (c == '"' && !squote) {
            dquote = !dquote;
            quoteAt = dquote ? i : -1;
            inWord = true;
            ++i;
            continue;
        }
        if (c == '\'' && !dquote) {
            squote = !squote;
            quoteAt = squote ? i : -1;
            inWord = true;
            ++i;
            continue;
        }
        if (c == '\\' && !squote) {
            const char next = at(i + 1);
            char produced = c;
            qsizetype used = 1;
            switch (next) {
            case ' ':
            case '\\':
            case '#':
            case '\'':
            case '"':
                produced = next;
                used = 2;
                break;
            case 't':
                produced = '\t';
                used = 2;
                break;
            case 'n':
                produced = '\n';
                used = 2;
                break;
            case 'r':
                produced = '\r';
                used = 2;
                break;
            case '$':
                if (dquote) {
                    produced = '$';
                    used = 2;
                }
                break;
            case 'x':
                if (!isHex(at(i + 2)) || !isHex(at(i + 3))) {
                    return lineError(where, i,
                                     HaproxyTr::tr("Invalid or incomplete \\x escape sequence."),
                                     HaproxyTr::tr("Write \\x followed by two hex digits, or \\\\ "
                                                   "for a backslash."));
                }
                produced = char(hexValue(at(i + 2)) * 16 + hexValue(at(i + 3)));
                used = 4;
                break;
            default:
                break;
            }
            word.append(produced);
            inWord = true;
            i += used;
            continue;
        }
        if (isBlank(c) && !squote && !dquote) {
            while (i < n && isBlank(line.at(i)))
                ++i;
            if (auto done = finishWord(); !done)
                return done.error();
            continue;
        }
        if (c == '$' && dquote) {
            // Kept as written; only its syntax is checked, as HAProxy does.
            const qsizetype start = i;
            qsizetype j = i + 1;
            const bool brace = at(j) == '{';
            if (brace)
                ++j;
            if (!isAlpha(at(j)) && at(j) != '_' && at(j) != '.') {
                return lineError(where, j,
                                 HaproxyTr::tr("Invalid environment variable name after '$'."),
                                 HaproxyTr::tr("Write \\$ for a literal dollar sign inside "
                                               "double quotes."));
            }
            if (at(j) == '.')
                ++j;
            while (isAlnum(at(j)) || at(j) == '_')
                ++j;
            if (brace) {
                if (at(j) == '[') {
                    if (at(j + 1) != '*' || at(j + 2) != ']') {
                        return lineError(where, j,
                                         HaproxyTr::tr("Invalid word expansion; only "
                                                       "[*] is allowed."),
                                         {});
                    }
                    j += 3;
                }
                if (at(j) == '-') {
                    while (j < n && line.at(j) != '}')
                        ++j;
                }
                if (at(j) != '}') {
                    return lineError(where, start + 1, HaproxyTr::tr("Unmatched '{' after '$'."),
                                     HaproxyTr::tr("Close the variable with '}'."));
                }
                ++j;
            }
            word.append(line.mid(start, j - start));
            inWord = true;
            wordUsesEnv = true;
            i = j;
            continue;
        }
        word.append(c);
        inWord = true;
        ++i;
    }
    if (squote || dquote) {
        return lineError(where, quoteAt,
                         squote ? HaproxyTr::tr("Unterminated single quote.")
                                : HaproxyTr::tr("Unterminated double quote."),
                         HaproxyTr::tr("Close the quote on the same line: HAProxy has no line "
                                       "continuation."));
    }
    // Like HAProxy, an empty quoted word at the very end ("a ''") is no word.
    if (word.isEmpty())
        inWord = false;
    if (auto done = finishWord(); !done)
        return done.error();
    return out;
}

} // namespace vipdeck
