// BirdClient against two real BIRD 2.0.12 daemons started by this test in a
// temporary directory (127.0.0.1 AS 65001 <-> 127.0.0.2 AS 65002 over BGP with
// multihop BFD, static blackhole routes for 203.0.113.x/32), reached through
// LocalTransport.  No kernel protocol: nothing touches the routing table.

#include "core/bird/birdclient.h"
#include "core/ssh/localtransport.h"
#include "tests/support/futurewait.h"
#include "tests/support/testdata.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QtTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace vipdeck;
using test::errorText;
using test::waitForResult;

namespace {

// A TCP port free on 127.0.0.1 and 127.0.0.2 (BIRD binds it on both).
quint16 freePort()
{
    for (int attempt = 0; attempt < 50; ++attempt) {
        QTcpServer a;
        if (!a.listen(QHostAddress(u"127.0.0.1"_s), 0))
            continue;
        QTcpServer b;
        if (b.listen(QHostAddress(u"127.0.0.2"_s), a.serverPort()))
            return a.serverPort();
    }
    return 0;
}

QString config(const QString &routerId, const QString &local, const QString &neighbor, quint16 port,
               int localAs, int neighborAs, const QString &peerName, bool statics)
{
    QString c = uR"(router id %1;
protocol device {}
protocol bfd bfd1 { strict bind yes; multihop { interval 100 ms; multiplier 3; }; }
protocol bgp %7 {
  local %2 port %4 as %5;
  neighbor %3 port %4 as %6;
  multihop 2; strict bind yes; bfd yes;
  hold time 9; connect retry time 1; error wait time 1, 2;
  ipv4 { import all; export where proto ~ "vip_*"; };
}
)"_s.arg(routerId, local, neighbor)
                    .arg(port)
                    .arg(localAs)
                    .arg(neighborAs)
                    .arg(peerName);
    if (statics)
        c += uR"(protocol static vip_web { ipv4; route 203.0.113.10/32 blackhole; }
protocol static vip_api { ipv4; route 203.0.113.11/32 blackhole; route 203.0.113.21/32 blackhole; }
protocol static vip_old { disabled yes; ipv4; route 203.0.113.12/32 blackhole; }
)"_s;
    return c;
}

QStringList prefixes(const QList<BirdRoute> &routes)
{
    QStringList out;
    for (const BirdRoute &r : routes)
        out.append(r.prefix);
    out.sort();
    return out;
}

} // namespace

