// Tests of the pure value parsers of fleet.yaml: durations, prefixes,
// templates, names and suggestions.

#include "core/inventory/valueparsers.h"

#include <QtTest>

using namespace Qt::StringLiterals;

namespace vipdeck {

class TestValueParsers : public QObject
{
    Q_OBJECT

private slots:
    void durations_data();
    void durations();
    void byteSizes_data();
    void byteSizes();
    void prefixes_data();
    void prefixes();
    void templates_data();
    void templates();
    void expansion();
    void names_data();
    void names();
    void suggestions_data();
    void suggestions();
};

void TestValueParsers::durations_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("ms"); // -1: refused
    QTest::addColumn<QString>("error");

    QTest::newRow("ms") << u"500ms"_s << qint64(500) << QString();
    QTest::newRow("s") << u"5s"_s << qint64(5000) << QString();
    QTest::newRow("m") << u"2m"_s << qint64(120000) << QString();
    QTest::newRow("h") << u"1h"_s << qint64(3600000) << QString();
    QTest::newRow("zero") << u"0s"_s << qint64(0) << QString();
    QTest::newRow("bare number")
        << u"5"_s << qint64(-1)
        << u"duration '5' has no unit / write '5s' or '5ms' (units: ms, s, m, h)"_s;
    QTest::newRow("fraction")
        << u"1.5s"_s << qint64(-1)
        << u"'1.5s' is not a duration / write a whole number and a unit, like 500ms, 5s or 2m"_s;
    QTest::newRow("space")
        << u"5 s"_s << qint64(-1)
        << u"'5 s' is not a duration / write a whole number and a unit, like 500ms, 5s or 2m"_s;
    QTest::newRow("unknown unit")
        << u"5d"_s << qint64(-1)
        << u"'5d' is not a duration / write a whole number and a unit, like 500ms, 5s or 2m"_s;
    QTest::newRow("negative")
        << u"-5s"_s << qint64(-1)
        << u"'-5s' is not a duration / write a whole number and a unit, like 500ms, 5s or 2m"_s;
    QTest::newRow("too many digits")
        << u"12345678901s"_s << qint64(-1)
        << u"'12345678901s' is not a duration / write a whole number and a unit, like 500ms, 5s or 2m"_s;
}

void TestValueParsers::durations()
{
    QFETCH(QString, text);
    QFETCH(qint64, ms);
    QFETCH(QString, error);

    const Result<std::chrono::milliseconds> d = parseDuration(text);
    if (ms < 0) {
        QVERIFY(!d);
        QCOMPARE(d.error().message + u" / "_s + d.error().hint, error);
    } else {
        QVERIFY(d);
        QCOMPARE(qint64(d->count()), ms);
    }
}

void TestValueParsers::byteSizes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("bytes"); // -1: refused
    QTest::addColumn<QString>("error");

    const QString notASize = u"write a whole number and a unit, like 512KiB, 16MiB or 1GiB (or a "
                             "number of bytes)"_s;
    const QString outside = u"write a size between 4KiB and 1GiB, like 16MiB"_s;
    QTest::newRow("KiB") << u"512KiB"_s << qint64(512 * 1024) << QString();
    QTest::newRow("MiB") << u"16MiB"_s << qint64(16 * 1024 * 1024) << QString();
    QTest::newRow("MiB with space") << u"16 MiB"_s << qint64(16 * 1024 * 1024) << QString();
    QTest::newRow("GiB") << u"1GiB"_s << qint64(1024 * 1024 * 1024) << QString();
    QTest::newRow("bytes") << u"65536"_s << qint64(65536) << QString();
    QTest::newRow("decimal unit") << u"16MB"_s << qint64(-1)
                                  << u"'16MB' is not a size / "_s + notASize;
    QTest::newRow("fraction") << u"1.5MiB"_s << qint64(-1)
                              << u"'1.5MiB' is not a size / "_s + notASize;
    QTest::newRow("negative") << u"-1MiB"_s << qint64(-1)
                              << u"'-1MiB' is not a size / "_s + notASize;
    QTest::newRow("too small") << u"1KiB"_s << qint64(-1)
                               << u"size '1KiB' is outside 4KiB to 1GiB / "_s + outside;
    QTest::newRow("too large") << u"2GiB"_s << qint64(-1)
                               << u"size '2GiB' is outside 4KiB to 1GiB / "_s + outside;
    QTest::newRow("would overflow")
        << u"9999999999GiB"_s << qint64(-1)
        << u"size '9999999999GiB' is outside 4KiB to 1GiB / "_s + outside;
    QTest::newRow("overflowing digits")
        << u"99999999999GiB"_s << qint64(-1) << u"'99999999999GiB' is not a size / "_s + notASize;
}

void TestValueParsers::byteSizes()
{
    QFETCH(QString, text);
    QFETCH(qint64, bytes);
    QFETCH(QString, error);

    const Result<qint64> size = parseByteSize(text);
    if (bytes < 0) {
        QVERIFY(!size);
        QCOMPARE(size.error().message + u" / "_s + size.error().hint, error);
    } else {
        QVERIFY(size);
        QCOMPARE(*size, bytes);
    }
}

