// vipdeckctl on a terminal, as an admin runs it: the real binary on a new
// pseudo-terminal (forkpty) against the lab.  The preview of a change is on
// the screen before "Apply? [yes/no]" is asked, the answer typed on the
// terminal is obeyed, and health words are coloured on a terminal unless
// NO_COLOR, TERM=dumb or --no-color say otherwise (and never through a pipe).

#include "tests/support/lab.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using vipdeck::test::Lab;

namespace {

struct TerminalRun
{
    int code = -1;     // exit code, -1 when it did not exit normally in time
    QByteArray output; // everything written to the terminal, in order
    bool answered = false;
};

// Runs vipdeckctl with `arguments` on a new pseudo-terminal, its standard
// input, output and error all on it.  Once `prompt` has appeared, types
// `answer`.  Extra environment `set` (NAME=value) and `unset` apply to the
// child only.  Gives up after 120 s (a failure, never a wait for a result).
TerminalRun runOnTerminal(const QStringList &arguments, const QByteArray &prompt = {},
                          const QByteArray &answer = {}, const QStringList &set = {},
                          const QStringList &unset = {})
{
    QList<QByteArray> argv{QByteArrayLiteral(VIPDECKCTL_PATH)};
    for (const QString &argument : arguments)
        argv << argument.toUtf8();
    QList<char *> pointers;
    for (QByteArray &a : argv)
        pointers << a.data();
    pointers << nullptr;
    QList<QByteArray> setValues;
    for (const QString &s : set)
        setValues << s.toUtf8();
    QList<QByteArray> unsetNames;
    for (const QString &s : unset)
        unsetNames << s.toUtf8();

    TerminalRun run;
    int master = -1;
    winsize size{};
    size.ws_row = 50;
    size.ws_col = 200;
    const pid_t pid = forkpty(&master, nullptr, nullptr, &size);
    if (pid < 0)
        return run;
    if (pid == 0) {
        for (QByteArray &s : setValues)
            putenv(s.data());
        for (const QByteArray &name : unsetNames)
            unsetenv(name.constData());
        execv(pointers.first(), pointers.data());
        _exit(127);
    }
    const QDeadlineTimer deadline(std::chrono::seconds{120});
    for (;;) {
        pollfd fd{master, POLLIN, 0};
        const int ready = poll(&fd, 1, int(std::max<qint64>(0, deadline.remainingTime())));
        if (ready <= 0) {
            if (ready < 0 && errno == EINTR)
                continue;
            kill(pid, SIGKILL); // our own child, by its PID
            break;
        }
        char buffer[4096];
        const ssize_t n = read(master, buffer, sizeof buffer);
        if (n <= 0) // EIO: every process holding the terminal has closed it
            break;
        run.output.append(buffer, n);
        if (!prompt.isEmpty() && !run.answered && run.output.contains(prompt)) {
            run.answered = true;
            if (write(master, answer.constData(), size_t(answer.size())) != answer.size())
                break;
        }
    }
    int status = 0;
    waitpid(pid, &status, 0);
    close(master);
    run.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

} // namespace

class TestCtlTerminal : public QObject
{
    Q_OBJECT

    Lab m_lab = Lab::fromEnvironment();
    QTemporaryDir m_dir; // settings, the audit log
    QString m_audit;

    QStringList fleet() const { return {u"--fleet"_s, m_lab.fleetFile()}; }

