#!/usr/bin/env bash
# Rooms at scale on loopback: CLIENTS WebSocket users logged in across ROOMS rooms, one of them
# holding BIG_ROOM users; the engine's memory and CPU from /proc, the login rate, and how long a
# signed SendBroadcastMessage takes to reach every user of the big room. Writes
# tests/bench/results/rooms.md (and the raw summary to rooms.json). Not part of ctest.
#
# usage: tests/bench/rooms.sh [build dir, build-engine]
#   CLIENTS=10000 ROOMS=100 BIG_ROOM=1000 BROADCASTS=20 INTERVAL_MS=200 THREADS=2 IN_FLIGHT=200
#   JOBS=1 (for building regie-engine and regie-room-loadgen)
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build-engine}
clients=${CLIENTS:-10000}
rooms=${ROOMS:-100}
big_room=${BIG_ROOM:-1000}
broadcasts=${BROADCASTS:-20}
interval_ms=${INTERVAL_MS:-200}
threads=${THREADS:-2}
in_flight=${IN_FLIGHT:-200}
out=$root/tests/bench/results/rooms.md
raw=$root/tests/bench/results/rooms.json
command -v jq >/dev/null || { echo "jq is missing: run installer/install-deps.sh" >&2; exit 1; }
[ -f "$build/CMakeCache.txt" ] || { echo "no build in $build: cmake --preset engine-only" >&2; exit 1; }

# One descriptor per user on each side, plus headroom.
need=$((clients + 1024))
if [ "$(ulimit -Hn)" != unlimited ] && [ "$(ulimit -Hn)" -lt "$need" ]; then
    echo "the hard limit of open files ($(ulimit -Hn)) is below $need" >&2
    exit 1
fi
ulimit -n "$need"

nice -n 10 cmake --build "$build" -j"${JOBS:-1}" --target regie-engine regie-room-loadgen >/dev/null
engine=$build/bin/regie-engine
loadgen=$build/bin/regie-room-loadgen

work=$(mktemp -d)
pid=
# SIGTERM, then SIGKILL when the engine has not exited within 10 s; prints how it ended.
stop_engine() {
    kill "$pid" 2>/dev/null || return 0
    for _ in $(seq 100); do
        kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; echo "exited after SIGTERM"; return 0; }
        sleep 0.1
    done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    echo "did not exit within 10 s of SIGTERM (killed)"
}
cleanup() {
    [ -z "$pid" ] || stop_engine >/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
app_id=1234567890
server_secret=$(openssl rand -hex 16)
cat > "$work/config.ini" <<INI
[http]
port=0
[rtmp]
port=0
[zego]
appId=$app_id
serverSecret=$server_secret
INI
"$engine" -c "$work/config.ini" --ready-file "$work/ready.json" --log-level warn \
    > "$work/engine.log" 2>&1 &
pid=$!
for _ in $(seq 100); do [ -s "$work/ready.json" ] && break; sleep 0.05; done
port=$(jq -r '.ports.http // empty' "$work/ready.json" 2>/dev/null || true)
[ -n "$port" ] || { echo "the engine did not start:" >&2; cat "$work/engine.log" >&2; exit 1; }

command=("$loadgen" --port "$port" --app-id "$app_id" --secret "$server_secret"
         --clients "$clients" --rooms "$rooms" --big-room "$big_room" --threads "$threads"
         --in-flight "$in_flight" --broadcasts "$broadcasts" --interval-ms "$interval_ms"
         --timeout 240 --server-pid "$pid")
status=0
timeout 300 "${command[@]}" > "$work/summary.json" || status=$?
[ -s "$work/summary.json" ] || { echo "the load generator failed ($status)" >&2; exit 1; }
jq . "$work/summary.json" > "$raw"
shutdown=$(stop_engine)
pid=

s() { jq -r "$1" "$raw"; }
rss_peak=$(s '[.engine[].peakRssMiB] | max')
p99=$(s '.broadcast.deliveryMs.p99')
verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v + 0 < t + 0) ? "met" : "missed" }'; }
latency_verdict=$(verdict "$p99" 50)
if [ "$(s .broadcast.reachedEveryone)" != "$broadcasts" ]; then
    latency_verdict="missed: not every broadcast reached every user"
fi
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
{
    echo "# Rooms at scale"
    echo
    echo "- Date: $(date -u +%Y-%m-%dT%H:%M:%SZ); commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo "- Machine: $(nproc) cores ($cpu), $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr)"
    echo "- Command: \`CLIENTS=$clients ROOMS=$rooms BIG_ROOM=$big_room BROADCASTS=$broadcasts INTERVAL_MS=$interval_ms THREADS=$threads IN_FLIGHT=$in_flight tests/bench/rooms.sh\`"
    echo "- Load: regie-room-loadgen, $threads io threads, $clients WebSocket users on 127.0.0.1, at most"
    echo "  $in_flight logins under way at once; users u0..u$((big_room - 1)) in room bench-0, the others"
    echo "  round-robin over bench-1..bench-$((rooms - 1)); every user beats at the login's interval."
    echo "  Engine and load generator share the cores; engine with its defaults, log level warn."
    echo "- Broadcasts: $broadcasts signed SendBroadcastMessage calls to bench-0, one every ${interval_ms} ms;"
    echo "  latency = request written (connection already open) → the user read the message."
    echo
    echo "| measure | value | target |"
    echo "|---|---:|---|"
    echo "| users logged in | $(s .loggedIn) / $clients (failures: $(s '.failures | tostring'), dropped later: $(s .droppedAfterLogin)) | all |"
    echo "| login rate (first connect → last login_result) | $(s .loginsPerSecond) logins/s over $(s .loginSeconds) s | |"
    echo "| login latency p50 / p99 / max | $(s .loginLatencyMs.p50) / $(s .loginLatencyMs.p99) / $(s .loginLatencyMs.max) ms | |"
    echo "| engine RSS before / all logged in / after broadcasts | $(s .engine.beforeClients.rssMiB) / $(s .engine.idleAllLoggedIn.rssMiB) / $(s .engine.broadcasts.rssMiB) MiB | |"
    echo "| engine peak RSS (VmHWM) | $rss_peak MiB | < 300 MiB: $(verdict "$rss_peak" 300) |"
    echo "| engine CPU during logins / idle (3 s) / broadcasts | $(s .engine.logins.cpuPercent) / $(s .engine.idleAllLoggedIn.cpuPercent) / $(s .engine.broadcasts.cpuPercent) % of a core | |"
    echo "| broadcasts reaching all $big_room users | $(s .broadcast.reachedEveryone) / $broadcasts ($(s .broadcast.deliveries) of $(s .broadcast.expectedDeliveries) deliveries; errors: $(s '.broadcast.errors | length')) | all |"
    echo "| delivery latency p50 / p99 / max | $(s .broadcast.deliveryMs.p50) / $p99 / $(s .broadcast.deliveryMs.max) ms | p99 < 50 ms: $latency_verdict |"
    echo "| last user reached, per broadcast p50 / max | $(s .broadcast.lastUserReachedMs.p50) / $(s .broadcast.lastUserReachedMs.max) ms | |"
    echo "| API reply p50 / max | $(s .broadcast.apiReplyMs.p50) / $(s .broadcast.apiReplyMs.max) ms | |"
    echo "| load generator CPU | $(s .loadgenCpuPercent) % of a core | |"
    echo "| engine shutdown after the run | $shutdown | exits |"
} > "$out"
cat "$out"
exit "$status"
