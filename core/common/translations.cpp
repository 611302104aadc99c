#include "core/common/translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QPointer>
#include <QSettings>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace vipdeck {

namespace {

const QString kCatalogueDir = u":/i18n"_s;
const QString kCataloguePrefix = u"vipdeck_"_s;

// The translators installed by the last call, so a second call replaces them.
QPointer<QTranslator> &installed(int which)
{
    static QPointer<QTranslator> translators[2];
    return translators[which];
}

void replace(int which, QTranslator *translator)
{
    if (QTranslator *old = installed(which)) {
        QCoreApplication::removeTranslator(old);
        delete old;
    }
    installed(which) = translator;
    if (translator)
        QCoreApplication::installTranslator(translator);
}

} // namespace

QStringList availableLanguages()
{
    QStringList languages{u"en"_s};
    const QStringList files =
        QDir(kCatalogueDir).entryList({kCataloguePrefix + u"*.qm"_s}, QDir::Files);
    for (const QString &file : files) {
        const QString code = file.mid(kCataloguePrefix.size()).chopped(3);
        if (!languages.contains(code))
            languages << code;
    }
    languages.sort();
    return languages;
}

QLocale chosenLocale()
{
    const QString chosen = QSettings().value(QLatin1StringView(kLanguageSettingsKey)).toString();
    if (!chosen.isEmpty())
        return QLocale(chosen);
    return QLocale::system();
}

QString installTranslations(const QLocale &locale)
{
    Q_ASSERT(QCoreApplication::instance());
    QString loaded;
    // QTranslator::load(QLocale, ...) walks locale.uiLanguages() ("de-AT",
    // "de") and stops at the first catalogue that exists.  English (and the
    // C locale) needs no translation, the sources are English: only the
    // plural forms of vipdeck_en ("1 VIP", "4 VIPs" for "%n VIP(s)").
    auto *own = new QTranslator(QCoreApplication::instance());
    const bool english = locale.language() == QLocale::English || locale.language() == QLocale::C;
    if (!english && own->load(locale, u"vipdeck"_s, u"_"_s, kCatalogueDir)) {
        loaded = own->language();
        replace(0, own);
    } else if (own->load(kCataloguePrefix + u"en"_s, kCatalogueDir)) {
        replace(0, own);
    } else {
        delete own;
        replace(0, nullptr);
    }

    // Qt's own texts (dialog buttons, context menus of line edits), only
    // alongside a vipdeck catalogue so the interface never mixes languages.
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (!loaded.isEmpty() &&
        qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        replace(1, qt);
    } else {
        delete qt;
        replace(1, nullptr);
    }
    return loaded.section(u'_', 0, 0).section(u'-', 0, 0);
}

QString installTranslations()
{
    return installTranslations(chosenLocale());
}

} // namespace vipdeck
