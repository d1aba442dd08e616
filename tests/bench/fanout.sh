#!/usr/bin/env bash
# Fan-out benchmark on loopback: one 720p25 publisher, N players from regie-loadgen, for
# regie-engine (RTMP and HTTP-FLV) and nginx with libnginx-mod-rtmp as the reference. Writes
# tests/bench/results/fanout.md and the raw summaries to fanout.json. Not part of ctest.
#
# usage: tests/bench/fanout.sh [build dir] [window seconds]
#   COUNTS="100 300 600"  player counts measured (each at most 5000)
#   ROUNDS=3              rounds of every cell, interleaved; the targets are checked on the
#                         medians (one cell's CPU % varies by ±10 % with the machine's other work)
# Needs ffmpeg (libx264), nginx-light and libnginx-mod-rtmp (Debian:
# apt-get install -y nginx-light libnginx-mod-rtmp), and regie-engine and regie-loadgen built.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
window=${2:-15}
counts=${COUNTS:-"100 300 600"}
rounds=${ROUNDS:-3}
rate=100
settle=3
engine=$build/bin/regie-engine
loadgen=$build/bin/regie-loadgen
rtmp_module=/usr/lib/nginx/modules/ngx_rtmp_module.so
results=$root/tests/bench/results
# Every process this script starts dies by this time limit even if the script itself is killed.
limit=$((300 + 120 * 9 * rounds))

need() { command -v "$1" >/dev/null || { echo "$1 is missing: $2" >&2; exit 1; }; }
need ffmpeg "apt-get install -y ffmpeg"
need python3 "apt-get install -y python3"
need nginx "apt-get install -y nginx-light libnginx-mod-rtmp"
[ -f "$rtmp_module" ] || { echo "no $rtmp_module: apt-get install -y libnginx-mod-rtmp" >&2; exit 1; }
[ -x "$loadgen" ] || { echo "no $loadgen: cmake --build $build --target regie-loadgen" >&2; exit 1; }
[ -x "$engine" ] || { echo "no $engine: cmake --build $build --target regie-engine" >&2; exit 1; }

work=$(mktemp -d)
started=()
stop_started() {
    local pid
    for pid in "${started[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${started[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    started=()
}
trap 'stop_started; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# The clip: 1280x720 25 fps H.264 Main + AAC-LC, ~1.55 Mbit/s, a keyframe every 2 s. Noise
# keeps the encoder at its bitrate as a camera would.
clip=$build/bench/fanout-clip-720p25-1400k.mp4
if [ ! -s "$clip" ]; then
    mkdir -p "$(dirname "$clip")"
    echo "encoding $clip" >&2
    timeout 600 ffmpeg -hide_banner -loglevel error -y \
        -f lavfi -i "testsrc2=size=1280x720:rate=25,noise=alls=12:allf=t" \
        -f lavfi -i "sine=frequency=440:sample_rate=48000" -t 30 \
        -c:v libx264 -preset veryfast -profile:v main -pix_fmt yuv420p \
        -b:v 1400k -maxrate 1400k -bufsize 2800k -g 50 -keyint_min 50 -sc_threshold 0 \
        -c:a aac -b:a 128k -ac 2 -movflags +faststart "$clip.tmp.mp4"
    mv "$clip.tmp.mp4" "$clip"
fi
clip_kbps=$(ffprobe -v error -show_entries format=bit_rate -of default=nw=1:nk=1 "$clip")
clip_kbps=$((clip_kbps / 1000))
load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)

# Starts nginx-rtmp in its own directory; sets server_pids (master and worker) and rtmp_port.
start_nginx() {
    local dir=$work/nginx
    mkdir -p "$dir/logs"
    rtmp_port=$(free_port)
    cat > "$dir/nginx.conf" <<CONF
load_module $rtmp_module;
daemon off;
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events { worker_connections 8192; }
rtmp {
    server {
        listen 127.0.0.1:$rtmp_port;
        application live { live on; }
    }
}
CONF
    timeout -k 5 "$limit" nginx -p "$dir" -c "$dir/nginx.conf" -e "$dir/logs/error.log" &
    started+=($!)
    local wrapper=$! master="" worker=""
    for _ in $(seq 100); do
        master=$(pgrep -P "$wrapper" nginx || true)
        [ -n "$master" ] && worker=$(pgrep -P "$master" nginx || true)
        [ -n "$worker" ] && break
        sleep 0.05
    done
    [ -n "$worker" ] || { echo "nginx did not start: $(cat "$dir/logs/error.log")" >&2; return 1; }
    server_pids=$master,$worker
}

