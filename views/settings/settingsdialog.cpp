#include "views/settings/settingsdialog.h"

#include "core/common/translations.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QSettings>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

// A language is listed by its own name, so that someone who cannot read the
// current interface language still finds theirs.
QString nativeName(const QString &code)
{
    if (code == u"en"_s)
        return u"English"_s;
    QString name = QLocale(code).nativeLanguageName();
    if (!name.isEmpty())
        name[0] = name[0].toUpper();
    return name.isEmpty() ? code : name;
}

} // namespace

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent)
    , m_language(new QComboBox(this))
    , m_notify(new QCheckBox(tr("Desktop &notifications when a VIP or host becomes critical or "
                                "recovers"),
                             this))
    , m_tray(new QCheckBox(tr("Show the fleet's worst state in the system &tray"), this))
    , m_restartNote(new QLabel(this))
{
    setWindowTitle(tr("Settings"));
    setObjectName(u"settingsDialog"_s);

    m_stored = QSettings().value(QLatin1StringView(kLanguageSettingsKey)).toString();
    m_language->setObjectName(u"languageCombo"_s);
    m_language->addItem(
        tr("System default (%1)").arg(nativeName(QLocale::system().name().section(u'_', 0, 0))),
        QString());
    for (const QString &code : availableLanguages())
        m_language->addItem(nativeName(code), code);
    const int current = m_language->findData(m_stored);
    m_language->setCurrentIndex(current < 0 ? 0 : current);

    m_restartNote->setObjectName(u"restartNote"_s);
    m_restartNote->setWordWrap(true);
    m_restartNote->setText(tr("The new language takes effect after vipdeck is restarted. "
                              "vipdeckctl uses it too."));
    m_restartNote->setVisible(false);

    QSettings settings;
    m_notify->setObjectName(u"notifyCheck"_s);
    m_notify->setChecked(settings.value(QLatin1StringView(kNotifySettingsKey), true).toBool());
    m_tray->setObjectName(u"trayCheck"_s);
    m_tray->setChecked(settings.value(QLatin1StringView(kTraySettingsKey), true).toBool());

    auto *form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);
    form->addRow(tr("Attention:"), m_notify);
    form->addRow(QString(), m_tray);
    auto *buttons =
        new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, Qt::Horizontal, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_restartNote);
    layout->addStretch();
    layout->addWidget(buttons);

    connect(m_language, &QComboBox::currentIndexChanged, this, &SettingsDialog::languageChosen);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
}

QString SettingsDialog::language() const
{
    return m_language->currentData().toString();
}

void SettingsDialog::languageChosen()
{
    m_restartNote->setVisible(language() != m_stored);
}

void SettingsDialog::accept()
{
    QSettings settings;
    if (language().isEmpty())
        settings.remove(QLatin1StringView(kLanguageSettingsKey));
    else
        settings.setValue(QLatin1StringView(kLanguageSettingsKey), language());
    settings.setValue(QLatin1StringView(kNotifySettingsKey), m_notify->isChecked());
    settings.setValue(QLatin1StringView(kTraySettingsKey), m_tray->isChecked());
    QDialog::accept();
}

} // namespace vipdeck
