#!/usr/bin/env python3
"""Time from process start to the console's first painted window.

Runs `vipdeck --startup-time` N times per scenario and prints median, p90 and
max of two figures:
  spawn->paint  from just before the process is spawned (this script's clock)
                to the first paint of the main window (the epoch the console
                prints after its first paint event), i.e. what a user waits;
  in-process    the console's own figure from /proc's process start time
                (10 ms ticks), a cross-check.

Scenarios: no fleet; a fleet file without a last-known-state cache; the same
fleet with the cache present (made by running the console against the fleet
until it saved a state).  Every run gets empty XDG config/data/cache
directories of its own, so the user's settings, recent files and cache never
leak in.

  bench/startup/startup-bench.py --vipdeck build/app/vipdeck/vipdeck \\
      --fleet /tmp/vl/fleet.yaml -n 20 [--platform xcb]

--platform xcb runs under Xvfb (re-executes itself through xvfb-run when
DISPLAY is unset); the default is Qt's offscreen platform.
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

LINE = re.compile(rb"startup-time: first paint ([0-9.\-]+) ms after process start "
                  rb"\(([0-9.]+) ms after main\); epoch-ns ([0-9]+)")


def percentile(values, p):
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100.0
    lo = int(k)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def environment(home, platform):
    env = dict(os.environ)
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        path = os.path.join(home, name.lower())
        os.makedirs(path, exist_ok=True)
        env[name] = path
    env["QT_QPA_PLATFORM"] = platform
    env.setdefault("LANG", "C.UTF-8")
    return env


def run_once(vipdeck, args, env, timeout):
    start = time.time_ns()
    done = subprocess.run([vipdeck, "--startup-time", *args], env=env, capture_output=True,
                          timeout=timeout)
    match = LINE.search(done.stdout)
    if done.returncode != 0 or not match:
        sys.exit("vipdeck --startup-time failed (exit %d):\n%s\n%s" %
                 (done.returncode, done.stdout.decode(errors="replace"),
                  done.stderr.decode(errors="replace")))
    spawn_to_paint = (int(match.group(3)) - start) / 1e6
    return spawn_to_paint, float(match.group(1)), float(match.group(2))


def populate_cache(vipdeck, fleet, env, updates):
    """Runs the console on the fleet until `updates` poller updates arrived
    (--screenshots quits then); its exit saves the last known state."""
    shots = os.path.join(env["XDG_CACHE_HOME"], "shots")
    subprocess.run([vipdeck, "--fleet", fleet, "--screenshots", shots,
                    "--screenshots-after", str(updates)], env=env, capture_output=True,
                   timeout=120)
    cache = os.path.join(env["XDG_CACHE_HOME"], "vipdeck", "vipdeck", "snapshots")
    if not os.path.isdir(cache):
        cache = os.path.join(env["XDG_CACHE_HOME"], "vipdeck", "snapshots")
    files = [os.path.join(cache, f) for f in os.listdir(cache)] if os.path.isdir(cache) else []
    if not files:
        sys.exit("no last-known-state file was written under %s" % env["XDG_CACHE_HOME"])
    return files[0], os.path.getsize(files[0])


def scenario(name, vipdeck, args, runs, platform, timeout, prepare=None):
    home = tempfile.mkdtemp(prefix="vipdeck-startup-")
    try:
        env = environment(home, platform)
        note = ""
        if prepare:
            note = prepare(env)
        run_once(vipdeck, args, env, timeout)  # warm the page cache
        results = [run_once(vipdeck, args, env, timeout) for _ in range(runs)]
    finally:
        shutil.rmtree(home, ignore_errors=True)
    spawn = [r[0] for r in results]
    proc = [r[1] for r in results]
    print("%-28s n=%-3d spawn->paint ms: median %6.1f  p90 %6.1f  max %6.1f | "
          "in-process ms: median %6.1f  max %6.1f%s" %
          (name, runs, statistics.median(spawn), percentile(spawn, 90), max(spawn),
           statistics.median(proc), max(proc), note))
    return spawn


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--vipdeck", required=True, help="the vipdeck binary")
    parser.add_argument("--fleet", help="fleet file for the fleet scenarios")
    parser.add_argument("-n", "--runs", type=int, default=20)
    parser.add_argument("--platform", default="offscreen", help="offscreen or xcb (Xvfb)")
    parser.add_argument("--updates", type=int, default=6,
                        help="poller updates before the cache-making run quits")
    parser.add_argument("--timeout", type=float, default=30)
    args = parser.parse_args()

    if args.platform == "xcb" and not os.environ.get("DISPLAY"):
        os.execvp("xvfb-run", ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24",
                               sys.executable, *sys.argv])

    vipdeck = os.path.abspath(args.vipdeck)
    print("vipdeck startup, platform %s, %d runs each (after one warm-up run)" %
          (args.platform, args.runs))
    worst = scenario("no fleet", vipdeck, [], args.runs, args.platform, args.timeout)
    if args.fleet:
        fleet = os.path.abspath(args.fleet)
        worst += scenario("fleet, no cache", vipdeck, ["--fleet", fleet], args.runs,
                          args.platform, args.timeout)

        def prepare(env):
            path, size = populate_cache(vipdeck, fleet, env, args.updates)
            return "  (cache %d bytes)" % size

        worst += scenario("fleet, last state cached", vipdeck, ["--fleet", fleet], args.runs,
                          args.platform, args.timeout, prepare)
    print("budget 500 ms: %s (worst run %.1f ms)" %
          ("met" if max(worst) < 500 else "MISSED", max(worst)))


if __name__ == "__main__":
    main()