void TestValueParsers::prefixes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); // normalised prefix, or the error message

    QTest::newRow("v4 host") << u"203.0.113.10/32"_s << u"203.0.113.10/32"_s;
    QTest::newRow("v4 network") << u"198.51.100.0/24"_s << u"198.51.100.0/24"_s;
    QTest::newRow("v4 default") << u"0.0.0.0/0"_s << u"0.0.0.0/0"_s;
    QTest::newRow("v4 bare") << u"203.0.113.10"_s << u"203.0.113.10/32"_s;
    QTest::newRow("v6 host") << u"2001:db8:100::10/128"_s << u"2001:db8:100::10/128"_s;
    QTest::newRow("v6 network") << u"2001:db8:100::/48"_s << u"2001:db8:100::/48"_s;
    QTest::newRow("v6 odd length") << u"2001:db8:180::/41"_s << u"2001:db8:180::/41"_s;
    QTest::newRow("v6 bare, normalised") << u"2001:DB8:0::1"_s << u"2001:db8::1/128"_s;
    QTest::newRow("v4 host bits") << u"203.0.113.10/24"_s
                                  << u"prefix 203.0.113.10/24 has host bits set beyond /24"_s;
    QTest::newRow("v4 host bits odd length")
        << u"203.0.113.10/30"_s << u"prefix 203.0.113.10/30 has host bits set beyond /30"_s;
    QTest::newRow("v6 host bits in a partial byte")
        << u"2001:db8:1c0::/41"_s << u"prefix 2001:db8:1c0::/41 has host bits set beyond /41"_s;
    QTest::newRow("v4 too long")
        << u"203.0.113.10/33"_s
        << u"prefix length '33' of 203.0.113.10/33 is out of range for IPv4 (0-32)"_s;
    QTest::newRow("v6 too long")
        << u"2001:db8::/129"_s
        << u"prefix length '129' of 2001:db8::/129 is out of range for IPv6 (0-128)"_s;
    QTest::newRow("not a number") << u"2001:db8::/x"_s
                                  << u"'2001:db8::/x' is not an IPv4 or IPv6 prefix"_s;
    QTest::newRow("negative") << u"10.0.0.0/-1"_s
                              << u"'10.0.0.0/-1' is not an IPv4 or IPv6 prefix"_s;
    QTest::newRow("empty length") << u"10.0.0.0/"_s
                                  << u"'10.0.0.0/' is not an IPv4 or IPv6 prefix"_s;
    QTest::newRow("two slashes") << u"10.0.0.0/8/8"_s
                                 << u"'10.0.0.0/8/8' is not an IPv4 or IPv6 prefix"_s;
    QTest::newRow("bad octet") << u"203.0.113.300/32"_s
                               << u"'203.0.113.300/32' is not an IPv4 or IPv6 prefix"_s;
    QTest::newRow("scoped") << u"fe80::1%eth0"_s
                            << u"'fe80::1%eth0' is not an IPv4 or IPv6 prefix"_s;
    QTest::newRow("v4 leading zero")
        << u"203.0.113.010/32"_s
        << u"prefix '203.0.113.010/32' has an IPv4 octet with a leading zero ('010'), which is "
           u"read as octal: it would mean 203.0.113.8/32"_s;
    QTest::newRow("v4 leading zero, not octal")
        << u"203.0.113.09"_s
        << u"prefix '203.0.113.09' has an IPv4 octet with a leading zero ('09'), which is read "
           u"as octal"_s;
    QTest::newRow("v4 zero octet is fine") << u"10.0.0.0/8"_s << u"10.0.0.0/8"_s;
    QTest::newRow("v4 hex") << u"0xcb.0.113.10"_s
                            << u"prefix '0xcb.0.113.10' is not written as four decimal numbers: "
                               u"it would be read as 203.0.113.10"_s;
    QTest::newRow("v4 short form") << u"10.1/32"_s
                                   << u"prefix '10.1/32' is not written as four decimal numbers: "
                                      u"it would be read as 10.0.0.1/32"_s;
    QTest::newRow("v4 one number") << u"3405803786/32"_s
                                   << u"prefix '3405803786/32' is not written as four decimal "
                                      u"numbers: it would be read as 203.0.113.10/32"_s;
    QTest::newRow("v6 with zeros is fine") << u"2001:db8:0:0::010/128"_s << u"2001:db8::10/128"_s;
    QTest::newRow("name") << u"www.example.org"_s
                          << u"'www.example.org' is not an IPv4 or IPv6 prefix"_s;
}

void TestValueParsers::prefixes()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);

    const Result<Prefix> p = parsePrefix(text);
    QCOMPARE(p ? p->toString() : p.error().message, expected);
}

