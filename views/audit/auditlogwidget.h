#pragma once

// AuditLogWidget: the audit log, newest first, filtered by server, VIP,
// host, action and operator (or only incomplete intents) and searched by free
// text (Ctrl+F; the store does the search, so it pages through large logs),
// paged as the table scrolls, with the number of matching records and a CSV
// export of the rows loaded so far (`vipdeckctl audit export` exports whole
// logs).

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace vipdeck {

class AuditLogModel;

class AuditLogWidget : public QWidget
{
    Q_OBJECT
public:
    explicit AuditLogWidget(AuditLogModel *model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    QLineEdit *searchField() const { return m_search; }
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
    QLineEdit *m_search;
    QTimer *m_searchDelay; // typing pauses before a search runs
    QLabel *m_count;
    QTableView *m_view;
};

} // namespace vipdeck
