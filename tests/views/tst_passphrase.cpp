// Passphrases end to end, offscreen: a real encrypted ed25519 key served by a
// real sshd (TestSshd), SSH transports from sshTransportFactory() sharing one
// PassphraseCache, and the real PassphraseDialog answered the way a user
// would: found as the active modal widget, typed into, OK or Cancel clicked.
// The keychain is the real qtkeychain store: without a Secret Service (CI) it
// fails within its deadline and the dialog is asked instead.

#include "core/fleet/passphrasecache.h"
#include "core/fleet/transportfactory.h"
#include "tests/core/ssh/sshtesttools.h"
#include "tests/integration/ssh/testsshd.h"
#include "tests/support/futurewait.h"
#include "tests/support/testdata.h"
#include "views/passphrase/dialogpassphraseprompter.h"
#include "views/passphrase/passphrasedialog.h"
#include "views/passphrase/qtkeychainstore.h"

#include <QApplication>
#include <QCheckBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace vipdeck;
using vipdeck::test::errorText;
using vipdeck::test::waitForResult;

namespace {

const auto Passphrase = u"correct horse battery"_s;

// Plays the user: answers each passphrase dialog that becomes the active
// modal widget with the next scripted passphrase (empty: Cancel).
class DialogAnswerer : public QObject
{
public:
    explicit DialogAnswerer(QStringList answers)
        : m_answers(std::move(answers))
    {
        connect(&m_timer, &QTimer::timeout, this, &DialogAnswerer::look);
        m_timer.start(20);
    }

    int shown = 0;
    QStringList hosts;
    QStringList problems;
    QStringList keyPaths;

private:
    void look()
    {
        auto *dialog = qobject_cast<PassphraseDialog *>(QApplication::activeModalWidget());
        if (!dialog || !dialog->isVisible() || dialog == m_last)
            return;
        m_last = dialog;
        ++shown;
        keyPaths << dialog->findChild<QLabel *>(u"passphraseKeyPath"_s)->text();
        problems << dialog->findChild<QLabel *>(u"passphraseProblem"_s)->text();
        hosts << dialog->windowTitle();
        const QString answer = m_answers.isEmpty() ? QString() : m_answers.takeFirst();
        if (answer.isEmpty()) {
            QTest::mouseClick(dialog->findChild<QPushButton *>(u"passphraseCancel"_s),
                              Qt::LeftButton);
            return;
        }
        QLineEdit *edit = dialog->findChild<QLineEdit *>(u"passphraseEdit"_s);
        QTest::keyClicks(edit, answer);
        auto *ok = dialog->findChild<QPushButton *>(u"passphraseOk"_s);
        QVERIFY(ok->isEnabled());
        QTest::mouseClick(ok, Qt::LeftButton);
    }

    QStringList m_answers;
    QTimer m_timer;
    QPointer<PassphraseDialog> m_last;
};

} // namespace

class TestPassphrase : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void dialogShowsKeyHostAndWhy();
    void askedOnceOverTwoConnections();
    void cancelSkipsTheKeyForTheSession();
    void wrongPassphraseIsAskedAgain();
    void neverAskedOnTheGuiThread();

private:
    Host host(const QString &name) const;
    std::shared_ptr<PassphraseCache> newCache();

    test::TempDir m_dir;
    std::unique_ptr<test::TestSshd> m_sshd;
    QString m_key;
};

void TestPassphrase::initTestCase()
{
    m_sshd = std::make_unique<test::TestSshd>();
    m_key = test::generateKey(m_dir.filePath(u"id_encrypted"_s), u"ed25519"_s, Passphrase);
    QVERIFY(!m_key.isEmpty());
    m_sshd->authorize(m_key);
    QVERIFY2(m_sshd->start(), qPrintable(m_sshd->logFile()));
}

Host TestPassphrase::host(const QString &name) const
{
    Host h;
    h.name = name;
    h.address = m_sshd->host();
    h.ssh.port = m_sshd->port();
    h.ssh.user = m_sshd->user();
    h.ssh.identityFile = m_key;
    h.ssh.useAgent = false;
    h.ssh.knownHosts = m_sshd->knownHosts();
    h.ssh.connectTimeout = 5s;
    return h;
}

std::shared_ptr<PassphraseCache> TestPassphrase::newCache()
{
    auto cache = std::make_shared<PassphraseCache>(std::make_shared<DialogPassphrasePrompter>(),
                                                   std::make_shared<QtKeychainStore>(2s));
    cache->setNonBlockingThread(QThread::currentThread());
    return cache;
}

