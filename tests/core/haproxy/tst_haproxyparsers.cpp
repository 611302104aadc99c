// Parsers of the HAProxy runtime API and master CLI, on outputs captured
// from a real HAProxy 2.6.12 (tests/data/haproxy/capture.sh) and on broken
// variants of them.

#include "core/haproxy/configcheck.h"
#include "core/haproxy/haproxyclient.h"
#include "core/haproxy/haproxyinfo.h"
#include "core/haproxy/masterprocinfo.h"
#include "core/haproxy/runtimereply.h"
#include "core/haproxy/serverstaterow.h"
#include "core/haproxy/serverstatus.h"
#include "core/haproxy/statrow.h"
#include "tests/support/testdata.h"

#include <QDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vipdeck;

namespace {

QByteArray fixture(const char *name)
{
    return test::readData(u"haproxy/haproxy-2.6.12-"_s + QString::fromLatin1(name));
}

} // namespace

class TestHaproxyParsers : public QObject
{
    Q_OBJECT

private slots:
    void serverStatus_data();
    void serverStatus();
    void serverStatusRejects_data();
    void serverStatusRejects();

    void showStat_data();
    void showStat();
    void showStatRowsAndTypes();
    void showStatBroken_data();
    void showStatBroken();
    void showStatQuotedField();

    void showInfo();
    void showInfoBroken_data();
    void showInfoBroken();

    void serversState_data();
    void serversState();
    void serversStateBroken_data();
    void serversStateBroken();

    void showProc();
    void showProcAfterReload();
    void showProcFailedReload();
    void showProcOldLayout();
    void showProcBroken_data();
    void showProcBroken();
    void procUptime();
    void reloadReply();

    void commandReply_data();
    void commandReply();
    void weightReply_data();
    void weightReply();
    void splitPoll();
    void splitTruncated();
    void promptPoll();
    void promptPollFromStoppingWorker();
    void promptBroken_data();
    void promptBroken();
    void promptWrites();

    void configCheck();

    void everyFixtureThroughEveryParser();
};

void TestHaproxyParsers::serverStatus_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("state");
    QTest::addColumn<int>("source");
    QTest::addColumn<int>("step");
    QTest::addColumn<int>("steps");
    QTest::addColumn<QString>("via");
    const int check = int(StatusSource::Check);
    QTest::newRow("UP") << "UP"_ba << int(ServerState::Up) << check << 0 << 0 << QString();
    QTest::newRow("UP 1/3") << "UP 1/3"_ba << int(ServerState::Up) << check << 1 << 3 << QString();
    QTest::newRow("DOWN 2/100000")
        << "DOWN 2/100000"_ba << int(ServerState::Down) << check << 2 << 100000 << QString();
    QTest::newRow("DRAIN 1/2") << "DRAIN 1/2"_ba << int(ServerState::Drain) << check << 1 << 2
                               << QString();
    QTest::newRow("NOLB 2/3") << "NOLB 2/3"_ba << int(ServerState::NoLb) << check << 2 << 3
                              << QString();
    QTest::newRow("DRAIN (agent)") << "DRAIN (agent)"_ba << int(ServerState::Drain)
                                   << int(StatusSource::Agent) << 0 << 0 << QString();
    QTest::newRow("DOWN (agent)") << "DOWN (agent)"_ba << int(ServerState::Down)
                                  << int(StatusSource::Agent) << 0 << 0 << QString();
    QTest::newRow("MAINT (resolution)") << "MAINT (resolution)"_ba << int(ServerState::Maint)
                                        << int(StatusSource::Resolution) << 0 << 0 << QString();
    QTest::newRow("MAINT (via)") << "MAINT (via be_app/maint1)"_ba << int(ServerState::Maint)
                                 << int(StatusSource::Tracking) << 0 << 0 << u"be_app/maint1"_s;
    QTest::newRow("no check") << "no check"_ba << int(ServerState::NoCheck) << check << 0 << 0
                              << QString();
    QTest::newRow("OPEN") << "OPEN"_ba << int(ServerState::Open) << check << 0 << 0 << QString();
    QTest::newRow("STOP") << "STOP"_ba << int(ServerState::Stop) << check << 0 << 0 << QString();
    QTest::newRow("PAUSED") << "PAUSED"_ba << int(ServerState::Paused) << check << 0 << 0
                            << QString();
    QTest::newRow("FULL") << "FULL"_ba << int(ServerState::Full) << check << 0 << 0 << QString();
}

void TestHaproxyParsers::serverStatus()
{
    QFETCH(QByteArray, text);
    QFETCH(int, state);
    QFETCH(int, source);
    QFETCH(int, step);
    QFETCH(int, steps);
    QFETCH(QString, via);
    const auto status = parseServerStatus(text);
    QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().toString()));
    QCOMPARE(int(status->state), state);
    QCOMPARE(int(status->source), source);
    QCOMPARE(status->transitionStep, step);
    QCOMPARE(status->transitionSteps, steps);
    QCOMPARE(status->isTransitional(), steps > 0);
    QCOMPARE(status->raw, QString::fromLatin1(text));
    if (!via.isEmpty())
        QCOMPARE(status->viaBackend + u'/' + status->viaServer, via);
}

