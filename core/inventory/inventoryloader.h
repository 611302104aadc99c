#pragma once

// Loading and validating fleet.yaml.  Every problem of a file is collected as
// a Diagnostic (file:line:column, what is wrong, what to write instead), in
// file order; an Inventory is returned only when there is no error.  Nothing
// here throws: yaml-cpp's exceptions are caught inside.  The format is
// described in docs/fleet-yaml.md.

#include "core/inventory/inventory.h"

#include <QByteArray>
#include <QDir>
#include <QList>
#include <QString>

#include <optional>

namespace vipdeck {

// What the loader needs from its surroundings, injectable so tests are
// deterministic.
struct InventoryContext
{
    QString homeDir = QDir::homePath(); // for '~' in identity_file and known_hosts
};

struct LoadedInventory
{
    std::optional<Inventory> inventory; // set only when there is no error
    QList<Diagnostic> diagnostics;      // errors and warnings, in file order

    bool ok() const;
};

// Reads and parses `path`.  Diagnostics name the file as `path` is written.
LoadedInventory loadInventory(const QString &path, const InventoryContext &context = {});

// Parses fleet.yaml text; `fileName` is only used in diagnostics.
LoadedInventory parseInventory(const QByteArray &yaml, const QString &fileName,
                               const InventoryContext &context = {});

} // namespace vipdeck
