#!/usr/bin/env python3
"""vipdeckctl metrics on the lab, read by the Prometheus text-format parser of
python3-prometheus-client and compared with status --json and servers --json;
the same served over HTTP by `vipdeckctl record --metrics-listen`, with
clients that misbehave.

Usage: test_metrics.py VIPDECKCTL   (VIPDECK_LAB_DIR names the running lab)
"""

import json
import os
import re
import select
import socket
import subprocess
import sys
import tempfile
import time

from prometheus_client.parser import text_string_to_metric_families

FAILURES = []


def check(what, ok, detail=""):
    print(("ok    " if ok else "FAIL  ") + what + ("" if ok else f"\n      {detail}"))
    if not ok:
        FAILURES.append(what)


def run(ctl, *args):
    r = subprocess.run([ctl, *args], capture_output=True, text=True, stdin=subprocess.DEVNULL,
                       timeout=120)
    return r.returncode, r.stdout, r.stderr


def samples(text):
    """{metric name: [(labels dict, value)]} with every sample of every family."""
    out = {}
    for family in text_string_to_metric_families(text):
        for s in family.samples:
            out.setdefault(s.name, []).append((s.labels, s.value))
    return out


def state_of(series, state_label, **match):
    """The one state whose series is 1 among those matching `match`; None if not exactly one."""
    on = [l[state_label] for l, v in series if all(l.get(k) == w for k, w in match.items()) and v == 1]
    return on[0] if len(on) == 1 else None


def compare(m, status, servers, where):
    """Every VIP, placement, host and server of `m` as status --json and servers --json say."""
    for name in ("vipdeck_vip_health", "vipdeck_placement_announcement", "vipdeck_server_up",
                 "vipdeck_bgp_session_established", "vipdeck_scrape_duration_seconds"):
        check(f"{where}: {name} is there", name in m, sorted(m))
    check(f"{where}: no read failed", m["vipdeck_scrape_errors"][0][1] == 0, m.get("vipdeck_scrape_errors"))

    for host in status["hosts"]:
        got = [v for l, v in m["vipdeck_host_reachable"] if l["host"] == host["name"]]
        check(f"{where}: host {host['name']} reachable as in status", got == [1.0 if host["reachable"] else 0.0], got)
        check(f"{where}: host {host['name']} health as in status",
              state_of(m["vipdeck_host_health"], "health", host=host["name"]) == host["health"])
    for vip in status["vips"]:
        name = vip["name"]
        check(f"{where}: VIP {name} health as in status",
              state_of(m["vipdeck_vip_health"], "health", vip=name) == vip["health"],
              [s for s in m["vipdeck_vip_health"] if s[0]["vip"] == name])
        got = [v for l, v in m["vipdeck_vip_announcing_hosts"] if l["vip"] == name]
        check(f"{where}: VIP {name} announcing hosts as in status", got == [float(len(vip["announced_by"]))], got)
        for p in vip["placements"]:
            check(f"{where}: {name}@{p['host']} announcement as in status",
                  state_of(m["vipdeck_placement_announcement"], "announcement", vip=name,
                           host=p["host"]) == p["announcement"])
            check(f"{where}: {name}@{p['host']} health as in status",
                  state_of(m["vipdeck_placement_health"], "health", vip=name,
                           host=p["host"]) == p["health"])
    for rr in status.get("observers", []):
        got = [v for l, v in m["vipdeck_observer_reachable"] if l["observer"] == rr["name"]]
        check(f"{where}: observer {rr['name']} read", got == [1.0], got)

    check(f"{where}: one vipdeck_server_up per server of servers --json",
          len(m["vipdeck_server_up"]) == len(servers), (len(m["vipdeck_server_up"]), len(servers)))
    for s in servers:
        key = dict(vip=s["vip"], host=s["host"], backend=s["backend"], server=s["server"])
        up = [v for l, v in m["vipdeck_server_up"] if all(l[k] == w for k, w in key.items())]
        check(f"{where}: server {key} up as in servers", up == [1.0 if s["status"].startswith("UP") else 0.0],
              (up, s["status"]))
        check(f"{where}: server {key} admin state as in servers",
              state_of(m["vipdeck_server_admin_state"], "state", **key) == s["admin"])


