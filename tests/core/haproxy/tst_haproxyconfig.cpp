// The HAProxy configuration reader and the backend classification, on
// configurations shaped like real fleets (tests/data/haproxy/configs, each
// one checked with the real `haproxy -c` here) and on broken ones that the
// real HAProxy refuses too.

#include "core/haproxy/backendclassification.h"
#include "core/haproxy/configline.h"
#include "core/haproxy/haproxyconfig.h"
#include "tests/support/testdata.h"

#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vipdeck;

namespace {

using Prefixes = QList<QPair<QHostAddress, int>>;

QString haproxyBinary()
{
    return QStandardPaths::findExecutable(u"haproxy"_s, {u"/usr/sbin"_s, u"/usr/local/sbin"_s});
}

// Runs `haproxy -c -f PATH`; returns its exit code (-1 when it did not run)
// and what it printed.
int haproxyCheck(const QString &path, QString *output)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(haproxyBinary(), {u"-c"_s, u"-f"_s, path});
    if (!process.waitForFinished(30000))
        return -1;
    *output = QString::fromUtf8(process.readAll());
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

QString configPath(const QString &name)
{
    return test::dataPath(u"haproxy/configs/"_s + name);
}

// The files of a fixture: one file, or a directory read as `-f DIR` does.
QList<ConfigFile> fixtureFiles(const QString &name)
{
    const QString path = configPath(name);
    QList<ConfigFile> files;
    if (!QFileInfo(path).isDir()) {
        files.append({name, test::readData(u"haproxy/configs/"_s + name)});
        return files;
    }
    const QStringList entries =
        QDir(path).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
    for (const QString &entry : configDirectoryOrder(entries))
        files.append({entry, test::readData(u"haproxy/configs/"_s + name + u'/' + entry)});
    return files;
}

HaproxyConfig parseFixture(const QString &name)
{
    const Result<HaproxyConfig> config = parseHaproxyConfigFiles(fixtureFiles(name));
    if (!config)
        qFatal("%s: %s", qPrintable(name), qPrintable(config.error().toString()));
    return *config;
}

QString ms(const std::optional<qint64> &value)
{
    return value ? QString::number(*value) : u"-"_s;
}

QString flag(const std::optional<bool> &value)
{
    return value ? (*value ? u"1"_s : u"0"_s) : u"-"_s;
}

// One line per proxy, then one per server: what the reader understood.
QStringList describe(const HaproxyConfig &config)
{
    QStringList out;
    for (const ConfigProxy &p : config.proxies) {
        QString line = proxyKindName(p.kind) + u' ' + p.name + u" @" + p.at.toString() + u'-' +
                       QString::number(p.lastLine);
        line +=
            u" mode=" + (p.mode.isEmpty() ? u"-"_s : p.mode) + (p.modeInherited ? u"*"_s : u""_s);
        for (const BindLine &b : p.binds)
            line += u" bind=" + b.addresses.join(u',');
        for (const BackendSwitch &s : p.useBackends)
            line += u" use=" + s.backend + (s.dynamic ? u"(dynamic)"_s : u""_s) +
                    (s.condition.isEmpty() ? u""_s : u"[" + s.condition + u']');
        if (p.defaultBackend)
            line += u" default=" + p.defaultBackend->backend +
                    (p.defaultBackendInherited ? u"*"_s : u""_s);
        if (p.statsPage)
            line += u" stats" + (p.statsUri.isEmpty() ? u""_s : u"=" + p.statsUri) +
                    (p.statsPageInherited ? u"*"_s : u""_s);
        if (p.metricsExporter)
            line += u" metrics"_s;
        if (p.disabled)
            line += u" disabled"_s;
        out.append(line);
        for (const ConfigServer &s : p.servers) {
            const ServerSettings &e = s.effective;
            QString server = u"  server " + s.name + u' ' + s.address + u" @" + s.at.toString();
            if (s.tracks())
                server += u" track=" + s.trackBackend + u'/' + s.trackServer;
            server += u" check=" + flag(e.check) + u" backup=" + flag(e.backup) + u" inter=" +
                      ms(e.interMs) + u" fastinter=" + ms(e.fastInterMs) + u" downinter=" +
                      ms(e.downInterMs) + u" rise=" + (e.rise ? QString::number(*e.rise) : u"-"_s) +
                      u" fall=" + (e.fall ? QString::number(*e.fall) : u"-"_s);
            if (e.agentCheck || e.agentInterMs)
                server += u" agent=" + flag(e.agentCheck) + u" agent-inter=" + ms(e.agentInterMs);
            out.append(server);
        }
    }
    return out;
}

// "name: service|auxiliary (kind)[, uncertain]: reason" per backend.
QStringList describe(const BackendClassification &c)
{
    QStringList out;
    for (const BackendClass &b : c.backends) {
        QString line = b.name + u": "_s +
                       (b.isService() ? u"service"_s
                                      : u"auxiliary ("_s + auxiliaryKindName(b.auxiliary) + u')');
        if (b.uncertain)
            line += u", uncertain"_s;
        out.append(line + u": "_s + b.reason);
    }
    return out;
}

Prefixes prefixes(const QStringList &texts)
{
    Prefixes out;
    for (const QString &t : texts)
        out.append(QHostAddress::parseSubnet(t));
    return out;
}

} // namespace

class TestHaproxyConfig : public QObject
{
    Q_OBJECT

private slots:
    void splitLine_data();
    void splitLine();
    void splitLineBroken_data();
    void splitLineBroken();

    void fixturesPassHaproxyCheck_data();
    void fixturesPassHaproxyCheck();
    void fixtures_data();
    void fixtures();
    void classification_data();
    void classification();
    void frontendRoutes();
    void overrideListWins();
    void directoryOrder();
    void conditionals_data();
    void conditionals();
    void environmentValues();
    void legacyListenAddress();
    void computedNames();
    void ignoredInBackend();

