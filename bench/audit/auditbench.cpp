// bench_audit: audit appends per second (intent + completion pairs) on
// SQLite (WAL, synchronous=FULL) and on PostgreSQL (a throwaway local
// cluster, or --pg-url), with one writer and with two concurrent writers,
// plus the time `verify` takes.  Prints figures; asserts nothing.
//
//   bench_audit [--pairs N] [--pg-url postgresql://...] [--no-postgres]

#include "core/audit/auditstore.h"
#include "tests/integration/audit/postgrescluster.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <cstdio>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;
using namespace vipdeck;

namespace {

bool writePairs(AuditStore &store, int pairs, const QString &tag)
{
    for (int i = 0; i < pairs; ++i) {
        AuditIntent intent;
        intent.action = u"drain"_s;
        intent.targets = {{u"web"_s, u"lb1"_s, u"be_web"_s, tag},
                          {u"web"_s, u"lb2"_s, u"be_web"_s, tag}};
        intent.reason = u"bench"_s;
        auto id = store.beginAction(intent);
        if (!id) {
            std::fprintf(stderr, "%s\n", qPrintable(id.error().toString()));
            return false;
        }
        AuditCompletion done;
        done.results = {{intent.targets[0], AuditOutcome::Ok, {}},
                        {intent.targets[1], AuditOutcome::Ok, {}}};
        if (!store.completeAction(*id, done))
            return false;
    }
    return true;
}

// Writes `pairs` pairs with `writers` stores (connections) in parallel and
// prints the rate.
bool measure(const char *label, const AuditStoreConfig &config, int writers, int pairs)
{
    std::vector<std::unique_ptr<AuditStore>> stores;
    for (int i = 0; i < writers; ++i) {
        auto store = AuditStore::open(config);
        if (!store) {
            std::fprintf(stderr, "%s: %s\n", label, qPrintable(store.error().toString()));
            return false;
        }
        stores.push_back(std::move(*store));
    }
    QElapsedTimer timer;
    timer.start();
    std::vector<std::thread> threads;
    std::atomic<bool> ok = true;
    for (int i = 0; i < writers; ++i)
        threads.emplace_back([&, i] {
            if (!writePairs(*stores[i], pairs / writers, u"w%1"_s.arg(i)))
                ok = false;
        });
    for (auto &t : threads)
        t.join();
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (!ok)
        return false;
    std::printf("%-34s %2d writer(s) %6d pairs  %8.1f pairs/s  %8.1f records/s  %6.2f ms/pair\n",
                label, writers, pairs, pairs / seconds, 2 * pairs / seconds,
                1000 * seconds / pairs);
    timer.restart();
    auto report = stores.front()->verify();
    if (!report || !report->ok()) {
        std::fprintf(stderr, "%s: verify failed\n", label);
        return false;
    }
    std::printf("%-34s verify %lld records in %.0f ms (%.0f records/s)\n", label, report->checked,
                double(timer.elapsed()),
                double(report->checked) / std::max(1e-3, double(timer.elapsed()) / 1000));
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption pairsOpt(u"pairs"_s, u"pairs per run"_s, u"N"_s, u"1000"_s);
    const QCommandLineOption pgUrl(u"pg-url"_s, u"an existing PostgreSQL database"_s, u"URL"_s);
    const QCommandLineOption noPg(u"no-postgres"_s, u"SQLite only"_s);
    parser.addOptions({pairsOpt, pgUrl, noPg});
    parser.process(app);
    const int pairs = parser.value(pairsOpt).toInt();

    QTemporaryDir dir;
    bool ok = measure("sqlite (WAL, synchronous=FULL)",
                      AuditStoreConfig::sqlite(dir.filePath(u"one.sqlite"_s)), 1, pairs);
    ok = measure("sqlite (WAL, synchronous=FULL)",
                 AuditStoreConfig::sqlite(dir.filePath(u"two.sqlite"_s)), 2, pairs) &&
         ok;
    if (parser.isSet(noPg))
        return ok ? 0 : 1;

    std::unique_ptr<vipdeck::test::PostgresCluster> cluster;
    QString url = parser.value(pgUrl);
    if (url.isEmpty()) {
        cluster = std::make_unique<vipdeck::test::PostgresCluster>();
        QString error;
        if (!cluster->start(&error)) {
            std::fprintf(stderr, "postgresql: not measured: %s\n", qPrintable(error));
            return 1;
        }
        url = cluster->url();
    }
    auto config = AuditStoreConfig::fromUrl(url);
    if (!config) {
        std::fprintf(stderr, "%s\n", qPrintable(config.error().toString()));
        return 1;
    }
    ok = measure("postgresql (local, fsync on)", *config, 1, pairs) && ok;
    ok = measure("postgresql (local, fsync on)", *config, 2, pairs) && ok;
    return ok ? 0 : 1;
}
