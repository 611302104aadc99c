#pragma once

// Access to the running lab fleet (tests/lab) for integration tests: where it
// is, and fault injection that is always healed, even when a test fails.

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace vipdeck::test {

class Lab
{
public:
    // The lab started by the `lab_up` CTest fixture (VIPDECK_LAB_DIR).
    // isAvailable() is false when the test runs outside ctest.
    static Lab fromEnvironment();

    bool isAvailable() const { return !m_dir.isEmpty(); }
    QString dir() const { return m_dir; }
    QString fleetFile() const;
    // A copy of fleet.yaml without its `observers:` (the route reflectors),
    // written into `dir`: the fleet as vipdeck sees it without the fabric's view.
    QString fleetFileWithoutObservers(const QString &dir) const;
    QString knownHostsFile() const;
    QString clientKey() const;
    // Contents of lab.json: hosts, addresses, ports, sockets, PIDs.
    QJsonObject state() const;

    // Runs `vipdeck-lab ARGS --dir DIR`; returns its exit code, output in `output`.
    int run(const QStringList &args, QString *output = nullptr) const;

private:
    QString m_dir;
    QString m_tool;
};

// Injects a fault on construction and heals it on destruction.
class LabFault
{
public:
    LabFault(const Lab &lab, QStringList faultArgs);
    ~LabFault();
    LabFault(const LabFault &) = delete;
    LabFault &operator=(const LabFault &) = delete;
    bool injected() const { return m_injected; }
    QString output() const { return m_output; }

private:
    const Lab &m_lab;
    QStringList m_args;
    bool m_injected = false;
    QString m_output;
};

} // namespace vipdeck::test