void TestHaproxyParsers::serverStatusRejects_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("lower case") << "up"_ba;
    QTest::newRow("prefix only") << "UPX"_ba;
    QTest::newRow("half fraction") << "UP 1/"_ba;
    QTest::newRow("letters") << "UP x/y"_ba;
    QTest::newRow("zero steps") << "UP 1/0"_ba;
    QTest::newRow("via without server") << "MAINT (via be)"_ba;
    QTest::newRow("via empty") << "MAINT (via /)"_ba;
    QTest::newRow("unknown source") << "DOWN (martians)"_ba;
    QTest::newRow("open paren") << "DOWN (agent"_ba;
    QTest::newRow("trailing space") << "UP "_ba;
}

void TestHaproxyParsers::serverStatusRejects()
{
    QFETCH(QByteArray, text);
    const auto status = parseServerStatus(text);
    QVERIFY(!status.ok());
    QCOMPARE(status.error().code, ErrorCode::Parse);
}

void TestHaproxyParsers::showStat_data()
{
    QTest::addColumn<QString>("proxy");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("checkStatus");
    QTest::addColumn<bool>("backup");
    QTest::addColumn<qint64>("weight");
    // Every server state the capture provoked, as the real HAProxy printed it.
    QTest::newRow("up") << u"be_app"_s << u"up1"_s << u"UP"_s << u"L7OK"_s << false << 1LL;
    QTest::newRow("down") << u"be_app"_s << u"down1"_s << u"DOWN"_s << u"L4CON"_s << false << 1LL;
    QTest::newRow("drain") << u"be_app"_s << u"drain1"_s << u"DRAIN"_s << u"L7OK"_s << false << 1LL;
    QTest::newRow("maint") << u"be_app"_s << u"maint1"_s << u"MAINT"_s << QString() << false << 1LL;
    QTest::newRow("no check") << u"be_app"_s << u"nocheck1"_s << u"no check"_s << QString() << false
                              << 1LL;
    QTest::newRow("backup") << u"be_app"_s << u"backup1"_s << u"UP"_s << u"L7OK"_s << true << 1LL;
    QTest::newRow("up going down")
        << u"be_app"_s << u"failing1"_s << u"UP 99999/100000"_s << u"L4CON"_s << false << 1LL;
    QTest::newRow("down going up")
        << u"be_app"_s << u"rising1"_s << u"DOWN 2/100000"_s << u"L7OK"_s << false << 1LL;
    QTest::newRow("drain by agent")
        << u"be_app"_s << u"agent1"_s << u"DRAIN (agent)"_s << u"L7OK"_s << false << 10LL;
    QTest::newRow("down by agent")
        << u"be_app"_s << u"agentdown1"_s << u"DOWN (agent)"_s << u"L7OK"_s << false << 1LL;
    QTest::newRow("maint via") << u"be_track"_s << u"t1"_s << u"MAINT (via be_app/maint1)"_s
                               << QString() << false << 1LL;
    QTest::newRow("nolb") << u"be_nolb"_s << u"n1"_s << u"NOLB"_s << u"L7OKC"_s << false << 1LL;
    QTest::newRow("backend down") << u"be_down"_s << u"BACKEND"_s << u"DOWN"_s << QString() << false
                                  << 0LL;
    QTest::newRow("frontend open")
        << u"fe_main"_s << u"FRONTEND"_s << u"OPEN"_s << QString() << false << StatRow::NotReported;
    QTest::newRow("frontend paused") << u"fe_paused"_s << u"FRONTEND"_s << u"PAUSED"_s << QString()
                                     << false << StatRow::NotReported;
    QTest::newRow("frontend stopped")
        << u"fe_shut"_s << u"FRONTEND"_s << u"STOP"_s << QString() << false << StatRow::NotReported;
}

void TestHaproxyParsers::showStat()
{
    QFETCH(QString, proxy);
    QFETCH(QString, name);
    QFETCH(QString, status);
    QFETCH(QString, checkStatus);
    QFETCH(bool, backup);
    QFETCH(qint64, weight);
    const auto rows = parseShowStat(fixture("show-stat.csv"));
    QVERIFY2(rows.ok(), qPrintable(rows.ok() ? QString() : rows.error().toString()));
    const StatRow *row = findStatRow(*rows, proxy, name);
    QVERIFY(row);
    QCOMPARE(row->status.raw, status);
    QVERIFY(row->status.state != ServerState::Unknown);
    QCOMPARE(row->checkStatus, checkStatus);
    QCOMPARE(row->isBackup, backup);
    QCOMPARE(row->weight, weight);
}