    void broken_data();
    void broken();

    void bindMatches_data();
    void bindMatches();
    void truncatedNeverCrash_data();
    void truncatedNeverCrash();
};

void TestHaproxyConfig::splitLine_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QList<QByteArray>>("words");
    QTest::addColumn<QList<bool>>("environment");
    using W = QList<QByteArray>;
    using E = QList<bool>;
    QTest::newRow("plain") << "    server web1 10.0.0.1:80 check"_ba
                           << W{"server", "web1", "10.0.0.1:80", "check"} << E{0, 0, 0, 0};
    QTest::newRow("tabs and blanks") << "\tbind\t :80  "_ba << W{"bind", ":80"} << E{0, 0};
    QTest::newRow("comment line") << "  # server web1"_ba << W{} << E{};
    QTest::newRow("comment after a word") << "mode http#tcp"_ba << W{"mode", "http"} << E{0, 0};
    QTest::newRow("double quotes") << "a \"b c # d\" e"_ba << W{"a", "b c # d", "e"} << E{0, 0, 0};
    QTest::newRow("single quotes keep everything")
        << "a '\\x41 $X \"q\"' b"_ba << W{"a", "\\x41 $X \"q\"", "b"} << E{0, 0, 0};
    QTest::newRow("quotes glue words") << "a\"b\"'c'd"_ba << W{"abcd"} << E{0};
    QTest::newRow("escapes") << "a\\ b \\#c \\\\d \\\"e \\'f"_ba
                             << W{"a b", "#c", "\\d", "\"e", "'f"} << E{0, 0, 0, 0, 0};
    QTest::newRow("control escapes") << "\\t\\n\\r\\x41"_ba << W{"\t\n\rA"} << E{0};
    QTest::newRow("other backslash stays") << "regsub(a,\\1)"_ba << W{"regsub(a,\\1)"} << E{0};
    // No line continuation in HAProxy: a trailing backslash is a character.
    QTest::newRow("trailing backslash")
        << "server s 10.0.0.1:80 \\"_ba << W{"server", "s", "10.0.0.1:80", "\\"} << E{0, 0, 0, 0};
    QTest::newRow("environment kept")
        << "bind \"${VIP}:443\""_ba << W{"bind", "${VIP}:443"} << E{0, 1};
    QTest::newRow("environment default")
        << "x \"${PORT-80}\" \"$HOME\""_ba << W{"x", "${PORT-80}", "$HOME"} << E{0, 1, 1};
    QTest::newRow("dollar outside quotes")
        << "x $HOME \\$"_ba << W{"x", "$HOME", "\\$"} << E{0, 0, 0};
    QTest::newRow("escaped dollar in quotes") << "x \"\\$HOME\""_ba << W{"x", "$HOME"} << E{0, 0};
    QTest::newRow("empty word in the middle") << "a \"\" b"_ba << W{"a", "", "b"} << E{0, 0, 0};
    QTest::newRow("empty word at the end") << "a ''"_ba << W{"a"} << E{0};
    QTest::newRow("carriage return ends the line")
        << "mode http\r tcp"_ba << W{"mode", "http"} << E{0, 0};
}

void TestHaproxyConfig::splitLine()
{
    QFETCH(QByteArray, line);
    QFETCH(QList<QByteArray>, words);
    QFETCH(QList<bool>, environment);
    const Result<ConfigLine> split = splitConfigLine(line, u"t.cfg:1"_s);
    QVERIFY2(split.ok(), qPrintable(split.ok() ? QString() : split.error().toString()));
    QCOMPARE(split->words, words);
    QCOMPARE(split->usesEnvironment, environment);
}

void TestHaproxyConfig::splitLineBroken_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("error");
    QTest::newRow("double quote")
        << "  bind \"203.0.113.10:80"_ba
        << u"t.cfg:1:8: Unterminated double quote. (Close the quote on the same line: HAProxy "
           u"has no line continuation.)"_s;
    QTest::newRow("single quote") << "a 'b \"c\""_ba
                                  << u"t.cfg:1:3: Unterminated single quote. (Close the quote on "
                                     u"the same line: HAProxy has no line continuation.)"_s;
    QTest::newRow("hex escape") << "a \\xZZ"_ba
                                << u"t.cfg:1:3: Invalid or incomplete \\x escape sequence. (Write "
                                   u"\\x followed by two hex digits, or \\\\ for a backslash.)"_s;
    QTest::newRow("variable name") << "a \"$1\""_ba
                                   << u"t.cfg:1:5: Invalid environment variable name after '$'. "
                                      u"(Write \\$ for a literal dollar sign inside double "
                                      u"quotes.)"_s;
    QTest::newRow("unclosed brace") << "a \"${VIP:80\""_ba
                                    << u"t.cfg:1:5: Unmatched '{' after '$'. (Close the variable "
                                       u"with '}'.)"_s;
    QTest::newRow("65 words") << QByteArray("w ").repeated(65)
                              << u"t.cfg:1: The line has more than 64 words, which HAProxy "
                                 u"refuses. (Split the line or quote arguments that belong "
                                 u"together.)"_s;
}

void TestHaproxyConfig::splitLineBroken()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, error);
    const Result<ConfigLine> split = splitConfigLine(line, u"t.cfg:1"_s);
    QVERIFY(!split.ok());
    QCOMPARE(split.error().code, ErrorCode::Parse);
    QCOMPARE(split.error().toString(), error);
}

namespace {

const QStringList kFixtures = {u"university-vip.cfg"_s,      u"frontend-stats.cfg"_s,
                               u"tcp-named-defaults.cfg"_s,  u"quoting.cfg"_s,
                               u"dynamic-use-backend.cfg"_s, u"multi"_s};

} // namespace

