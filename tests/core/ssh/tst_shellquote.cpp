// shellQuote/shellCommand and the glob command: checked by running what they
// produce through a real /bin/sh and comparing the argv it receives.

#include "core/ssh/globpattern.h"
#include "core/ssh/shellquote.h"
#include "tests/support/testdata.h"

#include <QLocalServer>
#include <QProcess>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vipdeck;

namespace {

// Runs `script` with /bin/sh -c and returns its stdout.
QByteArray runShell(const QString &script)
{
    QProcess sh;
    sh.start(u"/bin/sh"_s, {u"-c"_s, script});
    if (!sh.waitForFinished(10'000))
        qFatal("sh did not finish");
    return sh.readAllStandardOutput();
}

} // namespace

class TestShellQuote : public QObject
{
    Q_OBJECT
private slots:
    void quotesForTheShell_data();
    void quotesForTheShell();
    void quotedFormIsExact();
    void refusesEmptyAndNul();
    void globValidation_data();
    void globValidation();
    void globCommandMatchesLocalExpansion();
};

void TestShellQuote::quotesForTheShell_data()
{
    QTest::addColumn<QString>("argument");
    QTest::newRow("plain") << u"show"_s;
    QTest::newRow("empty") << QString();
    QTest::newRow("space") << u"two words"_s;
    QTest::newRow("single quote") << u"it's"_s;
    QTest::newRow("only quotes") << u"'''"_s;
    QTest::newRow("command substitution") << u"$(touch /tmp/vipdeck-pwned)"_s;
    QTest::newRow("backquotes") << u"`id`"_s;
    QTest::newRow("variable") << u"$HOME ${PATH}"_s;
    QTest::newRow("separators") << u"a; rm -rf / && b || c | d & e"_s;
    QTest::newRow("redirection") << u"> /tmp/x < /etc/passwd 2>&1"_s;
    QTest::newRow("newline") << u"line1\nline2; id"_s;
    QTest::newRow("backslashes") << u"\\' \\\\ \\n"_s;
    QTest::newRow("glob") << u"/etc/*"_s;
    QTest::newRow("tilde") << u"~root"_s;
    QTest::newRow("leading dash") << u"-rf"_s;
    QTest::newRow("quote break attempt") << u"'; id; echo '"_s;
    QTest::newRow("double quotes") << u"\"$(id)\""_s;
    QTest::newRow("utf-8") << u"caf\u00e9 \u2603"_s;
    QTest::newRow("history") << u"!! !-1"_s;
    QTest::newRow("tab and cr") << u"a\tb\rc"_s;
}

void TestShellQuote::quotesForTheShell()
{
    QFETCH(QString, argument);
    // printf receives exactly one argument per quoted word; NUL-separated so
    // newlines inside arguments survive the comparison.
    const auto command = shellCommand({u"printf"_s, u"%s\\000"_s, argument, u"second"_s, argument});
    QVERIFY(command.ok());
    const QByteArray out = runShell(*command);
    const QList<QByteArray> words = out.split('\0');
    QCOMPARE(words.size(), 4); // three arguments, then what follows the last NUL
    QCOMPARE(QString::fromUtf8(words.at(0)), argument);
    QCOMPARE(words.at(1), "second");
    QCOMPARE(QString::fromUtf8(words.at(2)), argument);
    QVERIFY(!QFile::exists(u"/tmp/vipdeck-pwned"_s));
}

void TestShellQuote::quotedFormIsExact()
{
    QCOMPARE(shellQuote(u"it's"_s), u"'it'\\''s'"_s);
    QCOMPARE(shellQuote(QString()), u"''"_s);
    QCOMPARE(*shellCommand({u"haproxy"_s, u"-c"_s, u"-f"_s, u"/etc/a b.cfg"_s}),
             u"'haproxy' '-c' '-f' '/etc/a b.cfg'"_s);
}

void TestShellQuote::refusesEmptyAndNul()
{
    QCOMPARE(shellCommand({}).error().code, ErrorCode::InvalidArgument);
    const QString withNul = u"a"_s + QChar(0) + u"b"_s;
    QCOMPARE(shellCommand({u"echo"_s, withNul}).error().code, ErrorCode::InvalidArgument);
}

void TestShellQuote::globValidation_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<bool>("valid");
    QTest::newRow("typical") << u"/run/haproxy/*/stats.sock"_s << true;
    QTest::newRow("prefix star") << u"/run/haproxy/vip-*.sock"_s << true;
    QTest::newRow("several stars") << u"/run/*/*-x/*.sock"_s << true;
    QTest::newRow("path characters") << u"/a_b.c-d/e@f%g+h=i,j:k/*"_s << true;
    QTest::newRow("relative") << u"run/*.sock"_s << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("space") << u"/run/a b/*"_s << false;
    QTest::newRow("semicolon") << u"/run/*;id"_s << false;
    QTest::newRow("dollar") << u"/run/$(id)/*"_s << false;
    QTest::newRow("backquote") << u"/run/`id`"_s << false;
    QTest::newRow("quote") << u"/run/'*'"_s << false;
    QTest::newRow("double quote") << u"/run/\"*\""_s << false;
    QTest::newRow("newline") << u"/run/*\n/etc/passwd"_s << false;
    QTest::newRow("question mark") << u"/run/?.sock"_s << false;
    QTest::newRow("bracket") << u"/run/[ab].sock"_s << false;
    QTest::newRow("brace") << u"/run/{a,b}.sock"_s << false;
    QTest::newRow("tilde") << u"/~root/*"_s << false;
    QTest::newRow("pipe") << u"/run/*|sh"_s << false;
    QTest::newRow("ampersand") << u"/run/*&"_s << false;
    QTest::newRow("redirect") << u"/run/*>x"_s << false;
    QTest::newRow("backslash") << u"/run/\\*"_s << false;
    QTest::newRow("non-ascii") << u"/run/caf\u00e9/*"_s << false;
}

void TestShellQuote::globValidation()
{
    QFETCH(QString, pattern);
    QFETCH(bool, valid);
    const auto result = validateGlobPattern(pattern);
    QCOMPARE(result.ok(), valid);
    QCOMPARE(globShellCommand(pattern).ok(), valid);
    QCOMPARE(expandGlobLocally(pattern).ok(), valid);
    if (!valid) {
        QCOMPARE(result.error().code, ErrorCode::InvalidArgument);
        QVERIFY(!result.error().hint.isEmpty());
    }
}

void TestShellQuote::globCommandMatchesLocalExpansion()
{
    test::TempDir dir;
    dir.write(u"vip-a/stats.sock.txt"_s, "not a socket");
    dir.write(u"vip-b/other"_s, "");
    dir.write(u".hidden/stats.sock"_s, "");
    dir.write(u"with space/stats.sock"_s, ""); // reachable only through '*'
    QDir(dir.path()).mkpath(u"vip-c"_s);
    QDir(dir.path()).mkpath(u"vip-d"_s);
    // Real UNIX sockets: what discovery looks for.
    QLocalServer c, d;
    QVERIFY(c.listen(dir.filePath(u"vip-c/stats.sock"_s)));
    QVERIFY(d.listen(dir.filePath(u"vip-d/stats.sock"_s)));

    const QString root = QDir(dir.path()).canonicalPath();
    const QStringList expected{root + u"/vip-c/stats.sock"_s, root + u"/vip-d/stats.sock"_s};
    // The temp dir path itself must pass validation for this test.
    const QString pattern = root + u"/*/stats.sock"_s;
    QVERIFY2(validateGlobPattern(pattern).ok(), qPrintable(pattern));

    const auto local = expandGlobLocally(pattern);
    QVERIFY(local.ok());
    // 'with space' matches too: a space is forbidden in the pattern, not in matches.
    QCOMPARE(*local, QStringList(expected) << root + u"/with space/stats.sock"_s);

    const auto command = globShellCommand(pattern);
    QVERIFY(command.ok());
    QCOMPARE(parseGlobOutput(runShell(*command)), *local);

    // No match: nothing, not the literal pattern.
    const auto none = globShellCommand(root + u"/*/missing.sock"_s);
    QVERIFY(parseGlobOutput(runShell(*none)).isEmpty());
    QVERIFY(expandGlobLocally(root + u"/*/missing.sock"_s)->isEmpty());

    // A pattern without '*' names one path.
    QCOMPARE(*expandGlobLocally(expected.first()), QStringList{expected.first()});
    QCOMPARE(parseGlobOutput(runShell(*globShellCommand(expected.first()))),
             QStringList{expected.first()});
}

QTEST_GUILESS_MAIN(TestShellQuote)
#include "tst_shellquote.moc"
