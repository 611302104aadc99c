// bench_fanout: a drain fanned out to 24 (VIP, host) targets, timed, against
// an Ansible ad-hoc command doing the same 24 drains through socat, in one
// run.  Needs a lab with 4 hosts and 6 VIPs (24 pairs); it starts its own
// unless --lab names a running one:
//
//   bench_fanout [--lab DIR] [--runs N]
//
// vipdeck is timed twice: "warm" (connections already open, as in the GUI
// or `vipdeckctl watch`: the audited drain alone) and "cold" (as one
// `vipdeckctl drain`: SSH connections, one poll for the preview, the audited
// drain).  Ansible is timed as `ansible all -m shell -a 'for v in ...; do echo
// "set server $v/$v-01 state drain" | socat ...; done'`, forks = hosts.
// Every run is undone (ready) and checked.  Prints figures; asserts nothing.

#include "core/audit/auditstore.h"
#include "core/fleet/fleetpoller.h"
#include "core/fleet/serveroperationrunner.h"
#include "core/inventory/inventoryloader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace vipdeck;

namespace {

constexpr int Hosts = 4;
constexpr int Vips = 6;

[[noreturn]] void die(const QString &message)
{
    std::fprintf(stderr, "bench_fanout: %s\n", qPrintable(message));
    std::exit(1);
}

QString labTool()
{
    return QStringLiteral(VIPDECK_SOURCE_DIR "/tests/lab/vipdeck-lab");
}

int runLab(const QString &dir, const QStringList &args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedChannels);
    p.start(labTool(), QStringList{u"--dir"_s, dir} + args);
    p.waitForFinished(-1);
    return p.exitCode();
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[v.size() / 2];
}

FleetUpdate pollReady(FleetPoller &poller)
{
    for (int i = 0; i < 50; ++i) {
        const FleetUpdate u = poller.pollOnce().result();
        bool all = !u.snapshot.haproxies().isEmpty();
        for (const HaproxyObservation &h : u.snapshot.haproxies())
            all = all && h.hasData() && !h.error;
        if (all)
            return u;
    }
    die(u"the lab does not answer on every (VIP, host)"_s);
}

// One preview with the first server of each VIP: 24 (VIP, host) targets.
OperationPreview drainPreview(const Snapshot &snapshot, ServerAction action)
{
    OperationPreview all;
    for (const Vip &vip : snapshot.inventory().vips()) {
        ServerOperationRequest r;
        r.action = action;
        r.server = vip.name + u"-01"_s;
        r.vip = vip.name;
        r.reason = u"bench_fanout"_s;
        r.force = true;
        const Result<OperationPreview> p = previewServerOperation(snapshot, r);
        if (!p.ok())
            die(p.error().toString());
        if (all.targets.isEmpty())
            all.request = r;
        all.targets += p->targets;
    }
    return all;
}

