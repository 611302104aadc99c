// Preview of server operations (targets, narrowing, threshold flags, unknown
// servers and hosts) and reverses, on synthetic snapshots.

#include "core/fleet/serveroperation.h"
#include "tests/support/syntheticfleet.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace vipdeck;
using vipdeck::test::healthyFleet;
using vipdeck::test::serverIn;

Q_DECLARE_METATYPE(vipdeck::TargetSelector)

namespace {

ServerOperationRequest request(ServerAction action, const QString &server)
{
    ServerOperationRequest r;
    r.action = action;
    r.server = server;
    r.reason = u"TICKET-1"_s;
    return r;
}

QStringList labels(const QList<ServerTarget> &targets)
{
    QStringList out;
    for (const ServerTarget &t : targets)
        out << t.vip + u'@' + t.host;
    return out;
}

OperationResult resultOf(const OperationPreview &preview)
{
    OperationResult result;
    result.request = preview.request;
    for (const ServerTarget &t : preview.targets) {
        TargetResult r;
        r.target = t;
        r.ok = true;
        r.stateBefore = t.adminState;
        r.weightBefore = t.weight;
        result.targets << r;
    }
    return result;
}

} // namespace

class TestServerOperation : public QObject
{
    Q_OBJECT
private slots:
    void fansOutEverywhere()
    {
        const Snapshot snapshot(healthyFleet());
        const auto preview =
            previewServerOperation(snapshot, request(ServerAction::Drain, u"s1"_s));
        QVERIFY2(preview.ok(), qPrintable(preview.ok() ? QString() : preview.error().toString()));
        QCOMPARE(labels(preview->targets),
                 QStringList({u"tenant@lb3"_s, u"tenant@lb4"_s, u"web@lb1"_s, u"web@lb2"_s}));
        for (const ServerTarget &t : preview->targets) {
            QVERIFY(t.dataKnown);
            QCOMPARE(t.backend, u"be"_s);
            QCOMPARE(t.statsSocket, u"/run/haproxy/"_s + t.vip + u".sock"_s);
            QCOMPARE(t.usableBefore, 3);
            QCOMPARE(t.usableAfter, 2);
            QVERIFY(!t.belowThreshold);
            QVERIFY(!t.noChange);
            QCOMPARE(t.adminState, AdminState::Ready);
        }
        QCOMPARE(preview->targets[2].minUpServers, 2); // web: min_up_servers 2
        QCOMPARE(preview->targets[0].minUpServers, 1); // tenant: default
        QVERIFY(!preview->needsForce());
        QCOMPARE(preview->unknownCount(), 0);
    }

    void narrows_data()
    {
        QTest::addColumn<QString>("vip");
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QList<TargetSelector>>("only");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("vip") << u"web"_s << QString() << QString() << QList<TargetSelector>()
                             << QStringList({u"web@lb1"_s, u"web@lb2"_s});
        QTest::newRow("host") << QString() << u"lb2"_s << QString() << QList<TargetSelector>()
                              << QStringList({u"web@lb2"_s});
        QTest::newRow("vip+host") << u"tenant"_s << u"lb4"_s << QString() << QList<TargetSelector>()
                                  << QStringList({u"tenant@lb4"_s});
        QTest::newRow("backend") << QString() << QString() << u"be"_s << QList<TargetSelector>()
                                 << QStringList({u"tenant@lb3"_s, u"tenant@lb4"_s, u"web@lb1"_s,
                                                 u"web@lb2"_s});
        QTest::newRow("only") << QString() << QString() << QString()
                              << QList<TargetSelector>({{u"web"_s, u"lb1"_s, u"be"_s, -1},
                                                        {u"tenant"_s, u"lb3"_s, {}, -1}})
                              << QStringList({u"tenant@lb3"_s, u"web@lb1"_s});
    }
    void narrows()
    {
        QFETCH(QString, vip);
        QFETCH(QString, host);
        QFETCH(QString, backend);
        QFETCH(QList<TargetSelector>, only);
        QFETCH(QStringList, expected);
        ServerOperationRequest r = request(ServerAction::Maint, u"s2"_s);
        r.vip = vip;
        r.host = host;
        r.backend = backend;
        r.only = only;
        const auto preview = previewServerOperation(Snapshot(healthyFleet()), r);
        QVERIFY(preview.ok());
        QCOMPARE(labels(preview->targets), expected);
    }