    // The servers as `servers --json` sees them, through a pipe.
    QJsonArray servers(const QString &name)
    {
        QProcess process;
        process.start(QStringLiteral(VIPDECKCTL_PATH),
                      QStringList{u"servers"_s, name, u"--json"_s} + fleet());
        process.waitForFinished(120'000);
        return QJsonDocument::fromJson(process.readAllStandardOutput())
            .object()
            .value(u"servers"_s)
            .toArray();
    }

    QStringList adminStates(const QString &name)
    {
        QStringList states;
        for (const QJsonValue server : servers(name))
            states << server[u"admin"_s].toString();
        return states;
    }

    // `drain web-02` without --yes, answering its question with `answer`.
    TerminalRun drainWeb02(const QByteArray &answer)
    {
        return runOnTerminal(QStringList{u"drain"_s, u"web-02"_s, u"--reason"_s, u"terminal test"_s,
                                         u"--audit"_s, m_audit} +
                                 fleet(),
                             "[yes/no]", answer);
    }

private slots:
    void initTestCase()
    {
        if (!m_lab.isAvailable())
            QFAIL("needs the lab (run through ctest: fixture lab_up)");
        QVERIFY(m_dir.isValid());
        m_audit = m_dir.filePath(u"audit.sqlite"_s);
        // The child inherits these: no settings of this machine, English words.
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(u"config"_s).toUtf8());
        qputenv("LANGUAGE", "");
        qputenv("LC_ALL", "C.UTF-8");
        qunsetenv("NO_COLOR");
        qputenv("TERM", "xterm-256color");
    }

    void previewComesBeforeTheQuestion()
    {
        QCOMPARE(adminStates(u"web-02"_s), (QStringList{u"ready"_s, u"ready"_s}));
        const TerminalRun run = drainWeb02("no\n");
        const QString out = QString::fromUtf8(run.output);
        QVERIFY2(run.answered, qPrintable(out));
        QCOMPARE(run.code, 1); // declined
        const qsizetype preview = out.indexOf(u"drain web-02 on 2 target(s)"_s);
        const qsizetype table = out.indexOf(u"USABLE"_s);
        const qsizetype question = out.indexOf(u"Apply to 2 target(s)? [yes/no]"_s);
        QVERIFY2(preview >= 0 && table > preview && question > table, qPrintable(out));
        QVERIFY2(out.indexOf(u"Cancelled; nothing was changed."_s) > question, qPrintable(out));
        QCOMPARE(adminStates(u"web-02"_s), (QStringList{u"ready"_s, u"ready"_s}));
        QVERIFY2(!QFile::exists(m_audit), "a declined change writes no audit record");
    }

    void answerYesOnTheTerminal()
    {
        const TerminalRun run = drainWeb02("yes\n");
        const QString out = QString::fromUtf8(run.output);
        QVERIFY2(run.answered && run.code == 0, qPrintable(out));
        QVERIFY2(out.contains(u"2 of 2 targets done"_s), qPrintable(out));
        QCOMPARE(adminStates(u"web-02"_s), (QStringList{u"drain"_s, u"drain"_s}));

        // Back in service; --yes answers without a question.
        const TerminalRun back =
            runOnTerminal(QStringList{u"ready"_s, u"web-02"_s, u"--reason"_s,
                                      u"terminal test done"_s, u"--yes"_s, u"--audit"_s, m_audit} +
                          fleet());
        QVERIFY2(back.code == 0 && !back.output.contains("[yes/no]"), back.output.constData());
        QCOMPARE(adminStates(u"web-02"_s), (QStringList{u"ready"_s, u"ready"_s}));
    }