class TestBirdClient : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        const QString bird =
            QStandardPaths::findExecutable(u"bird"_s, {u"/usr/sbin"_s, u"/usr/bin"_s});
        if (bird.isEmpty())
            QFAIL("bird (Debian bird2) is not installed: run scripts/deps");
        QVERIFY(m_dir.isValid());
        const quint16 port = freePort();
        QVERIFY(port != 0);
        const QString a = config(u"10.255.0.1"_s, u"127.0.0.1"_s, u"127.0.0.2"_s, port, 65001,
                                 65002, u"peer_b"_s, true);
        const QString b = config(u"10.255.0.2"_s, u"127.0.0.2"_s, u"127.0.0.1"_s, port, 65002,
                                 65001, u"peer_a"_s, false);
        m_ctlA = startBird(bird, u"a"_s, a);
        m_ctlB = startBird(bird, u"b"_s, b);
        QVERIFY(!m_ctlA.isEmpty() && !m_ctlB.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(m_ctlA) && QFile::exists(m_ctlB), 10000);
        m_transport = std::make_unique<LocalTransport>(u"localhost"_s, std::chrono::seconds(5));
        m_a = std::make_unique<BirdClient>(m_transport.get(), m_ctlA);
        m_b = std::make_unique<BirdClient>(m_transport.get(), m_ctlB);
        // BGP Established, BFD Up and all three VIP routes exported
        QTRY_VERIFY_WITH_TIMEOUT(peerReady(), 30000);
    }

    void cleanupTestCase()
    {
        m_a.reset();
        m_b.reset();
        m_transport.reset();
        for (QProcess *p : std::as_const(m_birds)) {
            p->terminate(); // SIGTERM to the PID QProcess started, nothing else
            if (!p->waitForFinished(10000))
                p->kill();
            delete p;
        }
    }

    void status()
    {
        auto s = waitForResult(m_a->showStatus());
        QVERIFY(s);
        QVERIFY2(s->ok(), errorText(*s).constData());
        QCOMPARE((*s)->version, u"2.0.12"_s);
        QCOMPARE((*s)->routerId, u"10.255.0.1"_s);
        QVERIFY((*s)->daemonUp);
    }

    void protocols()
    {
        auto p = waitForResult(m_a->showProtocolsAll());
        QVERIFY(p);
        QVERIFY2(p->ok(), errorText(*p).constData());
        QCOMPARE((*p)->size(), 6);
        auto one = waitForResult(m_a->showProtocolAll(u"peer_b"_s));
        QVERIFY(one);
        QVERIFY2(one->ok(), errorText(*one).constData());
        QCOMPARE((*one)->bgp->state, BgpState::Established);
        QCOMPARE((*one)->bgp->neighborAs, std::optional<quint32>(65002));
        QCOMPARE((*one)->routesExported(), 3);
    }

    void routesAndBfd()
    {
        auto exp = waitForResult(m_a->showRouteExport(u"peer_b"_s));
        QVERIFY(exp && exp->ok());
        QCOMPARE(prefixes(**exp),
                 (QStringList{u"203.0.113.10/32"_s, u"203.0.113.11/32"_s, u"203.0.113.21/32"_s}));
        auto st = waitForResult(m_a->showRouteProtocol(u"vip_api"_s));
        QVERIFY(st && st->ok());
        QCOMPARE(prefixes(**st), (QStringList{u"203.0.113.11/32"_s, u"203.0.113.21/32"_s}));
        auto learned = waitForResult(m_b->showRouteProtocol(u"peer_a"_s));
        QVERIFY(learned && learned->ok());
        QCOMPARE((*learned)->size(), 3);
        QCOMPARE((*learned)->constFirst().from, u"127.0.0.1"_s);
        auto bfd = waitForResult(m_a->showBfdSessions());
        QVERIFY(bfd && bfd->ok());
        QCOMPARE((*bfd)->size(), 1);
        QCOMPARE(int((*bfd)->constFirst().state), int(BfdState::Up));
    }

    void disableEnableWithdrawsAndAnnounces()
    {
        auto off = waitForResult(m_a->disableProtocol(u"vip_api"_s));
        QVERIFY(off && off->ok());
        QCOMPARE(int((*off)->constFirst().action), int(BirdControlAction::Disabled));
        auto again = waitForResult(m_a->disableProtocol(u"vip_api"_s));
        QVERIFY(again && again->ok());
        QCOMPARE(int((*again)->constFirst().action), int(BirdControlAction::AlreadyDisabled));
        // the peer no longer learns the VIP's prefixes
        QTRY_COMPARE_WITH_TIMEOUT(learnedByB(), QStringList{u"203.0.113.10/32"_s}, 10000);
        auto on = waitForResult(m_a->enableProtocol(u"vip_api"_s));
        QVERIFY(on && on->ok());
        QCOMPARE(int((*on)->constFirst().action), int(BirdControlAction::Enabled));
        QTRY_COMPARE_WITH_TIMEOUT(learnedByB().size(), 3, 10000);
    }

    void errors()
    {
        auto unknown = waitForResult(m_a->disableProtocol(u"no_such_proto"_s));
        QVERIFY(unknown && !unknown->ok());
        QCOMPARE(unknown->error().code, ErrorCode::NoSuchProtocol);
        QVERIFY(unknown->error().message.contains(u"CF_SYM_UNDEFINED"_s));
        QVERIFY(unknown->error().where.contains(m_ctlA));

        auto table = waitForResult(m_a->showRouteExport(u"master4"_s));
        QVERIFY(table && !table->ok());
        QCOMPARE(table->error().code, ErrorCode::NoSuchProtocol);

        // refused before anything is sent
        auto invalid = m_a->disableProtocol(u"all"_s);
        QVERIFY(invalid.isFinished());
        QCOMPARE(invalid.result().error().code, ErrorCode::InvalidName);
        auto injected = m_a->enableProtocol(u"vip_web\ndisable vip_api"_s);
        QVERIFY(injected.isFinished());
        QCOMPARE(injected.result().error().code, ErrorCode::InvalidName);

        // `birdc -r`: the connection is restricted, control commands are refused
        auto restricted = waitForResult(m_a->run({"restrict\n", "disable vip_web\n"}));
        QVERIFY(restricted && restricted->ok());
        QCOMPARE((*restricted)->at(0).code(), 16);
        auto denied = checkedBirdReply((*restricted)->at(1), u"disable vip_web"_s, u"vip_web"_s);
        QVERIFY(!denied.ok());
        QCOMPARE(denied.error().code, ErrorCode::BirdAccessDenied);

        // not a BIRD socket at all
        BirdClient nowhere(m_transport.get(), m_dir.filePath(u"missing.ctl"_s));
        auto none = waitForResult(nowhere.showStatus());
        QVERIFY(none && !none->ok());
    }

    void poll()
    {
        auto named = waitForResult(m_a->poll({u"peer_b"_s}));
        QVERIFY(named);
        QVERIFY2(named->ok(), errorText(*named).constData());
        QVERIFY((*named)->errors.isEmpty());
        QCOMPARE((*named)->status.routerId, u"10.255.0.1"_s);
        QCOMPARE((*named)->protocols.size(), 6);
        QCOMPARE((*named)->bfdSessions.size(), 1);
        QCOMPARE((*named)->exports.value(u"peer_b"_s).size(), 3);

        auto discovered = waitForResult(m_a->poll());
        QVERIFY(discovered && discovered->ok());
        QVERIFY((*discovered)->errors.isEmpty());
        QCOMPARE((*discovered)->exports.keys(), QStringList{u"peer_b"_s});
        QCOMPARE((*discovered)->exports.value(u"peer_b"_s).size(), 3);

        // B has no statics: its export list is empty, not an error
        auto b = waitForResult(m_b->poll());
        QVERIFY(b && b->ok());
        QVERIFY((*b)->errors.isEmpty());
        QVERIFY((*b)->exports.value(u"peer_a"_s).isEmpty());
    }

    // One connection with three commands against three connections, measured.
    void measurePipelining()
    {
        constexpr int rounds = 50;
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < rounds; ++i) {
            auto r = waitForResult(m_a->poll({u"peer_b"_s}));
            QVERIFY(r && r->ok());
        }
        const qint64 pipelined = t.nsecsElapsed();
        t.restart();
        for (int i = 0; i < rounds; ++i) {
            auto s = m_a->showStatus();
            auto p = m_a->showProtocolsAll();
            auto b = m_a->showBfdSessions();
            auto e = m_a->showRouteExport(u"peer_b"_s);
            QVERIFY(waitForResult(s) && waitForResult(p) && waitForResult(b) && waitForResult(e));
        }
        const qint64 separate = t.nsecsElapsed();
        qInfo("BIRD poll (4 commands): one connection %.2f ms, four connections %.2f ms",
              pipelined / 1e6 / rounds, separate / 1e6 / rounds);
    }

