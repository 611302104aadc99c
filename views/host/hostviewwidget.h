#pragma once

// HostViewWidget: one LB host: its SSH connection state and last error, its
// BIRD (version, router id, last error), the HAProxy process of each VIP on
// it, and its BGP and BFD sessions.

#include "core/ssh/transport.h"

#include <QHash>
#include <QWidget>

class QComboBox;
class QLabel;
class QSortFilterProxyModel;
class QTableView;
class QTreeWidget;

namespace vipdeck {

class FleetModels;

class HostViewWidget : public QWidget
{
    Q_OBJECT
public:
    explicit HostViewWidget(FleetModels *models, QWidget *parent = nullptr);

    void setHosts(const QStringList &hosts);
    void showHost(const QString &host);
    QString host() const;
    void setTransportStatus(const QString &host, const TransportStatus &status);

protected:
    void showEvent(QShowEvent *event) override;

private:
    // Rebuilds the view from the latest update; while the tab is hidden it
    // only notes that it must (a poll every second at 150 VIPs per host).
    void refresh();

    FleetModels *m_models;
    bool m_stale = true;
    QHash<QString, TransportStatus> m_transport;
    QComboBox *m_host;
    QLabel *m_ssh;
    QLabel *m_bird;
    QTreeWidget *m_processes;
    QSortFilterProxyModel *m_bgpProxy;
    QSortFilterProxyModel *m_bfdProxy;
    QTableView *m_bgp;
    QTableView *m_bfd;
};

} // namespace vipdeck