void TestHaproxyConfig::fixturesPassHaproxyCheck_data()
{
    QTest::addColumn<QString>("fixture");
    for (const QString &name : kFixtures)
        QTest::newRow(qPrintable(name)) << name;
}

// Every fixture is a configuration the real HAProxy accepts.
void TestHaproxyConfig::fixturesPassHaproxyCheck()
{
    QFETCH(QString, fixture);
    if (haproxyBinary().isEmpty())
        QSKIP("haproxy is not installed");
    QString output;
    const int rc = haproxyCheck(configPath(fixture), &output);
    QVERIFY2(rc == 0, qPrintable(output));
}

void TestHaproxyConfig::fixtures_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("university-vip")
        << u"university-vip.cfg"_s
        << QStringList{
               u"frontend fe_http @university-vip.cfg:20-23 mode=http* bind=203.0.113.10:80 default=be_typo3"_s,
               u"frontend fe_https @university-vip.cfg:25-31 mode=http* bind=203.0.113.10:443 use=be_typo3_api[if is_api] use=be_typo3_admin[if is_admin !{ src 10.0.0.0/8 }] default=be_typo3"_s,
               u"backend be_typo3 @university-vip.cfg:33-37 mode=http*"_s,
               u"  server web1 127.0.0.1:8081 @university-vip.cfg:36 track=be_health/web1 check=- backup=- inter=3000 fastinter=- downinter=- rise=2 fall=3"_s,
               u"  server web2 127.0.0.1:8082 @university-vip.cfg:37 track=be_health/web2 check=- backup=- inter=3000 fastinter=- downinter=- rise=2 fall=3"_s,
               u"backend be_typo3_api @university-vip.cfg:39-41 mode=http*"_s,
               u"  server api1 127.0.0.1:8091 @university-vip.cfg:40 check=1 backup=- inter=1000 fastinter=500 downinter=10000 rise=2 fall=3"_s,
               u"  server api2 127.0.0.1:8092 @university-vip.cfg:41 check=1 backup=- inter=3000 fastinter=- downinter=- rise=2 fall=3 agent=1 agent-inter=5000"_s,
               u"backend be_typo3_admin @university-vip.cfg:43-44 mode=http*"_s,
               u"  server web1 127.0.0.1:8081 @university-vip.cfg:44 track=be_health/web1 check=- backup=- inter=3000 fastinter=- downinter=- rise=2 fall=3"_s,
               u"backend be_health @university-vip.cfg:47-50 mode=http*"_s,
               u"  server web1 127.0.0.1:8081 @university-vip.cfg:49 check=1 backup=- inter=3000 fastinter=- downinter=- rise=2 fall=3"_s,
               u"  server web2 127.0.0.1:8082 @university-vip.cfg:50 check=1 backup=- inter=3000 fastinter=- downinter=- rise=2 fall=3"_s,
               u"listen stats @university-vip.cfg:52-56 mode=http* bind=127.0.0.1:8404 stats=/"_s,
           };
    QTest::newRow("frontend-stats")
        << u"frontend-stats.cfg"_s
        << QStringList{
               u"frontend stats @frontend-stats.cfg:12-16 mode=http* bind=127.0.0.1:8405 stats=/stats metrics"_s,
               u"frontend fe_shop @frontend-stats.cfg:18-21 mode=http* bind=203.0.113.20:80 bind=203.0.113.20:443 default=be_shop"_s,
               u"backend be_shop @frontend-stats.cfg:23-27 mode=http*"_s,
               // `cookie check` is a cookie value, then `check` the flag.
               u"  server shop1 127.0.0.1:8101 @frontend-stats.cfg:26 check=1 backup=- inter=- fastinter=- downinter=- rise=- fall=-"_s,
               u"  server shop2 127.0.0.1:8102 @frontend-stats.cfg:27 check=1 backup=- inter=- fastinter=- downinter=- rise=- fall=-"_s,
               u"backend be_shop_old @frontend-stats.cfg:30-31 mode=http*"_s,
               u"  server old1 127.0.0.1:8109 @frontend-stats.cfg:31 check=- backup=- inter=- fastinter=- downinter=- rise=- fall=-"_s,
           };
    QTest::newRow("tcp-named-defaults")
        << u"tcp-named-defaults.cfg"_s
        << QStringList{
               u"frontend fe_db @tcp-named-defaults.cfg:14-16 mode=tcp* bind=198.51.100.5:5432 default=be_db"_s,
               u"backend be_db @tcp-named-defaults.cfg:18-21 mode=tcp*"_s,
               u"  server db1 127.0.0.1:15432 @tcp-named-defaults.cfg:20 check=1 backup=- inter=2000 fastinter=- downinter=- rise=- fall=-"_s,
               u"  server db2 127.0.0.1:15433 @tcp-named-defaults.cfg:21 check=0 backup=- inter=2000 fastinter=- downinter=- rise=- fall=-"_s,
               u"frontend fe_db_dr @tcp-named-defaults.cfg:25-27 mode=tcp* bind=198.51.100.6:5432 default=be_db_dr"_s,
               u"backend be_db_dr @tcp-named-defaults.cfg:29-31 mode=tcp*"_s,
               u"  server dr1 127.0.0.1:25432 @tcp-named-defaults.cfg:30 check=1 backup=1 inter=2000 fastinter=- downinter=- rise=- fall=-"_s,
               u"  server dr2 127.0.0.1:25433 @tcp-named-defaults.cfg:31 check=1 backup=1 inter=2000 fastinter=- downinter=- rise=- fall=5"_s,
               u"listen admin @tcp-named-defaults.cfg:33-35 mode=http* bind=127.0.0.1:9000 stats"_s,
           };
    QTest::newRow("quoting")
        << u"quoting.cfg"_s
        << QStringList{
               u"frontend fe_quoted @quoting.cfg:10-16 mode=http* bind=${VIP_ADDR}:8443 use=be_quoted[if { hdr(host) -i www.example.org }] default=be_quoted"_s,
               u"backend be_quoted @quoting.cfg:18-21 mode=http*"_s,
               u"  server s1 127.0.0.1:8201 @quoting.cfg:19 check=1 backup=- inter=2000 fastinter=- downinter=- rise=- fall=-"_s,
               u"  server s3 127.0.0.1:8203 @quoting.cfg:21 check=1 backup=- inter=- fastinter=- downinter=- rise=- fall=-"_s,
           };
    QTest::newRow("dynamic-use-backend")
        << u"dynamic-use-backend.cfg"_s
        << QStringList{
               u"frontend fe_vhosts @dynamic-use-backend.cfg:9-12 mode=http* bind=203.0.113.30:80 use=bk_%[req.hdr(host),lower,word(1,:)](dynamic)[if { req.hdr(host),lower,word(1,:),map_str(/dev/null) -m found }] default=bk_default"_s,
               u"backend bk_default @dynamic-use-backend.cfg:14-15 mode=http*"_s,
               u"backend bk_www @dynamic-use-backend.cfg:17-18 mode=http*"_s,
               u"  server www1 127.0.0.1:8301 @dynamic-use-backend.cfg:18 track=health/www1 check=- backup=- inter=- fastinter=- downinter=- rise=- fall=-"_s,
               u"backend bk_shop @dynamic-use-backend.cfg:20-21 mode=http*"_s,
               u"  server shop1 127.0.0.1:8302 @dynamic-use-backend.cfg:21 check=1 backup=- inter=- fastinter=- downinter=- rise=- fall=-"_s,
               u"backend health @dynamic-use-backend.cfg:23-24 mode=http*"_s,
               u"  server www1 127.0.0.1:8301 @dynamic-use-backend.cfg:24 check=1 backup=- inter=- fastinter=- downinter=- rise=- fall=-"_s,
               u"listen stats @dynamic-use-backend.cfg:26-28 mode=http* bind=127.0.0.1:8406 stats=/"_s,
           };
    // Defaults of one file carry into the next; locations name each file.
    QTest::newRow("multi")
        << u"multi"_s
        << QStringList{
               u"frontend fe_smtp @20-frontends.cfg:1-4 mode=tcp* bind=203.0.113.40:25 bind=203.0.113.40:587 default=be_smtp"_s,
               u"frontend fe_imap @20-frontends.cfg:6-8 mode=tcp* bind=203.0.113.40:993 default=be_imap"_s,
               u"backend be_smtp @30-backends.cfg:1-3 mode=tcp*"_s,
               u"  server mx1 127.0.0.1:2525 @30-backends.cfg:2 check=1 backup=- inter=5000 fastinter=- downinter=- rise=- fall=-"_s,
               u"  server mx2 127.0.0.1:2526 @30-backends.cfg:3 check=1 backup=- inter=5000 fastinter=- downinter=- rise=- fall=-"_s,
               u"backend be_imap @30-backends.cfg:5-6 mode=tcp*"_s,
               u"  server imap1 127.0.0.1:1993 @30-backends.cfg:6 check=1 backup=- inter=10000 fastinter=- downinter=- rise=- fall=-"_s,
           };
}