int countDrained(FleetPoller &poller)
{
    int n = 0;
    const FleetUpdate u = poller.pollOnce().result();
    for (const HaproxyObservation &h : u.snapshot.haproxies())
        for (const BackendObservation &b : h.backends)
            for (const ServerObservation &s : b.servers)
                n += s.adminState() == AdminState::Drain ? 1 : 0;
    return n;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(u"vipdeck.*.info=false"_s); // one line per figure
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Drain fan-out over 24 targets: vipdeck vs Ansible"_s);
    parser.addHelpOption();
    parser.addOption({u"lab"_s, u"a running lab (4 hosts, 6 VIPs)"_s, u"DIR"_s});
    parser.addOption({u"runs"_s, u"runs of each (default 5)"_s, u"N"_s, u"5"_s});
    parser.process(app);
    const int runs = std::max(1, parser.value(u"runs"_s).toInt());

    QTemporaryDir tmp;
    QString labDir = parser.value(u"lab"_s);
    const bool ownLab = labDir.isEmpty();
    if (ownLab) {
        // The lab's daemons may run as another account (root: vipdecklab).
        QFile::setPermissions(tmp.path(),
                              QFile::permissions(tmp.path()) | QFile::ExeGroup | QFile::ExeOther);
        labDir = tmp.filePath(u"lab"_s);
        std::printf("starting a lab: %d hosts x %d VIPs x 3 servers in %s\n", Hosts, Vips,
                    qPrintable(labDir));
        std::fflush(stdout);
        if (runLab(labDir, {u"up"_s, u"--hosts"_s, QString::number(Hosts), u"--vips"_s,
                            QString::number(Vips), u"--servers"_s, u"3"_s}) != 0)
            die(u"the lab did not start"_s);
    }
    struct LabDown
    {
        bool own;
        QString dir;
        ~LabDown()
        {
            if (own)
                runLab(dir, {u"down"_s});
        }
    } labDown{ownLab, labDir};

    const LoadedInventory loaded = loadInventory(labDir + u"/fleet.yaml"_s);
    if (!loaded.ok())
        die(loaded.diagnostics.value(0).toString());
    const Inventory inventory = *loaded.inventory;
    auto store = AuditStore::open(AuditStoreConfig::sqlite(tmp.filePath(u"audit.db"_s)));
    if (!store.ok())
        die(store.error().toString());
    AuditStore &audit = *store.value();

    // Ansible inventory from lab.json.
    QFile labJson(labDir + u"/lab.json"_s);
    if (!labJson.open(QIODevice::ReadOnly))
        die(u"cannot read lab.json"_s);
    const QJsonObject lab = QJsonDocument::fromJson(labJson.readAll()).object();
    const QString key = lab[u"client"_s][u"identity_file"_s].toString();
    const QString knownHosts = lab[u"client"_s][u"known_hosts"_s].toString();
    QString ini = u"[lb]\n"_s;
    QStringList vipNames;
    for (const QJsonValue &v : lab[u"vips"_s].toArray())
        vipNames << v[u"name"_s].toString();
    for (const QJsonValue &h : lab[u"hosts"_s].toArray()) {
        ini += h[u"name"_s].toString() + u" ansible_host="_s + h[u"address"_s].toString() +
               u" ansible_port="_s + QString::number(h[u"ssh_port"_s].toInt()) +
               u" ansible_user="_s + h[u"ssh_user"_s].toString() +
               u" ansible_ssh_private_key_file="_s + key + u" run_dir="_s +
               h[u"run_dir"_s].toString() + u'\n';
    }
    ini += u"[lb:vars]\nansible_python_interpreter=/usr/bin/python3\n"
           "ansible_ssh_common_args='-F /dev/null -o IdentitiesOnly=yes -o UserKnownHostsFile="_s +
           knownHosts + u"'\n"_s;
    const QString iniPath = tmp.filePath(u"inventory.ini"_s);
    QFile iniFile(iniPath);
    if (!iniFile.open(QIODevice::WriteOnly))
        die(u"cannot write the Ansible inventory"_s);
    iniFile.write(ini.toUtf8());
    iniFile.close();
    auto ansible = [&](const QString &state) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"ANSIBLE_HOST_KEY_CHECKING"_s, u"True"_s);
        env.insert(u"ANSIBLE_LOCAL_TEMP"_s, tmp.filePath(u"ansible-local"_s));
        p.setProcessEnvironment(env);
        const QString cmd = u"for v in "_s + vipNames.join(u' ') +
                            u"; do echo \"set server $v/$v-01 state "_s + state +
                            u"\" | socat - UNIX-CONNECT:{{ run_dir }}/$v.sock; done"_s;
        QElapsedTimer t;
        t.start();
        p.start(u"ansible"_s, {u"lb"_s, u"-i"_s, iniPath, u"-f"_s, QString::number(Hosts * Vips),
                               u"-m"_s, u"shell"_s, u"-a"_s, cmd});
        p.waitForFinished(120'000);
        const double ms = double(t.nsecsElapsed()) / 1e6;
        if (p.exitCode() != 0)
            die(u"ansible failed:\n"_s + QString::fromUtf8(p.readAllStandardOutput()) +
                QString::fromUtf8(p.readAllStandardError()));
        return ms;
    };

    QList<double> warm, cold, ansibleMs;
    {
        FleetPoller poller(inventory, sshTransportFactory());
        const FleetUpdate ready = pollReady(poller);
        const OperationPreview drain = drainPreview(ready.snapshot, ServerAction::Drain);
        if (drain.targets.size() != Hosts * Vips)
            die(u"expected %1 targets, found %2"_s.arg(Hosts * Vips).arg(drain.targets.size()));
        OperationPreview undo = drain;
        undo.request.action = ServerAction::Ready;
        ServerOperationRunner runner(&poller, &audit);
        for (int i = 0; i < runs; ++i) {
            QElapsedTimer t;
            t.start();
            const OperationResult r = runner.runAndWait(drain);
            warm << double(t.nsecsElapsed()) / 1e6;
            if (!r.ok())
                die(r.summary());
            if (const int n = countDrained(poller); n != Hosts * Vips)
                die(u"vipdeck: %1 servers drained, not %2"_s.arg(n).arg(Hosts * Vips));
            if (!runner.runAndWait(undo).ok())
                die(u"undo failed"_s);

            // Ansible, same drains, same check.
            ansibleMs << ansible(u"drain"_s);
            if (const int n = countDrained(poller); n != Hosts * Vips)
                die(u"ansible: %1 servers drained, not %2"_s.arg(n).arg(Hosts * Vips));
            ansible(u"ready"_s);
            if (countDrained(poller) != 0)
                die(u"ready after ansible left drained servers"_s);
        }
    }
    for (int i = 0; i < runs; ++i) {
        // As one vipdeckctl invocation: connect, read, preview, drain.
        QElapsedTimer t;
        t.start();
        FleetPoller poller(inventory, sshTransportFactory());
        const FleetUpdate ready = pollReady(poller);
        const OperationPreview drain = drainPreview(ready.snapshot, ServerAction::Drain);
        ServerOperationRunner runner(&poller, &audit);
        const OperationResult r = runner.runAndWait(drain);
        cold << double(t.nsecsElapsed()) / 1e6;
        if (!r.ok())
            die(r.summary());
        OperationPreview undo = drain;
        undo.request.action = ServerAction::Ready;
        if (!runner.runAndWait(undo).ok())
            die(u"undo failed"_s);
    }

    auto line = [](const char *what, const QList<double> &v) {
        std::printf("%-58s median %8.1f ms  min %8.1f  max %8.1f  (n=%lld)\n", what, median(v),
                    *std::min_element(v.begin(), v.end()), *std::max_element(v.begin(), v.end()),
                    static_cast<long long>(v.size()));
    };
    std::printf("\ndrain of %d (VIP, host) targets on %d hosts, audited (SQLite, synchronous):\n",
                Hosts * Vips, Hosts);
    line("vipdeck, connections open (GUI)", warm);
    line("vipdeck, cold: connect + poll + preview + drain (ctl)", cold);
    line("ansible ad-hoc shell + socat (forks = targets)", ansibleMs);
    std::printf("speed-up warm vs ansible: %.1fx; cold vs ansible: %.1fx\n",
                median(ansibleMs) / median(warm), median(ansibleMs) / median(cold));
    return 0;
}
