#!/usr/bin/env python3
"""Capture raw BIRD 2 control-socket replies for vipdeck's parser fixtures.

Starts throwaway BIRD daemons (no kernel protocol, nothing touches the routing
table) in a temporary directory, all on 127.0.0.0/8:

  A  127.0.0.1  AS 65001  default time format (hh:mm:ss.sss, date after 20 h)
  B  127.0.0.2  AS 65002  `timeformat protocol iso long` (date and time, space)
  C  (no BGP)            `timeformat protocol "%T.%3f" 1 "%F"`: the date form
                          BIRD prints for anything older than the limit

A and B peer over BGP on a free port (`multihop 2; strict bind yes;`) with
multihop BFD; A exports its static blackhole routes 203.0.113.x/32 (vip_*).

Each command is sent over a UNIX socket connection WITHOUT half-closing it
(BIRD closes without answering on half-close) and the reply is read up to its
final line (`^\\d{4} `).  The greeting is stripped from every file except
bird-2.0.12-greeting.txt.  Files are written as bird-2.0.12-<command>[-variant].txt.

Broken variants (`-truncated`, `-broken-*`, `not-bird`) are derived from the
captures at the end, by the code in make_broken(): cut mid-reply, a row with
columns missing, an unknown state, an impossible prefix, a bad code.

Usage: python3 capture.py [OUTDIR]   (default: the folder of this script)
Runs as root or not.  Stops the daemons it started by PID.
"""

import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time

VERSION = "2.0.12"
FINAL = re.compile(rb"^\d{4} ", re.M)


def free_port():
    """A TCP port free on both 127.0.0.1 and 127.0.0.2."""
    for _ in range(100):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        try:
            with socket.socket() as s2:
                s2.bind(("127.0.0.2", port))
            return port
        except OSError:
            continue
    raise RuntimeError("no free port")


def count_finals(data):
    """Number of complete final lines (`dddd ` ... newline) in data."""
    n = 0
    for line in data.split(b"\n")[:-1]:
        if re.match(rb"^\d{4} ", line):
            n += 1
    return n


class Cli:
    """One control-socket connection; commands are sent one at a time."""

    def __init__(self, path, timeout=10):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(timeout)
        self.sock.connect(path)
        self.buf = b""
        self.greeting = self._read_reply()

    def _read_reply(self):
        while count_finals(self.buf) < 1:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise RuntimeError("BIRD closed the connection: %r" % self.buf)
            self.buf += chunk
        # cut after the first final line
        pos = 0
        for line in self.buf.split(b"\n"):
            pos += len(line) + 1
            if re.match(rb"^\d{4} ", line):
                break
        reply, self.buf = self.buf[:pos], self.buf[pos:]
        return reply

    def cmd(self, text):
        self.sock.sendall(text.encode() + b"\n")
        return self._read_reply()

    def close(self):
        self.sock.close()


def ask(ctl, text):
    c = Cli(ctl)
    try:
        return c.cmd(text)
    finally:
        c.close()