void TestHaproxyConfig::fixtures()
{
    QFETCH(QString, fixture);
    QFETCH(QStringList, expected);
    const HaproxyConfig config = parseFixture(fixture);
    QCOMPARE(describe(config), expected);
    QVERIFY(!config.uncertain);
}

void TestHaproxyConfig::classification_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QStringList>("vip"); // empty: the VIP's addresses are unknown
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<bool>("uncertain");

    const QStringList university = {
        u"be_typo3: service: Routed from fe_http, fe_https."_s,
        u"be_typo3_api: service: Routed from fe_https."_s,
        u"be_typo3_admin: service: Routed from fe_https."_s,
        u"be_health: auxiliary (health-only): No frontend routes to it; its servers are tracked by be_typo3/web1, be_typo3/web2, be_typo3_admin/web1."_s,
        u"stats: auxiliary (stats page): It serves HAProxy's statistics page and has no servers."_s,
    };
    QTest::newRow("university, VIP unknown")
        << u"university-vip.cfg"_s << QStringList() << university << false;
    QTest::newRow("university, VIP known")
        << u"university-vip.cfg"_s << QStringList{u"203.0.113.10/32"_s} << university << false;
    QTest::newRow("university, other VIP")
        << u"university-vip.cfg"_s << QStringList{u"203.0.113.99/32"_s}
        << QStringList{
               u"be_typo3: auxiliary (unreferenced): Routed only from fe_http, fe_https, which do not listen on the VIP's addresses."_s,
               u"be_typo3_api: auxiliary (unreferenced): Routed only from fe_https, which do not listen on the VIP's addresses."_s,
               u"be_typo3_admin: auxiliary (unreferenced): Routed only from fe_https, which do not listen on the VIP's addresses."_s,
               u"be_health: auxiliary (health-only): No frontend routes to it; its servers are tracked by be_typo3/web1, be_typo3/web2, be_typo3_admin/web1."_s,
               u"stats: auxiliary (stats page): It serves HAProxy's statistics page and has no servers."_s,
           }
        << false;
    QTest::newRow("frontend stats and an unreferenced backend")
        << u"frontend-stats.cfg"_s << QStringList{u"203.0.113.20/32"_s}
        << QStringList{
               u"be_shop: service: Routed from fe_shop."_s,
               u"be_shop_old: auxiliary (unreferenced): No frontend or listen section routes to it."_s,
           }
        << false;
    QTest::newRow("backup-only backend in tcp mode")
        << u"tcp-named-defaults.cfg"_s << QStringList{u"198.51.100.0/24"_s}
        << QStringList{
               u"be_db: service: Routed from fe_db."_s,
               u"be_db_dr: service: Routed from fe_db_dr."_s,
               u"admin: auxiliary (stats page): It serves HAProxy's statistics page and has no servers."_s,
           }
        << false;
    QTest::newRow("bind from the environment")
        << u"quoting.cfg"_s << QStringList{u"203.0.113.50/32"_s}
        << QStringList{u"be_quoted: service, uncertain: Routed from fe_quoted."_s} << true;
    QTest::newRow("dynamic use_backend")
        << u"dynamic-use-backend.cfg"_s << QStringList{u"203.0.113.30/32"_s}
        << QStringList{
               u"bk_default: auxiliary (no servers): Routed from fe_vhosts, but it has no servers: it answers by itself (redirect, return) or always fails."_s,
               u"bk_www: service, uncertain: It may be chosen by the dynamic rule \"bk_%[req.hdr(host),lower,word(1,:)]\" at dynamic-use-backend.cfg:11."_s,
               u"bk_shop: service, uncertain: It may be chosen by the dynamic rule \"bk_%[req.hdr(host),lower,word(1,:)]\" at dynamic-use-backend.cfg:11."_s,
               u"health: auxiliary (health-only): No frontend routes to it; its servers are tracked by bk_www/www1."_s,
               u"stats: auxiliary (stats page): It serves HAProxy's statistics page and has no servers."_s,
           }
        << true;
    QTest::newRow("several files") << u"multi"_s << QStringList{u"203.0.113.40/32"_s}
                                   << QStringList{u"be_smtp: service: Routed from fe_smtp."_s,
                                                  u"be_imap: service: Routed from fe_imap."_s}
                                   << false;
}

