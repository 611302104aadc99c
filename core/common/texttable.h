#pragma once

// Plain-text tables for terminals and pipes: columns padded to their widest
// cell, two blanks apart, colour escapes not counted as width.

#include <QList>
#include <QString>
#include <QStringList>

namespace vipdeck {

// Width of `text` on a terminal, without SGR colour escapes (ESC [ ... m).
qsizetype visibleLength(const QString &text);

// One line per row, each ending in a newline; an empty last cell leaves no
// trailing blanks.
QString formatTable(const QList<QStringList> &rows);

} // namespace vipdeck
