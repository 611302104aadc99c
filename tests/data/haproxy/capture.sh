#!/bin/bash
# Captures the HAProxy fixtures in this folder from a real, throwaway HAProxy
# (Debian haproxy 2.6.12) started in master-worker mode in a temp dir.
#
#   tests/data/haproxy/capture.sh [output-dir]     (default: this folder)
#
# It starts: one python http.server (the healthy backend), one tiny TCP agent
# that answers "drain" (for DRAIN (agent)), and haproxy -W -S with an admin
# stats socket and a server-state-file.  Servers are put into every state the
# parsers know (UP, DOWN, UP x/y, DOWN x/y, NOLB, DRAIN, DRAIN (agent), MAINT,
# MAINT (via b/s), no check, backup), then the runtime API and master CLI
# answers are saved.  Everything started here is stopped by PID on exit.
# Only 127.0.0.1 is used; ports are picked free by the kernel.
#
# The broken variants (-truncated, -missing-column, -garbage) are derived from
# the captured files at the end, so they stay consistent with them.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE}
V=2.6.12
WORK=$(mktemp -d /tmp/vipdeck-haproxy-capture.XXXXXX)
PIDS=()
MASTER_PID=

cleanup() {
    if [[ -n "$MASTER_PID" ]]; then kill "$MASTER_PID" 2>/dev/null || true; fi
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true # reap them: no zombies left behind
    if [[ -z "${KEEP:-}" ]]; then rm -rf "$WORK"; fi
}
trap cleanup EXIT

freeport() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Waits (up to 20 s) until the command succeeds; never a fixed sleep.
waitfor() {
    local what=$1; shift
    for _ in $(seq 200); do
        if "$@" >/dev/null 2>&1; then return 0; fi
        sleep 0.1
    done
    echo "timed out waiting for: $what" >&2
    if [[ -S "$STATS" ]]; then cli "show stat" | cut -d, -f1,2,18,37,72-74 >&2; fi
    exit 1
}

STATS=$WORK/stats.sock
MASTER=$WORK/master.sock
cli() { printf '%s\n' "$1" | socat -t 2 - "UNIX-CONNECT:$STATS"; }
mcli() { printf '%s\n' "$1" | socat -t 2 - "UNIX-CONNECT:$MASTER"; }
# Field $2 (status or check_status) of server $1 ("be,srv") in show stat.
statfield() {
    cli "show stat" | awk -F, -v key="$1" -v col="$2" '
        NR==1 { for (i=1;i<=NF;i++) if ($i==col || $i=="# " col) c=i; next }
        ($1 "," $2)==key { print $c }'
}
statis() { [[ "$(statfield "$1" "$2")" == $3 ]]; }

WEB_PORT=$(freeport)
AGENT_PORT=$(freeport)
AGENT_DOWN_PORT=$(freeport)
FE_PORT=$(freeport)
DEAD_PORT=$(freeport) # nothing listens here

mkdir -p "$WORK/www"
echo ok >"$WORK/www/health"
/usr/bin/python3 -m http.server "$WEB_PORT" --bind 127.0.0.1 --directory "$WORK/www" >/dev/null 2>&1 &
PIDS+=($!)
# A HAProxy agent that answers every connection with the word given.
agent() {
    /usr/bin/python3 -c '
import socket, sys
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(16)
while True:
    c, _ = s.accept(); c.sendall(sys.argv[2].encode() + b"\n"); c.close()
' "$1" "$2" >/dev/null 2>&1 &
    PIDS+=($!)
}
agent "$AGENT_PORT" drain
agent "$AGENT_DOWN_PORT" down
waitfor "web backend" bash -c "exec 3<>/dev/tcp/127.0.0.1/$WEB_PORT"
waitfor "agent" bash -c "exec 3<>/dev/tcp/127.0.0.1/$AGENT_PORT"
waitfor "agent down" bash -c "exec 3<>/dev/tcp/127.0.0.1/$AGENT_DOWN_PORT"

