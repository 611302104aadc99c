// The history store: states of a snapshot, the recorder's spans and
// recordings, the lock, retention, and the summary a report shows.  On a
// real SQLite file; the synthetic fleet stands in for the poller (the lab
// test, tests/integration/history, runs the real daemons).

#include "core/history/historydatabase.h"
#include "core/history/historyevents.h"
#include "core/history/historyrecorder.h"
#include "core/history/historysamplecodec.h"
#include "core/history/historystate.h"
#include "core/history/historystore.h"
#include "core/history/historysummary.h"
#include "core/report/reportbuilder.h"
#include "core/report/reportformat.h"
#include "tests/support/syntheticfleet.h"
#include "tests/support/testdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace vipdeck;
using namespace vipdeck::test;

namespace {

const qint64 t0 = syntheticNow().toMSecsSinceEpoch();

const HistoryState *find(const QList<HistoryState> &states, HistoryKind kind, const QString &vip,
                         const QString &host, const QString &server = {})
{
    for (const HistoryState &s : states)
        if (s.subject.kind == kind && s.subject.vip == vip && s.subject.host == host &&
            s.subject.server == server)
            return &s;
    return nullptr;
}

HistoryRecorderOptions options(const QString &path, const QString &holder = u"test recorder"_s)
{
    HistoryRecorderOptions o;
    o.store = AuditStoreConfig::sqlite(path);
    o.holder = holder;
    o.interval = std::chrono::milliseconds(2000);
    return o;
}

// Every web server DOWN on `hosts`, the backup too: web cannot serve there.
Snapshot webDownOn(const QStringList &hosts)
{
    Snapshot::Data data = healthyFleet();
    for (const QString &host : hosts) {
        for (int i = 0; i < 4; ++i) { // the backup too
            ServerObservation &s = serverIn(data, u"web"_s, host, i);
            s.status.state = ServerState::Down;
            s.status.raw = u"DOWN"_s;
            s.checkStatus = u"L4CON"_s;
        }
    }
    return Snapshot(data);
}

Snapshot outageOnLb1()
{
    return webDownOn({u"lb1"_s});
}

Result<void> record(HistoryRecorder &recorder, const Snapshot &snapshot, qint64 ms)
{
    return recorder.record(snapshot, evaluateFleet(snapshot, syntheticNow()), ms);
}

HistoryInput readWindow(const QString &path, qint64 since, qint64 until)
{
    HistoryDatabase db(AuditStoreConfig::sqlite(path));
    const Result<void> opened = db.open(HistoryDatabase::Access::Read);
    if (!opened)
        qFatal("%s", qPrintable(opened.error().toString()));
    HistoryInput in;
    in.sinceMs = since;
    in.untilMs = until;
    in.recordings = db.recordings(since, until).value();
    in.spans = db.spans(since, until).value();
    return in;
}

const HistoryAvailability *availability(const QList<HistoryAvailability> &list, const QString &vip,
                                        const QString &host)
{
    for (const HistoryAvailability &a : list)
        if (a.vip == vip && a.host == host)
            return &a;
    return nullptr;
}

} // namespace

