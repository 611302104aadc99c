#pragma once

// ServerOperationDialog: drain / ready / maint / weight on one or more
// servers, "everywhere" (every VIP, host and backend where each serves) or
// only on the selected rows.  Before it runs: the targets and the impact on
// each backend (those left below their threshold in red, runnable only with
// an explicit force) and a required reason.  While it runs: each target's
// progress.  After: each target's result, and a one-click reverse of what
// succeeded.  The operations themselves run on the ServerOperationRunner's
// threads; this dialog only shows them.

#include "core/fleet/serveroperation.h"
#include "models/servertablemodel.h"

#include <QDialog>

#include <functional>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace vipdeck {

class ServerOperationRunner;

class ServerOperationDialog : public QDialog
{
    Q_OBJECT
public:
    enum Column {
        VipColumn,
        HostColumn,
        BackendColumn,
        ServerColumn,
        NowColumn,
        ImpactColumn,
        ResultColumn,
        ColumnCount
    };

    // `snapshot` gives the latest snapshot (previews are computed from it);
    // `selection` are the selected rows (or just a server name).
    ServerOperationDialog(ServerOperationRunner *runner, std::function<Snapshot()> snapshot,
                          ServerAction action, const QList<ServerLocation> &selection,
                          QWidget *parent = nullptr);

    bool needsForce() const;
    bool isRunning() const { return m_running; }
    const QList<OperationResult> &results() const { return m_results; }
    QString errorText() const;

signals:
    void runningChanged(bool running);
    // A run ended: one line to notify with, the dialog's summary, and
    // whether every target succeeded.
    void outcomeReady(const QString &title, const QString &body, bool ok);

protected:
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildPreviews();
    void fillTargets();
    void updateButtons();
    void run();
    void runNext();
    void reverse();

    ServerOperationRunner *m_runner;
    std::function<Snapshot()> m_snapshot;
    ServerAction m_action;
    QList<ServerLocation> m_selection;
    QStringList m_servers;

    QList<OperationPreview> m_previews;
    QList<int> m_offsets; // first table row of each preview
    QList<OperationResult> m_results;
    int m_next = 0;
    bool m_running = false;
    bool m_done = false;

    QLabel *m_title;
    QCheckBox *m_everywhere;
    QSpinBox *m_weight;
    QTableWidget *m_targets;
    QLabel *m_notes;
    QLabel *m_error;
    QLineEdit *m_reason;
    QCheckBox *m_force;
    QLabel *m_summary;
    QPushButton *m_run;
    QPushButton *m_reverse;
    QPushButton *m_close;
};

} // namespace vipdeck
