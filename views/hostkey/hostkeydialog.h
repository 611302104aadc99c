#pragma once

// HostKeyDialog: a host offered an SSH host key that known_hosts does not
// have.  Shows the fingerprint so the user can compare it with the one the
// host's admin gave; Accept appends it to known_hosts (trustHostKey), Refuse
// leaves the host disconnected.  Trusting is a deliberate act: Accept stays
// disabled until the last four characters of the fingerprint are typed, and
// until then focus and Enter belong to Refuse (as OpenSSH makes you type
// "yes").  A CHANGED key is shown as an error with no
// way to accept it: a human must look at known_hosts.

#include "core/ssh/transport.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace vipdeck {

class HostKeyDialog : public QDialog
{
    Q_OBJECT
public:
    HostKeyDialog(const QString &host, const TransportStatus &status, QWidget *parent = nullptr);

    bool isChangedKey() const { return m_changed; }
    // After accept(): whether the key was written, and the error if not.
    bool trusted() const { return m_trusted; }
    QString errorText() const;

protected:
    void showEvent(QShowEvent *event) override;

private:
    void trust();

    HostKeyInfo m_key;
    bool m_changed = false;
    bool m_trusted = false;
    QLabel *m_error;
    QPushButton *m_accept = nullptr;
    QPushButton *m_refuse = nullptr;
    QLineEdit *m_confirm = nullptr;
};

} // namespace vipdeck
