// Reading a VIP's HAProxy configuration from a host: the dump command run by
// the real /bin/sh on files in a temporary directory (what the SSH exec path
// runs on an LB host), its output split back into files, and broken outputs.

#include "core/fleet/servicepath.h"

#include <QLocalServer>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vipdeck;

namespace {

const QString Boundary = u"--vipdeck-0123456789abcdef0123456789abcdef--"_s;

struct Dump
{
    QByteArray out;
    QByteArray err;
};

Dump runDump(const QStringList &paths)
{
    const QStringList argv = configDumpCommand(paths, Boundary);
    QProcess process;
    process.start(argv.first(), argv.mid(1));
    if (!process.waitForFinished(30000))
        qFatal("the dump command did not finish");
    return {process.readAllStandardOutput(), process.readAllStandardError()};
}

// One path's entry; an error naming the path when the dump left it out.
Result<QList<ConfigFile>> fileAt(const QHash<QString, Result<QList<ConfigFile>>> &files,
                                 const QString &path)
{
    const auto it = files.constFind(path);
    if (it == files.constEnd())
        return Error(ErrorCode::Internal, u"not in the dump: "_s + path);
    return it.value();
}

void write(const QString &path, const QByteArray &contents)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(contents);
}

} // namespace

class TestServicePath : public QObject
{
    Q_OBJECT

private slots:
    void filesAndDirectoriesAsHaproxyReadsThem()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString single = dir.filePath(u"web.cfg"_s);
        write(single, "frontend fe\n    bind :80\n    default_backend be\n");
        QVERIFY(QDir(dir.path()).mkdir(u"conf.d"_s));
        const QString conf = dir.filePath(u"conf.d"_s);
        write(conf + u"/20-backends.cfg"_s, "backend be\n    server s1 10.0.0.1:80"); // no newline
        write(conf + u"/10-front.cfg"_s, "frontend fe\n");
        write(conf + u"/.hidden.cfg"_s, "junk\n");
        write(conf + u"/notes.txt"_s, "junk\n");
        write(conf + u"/B-upper.cfg"_s, "");
        const QString missing = dir.filePath(u"missing.cfg"_s);
        const QString emptyDir = dir.filePath(u"empty.d"_s);
        QVERIFY(QDir(dir.path()).mkdir(u"empty.d"_s));

        const Dump dump = runDump({single, conf, missing, emptyDir});
        const auto files = parseConfigDump(dump.out, dump.err, Boundary, u"lb1"_s);
        QCOMPARE(files.size(), 4);

        QVERIFY(fileAt(files, single).ok());
        QCOMPARE(fileAt(files, single)->size(), 1);
        QCOMPARE(fileAt(files, single)->first().name, single);
        QCOMPARE(fileAt(files, single)->first().contents,
                 QByteArray("frontend fe\n    bind :80\n    default_backend be\n"));

        // HAProxy's order for -f DIR: *.cfg, no dot files, byte order.
        QVERIFY(fileAt(files, conf).ok());
        QStringList names;
        // Kept in a variable: a range-for over *fileAt(...) would outlive the Result.
        const Result<QList<ConfigFile>> confFiles = fileAt(files, conf);
        for (const ConfigFile &file : *confFiles)
            names << QFileInfo(file.name).fileName();
        QCOMPARE(names, (QStringList{u"10-front.cfg"_s, u"20-backends.cfg"_s, u"B-upper.cfg"_s}));
        QCOMPARE(fileAt(files, conf)->at(1).contents,
                 QByteArray("backend be\n    server s1 10.0.0.1:80"));
        QCOMPARE(fileAt(files, conf)->at(2).contents, QByteArray());

