#include "core/inventory/inventoryloader.h"

#include "core/common/logging.h"
#include "core/inventory/valueparsers.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <limits>
#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

using Ms = std::chrono::milliseconds;

constexpr qint64 MaxFileSize = 16 * 1024 * 1024;
constexpr Ms MinInterval{100};
// Durations end up in Qt timers and other int milliseconds, where a longer
// one would wrap around.
constexpr Ms MaxInterval{std::numeric_limits<int>::max()};

// This file's messages, in a context lupdate can see.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vipdeck::InventoryLoader)
};

// 1-based, as editors count; 0 when unknown.
struct Loc
{
    int line = 0;
    int column = 0;
};

Loc locOf(const YAML::Mark &mark)
{
    if (mark.is_null())
        return {};
    return {mark.line + 1, mark.column + 1};
}

// A setting as written at one level.  `given` without `value`: written but
// invalid (already reported), so nothing that depends on it is checked again.
template <typename T> struct Setting
{
    std::optional<T> value;
    bool given = false;
    QString text;
    Loc at;
};

struct SshLayer
{
    Setting<QString> user;
    Setting<int> port;
    Setting<QString> identityFile;
    Setting<bool> useAgent;
    Setting<QString> knownHosts;
    Setting<Ms> connectTimeout;
    Setting<Ms> commandTimeout;
    Setting<QString> proxyJump;
};

// The settings one level (defaults, group, host, VIP) writes.
struct Layer
{
    SshLayer ssh;
    Setting<QString> statsSocket;
    Setting<QString> masterSocket;
    Setting<QString> config;
    Setting<QStringList> serviceBackends; // haproxy.backends
    Setting<QString> controlSocket;
    Setting<QString> vipProtocol;
    Setting<Ms> pollInterval;
    Setting<int> minUpServers;
    Setting<qint64> haproxyReplyLimit; // haproxy.reply_limit
    Setting<qint64> birdReplyLimit;    // bird.reply_limit
    Setting<QString> routerId;         // bird.router_id (a host's own)
};

// One key: value pair of a YAML map.
struct Entry
{
    QString key;
    YAML::Node value;
    Loc keyAt;
    Loc valueAt; // the key's location when the value is empty
};

struct HostDecl
{
    Host host;
    Layer layer;
    Loc at;
    Loc nameAt;
    bool named = false;
};

struct GroupDecl
{
    Group group;
    Layer layer;
    Loc at;
    Loc nameAt;
    bool named = false;
    bool modeKnown = false;
    Loc primaryAt;
    QList<std::pair<QString, Loc>> hostRefs;
};

struct VipDecl
{
    Vip vip;
    Layer layer;
    Loc at;
    Loc nameAt;
    Loc groupAt;
    bool named = false;
    QList<std::pair<Prefix, Loc>> prefixes;
};

const QString &declName(const HostDecl &d)
{
    return d.host.name;
}
const QString &declName(const GroupDecl &d)
{
    return d.group.name;
}
const QString &declName(const VipDecl &d)
{
    return d.vip.name;
}

enum class Section {
    Top,
    Defaults,
    Group,
    Host,
    Observer,
    Vip,
    Ssh,
    Haproxy,
    Bird,
    HostBird,
    ObserverBird,
    VipBird
};

const QStringList &keysOf(Section section)
{
    static const QStringList top = {u"version"_s, u"defaults"_s,  u"hosts"_s,
                                    u"groups"_s,  u"observers"_s, u"vips"_s};
    static const QStringList defaults = {u"ssh"_s, u"haproxy"_s, u"bird"_s, u"poll_interval"_s,
                                         u"min_up_servers"_s};
    static const QStringList group =
        QStringList{u"name"_s, u"mode"_s, u"primary"_s, u"hosts"_s, u"discover"_s} + defaults;
    static const QStringList host = QStringList{u"name"_s, u"address"_s} + defaults;
    static const QStringList observer = {u"name"_s, u"address"_s, u"ssh"_s, u"bird"_s};
    static const QStringList vip = {u"name"_s, u"group"_s,         u"prefixes"_s,      u"haproxy"_s,
                                    u"bird"_s, u"poll_interval"_s, u"min_up_servers"_s};
    static const QStringList ssh = {u"user"_s,
                                    u"port"_s,
                                    u"identity_file"_s,
                                    u"use_agent"_s,
                                    u"known_hosts"_s,
                                    u"connect_timeout"_s,
                                    u"command_timeout"_s,
                                    u"proxy_jump"_s};
    static const QStringList haproxy = {u"stats_socket"_s, u"master_socket"_s, u"config"_s,
                                        u"backends"_s, u"reply_limit"_s};
    static const QStringList bird = {u"control_socket"_s, u"vip_protocol"_s, u"reply_limit"_s};
    static const QStringList hostBird = bird + QStringList{u"router_id"_s};
    static const QStringList observerBird = {u"control_socket"_s, u"reply_limit"_s};
    static const QStringList vipBird = {u"vip_protocol"_s};
    switch (section) {
    case Section::Top:
        return top;
    case Section::Defaults:
        return defaults;
    case Section::Group:
        return group;
    case Section::Host:
        return host;
    case Section::Observer:
        return observer;
    case Section::Vip:
        return vip;
    case Section::Ssh:
        return ssh;
    case Section::Haproxy:
        return haproxy;
    case Section::Bird:
        return bird;
    case Section::HostBird:
        return hostBird;
    case Section::ObserverBird:
        return observerBird;
    case Section::VipBird:
        return vipBird;
    }
    return top;
}

// Where a key that is valid somewhere else belongs, for "cannot be set here".
QString whereKeyBelongs(const QString &key, Section section)
{
    if (section == Section::Vip && key == u"ssh"_s)
        return Tr::tr("SSH settings apply to hosts: set them in defaults, a group or a host");
    if (section == Section::VipBird && key == u"control_socket"_s)
        return Tr::tr("a host has one BIRD control socket: set it in defaults, a group or a host");
    if (section == Section::VipBird && key == u"reply_limit"_s)
        return Tr::tr("a host has one BIRD, so its reply limit is set in defaults, a group or a "
                      "host");
    if (section == Section::Bird && key == u"router_id"_s)
        return Tr::tr("a router id is one host's own: set bird.router_id in that host's entry");
    if (section == Section::ObserverBird && key == u"vip_protocol"_s)
        return Tr::tr("an observer announces no VIP: vip_protocol belongs to LB hosts");
    if (section == Section::Observer)
        return Tr::tr("an observer takes only 'name', 'address', 'ssh' and 'bird'");
    if (keysOf(Section::Ssh).contains(key))
        return Tr::tr("'%1' belongs under 'ssh:'").arg(key);
    if (keysOf(Section::Haproxy).contains(key))
        return Tr::tr("'%1' belongs under 'haproxy:'").arg(key);
    if (keysOf(Section::Bird).contains(key))
        return Tr::tr("'%1' belongs under 'bird:'").arg(key);
    if (key == u"poll_interval"_s || key == u"min_up_servers"_s)
        return Tr::tr("'%1' belongs directly in defaults, a group, a host or a VIP").arg(key);
    if (key == u"address"_s)
        return Tr::tr("'address' belongs in a host entry");
    if (key == u"mode"_s || key == u"primary"_s || key == u"discover"_s)
        return Tr::tr("'%1' belongs in a group entry").arg(key);
    if (key == u"prefixes"_s || key == u"group"_s)
        return Tr::tr("'%1' belongs in a VIP entry").arg(key);
    if (keysOf(Section::Top).contains(key))
        return Tr::tr("'%1' belongs at the top level of the file").arg(key);
    if (key == u"ssh"_s || key == u"haproxy"_s || key == u"bird"_s)
        return Tr::tr("'%1' belongs in defaults, a group, a host or a VIP").arg(key);
    return {};
}

QString describeNode(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Map:
        return Tr::tr("a map");
    case YAML::NodeType::Sequence:
        return Tr::tr("a list");
    case YAML::NodeType::Scalar:
        return u'\'' + QString::fromStdString(node.Scalar()) + u'\'';
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        break;
    }
    return Tr::tr("empty");
}

