#pragma once

// StopSignals: SIGINT, SIGTERM and SIGHUP as a Qt signal, so that a command
// that runs until stopped (record) ends between two polls, with what it
// wrote complete.  One instance at a time; the handlers are restored when it
// is destroyed.

#include <QObject>

#include <csignal>

class QSocketNotifier;

namespace vipdeck::cli {

class StopSignals : public QObject
{
    Q_OBJECT
public:
    StopSignals();
    ~StopSignals() override;

    bool requested() const { return m_requested != 0; }
    int signalNumber() const { return m_requested; }

signals:
    void stopRequested();

private:
    QSocketNotifier *m_notifier = nullptr;
    int m_requested = 0;
    struct sigaction m_old[3] = {};
};

} // namespace vipdeck::cli
