#include "tests/support/lab.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>

using namespace Qt::StringLiterals;

namespace vipdeck::test {

Lab Lab::fromEnvironment()
{
    Lab lab;
    lab.m_dir = QString::fromLocal8Bit(qgetenv("VIPDECK_LAB_DIR"));
    lab.m_tool = QString::fromLocal8Bit(qgetenv("VIPDECK_LAB_TOOL"));
    if (!lab.m_dir.isEmpty() && !QFile::exists(QDir(lab.m_dir).filePath(u"lab.json"_s)))
        qFatal("VIPDECK_LAB_DIR=%s holds no lab.json: is the lab_up fixture running?",
               qPrintable(lab.m_dir));
    return lab;
}

QString Lab::fleetFile() const
{
    return QDir(m_dir).filePath(u"fleet.yaml"_s);
}

QString Lab::fleetFileWithoutObservers(const QString &dir) const
{
    QFile original(fleetFile());
    if (!original.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(fleetFile()));
    QStringList kept;
    bool inObservers = false;
    for (const QString &line : QString::fromUtf8(original.readAll()).split(u'\n')) {
        // A top-level key starts in column 0; `observers:` runs to the next one.
        if (!line.isEmpty() && !line.front().isSpace() && !line.startsWith(u'#'))
            inObservers = line.startsWith(u"observers:"_s);
        if (!inObservers)
            kept << line;
    }
    const QString path = QDir(dir).filePath(u"fleet-without-observers.yaml"_s);
    QFile copy(path);
    if (!copy.open(QIODevice::WriteOnly) || copy.write(kept.join(u'\n').toUtf8()) < 0)
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

QString Lab::knownHostsFile() const
{
    return QDir(m_dir).filePath(u"known_hosts"_s);
}

QString Lab::clientKey() const
{
    return QDir(m_dir).filePath(u"client/id_ed25519"_s);
}

QJsonObject Lab::state() const
{
    QFile file(QDir(m_dir).filePath(u"lab.json"_s));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

int Lab::run(const QStringList &args, QString *output) const
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    // The lab tool takes its directory from VIPDECK_LAB_DIR, whatever the command.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"VIPDECK_LAB_DIR"_s, m_dir);
    process.setProcessEnvironment(env);
    process.start(u"/usr/bin/python3"_s, QStringList{m_tool} + args);
    process.waitForFinished(180'000);
    if (output)
        *output = QString::fromLocal8Bit(process.readAll());
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

LabFault::LabFault(const Lab &lab, QStringList faultArgs)
    : m_lab(lab)
    , m_args(std::move(faultArgs))
{
    m_injected = m_lab.run(QStringList{u"fault"_s} + m_args, &m_output) == 0;
}

LabFault::~LabFault()
{
    if (m_injected)
        m_lab.run(QStringList{u"heal"_s} + m_args);
}

} // namespace vipdeck::test