void TestHaproxyParsers::showStatRowsAndTypes()
{
    const auto rows = parseShowStat(fixture("show-stat.csv"));
    QVERIFY(rows.ok());
    QCOMPARE(rows->size(), 20);
    int frontends = 0, backends = 0, servers = 0;
    for (const StatRow &row : *rows) {
        frontends += row.type == StatType::Frontend;
        backends += row.type == StatType::Backend;
        servers += row.type == StatType::Server;
        QVERIFY(row.scur >= 0);
        QVERIFY(row.stot >= 0);
    }
    QCOMPARE(frontends, 3);
    QCOMPARE(backends, 4);
    QCOMPARE(servers, 13);
    const StatRow *via = findStatRow(*rows, u"be_track"_s, u"t1"_s);
    QCOMPARE(via->status.viaBackend, u"be_app"_s);
    QCOMPARE(via->status.viaServer, u"maint1"_s);
    QCOMPARE(via->tracked, u"be_app/maint1"_s);
    const StatRow *up = findStatRow(*rows, u"be_app"_s, u"up1"_s);
    QCOMPARE(up->checkCode, 200);
    QVERIFY(up->address.startsWith(u"127.0.0.1:"_s));
    QCOMPARE(up->checkDescription, u"Layer7 check passed"_s);
    const StatRow *nolb = findStatRow(*rows, u"be_nolb"_s, u"n1"_s);
    QCOMPARE(nolb->checkCode, 404);
    QVERIFY(nolb->status.isServing());
    QVERIFY(!findStatRow(*rows, u"be_app"_s, u"drain1"_s)->status.isServing());
}

void TestHaproxyParsers::showStatBroken_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("truncated") << fixture("show-stat-truncated.csv") << u"cut off"_s;
    QTest::newRow("missing column") << fixture("show-stat-missing-column.csv") << u"\"status\""_s;
    QTest::newRow("garbage") << test::readData(u"haproxy/garbage.bin"_s) << u"header"_s;
    QTest::newRow("empty") << QByteArray() << u"header"_s;
    QTest::newRow("show info instead") << fixture("show-info.txt") << u"header"_s;
    const QByteArray good = fixture("show-stat.csv");
    QByteArray shortRow = good;
    shortRow.replace("be_down,d1,", "be_down,d1,0,");
    QTest::newRow("extra field") << shortRow << u"fields"_s;
    QByteArray badNumber = good;
    const qsizetype at = badNumber.indexOf("\nbe_app,up1,") + 12;
    badNumber.replace(at, 1, "x");
    QTest::newRow("bad number") << badNumber << u"qcur"_s;
    QByteArray badStatus = good;
    badStatus.replace(",DRAIN (agent),", ",SLEEPY,");
    QTest::newRow("bad status") << badStatus << u"SLEEPY"_s;
}

void TestHaproxyParsers::showStatBroken()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, mentions);
    const auto rows = parseShowStat(input);
    QVERIFY(!rows.ok());
    QCOMPARE(rows.error().code, ErrorCode::Parse);
    QVERIFY2(rows.error().message.contains(mentions), qPrintable(rows.error().toString()));
    QVERIFY(rows.error().where.startsWith(u"show stat"_s));
}

void TestHaproxyParsers::showStatQuotedField()
{
    // HAProxy quotes a field holding a comma (csv_enc), e.g. a check output.
    const QByteArray csv = "# pxname,svname,status,type,last_chk,\n"
                           "be,s1,UP,2,\"HTTP/1.0 503, \"\"busy\"\"\",\n\n"_ba;
    const auto rows = parseShowStat(csv);
    QVERIFY2(rows.ok(), qPrintable(rows.ok() ? QString() : rows.error().toString()));
    QCOMPARE(rows->size(), 1);
    QCOMPARE(rows->constFirst().lastCheck, u"HTTP/1.0 503, \"busy\""_s);
    QVERIFY(!parseShowStat("# pxname,svname,status,type,\nbe,s1,UP,\"2,\n"_ba).ok());
}

void TestHaproxyParsers::showInfo()
{
    const auto info = parseShowInfo(fixture("show-info.txt"));
    QVERIFY2(info.ok(), qPrintable(info.ok() ? QString() : info.error().toString()));
    QCOMPARE(info->name, u"HAProxy"_s);
    QCOMPARE(info->version, u"2.6.12-1+deb12u4"_s);
    QVERIFY(info->pid > 1);
    QCOMPARE(info->processNum, 1);
    QCOMPARE(info->nbthread, 2);
    QVERIFY(info->uptimeSec >= 0);
    QVERIFY(info->startTimeSec > 1'600'000'000);
    QVERIFY(info->maxconn > 0);
    QCOMPARE(info->stopping, 0);
    QCOMPARE(info->releaseDate, u"2026/10/17"_s);
    QVERIFY(!info->node.isEmpty());
}

void TestHaproxyParsers::showInfoBroken_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("truncated") << fixture("show-info-truncated.txt") << u"CurrConns"_s;
    QTest::newRow("cut mid-line") << fixture("show-info.txt").left(300) << u"cut off"_s;
    QTest::newRow("garbage") << test::readData(u"haproxy/garbage.bin"_s) << u"Key: value"_s;
    QTest::newRow("show stat instead") << fixture("show-stat.csv") << u"Key: value"_s;
    QTest::newRow("empty") << QByteArray() << u"Name"_s;
    QByteArray badPid = fixture("show-info.txt");
    badPid.replace("\nPid: ", "\nPid: -");
    QTest::newRow("negative pid") << badPid << u"Pid"_s;
    QByteArray badNumber = fixture("show-info.txt");
    badNumber.replace("\nCurrConns: 0", "\nCurrConns: lots");
    QTest::newRow("bad number") << badNumber << u"CurrConns"_s;
}

