#pragma once

// Control characters in text that people read: the one rule for what counts
// as one (C0, DEL and C1; tab is allowed), the check that refuses them at
// input, and the escape that shows them visibly where older data holds them,
// so a value can never move a terminal's cursor or fake a line of its own.

#include <QString>

namespace vipdeck {

// U+0000..U+001F except tab, U+007F, U+0080..U+009F.
bool isControlCharacter(QChar c);

// Index of the first control character in `text`, or -1.
qsizetype firstControlCharacter(const QString &text);

// "\r", "\n" and "\xHH" (e.g. "\x1b") in place of each control character;
// everything else unchanged.
QString escapeControlCharacters(const QString &text);

// How a control character is shown in messages: "ESC (\x1b)", "LF (\n)", ...
QString controlCharacterName(QChar c);

} // namespace vipdeck
