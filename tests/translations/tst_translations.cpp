// The message catalogues: every German message is translated, keeps the
// placeholders and accelerators of its source, and none is left over from
// removed code; with German installed core and view texts come out German,
// with English they stay English; vipdeckctl follows the locale and the
// "ui/language" setting; the settings dialog stores the choice.

#include "core/common/translations.h"
#include "core/fleet/verdict.h"
#include "core/report/reportdocument.h"
#include "views/mainwindow.h"
#include "views/settings/settingsdialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLibraryInfo>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;
using namespace vipdeck;

namespace {

struct Message
{
    QString context;
    QString source;
    bool numerus = false;
    QString type; // translation's type attribute: unfinished, vanished, obsolete
    QStringList forms;
    qint64 line = 0;
};

QList<Message> readTs(const QString &path, QString *error)
{
    QList<Message> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message m;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == u"name"_s) {
            context = xml.readElementText();
        } else if (name == u"message"_s) {
            m = Message{context, {}, xml.attributes().value(u"numerus"_s) == u"yes"_s,
                        {},      {}, xml.lineNumber()};
        } else if (name == u"source"_s) {
            m.source = xml.readElementText();
        } else if (name == u"translation"_s) {
            m.type = xml.attributes().value(u"type"_s).toString();
            if (m.numerus) {
                while (xml.readNextStartElement())
                    m.forms << xml.readElementText();
            } else {
                m.forms << xml.readElementText();
            }
            messages << m;
        }
    }
    if (xml.hasError())
        *error = u"%1:%2: %3"_s.arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return messages;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(u"%[1-9]"_s);
    QStringList found;
    for (const auto &match : re.globalMatch(text))
        found << match.captured();
    found.removeDuplicates();
    found.sort();
    return found;
}

// Accelerator markers: a single '&' before a character ("&&" is a literal &).
int accelerators(QString text)
{
    text.remove(u"&&"_s);
    static const QRegularExpression re(u"&[^\\s&]"_s);
    return int(text.count(re));
}

QChar mnemonic(const QString &text)
{
    const QString plain = QString(text).remove(u"&&"_s);
    const qsizetype at = plain.indexOf(u'&');
    return at < 0 || at + 1 >= plain.size() ? QChar() : plain.at(at + 1).toLower();
}

QString run(const QStringList &arguments, const QProcessEnvironment &env)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(VIPDECKCTL_PATH), arguments);
    if (!process.waitForFinished(30000))
        return u"<vipdeckctl did not finish>"_s;
    return QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
}

// An environment without any language of the parent's, with `vars` added.
QProcessEnvironment cleanEnvironment(const QString &configHome,
                                     const QList<std::pair<QString, QString>> &vars)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name : {u"LANG"_s, u"LANGUAGE"_s, u"LC_ALL"_s, u"LC_MESSAGES"_s})
        env.remove(name);
    env.insert(u"XDG_CONFIG_HOME"_s, configHome);
    for (const auto &[name, value] : vars)
        env.insert(name, value);
    return env;
}

} // namespace

class TstTranslations : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();
    void catalogueIsComplete_data();
    void catalogueIsComplete();
    void germanCoreAndViews();
    void englishStaysEnglish();
    void germanMenuMnemonicsAreUnique();
    void vipdeckctlFollowsLocaleAndSetting();
    void settingsDialogStoresLanguage();
};

void TstTranslations::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"vipdeck-tst-translations"_s);
    QCoreApplication::setApplicationName(u"vipdeck-tst-translations"_s);
    QVERIFY2(availableLanguages().contains(u"de"_s),
             qPrintable(u"catalogues in :/i18n: "_s + availableLanguages().join(u", "_s)));
}

void TstTranslations::init()
{
    QSettings().clear();
    installTranslations(QLocale(QLocale::English));
}

void TstTranslations::cleanupTestCase()
{
    QSettings().clear();
}

void TstTranslations::catalogueIsComplete_data()
{
    QTest::addColumn<QString>("path");
    const QDir dir(QStringLiteral(VIPDECK_TRANSLATIONS_DIR));
    const QStringList files = dir.entryList({u"*.ts"_s}, QDir::Files);
    QVERIFY(!files.isEmpty());
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << dir.filePath(file);
}

