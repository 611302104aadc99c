// Peers that never stop sending, run against the real vipdeckctl on the lab.
// In a copy of the lab's fleet file, lb2's BIRD control socket is a local
// server that writes forever and web's stats socket on lb1 one that sends
// 100 MB in one reply; everything else is the real lab, over real SSH.  The
// command must fail exactly those two reads with an error naming host,
// socket, commands and limit, keep the rest of the fleet fresh, and stay
// below its reply limits plus 64 MiB of peak memory (measured with wait4).

#include "tests/support/lab.h"
#include "tests/support/sendingpeer.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

using namespace Qt::StringLiterals;
using vipdeck::test::Lab;
using vipdeck::test::SendingPeer;

namespace {

struct Run
{
    int exitCode = -1;
    long peakRssKib = 0;
    QByteArray out;
};

// Runs vipdeckctl as a child with its output in a file; the peak RSS comes
// from wait4(), which reports exactly that child.
Run runVipdeckctl(const QStringList &arguments, const QString &outputFile)
{
    QList<QByteArray> args{QByteArrayLiteral(VIPDECKCTL_PATH)};
    for (const QString &argument : arguments)
        args << argument.toUtf8();
    std::vector<char *> argv;
    for (QByteArray &arg : args)
        argv.push_back(arg.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, QFile::encodeName(outputFile).constData(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    Run run;
    pid_t pid = 0;
    if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0)
        return run;
    posix_spawn_file_actions_destroy(&actions);
    int status = 0;
    rusage usage{};
    if (::wait4(pid, &status, 0, &usage) != pid)
        return run;
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.peakRssKib = usage.ru_maxrss;
    QFile out(outputFile);
    if (out.open(QIODevice::ReadOnly))
        run.out = out.readAll();
    return run;
}

QJsonObject hostOf(const QJsonObject &status, const QString &name)
{
    for (const QJsonValue host : status.value(u"hosts"_s).toArray()) {
        if (host.toObject().value(u"name"_s).toString() == name)
            return host.toObject();
    }
    return {};
}

QJsonObject placementOf(const QJsonObject &status, const QString &vip, const QString &host)
{
    for (const QJsonValue v : status.value(u"vips"_s).toArray()) {
        if (v.toObject().value(u"name"_s).toString() != vip)
            continue;
        for (const QJsonValue p : v.toObject().value(u"placements"_s).toArray()) {
            if (p.toObject().value(u"host"_s).toString() == host)
                return p.toObject();
        }
    }
    return {};
}

} // namespace

class TestBoundedReplies : public QObject
{
    Q_OBJECT

private:
    Lab m_lab = Lab::fromEnvironment();

private slots:
    void initTestCase()
    {
        if (!m_lab.isAvailable())
            QFAIL("needs the lab (run through ctest: fixture lab_up)");
        signal(SIGPIPE, SIG_IGN);
    }