    void filtersThatMatchNothing()
    {
        ServerOperationRequest r = request(ServerAction::Drain, u"s1"_s);
        r.backend = u"nope"_s;
        auto preview = previewServerOperation(Snapshot(healthyFleet()), r);
        QVERIFY(!preview.ok());
        QCOMPARE(preview.error().code, ErrorCode::NoSuchBackend);

        r.backend.clear();
        r.vip = u"nope"_s; // no such VIP: the server is not found there
        preview = previewServerOperation(Snapshot(healthyFleet()), r);
        QVERIFY(!preview.ok());
        QCOMPARE(preview.error().code, ErrorCode::NoSuchServer);
        QVERIFY(preview.error().message.contains(u"in VIP nope"_s));
    }

    void flagsTheLastUsableServers()
    {
        Snapshot::Data data = healthyFleet();
        // web needs 2 usable servers: on lb1 s2 is already in maintenance.
        serverIn(data, u"web"_s, u"lb1"_s, 1).adminFlags = AdminFlag::ForcedMaint;
        // tenant needs 1: on lb3 s2 and s3 are DOWN.
        serverIn(data, u"tenant"_s, u"lb3"_s, 1).status.state = ServerState::Down;
        serverIn(data, u"tenant"_s, u"lb3"_s, 2).status.state = ServerState::Down;
        const auto preview =
            previewServerOperation(Snapshot(data), request(ServerAction::Drain, u"s1"_s));
        QVERIFY(preview.ok());
        QVERIFY(preview->needsForce());
        QCOMPARE(labels(preview->flagged()), QStringList({u"tenant@lb3"_s, u"web@lb1"_s}));
        const ServerTarget &web1 = preview->targets[2];
        QCOMPARE(web1.usableBefore, 2);
        QCOMPARE(web1.usableAfter, 1);
        const ServerTarget &tenant3 = preview->targets[0];
        QCOMPARE(tenant3.usableBefore, 1);
        QCOMPARE(tenant3.usableAfter, 0);
        QVERIFY(!preview->targets[1].belowThreshold);
        QVERIFY(!preview->targets[3].belowThreshold);
    }

    void backupIsFlaggedOnlyWhenNothingIsLeft()
    {
        Snapshot::Data data = healthyFleet();
        ServerOperationRequest r = request(ServerAction::Maint, u"spare"_s);
        r.vip = u"tenant"_s;
        auto preview = previewServerOperation(Snapshot(data), r);
        QVERIFY(preview.ok());
        QVERIFY(!preview->needsForce()); // actives remain
        QCOMPARE(preview->targets[0].usableAfter, 3);
        for (int i = 0; i < 3; ++i)
            serverIn(data, u"tenant"_s, u"lb4"_s, i).status.state = ServerState::Down;
        preview = previewServerOperation(Snapshot(data), r);
        QVERIFY(preview.ok());
        QCOMPARE(labels(preview->flagged()), QStringList({u"tenant@lb4"_s}));
    }

    void weightZeroCountsAsRemoval()
    {
        Snapshot::Data data = healthyFleet();
        serverIn(data, u"tenant"_s, u"lb3"_s, 1).status.state = ServerState::Down;
        serverIn(data, u"tenant"_s, u"lb3"_s, 2).status.state = ServerState::Down;
        ServerOperationRequest r = request(ServerAction::Weight, u"s1"_s);
        r.weight = 0;
        auto preview = previewServerOperation(Snapshot(data), r);
        QVERIFY(preview.ok());
        QCOMPARE(labels(preview->flagged()), QStringList({u"tenant@lb3"_s}));
        r.weight = 1; // unchanged
        preview = previewServerOperation(Snapshot(data), r);
        QVERIFY(preview.ok());
        QVERIFY(!preview->needsForce());
        QVERIFY(preview->targets[0].noChange);
    }

    void readyIsNeverFlagged()
    {
        Snapshot::Data data = healthyFleet();
        ServerObservation &s = serverIn(data, u"web"_s, u"lb1"_s, 0);
        s.adminFlags = AdminFlag::ForcedDrain;
        s.status.state = ServerState::Drain;
        ServerOperationRequest r = request(ServerAction::Ready, u"s1"_s);
        r.vip = u"web"_s;
        const auto preview = previewServerOperation(Snapshot(data), r);
        QVERIFY(preview.ok());
        QVERIFY(!preview->needsForce());
        QCOMPARE(preview->targets[0].adminState, AdminState::Drain);
        QCOMPARE(preview->targets[0].usableBefore, 2);
        QCOMPARE(preview->targets[0].usableAfter, 3);
        QVERIFY(!preview->targets[0].noChange);
        QVERIFY(preview->targets[1].noChange); // lb2 is already ready
    }

