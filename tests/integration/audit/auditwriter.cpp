// audit_writer: a child process for the audit integration tests and the
// benchmark.  Appends intent + completion pairs to a store and prints each
// id on stdout (flushed) only after the append returned, so the parent knows
// exactly what was confirmed when it kills this process.
//
//   audit_writer --store PATH|URL [--count N] [--tag NAME] [--wait-go]
//   stdout: "ready" (after opening, with --wait-go: then waits for a stdin line),
//           "intent ID", "complete INTENT_ID COMPLETION_ID", "done"

#include "core/audit/auditstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>
#include <iostream>
#include <string>

using namespace Qt::StringLiterals;
using namespace vipdeck;

namespace {
void say(const QString &line)
{
    std::fputs(qPrintable(line + u'\n'), stdout);
    std::fflush(stdout);
}

int fail(const Error &error)
{
    std::fprintf(stderr, "audit_writer: %s\n%s\n", qPrintable(error.toString()),
                 qPrintable(error.detail));
    return 1;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption storeOpt(u"store"_s, u"SQLite path or PostgreSQL URL"_s, u"S"_s);
    const QCommandLineOption countOpt(u"count"_s, u"pairs to write, 0 = forever"_s, u"N"_s, u"0"_s);
    const QCommandLineOption tagOpt(u"tag"_s, u"server name on the targets"_s, u"T"_s, u"w"_s);
    const QCommandLineOption waitOpt(u"wait-go"_s, u"wait for a line on stdin first"_s);
    parser.addOptions({storeOpt, countOpt, tagOpt, waitOpt});
    parser.process(app);

    auto config = AuditStoreConfig::fromUrl(parser.value(storeOpt));
    if (!config)
        return fail(config.error());
    auto store = AuditStore::open(*config);
    if (!store)
        return fail(store.error());
    say(u"ready"_s);
    if (parser.isSet(waitOpt)) {
        std::string line;
        std::getline(std::cin, line);
    }

    const qint64 count = parser.value(countOpt).toLongLong();
    const QString tag = parser.value(tagOpt);
    for (qint64 i = 0; count == 0 || i < count; ++i) {
        AuditIntent intent;
        intent.action = u"drain"_s;
        intent.targets = {{u"web"_s, u"lb1"_s, u"be_web"_s, tag},
                          {u"web"_s, u"lb2"_s, u"be_web"_s, tag}};
        intent.reason = u"audit test %1 #%2"_s.arg(tag).arg(i);
        intent.stateBefore = u"{\"admin\":\"READY\"}"_s;
        auto id = (*store)->beginAction(intent);
        if (!id)
            return fail(id.error());
        say(u"intent %1"_s.arg(*id));
        AuditCompletion completion;
        completion.results = {{intent.targets[0], AuditOutcome::Ok, u"DRAIN set"_s},
                              {intent.targets[1], AuditOutcome::Ok, u"DRAIN set"_s}};
        completion.stateAfter = u"{\"admin\":\"DRAIN\"}"_s;
        auto done = (*store)->completeAction(*id, completion);
        if (!done)
            return fail(done.error());
        say(u"complete %1 %2"_s.arg(*id).arg(*done));
    }
    say(u"done"_s);
    return 0;
}
