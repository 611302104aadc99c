#!/usr/bin/python3
"""Soak the console: memory and CPU of `vipdeck` polling a fleet for hours.

Runs the real console (offscreen) on a lab fleet with the poll interval set
to --poll, samples its resident memory and CPU time from /proc every
--sample seconds, and at the end prints the growth of the last hour and the
CPU share of a core.  See README.md beside this file.
"""

import argparse
import glob
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

TICKS = os.sysconf("SC_CLK_TCK")


def proc_sample(pid):
    """(rss_kib, anon_kib, cpu_seconds) of a live process."""
    rss = anon = 0
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1])
            elif line.startswith("RssAnon:"):
                anon = int(line.split()[1])
    with open(f"/proc/{pid}/stat") as f:
        # the command may contain spaces: fields after the closing parenthesis
        fields = f.read().rsplit(")", 1)[1].split()
    cpu = (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime
    return rss, anon, cpu


def fleet_with_interval(src, dst, poll):
    text = open(src).read()
    text, n = re.subn(r"(?m)^  poll_interval: .*$", f"  poll_interval: {poll}", text)
    if n != 1:
        sys.exit(f"soak: {src} has no `defaults: poll_interval:` line to set; is it a lab fleet?")
    with open(dst, "w") as f:
        f.write(text)


def polls_recorded(data_home):
    """Polls the console wrote into its history store: (count estimate, last poll age s)."""
    stores = glob.glob(os.path.join(data_home, "**", "history", "*.sqlite"), recursive=True)
    if not stores:
        return None
    db = sqlite3.connect(f"file:{stores[0]}?mode=ro", uri=True, timeout=5)
    try:
        rows = db.execute("SELECT started_ms, last_poll_ms, interval_ms FROM history_recording").fetchall()
    finally:
        db.close()
    if not rows:
        return None
    covered = sum(last - start for start, last, _ in rows) / 1000.0
    last = max(r[1] for r in rows) / 1000.0
    return covered, time.time() - last


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fleet", required=True, help="fleet.yaml of a running lab")
    ap.add_argument("--binary", default="build/app/vipdeck/vipdeck")
    ap.add_argument("--duration", type=float, default=7200, help="seconds (default 7200)")
    ap.add_argument("--sample", type=float, default=60, help="seconds between samples")
    ap.add_argument("--poll", default="1s", help="poll interval written into the fleet copy")
    ap.add_argument("--csv", help="write every sample to this file")
    ap.add_argument("--max-growth-mb", type=float, default=2.0,
                    help="target: resident growth over the last hour (default 2)")
    ap.add_argument("--max-cpu", type=float, default=5.0,
                    help="target: percent of one core over the last hour (default 5)")
    args = ap.parse_args()
    # A stopped soak still stops its console (the finally below).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    work = tempfile.mkdtemp(prefix="vipdeck-soak-")
    fleet = os.path.join(work, "fleet.yaml")
    fleet_with_interval(args.fleet, fleet, args.poll)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=work,
               XDG_CONFIG_HOME=os.path.join(work, "config"),
               XDG_DATA_HOME=os.path.join(work, "data"),
               XDG_CACHE_HOME=os.path.join(work, "cache"),
               XDG_RUNTIME_DIR=os.path.join(work, "run"))
    os.makedirs(env["XDG_RUNTIME_DIR"], mode=0o700)
    log = open(os.path.join(work, "vipdeck.log"), "w")
    proc = subprocess.Popen([args.binary, "--fleet", fleet], env=env, stdout=log,
                            stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    samples = []  # (t, rss, anon, cpu)
    start = time.monotonic()
    print(f"soak: vipdeck pid {proc.pid} on {args.fleet}, poll {args.poll}, "
          f"{args.duration:.0f} s; work dir {work}", flush=True)
    print(f"{'min':>6} {'RSS MB':>8} {'anon MB':>8} {'CPU %':>6}", flush=True)
    try:
        while True:
            now = time.monotonic() - start
            if proc.poll() is not None:
                sys.exit(f"soak: vipdeck exited with {proc.returncode} after {now:.0f} s; "
                         f"see {log.name}")
            rss, anon, cpu = proc_sample(proc.pid)
            if samples:
                t0, _, _, c0 = samples[-1]
                share = 100.0 * (cpu - c0) / (now - t0)
                print(f"{now / 60:6.1f} {rss / 1024:8.1f} {anon / 1024:8.1f} {share:6.1f}",
                      flush=True)
            samples.append((now, rss, anon, cpu))
            if now >= args.duration:
                break
            time.sleep(min(args.sample, max(0.0, args.duration - now)) or args.sample)
        recorded = polls_recorded(env["XDG_DATA_HOME"])
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()

    if args.csv:
        with open(args.csv, "w") as f:
            f.write("seconds,rss_kib,anon_kib,cpu_s\n")
            for t, rss, anon, cpu in samples:
                f.write(f"{t:.1f},{rss},{anon},{cpu:.2f}\n")

    end = samples[-1]
    hour = min(3600.0, end[0] / 2)  # the last hour, or the second half of a shorter run
    ref = min(samples, key=lambda s: abs(s[0] - (end[0] - hour)))
    growth = (end[1] - ref[1]) / 1024
    anon_growth = (end[2] - ref[2]) / 1024
    cpu_last = 100.0 * (end[3] - ref[3]) / (end[0] - ref[0])
    cpu_all = 100.0 * (end[3] - samples[0][3]) / (end[0] - samples[0][0])
    first_min = min(samples, key=lambda s: abs(s[0] - 60))
    print()
    print(f"soak: {end[0] / 60:.1f} min; RSS {first_min[1] / 1024:.1f} MB at 1 min, "
          f"{ref[1] / 1024:.1f} MB at {ref[0] / 60:.0f} min, {end[1] / 1024:.1f} MB at the end")
    print(f"soak: growth over the last {(end[0] - ref[0]) / 60:.0f} min: RSS {growth:+.2f} MB, "
          f"anonymous {anon_growth:+.2f} MB (target < {args.max_growth_mb} MB)")
    print(f"soak: CPU {cpu_last:.2f} % of a core over the last {(end[0] - ref[0]) / 60:.0f} min, "
          f"{cpu_all:.2f} % over the whole run (target < {args.max_cpu} %)")
    if recorded:
        covered, age = recorded
        print(f"soak: the console's history store covers {covered:.0f} s of polls, "
              f"the last {age:.1f} s before the end")
    else:
        print("soak: the console wrote no history store: was it polling?")
    ok = growth < args.max_growth_mb and cpu_last < args.max_cpu and recorded is not None
    print("soak: " + ("targets met" if ok else "TARGETS MISSED"))
    shutil.rmtree(work, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
