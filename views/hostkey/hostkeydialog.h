#pragma once

// HostKeyDialog: a host offered an SSH host key that known_hosts does not
// have.  Shows the fingerprint so the user can compare it with the one the
// host's admin gave; Accept appends it to known_hosts (trustHostKey), Refuse
// leaves the host disconnected.  A CHANGED key is shown as an error with no
// way to accept it: a human must look at known_hosts.

#include "core/ssh/transport.h"

#include <QDialog>

class QLabel;
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

private:
    void trust();

    HostKeyInfo m_key;
    bool m_changed = false;
    bool m_trusted = false;
    QLabel *m_error;
    QPushButton *m_accept = nullptr;
};

} // namespace vipdeck