// Path templates reach remote paths, globs and commands: keep them to
// characters that need no quoting anywhere.
const QRegularExpression &pathCharacters()
{
    static const QRegularExpression re(u"^[A-Za-z0-9/._+@:=,{}-]*$"_s);
    return re;
}

bool isBirdSymbol(const QString &name)
{
    static const QRegularExpression re(u"^[A-Za-z_][A-Za-z0-9_]*$"_s);
    return re.match(name).hasMatch();
}

// The first word of `yaml` that is no comment, directive or document
// marker, and where it is; line 0 when there is none.
Loc firstToken(const QByteArray &yaml, QString &token)
{
    const QList<QByteArray> lines = yaml.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = QString::fromUtf8(lines.at(i));
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(u'#') || line.startsWith(u'%') ||
            trimmed == u"---"_s || trimmed == u"..."_s)
            continue;
        const qsizetype column = line.indexOf(trimmed.at(0));
        token = trimmed.section(u' ', 0, 0);
        return {int(i + 1), int(column + 1)};
    }
    return {};
}

// Picks the most specific level that wrote a setting.
template <typename T>
const Setting<T> *pick(std::initializer_list<const Setting<T> *> mostSpecificFirst)
{
    for (const Setting<T> *s : mostSpecificFirst) {
        if (s && s->given)
            return s;
    }
    return nullptr;
}

} // namespace

class InventoryLoader
{
public:
    InventoryLoader(QString fileName, InventoryContext context)
        : m_file(std::move(fileName))
        , m_context(std::move(context))
    {}

    LoadedInventory parse(const QByteArray &yaml);
    void fail(Loc at, const QString &message, const QString &hint = {})
    {
        addDiagnostic(Diagnostic::Severity::Error, at, message, hint);
    }

private:
    void addDiagnostic(Diagnostic::Severity severity, Loc at, const QString &message,
                       const QString &hint)
    {
        m_diagnostics.append(Diagnostic{severity, m_file, at.line, at.column, message, hint});
    }

    // Reading the document.
    QList<Entry> entries(const YAML::Node &map, Section section, const QString &context);
    bool expectMap(const Entry &e, const QString &example);
    bool expectList(const Entry &e, const QString &hint);
    std::optional<QString> string(const Entry &e, const QString &example);
    std::optional<QString> string(const YAML::Node &item, Loc at, const QString &listKey,
                                  const QString &example);
    std::optional<int> integer(const Entry &e, int min, int max, const QString &example);
    std::optional<bool> boolean(const Entry &e);
    std::optional<Ms> duration(const Entry &e, const QString &example);
    std::optional<qint64> byteSize(const Entry &e);
    std::optional<QString> name(const Entry &e, const QString &what);
    std::optional<QString> localPath(const Entry &e);
    std::optional<QString> remotePath(const Entry &e, const QStringList &placeholders,
                                      const QString &example);
    std::optional<QString> birdProtocol(const Entry &e);
    std::optional<QString> routerId(const Entry &e);
    std::optional<QStringList> proxyNames(const Entry &e);
    template <typename T> void set(Setting<T> &setting, const Entry &e, std::optional<T> value);

    void parseTop(const YAML::Node &root);
    bool parseSetting(const Entry &e, Section section, Layer &layer);
    void parseSsh(const Entry &e, SshLayer &ssh);
    void parseHaproxy(const Entry &e, Layer &layer);
    void parseBird(const Entry &e, Section section, Layer &layer);
    void parseHost(const YAML::Node &node, Section section);
    void parseGroup(const YAML::Node &node);
    void parseVip(const YAML::Node &node);
    template <typename Decl>
    std::optional<QList<Entry>> beginEntry(const YAML::Node &node, const QString &listKey,
                                           Section section, const QString &what, Decl &decl,
                                           QString &label);

    // Cross-references and resolution.
    void checkReferences();
    template <typename Decl>
    void checkDuplicateNames(const QList<Decl> &decls, const QString &what);
    template <typename T, typename Get>
    std::optional<T> resolveForHost(const HostDecl &host, const QList<const GroupDecl *> &groups,
                                    Get get, const QString &key, bool &invalid);
    void resolveHosts();
    void resolveHost(HostDecl &host, bool inGroups);
    void resolveVips();
    void resolveDiscovery();
    Placement placementFor(const Layer *vip, const HostDecl &host, const GroupDecl &group,
                           const QString &vipName);
    const HostDecl *hostDecl(const QString &name) const;
    const GroupDecl *groupDecl(const QString &name) const;
    template <typename Decl> static QStringList names(const QList<Decl> &decls);

    QString m_file;
    InventoryContext m_context;
    QList<Diagnostic> m_diagnostics;
    Loc m_rootAt;
    bool m_sawHosts = false;
    bool m_sawGroups = false;
    // A section that could not be read completely: checks that need all of
    // it ("host in no group", "unknown host") would only repeat that error.
    bool m_hostsIncomplete = false;
    bool m_groupsIncomplete = false;
    Layer m_defaults;
    QList<HostDecl> m_hosts;
    QList<HostDecl> m_observers;
    QList<GroupDecl> m_groups;
    QList<VipDecl> m_vips;
};

QList<Entry> InventoryLoader::entries(const YAML::Node &map, Section section,
                                      const QString &context)
{
    QList<Entry> out;
    QHash<QString, Loc> seen;
    if (!map.IsMap())
        return out;
    for (auto it = map.begin(); it != map.end(); ++it) {
        const Loc keyAt = locOf(it->first.Mark());
        if (!it->first.IsScalar()) {
            fail(keyAt,
                 Tr::tr("a key in %1 is %2, not a name").arg(context, describeNode(it->first)),
                 Tr::tr("write keys as plain words, like 'name:'"));
            continue;
        }
        const QString key = QString::fromStdString(it->first.Scalar());
        if (const auto first = seen.constFind(key); first != seen.cend()) {
            fail(keyAt,
                 Tr::tr("duplicate key '%1' in %2 (first at line %3)")
                     .arg(key, context)
                     .arg(first->line),
                 Tr::tr("remove one of them"));
            continue;
        }
        seen.insert(key, keyAt);
        // Top-level "x-" keys are free for YAML anchors shared by other entries.
        if (section == Section::Top && key.startsWith(u"x-"_s))
            continue;
        const QStringList &known = keysOf(section);
        if (!known.contains(key)) {
            const QString elsewhere = whereKeyBelongs(key, section);
            if (!elsewhere.isEmpty())
                fail(keyAt, Tr::tr("'%1' cannot be set in %2").arg(key, context), elsewhere);
            else
                fail(keyAt, Tr::tr("unknown key '%1' in %2").arg(key, context),
                     suggestion(key, known));
            continue;
        }
        Entry e{key, it->second, keyAt, keyAt};
        if (!it->second.IsNull()) {
            const Loc valueAt = locOf(it->second.Mark());
            if (valueAt.line > 0)
                e.valueAt = valueAt;
        }
        out.append(e);
    }
    return out;
}

bool InventoryLoader::expectMap(const Entry &e, const QString &example)
{
    if (e.value.IsMap() || e.value.IsNull())
        return true;
    fail(e.valueAt, Tr::tr("'%1' must be a map, not %2").arg(e.key, describeNode(e.value)),
         Tr::tr("write it like '%1: %2'").arg(e.key, example));
    return false;
}

bool InventoryLoader::expectList(const Entry &e, const QString &hint)
{
    if (e.value.IsSequence() || e.value.IsNull())
        return true;
    fail(e.valueAt, Tr::tr("'%1' must be a list, not %2").arg(e.key, describeNode(e.value)), hint);
    return false;
}

std::optional<QString> InventoryLoader::string(const Entry &e, const QString &example)
{
    if (e.value.IsScalar())
        return QString::fromStdString(e.value.Scalar());
    if (e.value.IsNull())
        fail(e.valueAt, Tr::tr("'%1' has no value").arg(e.key),
             Tr::tr("write it like '%1: %2'").arg(e.key, example));
    else
        fail(e.valueAt, Tr::tr("'%1' must be a string, not %2").arg(e.key, describeNode(e.value)),
             Tr::tr("write it like '%1: %2'").arg(e.key, example));
    return std::nullopt;
}

