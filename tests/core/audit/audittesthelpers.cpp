#include "tests/core/audit/audittesthelpers.h"

#include <QProcess>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace vipdeck::test {

AuditIntent makeIntent(const QString &action, const QList<AuditTarget> &targets,
                       const QString &reason, const QString &operatorName)
{
    AuditIntent intent;
    intent.action = action;
    intent.targets = targets;
    intent.reason = reason;
    intent.operatorName = operatorName;
    intent.workstation = u"ws1"_s;
    intent.sshUser = u"vipdeck"_s;
    intent.stateBefore = u"{\"admin\":\"READY\"}"_s;
    return intent;
}

namespace {
bool runSqlite3(const QString &database, const QByteArray &input, QString *output)
{
    QProcess p;
    p.start(u"sqlite3"_s, {u"-batch"_s, u"-bail"_s, database});
    if (!p.waitForStarted()) {
        qWarning("sqlite3 could not start: install the Debian package sqlite3");
        return false;
    }
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000))
        return false;
    if (output)
        *output = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning("sqlite3 failed on %s: %s", qPrintable(database),
                 p.readAllStandardError().constData());
        return false;
    }
    return true;
}
} // namespace

bool sqlite3(const QString &database, const QString &sql, QString *output)
{
    return runSqlite3(database, sql.toUtf8(), output);
}

bool sqlite3Load(const QString &database, const QString &dumpFile)
{
    QFile dump(dumpFile);
    if (!dump.open(QIODevice::ReadOnly))
        return false;
    return runSqlite3(database, dump.readAll(), nullptr);
}

} // namespace vipdeck::test