def wait_for(what, pred, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        r = pred()
        if r:
            return r
        time.sleep(0.1)
    raise RuntimeError("timed out waiting for " + what)


CONF_COMMON = """
router id {rid};
log "{name}.log" all;
{timeformat}
protocol device {{}}
"""

CONF_BGP = """
protocol bfd bfd1 {{
  strict bind yes;
  multihop {{ interval 100 ms; multiplier 3; }};
}}
protocol bgp {peer} {{
  description "{desc}";
  local {local} port {port} as {las};
  neighbor {nbr} port {port} as {nas};
  multihop 2; strict bind yes; bfd yes;
  hold time 9; connect retry time 1; error wait time 1, 2;
  ipv4 {{ import all; export where proto ~ "vip_*"; }};
}}
"""

CONF_A_STATIC = """
protocol static vip_web { ipv4; route 203.0.113.10/32 blackhole; }
protocol static vip_api { ipv4; route 203.0.113.11/32 blackhole; route 203.0.113.21/32 blackhole; }
protocol static vip_old { disabled yes; ipv4; route 203.0.113.12/32 blackhole; }
protocol static other_routes { ipv4; route 198.51.100.0/24 unreachable; }
protocol static vip_web_backup { ipv4 { preference 150; }; route 203.0.113.10/32 blackhole; }
"""

CONF_C_STATIC = """
protocol static vip_web { ipv4; route 203.0.113.10/32 blackhole; }
protocol static vip_off { disabled; ipv4; route 203.0.113.13/32 blackhole; }
"""


def main():
    out = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(__file__))
    tmp = tempfile.mkdtemp(prefix="vipdeck-bird-capture-")
    port = free_port()
    confs = {
        "a": CONF_COMMON.format(rid="10.255.0.1", name="a", timeformat="")
        + CONF_BGP.format(peer="peer_b", desc="to B", local="127.0.0.1", nbr="127.0.0.2",
                          port=port, las=65001, nas=65002)
        + CONF_A_STATIC,
        "b": CONF_COMMON.format(rid="10.255.0.2", name="b",
                                timeformat="timeformat protocol iso long;")
        + CONF_BGP.format(peer="peer_a", desc="to A", local="127.0.0.2", nbr="127.0.0.1",
                          port=port, las=65002, nas=65001),
        "c": CONF_COMMON.format(rid="10.255.0.3", name="c",
                                timeformat='timeformat protocol "%T.%3f" 1 "%F";')
        + CONF_C_STATIC,
    }
    procs = {}
    ctl = {}
    try:
        for n, text in confs.items():
            cfg = os.path.join(tmp, n + ".conf")
            with open(cfg, "w") as f:
                f.write(text)
            ctl[n] = os.path.join(tmp, n + ".ctl")
            procs[n] = subprocess.Popen(
                ["bird", "-f", "-c", cfg, "-s", ctl[n], "-P", os.path.join(tmp, n + ".pid")],
                cwd=tmp)
        for n in procs:
            wait_for(n + " socket", lambda: os.path.exists(ctl[n]))
            wait_for(n + " greeting", lambda: _try(lambda: ask(ctl[n], "show status")))

        files = {}

        def save(name, data):
            files[name] = data
            path = os.path.join(out, "bird-%s-%s.txt" % (VERSION, name))
            with open(path, "wb") as f:
                f.write(data)

        def established():
            r = ask(ctl["a"], "show protocols peer_b")
            return b"Established" in r and b"Up" in ask(ctl["a"], "show bfd sessions")

        wait_for("BGP Established and BFD Up", established)
        wait_for("routes exported",
                 lambda: b"203.0.113.21/32" in ask(ctl["b"], "show route protocol peer_a"))

        c = Cli(ctl["a"])
        save("greeting", c.greeting)
        c.close()
        save("show-status", ask(ctl["a"], "show status"))
        save("show-protocols", ask(ctl["a"], "show protocols"))
        save("show-protocols-all", ask(ctl["a"], "show protocols all"))
        save("show-protocols-all-bgp-established", ask(ctl["a"], "show protocols all peer_b"))
        save("show-protocols-all-static", ask(ctl["a"], "show protocols all vip_web"))
        save("show-protocols-all-static-disabled", ask(ctl["a"], "show protocols all vip_old"))
        save("show-protocols-iso-long", ask(ctl["b"], "show protocols"))
        save("show-protocols-all-iso-long", ask(ctl["b"], "show protocols all"))
        save("show-protocols-date", ask(ctl["c"], "show protocols"))
        save("show-bfd-sessions-none", ask(ctl["c"], "show bfd sessions"))
        save("show-protocols-all-date", ask(ctl["c"], "show protocols all"))
        save("show-status-iso-long", ask(ctl["b"], "show status"))
        save("show-route", ask(ctl["a"], "show route"))
        save("show-route-all", ask(ctl["a"], "show route all"))
        save("show-route-export-bgp", ask(ctl["a"], "show route export peer_b"))
        save("show-route-protocol-static", ask(ctl["a"], "show route protocol vip_api"))
        save("show-route-protocol-bgp", ask(ctl["b"], "show route protocol peer_a"))
        save("show-route-protocol-empty", ask(ctl["a"], "show route protocol vip_old"))
        save("show-route-all-protocol-bgp", ask(ctl["b"], "show route all protocol peer_a"))
        save("show-route-export-static", ask(ctl["a"], "show route export vip_web"))
        save("show-route-for", ask(ctl["a"], "show route for 203.0.113.10"))
        save("show-route-count", ask(ctl["a"], "show route count"))
        save("show-bfd-sessions-up", ask(ctl["a"], "show bfd sessions"))
        save("show-bfd-sessions-iso-long", ask(ctl["b"], "show bfd sessions"))

        # enable / disable replies
        save("disable", ask(ctl["a"], "disable vip_api"))
        save("disable-already", ask(ctl["a"], "disable vip_api"))
        wait_for("route withdrawn",
                 lambda: b"203.0.113.11" not in ask(ctl["b"], "show route protocol peer_a"))
        save("show-route-export-bgp-withdrawn", ask(ctl["a"], "show route export peer_b"))
        save("enable", ask(ctl["a"], "enable vip_api"))
        save("enable-already", ask(ctl["a"], "enable vip_api"))
        save("disable-unknown-protocol", ask(ctl["a"], "disable no_such_proto"))
        save("show-protocols-all-unknown-protocol", ask(ctl["a"], "show protocols all no_such_proto"))
        save("show-route-export-unknown-protocol", ask(ctl["a"], "show route export no_such_proto"))
        save("disable-not-a-protocol", ask(ctl["a"], "disable master4"))
        save("show-protocols-all-not-a-protocol", ask(ctl["a"], "show protocols all master4"))
        save("unknown-command", ask(ctl["a"], "show frobnicate"))
        save("syntax-error", ask(ctl["a"], "disable 1abc"))
        save("disable-pattern", ask(ctl["a"], 'disable "vip_nomatch*"'))

        # restricted access, what `birdc -r` does: `restrict` first
        r = Cli(ctl["a"])
        save("restrict", r.cmd("restrict"))
        save("disable-restricted", r.cmd("disable vip_web"))
        save("show-status-restricted", r.cmd("show status"))
        r.close()

        # asynchronous log messages (`echo all`), then a command on the same connection
        e = Cli(ctl["a"])
        echo = e.cmd("echo all")
        e.sock.sendall(b"disable vip_web\n")
        data = e.buf
        while not re.search(rb"^\+.*\n", data, re.M) or count_finals(data) < 1:
            chunk = e.sock.recv(65536)
            if not chunk:
                break
            data += chunk
        save("echo-async", echo + data)
        e.close()
        ask(ctl["a"], "enable vip_web")

        # several commands in one write: does BIRD answer all of them in order?
        p = Cli(ctl["a"])
        p.sock.sendall(b"show status\nshow protocols\nshow bfd sessions\n")
        while count_finals(p.buf) < 3:
            chunk = p.sock.recv(65536)
            if not chunk:
                break
            p.buf += chunk
        save("pipelined-status-protocols-bfd", p.buf)
        p.close()
        p = Cli(ctl["a"])
        p.sock.sendall(b"show status\nshow protocols all no_such_proto\nshow bfd sessions\n")
        while count_finals(p.buf) < 3:
            chunk = p.sock.recv(65536)
            if not chunk:
                break
            p.buf += chunk
        save("pipelined-with-error", p.buf)
        p.close()

        # peer B shuts the session down: A sees Administrative shutdown, then Active/Idle
        save("disable-bgp", ask(ctl["b"], "disable peer_a"))
        wait_for("A sees the shutdown",
                 lambda: b"Administrative shutdown" in ask(ctl["a"], "show protocols all peer_b"))
        save("show-protocols-all-bgp-admin-shutdown", ask(ctl["a"], "show protocols all peer_b"))
        save("show-protocols-all-bgp-disabled", ask(ctl["b"], "show protocols all peer_a"))
        save("show-protocols-bgp-down", ask(ctl["a"], "show protocols"))
        save("show-bfd-sessions-after-bgp-down", ask(ctl["a"], "show bfd sessions"))
        save("show-route-export-bgp-down", ask(ctl["a"], "show route export peer_b"))
        save("enable-bgp", ask(ctl["b"], "enable peer_a"))
        wait_for("Established again",
                 lambda: b"Established" in ask(ctl["a"], "show protocols peer_b")
                 and b"Up" in ask(ctl["a"], "show bfd sessions"))

        # BFD goes down: B's BFD protocol is disabled, A's BGP closes with "BFD session down"
        save("disable-bfd", ask(ctl["b"], "disable bfd1"))
        wait_for("BFD down on A",
                 lambda: b"BFD session down" in ask(ctl["a"], "show protocols all peer_b"))
        save("show-protocols-all-bgp-bfd-down", ask(ctl["a"], "show protocols all peer_b"))
        save("show-bfd-sessions-down", ask(ctl["a"], "show bfd sessions"))
        save("show-protocols-bfd-down", ask(ctl["a"], "show protocols"))

        # B stops entirely: A is left in Active/Connect, trying to reach it
        ask(ctl["b"], "enable bfd1")
        procs["b"].send_signal(signal.SIGTERM)
        procs["b"].wait(10)
        time.sleep(0)  # no fixed sleep: wait for a state below
        wait_for("A tries to connect",
                 lambda: re.search(rb"peer_b .*(Active|Connect)", ask(ctl["a"], "show protocols")))
        save("show-protocols-all-bgp-active", ask(ctl["a"], "show protocols all peer_b"))
        save("show-bfd-sessions-peer-gone", ask(ctl["a"], "show bfd sessions"))

        make_broken(save, files)
        for n in sorted(files):
            print("%-50s %6d bytes" % (n, len(files[n])))
    finally:
        for n, p in procs.items():
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
                try:
                    p.wait(10)
                except subprocess.TimeoutExpired:
                    p.kill()
        print("daemon files left in", tmp)