void TstTranslations::catalogueIsComplete()
{
    QFETCH(QString, path);
    QString error;
    const QList<Message> messages = readTs(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // vipdeck_en holds only the plural forms of the messages with a count.
    const bool pluralsOnly = QFileInfo(path).fileName() == u"vipdeck_en.ts"_s;
    QVERIFY(messages.size() > (pluralsOnly ? 10 : 100));

    QStringList problems;
    const auto problem = [&](const Message &m, const QString &what) {
        problems << u"%1:%2 [%3] \"%4\": %5"_s.arg(QFileInfo(path).fileName())
                        .arg(m.line)
                        .arg(m.context, m.source.left(70), what);
    };
    for (const Message &m : messages) {
        if (!m.type.isEmpty()) {
            problem(m, m.type);
            continue;
        }
        if (m.numerus && m.forms.size() < 2)
            problem(m, u"%1 plural form(s), German and English need 2"_s.arg(m.forms.size()));
        if (pluralsOnly && !m.numerus)
            problem(m, u"not a plural message in the plurals-only catalogue"_s);
        if (pluralsOnly && m.forms.size() == 2 && m.forms.at(1).contains(u"(s)"_s))
            problem(m, u"the plural form still says (s)"_s);
        for (const QString &form : m.forms) {
            if (form.trimmed().isEmpty()) {
                problem(m, u"empty translation"_s);
                continue;
            }
            if (placeholders(form) != placeholders(m.source))
                problem(m, u"placeholders %1, source has %2"_s.arg(
                               placeholders(form).join(u' '), placeholders(m.source).join(u' ')));
            if (m.numerus && m.source.contains(u"%n"_s) && !form.contains(u"%n"_s))
                problem(m, u"plural form without %n"_s);
            if (accelerators(form) > 1)
                problem(m, u"more than one accelerator '&'"_s);
            if ((accelerators(form) == 1) != (accelerators(m.source) == 1))
                problem(m, u"accelerator '&' in only one of source and translation"_s);
            // Padding and line ends matter in the CLI's columns and help texts.
            if (form.endsWith(u'\n') != m.source.endsWith(u'\n') ||
                form.endsWith(u' ') != m.source.endsWith(u' ') ||
                form.startsWith(u' ') != m.source.startsWith(u' '))
                problem(m, u"leading/trailing blanks or newline differ from the source"_s);
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(u"\n"_s + problems.join(u'\n')));
}

void TstTranslations::germanCoreAndViews()
{
    QCOMPARE(installTranslations(QLocale(QLocale::German, QLocale::Germany)), u"de"_s);
    // core, through a file-local Q_DECLARE_TR_FUNCTIONS context
    QCOMPARE(healthName(Health::Healthy), u"gesund"_s);
    QCOMPARE(healthKey(Health::Healthy), u"healthy"_s); // machine key: never translated
    // views, through the class's tr()
    MainWindow window;
    const QList<QAction *> menus = window.menuBar()->actions();
    QVERIFY(!menus.isEmpty());
    QCOMPARE(menus.constFirst()->text(), u"&Datei"_s);
    // Qt's own catalogue (qt6-translations-l10n)
    QVERIFY2(QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) + u"/qtbase_de.qm"_s),
             "qtbase_de.qm missing: install qt6-translations-l10n (scripts/deps)");
    QDialogButtonBox box(QDialogButtonBox::Cancel);
    QCOMPARE(box.button(QDialogButtonBox::Cancel)->text().remove(u'&'), u"Abbrechen"_s);

    // For a person to look for cut-off labels: VIPDECK_TR_SCREENSHOT_DIR=dir.
    const QString shots = qEnvironmentVariable("VIPDECK_TR_SCREENSHOT_DIR");
    if (!shots.isEmpty()) {
        window.resize(1400, 900);
        window.show();
        QVERIFY(window.grab().save(shots + u"/mainwindow-de.png"_s));
        SettingsDialog settings;
        settings.show();
        QVERIFY(settings.grab().save(shots + u"/settings-de.png"_s));
    }
}

void TstTranslations::englishStaysEnglish()
{
    QCOMPARE(installTranslations(QLocale(QLocale::German)), u"de"_s);
    QCOMPARE(installTranslations(QLocale(QLocale::English, QLocale::UnitedKingdom)), QString());
    QCOMPARE(healthName(Health::Critical), u"critical"_s);
    MainWindow window;
    QCOMPARE(window.menuBar()->actions().constFirst()->text(), u"&File"_s);
    QDialogButtonBox box(QDialogButtonBox::Cancel);
    QCOMPARE(box.button(QDialogButtonBox::Cancel)->text().remove(u'&'), u"Cancel"_s);
    // English plurals, not "(s)": "1 server", "3 servers".
    QCOMPARE(QCoreApplication::translate("vipdeck::cli", "%n server(s)", nullptr, 1),
             u"1 server"_s);
    QCOMPARE(QCoreApplication::translate("vipdeck::cli", "%n server(s)", nullptr, 3),
             u"3 servers"_s);
    // The C locale (LANG=C, CI) is English too, with the same plurals.
    QCOMPARE(installTranslations(QLocale::c()), QString());
    QCOMPARE(healthName(Health::Degraded), u"degraded"_s);
    QCOMPARE(QCoreApplication::translate("vipdeck::cli", "%n server(s)", nullptr, 0),
             u"0 servers"_s);
}

