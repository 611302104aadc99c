// Jump hosts on the real lab: `vipdeck-lab up --bastion` gives the LB hosts an
// sshd that accepts the lab user only from the bastion's address
// (`AllowUsers user@BASTION`), and fleet.yaml reaches them with
// ssh.proxy_jump.  vipdeckctl runs in-process (cli::run): status, drain and
// reload through the bastion, one bastion login per run for both hosts, and
// the bastion stopped, frozen and with a changed host key, each failure
// naming the bastion.

#include "app/cli/cli.h"
#include "tests/support/ctlrun.h"
#include "tests/support/lab.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vipdeck;
using vipdeck::test::Lab;
using vipdeck::test::LabFault;

namespace {

using Outcome = vipdeck::test::CtlOutcome;

QString readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

class TestBastionLab : public QObject
{
    Q_OBJECT

private:
    Lab m_lab = Lab::fromEnvironment();
    QTemporaryDir m_scratch;
    QJsonObject m_state;
    QJsonObject m_bastion;
    QString m_direct; // the lab's fleet.yaml without proxy_jump

    Outcome vipdeckctl(const QStringList &arguments, const QString &fleet = {})
    {
        return test::runCtl(arguments, fleet.isEmpty() ? m_lab.fleetFile() : fleet);
    }

    QStringList hostNames() const
    {
        QStringList names;
        for (const QJsonValue host : m_state.value(u"hosts"_s).toArray())
            names << host[u"name"_s].toString();
        return names;
    }

    QString bastionAddress() const { return m_bastion[u"address"_s].toString(); }

    // Logins sshd accepted: on the bastion from anyone, on an LB host from `from`.
    int logins(const QJsonObject &node, const QString &from = {}) const
    {
        const QString log = readFile(node[u"sshd"_s][u"log"_s].toString());
        const QString pattern = u"Accepted publickey for \\S+ from "_s +
                                (from.isEmpty() ? u"\\S+"_s : QRegularExpression::escape(from)) +
                                u" "_s;
        return int(log.count(QRegularExpression(pattern)));
    }

    QJsonObject host(const QString &name) const
    {
        for (const QJsonValue h : m_state.value(u"hosts"_s).toArray()) {
            if (h[u"name"_s].toString() == name)
                return h.toObject();
        }
        return {};
    }

    // status --json until every host is reachable and healthy.
    Outcome healthyStatus(int *runs)
    {
        const QDeadlineTimer deadline(std::chrono::seconds{60});
        Outcome status;
        do {
            status = vipdeckctl({u"status"_s, u"--json"_s});
            ++*runs;
            if (status.code == 0 && status.json()[u"health"_s].toString() == u"healthy"_s)
                break;
            QTest::qWait(500);
        } while (!deadline.hasExpired());
        return status;
    }

    // With the bastion in trouble: every LB host unreachable, its error
    // naming the bastion and containing `cause`.
    void verifyBastionNamed(const Outcome &status, const QString &cause)
    {
        QCOMPARE(status.code, 3);
        const QJsonArray hosts = status.json()[u"hosts"_s].toArray();
        QCOMPARE(hosts.size(), hostNames().size());
        for (const QJsonValue value : hosts) {
            const QJsonObject h = value.toObject();
            const QString text = h[u"error"_s][u"text"_s].toString();
            const QByteArray shown = QJsonDocument(h).toJson();
            QVERIFY2(!h[u"reachable"_s].toBool(), shown.constData());
            QVERIFY2(text.contains(u"through the jump host"_s), shown.constData());
            QVERIFY2(text.contains(bastionAddress()), shown.constData());
            QVERIFY2(text.contains(cause, Qt::CaseInsensitive), shown.constData());
        }
        // Exactly the hosts behind it: the route reflectors, reached directly,
        // are still read.
        const QJsonArray observers = status.json()[u"observers"_s].toArray();
        QCOMPARE(observers.size(), 2);
        for (const QJsonValue observer : observers)
            QVERIFY2(observer[u"reachable"_s].toBool(),
                     QJsonDocument(observer.toObject()).toJson().constData());
    }

private slots:
    void initTestCase()
    {
        if (!m_lab.isAvailable())
            QFAIL("needs the bastion lab (run through ctest: fixture lab_bastion)");
        QVERIFY(m_scratch.isValid());
        m_state = m_lab.state();
        QCOMPARE(m_state[u"bastions"_s].toArray().size(), 1);
        m_bastion = m_state[u"bastions"_s][0].toObject();
        const QString fleet = readFile(m_lab.fleetFile());
        QCOMPARE(fleet.count(u"proxy_jump:"_s), hostNames().size());
        QStringList direct;
        for (const QString &line : fleet.split(u'\n')) {
            if (!line.contains(u"proxy_jump:"_s))
                direct << line;
        }
        m_direct = m_scratch.filePath(u"fleet-direct.yaml"_s);
        QFile file(m_direct);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(direct.join(u'\n').toUtf8());
    }