void TestValueParsers::templates_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("allowed");
    QTest::addColumn<QString>("error"); // empty: accepted

    const QStringList all = {u"vip"_s, u"host"_s, u"group"_s};
    QTest::newRow("all placeholders") << u"/run/{group}/{host}/{vip}.sock"_s << all << QString();
    QTest::newRow("no placeholder") << u"/run/haproxy/admin.sock"_s << all << QString();
    QTest::newRow("twice") << u"/{vip}/{vip}"_s << all << QString();
    QTest::newRow("unknown")
        << u"/run/{vips}.sock"_s << all
        << u"unknown placeholder {vips} in template '/run/{vips}.sock' / did you mean {vip}? placeholders here: {vip}, {host}, {group}"_s;
    QTest::newRow("unknown, nothing close")
        << u"/run/{service}.sock"_s << all
        << u"unknown placeholder {service} in template '/run/{service}.sock' / placeholders here: {vip}, {host}, {group}"_s;
    QTest::newRow("not allowed here")
        << u"/run/bird/{vip}.ctl"_s << QStringList{u"host"_s}
        << u"placeholder {vip} cannot be used in this template / placeholders here: {host}"_s;
    QTest::newRow("empty braces")
        << u"/run/{}.sock"_s << all
        << u"unknown placeholder {} in template '/run/{}.sock' / placeholders here: {vip}, {host}, {group}"_s;
    QTest::newRow("unclosed")
        << u"/run/{vip.sock"_s << all
        << u"unbalanced '{' in template '/run/{vip.sock' / placeholders here: {vip}, {host}, {group}"_s;
    QTest::newRow("nested")
        << u"/run/{v{ip}}.sock"_s << all
        << u"unbalanced '{' in template '/run/{v{ip}}.sock' / placeholders here: {vip}, {host}, {group}"_s;
    QTest::newRow("stray close")
        << u"/run/vip}.sock"_s << all
        << u"unbalanced '}' in template '/run/vip}.sock' / placeholders here: {vip}, {host}, {group}"_s;
    QTest::newRow("none allowed")
        << u"/x/{host}"_s << QStringList()
        << u"placeholder {host} cannot be used in this template / no placeholders are allowed here"_s;
}

void TestValueParsers::templates()
{
    QFETCH(QString, text);
    QFETCH(QStringList, allowed);
    QFETCH(QString, error);

    const Result<void> r = checkTemplate(text, allowed);
    QCOMPARE(r ? QString() : r.error().message + u" / "_s + r.error().hint, error);
}

void TestValueParsers::expansion()
{
    QCOMPARE(expandTemplate(u"/run/{group}/{host}/{vip}-{vip}.sock"_s,
                            {{u"vip"_s, u"web"_s}, {u"host"_s, u"lb1"_s}, {u"group"_s, u"g"_s}}),
             u"/run/g/lb1/web-web.sock"_s);
    // Placeholders without a value stay for later (discovery).
    QCOMPARE(expandTemplate(u"/run/{host}/{vip}.sock"_s, {{u"host"_s, u"lb1"_s}}),
             u"/run/lb1/{vip}.sock"_s);
}

void TestValueParsers::names_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");

    QTest::newRow("plain") << u"lb1"_s << true;
    QTest::newRow("dash dot underscore") << u"tenant-a.eu_1"_s << true;
    QTest::newRow("digit first") << u"3rd"_s << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("dash first") << u"-lb"_s << false;
    QTest::newRow("dot first") << u".hidden"_s << false;
    QTest::newRow("space") << u"lb 1"_s << false;
    QTest::newRow("slash") << u"../etc"_s << false;
    QTest::newRow("brace") << u"{vip}"_s << false;
    QTest::newRow("shell") << u"a;rm"_s << false;
    QTest::newRow("non-ascii") << u"lb\u00e9"_s << false;
    QTest::newRow("non-ascii first") << u"\u00e9lb"_s << false;
}

void TestValueParsers::names()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(isValidName(name), valid);
}

void TestValueParsers::suggestions_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QStringList>("candidates");
    QTest::addColumn<QString>("expected");

    const QStringList keys = {u"stats_socket"_s, u"master_socket"_s, u"config"_s};
    QTest::newRow("typo") << u"stat_socket"_s << keys << u"did you mean 'stats_socket'?"_s;
    QTest::newRow("case") << u"Config"_s << keys << u"did you mean 'config'?"_s;
    QTest::newRow("far") << u"colour"_s << keys
                         << u"use one of: 'stats_socket', 'master_socket', 'config'"_s;
    QTest::newRow("nothing to offer") << u"x"_s << QStringList() << QString();
    QStringList many;
    for (int i = 0; i < 15; ++i)
        many.append(u"group%1"_s.arg(i));
    QTest::newRow("long list")
        << u"zzzzzzzz"_s << many
        << u"use one of: 'group0', 'group1', 'group2', 'group3', 'group4', 'group5', 'group6', "
           u"'group7', 'group8', 'group9', 'group10', 'group11', ... (3 more)"_s;
}

void TestValueParsers::suggestions()
{
    QFETCH(QString, word);
    QFETCH(QStringList, candidates);
    QFETCH(QString, expected);
    QCOMPARE(suggestion(word, candidates), expected);
}

} // namespace vipdeck

QTEST_GUILESS_MAIN(vipdeck::TestValueParsers)
#include "tst_valueparsers.moc"