void TstTranslations::germanMenuMnemonicsAreUnique()
{
    QCOMPARE(installTranslations(QLocale(QLocale::German)), u"de"_s);
    MainWindow window;
    QStringList clashes;
    const auto check = [&](const QString &where, const QList<QAction *> &actions) {
        QHash<QChar, QString> seen;
        for (const QAction *action : actions) {
            if (action->isSeparator() || !action->isVisible())
                continue;
            const QChar key = mnemonic(action->text());
            if (key.isNull())
                continue;
            if (seen.contains(key))
                clashes << u"%1: '%2' and '%3' both use &%4"_s.arg(where, seen.value(key),
                                                                   action->text(), key);
            seen.insert(key, action->text());
        }
    };
    check(u"menu bar"_s, window.menuBar()->actions());
    for (const QAction *top : window.menuBar()->actions()) {
        if (top->menu())
            check(top->text(), top->menu()->actions());
    }
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(u'\n')));
}

void TstTranslations::vipdeckctlFollowsLocaleAndSetting()
{
    QTemporaryDir config;
    QVERIFY(config.isValid());
    const QStringList help{u"--help"_s};

    const QString c = run(help, cleanEnvironment(config.path(), {{u"LANG"_s, u"C"_s}}));
    QVERIFY2(c.contains(u"Usage: vipdeckctl"_s), qPrintable(c));

    const QString de = run(help, cleanEnvironment(config.path(), {{u"LANG"_s, u"de_DE.UTF-8"_s}}));
    QVERIFY2(de.contains(u"Aufruf: vipdeckctl"_s), qPrintable(de));
    QVERIFY2(de.contains(u"Befehle:"_s), qPrintable(de));

    // LC_ALL outranks LANG, as for every other program.
    const QString all = run(help, cleanEnvironment(config.path(), {{u"LANG"_s, u"de_DE.UTF-8"_s},
                                                                   {u"LC_ALL"_s, u"C"_s}}));
    QVERIFY2(all.contains(u"Usage: vipdeckctl"_s), qPrintable(all));

    // The setting chosen in the GUI outranks the locale.
    {
        QSettings chosen(config.filePath(u"vipdeck/vipdeck.conf"_s), QSettings::IniFormat);
        chosen.setValue(QLatin1StringView(kLanguageSettingsKey), u"en"_s);
    }
    const QString en = run(help, cleanEnvironment(config.path(), {{u"LANG"_s, u"de_DE.UTF-8"_s}}));
    QVERIFY2(en.contains(u"Usage: vipdeckctl"_s), qPrintable(en));
}

void TstTranslations::settingsDialogStoresLanguage()
{
    SettingsDialog dialog;
    auto *combo = dialog.findChild<QComboBox *>(u"languageCombo"_s);
    auto *note = dialog.findChild<QLabel *>(u"restartNote"_s);
    QVERIFY(combo && note);
    QCOMPARE(combo->currentIndex(), 0); // nothing stored: system default
    QVERIFY(combo->findData(u"en"_s) > 0);
    const int german = combo->findData(u"de"_s);
    QVERIFY(german > 0);
    QCOMPARE(combo->itemText(german), u"Deutsch"_s);

    QVERIFY(note->isHidden());
    combo->setCurrentIndex(german);
    QVERIFY(!note->isHidden());
    dialog.accept();
    QCOMPARE(QSettings().value(QLatin1StringView(kLanguageSettingsKey)).toString(), u"de"_s);
    QCOMPARE(chosenLocale().language(), QLocale::German);

    SettingsDialog again;
    auto *combo2 = again.findChild<QComboBox *>(u"languageCombo"_s);
    QCOMPARE(combo2->currentData().toString(), u"de"_s);
    combo2->setCurrentIndex(0);
    again.accept();
    QVERIFY(!QSettings().contains(QLatin1StringView(kLanguageSettingsKey)));
    QCOMPARE(chosenLocale(), QLocale::system());
}

QTEST_MAIN(TstTranslations)
#include "tst_translations.moc"