std::optional<QString> InventoryLoader::string(const YAML::Node &item, Loc at,
                                               const QString &listKey, const QString &example)
{
    if (item.IsScalar())
        return QString::fromStdString(item.Scalar());
    fail(at, Tr::tr("each entry of '%1' must be a string, not %2").arg(listKey, describeNode(item)),
         Tr::tr("write it like '%1: %2'").arg(listKey, example));
    return std::nullopt;
}

std::optional<int> InventoryLoader::integer(const Entry &e, int min, int max,
                                            const QString &example)
{
    const std::optional<QString> text = string(e, example);
    if (!text)
        return std::nullopt;
    bool ok = false;
    const int n = text->toInt(&ok);
    if (!ok) {
        fail(e.valueAt, Tr::tr("'%1' must be a whole number, not '%2'").arg(e.key, *text),
             Tr::tr("write it like '%1: %2'").arg(e.key, example));
        return std::nullopt;
    }
    if (n < min || n > max) {
        fail(e.valueAt, Tr::tr("'%1' is %2, outside %3-%4").arg(e.key).arg(n).arg(min).arg(max),
             Tr::tr("write it like '%1: %2'").arg(e.key, example));
        return std::nullopt;
    }
    return n;
}

std::optional<bool> InventoryLoader::boolean(const Entry &e)
{
    const std::optional<QString> text = string(e, u"true"_s);
    if (!text)
        return std::nullopt;
    if (*text == u"true"_s)
        return true;
    if (*text == u"false"_s)
        return false;
    fail(e.valueAt, Tr::tr("'%1' must be true or false, not '%2'").arg(e.key, *text),
         Tr::tr("write '%1: true' or '%1: false'").arg(e.key));
    return std::nullopt;
}

std::optional<qint64> InventoryLoader::byteSize(const Entry &e)
{
    const std::optional<QString> text = string(e, u"16MiB"_s);
    if (!text)
        return std::nullopt;
    const Result<qint64> size = parseByteSize(*text);
    if (!size) {
        fail(e.valueAt, Tr::tr("%1: %2").arg(e.key, size.error().message), size.error().hint);
        return std::nullopt;
    }
    return *size;
}

std::optional<Ms> InventoryLoader::duration(const Entry &e, const QString &example)
{
    const std::optional<QString> text = string(e, example);
    if (!text)
        return std::nullopt;
    const Result<Ms> d = parseDuration(*text);
    if (!d) {
        fail(e.valueAt, Tr::tr("%1: %2").arg(e.key, d.error().message), d.error().hint);
        return std::nullopt;
    }
    if (*d < MinInterval) {
        fail(e.valueAt, Tr::tr("'%1' is %2, shorter than 100ms").arg(e.key, *text),
             Tr::tr("write it like '%1: %2'").arg(e.key, example));
        return std::nullopt;
    }
    if (*d > MaxInterval) {
        fail(e.valueAt,
             Tr::tr("'%1' is %2, longer than a timer can hold (%3ms, about 24 days)")
                 .arg(e.key, *text)
                 .arg(MaxInterval.count()),
             Tr::tr("write at most %1s (or %2m, %3h)")
                 .arg(MaxInterval.count() / 1000)
                 .arg(MaxInterval.count() / 60000)
                 .arg(MaxInterval.count() / 3600000));
        return std::nullopt;
    }
    return *d;
}

std::optional<QString> InventoryLoader::name(const Entry &e, const QString &what)
{
    const std::optional<QString> text = string(e, u"lb1"_s);
    if (!text)
        return std::nullopt;
    if (!isValidName(*text)) {
        fail(e.valueAt, Tr::tr("%1 name '%2' is not valid").arg(what, *text),
             Tr::tr("use letters, digits, '.', '_' and '-', starting with a letter or digit"));
        return std::nullopt;
    }
    return text;
}

std::optional<QString> InventoryLoader::localPath(const Entry &e)
{
    const QString example =
        e.key == u"known_hosts"_s ? u"~/.ssh/known_hosts"_s : u"~/.ssh/id_ed25519"_s;
    std::optional<QString> text = string(e, example);
    if (!text)
        return std::nullopt;
    if (*text == u"~"_s || text->startsWith(u"~/"_s)) {
        text->replace(0, 1, m_context.homeDir);
    } else if (text->startsWith(u'~')) {
        fail(e.valueAt, Tr::tr("'%1' uses '%2', but only '~/' is expanded").arg(e.key, *text),
             Tr::tr("write the full path, like '/home/admin/.ssh/id_ed25519'"));
        return std::nullopt;
    }
    if (!text->startsWith(u'/')) {
        fail(e.valueAt, Tr::tr("'%1' is '%2', not an absolute path").arg(e.key, *text),
             Tr::tr("write it like '%1: %2'").arg(e.key, example));
        return std::nullopt;
    }
    return text;
}

std::optional<QString> InventoryLoader::remotePath(const Entry &e, const QStringList &placeholders,
                                                   const QString &example)
{
    const std::optional<QString> text = string(e, example);
    if (!text)
        return std::nullopt;
    if (const Result<void> check = checkTemplate(*text, placeholders); !check) {
        fail(e.valueAt, Tr::tr("%1: %2").arg(e.key, check.error().message), check.error().hint);
        return std::nullopt;
    }
    if (!text->startsWith(u'/')) {
        fail(e.valueAt, Tr::tr("'%1' is '%2', not an absolute path").arg(e.key, *text),
             Tr::tr("write the full path on the LB host, like '%1'").arg(example));
        return std::nullopt;
    }
    if (!pathCharacters().match(*text).hasMatch()) {
        fail(e.valueAt,
             Tr::tr("'%1' is '%2', which has characters vipdeck does not allow in paths")
                 .arg(e.key, *text),
             Tr::tr("use letters, digits and / . _ - + @ : = , only"));
        return std::nullopt;
    }
    return text;
}

std::optional<QString> InventoryLoader::birdProtocol(const Entry &e)
{
    const std::optional<QString> text = string(e, u"vip_{vip}"_s);
    if (!text)
        return std::nullopt;
    const QStringList all = {u"vip"_s, u"host"_s, u"group"_s};
    if (const Result<void> check = checkTemplate(*text, all); !check) {
        fail(e.valueAt, Tr::tr("%1: %2").arg(e.key, check.error().message), check.error().hint);
        return std::nullopt;
    }
    // Placeholders are checked once resolved; the fixed part must already fit.
    const QString fixed =
        expandTemplate(*text, {{u"vip"_s, u"x"_s}, {u"host"_s, u"x"_s}, {u"group"_s, u"x"_s}});
    if (!isBirdSymbol(fixed)) {
        fail(e.valueAt, Tr::tr("'%1' is '%2', not a valid BIRD protocol name").arg(e.key, *text),
             Tr::tr("BIRD names take letters, digits and '_', starting with a letter or '_', "
                    "like 'vip_{vip}'"));
        return std::nullopt;
    }
    return text;
}

// bird.router_id: the IPv4 form BIRD prints in `show status`.
std::optional<QString> InventoryLoader::routerId(const Entry &e)
{
    const std::optional<QString> text = string(e, u"192.0.2.11"_s);
    if (!text)
        return std::nullopt;
    const QHostAddress address(*text);
    if (address.protocol() != QAbstractSocket::IPv4Protocol) {
        fail(e.valueAt, Tr::tr("router_id '%1' is not an IPv4 address").arg(*text),
             Tr::tr("write the router id as BIRD's 'show status' prints it, like '192.0.2.11'"));
        return std::nullopt;
    }
    if (const Result<void> notation = checkIpv4Notation(*text, u"router_id"_s); !notation) {
        fail(e.valueAt, notation.error().message, notation.error().hint);
        return std::nullopt;
    }
    return address.toString();
}