# Starts regie-engine with system-chosen ports; sets server_pids, rtmp_port and http_port
# (rtmp_port stays empty while the engine has no RTMP listener).
start_engine() {
    local dir=$work/engine
    rm -rf "$dir"
    mkdir -p "$dir"
    printf '[rtmp]\nport=0\n[http]\nport=0\n[general]\nmergeWriteMS=%s\n' "${MERGE_WRITE_MS:-0}" > "$dir/config.ini"
    timeout -k 5 "$limit" "$engine" -c "$dir/config.ini" --ready-file "$dir/ready.json" \
        --log-level warn > "$dir/engine.log" 2>&1 &
    started+=($!)
    for _ in $(seq 200); do
        [ -s "$dir/ready.json" ] && break
        sleep 0.05
    done
    [ -s "$dir/ready.json" ] || { echo "regie-engine did not start: $(cat "$dir/engine.log")" >&2; return 1; }
    server_pids=$(jq -r '.pid' "$dir/ready.json")
    http_port=$(jq -r '.ports.http // empty' "$dir/ready.json")
    rtmp_port=$(jq -r '.ports.rtmp // empty' "$dir/ready.json")
}

publish() {  # rtmp url
    timeout -k 5 "$limit" ffmpeg -hide_banner -loglevel error -nostdin -re -stream_loop -1 \
        -i "$clip" -c copy -f flv "$1" > "$work/publisher.log" 2>&1 &
    started+=($!)
}

# Waits until one player gets a coded video frame from url (bounded: 15 tries of 2.6 s, since
# nginx makes a new player wait for the next keyframe).
wait_live() {
    local try
    for try in $(seq 15); do
        if timeout 20 "$loadgen" "$1" --players 1 --settle 2.5 --window 0.1 --duration 5 |
            jq -e '.playing == 1' >/dev/null; then
            return 0
        fi
        sleep 0.5
    done
    echo "no stream at $1: $(cat "$work/publisher.log")" >&2
    return 1
}

# One cell: a fresh server and publisher, N players, the summary appended to raw.jsonl.
: > "$work/raw.jsonl"
measure() {  # server protocol players round
    local server=$1 protocol=$2 players=$3 round=$4 url publish_url
    if [ "$server" = nginx ]; then
        start_nginx
    else
        start_engine
    fi
    publish_url=rtmp://127.0.0.1:$rtmp_port/live/bench
    url=$publish_url
    [ "$protocol" = http-flv ] && url=http://127.0.0.1:$http_port/live/bench.live.flv
    publish "$publish_url"
    local cell
    cell=$(jq -nc --arg name "$server" --arg protocol "$protocol" --argjson players "$players" \
        --argjson round "$round" '{name: $name, protocol: $protocol, players: $players, round: $round}')
    if wait_live "$url"; then
        local duration=$((players / rate + settle + window + 15))
        echo "measuring $server $protocol N=$players, round $round" >&2
        timeout $((duration + 10)) "$loadgen" "$url" --players "$players" --rate "$rate" \
            --settle "$settle" --window "$window" --duration "$duration" \
            --server-pid "$server_pids" | jq -c --argjson cell "$cell" '$cell + .' >> "$work/raw.jsonl"
    else
        jq -c '. + {error: "the published stream never reached a player"}' <<< "$cell" >> "$work/raw.jsonl"
    fi
    stop_started
}

# Without an RTMP listener there is nothing to publish to: say so and measure nginx only.
start_engine
engine_note=""
if [ -z "$rtmp_port" ]; then
    engine_note="regie-engine (commit $(git -C "$root" rev-parse --short HEAD)) has no RTMP listener yet: its ready.json lists no rtmp port, so the regie rows were not measured."
    echo "$engine_note" >&2
fi
stop_started

for round in $(seq "$rounds"); do
    for n in $counts; do
        if [ -z "$engine_note" ]; then
            measure regie rtmp "$n" "$round"
            measure regie http-flv "$n" "$round"
        fi
        measure nginx rtmp "$n" "$round"
    done
done

