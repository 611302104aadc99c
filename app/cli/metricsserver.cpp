#include "app/cli/metricsserver.h"

#include <QCoreApplication>
#include <QTcpSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace vipdeck::cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vipdeck::cli)
};

constexpr qsizetype kMaxRequest = 8 * 1024;
constexpr int kRequestTimeoutMs = 5000;
constexpr int kMaxConnections = 16;

QByteArray response(const QByteArray &status, const QByteArray &type, const QByteArray &body,
                    bool head)
{
    QByteArray out = "HTTP/1.0 " + status + "\r\nContent-Type: " + type +
                     "\r\nContent-Length: " + QByteArray::number(body.size()) +
                     "\r\nConnection: close\r\n\r\n";
    if (!head)
        out += body;
    return out;
}

} // namespace

MetricsServer::MetricsServer(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &MetricsServer::accept);
}

Result<std::pair<QHostAddress, quint16>> MetricsServer::parseListen(const QString &text)
{
    const auto invalid = [&text](const QString &why) {
        return Error(ErrorCode::InvalidArgument, Tr::tr("--metrics-listen: %1").arg(why), text,
                     Tr::tr("write a port (9412, on 127.0.0.1), ADDRESS:PORT or [IPV6]:PORT"));
    };
    QString host = u"127.0.0.1"_s;
    QString port = text;
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon >= 0) {
        host = text.left(colon);
        port = text.mid(colon + 1);
        if (host.startsWith(u'[') && host.endsWith(u']'))
            host = host.mid(1, host.size() - 2);
    }
    bool ok = false;
    const uint number = port.toUInt(&ok);
    if (!ok || number > 65535)
        return invalid(Tr::tr("'%1' is not a port number").arg(port));
    QHostAddress address;
    if (!address.setAddress(host))
        return invalid(Tr::tr("'%1' is not an IP address").arg(host));
    return std::pair{address, quint16(number)};
}

Result<void> MetricsServer::listen(const QHostAddress &address, quint16 port)
{
    if (!m_server.listen(address, port))
        return Error(ErrorCode::Io,
                     Tr::tr("cannot listen for metrics on %1: %2")
                         .arg(address.toString())
                         .arg(m_server.errorString()),
                     QString::number(port),
                     Tr::tr("choose another port with --metrics-listen, or 0 for a free one"));
    return {};
}

QString MetricsServer::url() const
{
    const QHostAddress address = m_server.serverAddress();
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? u"[%1]"_s.arg(address.toString())
                             : address.toString();
    return u"http://%1:%2/metrics"_s.arg(host).arg(m_server.serverPort());
}

void MetricsServer::setMetrics(const QString &text)
{
    m_body = text.toUtf8();
}

void MetricsServer::accept()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        if (m_open >= kMaxConnections) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        ++m_open;
        connect(socket, &QObject::destroyed, this, [this] { --m_open; });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        // Complete within the time limit, or cut off.
        QTimer::singleShot(kRequestTimeoutMs, socket, [socket] { socket->abort(); });
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
            if (socket->property("answered").toBool()) {
                socket->readAll();
                return;
            }
            // Everything that came is read (unread bytes would turn the close
            // into a reset that may lose the answer); only the limit is kept.
            QByteArray request = socket->property("request").toByteArray();
            request += socket->readAll().left(kMaxRequest + 1 - request.size());
            if (request.size() > kMaxRequest) {
                socket->write(response("431 Request Header Fields Too Large", "text/plain",
                                       "request too large\n", false));
                socket->disconnectFromHost();
                socket->setProperty("answered", true);
                return;
            }
            socket->setProperty("request", request);
            if (!request.contains("\r\n\r\n") && !request.contains("\n\n"))
                return; // the headers are not complete yet
            const QList<QByteArray> line = request.left(request.indexOf('\n')).trimmed().split(' ');
            const QByteArray method = line.value(0);
            const QByteArray path = line.value(1);
            const bool head = method == "HEAD";
            QByteArray answer;
            if (method != "GET" && !head)
                answer = response("405 Method Not Allowed", "text/plain", "GET /metrics\n", head);
            else if (path != "/metrics" && !path.startsWith("/metrics?"))
                answer =
                    response("404 Not Found", "text/plain", "the metrics are at /metrics\n", head);
            else if (m_body.isEmpty())
                answer = response("503 Service Unavailable", "text/plain",
                                  "no poll has finished yet\n", head);
            else
                answer =
                    response("200 OK", "text/plain; version=0.0.4; charset=utf-8", m_body, head);
            socket->setProperty("answered", true);
            socket->write(answer);
            socket->disconnectFromHost();
        });
    }
}

} // namespace vipdeck::cli