// haproxy.backends: names of HAProxy backends or listen sections, as HAProxy
// allows them (letters, digits, '-', '_', '.', ':').
std::optional<QStringList> InventoryLoader::proxyNames(const Entry &e)
{
    const QString example = u"[be_web, be_static]"_s;
    if (!e.value.IsSequence() || e.value.size() == 0) {
        fail(e.valueAt,
             e.value.IsSequence()
                 ? Tr::tr("'%1' is empty").arg(e.key)
                 : Tr::tr("'%1' must be a list, not %2").arg(e.key, describeNode(e.value)),
             Tr::tr("name the VIP's service backends, like '%1: %2'").arg(e.key, example));
        return std::nullopt;
    }
    static const QRegularExpression proxyName(u"^[A-Za-z0-9_.:-]+$"_s);
    QStringList names;
    bool ok = true;
    for (const YAML::Node &item : e.value) {
        const Loc at = locOf(item.Mark());
        const std::optional<QString> name = string(item, at, e.key, example);
        if (!name) {
            ok = false;
        } else if (!proxyName.match(*name).hasMatch()) {
            fail(at, Tr::tr("'%1' is not an HAProxy backend name").arg(*name),
                 Tr::tr("HAProxy names take letters, digits, '-', '_', '.' and ':'"));
            ok = false;
        } else if (names.contains(*name)) {
            fail(at, Tr::tr("backend '%1' is listed twice in '%2'").arg(*name, e.key),
                 Tr::tr("list each backend once"));
            ok = false;
        } else {
            names << *name;
        }
    }
    return ok ? std::optional<QStringList>(names) : std::nullopt;
}

template <typename T>
void InventoryLoader::set(Setting<T> &setting, const Entry &e, std::optional<T> value)
{
    setting.given = true;
    setting.value = std::move(value);
    setting.text = e.value.IsScalar() ? QString::fromStdString(e.value.Scalar()) : QString();
    setting.at = e.valueAt;
}

bool InventoryLoader::parseSetting(const Entry &e, Section section, Layer &layer)
{
    if (e.key == u"ssh"_s) {
        parseSsh(e, layer.ssh);
    } else if (e.key == u"haproxy"_s) {
        parseHaproxy(e, layer);
    } else if (e.key == u"bird"_s) {
        parseBird(e,
                  section == Section::Vip        ? Section::VipBird
                  : section == Section::Host     ? Section::HostBird
                  : section == Section::Observer ? Section::ObserverBird
                                                 : Section::Bird,
                  layer);
    } else if (e.key == u"poll_interval"_s) {
        set(layer.pollInterval, e, duration(e, u"2s"_s));
    } else if (e.key == u"min_up_servers"_s) {
        set(layer.minUpServers, e, integer(e, 0, 100000, u"1"_s));
    } else {
        return false;
    }
    return true;
}

void InventoryLoader::parseSsh(const Entry &e, SshLayer &ssh)
{
    if (!expectMap(e, u"{user: vipdeck, port: 22}"_s))
        return;
    for (const Entry &s : entries(e.value, Section::Ssh, u"ssh"_s)) {
        if (s.key == u"user"_s) {
            std::optional<QString> user = string(s, u"vipdeck"_s);
            static const QRegularExpression plain(u"^[^\\s-][^\\s]*$"_s);
            if (user && !plain.match(*user).hasMatch()) {
                fail(s.valueAt, Tr::tr("user '%1' is not a login name").arg(*user),
                     Tr::tr("write a user name without spaces that does not start with '-'"));
                user.reset();
            }
            set(ssh.user, s, user);
        } else if (s.key == u"port"_s) {
            set(ssh.port, s, integer(s, 1, 65535, u"22"_s));
        } else if (s.key == u"identity_file"_s) {
            set(ssh.identityFile, s, localPath(s));
        } else if (s.key == u"use_agent"_s) {
            set(ssh.useAgent, s, boolean(s));
        } else if (s.key == u"known_hosts"_s) {
            set(ssh.knownHosts, s, localPath(s));
        } else if (s.key == u"connect_timeout"_s) {
            set(ssh.connectTimeout, s, duration(s, u"5s"_s));
        } else if (s.key == u"command_timeout"_s) {
            set(ssh.commandTimeout, s, duration(s, u"10s"_s));
        } else if (s.key == u"proxy_jump"_s) {
            std::optional<QString> jump = string(s, u"admin@bastion.example.net"_s);
            // The hops' syntax is checked when connecting (the SSH layer
            // parses it, as for ProxyJump); here only what cannot be a hop.
            static const QRegularExpression hops(u"^[^\\s,-][^\\s,]*(,[^\\s,-][^\\s,]*)*$"_s);
            if (jump && !hops.match(*jump).hasMatch()) {
                fail(s.valueAt, Tr::tr("proxy_jump '%1' is not a list of jump hosts").arg(*jump),
                     Tr::tr("write [user@]host[:port], several separated by ',' without spaces, "
                            "or 'none'"));
                jump.reset();
            }
            set(ssh.proxyJump, s, jump);
        }
    }
}

void InventoryLoader::parseHaproxy(const Entry &e, Layer &layer)
{
    if (!expectMap(e, u"{stats_socket: /run/haproxy/{vip}.sock}"_s))
        return;
    const QStringList all = {u"vip"_s, u"host"_s, u"group"_s};
    for (const Entry &s : entries(e.value, Section::Haproxy, u"haproxy"_s)) {
        if (s.key == u"stats_socket"_s)
            set(layer.statsSocket, s, remotePath(s, all, u"/run/haproxy/{vip}.sock"_s));
        else if (s.key == u"master_socket"_s)
            set(layer.masterSocket, s, remotePath(s, all, u"/run/haproxy/{vip}-master.sock"_s));
        else if (s.key == u"config"_s)
            set(layer.config, s, remotePath(s, all, u"/etc/haproxy/vips/{vip}.cfg"_s));
        else if (s.key == u"backends"_s)
            set(layer.serviceBackends, s, proxyNames(s));
        else if (s.key == u"reply_limit"_s)
            set(layer.haproxyReplyLimit, s, byteSize(s));
    }
}

void InventoryLoader::parseBird(const Entry &e, Section section, Layer &layer)
{
    if (!expectMap(e, u"{vip_protocol: vip_{vip}}"_s))
        return;
    for (const Entry &s : entries(e.value, section, u"bird"_s)) {
        if (s.key == u"control_socket"_s)
            set(layer.controlSocket, s, remotePath(s, {u"host"_s}, u"/run/bird/bird.ctl"_s));
        else if (s.key == u"vip_protocol"_s)
            set(layer.vipProtocol, s, birdProtocol(s));
        else if (s.key == u"reply_limit"_s)
            set(layer.birdReplyLimit, s, byteSize(s));
        else if (s.key == u"router_id"_s)
            set(layer.routerId, s, routerId(s));
    }
}

void InventoryLoader::parseTop(const YAML::Node &root)
{
    for (const Entry &e : entries(root, Section::Top, Tr::tr("the top level"))) {
        if (e.key == u"version"_s) {
            const std::optional<int> version = integer(e, 0, 1000000, u"1"_s);
            if (version && *version != 1)
                fail(e.valueAt, Tr::tr("unsupported version %1").arg(*version),
                     Tr::tr("this vipdeck reads version 1; write 'version: 1'"));
        } else if (e.key == u"defaults"_s) {
            if (!expectMap(e, u"{poll_interval: 2s}"_s))
                continue;
            for (const Entry &s : entries(e.value, Section::Defaults, u"defaults"_s))
                parseSetting(s, Section::Defaults, m_defaults);
        } else {
            if (e.key == u"hosts"_s)
                m_sawHosts = true;
            if (e.key == u"groups"_s)
                m_sawGroups = true;
            if (!expectList(e,
                            Tr::tr("write a list of entries, each starting with '- name: ...'"))) {
                (e.key == u"hosts"_s ? m_hostsIncomplete : m_groupsIncomplete) = true;
                continue;
            }
            if (e.value.IsNull() || e.value.size() == 0) {
                if (e.key != u"vips"_s && e.key != u"observers"_s)
                    fail(e.valueAt, Tr::tr("'%1' is empty").arg(e.key),
                         Tr::tr("declare at least one entry, like '- name: ...'"));
                continue;
            }
            for (const YAML::Node &item : e.value) {
                if (e.key == u"hosts"_s)
                    parseHost(item, Section::Host);
                else if (e.key == u"observers"_s)
                    parseHost(item, Section::Observer);
                else if (e.key == u"groups"_s)
                    parseGroup(item);
                else
                    parseVip(item);
            }
        }
    }
    if (!m_sawHosts)
        fail(m_rootAt, Tr::tr("the file declares no hosts"),
             Tr::tr(
                 "add a 'hosts:' list with entries like '- name: lb1' and 'address: 192.0.2.11'"));
    if (!m_sawGroups)
        fail(m_rootAt, Tr::tr("the file declares no groups"),
             Tr::tr("add a 'groups:' list with entries like '- name: campus', "
                    "'mode: active-active' and 'hosts: [lb1, lb2]'"));
}

