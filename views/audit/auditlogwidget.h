#pragma once

// AuditLogWidget: the audit log, newest first, filtered by server, VIP,
// host, action and operator (or only incomplete intents), paged as the table
// scrolls, with the number of matching records and a CSV export of the rows
// loaded so far (`vipdeckctl audit export` exports whole logs).

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace vipdeck {

class AuditLogModel;

class AuditLogWidget : public QWidget
{
    Q_OBJECT
public:
    explicit AuditLogWidget(AuditLogModel *model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    void applyFilter();
    bool exportCsv(const QString &path) const;

private:
    void updateCount();
    void chooseExport();

    AuditLogModel *m_model;
    QLineEdit *m_server;
    QLineEdit *m_vip;
    QLineEdit *m_host;
    QLineEdit *m_action;
    QLineEdit *m_operator;
    QCheckBox *m_incomplete;
    QLabel *m_count;
    QTableView *m_view;
};

} // namespace vipdeck