    void badArguments_data()
    {
        QTest::addColumn<int>("action");
        QTest::addColumn<QString>("server");
        QTest::addColumn<int>("weight");
        QTest::addColumn<int>("code");
        QTest::newRow("empty name")
            << int(ServerAction::Drain) << QString() << -1 << int(ErrorCode::InvalidArgument);
        QTest::newRow("space in name")
            << int(ServerAction::Drain) << u"s 1"_s << -1 << int(ErrorCode::InvalidName);
        QTest::newRow("injection")
            << int(ServerAction::Drain) << u"s1;shutdown"_s << -1 << int(ErrorCode::InvalidName);
        QTest::newRow("no weight")
            << int(ServerAction::Weight) << u"s1"_s << -1 << int(ErrorCode::InvalidArgument);
        QTest::newRow("weight 257")
            << int(ServerAction::Weight) << u"s1"_s << 257 << int(ErrorCode::InvalidArgument);
    }
    void badArguments()
    {
        QFETCH(int, action);
        QFETCH(QString, server);
        QFETCH(int, weight);
        QFETCH(int, code);
        ServerOperationRequest r = request(ServerAction(action), server);
        r.weight = weight;
        const auto preview = previewServerOperation(Snapshot(healthyFleet()), r);
        QVERIFY(!preview.ok());
        QCOMPARE(int(preview.error().code), code);
    }

    void unknownServerSuggestsCloseNames()
    {
        auto preview =
            previewServerOperation(Snapshot(healthyFleet()), request(ServerAction::Drain, u"s4"_s));
        QVERIFY(!preview.ok());
        QCOMPARE(preview.error().code, ErrorCode::NoSuchServer);
        QVERIFY(preview.error().message.contains(u"s4"_s));
        QVERIFY2(preview.error().hint.startsWith(u"did you mean s"_s),
                 qPrintable(preview.error().hint));
        QVERIFY(!preview.error().hint.contains(u"spare"_s));

        preview = previewServerOperation(Snapshot(healthyFleet()),
                                         request(ServerAction::Drain, u"spar"_s));
        QVERIFY(!preview.ok());
        QCOMPARE(preview.error().hint, u"did you mean spare?"_s);

        preview = previewServerOperation(Snapshot(healthyFleet()),
                                         request(ServerAction::Drain, u"database-primary"_s));
        QVERIFY(!preview.ok());
        QVERIFY(!preview.error().hint.contains(u"did you mean"_s));
    }

    void hostWithoutDataIsListedAsUnknown()
    {
        Snapshot::Data data = healthyFleet();
        HaproxyObservation never;
        never.vip = u"web"_s;
        never.host = u"lb2"_s;
        never.error = Error(ErrorCode::ConnectFailed, u"connection refused"_s, u"lb2"_s);
        data.haproxies[Snapshot::key(u"web"_s, u"lb2"_s)] = never;
        data.haproxies[Snapshot::key(u"tenant"_s, u"lb3"_s)].error =
            Error(ErrorCode::Timeout, u"timed out"_s, u"lb3"_s);
        const auto preview =
            previewServerOperation(Snapshot(data), request(ServerAction::Drain, u"s1"_s));
        QVERIFY(preview.ok());
        QCOMPARE(preview->unknownCount(), 1);
        const ServerTarget &lb2 = preview->targets[3];
        QCOMPARE(lb2.host, u"lb2"_s);
        QVERIFY(!lb2.dataKnown);
        QCOMPARE(lb2.backend, u"be"_s); // taken from lb1
        QCOMPARE(lb2.usableBefore, -1);
        QVERIFY(lb2.dataError.contains(u"connection refused"_s));
        const ServerTarget &lb3 = preview->targets[0];
        QVERIFY(lb3.dataKnown);
        QVERIFY(lb3.stale);
        QCOMPARE(preview->notes.size(), 2);
        QVERIFY(preview->notes.join(u'\n').contains(u"web on lb2: no data yet"_s));
    }

    void unreadPlacementsAreNamedWhenTheServerIsNotFound()
    {
        // web's HAProxy could not be read on either host (a cut-off dump, a
        // refused socket): s1 is not "missing", it may be there.
        Snapshot::Data data = healthyFleet();
        for (const QString &host : {u"lb1"_s, u"lb2"_s}) {
            HaproxyObservation unread;
            unread.vip = u"web"_s;
            unread.host = host;
            unread.error = Error(ErrorCode::Parse, u"the reply ended inside show stat"_s, host);
            data.haproxies[Snapshot::key(u"web"_s, host)] = unread;
        }
        ServerOperationRequest r = request(ServerAction::Drain, u"s1"_s);
        r.vip = u"web"_s;
        auto preview = previewServerOperation(Snapshot(data), r);
        QVERIFY(!preview.ok());
        QCOMPARE(preview.error().code, ErrorCode::NoSuchServer);
        QVERIFY2(preview.error().message.contains(u"could not be read"_s) &&
                     preview.error().message.contains(
                         u"web on lb2: lb2: the reply ended inside show stat"_s),
                 qPrintable(preview.error().message));
        QVERIFY(!preview.error().hint.contains(u"did you mean"_s));

        // Read everywhere and absent within the filters, but present outside
        // them: said so, never "did you mean s1".
        data = healthyFleet();
        data.haproxies[Snapshot::key(u"web"_s, u"lb1"_s)].backends.clear();
        data.haproxies[Snapshot::key(u"web"_s, u"lb2"_s)].backends.clear();
        preview = previewServerOperation(Snapshot(data), r);
        QVERIFY(!preview.ok());
        QVERIFY2(
            preview.error().hint.startsWith(u"it exists outside --vip/--host: VIP tenant on "_s),
            qPrintable(preview.error().hint));
    }