void TestHaproxyParsers::showInfoBroken()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, mentions);
    const auto info = parseShowInfo(input);
    QVERIFY(!info.ok());
    QCOMPARE(info.error().code, ErrorCode::Parse);
    QVERIFY2(info.error().message.contains(mentions), qPrintable(info.error().toString()));
}

void TestHaproxyParsers::serversState_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("server");
    QTest::addColumn<int>("opState");
    QTest::addColumn<int>("maintCause");
    QTest::addColumn<int>("drainCause");
    QTest::addColumn<qint64>("uweight");
    const int none = int(AdminCause::None);
    const int running = int(OperationalState::Running);
    const int stopped = int(OperationalState::Stopped);
    QTest::newRow("up") << u"be_app"_s << u"up1"_s << running << none << none << 1LL;
    QTest::newRow("drain") << u"be_app"_s << u"drain1"_s << running << none
                           << int(AdminCause::Operator) << 1LL;
    QTest::newRow("maint") << u"be_app"_s << u"maint1"_s << stopped << int(AdminCause::Operator)
                           << none << 1LL;
    // HAProxy 2.6 records an agent's "drain" as FDRAIN, the same bit as an
    // operator's drain: only show stat's "DRAIN (agent)" tells them apart.
    QTest::newRow("agent drain") << u"be_app"_s << u"agent1"_s << running << none
                                 << int(AdminCause::Operator) << 10LL;
    QTest::newRow("maint via tracking")
        << u"be_track"_s << u"t1"_s << stopped << int(AdminCause::Tracking) << none << 1LL;
    QTest::newRow("nolb") << u"be_nolb"_s << u"n1"_s << int(OperationalState::Stopping) << none
                          << none << 1LL;
    QTest::newRow("down") << u"be_down"_s << u"d1"_s << stopped << none << none << 1LL;
}

void TestHaproxyParsers::serversState()
{
    QFETCH(QString, backend);
    QFETCH(QString, server);
    QFETCH(int, opState);
    QFETCH(int, maintCause);
    QFETCH(int, drainCause);
    QFETCH(qint64, uweight);
    const auto rows = parseShowServersState(fixture("show-servers-state.txt"));
    QVERIFY2(rows.ok(), qPrintable(rows.ok() ? QString() : rows.error().toString()));
    QCOMPARE(rows->size(), 13);
    const ServerStateRow *found = nullptr;
    for (const ServerStateRow &row : *rows) {
        if (row.backend == backend && row.server == server)
            found = &row;
    }
    QVERIFY(found);
    QCOMPARE(int(found->operationalState), opState);
    QCOMPARE(int(found->maintenanceCause()), maintCause);
    QCOMPARE(int(found->drainCause()), drainCause);
    QCOMPARE(found->inMaintenance(), maintCause != int(AdminCause::None));
    QCOMPARE(found->isDraining(),
             maintCause == int(AdminCause::None) && drainCause != int(AdminCause::None));
    QCOMPARE(found->userWeight, uweight);
    QCOMPARE(found->address, u"127.0.0.1"_s);
    QVERIFY(found->port > 0);
    QVERIFY(found->fqdn.isEmpty());
}

void TestHaproxyParsers::serversStateBroken_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("mentions");
    const int parse = int(ErrorCode::Parse);
    QTest::newRow("truncated") << fixture("show-servers-state-truncated.txt") << parse
                               << u"cut off"_s;
    QTest::newRow("garbage") << test::readData(u"haproxy/garbage.bin"_s)
                             << int(ErrorCode::Unsupported) << u"format"_s;
    QTest::newRow("empty") << QByteArray() << parse << u"empty"_s;
    QTest::newRow("version 2") << "2\n# be_id be_name\n\n"_ba << int(ErrorCode::Unsupported)
                               << u"\"2\""_s;
    QTest::newRow("no header") << "1\n\n"_ba << parse << u"header"_s;
    QByteArray noAdmin = fixture("show-servers-state.txt");
    noAdmin.replace(" srv_admin_state ", " srv_admin_mood ");
    QTest::newRow("missing column") << noAdmin << parse << u"srv_admin_state"_s;
    QByteArray badOp = fixture("show-servers-state.txt");
    badOp.replace(" up1 127.0.0.1 2 ", " up1 127.0.0.1 7 ");
    QTest::newRow("bad op state") << badOp << parse << u"srv_op_state"_s;
    QByteArray badNumber = fixture("show-servers-state.txt");
    badNumber.replace(" up1 127.0.0.1 2 0 ", " up1 127.0.0.1 2 x ");
    QTest::newRow("bad number") << badNumber << parse << u"srv_admin_state"_s;
}