void TestHaproxyConfig::classification()
{
    QFETCH(QString, fixture);
    QFETCH(QStringList, vip);
    QFETCH(QStringList, expected);
    QFETCH(bool, uncertain);
    ClassificationOptions options;
    if (!vip.isEmpty())
        options.vipPrefixes = prefixes(vip);
    const BackendClassification c = classifyBackends(parseFixture(fixture), options);
    QCOMPARE(describe(c), expected);
    QCOMPARE(c.uncertain, uncertain);
}

void TestHaproxyConfig::frontendRoutes()
{
    ClassificationOptions options;
    options.vipPrefixes = prefixes({u"203.0.113.10/32"_s});
    const BackendClassification c =
        classifyBackends(parseFixture(u"university-vip.cfg"_s), options);
    QCOMPARE(c.frontends.size(), 3);
    QCOMPARE(c.frontends[0].name, u"fe_http"_s);
    QCOMPARE(c.frontends[0].servesVip, VipMatch::Yes);
    QCOMPARE(c.frontends[0].backends, QStringList{u"be_typo3"_s});
    QCOMPARE(c.frontends[1].backends,
             (QStringList{u"be_typo3_api"_s, u"be_typo3_admin"_s, u"be_typo3"_s}));
    QCOMPARE(c.frontends[2].name, u"stats"_s);
    QCOMPARE(c.frontends[2].kind, ProxyKind::Listen);
    QCOMPARE(c.frontends[2].servesVip, VipMatch::No);
    QVERIFY(c.frontends[2].statsPage);
    QCOMPARE(c.serviceBackends(),
             (QStringList{u"be_typo3"_s, u"be_typo3_api"_s, u"be_typo3_admin"_s}));
    const BackendClassification tcp = classifyBackends(parseFixture(u"tcp-named-defaults.cfg"_s));
    QCOMPARE(tcp.backend(u"be_db_dr"_s)->servers, 2);
    QCOMPARE(tcp.backend(u"be_db_dr"_s)->backupServers, 2);
    QCOMPARE(tcp.backend(u"be_db"_s)->backupServers, 0);
    const BackendClassification shop = classifyBackends(parseFixture(u"frontend-stats.cfg"_s));
    QVERIFY(shop.frontends[0].statsPage);
    QVERIFY(shop.frontends[0].metricsExporter);
    QVERIFY(shop.frontends[0].backends.isEmpty());
}

void TestHaproxyConfig::overrideListWins()
{
    ClassificationOptions options;
    options.serviceBackends = {u"be_health"_s, u"be_missing"_s};
    const BackendClassification c =
        classifyBackends(parseFixture(u"university-vip.cfg"_s), options);
    QCOMPARE(c.serviceBackends(), QStringList{u"be_health"_s});
    QCOMPARE(c.backend(u"be_typo3"_s)->auxiliary, AuxiliaryKind::NotListed);
    QCOMPARE(c.backend(u"be_typo3"_s)->reason,
             u"The fleet file lists the service backends, and not this one."_s);
    QCOMPARE(c.notes, QStringList{u"The fleet file names service backend \"be_missing\", which "
                                  u"the configuration does not declare."_s});
}

void TestHaproxyConfig::directoryOrder()
{
    const QStringList entries =
        QDir(configPath(u"multi"_s)).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
    QVERIFY(entries.contains(u".disabled.cfg"_s));
    QVERIFY(entries.contains(u"README"_s));
    QCOMPARE(configDirectoryOrder(entries),
             (QStringList{u"00-global.cfg"_s, u"10-defaults.cfg"_s, u"20-frontends.cfg"_s,
                          u"30-backends.cfg"_s}));
    // Byte order, as scandir's alphasort in the C locale: upper case first.
    QCOMPARE(configDirectoryOrder({u"b.cfg"_s, u"a.cfg"_s, u"B.cfg"_s, u"a.cfg.orig"_s, u"10.cfg"_s,
                                   u"9.cfg"_s, u".cfg"_s}),
             (QStringList{u"10.cfg"_s, u"9.cfg"_s, u"B.cfg"_s, u"a.cfg"_s, u"b.cfg"_s}));
    // A section cannot run on into the next file.
    const Result<HaproxyConfig> split = parseHaproxyConfigFiles(
        {{u"a.cfg"_s, "backend be\n"_ba}, {u"b.cfg"_s, "    server s 127.0.0.1:80\n"_ba}});
    QVERIFY(!split.ok());
    QCOMPARE(split.error().where, u"b.cfg:1"_s);
}

