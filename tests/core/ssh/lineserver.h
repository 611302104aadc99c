#pragma once

// LineServer: a UNIX socket server on the test's thread that answers each
// line it reads with reply(line), then closes the connection if asked to;
// a stand-in daemon for transport tests.

#include <QLocalServer>
#include <QLocalSocket>

#include <functional>

namespace vipdeck::test {

class LineServer : public QObject
{
public:
    LineServer(const QString &path, std::function<QByteArray(const QByteArray &)> reply,
               bool closeAfter)
        : m_reply(std::move(reply))
        , m_closeAfter(closeAfter)
    {
        m_server.setSocketOptions(QLocalServer::WorldAccessOption);
        if (!m_server.listen(path))
            qFatal("cannot listen on %s", qPrintable(path));
        connect(&m_server, &QLocalServer::newConnection, this, [this] {
            while (QLocalSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QLocalSocket::readyRead, socket, [this, socket] {
                    while (socket->canReadLine()) {
                        socket->write(m_reply(socket->readLine()));
                        if (m_closeAfter)
                            socket->disconnectFromServer();
                    }
                });
            }
        });
    }

private:
    QLocalServer m_server;
    std::function<QByteArray(const QByteArray &)> m_reply;
    bool m_closeAfter;
};

} // namespace vipdeck::test
