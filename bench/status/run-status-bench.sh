#!/bin/sh
# `vipdeckctl status --json` on a lab fleet, against what an admin would
# script without vipdeck, measured with hyperfine:
#
#   vipdeckctl          status --json over SSH: every host concurrently, one
#                       persistent connection per host, per VIP show info +
#                       show stat + show servers state, plus BIRD (status,
#                       protocols, exports, BFD), verdicts and JSON.
#   vipdeckctl --local  the same through local sockets (LocalTransport): the
#                       floor without SSH.
#   ssh loop            for every host and VIP: ssh HOST 'echo show stat |
#                       socat - UNIX-CONNECT:SOCK' -- one ssh call each, and
#                       only `show stat` (less than vipdeckctl reads).
#   socat loop          the same `show stat` reads through the local sockets,
#                       one socat each: the local floor for the per-call way.
#
# Usage: bench/status/run-status-bench.sh VIPDECKCTL LAB_DIR [RESULTS_DIR]
# Start the lab first, e.g.
#   tests/lab/vipdeck-lab --dir /tmp/vl-bench up --profile scale
# and stop it afterwards (tests/lab/vipdeck-lab --dir /tmp/vl-bench down).
set -eu

VIPDECKCTL=${1:?usage: run-status-bench.sh VIPDECKCTL LAB_DIR [RESULTS_DIR]}
LAB=${2:?usage: run-status-bench.sh VIPDECKCTL LAB_DIR [RESULTS_DIR]}
OUT=${3:-$(mktemp -d /tmp/status-bench.XXXXXX)}
FLEET=$LAB/fleet.yaml
mkdir -p "$OUT"

# Host list and socket paths from lab.json: "name address port user socket..."
python3 - "$LAB/lab.json" > "$OUT/targets.txt" <<'PY'
import json, sys
lab = json.load(open(sys.argv[1]))
for h in lab["hosts"]:
    for vip in h["vips"].values():
        print(h["name"], h["address"], h["ssh_port"], h["ssh_user"], vip["stats_socket"])
PY
KEY=$LAB/client/id_ed25519
KNOWN=$LAB/known_hosts

cat > "$OUT/ssh-loop.sh" <<SH
#!/bin/sh
while read -r name address port user socket; do
  ssh -F /dev/null -i $KEY -o IdentitiesOnly=yes -o UserKnownHostsFile=$KNOWN \\
      -o BatchMode=yes -p "\$port" "\$user@\$address" \\
      "echo 'show stat' | socat - UNIX-CONNECT:\$socket" > /dev/null < /dev/null
done < $OUT/targets.txt
SH
cat > "$OUT/socat-loop.sh" <<SH
#!/bin/sh
while read -r name address port user socket; do
  echo 'show stat' | socat - UNIX-CONNECT:\$socket > /dev/null
done < $OUT/targets.txt
SH
chmod +x "$OUT/ssh-loop.sh" "$OUT/socat-loop.sh"

# Sanity: each way works and vipdeckctl sees every host.
"$VIPDECKCTL" --fleet "$FLEET" status --json > "$OUT/status.json"
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); s=d['summary']; print('status:', s)" \
    "$OUT/status.json"
"$OUT/ssh-loop.sh"

echo "targets: $(wc -l < "$OUT/targets.txt") (host, VIP) stats sockets"
hyperfine --style basic --warmup 1 --export-json "$OUT/vipdeckctl.json" --runs 10 \
    -n "vipdeckctl status --json" "$VIPDECKCTL --fleet $FLEET status --json" \
    -n "vipdeckctl --local status --json" "$VIPDECKCTL --local --fleet $FLEET status --json" \
    -n "socat loop (local show stat)" "$OUT/socat-loop.sh"
hyperfine --style basic --warmup 0 --export-json "$OUT/ssh-loop.json" --runs 3 \
    -n "ssh loop (show stat)" "$OUT/ssh-loop.sh"
echo "results in $OUT"