void TestHaproxyParsers::serversStateBroken()
{
    QFETCH(QByteArray, input);
    QFETCH(int, code);
    QFETCH(QString, mentions);
    const auto rows = parseShowServersState(input);
    QVERIFY(!rows.ok());
    QCOMPARE(int(rows.error().code), code);
    QVERIFY2(rows.error().message.contains(mentions), qPrintable(rows.error().toString()));
}

void TestHaproxyParsers::showProc()
{
    const auto info = parseShowProc(fixture("show-proc.txt"));
    QVERIFY2(info.ok(), qPrintable(info.ok() ? QString() : info.error().toString()));
    QVERIFY(info->master.pid > 1);
    QCOMPARE(info->master.type, u"master"_s);
    QCOMPARE(info->master.reloads, 0);
    QCOMPARE(info->master.failedReloads, 0);
    QCOMPARE(info->master.version, u"2.6.12-1+deb12u4"_s);
    QVERIFY(info->master.uptimeSec >= 0);
    QCOMPARE(info->workers.size(), 1);
    QCOMPARE(info->workers.constFirst().type, u"worker"_s);
    QVERIFY(info->workers.constFirst().pid != info->master.pid);
    QVERIFY(info->oldWorkers.isEmpty());
    QVERIFY(info->programs.isEmpty());
}

void TestHaproxyParsers::showProcAfterReload()
{
    const auto before = parseShowProc(fixture("show-proc.txt"));
    const auto after = parseShowProc(fixture("show-proc-after-reload.txt"));
    QVERIFY(before.ok() && after.ok());
    QCOMPARE(after->master.pid, before->master.pid); // the master re-executes itself
    QCOMPARE(after->master.reloads, 1);
    QCOMPARE(after->master.failedReloads, 0);
    QCOMPARE(after->workers.size(), 1);
    QVERIFY(after->workers.constFirst().pid != before->workers.constFirst().pid);
    QCOMPARE(after->workers.constFirst().reloads, 0);
    // A held connection kept the previous worker alive as an old worker.
    QCOMPARE(after->oldWorkers.size(), 1);
    QCOMPARE(after->oldWorkers.constFirst().pid, before->workers.constFirst().pid);
    QCOMPARE(after->oldWorkers.constFirst().reloads, 1);
}

void TestHaproxyParsers::showProcFailedReload()
{
    const auto info = parseShowProc(fixture("show-proc-failed-reload.txt"));
    QVERIFY(info.ok());
    QCOMPARE(info->master.reloads, 2);
    QCOMPARE(info->master.failedReloads, 1);
    QCOMPARE(info->workers.size(), 1);
    QCOMPARE(info->workers.constFirst().reloads, 1); // the worker survived the failed reload
}

void TestHaproxyParsers::showProcOldLayout()
{
    // The layout of HAProxy 2.0-2.4 (from its management guide): a
    // "<relative PID>" column and no failed counter.
    const QByteArray old = "#<PID>          <type>          <relative PID>  <reloads>       "
                           "<uptime>        <version>\n"
                           "1162            master          0               5               "
                           "0d00h02m07s     2.0.1\n"
                           "# workers\n"
                           "1271            worker          1               0               "
                           "0d00h00m00s     2.0.1\n"
                           "# old workers\n"
                           "1233            worker          [was: 1]        3               "
                           "0d00h00m43s     2.0.0\n"
                           "# programs\n"
                           "1244            foo             -               0               "
                           "0d00h00m00s     -\n\n"_ba;
    const auto info = parseShowProc(old);
    QVERIFY2(!info.ok(), "\"[was: 1]\" is not a relative pid we can read");
    QByteArray fixed = old;
    fixed.replace("[was: 1]", "1       ");
    fixed.replace("foo             -      ", "foo             0      ");
    const auto parsed = parseShowProc(fixed);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
    QCOMPARE(parsed->master.reloads, 5);
    QCOMPARE(parsed->workers.constFirst().relativePid, 1);
    QCOMPARE(parsed->oldWorkers.constFirst().uptimeSec, 43);
    QCOMPARE(parsed->programs.constFirst().type, u"foo"_s);
}