void TestHaproxyConfig::conditionals_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("backends");
    QTest::addColumn<QStringList>("notes");
    const QByteArray head = "defaults\n    mode http\n";
    QTest::newRow("if 0") << head + ".if 0\nbackend a\n.else\nbackend b\n.endif\n"
                          << QStringList{u"b"_s} << QStringList();
    QTest::newRow("if 1") << head +
                                 ".if 1\nbackend a\n.elif 1\nbackend b\n.else\nbackend c\n.endif\n"
                          << QStringList{u"a"_s} << QStringList();
    QTest::newRow("elif") << head + ".if 0\nbackend a\n.elif 2\nbackend b\n.endif\n"
                          << QStringList{u"b"_s} << QStringList();
    QTest::newRow("nested in a false block")
        << head + ".if 0\n.if defined(X)\nbackend a\n.endif\n.endif\nbackend z\n"
        << QStringList{u"z"_s} << QStringList();
    QTest::newRow("host-dependent")
        << head + ".if version_atleast(2.4)\nbackend new\n.else\nbackend old\n.endif\n"
        << QStringList{u"new"_s}
        << QStringList{u"t.cfg:3: The condition \"version_atleast(2.4)\" depends on the host; "
                       u"this branch was read as if it were true."_s};
    QTest::newRow("diagnostics are ignored")
        << head + ".notice \"hello\"\n.warning x\n.diag y\nbackend a\n"
        << QStringList{u"a"_s} << QStringList();
    QTest::newRow("alert in a false block") << head + ".if 0\n.alert \"stop\"\n.endif\nbackend a\n"
                                            << QStringList{u"a"_s} << QStringList();
}

void TestHaproxyConfig::conditionals()
{
    QFETCH(QByteArray, text);
    QFETCH(QStringList, backends);
    QFETCH(QStringList, notes);
    const Result<HaproxyConfig> config = parseHaproxyConfig(text, u"t.cfg"_s);
    QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().toString()));
    QStringList names;
    for (const ConfigProxy &p : config->proxies)
        names.append(p.name);
    QCOMPARE(names, backends);
    QStringList noteTexts;
    for (const ConfigNote &n : config->notes)
        noteTexts.append(n.at.toString() + u": " + n.message);
    QCOMPARE(noteTexts, notes);
    QCOMPARE(config->uncertain, !notes.isEmpty());
}

void TestHaproxyConfig::environmentValues()
{
    const Result<HaproxyConfig> config = parseHaproxyConfig(
        "backend be\n    server s1 \"${WEB1}\":80 check inter \"${INTER}\" fall 2\n"_ba,
        u"e.cfg"_s);
    QVERIFY(config.ok());
    const ConfigServer &s = config->proxies[0].servers[0];
    QCOMPARE(s.address, u"${WEB1}:80"_s);
    QCOMPARE(s.unknownValues, QStringList{u"inter"_s});
    QVERIFY(!s.own.interMs);
    QCOMPARE(s.own.fall, 2);
    QCOMPARE(config->notes.size(), 1);
    QCOMPARE(config->notes[0].message,
             u"\"inter ${INTER}\" depends on the host's environment; its value is unknown here."_s);
}

// Backend names from the environment are computed like %[...] ones; a
// track may name a server that a server-template makes.
void TestHaproxyConfig::computedNames()
{
    const Result<HaproxyConfig> config = parseHaproxyConfig(
        "frontend fe\n    bind :80\n    use_backend \"be_${SITE}\" if { path /x }\n"
        "    default_backend \"${DEFAULT_BE}\"\n"
        "backend be_main\n    server-template web 1-3 127.0.0.1:80 check\n"
        "backend be_mirror\n    server web2 127.0.0.1:81 track be_main/web2\n"
        "backend other\n    server o1 127.0.0.1:82\n"_ba,
        u"c.cfg"_s);
    QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().toString()));
    QVERIFY(config->proxies[0].useBackends[0].dynamic);
    QVERIFY(config->proxies[0].defaultBackend->dynamic);
    QCOMPARE(describe(classifyBackends(*config)),
             (QStringList{
                 u"be_main: service, uncertain: It may be chosen by the dynamic rule "
                 u"\"be_${SITE}\" at c.cfg:3."_s,
                 u"be_mirror: service, uncertain: It may be chosen by the dynamic rule "
                 u"\"be_${SITE}\" at c.cfg:3."_s,
                 u"other: service, uncertain: It may be chosen by the dynamic rule "
                 u"\"${DEFAULT_BE}\" at c.cfg:4."_s,
             }));
}

// HAProxy 1.8 still read "listen NAME ADDRESS"; 2.x refuses it.
void TestHaproxyConfig::legacyListenAddress()
{
    const Result<HaproxyConfig> config = parseHaproxyConfig(
        "listen web 203.0.113.10:80\n    server s 127.0.0.1:80\n"_ba, u"l.cfg"_s);
    QVERIFY(config.ok());
    QCOMPARE(config->proxies[0].binds.size(), 1);
    QCOMPARE(config->proxies[0].binds[0].addresses, QStringList{u"203.0.113.10:80"_s});
}