cat >"$WORK/haproxy.cfg" <<EOF
global
    stats socket $STATS mode 600 level admin
    stats timeout 30s
    server-state-file $WORK/server-state
    pidfile $WORK/haproxy.pid

defaults
    mode http
    timeout connect 1s
    timeout client 60s
    timeout http-request 60s
    timeout server 5s
    load-server-state-from-file global

frontend fe_main
    bind 127.0.0.1:$FE_PORT
    default_backend be_app

frontend fe_paused
    bind 127.0.0.1:$(freeport)
    default_backend be_app

frontend fe_shut
    bind 127.0.0.1:$(freeport)
    default_backend be_app

backend be_app
    option httpchk GET /health
    default-server inter 200ms fastinter 200ms downinter 200ms
    server up1 127.0.0.1:$WEB_PORT check
    server down1 127.0.0.1:$DEAD_PORT check
    server drain1 127.0.0.1:$WEB_PORT check
    server maint1 127.0.0.1:$WEB_PORT check
    server nocheck1 127.0.0.1:$WEB_PORT
    server backup1 127.0.0.1:$WEB_PORT check backup
    server failing1 127.0.0.1:$DEAD_PORT check fall 100000 inter 100ms
    server rising1 127.0.0.1:$WEB_PORT check rise 100000 inter 100ms
    server agent1 127.0.0.1:$WEB_PORT check agent-check agent-port $AGENT_PORT agent-inter 200ms weight 10
    server agentdown1 127.0.0.1:$WEB_PORT check agent-check agent-port $AGENT_DOWN_PORT agent-inter 200ms

backend be_track
    server t1 127.0.0.1:$WEB_PORT track be_app/maint1

backend be_nolb
    option httpchk GET /missing
    http-check disable-on-404
    server n1 127.0.0.1:$WEB_PORT check inter 200ms

backend be_down
    server d1 127.0.0.1:$DEAD_PORT check inter 200ms
EOF

haproxy -W -S "$MASTER" -f "$WORK/haproxy.cfg" >"$WORK/haproxy.log" 2>&1 &
MASTER_PID=$!
waitfor "stats socket" test -S "$STATS"
waitfor "master socket" test -S "$MASTER"

cli "set server be_app/drain1 state drain"
cli "set server be_app/maint1 state maint"
cli "disable frontend fe_paused"
cli "shutdown frontend fe_shut"
cli "set server be_app/rising1 health down"

waitfor "up1 L7OK" statis be_app,up1 check_status L7OK
waitfor "down1 DOWN" statis be_app,down1 status DOWN
# failing1 checks a dead port: once down, "health up" sets its health to
# rise+fall-1, and with fall 100000 it then stays "UP x/y" for a long time.
# (A large fastinter would do it too, but it delays every server's first
# check, since HAProxy spreads first checks over the largest interval.)
waitfor "failing1 DOWN" statis be_app,failing1 status DOWN
cli "set server be_app/failing1 health up"
waitfor "failing1 UP x/y" statis be_app,failing1 status "UP */*"
waitfor "rising1 DOWN x/y" statis be_app,rising1 status "DOWN */*"
waitfor "agent1 DRAIN (agent)" statis be_app,agent1 status "DRAIN (agent)"
waitfor "agentdown1 DOWN (agent)" statis be_app,agentdown1 status "DOWN (agent)"
waitfor "n1 NOLB" statis be_nolb,n1 status NOLB
waitfor "be_down DOWN" statis be_down,BACKEND status DOWN

