#pragma once

// ReloadDialog: reload one VIP's HAProxy, on one host or rolling over its
// hosts in the order the user sets (drag to reorder, untick to leave out),
// with a required reason.  Every run starts with the ReloadRunner's
// pre-flight over the chosen hosts, shown per host and per check; "Pre-flight"
// runs only that (a dry run).  A failed pre-flight refuses the reload unless
// the user ticks "skip hosts that fail" (ReloadRequest::force, audited as
// forced).  While it runs: each host's current step; after: each host's
// result and the `haproxy -c` output.  The runner stops at the first host
// whose reload fails.

#include "core/fleet/reloadoperation.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QTreeWidget;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace vipdeck {

class ReloadRunner;

class ReloadDialog : public QDialog
{
    Q_OBJECT
public:
    ReloadDialog(ReloadRunner *runner, const QString &vip, const QStringList &hosts,
                 QWidget *parent = nullptr);

    bool isRunning() const { return m_running; }
    const std::optional<ReloadResult> &result() const { return m_result; }

signals:
    void runningChanged(bool running);
    // A reload (not a dry run) ended: its summary, and whether it succeeded.
    void outcomeReady(const QString &title, const QString &body, bool ok);

private:
    QStringList chosenHosts() const;
    void updateButtons();
    void run(bool dryRun);
    void setHostText(const QString &host, const QString &text);
    void showPreflightCheck(const QString &host, const PreflightCheckResult &check);

    ReloadRunner *m_runner;
    QString m_vip;
    bool m_running = false;
    std::optional<ReloadResult> m_result;
    QListWidget *m_hosts;
    QLineEdit *m_reason;
    QCheckBox *m_force;
    QTreeWidget *m_preflight;
    QPlainTextEdit *m_output;
    QLabel *m_summary;
    QPushButton *m_check;
    QPushButton *m_run;
    QPushButton *m_close;
};

} // namespace vipdeck
