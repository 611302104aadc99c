#pragma once

// PassphraseDialog: asks for the passphrase of an encrypted SSH identity
// file: which key, for which host, why it is asked again (a wrong passphrase,
// a keychain that could not be read), and whether to remember it in the
// system keychain.  Cancel skips the key for this session.

#include "core/fleet/passphrasecache.h"

#include <QDialog>

class QCheckBox;
class QLineEdit;
class QPushButton;

namespace vipdeck {

class PassphraseDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PassphraseDialog(const PassphraseRequest &request, QWidget *parent = nullptr);

    QLineEdit *passphraseEdit() const { return m_passphrase; }
    QCheckBox *rememberCheck() const { return m_remember; }
    PassphraseAnswer answer() const;

private:
    QLineEdit *m_passphrase;
    QCheckBox *m_remember;
    QPushButton *m_ok = nullptr;
};

} // namespace vipdeck
