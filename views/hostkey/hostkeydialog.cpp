#include "views/hostkey/hostkeydialog.h"

#include "core/ssh/knownhosts.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace vipdeck {

HostKeyDialog::HostKeyDialog(const QString &host, const TransportStatus &status, QWidget *parent)
    : QDialog(parent)
    , m_key(status.offeredHostKey)
    , m_changed(status.lastError.code == ErrorCode::HostKeyChanged)
    , m_error(new QLabel)
{
    setObjectName(u"hostKeyDialog"_s);
    setWindowTitle(m_changed ? tr("Host key CHANGED for %1").arg(host)
                             : tr("Unknown host key for %1").arg(host));

    auto *intro = new QLabel;
    intro->setObjectName(u"hostKeyIntro"_s);
    intro->setWordWrap(true);
    if (m_changed) {
        intro->setText(
            tr("<b>%1 offered a host key different from the one in known_hosts.</b><br>This can "
               "mean the host was reinstalled, or that someone is intercepting the connection. "
               "vipdeck will not connect and will not replace the key. Check with the host's "
               "administrator, then edit %2 by hand.")
                .arg(host.toHtmlEscaped(), m_key.knownHostsFile.toHtmlEscaped()));
    } else {
        intro->setText(tr("%1 is not in known_hosts yet. Compare this fingerprint with the one "
                          "the host's administrator gave you (ssh-keygen -lf on the host) before "
                          "you accept it.")
                           .arg(host.toHtmlEscaped()));
    }

    auto *fingerprint = new QLabel(m_key.fingerprint);
    fingerprint->setObjectName(u"hostKeyFingerprint"_s);
    fingerprint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont mono(u"monospace"_s);
    mono.setStyleHint(QFont::Monospace);
    fingerprint->setFont(mono);
    auto *form = new QFormLayout;
    form->addRow(tr("Host:"), new QLabel(u"%1 port %2"_s.arg(m_key.host).arg(m_key.port)));
    form->addRow(tr("Key type:"), new QLabel(m_key.keyType));
    form->addRow(tr("Fingerprint:"), fingerprint);
    form->addRow(tr("known_hosts:"), new QLabel(m_key.knownHostsFile));

    m_error->setObjectName(u"hostKeyError"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #d32f2f; font-weight: bold"_s);
    m_error->setVisible(m_changed);
    if (m_changed)
        m_error->setText(status.lastError.toString());

    auto *buttons = new QDialogButtonBox;
    if (!m_changed && !m_key.isNull()) {
        m_confirm = new QLineEdit;
        m_confirm->setObjectName(u"hostKeyConfirm"_s);
        m_confirm->setMaxLength(4);
        m_confirm->setFont(mono);
        m_confirm->setPlaceholderText(tr("last 4 characters"));
        form->addRow(tr("To accept, type the fingerprint's &last four characters:"), m_confirm);

        m_accept = buttons->addButton(tr("&Accept and Remember"), QDialogButtonBox::AcceptRole);
        m_accept->setObjectName(u"hostKeyAccept"_s);
        m_accept->setAutoDefault(false);
        m_accept->setEnabled(false);
        connect(m_accept, &QPushButton::clicked, this, &HostKeyDialog::trust);
        m_refuse = buttons->addButton(tr("&Refuse"), QDialogButtonBox::RejectRole);
        m_refuse->setObjectName(u"hostKeyRefuse"_s);
        m_refuse->setDefault(true); // Enter and Space on the first focus refuse
        connect(m_refuse, &QPushButton::clicked, this, &QDialog::reject);
        // Once the characters match, Enter means what was typed for.
        const QString expected = m_key.fingerprint.right(4);
        connect(m_confirm, &QLineEdit::textChanged, this, [this, expected](const QString &text) {
            const bool confirmed = !expected.isEmpty() && text == expected;
            m_accept->setEnabled(confirmed);
            m_accept->setDefault(confirmed);
            m_refuse->setDefault(!confirmed);
        });
    } else {
        QPushButton *close = buttons->addButton(QDialogButtonBox::Close);
        close->setObjectName(u"hostKeyClose"_s);
        connect(close, &QPushButton::clicked, this, &QDialog::reject);
    }

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

void HostKeyDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    // The first key pressed, whatever it is, lands on Refuse.
    if (m_refuse)
        m_refuse->setFocus(Qt::OtherFocusReason);
}

QString HostKeyDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void HostKeyDialog::trust()
{
    const Result<void> written =
        trustHostKey(m_key.knownHostsFile, m_key.host, m_key.port, m_key.keyBlob);
    if (!written) {
        m_error->setText(written.error().toString());
        m_error->show();
        return;
    }
    m_trusted = true;
    accept();
}

} // namespace vipdeck
