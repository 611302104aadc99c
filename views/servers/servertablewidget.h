#pragma once

// ServerTableWidget: every server everywhere, with quick filter buttons
// (DOWN, DRAIN, MAINT, drift), a search field, sorting and multi-selection.
// Selected servers are what the server actions act on.

#include "models/servertablemodel.h"
#include "views/servers/serverfilterproxymodel.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QTableView;
class QToolButton;

namespace vipdeck {

class ServerTableModel;

class ServerTableWidget : public QWidget
{
    Q_OBJECT
public:
    explicit ServerTableWidget(ServerTableModel *model, QWidget *parent = nullptr);

    // Shows the servers matching `text` (as if typed into the search field).
    void search(const QString &text);
    // Selects every shown row of the server named exactly `server` (on
    // every host and VIP), the first one current; returns how many.
    int selectServer(const QString &server);
    QTableView *view() const { return m_view; }
    ServerFilterProxyModel *proxy() const { return m_proxy; }
    QList<ServerLocation> selectedServers() const;

private:
    void updateFilters();
    void updateCount();

    ServerFilterProxyModel *m_proxy = nullptr;
    QTableView *m_view = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_count = nullptr;
    QList<QToolButton *> m_filterButtons;
};

} // namespace vipdeck