    // The lab is what it claims: without the jump host the LB hosts refuse
    // the lab user, so everything below went through the bastion.
    void directConnectionsAreRefused()
    {
        const Outcome status = vipdeckctl({u"status"_s, u"--json"_s}, m_direct);
        QCOMPARE(status.code, 3);
        for (const QJsonValue value : status.json()[u"hosts"_s].toArray()) {
            const QJsonObject h = value.toObject();
            QVERIFY2(!h[u"reachable"_s].toBool(), QJsonDocument(h).toJson().constData());
            QVERIFY(!h[u"error"_s][u"text"_s].toString().contains(u"jump host"_s));
        }
    }

    void statusThroughOneBastionConnection()
    {
        const int bastionBefore = logins(m_bastion);
        int lbBefore = 0;
        for (const QString &name : hostNames())
            lbBefore += logins(host(name), bastionAddress());
        int runs = 0;
        const Outcome status = healthyStatus(&runs);
        QCOMPARE(status.code, 0);
        const QJsonObject json = status.json();
        QCOMPARE(json[u"summary"_s][u"hosts_reachable"_s].toInt(), hostNames().size());
        // One connection to the bastion per run serves both hosts; each host
        // logged the lab user in from the bastion's address.
        QCOMPARE(logins(m_bastion) - bastionBefore, runs);
        int lbAfter = 0;
        for (const QString &name : hostNames())
            lbAfter += logins(host(name), bastionAddress());
        QCOMPARE(lbAfter - lbBefore, runs * int(hostNames().size()));
    }

    void drainAndReloadThroughBastion()
    {
        const QString audit = m_scratch.filePath(u"audit.sqlite"_s);
        const Outcome drain = vipdeckctl({u"drain"_s, u"web-02"_s, u"--reason"_s, u"bastion test"_s,
                                          u"--yes"_s, u"--json"_s, u"--audit"_s, audit});
        QCOMPARE(drain.code, 0);
        QCOMPARE(drain.json()[u"succeeded"_s].toInt(), hostNames().size());
        for (const QJsonValue target : drain.json()[u"targets"_s].toArray()) {
            QCOMPARE(target[u"state_after"_s].toString(), u"drain"_s);
            QVERIFY(target[u"verified"_s].toBool());
        }
        const Outcome drained = vipdeckctl({u"servers"_s, u"--state"_s, u"drain"_s, u"--json"_s});
        QCOMPARE(drained.json()[u"servers"_s].toArray().size(), hostNames().size());
        const Outcome ready = vipdeckctl({u"ready"_s, u"web-02"_s, u"--reason"_s,
                                          u"bastion test done"_s, u"--yes"_s, u"--audit"_s, audit});
        QCOMPARE(ready.code, 0);

        const Outcome reload =
            vipdeckctl({u"reload"_s, u"web"_s, u"--host"_s, u"lb1"_s, u"--reason"_s,
                        u"bastion test"_s, u"--yes"_s, u"--json"_s, u"--audit"_s, audit});
        QCOMPARE(reload.code, 0);
        const QJsonObject lb1 = reload.json()[u"hosts"_s][0].toObject();
        QVERIFY2(lb1[u"ok"_s].toBool(), qPrintable(reload.out));
        QVERIFY(!lb1[u"worker_pids_after"_s].toArray().isEmpty());
        QVERIFY(lb1[u"worker_pids_after"_s][0].toInteger() !=
                lb1[u"worker_pid_before"_s].toInteger());
    }

