#include "core/fleet/servicepath.h"

#include "core/ssh/transport.h"

#include <QCoreApplication>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vipdeck::ServicePath)
};

// For each path: "B P path", then per file "B F file", its bytes, a newline
// and "B E status"; "B M" when the path does not exist.  Paths with a newline
// are refused by the caller, so every line that starts with B is ours.
constexpr auto dumpScript =
    R"(b=$1; shift; LC_ALL=C; export LC_ALL
one() {
  printf '%s F %s\n' "$b" "$1"
  cat -- "$1"; s=$?
  printf '\n%s E %s\n' "$b" "$s"
}
for p in "$@"; do
  printf '%s P %s\n' "$b" "$p"
  if [ -d "$p" ]; then
    for f in "$p"/*.cfg; do [ -f "$f" ] && one "$f"; done
  elif [ -e "$p" ]; then
    one "$p"
  else
    printf '%s M\n' "$b"
  fi
done
)";

// The next line at or after `from` that starts with `marker`; -1 if none.
qsizetype findMarkerLine(const QByteArray &text, const QByteArray &marker, qsizetype from)
{
    qsizetype at = from;
    while (at < text.size()) {
        if (text.mid(at, marker.size()) == marker)
            return at;
        const qsizetype newline = text.indexOf('\n', at);
        if (newline < 0)
            return -1;
        at = newline + 1;
    }
    return -1;
}

} // namespace

QStringList configDumpCommand(const QStringList &paths, const QString &boundary)
{
    return QStringList{u"sh"_s, u"-c"_s, QString::fromLatin1(dumpScript), u"sh"_s, boundary} +
           paths;
}

QHash<QString, Result<QList<ConfigFile>>> parseConfigDump(const QByteArray &output,
                                                          const QByteArray &errorOutput,
                                                          const QString &boundary,
                                                          const QString &host)
{
    QHash<QString, Result<QList<ConfigFile>>> byPath;
    const QByteArray b = boundary.toUtf8();
    const QByteArray pathMarker = b + " P ";
    const QByteArray fileMarker = b + " F ";
    const QByteArray endMarker = "\n" + b + " E ";
    const QByteArray missing = b + " M";
    const QString stderrText = QString::fromUtf8(errorOutput).trimmed();

    QString path;
    QList<ConfigFile> files;
    std::optional<Error> failed;
    const auto flush = [&] {
        if (path.isNull())
            return;
        const QString where = host + u':' + path;
        if (failed)
            byPath.insert(path, *failed);
        else if (files.isEmpty())
            byPath.insert(path, Error(ErrorCode::Io,
                                      Tr::tr("the directory holds no .cfg file HAProxy would read"),
                                      where, Tr::tr("check haproxy.config in the fleet file")));
        else
            byPath.insert(path, files);
        path = QString();
        files.clear();
        failed.reset();
    };

    qsizetype at = 0;
    while (at < output.size()) {
        const qsizetype lineEnd = output.indexOf('\n', at);
        const QByteArray line = output.mid(at, lineEnd < 0 ? -1 : lineEnd - at);
        const qsizetype next = lineEnd < 0 ? output.size() : lineEnd + 1;
        if (line.startsWith(pathMarker)) {
            flush();
            path = QString::fromUtf8(line.mid(pathMarker.size()));
            at = next;
        } else if (line == missing && !path.isNull()) {
            failed = Error(ErrorCode::Io, Tr::tr("no such file or directory"), host + u':' + path,
                           Tr::tr("check haproxy.config in the fleet file"));
            at = next;
        } else if (line.startsWith(fileMarker) && !path.isNull()) {
            const QString file = QString::fromUtf8(line.mid(fileMarker.size()));
            // The contents run up to "\nB E status"; the script added that newline.
            const qsizetype end = output.indexOf(endMarker, next);
            if (end < 0) {
                failed = Error(ErrorCode::Parse, Tr::tr("the output ended inside %1").arg(file),
                               host + u':' + path);
                break;
            }
            const qsizetype statusAt = end + endMarker.size();
            const qsizetype statusEnd = output.indexOf('\n', statusAt);
            const QByteArray status =
                output.mid(statusAt, statusEnd < 0 ? -1 : statusEnd - statusAt);
            if (status != "0") {
                failed =
                    Error(ErrorCode::Io,
                          Tr::tr("cannot read %1: %2")
                              .arg(file, stderrText.isEmpty() ? Tr::tr("cat failed") : stderrText),
                          host + u':' + path);
            } else if (!failed) {
                files << ConfigFile{file, output.mid(next, std::max<qsizetype>(0, end - next))};
            }
            at = statusEnd < 0 ? output.size() : statusEnd + 1;
        } else {
            // Not ours (a login banner printed by a shell rc file): skip.
            const qsizetype marker = findMarkerLine(output, b, next);
            at = marker < 0 ? output.size() : marker;
        }
    }
    flush();
    return byPath;
}

ServicePath classifyServicePath(const Result<QList<ConfigFile>> &files, const Vip *vip,
                                const Placement &placement)
{
    ServicePath path;
    if (!files) {
        path.error = files.error();
        return path;
    }
    const Result<HaproxyConfig> config = parseHaproxyConfigFiles(*files);
    if (!config) {
        Error error = config.error();
        if (error.where.isEmpty())
            error.where = placement.host + u':' + placement.configPath;
        else if (!error.where.startsWith(placement.host + u':'))
            error.where = placement.host + u':' + error.where;
        path.error = error;
        return path;
    }
    ClassificationOptions options;
    if (vip && !vip->prefixes.isEmpty()) {
        QList<QPair<QHostAddress, int>> prefixes;
        for (const Prefix &prefix : vip->prefixes)
            prefixes.append({prefix.address, prefix.length});
        options.vipPrefixes = prefixes;
    }
    options.serviceBackends = placement.serviceBackends;
    BackendClassification classes = classifyBackends(*config, options);
    // One HAProxy per VIP whose binds are all on other addresses (the VIP
    // reaches it through NAT, or a lab binds the host's own address): the
    // address tells nothing, so every frontend with a bind counts, noted.
    const bool anyServes =
        std::any_of(classes.frontends.cbegin(), classes.frontends.cend(),
                    [](const FrontendRoutes &f) { return f.servesVip != VipMatch::No; });
    if (options.vipPrefixes && !anyServes && !classes.frontends.isEmpty()) {
        options.vipPrefixes.reset();
        classes = classifyBackends(*config, options);
        classes.uncertain = true;
        classes.notes << Tr::tr("no bind of %1's configuration is on the VIP's addresses; every "
                                "frontend counts as serving it")
                             .arg(placement.vip);
    }
    path.classification = std::make_shared<const BackendClassification>(std::move(classes));
    return path;
}

QList<ServicePath> readServicePaths(Transport *transport, const QList<Placement> &placements,
                                    const QList<const Vip *> &vips)
{
    QList<ServicePath> paths(placements.size());
    QStringList wanted;
    for (qsizetype i = 0; i < placements.size(); ++i) {
        const QString &configPath = placements[i].configPath;
        if (configPath.contains(u'\n') || configPath.isEmpty()) {
            paths[i].error = Error(ErrorCode::InvalidArgument,
                                   Tr::tr("the configuration path is empty or holds a newline"),
                                   placements[i].host);
            continue;
        }
        if (!wanted.contains(configPath))
            wanted << configPath;
    }
    if (wanted.isEmpty())
        return paths;

    const QString boundary = u"--vipdeck-"_s + QUuid::createUuid().toString(QUuid::Id128) + u"--"_s;
    // One command reads them all; its output may hold as much as the largest
    // haproxy.reply_limit among them.
    qint64 limit = 0;
    for (const Placement &placement : placements)
        limit = std::max(limit, placement.replyLimit);
    Result<ExecResult> dump =
        transport->exec(configDumpCommand(wanted, boundary), {}, qsizetype(limit)).result();
    if (!dump && dump.error().code == ErrorCode::ReplyTooLarge)
        dump =
            replyTooLargeError(qsizetype(limit), dump.error().where, u"cat "_s + wanted.join(u' '));
    QHash<QString, Result<QList<ConfigFile>>> files;
    if (dump)
        files = parseConfigDump(dump->standardOutput, dump->standardError, boundary,
                                transport->hostName());
    for (qsizetype i = 0; i < placements.size(); ++i) {
        if (paths[i].error)
            continue;
        const Placement &placement = placements[i];
        if (!dump) {
            paths[i].error = dump.error();
            continue;
        }
        const auto it = files.constFind(placement.configPath);
        if (it == files.constEnd()) {
            const QString stderrText = QString::fromUtf8(dump->standardError).trimmed();
            paths[i].error =
                Error(ErrorCode::CommandFailed,
                      Tr::tr("the configuration could not be read%1")
                          .arg(stderrText.isEmpty() ? QString() : u": "_s + stderrText),
                      placement.host + u':' + placement.configPath);
            continue;
        }
        paths[i] = classifyServicePath(it.value(), vips.value(i), placement);
    }
    return paths;
}

} // namespace vipdeck
