#!/bin/sh
# Runs vipdeck-bench-transport on a lab of the given profile (default: default).
# Usage: bench/transport/run-transport-bench.sh [BUILD_DIR] [default|scale] [bench options...]
# Brings the lab up in /tmp/vipdeck-bench-PROFILE if it is not running, and
# leaves it running (stop it with: tests/lab/vipdeck-lab --dir DIR down).
# The lab's lab.json lets the bench report the CPU time of its sshds and
# HAProxys per sweep too.  See bench/transport/README.md.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build}
profile=${2:-default}
[ $# -ge 2 ] && shift 2 || shift $#
dir=/tmp/vipdeck-bench-$profile
cmake --build "$build" --target vipdeck-bench-transport -j2 >/dev/null
"$root/tests/lab/vipdeck-lab" --dir "$dir" up --profile "$profile" >/dev/null
exec "$build/bench/transport/vipdeck-bench-transport" --fleet "$dir/fleet.yaml" \
    --lab-state "$dir/lab.json" "$@"
