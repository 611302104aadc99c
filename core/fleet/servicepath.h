#pragma once

// Service paths: which backends of a VIP's HAProxy carry its traffic, learnt
// from the VIP's configuration (`haproxy.config` in fleet.yaml) read on the
// host.  readServicePaths() reads the configurations of several VIPs of one
// host with a single remote command, parses them (core/haproxy/haproxyconfig.h)
// and classifies their backends (core/haproxy/backendclassification.h).  The
// fleet poller caches the result per HAProxy process: HAProxy runs the
// configuration it read when it (re)started, so a new worker pid is what
// makes a read necessary (docs/haproxy-notes.md, "Service paths").

#include "core/common/error.h"
#include "core/common/result.h"
#include "core/haproxy/backendclassification.h"
#include "core/haproxy/haproxyconfig.h"
#include "core/inventory/inventory.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace vipdeck {

class Transport;

// What the configuration says about one (VIP, host), or why it is not known.
struct ServicePath
{
    std::shared_ptr<const BackendClassification> classification;
    std::optional<Error> error; // set when `classification` is null
};

// The remote command that prints every file of `paths` (a directory stands
// for its *.cfg files in the order `haproxy -f DIR` reads them), each framed
// by lines starting with `boundary`.
QStringList configDumpCommand(const QStringList &paths, const QString &boundary);

// Splits that command's output into the files of each requested path, or an
// error per path that could not be read ("no such file", "no .cfg file in
// the directory", cat's message).  `where` names the host in errors.
QHash<QString, Result<QList<ConfigFile>>> parseConfigDump(const QByteArray &output,
                                                          const QByteArray &errorOutput,
                                                          const QString &boundary,
                                                          const QString &host);

// The classification of one VIP's configuration: parse, then classify with
// the VIP's prefixes and the fleet file's `haproxy.backends`.
ServicePath classifyServicePath(const Result<QList<ConfigFile>> &files, const Vip *vip,
                                const Placement &placement);

// Reads and classifies the configurations of `placements` (all on the
// transport's host, each with a configPath), one remote command in all.
// Returns one ServicePath per placement, in order.
QList<ServicePath> readServicePaths(Transport *transport, const QList<Placement> &placements,
                                    const QList<const Vip *> &vips);

} // namespace vipdeck