    void coloursOnATerminalOnly_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QStringList>("set");
        QTest::addColumn<QStringList>("unset");
        QTest::addColumn<bool>("coloured");
        QTest::newRow("terminal") << QStringList() << QStringList() << QStringList() << true;
        QTest::newRow("NO_COLOR") << QStringList() << QStringList{u"NO_COLOR=1"_s} << QStringList()
                                  << false;
        QTest::newRow("NO_COLOR empty")
            << QStringList() << QStringList{u"NO_COLOR="_s} << QStringList() << true;
        QTest::newRow("TERM=dumb")
            << QStringList() << QStringList{u"TERM=dumb"_s} << QStringList() << false;
        QTest::newRow("--no-color")
            << QStringList{u"--no-color"_s} << QStringList() << QStringList() << false;
    }
    void coloursOnATerminalOnly()
    {
        QFETCH(QStringList, extra);
        QFETCH(QStringList, set);
        QFETCH(QStringList, unset);
        QFETCH(bool, coloured);
        // status colours its health words, events their severities.
        for (const QString &command : {u"status"_s, u"vips"_s}) {
            const TerminalRun run =
                runOnTerminal(QStringList{command} + extra + fleet(), {}, {}, set, unset);
            QVERIFY2(run.code == 0, run.output.constData());
            QVERIFY2(run.output.contains("healthy"), run.output.constData());
            // The progress line may erase itself (ESC [ K); colours are ESC [ ... m.
            const bool hasColour = QRegularExpression(u"\x1b\\[[0-9;]+m"_s)
                                       .match(QString::fromUtf8(run.output))
                                       .hasMatch();
            QVERIFY2(hasColour == coloured, run.output.toPercentEncoding(" \n").constData());
        }
    }

    void noColourThroughAPipe()
    {
        QProcess process;
        process.start(QStringLiteral(VIPDECKCTL_PATH), QStringList{u"status"_s} + fleet());
        QVERIFY(process.waitForFinished(120'000));
        const QByteArray out = process.readAllStandardOutput();
        QVERIFY2(out.contains("healthy") && !out.contains('\x1b'), out.constData());
    }

    void passphraseAskedOnceOnTheTerminalOnly()
    {
        // The lab's client key, encrypted, and a fleet that uses it without
        // the agent: vipdeckctl asks on the terminal, once for both hosts,
        // without echo; through a pipe it asks nothing and says why it failed.
        const QString key = m_dir.filePath(u"encrypted_ed25519"_s);
        QFile::remove(key);
        QVERIFY(QFile::copy(m_lab.clientKey(), key));
        QFile::setPermissions(key, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QProcess keygen;
        keygen.start(u"ssh-keygen"_s,
                     {u"-q"_s, u"-p"_s, u"-f"_s, key, u"-P"_s, QString(), u"-N"_s, u"s3cret"_s});
        QVERIFY(keygen.waitForFinished(60'000) && keygen.exitCode() == 0);
        QFile labFleet(m_lab.fleetFile());
        QVERIFY(labFleet.open(QIODevice::ReadOnly));
        QString yaml = QString::fromUtf8(labFleet.readAll());
        QVERIFY(yaml.contains(m_lab.clientKey()));
        yaml.replace(m_lab.clientKey(), key);
        const QString fleetFile = m_dir.filePath(u"encrypted-fleet.yaml"_s);
        QFile out(fleetFile);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(yaml.toUtf8());
        out.close();

        const QStringList status{u"status"_s, u"--json"_s, u"--fleet"_s, fleetFile};
        const TerminalRun run =
            runOnTerminal(status, "Enter passphrase for key '" + key.toUtf8() + "'", "s3cret\n");
        const QString text = QString::fromUtf8(run.output);
        QVERIFY2(run.answered, qPrintable(text));
        QVERIFY2(run.code == 0, qPrintable(text));
        QCOMPARE(text.count(u"Enter passphrase for key"_s), 1);
        QVERIFY2(!text.contains(u"s3cret"_s), qPrintable(text)); // not echoed
        QVERIFY2(text.contains(u"\"reachable\": true"_s), qPrintable(text));

        QProcess piped;
        piped.setStandardInputFile(QProcess::nullDevice());
        piped.start(QStringLiteral(VIPDECKCTL_PATH), status);
        QVERIFY(piped.waitForFinished(120'000));
        const QString err = QString::fromUtf8(piped.readAllStandardError());
        QVERIFY2(!err.contains(u"Enter passphrase"_s), qPrintable(err));
        QVERIFY2(err.contains(u"is encrypted and no passphrase was given"_s), qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(TestCtlTerminal)
#include "tst_ctlterminal.moc"