mkdir -p "$OUT"
cli "show info" >"$OUT/haproxy-$V-show-info.txt"
cli "show stat" >"$OUT/haproxy-$V-show-stat.csv"
cli "show servers state" >"$OUT/haproxy-$V-show-servers-state.txt"
# Several commands on one connection, the way HaproxyClient::poll() asks.
cli "show info;show stat;show servers state" >"$OUT/haproxy-$V-poll.txt"
cli "get weight be_app/up1" >"$OUT/haproxy-$V-get-weight.txt"
cli "get weight be_app/agent1" >"$OUT/haproxy-$V-get-weight-agent.txt"
cli "set server be_app/nope state drain" >"$OUT/haproxy-$V-error-no-such-server.txt"
cli "set server be_nope/up1 state drain" >"$OUT/haproxy-$V-error-no-such-backend.txt"
cli "set server be_app state drain" >"$OUT/haproxy-$V-error-require-backend-server.txt"
cli "set server be_app/up1 weight 999" >"$OUT/haproxy-$V-error-weight-range.txt"
cli "get weight be_app/nope" >"$OUT/haproxy-$V-error-get-weight-no-such-server.txt"
cli "frobnicate" >"$OUT/haproxy-$V-error-unknown-command.txt"
cli "set severity-output number;set server be_app/nope state drain" \
    >"$OUT/haproxy-$V-error-no-such-server-severity.txt"
cli "set server be_app/up1 state ready" >"$OUT/haproxy-$V-set-server-ok.txt"
cli "set severity-output number;set server be_app/up1 state ready" \
    >"$OUT/haproxy-$V-severity-set-server-ok.txt"
printf 'prompt\nset server be_app/up1 state ready\nget weight be_app/up1\nquit\n' |
    socat -t 2 - "UNIX-CONNECT:$STATS" >"$OUT/haproxy-$V-prompt-session.txt"

# Prompt mode, the way HaproxyClient::poll() asks on its kept stream: the
# bytes of one request's reply after "prompt" (every answer ends "\n> ").
PROMPT_POLL=$(cat <<'EOF'
import os, socket, sys, time
sock, out, again = sys.argv[1], sys.argv[2], sys.argv[3:]
s = socket.socket(socket.AF_UNIX); s.connect(sock); s.settimeout(5)
def ask(request, answers):
    s.sendall(request); buf = b""
    while not (buf.endswith(b"\n> ") and buf.count(b"\n> ") >= answers):
        chunk = s.recv(65536)
        if not chunk: break
        buf += chunk
    return buf
assert ask(b"prompt\n", 1) == b"\n> "
poll = b"show info;show stat;show servers state\n"
reply = ask(poll, 3)
if again:  # hold the session until the file appears, then poll on it again
    deadline = time.monotonic() + 30
    while not os.path.exists(again[0]) and time.monotonic() < deadline: time.sleep(0.05)
    reply = ask(poll, 3)
open(out, "wb").write(reply)
EOF
)
/usr/bin/python3 -c "$PROMPT_POLL" "$STATS" "$OUT/haproxy-$V-prompt-poll.txt"
printf 'prompt\nset server be_app/up1 state ready\nset server be_app/nope state drain\nquit\n' |
    socat -t 2 - "UNIX-CONNECT:$STATS" >"$OUT/haproxy-$V-prompt-writes.txt"

mcli "show proc" >"$OUT/haproxy-$V-show-proc.txt"

# The master relays to a worker with @1 (same level as the master CLI).
mcli "@1 get weight be_app/up1" >"$OUT/haproxy-$V-master-at1-get-weight.txt"

# A client connection held open keeps the old worker alive after the reload,
# so show proc lists it under "# old workers".
/usr/bin/python3 -c 'import socket, sys, time; s = socket.create_connection(("127.0.0.1", int(sys.argv[1]))); time.sleep(60)' "$FE_PORT" &
HOLDER_PID=$!
PIDS+=($HOLDER_PID)
waitfor "held connection" statis fe_main,FRONTEND scur 1

# A prompt session held across the reload keeps talking to the OLD worker,
# which says "Stopping: 1" in show info (HaproxyClient then reopens).
/usr/bin/python3 -c "$PROMPT_POLL" "$STATS" "$OUT/haproxy-$V-prompt-poll-stopping.txt" \
    "$WORK/poll-again" &
PROMPT_HOLDER_PID=$!
PIDS+=($PROMPT_HOLDER_PID)
waitfor "prompt session" bash -c "printf 'show sess\n' | socat -t 2 - UNIX-CONNECT:$STATS | grep -c 'fe=GLOBAL' | grep -qv '^1$'"

