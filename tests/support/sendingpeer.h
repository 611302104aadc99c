#pragma once

// SendingPeer: a UNIX socket server on its own thread that answers every
// connection with `total` bytes of BIRD-like lines (-1: without end), then
// closes it; it never reads, like a daemon gone wrong.  For tests of reply
// limits; it writes as fast as the reader takes, independent of any event
// loop.

#include <QByteArray>
#include <QFile>
#include <QString>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace vipdeck::test {

class SendingPeer
{
public:
    SendingPeer(const QString &path, qint64 total)
        : m_total(total)
    {
        m_fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        const QByteArray name = QFile::encodeName(path);
        if (m_fd < 0 || size_t(name.size()) >= sizeof address.sun_path)
            qFatal("cannot create a socket for %s", name.constData());
        std::memcpy(address.sun_path, name.constData(), size_t(name.size()));
        if (::bind(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 ||
            ::chmod(name.constData(), 0666) != 0 || ::listen(m_fd, 16) != 0)
            qFatal("cannot listen on %s", name.constData());
        m_thread = std::thread([this] { serve(); });
    }

    ~SendingPeer()
    {
        m_stop = true;
        m_thread.join();
        ::close(m_fd);
    }

    qint64 bytesSent() const { return m_sent; }

private:
    void serve()
    {
        QByteArray chunk;
        while (chunk.size() < 64 * 1024)
            chunk += "1002-vipdeck test peer: this reply never ends\n";
        std::vector<std::pair<int, qint64>> clients; // fd, bytes left (-1: endless)
        while (!m_stop) {
            std::vector<pollfd> fds{{m_fd, POLLIN, 0}};
            for (const auto &[fd, left] : clients)
                fds.push_back({fd, POLLOUT, 0});
            if (::poll(fds.data(), fds.size(), 100) <= 0)
                continue;
            if (fds[0].revents & POLLIN) {
                const int client = ::accept4(m_fd, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
                if (client >= 0)
                    clients.emplace_back(client, m_total);
            }
            for (size_t i = 1; i < fds.size(); ++i) {
                auto &[fd, left] = clients[i - 1];
                if (!(fds[i].revents & (POLLOUT | POLLERR | POLLHUP)))
                    continue;
                const qint64 want = left < 0 ? chunk.size() : std::min<qint64>(left, chunk.size());
                const ssize_t n = ::send(fd, chunk.constData(), size_t(want), MSG_NOSIGNAL);
                if (n > 0) {
                    m_sent += n;
                    if (left > 0)
                        left -= n;
                }
                if (n < 0 && errno != EAGAIN) {
                    ::close(fd);
                    fd = -1;
                } else if (left == 0) {
                    ::shutdown(fd, SHUT_WR);
                    ::close(fd);
                    fd = -1;
                }
            }
            std::erase_if(clients, [](const auto &client) { return client.first < 0; });
        }
        for (const auto &[fd, left] : clients)
            ::close(fd);
    }

    const qint64 m_total;
    int m_fd = -1;
    std::atomic<bool> m_stop{false};
    std::atomic<qint64> m_sent{0};
    std::thread m_thread;
};

} // namespace vipdeck::test