// HAProxy 2.6 warns and goes on; so does the reader, with a note.
void TestHaproxyConfig::ignoredInBackend()
{
    const Result<HaproxyConfig> config = parseHaproxyConfig(
        "backend be\n    bind :80\n    use_backend x\n    default_backend x\n"
        "    server s 127.0.0.1:80\nlisten be\n    bind :81\n    server s 127.0.0.1:80\n"_ba,
        u"i.cfg"_s);
    QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().toString()));
    QStringList notes;
    for (const ConfigNote &n : config->notes)
        notes.append(n.at.toString() + u": " + n.message);
    QCOMPARE(notes, (QStringList{
                        u"i.cfg:2: \"bind\" is ignored: a backend accepts no connections."_s,
                        u"i.cfg:3: \"use_backend\" is ignored: a backend accepts no connections."_s,
                        u"i.cfg:4: \"default_backend\" is ignored: a backend accepts no "
                        u"connections."_s,
                    }));
    QVERIFY(config->proxies[0].binds.isEmpty());
    QVERIFY(config->proxies[0].useBackends.isEmpty());
    QCOMPARE(config->proxies.size(), 2); // a backend and a listen may share a name
}

void TestHaproxyConfig::broken_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("error");
    const QByteArray head = "defaults\n    mode http\n    timeout connect 1s\n    timeout client "
                            "1s\n    timeout server 1s\n";
    QTest::newRow("unterminated quote")
        << head + "frontend fe\n    bind \"203.0.113.10:80\n"
        << u"b.cfg:7:10: Unterminated double quote. (Close the quote on the same line: HAProxy "
           u"has no line continuation.)"_s;
    QTest::newRow("server outside a proxy")
        << "server web1 127.0.0.1:80\n"_ba
        << u"b.cfg:1: \"server\" is outside any section. (Put it in a frontend, backend or "
           u"listen section; each file starts outside any section.)"_s;
    QTest::newRow("server in a frontend")
        << head + "frontend fe\n    bind :80\n    server web1 127.0.0.1:80\n"
        << u"b.cfg:8: \"server\" is not allowed in a frontend section. (Servers belong in a "
           u"backend or listen section.)"_s;
    QTest::newRow("bind in defaults")
        << head + "    bind :80\n"
        << u"b.cfg:6: \"bind\" is not allowed in a defaults section. (It belongs in a frontend "
           u"or listen section.)"_s;
    QTest::newRow("unknown use_backend")
        << head + "frontend fe\n    bind :80\n    use_backend be_nope if { path /x }\n"
        << u"b.cfg:8: frontend \"fe\" uses backend \"be_nope\" (use_backend), which is not "
           u"declared. (Declare \"backend be_nope\" or fix the name.)"_s;
    QTest::newRow("unknown default_backend from defaults")
        << "defaults\n    mode http\n    default_backend be_nope\nfrontend fe\n    bind :80\n"_ba
        << u"b.cfg:3: frontend \"fe\" uses backend \"be_nope\" (default_backend), which is not "
           u"declared. (Declare \"backend be_nope\" or fix the name.)"_s;
    QTest::newRow("tracked server missing")
        << head + "backend be\n    server web1 127.0.0.1:80 track be_health/web9\n"
                  "backend be_health\n    server web1 127.0.0.1:80 check\n"
        << u"b.cfg:7: Server \"web1\" tracks \"be_health/web9\", which is not declared. (Fix "
           u"the name after \"track\".)"_s;
    QTest::newRow("tracked backend missing")
        << head + "backend be\n    server web1 127.0.0.1:80 track nope/web1\n"
        << u"b.cfg:7: Server \"web1\" tracks a server of backend \"nope\", which is not "
           u"declared. (Fix the name after \"track\".)"_s;
    QTest::newRow("duplicate backend")
        << head + "backend be\nbackend be\n"
        << u"b.cfg:7: backend \"be\" has the same name as backend \"be\" declared at b.cfg:6. "
           u"(Give each proxy a unique name.)"_s;
    QTest::newRow("listen named like a frontend")
        << head + "frontend fe\n    bind :80\nlisten fe\n    bind :81\n"
        << u"b.cfg:8: listen \"fe\" has the same name as frontend \"fe\" declared at b.cfg:6. "
           u"(Give each proxy a unique name.)"_s;
    QTest::newRow("duplicate server")
        << head + "backend be\n    server s 127.0.0.1:80\n    server s 127.0.0.1:81\n"
        << u"b.cfg:8: Server \"s\" is declared twice in backend \"be\". (Give each server of a "
           u"backend a unique name.)"_s;
    QTest::newRow("no final newline")
        << head + "backend be\n    server s 127.0.0.1:80"
        << u"b.cfg:7: The last line has no line feed: the file may have been cut off. (HAProxy "
           u"2.3 and later refuse such a file too; end the file with a newline.)"_s;
    QTest::newRow("bad delay")
        << head + "backend be\n    server s 127.0.0.1:80 check inter 2x\n"
        << u"b.cfg:7: \"inter 2x\" is not a delay HAProxy accepts. (Write a positive whole "
           u"number and a unit (us, ms, s, m, h, d), like \"2s\".)"_s;
    QTest::newRow("bad fall")
        << head + "backend be\n    default-server fall 0\n"
        << u"b.cfg:7: \"fall 0\" is not a positive whole number. (Write it like \"fall 3\".)"_s;
    QTest::newRow("missing value")
        << head + "backend be\n    server s 127.0.0.1:80 check rise\n"
        << u"b.cfg:7: \"rise\" needs a value. (Write it like \"rise 3\".)"_s;
    QTest::newRow("server without address")
        << head + "backend be\n    server s\n"
        << u"b.cfg:7: The server line needs a name and an address. (Write it like \"server web1 "
           u"192.0.2.21:8080 check\".)"_s;
    QTest::newRow("unknown named defaults")
        << head + "backend be from nope\n"
        << u"b.cfg:6: No defaults section named \"nope\" before this line. (Declare \"defaults "
           u"nope\" before the sections that use it.)"_s;
    QTest::newRow("section without name")
        << head + "backend\n"
        << u"b.cfg:6: The backend section has no name. (Write it like \"backend web\".)"_s;
    QTest::newRow("invalid proxy name")
        << head + "backend be/x\n"
        << u"b.cfg:6: The backend name \"be/x\" contains '/' at position 3, which HAProxy does "
           u"not allow in names. (Names may only contain letters, digits, '-', '_', '.' and "
           u"':'.)"_s;
    QTest::newRow("use_backend without if")
        << head + "frontend fe\n    bind :80\n    use_backend be when x\nbackend be\n"
        << u"b.cfg:8: use_backend needs \"if\" or \"unless\" before its condition. (Write it "
           u"like \"use_backend be_api if { path_beg /api }\".)"_s;
    QTest::newRow("if without endif")
        << head + ".if 1\nbackend be\n"
        << u"b.cfg:6: The .if block opened here has no .endif. (Close it with .endif in the same "
           u"file.)"_s;
    QTest::newRow("endif without if")
        << head + ".endif\n"
        << u"b.cfg:6: .endif without a matching .if. (Remove it or add the .if that opens the "
           u"block.)"_s;
    QTest::newRow("alert") << head + ".alert \"not on this host\"\n"
                           << u"b.cfg:6: The configuration stops with .alert \"not on this host\". "
                              u"(HAProxy refuses to start with this configuration.)"_s;
    QTest::newRow("unknown directive")
        << head + ".include x\n"
        << u"b.cfg:6: Unknown directive \".include\". (HAProxy knows .if, .elif, .else, .endif, "
           u".diag, .notice, .warning and .alert.)"_s;
    QTest::newRow("NUL byte") << head + QByteArray("backend be\0\n", 12)
                              << u"b.cfg:6: The line contains a NUL byte at column 11. (Is this "
                                 u"a text file?)"_s;
}