void TestPassphrase::dialogShowsKeyHostAndWhy()
{
    PassphraseRequest request;
    request.keyPath = u"/home/operator/.ssh/id_ed25519_fleet"_s;
    request.host = u"lb1.example"_s;
    request.problem = u"The passphrase entered before did not open this key."_s;
    request.canRemember = true;
    PassphraseDialog dialog(request);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.findChild<QLabel *>(u"passphraseKeyPath"_s)->text(), request.keyPath);
    QVERIFY(dialog.findChild<QLabel *>(u"passphraseIntro"_s)->text().contains(request.host));
    QVERIFY(dialog.findChild<QLabel *>(u"passphraseProblem"_s)->isVisible());
    QCOMPARE(dialog.passphraseEdit()->echoMode(), QLineEdit::Password);
    auto *ok = dialog.findChild<QPushButton *>(u"passphraseOk"_s);
    QVERIFY(!ok->isEnabled());
    QTest::keyClicks(dialog.passphraseEdit(), u"typed"_s);
    QVERIFY(ok->isEnabled());
    QVERIFY(dialog.rememberCheck()->isEnabled());
    dialog.rememberCheck()->setChecked(true);
    QCOMPARE(dialog.answer().passphrase, u"typed"_s);
    QVERIFY(dialog.answer().remember);
    if (const QByteArray dir = qgetenv("VIPDECK_SCREENSHOT_DIR"); !dir.isEmpty())
        dialog.grab().save(QString::fromLocal8Bit(dir) + u"/passphrase-dialog.png"_s);

    // Without a keychain the box cannot be ticked, and there is no problem line.
    request.canRemember = false;
    request.problem.clear();
    PassphraseDialog plain(request);
    plain.show();
    QVERIFY(!plain.rememberCheck()->isEnabled());
    QVERIFY(!plain.findChild<QLabel *>(u"passphraseProblem"_s)->isVisible());
    QTest::keyClicks(plain.passphraseEdit(), u"x"_s);
    plain.rememberCheck()->setChecked(true);
    QVERIFY(!plain.answer().remember);
}

void TestPassphrase::askedOnceOverTwoConnections()
{
    auto cache = newCache();
    DialogAnswerer user({Passphrase});
    const TransportFactory factory = sshTransportFactory(cache);
    QElapsedTimer clock;
    clock.start();
    std::unique_ptr<Transport> first = factory(host(u"lb-a"_s));
    const auto one = waitForResult(first->exec({u"echo"_s, u"one"_s}), 30s);
    QVERIFY(one);
    QVERIFY2(one->ok(), errorText(*one).constData());
    QCOMPARE(one->value().standardOutput, "one\n");
    std::unique_ptr<Transport> second = factory(host(u"lb-b"_s));
    const auto two = waitForResult(second->exec({u"echo"_s, u"two"_s}), 30s);
    QVERIFY(two);
    QVERIFY2(two->ok(), errorText(*two).constData());
    QCOMPARE(user.shown, 1);
    QCOMPARE(user.keyPaths, QStringList{m_key});
    // The keychain's failure (no Secret Service here) cost a bounded wait.
    QVERIFY2(clock.elapsed() < 20000, qPrintable(QString::number(clock.elapsed())));
    first.reset();
    second.reset();
}

void TestPassphrase::cancelSkipsTheKeyForTheSession()
{
    auto cache = newCache();
    DialogAnswerer user({QString()});
    const TransportFactory factory = sshTransportFactory(cache);
    std::unique_ptr<Transport> first = factory(host(u"lb-a"_s));
    const auto one = waitForResult(first->exec({u"true"_s}), 30s);
    QVERIFY(one && !one->ok());
    QCOMPARE(one->error().code, ErrorCode::PassphraseNeeded);
    QVERIFY2(one->error().message.contains(m_key), errorText(*one).constData());
    QVERIFY(cache->isDeclined(m_key));
    // Another host, and a reconnect, are not asked again.
    std::unique_ptr<Transport> second = factory(host(u"lb-b"_s));
    const auto two = waitForResult(second->exec({u"true"_s}), 30s);
    QVERIFY(two && !two->ok());
    QCOMPARE(two->error().code, ErrorCode::PassphraseNeeded);
    auto *ssh = qobject_cast<SshTransport *>(first.get());
    QVERIFY(ssh);
    ssh->reconnectNow();
    QTRY_COMPARE_WITH_TIMEOUT(ssh->status().state, TransportState::Failed, 10000);
    QCOMPARE(user.shown, 1);
}

void TestPassphrase::wrongPassphraseIsAskedAgain()
{
    auto cache = newCache();
    DialogAnswerer user({u"not it"_s, Passphrase});
    const TransportFactory factory = sshTransportFactory(cache);
    std::unique_ptr<Transport> transport = factory(host(u"lb-a"_s));
    const auto wrong = waitForResult(transport->exec({u"true"_s}), 30s);
    QVERIFY(wrong && !wrong->ok());
    QCOMPARE(wrong->error().code, ErrorCode::AuthFailed);
    QCOMPARE(user.shown, 1);
    auto *ssh = qobject_cast<SshTransport *>(transport.get());
    ssh->reconnectNow();
    const auto right = waitForResult(transport->exec({u"echo"_s, u"ok"_s}), 30s);
    QVERIFY(right);
    QVERIFY2(right->ok(), errorText(*right).constData());
    QCOMPARE(user.shown, 2);
    QVERIFY2(user.problems.at(1).contains(u"did not open"_s), qPrintable(user.problems.at(1)));
}

void TestPassphrase::neverAskedOnTheGuiThread()
{
    auto prompter = std::make_shared<DialogPassphrasePrompter>();
    PassphraseRequest request;
    request.keyPath = m_key;
    request.host = u"lb-a"_s;
    // Would wait for itself forever: refused at once, no dialog.
    QCOMPARE(prompter->ask(request), std::nullopt);
    QVERIFY(!QApplication::activeModalWidget());
}

QTEST_MAIN(TestPassphrase)
#include "tst_passphrase.moc"
