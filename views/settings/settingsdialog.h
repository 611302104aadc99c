#pragma once

// SettingsDialog: File > Settings… (Ctrl+,).  For now one choice, the
// language of the user interface, stored in QSettings "ui/language"
// (kLanguageSettingsKey) and read at start-up by installTranslations(), by
// the desktop console and vipdeckctl alike.  A change takes effect at the
// next start: the dialog says so rather than half-retranslating open windows.

#include <QDialog>

class QComboBox;
class QLabel;

namespace vipdeck {

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
    QLabel *m_restartNote;
    QString m_stored;
};

} // namespace vipdeck