void TestHaproxyParsers::showProcBroken_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("truncated") << fixture("show-proc-truncated.txt") << u"cut off"_s;
    QTest::newRow("garbage") << test::readData(u"haproxy/garbage.bin"_s) << u"header"_s;
    QTest::newRow("empty") << QByteArray() << u"header"_s;
    QTest::newRow("stats socket instead") << fixture("show-info.txt") << u"header"_s;
    QTest::newRow("header only") << "#<PID> <type> <reloads> <uptime> <version>\n\n"_ba
                                 << u"no master"_s;
    QByteArray badReloads = fixture("show-proc.txt");
    badReloads.replace("[failed: 0]", "[failed: x]");
    QTest::newRow("bad reload counter") << badReloads << u"reload counter"_s;
    QByteArray workerFirst = fixture("show-proc.txt");
    workerFirst.replace("master ", "worker ");
    QTest::newRow("no master line") << workerFirst << u"master"_s;
}

void TestHaproxyParsers::showProcBroken()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, mentions);
    const auto info = parseShowProc(input);
    QVERIFY(!info.ok());
    QCOMPARE(info.error().code, ErrorCode::Parse);
    QVERIFY2(info.error().message.contains(mentions), qPrintable(info.error().toString()));
}

void TestHaproxyParsers::procUptime()
{
    QCOMPARE(parseProcUptime("0d00h02m07s"), 127);
    QCOMPARE(parseProcUptime("3d04h05m06s"), ((3 * 24 + 4) * 60 + 5) * 60 + 6);
    QVERIFY(!parseProcUptime("-"));
    QVERIFY(!parseProcUptime("0d0h02m07s"));
    QVERIFY(!parseProcUptime(""));
}

void TestHaproxyParsers::reloadReply()
{
    // 2.6 answers nothing (captured): success is read from show proc.
    const auto empty = parseReloadReply(fixture("reload.txt"));
    QVERIFY(empty.ok());
    QVERIFY(!empty->has_value());
    // 2.7+ form, as documented in HAProxy 2.7's management guide (no 2.7 here
    // to capture from).
    const auto ok = parseReloadReply("Success=1\n--\n[NOTICE]   (1) : Loading success.\n"_ba);
    QVERIFY(ok.ok() && ok->has_value());
    QVERIFY((*ok)->success);
    QCOMPARE((*ok)->startupLog, u"[NOTICE]   (1) : Loading success."_s);
    const auto failed = parseReloadReply("Success=0\n--\n[ALERT] bad\n"_ba);
    QVERIFY(failed.ok() && failed->has_value());
    QVERIFY(!(*failed)->success);
    const auto garbage = parseReloadReply("Unknown command.\n"_ba);
    QVERIFY(!garbage.ok());
}

void TestHaproxyParsers::commandReply_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("replyIndex");
    QTest::addColumn<int>("replies");
    QTest::addColumn<int>("code"); // -1: success
    QTest::newRow("set server ok") << u"set-server-ok.txt"_s << 0 << 1 << -1;
    QTest::newRow("no such server")
        << u"error-no-such-server.txt"_s << 0 << 1 << int(ErrorCode::NoSuchServer);
    QTest::newRow("no such backend")
        << u"error-no-such-backend.txt"_s << 0 << 1 << int(ErrorCode::NoSuchBackend);
    QTest::newRow("require backend/server")
        << u"error-require-backend-server.txt"_s << 0 << 1 << int(ErrorCode::HaproxyRefused);
    QTest::newRow("weight range") << u"error-weight-range.txt"_s << 0 << 1
                                  << int(ErrorCode::HaproxyRefused);
    QTest::newRow("unknown command")
        << u"error-unknown-command.txt"_s << 0 << 1 << int(ErrorCode::HaproxyRefused);
    QTest::newRow("severity: set ok") << u"severity-set-server-ok.txt"_s << 1 << 2 << -1;
    QTest::newRow("severity: no such server")
        << u"error-no-such-server-severity.txt"_s << 1 << 2 << int(ErrorCode::NoSuchServer);
}

void TestHaproxyParsers::commandReply()
{
    QFETCH(QString, file);
    QFETCH(int, replyIndex);
    QFETCH(int, replies);
    QFETCH(int, code);
    const QByteArray data = test::readData(u"haproxy/haproxy-2.6.12-"_s + file);
    const auto split = splitReplies(data, replies);
    QVERIFY2(split.ok(), qPrintable(split.ok() ? QString() : split.error().toString()));
    const auto result = parseCommandReply(split->at(replyIndex), u"set server"_s);
    if (code < 0) {
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    } else {
        QVERIFY(!result.ok());
        QCOMPARE(int(result.error().code), code);
        QCOMPARE(result.error().where, u"set server"_s);
        QVERIFY(!result.error().detail.isEmpty());
    }
}

void TestHaproxyParsers::weightReply_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("current"); // -1: an error with `code`
    QTest::addColumn<int>("initial");
    QTest::addColumn<int>("code");
    QTest::newRow("weight") << u"get-weight.txt"_s << 1 << 1 << 0;
    QTest::newRow("agent's server") << u"get-weight-agent.txt"_s << 10 << 10 << 0;
    QTest::newRow("through the master") << u"master-at1-get-weight.txt"_s << 1 << 1 << 0;
    QTest::newRow("no such server")
        << u"error-get-weight-no-such-server.txt"_s << -1 << 0 << int(ErrorCode::NoSuchServer);
    QTest::newRow("empty") << u"set-server-ok.txt"_s << -1 << 0 << int(ErrorCode::Parse);
}

