#include "app/cli/terminalpassphrase.h"

#include <QCoreApplication>
#include <QFile>

#include <csignal>
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

// This file's messages, in a context lupdate can see.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vipdeck::cli)
};

void writeAll(int fd, const QByteArray &bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;
        done += n;
    }
}

// The terminal whose echo is off while a passphrase is typed, for the
// signal handler that puts it back before the process ends.
volatile sig_atomic_t g_silencedFd = -1;
termios g_savedMode{};

extern "C" void restoreEchoAndDie(int signal)
{
    if (g_silencedFd >= 0)
        ::tcsetattr(g_silencedFd, TCSADRAIN, &g_savedMode);
    ::signal(signal, SIG_DFL);
    ::raise(signal);
}

} // namespace

namespace vipdeck::cli {

std::optional<PassphraseAnswer> TerminalPassphrasePrompter::ask(const PassphraseRequest &request)
{
    QMutexLocker lock(&m_mutex);
    if (m_closed)
        return std::nullopt;
    const int fd = ::open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return std::nullopt;
    termios mode{};
    const bool isTerminal = ::tcgetattr(fd, &mode) == 0;
    QByteArray question;
    if (!request.problem.isEmpty())
        question += request.problem.toUtf8() + '\n';
    question += Tr::tr("Enter passphrase for key '%1' (for %2): ")
                    .arg(request.keyPath, request.host)
                    .toUtf8();
    struct sigaction restore
    {
    }, oldInt{}, oldTerm{}, oldHup{};
    if (isTerminal) {
        g_savedMode = mode;
        g_silencedFd = fd;
        restore.sa_handler = restoreEchoAndDie;
        ::sigemptyset(&restore.sa_mask);
        ::sigaction(SIGINT, &restore, &oldInt);
        ::sigaction(SIGTERM, &restore, &oldTerm);
        ::sigaction(SIGHUP, &restore, &oldHup);
        // Echo goes off before the question is shown: whatever is typed
        // once it is there is read, never echoed.  What was typed before it
        // is discarded, as ssh does (it was not meant as the passphrase).
        termios silent = mode;
        silent.c_lflag &= ~tcflag_t(ECHO);
        silent.c_lflag |= ECHONL;
        ::tcsetattr(fd, TCSAFLUSH, &silent);
    }
    writeAll(fd, question);
    QByteArray typed;
    bool ended = false;
    while (true) {
        char c = 0;
        const ssize_t n = ::read(fd, &c, 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            ended = true;
            break;
        }
        if (c == '\n' || c == '\r')
            break;
        typed += c;
    }
    if (isTerminal) {
        // TCSADRAIN: what is typed ahead for a later question stays.
        ::tcsetattr(fd, TCSADRAIN, &mode);
        g_silencedFd = -1;
        ::sigaction(SIGINT, &oldInt, nullptr);
        ::sigaction(SIGTERM, &oldTerm, nullptr);
        ::sigaction(SIGHUP, &oldHup, nullptr);
    }
    if (ended)
        writeAll(fd, "\n");
    ::close(fd);
    if (ended)
        return std::nullopt;
    PassphraseAnswer answer;
    answer.passphrase = QString::fromUtf8(typed);
    typed.fill('\0');
    return answer;
}

void TerminalPassphrasePrompter::setClosed(bool closed)
{
    // A question in progress ends with the process; later ones are not asked.
    m_closed = closed;
}

} // namespace vipdeck::cli
