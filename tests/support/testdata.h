#pragma once

// Fixture files under tests/data and temporary files for tests.

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QTemporaryDir>

namespace vipdeck::test {

// Absolute path of tests/data/<relative>; fails the test run if it is missing.
QString dataPath(const QString &relative);

// Contents of tests/data/<relative>.
QByteArray readData(const QString &relative);

// A temporary directory that writes files on request and is removed afterwards.
class TempDir
{
public:
    TempDir();
    bool isValid() const { return m_dir.isValid(); }
    QString path() const { return m_dir.path(); }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }
    // Writes `contents` to `name` (creating folders) and returns its absolute path.
    QString write(const QString &name, const QByteArray &contents) const;

private:
    QTemporaryDir m_dir;
};

// The bare environment a service account or a monitoring agent runs a
// command in (PATH, LANG=C.UTF-8, HOME=`home`), plus the sanitizers' options
// of this process, so that a sanitizer build of the command keeps its
// suppressions and reports where scripts/test asked.
QProcessEnvironment bareEnvironment(const QString &home);

} // namespace vipdeck::test
