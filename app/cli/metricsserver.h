#pragma once

// MetricsServer: the latest poll's Prometheus text at http://ADDRESS:PORT/metrics,
// while `vipdeckctl record --metrics-listen` runs, for a Prometheus server to
// scrape.  One request per connection (GET or HEAD of /metrics); a request
// that is larger than 8 KiB or not complete within 5 s is cut off, and at
// most 16 connections are served at once, so a broken or hostile client
// costs nothing but its own connection.  Before the first poll the answer is
// 503.

#include "core/common/result.h"

#include <QHostAddress>
#include <QObject>
#include <QTcpServer>

namespace vipdeck::cli {

class MetricsServer : public QObject
{
    Q_OBJECT
public:
    explicit MetricsServer(QObject *parent = nullptr);

    // "PORT" (on 127.0.0.1), "ADDRESS:PORT" or "[IPV6]:PORT".  PORT 0 picks a
    // free one.  Config error naming what to write instead.
    static Result<std::pair<QHostAddress, quint16>> parseListen(const QString &text);

    Result<void> listen(const QHostAddress &address, quint16 port);
    QString url() const; // "http://127.0.0.1:9412/metrics"

    // What is served from now on.
    void setMetrics(const QString &text);

private:
    void accept();

    QTcpServer m_server;
    QByteArray m_body;
    int m_open = 0;
};

} // namespace vipdeck::cli
