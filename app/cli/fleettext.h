#pragma once

// The human-readable output of `vipdeckctl status|vips|servers|events` and of
// `watch`'s frames: aligned columns, health words (coloured on a terminal),
// the worst reasons in plain words.

#include "app/cli/fleetview.h"
#include "core/common/texttable.h"

namespace vipdeck::cli {

struct TextStyle
{
    bool color = false;  // ANSI colours for health words
    int maxReasons = 10; // status: how many of the worst reasons to list
};

// The style for output to a terminal or not: colour only on a terminal, not
// with --no-color, not when NO_COLOR is set to anything (no-color.org), not
// when TERM is "dumb".
TextStyle textStyle(bool colorOption, bool outIsTerminal);

QString statusText(const FleetUpdate &update, const FleetFilter &filter, const QString &fleetFile,
                   const TextStyle &style = {});
QString vipsText(const FleetUpdate &update, const FleetFilter &filter, const TextStyle &style = {});
QString serversText(const FleetUpdate &update, const FleetFilter &filter,
                    const TextStyle &style = {});
// One line per event: "2026-03-01T12:00:01Z  problem  web@lb1  text".
// One event; its severity coloured like the health words (problem red, warning yellow).
QString eventLine(const FleetEvent &event, const TextStyle &style = {});

using vipdeck::formatTable; // core/common/texttable.h

} // namespace vipdeck::cli