private:
    QString startBird(const QString &bird, const QString &name, const QString &conf)
    {
        const QString cfg = m_dir.filePath(name + u".conf"_s);
        QFile f(cfg);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(conf.toUtf8());
        f.close();
        const QString ctl = m_dir.filePath(name + u".ctl"_s);
        auto *p = new QProcess;
        p->setWorkingDirectory(m_dir.path());
        p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        p->start(bird,
                 {u"-f"_s, u"-c"_s, cfg, u"-s"_s, ctl, u"-P"_s, m_dir.filePath(name + u".pid"_s)});
        m_birds.append(p);
        if (!p->waitForStarted(5000))
            return {};
        return ctl;
    }

    bool peerReady()
    {
        auto p = waitForResult(m_a->showProtocolAll(u"peer_b"_s));
        if (!p || !p->ok() || (*p)->bgp->state != BgpState::Established)
            return false;
        auto bfd = waitForResult(m_a->showBfdSessions());
        if (!bfd || !bfd->ok() || bfd->value().isEmpty() ||
            bfd->value().constFirst().state != BfdState::Up)
            return false;
        return learnedByB().size() == 3;
    }

    QStringList learnedByB()
    {
        auto r = waitForResult(m_b->showRouteProtocol(u"peer_a"_s));
        return r && r->ok() ? prefixes(**r) : QStringList{u"error"_s};
    }

    QTemporaryDir m_dir;
    QList<QProcess *> m_birds;
    QString m_ctlA;
    QString m_ctlB;
    std::unique_ptr<LocalTransport> m_transport;
    std::unique_ptr<BirdClient> m_a;
    std::unique_ptr<BirdClient> m_b;
};

QTEST_GUILESS_MAIN(TestBirdClient)
#include "tst_birdclient.moc"
