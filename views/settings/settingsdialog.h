#pragma once

// SettingsDialog: File > Settings… (Ctrl+,).  The language of the user
// interface, stored in QSettings "ui/language" (kLanguageSettingsKey) and
// read at start-up by installTranslations(), by the desktop console and
// vipdeckctl alike; a change takes effect at the next start (the dialog says
// so rather than half-retranslating open windows).  And whether the console
// asks for attention: desktop notifications ("notify/enabled") and the tray
// icon ("ui/tray"), both on by default and applied at once.

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;

namespace vipdeck {

inline constexpr char kNotifySettingsKey[] = "notify/enabled";
inline constexpr char kTraySettingsKey[] = "ui/tray";

class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget *parent = nullptr);

    // The language code chosen in the combo box; empty = follow the system.
    QString language() const;

    // Saves the choice into QSettings.
    void accept() override;

private:
    void languageChosen();

    QComboBox *m_language;
    QCheckBox *m_notify;
    QCheckBox *m_tray;
    QLabel *m_restartNote;
    QString m_stored;
};

} // namespace vipdeck
