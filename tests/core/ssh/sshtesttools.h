#pragma once

// Helpers for SSH tests that use the real OpenSSH tools: key generation with
// ssh-keygen and running a program to completion.

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace vipdeck::test {

struct ProcessOutput
{
    int exitCode = -1;
    QByteArray standardOutput;
    QByteArray standardError;
};

// Runs `program args` (no shell) and waits up to 30 s.
inline ProcessOutput runProgram(const QString &program, const QStringList &args)
{
    QProcess process;
    process.start(program, args);
    process.closeWriteChannel();
    ProcessOutput out;
    if (!process.waitForFinished(30'000)) {
        process.kill();
        process.waitForFinished();
        return out;
    }
    out.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    out.standardOutput = process.readAllStandardOutput();
    out.standardError = process.readAllStandardError();
    return out;
}

// ssh-keygen -t TYPE [-b BITS] [-m FORMAT] -N PASSPHRASE -f PATH; returns the
// private key's path (the public half is PATH.pub), empty on failure.
inline QString generateKey(const QString &path, const QString &type, const QString &passphrase = {},
                           int bits = 0, const QString &format = {})
{
    QStringList args{QStringLiteral("-q"),           QStringLiteral("-t"), type,
                     QStringLiteral("-N"),           passphrase,           QStringLiteral("-C"),
                     QStringLiteral("vipdeck-test"), QStringLiteral("-f"), path};
    if (bits > 0)
        args << QStringLiteral("-b") << QString::number(bits);
    if (!format.isEmpty())
        args << QStringLiteral("-m") << format;
    return runProgram(QStringLiteral("ssh-keygen"), args).exitCode == 0 ? path : QString();
}

// The key blob of an OpenSSH public key line ("type base64 comment").
inline QByteArray publicKeyBlob(const QByteArray &publicKeyLine)
{
    const QList<QByteArray> fields = publicKeyLine.trimmed().split(' ');
    return fields.size() >= 2 ? QByteArray::fromBase64(fields.at(1)) : QByteArray();
}

} // namespace vipdeck::test