def http(port, request, timeout=10):
    """The raw answer of the metrics server to `request` (bytes)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as conn:
        conn.sendall(request)
        answer = b""
        while chunk := conn.recv(65536):
            answer += chunk
        return answer


def served(ctl, fleet, tmp, status, servers):
    """`record --metrics-listen`: the same metrics over HTTP, and clients that misbehave."""
    proc = subprocess.Popen([ctl, "record", "--fleet", fleet, "--history",
                             os.path.join(tmp, "history.sqlite"), "--interval", "1",
                             "--metrics-listen", "127.0.0.1:0"],
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    try:
        # Raw reads: a buffered reader could hold the line select() waits for.
        port, deadline, said = None, time.monotonic() + 60, b""
        while port is None and time.monotonic() < deadline and proc.poll() is None:
            ready, _, _ = select.select([proc.stderr], [], [], 1)
            if ready:
                said += os.read(proc.stderr.fileno(), 4096)
                found = re.search(rb"Serving metrics at http://127\.0\.0\.1:(\d+)/metrics", said)
                port = int(found.group(1)) if found else None
        check("record says where it serves the metrics", port is not None, said)
        if port is None:
            return
        # 503 until the first poll has finished; then 200.
        answer = b""
        while time.monotonic() < deadline:
            answer = http(port, b"GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n")
            if answer.startswith(b"HTTP/1.0 200"):
                break
            time.sleep(0.2)
        head, _, body = answer.partition(b"\r\n\r\n")
        check("GET /metrics answers 200 with the text format's content type",
              head.startswith(b"HTTP/1.0 200") and b"text/plain; version=0.0.4" in head, head)
        compare(samples(body.decode()), status, servers, "--metrics-listen")
        check("HEAD has the headers only",
              http(port, b"HEAD /metrics HTTP/1.0\r\n\r\n").endswith(b"\r\n\r\n"))
        check("another path is 404", http(port, b"GET / HTTP/1.0\r\n\r\n").startswith(b"HTTP/1.0 404"))
        check("POST is 405", http(port, b"POST /metrics HTTP/1.0\r\n\r\n").startswith(b"HTTP/1.0 405"))
        check("a request past 8 KiB is cut with 431",
              http(port, b"G" * 8300).startswith(b"HTTP/1.0 431"))
        # A client that connects and says nothing is let go; others are served meanwhile.
        idle = socket.create_connection(("127.0.0.1", port), timeout=30)
        check("served while a client idles",
              http(port, b"GET /metrics HTTP/1.0\r\n\r\n").startswith(b"HTTP/1.0 200"))
        started = time.monotonic()
        closed = idle.recv(1) == b""
        idle.close()
        check("an idle client is disconnected", closed and time.monotonic() - started < 30)
    finally:
        proc.terminate()
        try:
            code = proc.wait(60)
        except subprocess.TimeoutExpired:
            proc.kill()
            code = proc.wait()
    check("record stops cleanly on SIGTERM", code == 0, code)


def main():
    ctl = sys.argv[1]
    fleet = os.path.join(os.environ["VIPDECK_LAB_DIR"], "fleet.yaml")

    # A healthy lab first (an earlier test's heal may still settle).
    deadline = time.monotonic() + 60
    while True:
        code, out, _ = run(ctl, "status", "--json", "--fleet", fleet)
        status = json.loads(out) if out.strip() else {}
        if code == 0 and status.get("health") == "healthy" or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    check("the lab is healthy", status.get("health") == "healthy", out[-500:])

    with tempfile.TemporaryDirectory() as tmp:
        prom = os.path.join(tmp, "vipdeck.prom")
        code, out, err = run(ctl, "metrics", "--fleet", fleet, "-o", prom)
        check("metrics -o exits 0", code == 0, err)
        check("nothing on stdout with -o", out == "", out[:200])
        check("the file is readable by the collector's user (0644)",
              os.stat(prom).st_mode & 0o777 == 0o644, oct(os.stat(prom).st_mode))
        check("no temporary file left beside it", os.listdir(tmp) == ["vipdeck.prom"], os.listdir(tmp))
        with open(prom) as f:
            text = f.read()
        try:
            m = samples(text)
        except Exception as e:  # noqa: the parser's own error is the finding
            check("the file parses as Prometheus text", False, f"{e}\n{text[:500]}")
            return
        check("the file parses as Prometheus text", True)

        code, out, _ = run(ctl, "servers", "--json", "--fleet", fleet)
        servers = json.loads(out)["servers"]
        compare(m, status, servers, "metrics -o")

        served(ctl, fleet, tmp, status, servers)

        # A folder that does not exist: a clear error, exit 1.
        code, out, err = run(ctl, "metrics", "--fleet", fleet, "-o", os.path.join(tmp, "no", "x.prom"))
        check("an unwritable -o exits 1 naming the file", code == 1 and "cannot write" in err
              and "x.prom" in err, (code, err))
        # Standard output without -o.
        code, out, err = run(ctl, "metrics", "--fleet", fleet, "--vip", "web")
        fam = samples(out)
        check("metrics to stdout, --vip web selects its series",
              code == 0 and {l["vip"] for l, _ in fam["vipdeck_vip_health"]} == {"web"}, (code, err))

    print(f"{'FAILED' if FAILURES else 'passed'}: {len(FAILURES)} failure(s)")
    sys.exit(1 if FAILURES else 0)


if __name__ == "__main__":
    main()