// Common start of a host, group or VIP entry: it must be a map, its name
// labels the messages about its keys.
template <typename Decl>
std::optional<QList<Entry>>
InventoryLoader::beginEntry(const YAML::Node &node, const QString &listKey, Section section,
                            const QString &what, Decl &decl, QString &label)
{
    decl.at = locOf(node.Mark());
    if (!node.IsMap()) {
        if (section == Section::Host)
            m_hostsIncomplete = true;
        if (section == Section::Group)
            m_groupsIncomplete = true;
        fail(decl.at,
             Tr::tr("each entry of '%1' must be a map, not %2").arg(listKey, describeNode(node)),
             Tr::tr("write entries like '- name: ...' with their keys indented below"));
        return std::nullopt;
    }
    label = Tr::tr("a %1").arg(what);
    decl.nameAt = decl.at;
    if (const YAML::Node n = node["name"]; n && n.IsScalar()) {
        const QString text = QString::fromStdString(n.Scalar());
        if (isValidName(text))
            label = Tr::tr("%1 '%2'").arg(what, text);
    }
    return entries(node, section, label);
}

// A host or an observer: both are reached over SSH and have one BIRD.
void InventoryLoader::parseHost(const YAML::Node &node, Section section)
{
    const bool observer = section == Section::Observer;
    const QString what = observer ? Tr::tr("observer") : Tr::tr("host");
    HostDecl decl;
    QString label;
    const std::optional<QList<Entry>> list =
        beginEntry(node, observer ? u"observers"_s : u"hosts"_s, section, what, decl, label);
    if (!list)
        return;
    bool hasAddress = false;
    bool hasName = false;
    for (const Entry &e : *list) {
        if (e.key == u"name"_s) {
            hasName = true;
            decl.nameAt = e.valueAt;
            if (const std::optional<QString> n = name(e, what)) {
                decl.host.name = *n;
                decl.named = true;
            }
        } else if (e.key == u"address"_s) {
            hasAddress = true;
            const std::optional<QString> address = string(e, u"192.0.2.11"_s);
            static const QRegularExpression plain(u"^[A-Za-z0-9_.:][A-Za-z0-9_.:-]*$"_s);
            if (address && !plain.match(*address).hasMatch()) {
                fail(e.valueAt,
                     Tr::tr("address '%1' is not an IP address, DNS name or alias").arg(*address),
                     Tr::tr("write an IP address, a DNS name or a Host alias from ~/.ssh/config"));
            } else if (address) {
                if (const Result<void> notation = checkIpv4Notation(*address, Tr::tr("address"));
                    !notation)
                    fail(e.valueAt, notation.error().message, notation.error().hint);
                else
                    decl.host.address = *address;
            }
        } else {
            parseSetting(e, section, decl.layer);
        }
    }
    if (!hasName)
        fail(decl.at, Tr::tr("%1 has no 'name'").arg(label),
             observer ? Tr::tr("add 'name: rr1' (a unique name)")
                      : Tr::tr("add 'name: lb1' (a unique name)"));
    if (!hasAddress)
        fail(decl.at, Tr::tr("%1 has no 'address'").arg(label),
             Tr::tr("add 'address:' with an IP address, a DNS name or a ~/.ssh/config alias"));
    decl.host.line = decl.at.line;
    (observer ? m_observers : m_hosts).append(decl);
}

void InventoryLoader::parseGroup(const YAML::Node &node)
{
    GroupDecl decl;
    QString label;
    const std::optional<QList<Entry>> list =
        beginEntry(node, u"groups"_s, Section::Group, Tr::tr("group"), decl, label);
    if (!list)
        return;
    bool hasName = false;
    bool hasMode = false;
    bool hasHosts = false;
    Loc modeAt;
    for (const Entry &e : *list) {
        if (e.key == u"name"_s) {
            hasName = true;
            decl.nameAt = e.valueAt;
            if (const std::optional<QString> n = name(e, Tr::tr("group"))) {
                decl.group.name = *n;
                decl.named = true;
            }
        } else if (e.key == u"mode"_s) {
            hasMode = true;
            modeAt = e.valueAt;
            const std::optional<QString> mode = string(e, u"active-active"_s);
            if (mode == u"active-active"_s) {
                decl.group.mode = GroupMode::ActiveActive;
                decl.modeKnown = true;
            } else if (mode == u"primary-backup"_s) {
                decl.group.mode = GroupMode::PrimaryBackup;
                decl.modeKnown = true;
            } else if (mode) {
                const QString close =
                    closestMatch(*mode, {u"active-active"_s, u"primary-backup"_s});
                fail(e.valueAt, Tr::tr("unknown group mode '%1'").arg(*mode),
                     close.isEmpty()
                         ? Tr::tr("write 'mode: active-active' or 'mode: primary-backup'")
                         : Tr::tr("did you mean '%1'?").arg(close));
            }
        } else if (e.key == u"primary"_s) {
            decl.primaryAt = e.valueAt;
            if (const std::optional<QString> primary = string(e, u"lb1"_s))
                decl.group.primary = *primary;
        } else if (e.key == u"hosts"_s) {
            hasHosts = true;
            if (!expectList(e, Tr::tr("write it like 'hosts: [lb1, lb2]'")))
                continue;
            if (e.value.IsNull() || e.value.size() == 0) {
                fail(e.valueAt, Tr::tr("%1 has no hosts").arg(label),
                     Tr::tr("list its hosts, like 'hosts: [lb1, lb2]'"));
                continue;
            }
            for (const YAML::Node &item : e.value) {
                const Loc at = locOf(item.Mark());
                if (const std::optional<QString> host = string(item, at, e.key, u"[lb1, lb2]"_s))
                    decl.hostRefs.append({*host, at});
            }
        } else if (e.key == u"discover"_s) {
            if (const std::optional<bool> discover = boolean(e))
                decl.group.discover = *discover;
        } else {
            parseSetting(e, Section::Group, decl.layer);
        }
    }
    if (!hasName)
        fail(decl.at, Tr::tr("%1 has no 'name'").arg(label),
             Tr::tr("add 'name: campus' (a unique name)"));
    if (!hasMode)
        fail(decl.at, Tr::tr("%1 has no 'mode'").arg(label),
             Tr::tr("add 'mode: active-active' or 'mode: primary-backup'"));
    if (!hasHosts)
        fail(decl.at, Tr::tr("%1 has no 'hosts'").arg(label),
             Tr::tr("list its hosts, like 'hosts: [lb1, lb2]'"));
    if (decl.modeKnown && decl.group.mode == GroupMode::ActiveActive && decl.primaryAt.line > 0)
        fail(decl.primaryAt, Tr::tr("%1 is active-active and cannot have a primary").arg(label),
             Tr::tr("remove 'primary:' or write 'mode: primary-backup'"));
    if (decl.modeKnown && decl.group.mode == GroupMode::PrimaryBackup && decl.primaryAt.line == 0)
        fail(modeAt, Tr::tr("%1 is primary-backup but names no primary").arg(label),
             Tr::tr("add 'primary:' naming one of its hosts"));
    decl.group.line = decl.at.line;
    m_groups.append(decl);
}

