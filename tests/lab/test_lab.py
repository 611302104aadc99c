#!/usr/bin/python3
"""Self-test of the vipdeck lab (tests/lab/vipdeck-lab).

Starts a lab in its own temporary directory, checks every piece through its own
tool (ssh + socat, birdc, plain HTTP through a frontend), injects and heals every
fault and observes its effect, and finally stops the lab and checks that no
process is left.  Always stops the lab, even when a check fails.

Usage: test_lab.py [--dir DIR] [--keep] [--lab PATH]
Runs as root (CI, no stdin) and as an ordinary user.  Prints `N passed, N failed`.
"""

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PASSED = ("L7OK", "L4OK")

results = {"passed": 0, "failed": 0}
failures = []


def log(msg):
    print(msg, flush=True)


def check(name, ok, detail=""):
    if ok:
        results["passed"] += 1
        log(f"  ok    {name}")
    else:
        results["failed"] += 1
        failures.append(name)
        log(f"  FAIL  {name}" + (f": {detail}" if detail else ""))
    return ok


def eventually(fn, timeout=15.0, interval=0.2):
    """Poll fn() -> (ok, detail) until ok or timeout; returns (ok, detail, seconds)."""
    t0 = time.monotonic()
    ok, detail = False, "never ran"
    while True:
        try:
            ok, detail = fn()
        except Exception as e:      # noqa: keep polling, report the last error
            ok, detail = False, f"{type(e).__name__}: {e}"
        if ok or time.monotonic() - t0 > timeout:
            return ok, detail, time.monotonic() - t0
        time.sleep(interval)