        QVERIFY(!fileAt(files, missing).ok());
        QCOMPARE(fileAt(files, missing).error().where, u"lb1:"_s + missing);
        QVERIFY(fileAt(files, missing).error().message.contains(u"no such file"_s));
        QVERIFY(!fileAt(files, emptyDir).ok());
        QVERIFY(fileAt(files, emptyDir).error().message.contains(u"no .cfg file"_s));
    }

    void unreadableFileIsAnError()
    {
        // Something cat cannot read even as root: a UNIX socket.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QLocalServer server;
        server.setSocketOptions(QLocalServer::WorldAccessOption);
        const QString socket = dir.filePath(u"web.cfg"_s);
        QVERIFY2(server.listen(socket), qPrintable(server.errorString()));
        const Dump dump = runDump({socket});
        const auto files = parseConfigDump(dump.out, dump.err, Boundary, u"lb1"_s);
        QVERIFY(!fileAt(files, socket).ok());
        QCOMPARE(fileAt(files, socket).error().where, u"lb1:"_s + socket);
        QVERIFY2(fileAt(files, socket).error().message.contains(u"cannot read"_s) &&
                     fileAt(files, socket).error().message.contains(u"cat:"_s),
                 qPrintable(fileAt(files, socket).error().toString()));
    }

    void bannerAndBrokenOutput()
    {
        // A shell rc file that prints a banner before our records.
        const QByteArray banner = "Welcome to lb1\n" + Boundary.toUtf8() + " P /etc/h.cfg\n" +
                                  Boundary.toUtf8() + " F /etc/h.cfg\nbackend be\n\n" +
                                  Boundary.toUtf8() + " E 0\n";
        auto files = parseConfigDump(banner, {}, Boundary, u"lb1"_s);
        QVERIFY(fileAt(files, u"/etc/h.cfg"_s).ok());
        QCOMPARE(fileAt(files, u"/etc/h.cfg"_s)->first().contents, QByteArray("backend be\n"));

        // Cut off inside a file (the connection dropped).
        const QByteArray cut =
            Boundary.toUtf8() + " P /etc/h.cfg\n" + Boundary.toUtf8() + " F /etc/h.cfg\nbackend";
        files = parseConfigDump(cut, {}, Boundary, u"lb1"_s);
        QVERIFY(!fileAt(files, u"/etc/h.cfg"_s).ok());
        QVERIFY(fileAt(files, u"/etc/h.cfg"_s).error().message.contains(u"ended inside"_s));

        // cat failed: its message is the reason.
        const QByteArray failed = Boundary.toUtf8() + " P /etc/h.cfg\n" + Boundary.toUtf8() +
                                  " F /etc/h.cfg\n\n" + Boundary.toUtf8() + " E 1\n";
        files = parseConfigDump(failed, "cat: /etc/h.cfg: Permission denied\n", Boundary, u"lb1"_s);
        QVERIFY(!fileAt(files, u"/etc/h.cfg"_s).ok());
        QVERIFY(fileAt(files, u"/etc/h.cfg"_s).error().message.contains(u"Permission denied"_s));
    }

    void classifiesWithTheFleetFilesList()
    {
        Vip vip;
        vip.name = u"web"_s;
        vip.prefixes << Prefix{QHostAddress(u"203.0.113.10"_s), 32};
        Placement placement;
        placement.vip = u"web"_s;
        placement.host = u"lb1"_s;
        placement.configPath = u"/etc/haproxy/web.cfg"_s;
        const QByteArray config = "frontend fe\n    bind 203.0.113.10:80\n    default_backend be\n"
                                  "backend be\n    server s1 10.0.0.1:80 check\n"
                                  "listen stats\n    bind 127.0.0.1:8404\n    stats enable\n";
        ServicePath path =
            classifyServicePath(QList<ConfigFile>{{placement.configPath, config}}, &vip, placement);
        QVERIFY(path.classification);
        QCOMPARE(path.classification->serviceBackends(), QStringList{u"be"_s});

        // Binds on none of the VIP's addresses (NAT, the lab's host
        // addresses): the address says nothing, every frontend counts.
        QByteArray elsewhere = config;
        elsewhere.replace("bind 203.0.113.10:80", "bind 127.0.30.11:8080");
        path = classifyServicePath(QList<ConfigFile>{{placement.configPath, elsewhere}}, &vip,
                                   placement);
        QVERIFY(path.classification);
        QCOMPARE(path.classification->serviceBackends(), QStringList{u"be"_s});
        QVERIFY(path.classification->uncertain);
        QVERIFY(
            path.classification->notes.join(u' ').contains(u"no bind of web's configuration"_s));

        // A configuration HAProxy would refuse: the error names host and file.
        path = classifyServicePath(
            QList<ConfigFile>{{placement.configPath, "frontend fe\n    default_backend nowhere\n"}},
            &vip, placement);
        QVERIFY(!path.classification);
        QVERIFY2(path.error && path.error->where.startsWith(u"lb1:/etc/haproxy/web.cfg"_s),
                 qPrintable(path.error ? path.error->toString() : QString()));
    }
};

QTEST_GUILESS_MAIN(TestServicePath)
#include "tst_servicepath.moc"
