#include "core/ssh/sshwire.h"

#include <QtEndian>

namespace vipdeck {

QByteArray sshString(const QByteArray &bytes)
{
    QByteArray out(4, '\0');
    qToBigEndian(quint32(bytes.size()), out.data());
    return out + bytes;
}

QByteArray streamLocalPayload(const QString &socketPath)
{
    return sshString(socketPath.toUtf8()) + sshString(QByteArray()) + QByteArray(4, '\0');
}

std::optional<QByteArray> readSshString(const QByteArray &data, qsizetype &offset)
{
    if (offset < 0 || data.size() - offset < 4)
        return std::nullopt;
    const quint32 length = qFromBigEndian<quint32>(data.constData() + offset);
    if (quint64(data.size() - offset - 4) < length)
        return std::nullopt;
    QByteArray value = data.mid(offset + 4, qsizetype(length));
    offset += 4 + qsizetype(length);
    return value;
}

QString keyBlobType(const QByteArray &keyBlob)
{
    qsizetype offset = 0;
    const auto type = readSshString(keyBlob, offset);
    return type ? QString::fromLatin1(*type) : QString();
}

} // namespace vipdeck