// Each broken input yields its located message, and the real HAProxy refuses
// it as well.
void TestHaproxyConfig::broken()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, error);
    const Result<HaproxyConfig> config = parseHaproxyConfig(text, u"b.cfg"_s);
    QVERIFY(!config.ok());
    QCOMPARE(config.error().code, ErrorCode::Parse);
    QCOMPARE(config.error().toString(), error);

    if (haproxyBinary().isEmpty())
        return;
    test::TempDir dir;
    QString output;
    const int rc = haproxyCheck(dir.write(u"b.cfg"_s, text), &output);
    QVERIFY2(rc != 0, qPrintable(u"haproxy -c accepted it: "_s + output));
}

void TestHaproxyConfig::bindMatches_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QStringList>("vip");
    QTest::addColumn<int>("match");
    const QStringList v4 = {u"203.0.113.10/32"_s};
    const QStringList v6 = {u"2001:db8::10/128"_s};
    const int yes = int(VipMatch::Yes), no = int(VipMatch::No), unknown = int(VipMatch::Unknown);
    QTest::newRow("exact") << u"203.0.113.10:443"_s << v4 << yes;
    QTest::newRow("other") << u"203.0.113.11:443"_s << v4 << no;
    QTest::newRow("in a prefix") << u"198.51.100.7:80"_s << QStringList{u"198.51.100.0/24"_s}
                                 << yes;
    QTest::newRow("port only") << u":80"_s << v4 << yes;
    QTest::newRow("star") << u"*:80"_s << v4 << yes;
    QTest::newRow("0.0.0.0 for IPv4") << u"0.0.0.0:80"_s << v4 << yes;
    QTest::newRow("0.0.0.0 for IPv6") << u"0.0.0.0:80"_s << v6 << no;
    QTest::newRow(":: for IPv4") << u":::80"_s << v4 << yes;
    QTest::newRow("brackets") << u"[2001:db8::10]:443"_s << v6 << yes;
    QTest::newRow("IPv6 last colon") << u"2001:db8::10:443"_s << v6 << yes;
    QTest::newRow("ipv4@") << u"ipv4@203.0.113.10:80"_s << v4 << yes;
    QTest::newRow("port range") << u"203.0.113.10:8000-8010"_s << v4 << yes;
    QTest::newRow("unix socket") << u"/run/haproxy/x.sock"_s << v4 << no;
    QTest::newRow("unix@") << u"unix@/run/x.sock"_s << v4 << no;
    QTest::newRow("abns@") << u"abns@web"_s << v4 << no;
    QTest::newRow("environment") << u"${VIP}:80"_s << v4 << unknown;
    QTest::newRow("DNS name") << u"vip.example.org:80"_s << v4 << unknown;
    QTest::newRow("loopback") << u"127.0.0.1:8404"_s << v4 << no;
}

void TestHaproxyConfig::bindMatches()
{
    QFETCH(QString, address);
    QFETCH(QStringList, vip);
    QFETCH(int, match);
    QCOMPARE(int(bindMatchesVip(address, prefixes(vip))), match);
}

void TestHaproxyConfig::truncatedNeverCrash_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::newRow("university") << u"university-vip.cfg"_s;
    QTest::newRow("quoting") << u"quoting.cfg"_s;
}

// Every prefix of a fixture is parsed: a value or a located error, never a crash.
void TestHaproxyConfig::truncatedNeverCrash()
{
    QFETCH(QString, fixture);
    const QByteArray whole = test::readData(u"haproxy/configs/"_s + fixture);
    for (qsizetype n = 0; n <= whole.size(); ++n) {
        const Result<HaproxyConfig> config = parseHaproxyConfig(whole.left(n), u"p.cfg"_s);
        if (config.ok()) {
            (void)classifyBackends(*config);
            continue;
        }
        QVERIFY2(config.error().where.startsWith(u"p.cfg:"_s),
                 qPrintable(QString::number(n) + u": "_s + config.error().toString()));
    }
}

QTEST_GUILESS_MAIN(TestHaproxyConfig)
#include "tst_haproxyconfig.moc"