mkdir -p "$results"
jq -s '.' "$work/raw.jsonl" > "$results/fanout.json"
# One row per server, protocol and N: the median of each measure over the rounds that ran.
jq 'def median: sort | if length == 0 then null else .[(length - 1) / 2 | floor] end;
    group_by([.players, .name != "regie", .protocol]) | map(
        [.[] | select(.error | not)] as $ok |
        {name: .[0].name, protocol: .[0].protocol, players: .[0].players, rounds: length,
         measured: ($ok | length), failures: ([$ok[].failures] | add // 0),
         stalls: ([$ok[].stalls] | add // 0), cpu: ([$ok[].server.cpuPercent] | median),
         kib: ([$ok[].server.rssGrowthPerPlayerKiB] | median),
         ttffP50: ([$ok[].ttffMs.p50] | median), ttffP99: ([$ok[].ttffMs.p99] | median)})' \
    "$results/fanout.json" > "$work/medians.json"
cpu_model=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
git -C "$root" diff --quiet HEAD -- . ':!tests/bench/results' 2>/dev/null ||
    commit="$commit (with uncommitted changes)"
{
    echo "# Fan-out: one publisher, N players on loopback"
    echo
    echo "- Date: $(date -u +%Y-%m-%dT%H:%M:%SZ); commit $commit"
    echo "- Machine: $(nproc) cores ($cpu_model), $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr)"
    echo "- Stream: 1280x720 25 fps H.264 Main + AAC-LC, ${clip_kbps} kbit/s, keyframe every 2 s,"
    echo "  published with \`ffmpeg -re -stream_loop -1 -i clip.mp4 -c copy -f flv\`"
    echo "- Load: regie-loadgen, one epoll thread, $rate new players/s, then ${settle} s to settle and a"
    echo "  ${window} s steady window; loadgen, server and publisher share the cores (load average"
    echo "  before the run: $load_at_start; other work on the machine adds noise to CPU % and TTFF)"
    echo "- $rounds rounds; in each, every cell in turn, with a fresh server and publisher. CPU % ="
    echo "  server utime+stime over the window (100 % = one core); KiB/player = server VmRSS growth (before the first player → end of"
    echo "  the window) / N; TTFF = socket creation → first coded video frame; stall = a player"
    echo "  with no bytes for > 2 s in the window; loadgen batch = time to handle one epoll batch,"
    echo "  an upper bound on the delay the load generator adds to a TTFF"
    echo "- Servers: regie-engine with its defaults and \`[rtmp] port=0\`, \`[http] port=0\`, \`general.mergeWriteMS=${MERGE_WRITE_MS:-0}\`; $(nginx -v 2>&1 | sed 's/.*: //')"
    echo "  + libnginx-mod-rtmp, \`worker_processes 1\`, \`live on\` (no GOP cache: a new player waits"
    echo "  for the next keyframe, so its TTFF of 0-2 s is expected)"
    echo "- Targets for regie-engine: zero failures; CPU ≤ nginx-rtmp's at the same N; TTFF p50 ≤ 2 ms"
    echo "  and p99 ≤ 20 ms; RSS growth ≤ 16 KiB per player"
    [ -n "$engine_note" ] && { echo; echo "**$engine_note** Only the nginx reference was run."; }
    echo
    echo "Every cell of every round:"
    echo
    echo "| server / protocol | N | round | failures | stalls | CPU % | KiB/player | TTFF p50 / p99 / max ms | kbit/s per player (p50) | loadgen CPU % | loadgen batch p99 / max ms |"
    echo "|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---|"
    jq -r 'sort_by(.players, .name != "regie", .protocol, .round) | .[] | if .error then "| \(.name) \(.protocol) | \(.players) | \(.round) | \(.error) | | | | | | | |" else
        "| \(.name) \(.protocol) | \(.players) | \(.round) | \(.failures)\(if .failures > 0 then " " + (.failureReasons | tostring) else "" end) | \(.stalls) | \(.server.cpuPercent // "-") | \(.server.rssGrowthPerPlayerKiB // "-") | \(.ttffMs.p50) / \(.ttffMs.p99) / \(.ttffMs.max) | \(.throughputKbps.p50) | \(.loadgenCpuPercent // "-") | \(.loadgenBatchMs.p99) / \(.loadgenBatchMs.max) |" end' \
        "$results/fanout.json"
    echo
    echo "Medians over the rounds (failures and stalls: totals):"
    echo
    echo "| server / protocol | N | rounds | failures | stalls | CPU % | KiB/player | TTFF p50 / p99 ms |"
    echo "|---|---:|---:|---:|---:|---:|---:|---|"
    jq -r '.[] |
        "| \(.name) \(.protocol) | \(.players) | \(.rounds) | \(.failures) | \(.stalls) | \(.cpu // "-") | \(.kib // "-") | \(.ttffP50 // "-") / \(.ttffP99 // "-") |"' "$work/medians.json"
    if [ -z "$engine_note" ]; then
        echo
        echo "Targets, regie-engine, on the medians (✓ met, ✗ missed):"
        echo
        jq -r 'def mark(ok): if ok then "✓" else "✗" end;
            . as $all | .[] | select(.name == "regie") | . as $c |
            ([$all[] | select(.name == "nginx" and .players == $c.players) | .cpu][0]) as $nginx |
            if .measured == 0 then "- \(.protocol) N=\(.players): never measured ✗" else
            "- \(.protocol) N=\(.players): failures \(.failures) \(mark(.failures == 0 and .measured == .rounds)), stalls \(.stalls) \(mark(.stalls == 0)); CPU \(.cpu) % vs nginx \($nginx // "-") % \(mark($nginx != null and .cpu <= $nginx)); TTFF p50 \(.ttffP50) ms \(mark(.ttffP50 <= 2)), p99 \(.ttffP99) ms \(mark(.ttffP99 <= 20)); \(.kib) KiB/player \(mark(.kib <= 16))" end' \
            "$work/medians.json"
    fi
} > "$results/fanout.md"
cat "$results/fanout.md"
