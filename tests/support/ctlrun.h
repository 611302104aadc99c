#pragma once

// vipdeckctl run in-process (cli::run) with its output captured, for tests
// that link vipdeck_cli.

#include "app/cli/cli.h"
#include "app/cli/console.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace vipdeck::test {

struct CtlOutcome
{
    int code = -1;
    QString out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
};

// `arguments` plus `--fleet fleet`.
inline CtlOutcome runCtl(QStringList arguments, const QString &fleet)
{
    arguments << QStringLiteral("--fleet") << fleet;
    cli::StringConsole console;
    CtlOutcome outcome;
    outcome.code = cli::run(arguments, console);
    outcome.out = console.output();
    outcome.err = console.errors();
    return outcome;
}

} // namespace vipdeck::test