void InventoryLoader::parseVip(const YAML::Node &node)
{
    VipDecl decl;
    QString label;
    const std::optional<QList<Entry>> list =
        beginEntry(node, u"vips"_s, Section::Vip, Tr::tr("VIP"), decl, label);
    if (!list)
        return;
    bool hasName = false;
    bool hasGroup = false;
    bool hasPrefixes = false;
    for (const Entry &e : *list) {
        if (e.key == u"name"_s) {
            hasName = true;
            decl.nameAt = e.valueAt;
            if (const std::optional<QString> n = name(e, Tr::tr("VIP"))) {
                decl.vip.name = *n;
                decl.named = true;
            }
        } else if (e.key == u"group"_s) {
            hasGroup = true;
            decl.groupAt = e.valueAt;
            if (const std::optional<QString> group = string(e, u"campus"_s))
                decl.vip.group = *group;
        } else if (e.key == u"prefixes"_s) {
            hasPrefixes = true;
            const QString example = u"[203.0.113.10/32, 2001:db8::10/128]"_s;
            if (!expectList(e, Tr::tr("write it like 'prefixes: %1'").arg(example)))
                continue;
            if (e.value.IsNull() || e.value.size() == 0) {
                fail(e.valueAt, Tr::tr("%1 has no prefixes").arg(label),
                     Tr::tr("list them, like 'prefixes: %1'").arg(example));
                continue;
            }
            for (const YAML::Node &item : e.value) {
                const Loc at = locOf(item.Mark());
                const std::optional<QString> text = string(item, at, e.key, example);
                if (!text)
                    continue;
                const Result<Prefix> prefix = parsePrefix(*text);
                if (!prefix) {
                    fail(at, prefix.error().message, prefix.error().hint);
                    continue;
                }
                decl.prefixes.append({*prefix, at});
                decl.vip.prefixes.append(*prefix);
            }
        } else {
            parseSetting(e, Section::Vip, decl.layer);
        }
    }
    if (!hasName)
        fail(decl.at, Tr::tr("%1 has no 'name'").arg(label),
             Tr::tr("add 'name: typo3' (a unique name)"));
    if (!hasGroup)
        fail(decl.at, Tr::tr("%1 has no 'group'").arg(label),
             Tr::tr("add 'group:' naming the group of hosts that serves it"));
    if (!hasPrefixes)
        fail(decl.at, Tr::tr("%1 has no 'prefixes'").arg(label),
             Tr::tr("add its prefixes, like 'prefixes: [203.0.113.10/32]'"));
    decl.vip.line = decl.at.line;
    m_vips.append(decl);
}

template <typename Decl> QStringList InventoryLoader::names(const QList<Decl> &decls)
{
    QStringList out;
    for (const Decl &d : decls) {
        if (d.named && !out.contains(declName(d)))
            out.append(declName(d));
    }
    return out;
}

const HostDecl *InventoryLoader::hostDecl(const QString &name) const
{
    const auto it = std::find_if(m_hosts.cbegin(), m_hosts.cend(),
                                 [&](const HostDecl &d) { return d.named && d.host.name == name; });
    return it == m_hosts.cend() ? nullptr : &*it;
}

const GroupDecl *InventoryLoader::groupDecl(const QString &name) const
{
    const auto it = std::find_if(m_groups.cbegin(), m_groups.cend(), [&](const GroupDecl &d) {
        return d.named && d.group.name == name;
    });
    return it == m_groups.cend() ? nullptr : &*it;
}

// "did you mean 'lb1'? declared hosts: 'lb1', 'lb2'" -- the list is always
// given, so the reader sees what exists.
static QString referenceHint(const QString &word, const QStringList &declared, const QString &what)
{
    const QString close = closestMatch(word, declared);
    QString list = suggestion(QString(), declared);
    list.replace(Tr::tr("use one of: "), Tr::tr("declared %1: ").arg(what));
    if (declared.isEmpty())
        list = Tr::tr("none are declared");
    return close.isEmpty() ? list : Tr::tr("did you mean '%1'? %2").arg(close, list);
}

template <typename Decl>
void InventoryLoader::checkDuplicateNames(const QList<Decl> &decls, const QString &what)
{
    QHash<QString, int> firstLine;
    for (const Decl &d : decls) {
        if (!d.named)
            continue;
        const QString &n = declName(d);
        if (const auto first = firstLine.constFind(n); first != firstLine.cend())
            fail(d.nameAt,
                 Tr::tr("duplicate %1 name '%2' (first declared at line %3)")
                     .arg(what, n)
                     .arg(*first),
                 Tr::tr("give each %1 a unique name").arg(what));
        else
            firstLine.insert(n, d.nameAt.line);
    }
}

void InventoryLoader::checkReferences()
{
    checkDuplicateNames(m_hosts, Tr::tr("host"));
    checkDuplicateNames(m_observers, Tr::tr("observer"));
    // One connection per name: an observer shares no name with a host.
    for (const HostDecl &o : std::as_const(m_observers)) {
        if (const HostDecl *h = o.named ? hostDecl(o.host.name) : nullptr)
            fail(o.nameAt,
                 Tr::tr("observer '%1' has the name of a host (line %2)")
                     .arg(o.host.name)
                     .arg(h->nameAt.line),
                 Tr::tr("give the observer a name of its own, like 'rr1'"));
    }
    checkDuplicateNames(m_groups, Tr::tr("group"));
    checkDuplicateNames(m_vips, Tr::tr("VIP"));

    const QStringList hostNames = names(m_hosts);
    QSet<QString> grouped;
    for (GroupDecl &g : m_groups) {
        const QString label = g.named ? Tr::tr("group '%1'").arg(g.group.name) : Tr::tr("a group");
        for (const auto &[host, at] : g.hostRefs) {
            grouped.insert(host);
            if (!hostNames.contains(host) && !m_hostsIncomplete)
                fail(at,
                     Tr::tr("%1 lists host '%2', which is not declared under 'hosts'")
                         .arg(label, host),
                     referenceHint(host, hostNames, Tr::tr("hosts")));
            else if (!hostNames.contains(host))
                continue;
            else if (g.group.hosts.contains(host))
                fail(at, Tr::tr("host '%1' is listed twice in %2").arg(host, label),
                     Tr::tr("remove one of them"));
            else
                g.group.hosts.append(host);
        }
        if (g.modeKnown && g.group.mode == GroupMode::PrimaryBackup && g.primaryAt.line > 0 &&
            !g.group.primary.isEmpty() && !g.group.hosts.contains(g.group.primary)) {
            fail(g.primaryAt,
                 Tr::tr("primary '%1' is not one of the hosts of %2").arg(g.group.primary, label),
                 referenceHint(g.group.primary, g.group.hosts, Tr::tr("hosts of the group")));
        }
    }
    for (const HostDecl &h : m_hosts) {
        if (h.named && !grouped.contains(h.host.name) && !m_groupsIncomplete)
            fail(h.nameAt, Tr::tr("host '%1' is in no group").arg(h.host.name),
                 Tr::tr("add it to the 'hosts:' list of a group, or remove it"));
    }

    const QStringList groupNames = names(m_groups);
    QHash<QString, std::pair<QString, int>> prefixOwner;
    for (const VipDecl &v : m_vips) {
        if (v.groupAt.line > 0 && !v.vip.group.isEmpty() && !groupNames.contains(v.vip.group) &&
            !m_groupsIncomplete)
            fail(v.groupAt,
                 Tr::tr("VIP '%1' names group '%2', which does not exist")
                     .arg(v.vip.name, v.vip.group),
                 referenceHint(v.vip.group, groupNames, Tr::tr("groups")));
        for (const auto &[prefix, at] : v.prefixes) {
            const QString key = prefix.toString();
            if (const auto owner = prefixOwner.constFind(key); owner != prefixOwner.cend()) {
                if (owner->first == v.vip.name)
                    fail(at, Tr::tr("prefix %1 is listed twice in VIP '%2'").arg(key, v.vip.name),
                         Tr::tr("remove one of them"));
                else
                    fail(at,
                         Tr::tr("prefix %1 of VIP '%2' is already used by VIP '%3' (line %4)")
                             .arg(key, v.vip.name, owner->first)
                             .arg(owner->second),
                         Tr::tr("a prefix belongs to one VIP; remove it from one of them"));
            } else {
                prefixOwner.insert(key, {v.vip.name, at.line});
            }
        }
    }
}

