#pragma once

// FleetOverviewWidget: the VIP x host matrix with its filters (name, group,
// state) and sort order, and a legend that says what the marks mean.
// Activating a cell or a row header opens that VIP; a column header opens
// that host.

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace vipdeck {

class VipFilterProxyModel;
class VipHostMatrixModel;

class FleetOverviewWidget : public QWidget
{
    Q_OBJECT
public:
    explicit FleetOverviewWidget(VipHostMatrixModel *model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    VipFilterProxyModel *proxy() const { return m_proxy; }
    void setGroups(const QStringList &groups);
    // Filters the matrix to one group's VIPs.
    void showGroup(const QString &group);

    // Comfortable: "HEALTHY ▲" in cells 150 pixels wide.  Compact: the icon
    // and the announcement mark in narrow cells and low rows, so 20 hosts fit
    // side by side at 1280 pixels.  Automatic: compact above
    // CompactAboveHosts hosts.
    enum class Density { Automatic, Comfortable, Compact };
    static constexpr int CompactAboveHosts = 6;
    void setDensity(Density density);
    Density density() const { return m_density; }
    bool isCompact() const;

signals:
    // The density in effect changed (chosen, or automatic with a new fleet).
    void compactChanged(bool compact);
    void vipActivated(const QString &vip);
    void hostActivated(const QString &host);
    // Right click (or the menu key) on a VIP's row: `globalPos` for a menu.
    void vipContextMenuRequested(const QString &vip, const QPoint &globalPos);

private:
    VipHostMatrixModel *m_model;
    VipFilterProxyModel *m_proxy;
    QTableView *m_view;
    QLineEdit *m_name;
    QComboBox *m_group;
    QComboBox *m_state;
    QComboBox *m_sort;
    QLabel *m_summary;
    QLabel *m_legend;

    void applyDensity();
    Density m_density = Density::Automatic;
    bool m_compact = false;
    void updateSummary();
    void scheduleSummary(); // once the model's signals of one update are through
    bool m_summaryScheduled = false;
};

} // namespace vipdeck