    void endlessAndHugePeersCostTheirLimitOnly()
    {
        // The peers' directory must be reachable for the lab's SSH user.
        QTemporaryDir dir(QDir::tempPath() + u"/vipdeck-peers-XXXXXX"_s);
        QVERIFY(dir.isValid());
        QVERIFY(::chmod(QFile::encodeName(dir.path()).constData(), 0755) == 0);
        const QString endless = dir.filePath(u"bird-endless.ctl"_s);
        const QString huge = dir.filePath(u"web.sock"_s);
        SendingPeer endlessPeer(endless, -1);
        SendingPeer hugePeer(huge, qint64(100) * 1000 * 1000);

        // lb1's VIPs other than web reach their real sockets through symlinks.
        const QJsonObject state = m_lab.state();
        for (const QJsonValue h : state.value(u"hosts"_s).toArray()) {
            if (h[u"name"_s].toString() != u"lb1"_s)
                continue;
            const QJsonObject vips = h[u"vips"_s].toObject();
            for (auto it = vips.begin(); it != vips.end(); ++it) {
                if (it.key() != u"web"_s)
                    QVERIFY(QFile::link(it.value()[u"stats_socket"_s].toString(),
                                        dir.filePath(it.key() + u".sock"_s)));
            }
        }

        QFile original(m_lab.fleetFile());
        QVERIFY(original.open(QIODevice::ReadOnly));
        QString yaml = QString::fromUtf8(original.readAll());
        const qsizetype lb1 = yaml.indexOf(u"  - name: lb1\n"_s);
        const qsizetype lb2 = yaml.indexOf(u"  - name: lb2\n"_s);
        QVERIFY(lb1 >= 0 && lb2 > lb1);
        yaml.insert(lb2 + 14, u"    bird:\n      control_socket: \"%1\"\n"_s.arg(endless));
        yaml.insert(lb1 + 14,
                    u"    haproxy:\n      stats_socket: \"%1/{vip}.sock\"\n"_s.arg(dir.path()));
        const QString fleet = dir.filePath(u"fleet.yaml"_s);
        QFile copy(fleet);
        QVERIFY(copy.open(QIODevice::WriteOnly));
        copy.write(yaml.toUtf8());
        copy.close();

        const Run run = runVipdeckctl({u"status"_s, u"--json"_s, u"--fleet"_s, fleet},
                                      dir.filePath(u"out.json"_s));
        const QJsonObject status = QJsonDocument::fromJson(run.out).object();
        QVERIFY2(!status.isEmpty(), run.out.left(2000).constData());

        // lb2: reachable; only its BIRD read failed, naming what and the limit.
        const QJsonObject lb2Host = hostOf(status, u"lb2"_s);
        QVERIFY2(lb2Host.value(u"reachable"_s).toBool(),
                 QJsonDocument(lb2Host).toJson().constData());
        const QJsonObject birdError = lb2Host.value(u"error"_s).toObject();
        QCOMPARE(birdError.value(u"code"_s).toString(), u"reply-too-large"_s);
        QCOMPARE(birdError.value(u"where"_s).toString(), u"lb2:"_s + endless);
        const QString birdText = birdError.value(u"text"_s).toString();
        QVERIFY2(birdText.contains(u"'show status; show protocols all"_s) &&
                     birdText.contains(u"32 MiB"_s) && birdText.contains(u"bird.reply_limit"_s),
                 qPrintable(birdText));
        // What lb2 announces comes from the route reflectors (observers),
        // which still hold its paths: its real BIRD runs.
        const QJsonObject api = placementOf(status, u"api"_s, u"lb2"_s);
        QCOMPARE(api.value(u"announcement_source"_s).toString(), u"observers"_s);
        QCOMPARE(api.value(u"announced"_s), QJsonValue(true));
        QCOMPARE(api.value(u"health"_s).toString(), u"healthy"_s);
        QVERIFY(api.value(u"error"_s).isNull());

        // web on lb1: that placement only.
        const QJsonObject web = placementOf(status, u"web"_s, u"lb1"_s);
        const QJsonObject webError = web.value(u"error"_s).toObject();
        QCOMPARE(webError.value(u"code"_s).toString(), u"reply-too-large"_s);
        QCOMPARE(webError.value(u"where"_s).toString(), u"lb1:"_s + huge);
        const QString webText = webError.value(u"text"_s).toString();
        QVERIFY2(webText.contains(u"'show info; show stat; show servers state'"_s) &&
                     webText.contains(u"16 MiB"_s),
                 qPrintable(webText));
        for (const QString &vip : {u"api"_s, u"mail"_s, u"shop"_s}) {
            const QJsonObject fine = placementOf(status, vip, u"lb1"_s);
            QVERIFY2(fine.value(u"health"_s).toString() == u"healthy"_s,
                     QJsonDocument(fine).toJson().constData());
        }
        QCOMPARE(hostOf(status, u"lb1"_s).value(u"health"_s).toString(), u"healthy"_s);

        // Memory: the two limits (16 MiB + 32 MiB) plus 64 MiB.
        constexpr long limitsKib = (16 + 32) * 1024;
        qInfo("peak RSS of vipdeckctl: %ld KiB (bound %ld KiB); the peers sent %lld and %lld "
              "bytes",
              run.peakRssKib, limitsKib + 64 * 1024, qint64(endlessPeer.bytesSent()),
              qint64(hugePeer.bytesSent()));
        QVERIFY(run.peakRssKib > 0);
        QVERIFY(hugePeer.bytesSent() >= 16 * 1024 * 1024);
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
        // AddressSanitizer keeps freed memory in quarantine and adds shadow
        // memory, ThreadSanitizer shadow memory and its own allocator: the
        // peak says nothing about vipdeckctl's own use there.
        QSKIP("peak RSS is not measurable under a sanitizer; the normal build asserts it");
#endif
        QVERIFY2(run.peakRssKib < limitsKib + 64 * 1024,
                 qPrintable(QString::number(run.peakRssKib)));
    }
};

QTEST_GUILESS_MAIN(TestBoundedReplies)
#include "tst_boundedreplies.moc"