// A host-level setting (SSH, BIRD control socket): host < its groups <
// defaults.  Two groups of the host that disagree are an error unless the
// host decides.
template <typename T, typename Get>
std::optional<T> InventoryLoader::resolveForHost(const HostDecl &host,
                                                 const QList<const GroupDecl *> &groups, Get get,
                                                 const QString &key, bool &invalid)
{
    const auto use = [&](const Setting<T> &s) {
        if (!s.value)
            invalid = true;
        return s.value;
    };
    if (const Setting<T> &own = get(host.layer); own.given)
        return use(own);
    const Setting<T> *chosen = nullptr;
    const GroupDecl *chosenGroup = nullptr;
    for (const GroupDecl *g : groups) {
        const Setting<T> &s = get(g->layer);
        if (!s.given)
            continue;
        if (!chosen) {
            chosen = &s;
            chosenGroup = g;
        } else if (s.value && chosen->value && *s.value != *chosen->value) {
            fail(s.at,
                 Tr::tr("host '%1' is in groups '%2' and '%3', which set different %4 ('%5' and "
                        "'%6')")
                     .arg(host.host.name, chosenGroup->group.name, g->group.name, key, chosen->text,
                          s.text),
                 Tr::tr("set %1 on host '%2' itself, or the same value in both groups")
                     .arg(key, host.host.name));
            invalid = true;
            break;
        }
    }
    if (chosen)
        return use(*chosen);
    if (const Setting<T> &fallback = get(m_defaults); fallback.given)
        return use(fallback);
    return std::nullopt;
}

void InventoryLoader::resolveHosts()
{
    for (HostDecl &h : m_hosts)
        resolveHost(h, true);
    // An observer is in no group: its own settings, then the defaults.
    for (HostDecl &o : m_observers)
        resolveHost(o, false);
}

void InventoryLoader::resolveHost(HostDecl &h, bool inGroups)
{
    if (!h.named)
        return;
    QList<const GroupDecl *> groups;
    for (const GroupDecl &g : m_groups) {
        if (inGroups && g.group.hosts.contains(h.host.name))
            groups.append(&g);
    }
    bool invalid = false;
    SshSettings &ssh = h.host.ssh;
    const auto resolve = [&](auto member, const QString &key, auto &out) {
        using T = std::remove_cvref_t<decltype(out)>;
        const auto get = [member](const Layer &l) -> const Setting<T> & { return l.ssh.*member; };
        const std::optional<T> v = resolveForHost<T>(h, groups, get, key, invalid);
        if (v)
            out = *v;
        return v.has_value();
    };
    resolve(&SshLayer::user, u"ssh.user"_s, ssh.user);
    resolve(&SshLayer::port, u"ssh.port"_s, ssh.port);
    resolve(&SshLayer::identityFile, u"ssh.identity_file"_s, ssh.identityFile);
    resolve(&SshLayer::useAgent, u"ssh.use_agent"_s, ssh.useAgent);
    resolve(&SshLayer::knownHosts, u"ssh.known_hosts"_s, ssh.knownHosts);
    ssh.connectTimeoutGiven =
        resolve(&SshLayer::connectTimeout, u"ssh.connect_timeout"_s, ssh.connectTimeout);
    resolve(&SshLayer::commandTimeout, u"ssh.command_timeout"_s, ssh.commandTimeout);
    resolve(&SshLayer::proxyJump, u"ssh.proxy_jump"_s, ssh.proxyJump);
    const auto controlSocket = resolveForHost<QString>(
        h, groups, [](const Layer &l) -> const Setting<QString> & { return l.controlSocket; },
        u"bird.control_socket"_s, invalid);
    h.host.birdSocket =
        expandTemplate(controlSocket.value_or(u"/run/bird/bird.ctl"_s), {{u"host"_s, h.host.name}});
    h.host.birdReplyLimit =
        resolveForHost<qint64>(
            h, groups, [](const Layer &l) -> const Setting<qint64> & { return l.birdReplyLimit; },
            u"bird.reply_limit"_s, invalid)
            .value_or(defaultBirdReplyLimit);
    if (h.layer.routerId.given && h.layer.routerId.value)
        h.host.birdRouterId = *h.layer.routerId.value;
}

Placement InventoryLoader::placementFor(const Layer *vip, const HostDecl &host,
                                        const GroupDecl &group, const QString &vipName)
{
    Placement p;
    p.vip = vipName;
    p.host = host.host.name;
    p.group = group.group.name;
    p.birdSocket = host.host.birdSocket;
    const QList<std::pair<QString, QString>> names = {
        {u"vip"_s, vipName}, {u"host"_s, p.host}, {u"group"_s, p.group}};
    const auto resolve = [&](Setting<QString> Layer::*member) {
        const Setting<QString> *s =
            pick<QString>({vip ? &(vip->*member) : nullptr, &(host.layer.*member),
                           &(group.layer.*member), &(m_defaults.*member)});
        return s && s->value ? expandTemplate(*s->value, names) : QString();
    };
    p.statsSocket = resolve(&Layer::statsSocket);
    p.masterSocket = resolve(&Layer::masterSocket);
    p.configPath = resolve(&Layer::config);
    if (const Setting<QStringList> *backends =
            pick<QStringList>({vip ? &vip->serviceBackends : nullptr, &host.layer.serviceBackends,
                               &group.layer.serviceBackends, &m_defaults.serviceBackends});
        backends && backends->value)
        p.serviceBackends = *backends->value;
    p.birdProtocol = resolve(&Layer::vipProtocol);
    const Setting<Ms> *interval =
        pick<Ms>({vip ? &vip->pollInterval : nullptr, &host.layer.pollInterval,
                  &group.layer.pollInterval, &m_defaults.pollInterval});
    if (interval && interval->value)
        p.pollInterval = *interval->value;
    const Setting<int> *minUp =
        pick<int>({vip ? &vip->minUpServers : nullptr, &host.layer.minUpServers,
                   &group.layer.minUpServers, &m_defaults.minUpServers});
    if (minUp && minUp->value)
        p.minUpServers = *minUp->value;
    const Setting<qint64> *replyLimit =
        pick<qint64>({vip ? &vip->haproxyReplyLimit : nullptr, &host.layer.haproxyReplyLimit,
                      &group.layer.haproxyReplyLimit, &m_defaults.haproxyReplyLimit});
    if (replyLimit && replyLimit->value)
        p.replyLimit = *replyLimit->value;
    return p;
}

void InventoryLoader::resolveVips()
{
    for (VipDecl &v : m_vips) {
        const GroupDecl *g = groupDecl(v.vip.group);
        if (!v.named || !g)
            continue;
        const Setting<Ms> *interval =
            pick<Ms>({&v.layer.pollInterval, &g->layer.pollInterval, &m_defaults.pollInterval});
        if (interval && interval->value)
            v.vip.pollInterval = *interval->value;
        const Setting<int> *minUp =
            pick<int>({&v.layer.minUpServers, &g->layer.minUpServers, &m_defaults.minUpServers});
        if (minUp && minUp->value)
            v.vip.minUpServers = *minUp->value;

        bool reportedSocket = false;
        bool reportedProtocol = false;
        for (const QString &hostName : g->group.hosts) {
            const HostDecl *h = hostDecl(hostName);
            const Placement p = placementFor(&v.layer, *h, *g, v.vip.name);
            const Setting<QString> *stats =
                pick<QString>({&v.layer.statsSocket, &h->layer.statsSocket, &g->layer.statsSocket,
                               &m_defaults.statsSocket});
            if (!stats && !reportedSocket) {
                reportedSocket = true;
                fail(v.nameAt,
                     Tr::tr("VIP '%1' has no haproxy stats_socket on host '%2'")
                         .arg(v.vip.name, hostName),
                     Tr::tr("set 'haproxy: stats_socket: /run/haproxy/{vip}.sock' in defaults, the "
                            "group, the host or the VIP"));
            }
            if (!p.birdProtocol.isEmpty() && !isBirdSymbol(p.birdProtocol) && !reportedProtocol) {
                reportedProtocol = true;
                QString suggested = u"vip_"_s + v.vip.name;
                suggested.replace(u'-', u'_').replace(u'.', u'_');
                fail(v.nameAt,
                     Tr::tr("BIRD protocol name '%1' of VIP '%2' on host '%3' is not valid")
                         .arg(p.birdProtocol, v.vip.name, hostName),
                     Tr::tr("BIRD names take letters, digits and '_': set 'bird: vip_protocol: %1' "
                            "on the VIP")
                         .arg(suggested));
            }
            v.vip.placements.append(p);
        }
    }
}