void TestHaproxyParsers::weightReply()
{
    QFETCH(QString, file);
    QFETCH(int, current);
    QFETCH(int, initial);
    QFETCH(int, code);
    const auto weight =
        parseWeightReply(test::readData(u"haproxy/haproxy-2.6.12-"_s + file), u"get weight"_s);
    if (current >= 0) {
        QVERIFY2(weight.ok(), qPrintable(weight.ok() ? QString() : weight.error().toString()));
        QCOMPARE(weight->current, current);
        QCOMPARE(weight->initial, initial);
    } else {
        QVERIFY(!weight.ok());
        QCOMPARE(int(weight.error().code), code);
    }
}

void TestHaproxyParsers::splitPoll()
{
    // "show info;show stat;show servers state" on one connection.
    const auto replies = splitReplies(fixture("poll.txt"), 3);
    QVERIFY2(replies.ok(), qPrintable(replies.ok() ? QString() : replies.error().toString()));
    QVERIFY(parseShowInfo(replies->at(0)).ok());
    const auto stat = parseShowStat(replies->at(1));
    QVERIFY(stat.ok());
    QCOMPARE(stat->size(), 20);
    const auto state = parseShowServersState(replies->at(2));
    QVERIFY(state.ok());
    QCOMPARE(state->size(), 13);
}

void TestHaproxyParsers::splitTruncated()
{
    const QByteArray poll = fixture("poll.txt");
    const qsizetype statEnd = poll.indexOf("\n\n1\n");
    QVERIFY(statEnd > 0);
    QVERIFY(!splitReplies(poll.left(statEnd + 2), 3).ok());
    QVERIFY(splitReplies(poll.left(statEnd + 2), 2).ok());
    QVERIFY(!splitReplies(poll.left(poll.size() - 1), 3).ok());
    QVERIFY(!splitReplies({}, 1).ok());
    QCOMPARE(splitReplies("\n"_ba, 1)->constFirst(), QByteArray());
}

void TestHaproxyParsers::promptPoll()
{
    // The reply to "show info;show stat;show servers state" on a kept
    // prompt-mode stream: three answers, each ending "\n> ".
    const QByteArray reply = fixture("prompt-poll.txt");
    QVERIFY(reply.endsWith("\n\n> "));
    const auto answers = splitPromptReplies(reply, 3);
    QVERIFY2(answers.ok(), qPrintable(answers.ok() ? QString() : answers.error().toString()));
    QVERIFY(answers->at(0).startsWith("Name: HAProxy\n"));
    QVERIFY(answers->at(1).startsWith("# pxname,svname,"));
    QVERIFY(answers->at(2).startsWith("1\n# be_id "));
    for (const QByteArray &answer : *answers) {
        QVERIFY(answer.endsWith('\n'));
        QVERIFY(!answer.endsWith("\n\n"));
        QVERIFY(!answer.contains("\n> "));
    }
    const auto poll = parsePromptPoll(reply);
    QVERIFY(poll.ok());
    QCOMPARE(poll->info.stopping, 0);
    QCOMPARE(poll->stats.size(), 20);
    QCOMPARE(poll->serverStates.size(), 13);
    // The same answers as the one-shot poll, apart from counters and uptime.
    const auto oneShot = splitReplies(fixture("poll.txt"), 3);
    QVERIFY(oneShot.ok());
    QCOMPARE(answers->at(1).count('\n'), oneShot->at(1).count('\n'));
    QCOMPARE(answers->at(2).count('\n'), oneShot->at(2).count('\n'));

    // The completion check the stream asks at every piece agrees, at every
    // length of the reply, with the parser it stands in for.
    for (qsizetype cut = 0; cut <= reply.size(); ++cut) {
        const QByteArray piece = reply.left(cut);
        QCOMPARE(promptRepliesArrived(piece, 3), splitPromptReplies(piece, 3).ok());
    }
    QVERIFY(promptRepliesArrived(reply, 3));

    QCOMPARE(promptOpeningLength("\n> "_ba), 3);
    QCOMPARE(promptOpeningLength("\n> Name: HAProxy\n"_ba), 3);
    QCOMPARE(promptOpeningLength("\n"_ba), -1);
    QCOMPARE(promptOpeningLength({}), -1);
}

void TestHaproxyParsers::promptPollFromStoppingWorker()
{
    // A prompt session held across a reload still talks to the old worker.
    const auto poll = parsePromptPoll(fixture("prompt-poll-stopping.txt"));
    QVERIFY(poll.ok());
    QCOMPARE(poll->info.stopping, 1);
}

