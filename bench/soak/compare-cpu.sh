#!/bin/sh
# compare-cpu.sh FLEET SECONDS BINARY...: the CPU share of each console binary
# polling FLEET every second, all run side by side in one go (absolute times
# on a shared machine are noisy; ratios in one run are not), each through
# soak.py for SECONDS; the figure is the second half of the run.
set -eu
fleet=$1 seconds=$2
shift 2
dir=$(mktemp -d)
here=$(dirname "$0")
i=0
for binary in "$@"; do
    i=$((i + 1))
    "$here/soak.py" --fleet "$fleet" --binary "$binary" --duration "$seconds" --sample 30 \
        --max-growth-mb 1e9 --max-cpu 100 >"$dir/$i.log" 2>&1 &
done
wait
i=0
for binary in "$@"; do
    i=$((i + 1))
    printf '%s: %s\n' "$binary" "$(grep '^soak: CPU' "$dir/$i.log" | sed 's/^soak: //')"
done
rm -rf "$dir"