    void bastionStopped()
    {
        LabFault fault(m_lab, {u"sshd-stop"_s, u"bastion"_s});
        QVERIFY2(fault.injected(), qPrintable(fault.output()));
        verifyBastionNamed(vipdeckctl({u"status"_s, u"--json"_s}), u"refused"_s);
    }

    void bastionFrozen()
    {
        LabFault fault(m_lab, {u"sshd-freeze"_s, u"bastion"_s});
        QVERIFY2(fault.injected(), qPrintable(fault.output()));
        verifyBastionNamed(vipdeckctl({u"status"_s, u"--json"_s}), u"no SSH connection"_s);
    }

    void bastionKeyChanged()
    {
        LabFault fault(m_lab, {u"hostkey-replace"_s, u"bastion"_s});
        QVERIFY2(fault.injected(), qPrintable(fault.output()));
        verifyBastionNamed(vipdeckctl({u"status"_s, u"--json"_s}), u"changed"_s);
    }

    // `trust lb1` with the bastion's key missing from known_hosts: the
    // bastion's key is shown and added first, then lb1's (already there).
    void trustAddsTheJumpHostsKeyFirst()
    {
        const QString knownHosts = m_scratch.filePath(u"known_hosts-without-bastion"_s);
        QStringList kept;
        const QString bastionName = u"[%1]:"_s.arg(bastionAddress());
        for (const QString &line : readFile(m_lab.knownHostsFile()).split(u'\n')) {
            if (!line.startsWith(bastionName))
                kept << line;
        }
        QFile hostsFile(knownHosts);
        QVERIFY(hostsFile.open(QIODevice::WriteOnly));
        hostsFile.write(kept.join(u'\n').toUtf8());
        hostsFile.close();
        const QString fleet = m_scratch.filePath(u"fleet-untrusted-bastion.yaml"_s);
        QFile fleetFile(fleet);
        QVERIFY(fleetFile.open(QIODevice::WriteOnly));
        const QString text = readFile(m_lab.fleetFile());
        QVERIFY(text.contains(m_lab.knownHostsFile()));
        fleetFile.write(QString(text).replace(m_lab.knownHostsFile(), knownHosts).toUtf8());
        fleetFile.close();

        const Outcome before = vipdeckctl({u"status"_s, u"--json"_s}, fleet);
        QCOMPARE(before.code, 3);
        QVERIFY2(before.err.contains(u"through the jump host"_s) &&
                     before.err.contains(u"is not known"_s),
                 qPrintable(before.err));
        const Outcome dry = vipdeckctl({u"trust"_s, u"lb1"_s, u"--dry-run"_s}, fleet);
        QCOMPARE(dry.code, 0);
        QVERIFY2(dry.out.contains(u"Dry run: would add this key"_s), qPrintable(dry.out));
        QCOMPARE(readFile(knownHosts), kept.join(u'\n'));
        const Outcome trust = vipdeckctl({u"trust"_s, u"lb1"_s, u"--yes"_s}, fleet);
        QCOMPARE(trust.code, 0);
        QVERIFY2(trust.out.contains(u"lb1 is reached through the jump host"_s),
                 qPrintable(trust.out));
        QCOMPARE(trust.out.count(u"Added to "_s + knownHosts), 1); // the bastion's key
        QVERIFY2(trust.out.contains(u"already trusted"_s), qPrintable(trust.out)); // lb1's
        // One line more: the bastion's key (hashed if HashKnownHosts says so,
        // as Debian's /etc/ssh/ssh_config does).
        const auto lines = [](const QString &contents) {
            return contents.split(u'\n', Qt::SkipEmptyParts).size();
        };
        QCOMPARE(lines(readFile(knownHosts)), lines(kept.join(u'\n')) + 1);
        const Outcome after = vipdeckctl({u"status"_s, u"--json"_s}, fleet);
        QCOMPARE(after.code, 0);
    }

    // Healed, the same fleet works again (nothing cached the failures).
    void worksAgainAfterTheFaults()
    {
        int runs = 0;
        QCOMPARE(healthyStatus(&runs).code, 0);
    }
};

QTEST_GUILESS_MAIN(TestBastionLab)
#include "tst_bastionlab.moc"
