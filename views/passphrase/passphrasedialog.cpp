#include "views/passphrase/passphrasedialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace vipdeck {

PassphraseDialog::PassphraseDialog(const PassphraseRequest &request, QWidget *parent)
    : QDialog(parent)
    , m_passphrase(new QLineEdit)
    , m_remember(new QCheckBox(tr("&Remember in the system keychain")))
{
    setObjectName(u"passphraseDialog"_s);
    setWindowTitle(tr("Passphrase for %1").arg(QFileInfo(request.keyPath).fileName()));

    auto *intro = new QLabel(tr("The SSH identity file below is encrypted. Enter its passphrase "
                                "to connect to %1; it is kept in memory for this session.")
                                 .arg(request.host));
    intro->setObjectName(u"passphraseIntro"_s);
    intro->setWordWrap(true);

    auto *keyPath = new QLabel(request.keyPath);
    keyPath->setObjectName(u"passphraseKeyPath"_s);
    keyPath->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *form = new QFormLayout;
    form->addRow(tr("Key file:"), keyPath);
    form->addRow(tr("Host:"), new QLabel(request.host));
    m_passphrase->setObjectName(u"passphraseEdit"_s);
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setMinimumWidth(280);
    form->addRow(tr("&Passphrase:"), m_passphrase);

    auto *problem = new QLabel(request.problem);
    problem->setObjectName(u"passphraseProblem"_s);
    problem->setWordWrap(true);
    problem->setStyleSheet(u"color: #d32f2f; font-weight: bold"_s);
    problem->setVisible(!request.problem.isEmpty());

    m_remember->setObjectName(u"rememberCheck"_s);
    m_remember->setEnabled(request.canRemember);
    m_remember->setToolTip(request.canRemember
                               ? tr("Stored once it opened the key; asked again if it stops "
                                    "working.")
                               : tr("No system keychain is available (Secret Service, KWallet)."));

    auto *note = new QLabel(tr("Cancel skips this key until the fleet is opened again."));
    note->setObjectName(u"passphraseNote"_s);
    note->setWordWrap(true);
    note->setEnabled(false); // the palette's muted text

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setObjectName(u"passphraseOk"_s);
    m_ok->setEnabled(false); // an encrypted key has a passphrase
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(u"passphraseCancel"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_passphrase, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_ok->setEnabled(!text.isEmpty()); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(problem);
    layout->addWidget(m_remember);
    layout->addWidget(note);
    layout->addWidget(buttons);
    m_passphrase->setFocus();
}

PassphraseAnswer PassphraseDialog::answer() const
{
    return PassphraseAnswer{m_passphrase->text(),
                            m_remember->isEnabled() && m_remember->isChecked()};
}

} // namespace vipdeck