void InventoryLoader::resolveDiscovery()
{
    for (GroupDecl &g : m_groups) {
        const QList<std::pair<QString, QString>> groupName = {{u"group"_s, g.group.name}};
        const auto groupLevel = [&](Setting<QString> Layer::*member) {
            const Setting<QString> *s = pick<QString>({&(g.layer.*member), &(m_defaults.*member)});
            return s && s->value ? expandTemplate(*s->value, groupName) : QString();
        };
        g.group.statsSocketTemplate = groupLevel(&Layer::statsSocket);
        g.group.masterSocketTemplate = groupLevel(&Layer::masterSocket);
        g.group.configTemplate = groupLevel(&Layer::config);
        g.group.vipProtocolTemplate = groupLevel(&Layer::vipProtocol);
        const Setting<Ms> *interval = pick<Ms>({&g.layer.pollInterval, &m_defaults.pollInterval});
        if (interval && interval->value)
            g.group.pollInterval = *interval->value;
        const Setting<int> *minUp = pick<int>({&g.layer.minUpServers, &m_defaults.minUpServers});
        if (minUp && minUp->value)
            g.group.minUpServers = *minUp->value;
        if (!g.group.discover || !g.named)
            continue;
        for (const QString &hostName : g.group.hosts) {
            const HostDecl *h = hostDecl(hostName);
            Placement p = placementFor(nullptr, *h, g, u"{vip}"_s);
            p.vip.clear();
            const Setting<QString> *stats = pick<QString>(
                {&h->layer.statsSocket, &g.layer.statsSocket, &m_defaults.statsSocket});
            if (!stats) {
                fail(g.nameAt,
                     Tr::tr("group '%1' discovers VIPs but has no haproxy stats_socket for host "
                            "'%2'")
                         .arg(g.group.name, hostName),
                     Tr::tr("set 'haproxy: stats_socket: /run/haproxy/{vip}.sock' in defaults, the "
                            "group or the host"));
                break;
            }
            if (stats->value && !stats->value->contains(u"{vip}"_s)) {
                fail(stats->at,
                     Tr::tr("group '%1' discovers VIPs, but stats_socket '%2' for host '%3' has no "
                            "{vip} to glob")
                         .arg(g.group.name, *stats->value, hostName),
                     Tr::tr("use a template with {vip}, like '/run/haproxy/{vip}.sock'"));
                break;
            }
            g.group.discovery.append(p);
        }
    }
}

LoadedInventory InventoryLoader::parse(const QByteArray &yaml)
{
    try {
        const YAML::Node root = YAML::Load(yaml.toStdString());
        m_rootAt = locOf(root.Mark());
        if (m_rootAt.line == 0)
            m_rootAt = {1, 1};
        if (root.IsNull()) {
            // yaml-cpp reads a document that starts with a stray ',' as
            // empty, without an error: name the token if there is one.
            QString token;
            const Loc strayAt = firstToken(yaml, token);
            if (strayAt.line > 0)
                fail(strayAt,
                     Tr::tr("unexpected '%1' where the first key should be; YAML then reads the "
                            "whole file as empty")
                         .arg(token),
                     Tr::tr("remove it; the file starts with keys like 'version: 1' and "
                            "'hosts:'"));
            else
                fail({}, Tr::tr("the file is empty"),
                     Tr::tr("describe hosts, groups and VIPs as in resources/examples/fleet.yaml"));
        } else if (!root.IsMap()) {
            fail(m_rootAt, Tr::tr("the top level must be a map, not %1").arg(describeNode(root)),
                 Tr::tr("start with 'version: 1' and the 'hosts:', 'groups:' and 'vips:' lists"));
        } else {
            parseTop(root);
            checkReferences();
            resolveHosts();
            resolveVips();
            resolveDiscovery();
            const bool discovers = std::any_of(m_groups.cbegin(), m_groups.cend(),
                                               [](const GroupDecl &g) { return g.group.discover; });
            if (m_vips.isEmpty() && !discovers && m_sawHosts && m_sawGroups)
                addDiagnostic(Diagnostic::Severity::Warning, m_rootAt,
                              Tr::tr("the file declares no VIPs and no group discovers VIPs"),
                              Tr::tr("add a 'vips:' list, or 'discover: true' on a group"));
        }
    } catch (const YAML::Exception &e) {
        fail(locOf(e.mark), Tr::tr("YAML syntax: %1").arg(QString::fromStdString(e.msg)),
             Tr::tr("check the indentation, brackets and quotes here and just before"));
    } catch (const std::exception &e) {
        fail({}, Tr::tr("cannot read the file: %1").arg(QString::fromLocal8Bit(e.what())),
             Tr::tr("check that it is a YAML text file"));
    }

    std::stable_sort(m_diagnostics.begin(), m_diagnostics.end(),
                     [](const Diagnostic &a, const Diagnostic &b) {
                         return std::pair(a.line, a.column) < std::pair(b.line, b.column);
                     });
    LoadedInventory out;
    out.diagnostics = m_diagnostics;
    const bool failed =
        std::any_of(m_diagnostics.cbegin(), m_diagnostics.cend(),
                    [](const Diagnostic &d) { return d.severity == Diagnostic::Severity::Error; });
    if (failed)
        return out;
    Inventory inventory;
    inventory.m_sourceFile = m_file;
    for (const HostDecl &h : m_hosts)
        inventory.m_hosts.append(h.host);
    for (const HostDecl &o : m_observers)
        inventory.m_observers.append(o.host);
    for (const GroupDecl &g : m_groups)
        inventory.m_groups.append(g.group);
    for (const VipDecl &v : m_vips)
        inventory.m_vips.append(v.vip);
    out.inventory = std::move(inventory);
    return out;
}

bool LoadedInventory::ok() const
{
    return inventory.has_value() &&
           std::none_of(diagnostics.cbegin(), diagnostics.cend(), [](const Diagnostic &d) {
               return d.severity == Diagnostic::Severity::Error;
           });
}

LoadedInventory parseInventory(const QByteArray &yaml, const QString &fileName,
                               const InventoryContext &context)
{
    LoadedInventory out = InventoryLoader(fileName, context).parse(yaml);
    if (out.inventory)
        qCDebug(lcInventory) << "loaded" << out.inventory->summary();
    else
        qCDebug(lcInventory) << fileName << "has" << out.diagnostics.size() << "problems";
    return out;
}

LoadedInventory loadInventory(const QString &path, const InventoryContext &context)
{
    QFile file(path);
    const auto unreadable = [&](const QString &reason) {
        LoadedInventory out;
        out.diagnostics.append(Diagnostic{Diagnostic::Severity::Error, path, 0, 0,
                                          Tr::tr("cannot read the file: %1").arg(reason),
                                          Tr::tr("check the path and its permissions")});
        return out;
    };
    if (!file.open(QIODevice::ReadOnly))
        return unreadable(file.errorString());
    if (file.size() > MaxFileSize)
        return unreadable(Tr::tr("it is larger than 16 MiB"));
    // In pieces: read(MaxFileSize + 1) would first allocate the whole cap
    // (16 MiB, 32 MB in the heap) for a fleet file of a few KB.
    QByteArray contents;
    while (contents.size() <= MaxFileSize) {
        const QByteArray piece = file.read(64 * 1024);
        if (piece.isEmpty())
            break;
        contents += piece;
    }
    if (file.error() != QFileDevice::NoError)
        return unreadable(file.errorString());
    if (contents.size() > MaxFileSize)
        return unreadable(Tr::tr("it is larger than 16 MiB"));
    return parseInventory(contents, path, context);
}

} // namespace vipdeck
