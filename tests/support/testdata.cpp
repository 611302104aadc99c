#include "tests/support/testdata.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QtTest>

namespace vipdeck::test {

QString dataPath(const QString &relative)
{
    const QByteArray root = qgetenv("VIPDECK_TEST_DATA_DIR");
    if (root.isEmpty())
        qFatal("VIPDECK_TEST_DATA_DIR is not set; run the test through ctest");
    const QString path = QDir(QString::fromLocal8Bit(root)).filePath(relative);
    if (!QFileInfo::exists(path))
        qFatal("missing test fixture %s", qPrintable(path));
    return path;
}

QByteArray readData(const QString &relative)
{
    QFile file(dataPath(relative));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read test fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

TempDir::TempDir() = default;

QString TempDir::write(const QString &name, const QByteArray &contents) const
{
    const QString path = m_dir.filePath(name);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(contents) != contents.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

QProcessEnvironment bareEnvironment(const QString &home)
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("HOME"), home);
    const QProcessEnvironment inherited = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"ASAN_OPTIONS", "LSAN_OPTIONS", "UBSAN_OPTIONS", "TSAN_OPTIONS"}) {
        const QString key = QString::fromLatin1(name);
        if (inherited.contains(key))
            env.insert(key, inherited.value(key));
    }
    return env;
}

} // namespace vipdeck::test