def make_broken(save, files):
    """Hand-made broken variants of real captures, for the parsers' error paths."""
    pa = files["show-protocols-all"]
    save("show-protocols-all-truncated", pa[:1000])
    save("show-status-truncated", b"".join(files["show-status"].splitlines(True)[:5]))
    save("show-bfd-sessions-truncated", files["show-bfd-sessions-up"][:150])
    save("show-protocols-broken-row",
         re.sub(rb"(?m)^ vip_api +Static +master4 +up .*$", b" vip_api    Static",
                files["show-protocols"]))
    save("show-bfd-sessions-broken-state",
         re.sub(rb"(?m)^( 127\.0\.0\.2 +--- +)Up ", rb"\1Sideways ", files["show-bfd-sessions-up"]))
    save("show-route-export-bgp-broken-prefix",
         files["show-route-export-bgp"].replace(b" 203.0.113.11/32 ", b" 203.0.113.311/32"))
    save("show-status-broken-router-id",
         re.sub(rb"Router ID is \S+", b"Router ID is ten", files["show-status"]))
    save("show-status-broken-code",
         b"1000-BIRD 2.0.12\n12x4 nonsense\n0013 Daemon is up and running\n")
    save("not-bird", b"HTTP/1.0 400 Bad Request\r\n\r\n")


def _try(fn):
    try:
        return fn()
    except OSError:
        return None


if __name__ == "__main__":
    main()