    void reverseRestoresWhatSucceeded()
    {
        Snapshot::Data data = healthyFleet();
        serverIn(data, u"tenant"_s, u"lb4"_s, 0).adminFlags = AdminFlag::ForcedMaint;
        const auto preview =
            previewServerOperation(Snapshot(data), request(ServerAction::Drain, u"s1"_s));
        QVERIFY(preview.ok());
        OperationResult result = resultOf(*preview);
        result.targets[3].ok = false; // web@lb2 failed: nothing to undo there
        const QList<ServerOperationRequest> reverse = reverseOperation(result, u"undo"_s);
        QCOMPARE(reverse.size(), 2);
        QCOMPARE(reverse[0].action, ServerAction::Ready);
        QCOMPARE(reverse[0].reason, u"undo"_s);
        QCOMPARE(reverse[0].server, u"s1"_s);
        QCOMPARE(reverse[0].only, QList<TargetSelector>({{u"tenant"_s, u"lb3"_s, u"be"_s, -1},
                                                         {u"web"_s, u"lb1"_s, u"be"_s, -1}}));
        QCOMPARE(reverse[1].action, ServerAction::Maint);
        QCOMPARE(reverse[1].only, QList<TargetSelector>({{u"tenant"_s, u"lb4"_s, u"be"_s, -1}}));

        // The reverse previews to exactly those targets.
        const auto back = previewServerOperation(Snapshot(data), reverse[0]);
        QVERIFY(back.ok());
        QCOMPARE(labels(back->targets), QStringList({u"tenant@lb3"_s, u"web@lb1"_s}));
    }

    void reverseOfWeightIsPerTarget()
    {
        Snapshot::Data data = healthyFleet();
        serverIn(data, u"web"_s, u"lb2"_s, 0).weight = 7;
        ServerOperationRequest r = request(ServerAction::Weight, u"s1"_s);
        r.weight = 50;
        r.vip = u"web"_s;
        const auto preview = previewServerOperation(Snapshot(data), r);
        QVERIFY(preview.ok());
        const QList<ServerOperationRequest> reverse =
            reverseOperation(resultOf(*preview), u"undo"_s);
        QCOMPARE(reverse.size(), 1);
        QCOMPARE(reverse[0].action, ServerAction::Weight);
        QCOMPARE(reverse[0].only, QList<TargetSelector>({{u"web"_s, u"lb1"_s, u"be"_s, 1},
                                                         {u"web"_s, u"lb2"_s, u"be"_s, 7}}));
        // Per-target weights satisfy the preview without a request weight;
        // lb1 now runs at 50 (the change), lb2 was never changed.
        serverIn(data, u"web"_s, u"lb1"_s, 0).weight = 50;
        const auto back = previewServerOperation(Snapshot(data), reverse[0]);
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().toString()));
        QVERIFY(!back->targets[0].noChange);
        QVERIFY(back->targets[1].noChange);
    }

    void reverseOfNothing()
    {
        const auto preview =
            previewServerOperation(Snapshot(healthyFleet()), request(ServerAction::Drain, u"s1"_s));
        QVERIFY(preview.ok());
        OperationResult result = resultOf(*preview);
        for (TargetResult &t : result.targets)
            t.ok = false;
        QVERIFY(reverseOperation(result, u"undo"_s).isEmpty());
    }

    void actionNames()
    {
        for (ServerAction a : {ServerAction::Ready, ServerAction::Drain, ServerAction::Maint,
                               ServerAction::Weight}) {
            QCOMPARE(serverActionFromName(serverActionName(a)), a);
            QCOMPARE(serverActionFromName(serverActionAuditName(a)), a);
        }
        QCOMPARE(serverActionAuditName(ServerAction::Weight), u"set-weight"_s);
        QVERIFY(!serverActionFromName(u"explode"_s));
    }
};

QTEST_GUILESS_MAIN(TestServerOperation)
#include "tst_serveroperation.moc"