class TestHistory : public QObject
{
    Q_OBJECT

private slots:
    void statesOfAHealthyFleet()
    {
        const Snapshot snapshot(healthyFleet());
        const QList<HistoryState> states =
            historyStates(snapshot, evaluateFleet(snapshot, syntheticNow()));
        const auto state = [&](HistoryKind kind, const QString &vip, const QString &host,
                               const QString &server = {}) {
            const HistoryState *s = find(states, kind, vip, host, server);
            return s ? s->state : u"(missing)"_s;
        };
        QCOMPARE(state(HistoryKind::Vip, u"web"_s, {}), u"healthy"_s);
        QCOMPARE(state(HistoryKind::Placement, u"web"_s, u"lb1"_s), u"healthy"_s);
        QCOMPARE(state(HistoryKind::Announcement, u"web"_s, u"lb1"_s), u"announced"_s);
        QCOMPARE(state(HistoryKind::Haproxy, u"web"_s, u"lb1"_s), u"running"_s);
        QCOMPARE(state(HistoryKind::ServerStatus, u"web"_s, u"lb1"_s, u"s1"_s), u"UP"_s);
        QCOMPARE(state(HistoryKind::ServerAdmin, u"web"_s, u"lb1"_s, u"s1"_s), u"ready"_s);
        QCOMPARE(state(HistoryKind::Reachability, {}, u"lb1"_s), u"reachable"_s);
        QCOMPARE(state(HistoryKind::Host, {}, u"lb1"_s), u"healthy"_s);
        QCOMPARE(state(HistoryKind::Capacity, u"web"_s, u"lb1"_s), u"ok"_s);
        // Every key is unique: one span per subject.
        QHash<QString, int> keys;
        for (const HistoryState &s : states)
            ++keys[s.subject.key()];
        for (auto it = keys.cbegin(); it != keys.cend(); ++it)
            QVERIFY2(it.value() == 1, qPrintable(it.key()));
        for (const HistoryKind kind : {HistoryKind::Bgp, HistoryKind::Bfd})
            QVERIFY(std::any_of(states.cbegin(), states.cend(), [kind](const HistoryState &s) {
                return s.subject.kind == kind && !s.state.isEmpty() && s.state != u"unknown"_s;
            }));
    }

    void unreadableMeansUnknownNotTheLastState()
    {
        Snapshot::Data data = healthyFleet();
        data.hosts[u"lb1"_s].reachable = false;
        data.hosts[u"lb1"_s].error = Error(ErrorCode::ConnectFailed, u"connection refused"_s);
        for (const QString &vip : {u"web"_s}) {
            HaproxyObservation &h = data.haproxies[Snapshot::key(vip, u"lb1"_s)];
            h.error = Error(ErrorCode::ConnectFailed, u"connection refused"_s);
        }
        const Snapshot snapshot(data);
        const QList<HistoryState> states =
            historyStates(snapshot, evaluateFleet(snapshot, syntheticNow()));
        QCOMPARE(find(states, HistoryKind::Reachability, {}, u"lb1"_s)->state, u"unreachable"_s);
        QCOMPARE(find(states, HistoryKind::Reachability, {}, u"lb1"_s)->detail,
                 u"connection refused"_s);
        QCOMPARE(find(states, HistoryKind::Haproxy, u"web"_s, u"lb1"_s)->state, u"unreachable"_s);
        QCOMPARE(find(states, HistoryKind::ServerStatus, u"web"_s, u"lb1"_s, u"s1"_s)->state,
                 u"unknown"_s);
        QCOMPARE(find(states, HistoryKind::ServerAdmin, u"web"_s, u"lb1"_s, u"s1"_s)->state,
                 u"unknown"_s);
        QCOMPARE(find(states, HistoryKind::Placement, u"web"_s, u"lb1"_s)->state, u"unknown"_s);
        // The other host is still seen as it is.
        QCOMPARE(find(states, HistoryKind::ServerStatus, u"web"_s, u"lb2"_s, u"s1"_s)->state,
                 u"UP"_s);
    }

    void aReloadIsANewSpanEvenInTheSameState()
    {
        Snapshot::Data data = healthyFleet();
        const Snapshot before(data);
        data.haproxies[Snapshot::key(u"web"_s, u"lb1"_s)].pid = 101;
        const Snapshot after(data);
        const HistoryState a = *find(historyStates(before, evaluateFleet(before, syntheticNow())),
                                     HistoryKind::Haproxy, u"web"_s, u"lb1"_s);
        const HistoryState b = *find(historyStates(after, evaluateFleet(after, syntheticNow())),
                                     HistoryKind::Haproxy, u"web"_s, u"lb1"_s);
        QVERIFY(!a.sameAs(b));
        QVERIFY(a.sameAs(a));
    }