# 2.6 reload: no answer.  Success shows up in show proc as a new worker.
OLD_WORKER=$(mcli "show proc" | awk '$2=="worker"{print $1; exit}')
mcli "reload" >"$OUT/haproxy-$V-reload.txt" || true
waitfor "new worker" bash -c "printf 'show proc\n' | socat -t 2 - UNIX-CONNECT:$MASTER | awk '\$2==\"worker\"{print \$1; exit}' | grep -vx $OLD_WORKER"
waitfor "stats socket after reload" test -S "$STATS"
touch "$WORK/poll-again"
wait "$PROMPT_HOLDER_PID"
waitfor "old worker listed" bash -c "printf 'show proc\n' | socat -t 2 - UNIX-CONNECT:$MASTER | grep -A1 '^# old workers' | grep -q '^$OLD_WORKER '"
mcli "show proc" >"$OUT/haproxy-$V-show-proc-after-reload.txt"
kill "$HOLDER_PID"
waitfor "old worker gone" bash -c "! kill -0 $OLD_WORKER"

# A failed reload: break the config, reload, the failed counter goes up.
cp "$WORK/haproxy.cfg" "$WORK/haproxy.cfg.good"
echo "    server broken1 127.0.0.1:$WEB_PORT bogus-keyword" >>"$WORK/haproxy.cfg"
mcli "reload" >/dev/null || true
waitfor "failed reload" bash -c "printf 'show proc\n' | socat -t 2 - UNIX-CONNECT:$MASTER | grep -q 'failed: [1-9]'"
mcli "show proc" >"$OUT/haproxy-$V-show-proc-failed-reload.txt"

# Config checks: a valid one, one with warnings, a broken one.
(cd "$WORK" && haproxy -c -f haproxy.cfg.good) >"$OUT/haproxy-$V-check-ok.txt" 2>&1 || true
cat >"$WORK/warn.cfg" <<EOF
frontend fe
    bind 127.0.0.1:$(freeport)
    default_backend be
backend be
    server s1 127.0.0.1:$WEB_PORT
EOF
(cd "$WORK" && haproxy -c -f warn.cfg) >"$OUT/haproxy-$V-check-warnings.txt" 2>&1 || true
(cd "$WORK" && haproxy -c -f haproxy.cfg) >"$OUT/haproxy-$V-check-alert.txt" 2>&1 || true

# Broken variants derived from the captures.
head -c 3000 "$OUT/haproxy-$V-show-stat.csv" >"$OUT/haproxy-$V-show-stat-truncated.csv"
# Drop the "status" column from header and rows.
/usr/bin/python3 - "$OUT/haproxy-$V-show-stat.csv" >"$OUT/haproxy-$V-show-stat-missing-column.csv" <<'EOF'
import sys
lines = open(sys.argv[1]).read().split("\n")
col = lines[0].split(",").index("status")
print("\n".join(",".join(f for i, f in enumerate(l.split(",")) if i != col) if "," in l else l for l in lines), end="")
EOF
head -c 700 "$OUT/haproxy-$V-show-servers-state.txt" >"$OUT/haproxy-$V-show-servers-state-truncated.txt"
head -c 150 "$OUT/haproxy-$V-show-proc.txt" >"$OUT/haproxy-$V-show-proc-truncated.txt"
# Prompt mode cut inside the CSV, and cut just before the last prompt.
head -c 3000 "$OUT/haproxy-$V-prompt-poll.txt" >"$OUT/haproxy-$V-prompt-poll-truncated.txt"
head -c -2 "$OUT/haproxy-$V-prompt-poll.txt" >"$OUT/haproxy-$V-prompt-poll-no-last-prompt.txt"
head -c 1000 "$OUT/haproxy-$V-show-info.txt" | head -n 12 >"$OUT/haproxy-$V-show-info-truncated.txt"
printf '\x00\xff<html>502 Bad Gateway</html>\r\n,,,\n# \n' >"$OUT/garbage.bin"

echo "captured into $OUT"
