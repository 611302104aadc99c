#pragma once

// DialogPassphrasePrompter: the PassphraseCache's way to ask the user, with a
// PassphraseDialog on the GUI thread.  ask() is called on transport threads:
// it posts the question to the GUI thread and waits for the answer there,
// never blocking the GUI thread itself (asked on it, it refuses at once).
// Questions are shown one at a time, application-modal.

#include "core/fleet/passphrasecache.h"

#include <QList>
#include <QMutex>
#include <QObject>
#include <QPointer>

#include <memory>

class QWidget;

namespace vipdeck {

class DialogPassphrasePrompter final : public QObject, public PassphrasePrompter
{
    Q_OBJECT
public:
    // Create on the GUI thread; dialogs are centred on `window`.
    explicit DialogPassphrasePrompter(QWidget *window = nullptr);
    ~DialogPassphrasePrompter() override;

    std::optional<PassphraseAnswer> ask(const PassphraseRequest &request) override;
    void setClosed(bool closed) override;

private:
    struct Question;
    void show(const std::shared_ptr<Question> &question);
    static void finish(Question &question, std::optional<PassphraseAnswer> answer);

    QPointer<QWidget> m_window;
    QMutex m_mutex; // guards the two below
    bool m_closed = false;
    QList<std::shared_ptr<Question>> m_open;
};

} // namespace vipdeck
