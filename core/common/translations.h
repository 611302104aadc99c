#pragma once

// Chooses the user-interface language and installs vipdeck's message
// catalogue (plus Qt's own) into the running application.  GUI-free: both
// the desktop console and vipdeckctl call it right after creating their
// application object.  The catalogues are Qt resources under :/i18n, linked
// in through the vipdeck::translations library (translations/CMakeLists.txt).

#include <QLocale>
#include <QString>
#include <QStringList>

namespace vipdeck {

// QSettings key of the chosen language: a language code ("de", "en") or
// empty/absent to follow the system locale.
inline constexpr char kLanguageSettingsKey[] = "ui/language";

// Language codes with a catalogue in :/i18n, plus "en" (the source language),
// sorted.
QStringList availableLanguages();

// The locale vipdeck speaks: the "ui/language" setting when it names a
// language, otherwise QLocale::system().
QLocale chosenLocale();

// Replaces the catalogues installed by an earlier call with those for
// `locale`: vipdeck's own and Qt's qtbase one (from
// QLibraryInfo::TranslationsPath, when present).  Returns the language code
// of the vipdeck catalogue loaded ("de"), or an empty string when vipdeck
// stays in English.  Needs a QCoreApplication.
QString installTranslations(const QLocale &locale);

// installTranslations(chosenLocale()).
QString installTranslations();

} // namespace vipdeck
