#include "views/passphrase/dialogpassphraseprompter.h"

#include "core/common/handover.h"
#include "core/common/logging.h"
#include "views/passphrase/passphrasedialog.h"

#include <QThread>
#include <QWaitCondition>
#include <QWidget>

namespace vipdeck {

struct DialogPassphrasePrompter::Question
{
    PassphraseRequest request;
    QMutex mutex; // guards the three below
    QWaitCondition answered;
    bool done = false;
    std::optional<PassphraseAnswer> answer;
    QPointer<PassphraseDialog> dialog; // GUI thread only
};

DialogPassphrasePrompter::DialogPassphrasePrompter(QWidget *window)
    : m_window(window)
{}

DialogPassphrasePrompter::~DialogPassphrasePrompter()
{
    setClosed(true);
}

void DialogPassphrasePrompter::finish(Question &question, std::optional<PassphraseAnswer> answer)
{
    QMutexLocker lock(&question.mutex);
    if (question.done)
        return;
    question.done = true;
    question.answer = std::move(answer);
    question.answered.wakeAll();
}

std::optional<PassphraseAnswer> DialogPassphrasePrompter::ask(const PassphraseRequest &request)
{
    if (QThread::currentThread() == thread()) {
        // Waiting here for the GUI thread would wait forever.
        qCWarning(lcSsh) << "passphrase for" << request.keyPath
                         << "asked on the GUI thread; not asking";
        return std::nullopt;
    }
    auto question = std::make_shared<Question>();
    question->request = request;
    {
        QMutexLocker lock(&m_mutex);
        if (m_closed)
            return std::nullopt;
        m_open << question;
    }
    // If this object is gone before the call runs, Qt drops it; setClosed()
    // in the destructor has answered the question by then.
    postTo(
        this, [this, question] { show(question); }, Qt::QueuedConnection);
    std::optional<PassphraseAnswer> answer;
    {
        QMutexLocker lock(&question->mutex);
        while (!question->done)
            waitOn(question->answered, question->mutex);
        answer = question->answer;
    }
    QMutexLocker lock(&m_mutex);
    m_open.removeOne(question);
    return answer;
}

void DialogPassphrasePrompter::setClosed(bool closed)
{
    QList<std::shared_ptr<Question>> open;
    {
        QMutexLocker lock(&m_mutex);
        m_closed = closed;
        if (closed)
            open = m_open;
    }
    for (const std::shared_ptr<Question> &question : std::as_const(open)) {
        finish(*question, std::nullopt);
        // Dialogs belong to the GUI thread: close them there.
        postTo(
            this,
            [question] {
                if (question->dialog)
                    question->dialog->reject();
            },
            Qt::AutoConnection);
    }
}

void DialogPassphrasePrompter::show(const std::shared_ptr<Question> &question)
{
    {
        QMutexLocker lock(&question->mutex);
        if (question->done)
            return; // cancelled before it could be shown
    }
    auto *dialog = new PassphraseDialog(question->request, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::ApplicationModal);
    question->dialog = dialog;
    connect(dialog, &QDialog::finished, this, [dialog, question](int result) {
        finish(*question, result == QDialog::Accepted
                              ? std::optional<PassphraseAnswer>(dialog->answer())
                              : std::nullopt);
    });
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

} // namespace vipdeck