void TestHaproxyParsers::promptBroken_data()
{
    QTest::addColumn<QByteArray>("reply");
    const QByteArray whole = fixture("prompt-poll.txt");
    QTest::newRow("cut in the CSV") << fixture("prompt-poll-truncated.txt");
    QTest::newRow("no last prompt") << fixture("prompt-poll-no-last-prompt.txt");
    QTest::newRow("prompt without space") << whole.left(whole.size() - 1);
    QTest::newRow("bytes after the last prompt") << whole + "Name: HAProxy\n";
    QTest::newRow("an extra empty answer") << whole + "\n> ";
    QTest::newRow("one-shot reply") << fixture("poll.txt");
    QTest::newRow("empty") << QByteArray();
}

void TestHaproxyParsers::promptBroken()
{
    QFETCH(QByteArray, reply);
    const auto answers = splitPromptReplies(reply, 3);
    QVERIFY(!answers.ok());
    QCOMPARE(answers.error().code, ErrorCode::Parse);
    QVERIFY(!promptRepliesArrived(reply, 3));
    const auto poll = parsePromptPoll(reply);
    QVERIFY(!poll.ok());
    QCOMPARE(poll.error().code, ErrorCode::Parse);
}

void TestHaproxyParsers::promptWrites()
{
    // prompt; set server (silent success); set server with a wrong name.
    const auto answers = splitPromptReplies(fixture("prompt-writes.txt"), 3);
    QVERIFY(answers.ok());
    QCOMPARE(answers->at(0), QByteArray()); // the answer to `prompt` itself
    QCOMPARE(answers->at(1), QByteArray());
    QCOMPARE(answers->at(2), "No such server.\n"_ba);
    QVERIFY(parseCommandReply(answers->at(1), u"set server"_s).ok());
    QCOMPARE(parseCommandReply(answers->at(2), u"set server"_s).error().code,
             ErrorCode::NoSuchServer);
    // The older capture: prompt, set server, get weight.
    const auto session = splitPromptReplies(fixture("prompt-session.txt"), 3);
    QVERIFY(session.ok());
    QCOMPARE(parseWeightReply(session->at(2), {})->current, 1);
}

void TestHaproxyParsers::configCheck()
{
    const auto ok = parseConfigCheck(0, fixture("check-ok.txt"), u"haproxy.cfg"_s);
    QVERIFY(ok.ok());
    QCOMPARE(ok->warnings.size(), 1);
    QVERIFY(ok->warnings.constFirst().contains(u"server state file"_s));

    const auto warned = parseConfigCheck(0, fixture("check-warnings.txt"), u"warn.cfg"_s);
    QVERIFY(warned.ok());
    QCOMPARE(warned->warnings.size(), 2);
    QVERIFY(warned->warnings.constFirst().startsWith(u"config : missing timeouts for frontend"_s));
    QVERIFY(warned->warnings.constFirst().contains(u"'client', 'connect', 'server'"_s));

    const auto failed = parseConfigCheck(1, fixture("check-alert.txt"), u"/etc/haproxy/x.cfg"_s);
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().code, ErrorCode::ConfigCheckFailed);
    QCOMPARE(failed.error().where, u"/etc/haproxy/x.cfg"_s);
    QVERIFY(failed.error().message.contains(u"[haproxy.cfg:51]"_s));
    QVERIFY(failed.error().message.contains(u"unknown keyword 'bogus-keyword'"_s));
    QCOMPARE(failed.error().detail.count(u'\n'), 2); // three [ALERT] lines

    const auto crashed = parseConfigCheck(139, QByteArray(), u"x.cfg"_s);
    QVERIFY(!crashed.ok());
    QVERIFY(crashed.error().message.contains(u"139"_s));
}

void TestHaproxyParsers::everyFixtureThroughEveryParser()
{
    // Every fixture (and every prefix of it at a few cut points) through every
    // parser: each gives a value or a typed error, never a crash.
    const QDir dir(test::dataPath(u"haproxy"_s));
    int inputs = 0;
    for (const QString &name : dir.entryList(QDir::Files)) {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray data = file.readAll();
        for (const qsizetype cut : {data.size(), data.size() / 2, data.size() / 3, qsizetype(1)}) {
            const QByteArray input = data.left(cut);
            ++inputs;
            (void)parseShowStat(input);
            (void)parseShowInfo(input);
            (void)parseShowServersState(input);
            (void)parseShowProc(input);
            (void)parseReloadReply(input);
            (void)parseCommandReply(input, {});
            (void)parseWeightReply(input, {});
            (void)splitReplies(input, 3);
            (void)splitPromptReplies(input, 3);
            (void)promptRepliesArrived(input, 3);
            (void)parsePromptPoll(input);
            (void)promptOpeningLength(input);
            (void)parseConfigCheck(1, input, {});
        }
    }
    QVERIFY(inputs > 100);
}

QTEST_GUILESS_MAIN(TestHaproxyParsers)
#include "tst_haproxyparsers.moc"