    void recordsAnOutageWithItsDuration()
    {
        TempDir dir;
        const QString path = dir.filePath(u"history.sqlite"_s);
        const Snapshot healthy(healthyFleet());
        const Snapshot outage = outageOnLb1();
        {
            HistoryRecorder recorder(options(path));
            QVERIFY(recorder.start());
            QVERIFY(record(recorder, healthy, t0));
            QVERIFY(record(recorder, healthy, t0 + 2'000));
            QVERIFY(record(recorder, outage, t0 + 4'000));
            for (qint64 t = t0 + 6'000; t < t0 + 64'000; t += 2'000)
                QVERIFY(record(recorder, outage, t));
            QVERIFY(record(recorder, healthy, t0 + 64'000));
            QVERIFY(record(recorder, healthy, t0 + 66'000));
            QVERIFY(recorder.stop());
            QCOMPARE(recorder.stats().polls, 34);
            QCOMPARE(recorder.stats().recordings, 1);
        }
        const HistoryInput in = readWindow(path, t0, t0 + 66'000);
        QCOMPARE(in.recordings.size(), 1);
        QCOMPARE(in.recordings[0].startedMs, t0);
        QCOMPARE(*in.recordings[0].endedMs, t0 + 66'000);
        // The server's DOWN span: from the poll that saw it to the one that did not.
        const auto down =
            std::find_if(in.spans.cbegin(), in.spans.cend(), [](const HistorySpan &s) {
                return s.state.subject.kind == HistoryKind::ServerStatus &&
                       s.state.subject.server == u"s1"_s && s.state.subject.host == u"lb1"_s &&
                       s.state.state == u"DOWN"_s;
            });
        QVERIFY(down != in.spans.cend());
        QCOMPARE(down->startedMs, t0 + 4'000);
        QCOMPARE(*down->endedMs, t0 + 64'000);

        const FleetVerdicts during = evaluateFleet(outage, syntheticNow());
        const Health placement = during.placement(u"web"_s, u"lb1"_s)->health;
        QCOMPARE(placement, Health::Critical);
        const HistorySummary summary = summarizeHistory(in);
        QCOMPARE(summary.recordedMs, 66'000);
        QVERIFY(summary.gaps.isEmpty());
        const HistoryAvailability *web1 = availability(summary.placements, u"web"_s, u"lb1"_s);
        QVERIFY(web1);
        QCOMPARE(web1->criticalMs, 60'000);
        QCOMPARE(web1->healthyMs, 6'000);
        QCOMPARE(web1->notRecordedMs, 0);
        // web needs 2 of its servers: lb1 had none for the minute.
        QCOMPARE(summary.capacity.size(), 1);
        QCOMPARE(summary.capacity[0].vip, u"web"_s);
        QCOMPARE(summary.capacity[0].host, u"lb1"_s);
        QCOMPARE(summary.capacity[0].belowMs, 60'000);
        QCOMPARE(summary.capacity[0].longestMs, 60'000);
        QCOMPARE(summary.capacity[0].detail, u"be: 0 usable of 2 needed"_s);
        const HistoryAvailability *web = availability(summary.vips, u"web"_s, {});
        const Health vip = during.vips.value(u"web"_s).health;
        QCOMPARE(vip == Health::Critical ? web->criticalMs : web->degradedMs, 60'000);
        // The host lb1 is critical only when its verdict says so; whatever it
        // says, the time adds up to the window.
        const HistoryAvailability *lb1 = availability(summary.hosts, {}, u"lb1"_s);
        QCOMPARE(lb1->healthyMs + lb1->degradedMs + lb1->criticalMs + lb1->unknownMs, 66'000);
    }

    void aKilledRecorderLeavesAGapNotAState()
    {
        TempDir dir;
        const QString path = dir.filePath(u"history.sqlite"_s);
        const Snapshot outage = webDownOn({u"lb1"_s, u"lb2"_s});
        QCOMPARE(evaluateFleet(outage, syntheticNow()).vips.value(u"web"_s).health,
                 Health::Critical);
        {
            // Dropped without stop(): what a SIGKILL leaves behind.
            HistoryRecorder killed(options(path, u"first"_s));
            QVERIFY(killed.start());
            QVERIFY(record(killed, outage, t0));
            QVERIFY(record(killed, outage, t0 + 2'000));
        }
        HistoryRecorder next(options(path, u"second"_s));
        QVERIFY(next.start());
        QVERIFY(record(next, outage, t0 + 60'000));
        QVERIFY(record(next, outage, t0 + 62'000));
        const HistoryInput in = readWindow(path, t0, t0 + 62'000);
        QCOMPARE(in.recordings.size(), 2);
        QCOMPARE(*in.recordings[0].endedMs, t0 + 2'000); // its last poll
        QVERIFY2(in.recordings[1].resumeReason.contains(u"without ending"_s),
                 qPrintable(in.recordings[1].resumeReason));
        const HistorySummary summary = summarizeHistory(in);
        QCOMPARE(summary.gaps.size(), 1);
        QCOMPARE(summary.gaps[0].startMs, t0 + 2'000);
        QCOMPARE(summary.gaps[0].endMs, t0 + 60'000);
        QCOMPARE(summary.recordedMs, 4'000);
        const HistoryAvailability *web1 = availability(summary.placements, u"web"_s, u"lb1"_s);
        QCOMPARE(web1->criticalMs, 4'000);
        QCOMPARE(web1->notRecordedMs, 58'000);
        // Two incidents, not one that spans the time nobody looked.
        QList<HistoryIncident> web;
        for (const HistoryIncident &incident : summary.incidents)
            if (incident.vip == u"web"_s)
                web << incident;
        QCOMPARE(web.size(), 2);
        QCOMPARE(web[0].endMs - web[0].startMs, 2'000);
        QVERIFY(!web[0].ongoing);
        QVERIFY(web[1].ongoing);
        QVERIFY(web[1].reasons.contains(u"lb1"_s));
        QVERIFY(next.stop());
    }

    void oneRecorderPerStore()
    {
        TempDir dir;
        const QString path = dir.filePath(u"history.sqlite"_s);
        HistoryRecorder first(options(path, u"vipdeckctl record (pid 1, ops@ws1)"_s));
        QVERIFY(first.start());
        QVERIFY(record(first, Snapshot(healthyFleet()), t0));
        HistoryRecorder second(options(path, u"second"_s));
        const Result<void> refused = second.start();
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::HistoryLocked);
        QVERIFY2(refused.error().message.contains(u"vipdeckctl record (pid 1, ops@ws1)"_s),
                 qPrintable(refused.error().toString()));
        QVERIFY(first.stop());
    }

    void retentionFoldsAndPrunes()
    {
        TempDir dir;
        const QString path = dir.filePath(u"history.sqlite"_s);
        HistoryDatabase db(AuditStoreConfig::sqlite(path));
        QVERIFY(db.open(HistoryDatabase::Access::Write));
        // 14 months of one sample every 10 minutes for two series.
        constexpr qint64 minute = 60'000, hour = 60 * minute, day = 24 * hour;
        const qint64 now = t0 / hour * hour;
        const qint64 start = now - 425 * day;
        QList<HistorySample> samples;
        qint64 inserted = 0, keptSamples = 0;
        const HistoryRetention retention;
        const qint64 hourlyCut = now - 396 * day;
        for (qint64 t = start; t < now; t += 10 * minute) {
            for (const QString &server : {u"s1"_s, u"s2"_s}) {
                HistorySample s{u"lb1"_s, u"web"_s, u"be"_s, server, t, 1, 3, 3, 2, 0, 1, 0};
                samples << s;
                ++inserted;
                if (t >= hourlyCut) // hour-aligned: the hour row of hourlyCut stays
                    ++keptSamples;
            }
        }
        QVERIFY(db.addSamples(samples));
        const Result<HistoryPruneResult> pruned = db.prune(now, retention);
        QVERIFY(pruned);
        QVERIFY(pruned->minuteRowsFolded > 0);
        // Minute rows: only the last 30 days.
        const qint64 minuteCut = (now - 30 * day) / hour * hour;
        const QList<HistorySample> minutes = db.samples(60, 0, now).value();
        QVERIFY(!minutes.isEmpty());
        QVERIFY(std::all_of(minutes.cbegin(), minutes.cend(),
                            [&](const HistorySample &s) { return s.bucketMs >= minuteCut; }));
        QCOMPARE(minutes.size(), qsizetype((now - minuteCut) / (10 * minute) * 2));
        // Hourly rows: from 13 months ago up to the minute cut, one per hour and series.
        const QList<HistorySample> hours = db.samples(3600, 0, now).value();
        QVERIFY(std::all_of(hours.cbegin(), hours.cend(), [&](const HistorySample &s) {
            return s.bucketMs >= hourlyCut - hour && s.bucketMs < minuteCut && s.samples == 6 &&
                   s.http5xx == 6 && s.sessionsMax == 3;
        }));
        qint64 hourlySamples = 0;
        for (const HistorySample &s : hours)
            hourlySamples += s.samples;
        // Nothing lost inside the retention: every sample is in a minute or an hour row.
        QCOMPARE(hourlySamples + minutes.size(), keptSamples);
        Q_UNUSED(inserted);
    }

    void minutesOfAnHourInOneRow()
    {
        constexpr qint64 hour = 3'600'000;
        const qint64 start = t0 / hour * hour;
        HistorySample a;
        a.bucketMs = start + 5 * 60'000;
        a.samples = 60;
        a.sessionsMax = 1'000'000'000'000LL; // varints of every length
        a.sessionsSum = 127;
        a.sessionRateSum = 128;
        a.requestRateSum = 0;
        a.http5xx = 3;
        a.checkFailures = -4; // a counter that went backwards is stored as 0
        HistorySample b = a;
        b.bucketMs = start + 59 * 60'000;
        b.sessionsMax = 7;
        // Minute 5 twice (a recorder restarted within it), then 59.
        QByteArray row = encodeMinute(a) + encodeMinute(a) + encodeMinute(b);
        QVERIFY(encodeMinute(a).size() < 24);
        QList<HistorySample> minutes = decodeMinutes(start, row);
        QCOMPARE(minutes.size(), 2);
        QCOMPARE(minutes[0].bucketMs, a.bucketMs);
        QCOMPARE(minutes[0].samples, 120);
        QCOMPARE(minutes[0].sessionsMax, a.sessionsMax);
        QCOMPARE(minutes[0].sessionsSum, 254);
        QCOMPARE(minutes[0].sessionRateSum, 256);
        QCOMPARE(minutes[0].http5xx, 6);
        QCOMPARE(minutes[0].checkFailures, 0);
        QCOMPARE(minutes[1].bucketMs, b.bucketMs);
        QCOMPARE(minutes[1].sessionsMax, 7);
        // A damaged tail is dropped, what came before it stays.
        row.append(char(0x07)).append(char(0x80));
        QCOMPARE(decodeMinutes(start, row).size(), 2);
        QCOMPARE(decodeMinutes(start, QByteArray(1, char(60))).size(), 0);
        QCOMPARE(decodeMinutes(start, {}).size(), 0);
    }

    void drainsAreJoinedWithTheAudit()
    {
        HistoryInput in;
        in.sinceMs = t0;
        in.untilMs = t0 + 3'600'000;
        in.recordings << HistoryRecording{1, u"r"_s, 2000, t0, t0 + 3'600'000, t0 + 3'600'000, {}};
        const auto span = [](qint64 id, const QString &server, const QString &state, qint64 from,
                             qint64 to) {
            HistorySpan s;
            s.id = id;
            s.recordingId = 1;
            s.state.subject = {HistoryKind::ServerAdmin, u"lb1"_s, u"web"_s, u"be"_s, server, {}};
            s.state.state = state;
            s.startedMs = from;
            s.endedMs = to;
            return s;
        };
        in.spans << span(1, u"s1"_s, u"ready"_s, t0, t0 + 600'000)
                 << span(2, u"s1"_s, u"drain"_s, t0 + 600'000, t0 + 1'800'000)
                 << span(3, u"s1"_s, u"ready"_s, t0 + 1'800'000, t0 + 3'600'000)
                 << span(4, u"s2"_s, u"ready"_s, t0, t0 + 1'200'000)
                 << span(5, u"s2"_s, u"maint"_s, t0 + 1'200'000, t0 + 3'600'000);
        AuditRecord intent;
        intent.id = 42;
        intent.kind = AuditKind::Intent;
        intent.action = u"drain"_s;
        intent.operatorName = u"alice"_s;
        intent.reason = u"Kernel-Update → Prüfung ✓"_s;
        intent.time = QDateTime::fromMSecsSinceEpoch(t0 + 598'500, Qt::UTC);
        intent.targets << AuditTarget{u"web"_s, u"lb1"_s, u"be"_s, u"s1"_s};
        in.audit << intent;
        const HistorySummary summary = summarizeHistory(in);
        QCOMPARE(summary.maintenance.size(), 2);
        const HistoryMaintenance &drain = summary.maintenance[0];
        QCOMPARE(drain.server, u"s1"_s);
        QCOMPARE(drain.endMs - drain.startMs, 1'200'000);
        QCOMPARE(drain.operatorName, u"alice"_s);
        QCOMPARE(drain.reason, intent.reason);
        QCOMPARE(drain.auditId, 42);
        const HistoryMaintenance &maint = summary.maintenance[1];
        QCOMPARE(maint.server, u"s2"_s);
        QCOMPARE(maint.auditId, 0); // done outside vipdeck
        QVERIFY(!maint.ongoing);    // closed at the window's end by its recording

        // Every format says the same numbers: JSON carries the seconds.
        ReportInput input;
        input.snapshot = Snapshot(healthyFleet());
        input.verdicts = evaluateFleet(input.snapshot, syntheticNow());
        input.since = QDateTime::fromMSecsSinceEpoch(in.sinceMs, Qt::UTC);
        input.until = QDateTime::fromMSecsSinceEpoch(in.untilMs, Qt::UTC);
        input.history = summary;
        const ReportDocument doc = buildReport(input);
        const ReportTable *table = doc.table(u"maintenance"_s);
        QVERIFY(table);
        QCOMPARE(table->rows.size(), 2);
        QCOMPARE(table->rows[0][table->columnIndex(u"duration_s"_s)].value.toLongLong(), 1200);
        QCOMPARE(table->rows[0][table->columnIndex(u"duration_s"_s)].text, u"20 min 00 s"_s);
        QCOMPARE(table->rows[1][table->columnIndex(u"operator"_s)].text, u"not through vipdeck"_s);
        const Result<QByteArray> json = renderReport(doc, ReportFormat::Json, {});
        QVERIFY(json);
        QVERIFY(json->contains("Kernel-Update \xe2\x86\x92 Pr\xc3\xbc"
                               "fung"));
        const Result<QByteArray> csv =
            renderReport(doc, ReportFormat::Csv, ReportRenderOptions{u"maintenance"_s});
        QVERIFY2(csv, csv ? "" : qPrintable(csv.error().toString()));
        QVERIFY2(csv->contains(",1200,"), csv->constData());
    }

    void eventsAreTheChangesBetweenConsecutiveSpans()
    {
        const auto span = [](HistoryKind kind, const QString &server, const QString &state,
                             qint64 from, std::optional<qint64> to, const QString &detail = {},
                             qint64 recording = 1) {
            HistorySpan s;
            s.recordingId = recording;
            s.state.subject = {kind,   u"lb1"_s, u"web"_s, server.isEmpty() ? QString() : u"be"_s,
                               server, {}};
            s.state.state = state;
            s.state.detail = detail;
            s.startedMs = from;
            s.endedMs = to;
            return s;
        };
        using K = HistoryKind;
        const QList<HistorySpan> spans = {
            // s1 goes DOWN at t0+10 s and comes back at t0+20 s.
            span(K::ServerStatus, u"s1"_s, u"UP"_s, t0, t0 + 10'000),
            span(K::ServerStatus, u"s1"_s, u"DOWN"_s, t0 + 10'000, t0 + 20'000),
            span(K::ServerStatus, u"s1"_s, u"UP"_s, t0 + 20'000, std::nullopt),
            // s2 is drained: its status word follows, and says nothing on its own.
            span(K::ServerAdmin, u"s2"_s, u"ready"_s, t0, t0 + 5'000),
            span(K::ServerAdmin, u"s2"_s, u"drain"_s, t0 + 5'000, std::nullopt),
            span(K::ServerStatus, u"s2"_s, u"UP"_s, t0, t0 + 5'000),
            span(K::ServerStatus, u"s2"_s, u"DRAIN"_s, t0 + 5'000, std::nullopt),
            // A reload: the same state, another process.
            span(K::Haproxy, {}, u"running"_s, t0, t0 + 7'000, u"pid 100"_s),
            span(K::Haproxy, {}, u"running"_s, t0 + 7'000, std::nullopt, u"pid 101"_s),
            // s3: DOWN seen only after a gap in the recording: no event.
            span(K::ServerStatus, u"s3"_s, u"UP"_s, t0, t0 + 2'000),
            span(K::ServerStatus, u"s3"_s, u"DOWN"_s, t0 + 60'000, std::nullopt, {}, 2),
            // s4: UP -> unknown (HAProxy unreadable) -> UP: the HAProxy event says it.
            span(K::ServerStatus, u"s4"_s, u"UP"_s, t0, t0 + 3'000),
            span(K::ServerStatus, u"s4"_s, u"unknown"_s, t0 + 3'000, t0 + 4'000),
            span(K::ServerStatus, u"s4"_s, u"UP"_s, t0 + 4'000, std::nullopt),
        };
        const QList<FleetEvent> events = historyEvents(spans);
        QStringList seen;
        for (const FleetEvent &e : events)
            seen << u"%1 %2 %3→%4"_s.arg(e.time.toMSecsSinceEpoch() - t0)
                        .arg(eventKindName(e.kind), e.before, e.after);
        QCOMPARE(seen,
                 (QStringList{u"5000 server-admin ready→drain"_s,
                              u"7000 haproxy-reloaded running→running"_s,
                              u"10000 server-status UP→DOWN"_s, u"20000 server-status DOWN→UP"_s}));
        QCOMPARE(events[2].severity, FleetEvent::Severity::Problem);
        QCOMPARE(events[2].server, u"s1"_s);
        QVERIFY2(events[1].text.contains(u"pid 100 → pid 101"_s), qPrintable(events[1].text));
        QVERIFY2(events[2].text.contains(u"be/s1 on lb1 (web)"_s), qPrintable(events[2].text));
    }

    void trafficHasGapsWhereNothingWasRecorded()
    {
        constexpr qint64 minute = 60'000;
        QList<HistorySample> samples;
        for (const qint64 m : {0, 1, 3}) {
            for (const QString &host : {u"lb1"_s, u"lb2"_s}) {
                HistorySample s;
                s.host = host;
                s.vip = u"web"_s;
                s.bucketMs = t0 + m * minute;
                s.samples = 30;
                s.sessionsSum = 30 * 4;     // mean 4 on each host
                s.requestRateSum = 30 * 10; // 10/s on each host
                s.http5xx = 60;             // 1/s on each host
                samples << s;
            }
        }
        const QList<HistoryPoint> points = vipTraffic(samples, minute, 60);
        QCOMPARE(points.size(), 3);
        QCOMPARE(points[0].sessions, 8.0);
        QCOMPARE(points[0].requestRate, 20.0);
        QCOMPARE(points[0].http5xxPerSec, 2.0);
        QCOMPARE(points[2].msecs - points[1].msecs, 2 * minute); // the gap stays a gap
        // Ten-minute buckets (t0 is on one): one point, the same rates.
        QCOMPARE(t0 % (10 * minute), 0);
        const QList<HistoryPoint> coarse = vipTraffic(samples, 10 * minute, 60);
        QCOMPARE(coarse.size(), 1);
        QCOMPARE(coarse[0].sessions, 8.0);
        QCOMPARE(coarse[0].http5xxPerSec, 2.0);
    }

    void withoutAStoreTheReportSaysSo()
    {
        TempDir dir;
        HistoryDatabase db(AuditStoreConfig::sqlite(dir.filePath(u"none.sqlite"_s)));
        const Result<void> opened = db.open(HistoryDatabase::Access::Read);
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, ErrorCode::HistoryMissing);
        QVERIFY(!QFile::exists(dir.filePath(u"none.sqlite"_s)));
        ReportInput input;
        input.snapshot = Snapshot(healthyFleet());
        input.verdicts = evaluateFleet(input.snapshot, syntheticNow());
        input.historyError = opened.error();
        const ReportDocument doc = buildReport(input);
        const auto section =
            std::find_if(doc.sections.cbegin(), doc.sections.cend(),
                         [](const ReportSection &s) { return s.id == u"history"_s; });
        QVERIFY(section != doc.sections.cend());
        QCOMPARE(section->blocks.size(), 1);
        QVERIFY(std::get<ReportParagraph>(section->blocks[0]).text.contains(u"No history"_s));
    }
};

QTEST_GUILESS_MAIN(TestHistory)
#include "tst_history.moc"