class Lab:
    def __init__(self, prog, d):
        self.prog = prog
        self.dir = d
        self.state = None

    def run(self, *args, timeout=300):
        r = subprocess.run(["/usr/bin/python3", self.prog, "--dir", self.dir, *args], capture_output=True,
                           text=True, timeout=timeout, stdin=subprocess.DEVNULL)
        return r

    def load(self):
        with open(os.path.join(self.dir, "lab.json")) as f:
            self.state = json.load(f)
        return self.state

    def host(self, name):
        return next(h for h in self.state["hosts"] if h["name"] == name)

    def node(self, name):
        """An LB host or a route reflector (both have an sshd)."""
        return next(n for n in self.state["hosts"] + self.state["route_reflectors"] if n["name"] == name)

    def vip(self, name):
        return next(v for v in self.state["vips"] if v["name"] == name)

    def ssh(self, host, command, timeout=20, connect_timeout=5):
        h = self.node(host)
        c = self.state["client"]
        argv = ["ssh", "-F", "/dev/null", "-i", c["identity_file"], "-o", "IdentitiesOnly=yes",
                "-o", "BatchMode=yes", "-o", f"UserKnownHostsFile={c['known_hosts']}",
                "-o", "GlobalKnownHostsFile=/dev/null", "-o", "StrictHostKeyChecking=yes",
                "-o", f"ConnectTimeout={connect_timeout}", "-p", str(h["ssh_port"]),
                f"{h['ssh_user']}@{h['address']}", command]
        try:
            return subprocess.run(argv, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired as e:
            return subprocess.CompletedProcess(argv, 124, e.stdout or "", "local timeout")

    def show_stat(self, host, vip):
        """Rows of `show stat` through ssh + socat, as dicts (by header name)."""
        sock = self.host(host)["vips"][vip]["stats_socket"]
        r = self.ssh(host, f"echo 'show stat' | socat - UNIX-CONNECT:{sock}")
        if r.returncode != 0:
            raise RuntimeError(f"ssh/socat rc {r.returncode}: {r.stderr.strip()[-200:]}")
        lines = [l for l in r.stdout.splitlines() if l.strip()]
        if not lines or not lines[0].startswith("# "):
            raise RuntimeError(f"unexpected show stat output: {r.stdout[:200]!r} {r.stderr[-200:]!r}")
        head = lines[0][2:].split(",")
        rows = [dict(zip(head, l.split(","))) for l in lines[1:]]
        for row in rows:
            # "* L7OK": a check is running right now; its last result is what counts.
            row["check_status"] = row.get("check_status", "").removeprefix("* ")
        return rows

    def server_row(self, host, vip, server):
        for r in self.show_stat(host, vip):
            if r["svname"] == server:
                return r
        raise RuntimeError(f"{server} not in show stat of {vip} on {host}")

    def forward(self, node, remote, talk):
        """Forward the UNIX socket `remote` of a node with ssh -L (a direct-streamlocal channel,
        as vipdeck uses it) and return talk(local path); (False, detail) when it never appears."""
        n = self.node(node)
        c = self.state["client"]
        fwd = os.path.join(self.dir, f"fwd-{node}.sock")
        p = subprocess.Popen(["ssh", "-F", "/dev/null", "-i", c["identity_file"], "-o", "IdentitiesOnly=yes",
                              "-o", "BatchMode=yes", "-o", f"UserKnownHostsFile={c['known_hosts']}",
                              "-o", "ExitOnForwardFailure=yes", "-N", "-p", str(n["ssh_port"]),
                              "-L", f"{fwd}:{remote}", f"{n['ssh_user']}@{n['address']}"],
                             stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            ok, detail, _t = eventually(lambda: (os.path.exists(fwd), "no forwarded socket"), 10, 0.05)
            if ok:
                try:
                    ok, detail = talk(fwd)
                except (OSError, ValueError, subprocess.SubprocessError) as e:
                    ok, detail = False, f"{type(e).__name__}: {e}"
            return ok, detail
        finally:
            p.kill()
            p.wait()
            if os.path.exists(fwd):
                os.unlink(fwd)

    def birdc(self, sock, command):
        r = subprocess.run(["birdc", "-s", sock, command], capture_output=True, text=True, timeout=10,
                           stdin=subprocess.DEVNULL)
        return r.returncode, r.stdout + r.stderr

    def rr_prefixes(self, rr, host):
        rrd = next(x for x in self.state["route_reflectors"] if x["name"] == rr)
        rc, out = self.birdc(rrd["control_socket"], f"show route protocol {host}")
        return {l.split()[0] for l in out.splitlines() if l[:1].isdigit() and "/" in l.split()[0]}

    def rr_session(self, rr, host):
        rrd = next(x for x in self.state["route_reflectors"] if x["name"] == rr)
        rc, out = self.birdc(rrd["control_socket"], "show protocols")
        for l in out.splitlines():
            p = l.split()
            if p and p[0] == host:
                return l
        return ""


def bird_talk(path, command):
    """One command on a BIRD control socket: the reply up to its final `NNNN ` line."""
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(5)
    data = b""
    try:
        s.connect(path)

        def reply():
            nonlocal data
            while not re.search(rb"(^|\n)\d{4} [^\n]*\n", data):
                b = s.recv(65536)
                if not b:
                    raise ConnectionError("closed: %r" % data[-200:])
                data += b
            out, data = data, b""
            return out.decode(errors="replace")
        reply()                                  # greeting "0001 BIRD ... ready."
        s.sendall(command.encode() + b"\n")
        return reply()
    finally:
        s.close()


def all_pids(state):
    """Recorded PIDs plus their descendants (HAProxy workers) right now."""
    pids = {}
    for i, pr in state["processes"].items():
        pids[pr["pid"]] = i
    children = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as f:
                    data = f.read()
                ppid = int(data[data.rindex(")") + 2:].split()[1])
                children.setdefault(ppid, []).append(int(d))
            except (OSError, ValueError):
                pass
    todo = list(pids)
    while todo:
        p = todo.pop()
        for c in children.get(p, []):
            if c not in pids:
                pids[c] = pids[p] + " (child)"
                todo.append(c)
    return pids


def pid_running(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            data = f.read()
        return data[data.rindex(")") + 2] not in "ZX"
    except OSError:
        return False


def tests(lab):
    t0 = time.monotonic()
    r = lab.run("up", timeout=300)
    dt = time.monotonic() - t0
    log(r.stdout.strip())
    if not check(f"up succeeds ({dt:.1f} s)", r.returncode == 0, r.stderr.strip()):
        return
    st = lab.load()
    hosts = [h["name"] for h in st["hosts"]]
    vips = [v["name"] for v in st["vips"]]
    bfd = st.get("bfd", False)
    check("up under 20 s", dt < 20, f"{dt:.1f} s")
    for f in ("fleet.yaml", "known_hosts", "client/id_ed25519", "client/id_ed25519.pub", "lab.json"):
        check(f"{f} written", os.path.exists(os.path.join(lab.dir, f)))
    with open(os.path.join(lab.dir, "fleet.yaml")) as f:
        fy = f.read()
    check("fleet.yaml names every host, VIP and the group",
          all(f"name: {n}" in fy for n in hosts + vips) and "mode: active-active" in fy and "version: 1" in fy)
    rrs = st["route_reflectors"]
    m = re.search(r"^observers:\n((?:[ -].*\n|\n)*?)(?=^\S|\Z)", fy, re.M)
    obs = m.group(1) if m else ""
    want = [(rr["name"], rr["address"], rr["ssh_port"], rr["control_socket"]) for rr in rrs]
    check("fleet.yaml lists rr1, rr2 as observers with their ssh ports and control sockets",
          [r["name"] for r in rrs] == ["rr1", "rr2"]
          and all(f"- name: {n}\n    address: {a}\n    ssh:\n      port: {p}\n    bird:\n"
                  f"      control_socket: {json.dumps(cs)}\n" in obs for n, a, p, cs in want),
          obs or fy[-600:])
    with open(st["client"]["known_hosts"]) as f:
        kh = f.read()
    check("known_hosts has ed25519 and ecdsa keys of every route reflector",
          all(f"[{rr['address']}]:{rr['ssh_port']} {t} " in kh for rr in rrs
              for t in ("ssh-ed25519", "ecdsa-sha2-nistp256")), kh[-400:])
    r2 = lab.run("up")
    check("second up is harmless", r2.returncode == 0 and "already up" in r2.stdout, r2.stdout + r2.stderr)

    # ---- every piece through its own tool
    log("pieces:")
    for h in hosts:
        r = lab.ssh(h, "echo hello; echo $SHLVL")
        check(f"ssh {h} works with the lab key and known_hosts", r.returncode == 0 and "hello" in r.stdout,
              r.stderr.strip()[-300:])
        for v in vips:
            try:
                rows = lab.show_stat(h, v)
                servers = [x for x in rows if x["svname"] not in ("FRONTEND", "BACKEND")]
                bad = [f"{x['svname']}={x['status']}/{x['check_status']}" for x in servers
                       if not x["status"].startswith("UP") or x["check_status"] not in PASSED]
                check(f"{h}/{v}: show stat via ssh+socat, {len(servers)} servers UP with passed checks",
                      servers and not bad, ", ".join(bad))
            except Exception as e:
                check(f"{h}/{v}: show stat via ssh+socat", False, str(e))
        bsock = lab.host(h)["bird"]["control_socket"]
        r = lab.ssh(h, f"birdc -s {bsock} show protocols")
        lines = {l.split()[0]: l for l in r.stdout.splitlines() if l.split()}
        check(f"{h}: birdc via ssh shows vip_* up and rr1/rr2 Established",
              all(f"vip_{v}" in lines and " up " in lines[f"vip_{v}"] for v in vips)
              and all("Established" in lines.get(rr, "") for rr in ("rr1", "rr2")), r.stdout + r.stderr)
        hv = lab.host(h)["vips"][vips[0]]
        r = lab.ssh(h, f"echo 'show proc' | socat - UNIX-CONNECT:{hv['master_socket']}")
        check(f"{h}: master CLI answers show proc", "master" in r.stdout and "worker" in r.stdout,
              r.stdout + r.stderr)
    # a UNIX socket forwarded over ssh (what vipdeck's direct-streamlocal channels do)
    def show_info(fwd):
        out = subprocess.run(["socat", "-", f"UNIX-CONNECT:{fwd}"], input="show info\n", capture_output=True,
                             text=True, timeout=10).stdout
        return "Name: HAProxy" in out, out[:200]
    ok, detail = lab.forward(hosts[0], lab.host(hosts[0])["vips"][vips[0]]["stats_socket"], show_info)
    check("stats socket forwarded with ssh -L (streamlocal) answers show info", ok, detail)
    # a clean reload through the master CLI: same master, a new worker, no failure
    hv = lab.host(hosts[0])["vips"][vips[0]]

    def show_proc():
        return lab.ssh(hosts[0], f"echo 'show proc' | socat - UNIX-CONNECT:{hv['master_socket']}").stdout

    def workers(text):
        return {l.split()[0] for l in text.splitlines() if " worker " in f" {l} " and l.split()[0].isdigit()}
    before = workers(show_proc())
    lab.ssh(hosts[0], f"echo reload | socat - UNIX-CONNECT:{hv['master_socket']}")
    ok, detail, t = eventually(lambda: (bool(workers(show_proc()) - before) and "[failed: 0]" in show_proc(),
                                        show_proc()[-400:]), 15)
    check(f"reload through the master CLI starts a new worker ({t:.1f} s)", ok, detail)
    ok, detail, _t = eventually(lambda: (lab.run("status", "--json").returncode == 0, "a process died"), 5)
    check("the master PID survives the reload (status still all alive)", ok, detail)
    # the route reflectors have an sshd too (vipdeck's observers): login, BIRD through ssh
    for rr in st["route_reflectors"]:
        n = rr["name"]
        r = lab.ssh(n, "echo hello")
        check(f"ssh {n} works with the lab key and known_hosts", r.returncode == 0 and "hello" in r.stdout,
              r.stderr.strip()[-300:])
        r = lab.ssh(n, f"birdc -s {rr['control_socket']} show protocols")
        lines = {l.split()[0]: l for l in r.stdout.splitlines() if l.split()}
        check(f"{n}: birdc via ssh shows every host Established",
              all("Established" in lines.get(h, "") for h in hosts), r.stdout + r.stderr)
        def show_status(fwd):
            out = bird_talk(fwd, "show status")
            return "0013 Daemon is up" in out, out[-300:]
        ok, detail = lab.forward(n, rr["control_socket"], show_status)
        check(f"{n}: BIRD control socket forwarded with ssh -L answers show status", ok, detail)
    for rr in st["route_reflectors"]:
        for h in hosts:
            got = lab.rr_prefixes(rr["name"], h)
            want = {v["prefix"] for v in st["vips"]}
            check(f"{rr['name']}: every VIP prefix of {h} announced", want <= got, f"got {sorted(got)}")
        if bfd:
            rc, out = lab.birdc(rr["control_socket"], "show bfd sessions")
            check(f"{rr['name']}: BFD sessions Up with every host",
                  out.count(" Up ") >= len(hosts), out)
    # real traffic through a frontend (127.x only)
    web = lab.vip(vips[0])
    addr, port = lab.host(hosts[0])["vips"][web["name"]]["frontend"].rsplit(":", 1)
    try:
        s = socket.create_connection((addr, int(port)), timeout=5)
        s.sendall(b"GET /hello HTTP/1.0\r\nHost: lab\r\n\r\n")
        data = b""
        while True:
            b = s.recv(4096)
            if not b:
                break
            data += b
        s.close()
        check("HTTP request through the web frontend is served by a web server",
              data.startswith(b"HTTP/1.") and b" 200 " in data[:20] and b"web-0" in data, data[:200])
    except OSError as e:
        check("HTTP request through the web frontend", False, str(e))
    r = lab.run("status", "--json")
    try:
        sj = json.loads(r.stdout)
        check("status --json: every process alive", r.returncode == 0 and all(p["alive"] for p in sj["processes"]),
              r.stdout[-500:])
    except ValueError:
        check("status --json parses", False, r.stdout[-300:])

    # ---- faults
    log("faults:")
    h1, h2 = hosts[0], hosts[-1]

    def fault(*a):
        r = lab.run("fault", *a)
        check(f"fault {' '.join(a)}", r.returncode == 0, r.stdout + r.stderr)

    def heal(*a):
        r = lab.run("heal", *a)
        check(f"heal {' '.join(a)}", r.returncode == 0, r.stdout + r.stderr)

    def server_is(host, vip, server, pred, what, timeout=15):
        def f():
            row = lab.server_row(host, vip, server)
            return pred(row), f"{row['status']}/{row['check_status']}"
        ok, detail, t = eventually(f, timeout)
        check(f"{server} on {host}: {what} ({t:.1f} s)", ok, detail)

    # server faults, observed on every host (the same server serves both)
    fault("server-down", "web-01")
    for h in hosts:
        server_is(h, "web", "web-01", lambda r: r["status"].startswith("DOWN") and r["check_status"] == "L4CON",
                  "DOWN with L4CON")
    r = lab.run("status")
    check("status lists the active fault", "server-down web-01" in r.stdout, r.stdout[-400:])
    heal("server-down", "web-01")
    server_is(h1, "web", "web-01", lambda r: r["status"] == "UP" and r["check_status"] == "L7OK", "UP again")
    fault("server-failing", "api-02")
    server_is(h1, "api", "api-02", lambda r: r["status"].startswith("DOWN") and r["check_status"] == "L7STS",
              "DOWN with L7STS (HTTP 500)")
    heal("server-failing", "api-02")
    fault("server-slow", "web-02")
    server_is(h2, "web", "web-02", lambda r: r["check_status"] == "L7TOUT", "check times out (L7TOUT)")
    heal("server-slow", "web-02")
    server_is(h2, "web", "web-02", lambda r: r["status"] == "UP", "UP again")

    # all servers of one VIP down: withdrawn on both route reflectors, from every host
    mail = lab.vip("mail") if "mail" in vips else lab.vip(vips[0])
    msrv = [s for be in mail["backends"].values() for s in be]
    for s_ in msrv:
        fault("server-down", s_)

    def withdrawn_everywhere():
        left = {(rr["name"], h) for rr in st["route_reflectors"] for h in hosts
                if mail["prefix"] in lab.rr_prefixes(rr["name"], h)}
        return not left, f"still announced: {sorted(left)}"
    ok, detail, t = eventually(withdrawn_everywhere, 20)
    check(f"all {mail['name']} servers down: {mail['prefix']} withdrawn on rr1 and rr2 ({t:.1f} s)", ok, detail)
    others = {v["prefix"] for v in st["vips"] if v["name"] != mail["name"]}
    check("the other VIPs stay announced", others <= lab.rr_prefixes("rr1", h1), "")
    heal("server-down")      # every server-down fault

    def announced_everywhere():
        left = {(rr["name"], h) for rr in st["route_reflectors"] for h in hosts
                if mail["prefix"] not in lab.rr_prefixes(rr["name"], h)}
        return not left, f"missing: {sorted(left)}"
    ok, detail, t = eventually(announced_everywhere, 20)
    check(f"after heal: {mail['prefix']} announced again ({t:.1f} s)", ok, detail)

    # HAProxy killed: socket refuses, prefix withdrawn from that host only
    w = vips[0]
    wprefix = lab.vip(w)["prefix"]
    fault("haproxy-kill", h1, w)
    r = lab.ssh(h1, f"echo 'show info' | socat - UNIX-CONNECT:{lab.host(h1)['vips'][w]['stats_socket']}")
    check(f"{h1}/{w} stats socket refuses after haproxy-kill", r.returncode != 0 and "refused" in r.stderr.lower(),
          r.stderr.strip()[-200:])
    ok, detail, t = eventually(lambda: (wprefix not in lab.rr_prefixes("rr1", h1), "still announced"), 10)
    check(f"{wprefix} withdrawn from {h1} on rr1 ({t:.1f} s)", ok, detail)
    if len(hosts) > 1:
        check(f"{wprefix} still announced by {h2}", wprefix in lab.rr_prefixes("rr1", h2))
    heal("haproxy-kill", h1, w)
    ok, detail, t = eventually(lambda: (wprefix in lab.rr_prefixes("rr1", h1), "not announced"), 10)
    check(f"{wprefix} announced by {h1} again ({t:.1f} s)", ok, detail)

    # config broken on disk: haproxy -c and a reload through the master socket fail; old worker serves
    hv = lab.host(h2)["vips"][w]
    fault("config-break", h2, w)
    r = lab.ssh(h2, f"/usr/sbin/haproxy -c -f {hv['config']}")
    check(f"haproxy -c fails on the broken config of {h2}/{w}", r.returncode != 0 and "ALERT" in r.stdout + r.stderr,
          (r.stdout + r.stderr)[-300:])
    lab.ssh(h2, f"echo reload | socat - UNIX-CONNECT:{hv['master_socket']}")

    def reload_failed():
        r = lab.ssh(h2, f"echo 'show proc' | socat - UNIX-CONNECT:{hv['master_socket']}")
        return "failed: 1" in r.stdout or "[failed: 1]" in r.stdout, r.stdout[-300:]
    ok, detail, t = eventually(reload_failed, 15)
    check("the reload fails ([failed: 1] in show proc)", ok, detail)
    try:
        rows = lab.show_stat(h2, w)
        check("the old worker keeps serving after the failed reload", any(x["svname"] == "FRONTEND" for x in rows))
    except Exception as e:
        check("the old worker keeps serving after the failed reload", False, str(e))
    heal("config-break", h2, w)
    r = lab.ssh(h2, f"/usr/sbin/haproxy -c -f {hv['config']}")
    check("haproxy -c passes after heal", r.returncode == 0, (r.stdout + r.stderr)[-300:])

    # BGP administratively down
    fault("bgp-down", h1)
    ok, detail, t = eventually(lambda: ("Established" not in lab.rr_session("rr1", h1)
                                        and not lab.rr_prefixes("rr1", h1), lab.rr_session("rr1", h1)), 10)
    check(f"bgp-down: rr1 session to {h1} not Established, its routes gone ({t:.1f} s)", ok, detail)
    heal("bgp-down", h1)
    check(f"after heal: rr1 session to {h1} Established", "Established" in lab.rr_session("rr1", h1),
          lab.rr_session("rr1", h1))

    # BIRD stopped
    fault("bird-stop", h2)
    r = lab.ssh(h2, f"birdc -s {lab.host(h2)['bird']['control_socket']} show status")
    check(f"birdc on {h2} fails while BIRD is stopped", "Daemon is up" not in r.stdout, r.stdout[-200:])
    ok, detail, t = eventually(lambda: ("Established" not in lab.rr_session("rr2", h2), lab.rr_session("rr2", h2)), 10)
    check(f"rr2 sees the session to {h2} down ({t:.1f} s)", ok, detail)
    heal("bird-stop", h2)
    check(f"after heal: rr2 session to {h2} Established and its VIPs back",
          "Established" in lab.rr_session("rr2", h2)
          and {v["prefix"] for v in st["vips"]} <= lab.rr_prefixes("rr2", h2), lab.rr_session("rr2", h2))

    # sshd stopped: connection refused
    fault("sshd-stop", h1)
    r = lab.ssh(h1, "true", timeout=15)
    check("ssh fails with connection refused after sshd-stop",
          r.returncode == 255 and "refused" in r.stderr.lower(), r.stderr.strip()[-200:])
    heal("sshd-stop", h1)
    check("ssh works after heal", lab.ssh(h1, "true").returncode == 0)

    # the same on a route reflector (an observer of the fleet)
    fault("sshd-stop", "rr1")
    r = lab.ssh("rr1", "true", timeout=15)
    check("ssh to rr1 fails with connection refused after sshd-stop rr1",
          r.returncode == 255 and "refused" in r.stderr.lower(), r.stderr.strip()[-200:])
    check("rr1's BIRD keeps running while its sshd is stopped",
          "Established" in lab.rr_session("rr1", h1), lab.rr_session("rr1", h1))
    heal("sshd-stop", "rr1")
    r = lab.ssh("rr1", f"birdc -s {lab.node('rr1')['control_socket']} show status")
    check("ssh to rr1 works after heal (birdc show status)", r.returncode == 0 and "Daemon is up" in r.stdout,
          (r.stdout + r.stderr)[-300:])

    # a route reflector's BIRD stopped: hosts lose that session, keep the other
    fault("bird-stop", "rr2")
    r = lab.ssh("rr2", f"birdc -s {lab.node('rr2')['control_socket']} show status")
    check("birdc via ssh on rr2 fails while its BIRD is stopped", "Daemon is up" not in r.stdout,
          (r.stdout + r.stderr)[-200:])

    def host_session(host, peer):
        r = lab.ssh(host, f"birdc -s {lab.host(host)['bird']['control_socket']} show protocols {peer}")
        return r.stdout.strip().splitlines()[-1] if r.stdout.strip() else r.stderr.strip()[-200:]
    ok, detail, t = eventually(lambda: ("Established" not in host_session(h1, "rr2"), host_session(h1, "rr2")), 10)
    check(f"{h1} sees its session to rr2 down ({t:.1f} s)", ok, detail)
    check(f"{h1} keeps its session to rr1", "Established" in host_session(h1, "rr1"), host_session(h1, "rr1"))
    heal("bird-stop", "rr2")
    check("after heal: rr2 sessions Established and every VIP back on rr2",
          all("Established" in lab.rr_session("rr2", h) and {v["prefix"] for v in st["vips"]}
              <= lab.rr_prefixes("rr2", h) for h in hosts), lab.rr_session("rr2", h1))

    # sshd frozen: TCP accepted, no banner, ssh times out
    fault("sshd-freeze", h2)
    hh = lab.host(h2)
    try:
        s = socket.create_connection((hh["address"], hh["ssh_port"]), timeout=3)
        s.settimeout(1.5)
        try:
            banner = s.recv(64)
        except socket.timeout:
            banner = None
        s.close()
        check("frozen sshd: TCP connect succeeds, no banner within 1.5 s", banner is None, repr(banner))
    except OSError as e:
        check("frozen sshd: TCP connect succeeds", False, str(e))
    t1 = time.monotonic()
    r = lab.ssh(h2, "true", timeout=20, connect_timeout=2)
    check(f"ssh times out against the frozen sshd ({time.monotonic() - t1:.1f} s)",
          r.returncode != 0 and "timed out" in (r.stderr + r.stdout).lower(), r.stderr.strip()[-200:])
    r = lab.run("status")
    check("status shows the frozen sshd", "SIGSTOP" in r.stdout, r.stdout[-500:])
    heal("sshd-freeze", h2)
    check("ssh works after heal", lab.ssh(h2, "true").returncode == 0)

    # host key replaced: refused by known_hosts
    fault("hostkey-replace", h1)
    r = lab.ssh(h1, "true")
    check("ssh refuses the replaced host key",
          r.returncode == 255 and ("IDENTIFICATION HAS CHANGED" in r.stderr or "verification failed" in r.stderr),
          r.stderr.strip()[-300:])
    heal("hostkey-replace", h1)
    check("ssh accepts the restored host key", lab.ssh(h1, "true").returncode == 0)

    # stats socket permission denied for the SSH user
    sv = vips[1] if len(vips) > 1 else vips[0]
    fault("socket-deny", h2, sv)
    r = lab.ssh(h2, f"echo 'show info' | socat - UNIX-CONNECT:{lab.host(h2)['vips'][sv]['stats_socket']}")
    check("socat via ssh gets permission denied", "permission denied" in r.stderr.lower(), r.stderr.strip()[-200:])
    heal("socket-deny", h2, sv)
    try:
        lab.show_stat(h2, sv)
        check("socket readable after heal", True)
    except Exception as e:
        check("socket readable after heal", False, str(e))

    # several faults at once, then heal --all
    fault("server-failing", "web-03")
    fault("bgp-down", h2)
    fault("sshd-freeze", h1)
    r = lab.run("status", "--json")
    kinds = sorted(f["kind"] for f in json.loads(r.stdout)["faults"]) if r.stdout.startswith("{") else []
    check("status --json lists three active faults", kinds == ["bgp-down", "server-failing", "sshd-freeze"], str(kinds))
    heal("--all")
    r = lab.run("status", "--json")
    sj = json.loads(r.stdout)
    check("no faults left and every process alive after heal --all",
          not sj["faults"] and all(p["alive"] and not p["stopped"] for p in sj["processes"]), r.stdout[-500:])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", help="lab directory (default: a new temporary directory)")
    ap.add_argument("--keep", action="store_true", help="keep the lab directory afterwards")
    ap.add_argument("--lab", default=os.path.join(HERE, "vipdeck-lab"))
    args = ap.parse_args()
    d = args.dir or tempfile.mkdtemp(prefix="vl-test-")
    made = not args.dir
    lab = Lab(args.lab, d)
    log(f"lab self-test in {d} as {'root' if os.geteuid() == 0 else 'uid %d' % os.geteuid()}")
    t0 = time.monotonic()
    try:
        tests(lab)
    except Exception as e:       # noqa: a crash is a failure, and we still clean up
        import traceback
        traceback.print_exc()
        check("test run completes without an exception", False, f"{type(e).__name__}: {e}")
    finally:
        log("down:")
        pids = {}
        rr_sshd = {}
        try:
            pids = all_pids(lab.load())
            rr_sshd = {i: pr["pid"] for i, pr in lab.state["processes"].items()
                       if i.startswith("rr") and i.endswith("/sshd")}
        except (OSError, ValueError, KeyError):
            pass
        r = lab.run("down", timeout=120)
        check("down succeeds", r.returncode == 0, r.stdout + r.stderr)
        left = {p: i for p, i in pids.items() if pid_running(p)}
        check(f"no lab process left ({len(pids)} PIDs checked)", pids and not left, str(left))
        if pids:
            check(f"no route reflector sshd left ({', '.join(sorted(rr_sshd))})",
                  len(rr_sshd) == 2 and not any(pid_running(p) for p in rr_sshd.values()), str(rr_sshd))
        r = lab.run("down")
        check("second down is harmless", r.returncode == 0, r.stdout + r.stderr)
        if made and not args.keep and not failures:
            shutil.rmtree(d, ignore_errors=True)
        elif failures:
            log(f"lab directory kept for inspection: {d}")
    log(f"lab self-test took {time.monotonic() - t0:.0f} s")
    log(f"{results['passed']} passed, {results['failed']} failed")
    return 0 if results["failed"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
