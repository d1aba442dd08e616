#!/usr/bin/env bash
# API throughput of regie-engine measured with wrk on loopback, written to
# tests/bench/results/api-throughput.md. Not part of ctest.
#
# usage: tests/bench/api_throughput.sh [build dir] [seconds per run]
# Conditions: wrk -t2 -c50, the engine with its default thread count, both on this machine's
# cores (as in the ZLMediaKit figures of shared/notes/peers-bench.md).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build}
seconds=${2:-10}
engine=$build/bin/regie-engine
out=$root/tests/bench/results/api-throughput.md
command -v wrk >/dev/null || { echo "wrk is missing: run installer/install-deps.sh" >&2; exit 1; }
[ -x "$engine" ] || { echo "no engine at $engine: build first" >&2; exit 1; }

work=$(mktemp -d)
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
# The signed ZEGO URL is reused by every request, so replay rejection is off and the Action's
# rate limit is raised: the run measures the gateway (parsing, MD5 signature, envelope).
cat > "$work/config.ini" <<INI
[http]
port=0
[api]
apiDebug=0
[zego]
nonceCheck=0
rateLimits=RTMPDispatchV2=100000000
INI
"$engine" -c "$work/config.ini" --ready-file "$work/ready.json" --log-level warn &
pid=$!
for _ in $(seq 100); do [ -s "$work/ready.json" ] && break; sleep 0.05; done
port=$(sed -E 's/.*"http":([0-9]+).*/\1/' "$work/ready.json")
ini() { sed -n "/^\[$1\]/,/^\[/p" "$work/config.ini" | sed -n "s/^$2=//p" | head -1; }
secret=$(ini api secret)
app_id=$(ini zego appId)
server_secret=$(ini zego serverSecret)
ts=$(date +%s)
nonce=$(openssl rand -hex 8)
sig=$(printf '%s' "$app_id$nonce$server_secret$ts" | md5sum | cut -d' ' -f1)

zlm_url="http://127.0.0.1:$port/index/api/getServerConfig?secret=$secret"
zego_url="http://127.0.0.1:$port/?Action=RTMPDispatchV2&AppId=$app_id&SignatureNonce=$nonce&Timestamp=$ts&Signature=$sig&SignatureVersion=2.0&StreamId=bench&Sequence=1&Type=push"

# Every answer must be the expected envelope before timing it.
curl -sf "$zlm_url" | grep -q '"code":0' || { echo "getServerConfig failed" >&2; exit 1; }
curl -sf "$zego_url" | grep -q '"Code":0,' || { echo "signed call failed" >&2; exit 1; }

run() {  # name url
    local log=$work/$1.txt
    wrk -t2 -c50 -d"${seconds}s" --latency "$2" > "$log"
    local rps p50 p99 errors
    rps=$(awk '/Requests\/sec/ {print $2}' "$log")
    p50=$(awk '$1=="50%" {print $2}' "$log")
    p99=$(awk '$1=="99%" {print $2}' "$log")
    errors=$(awk '/Non-2xx|Socket errors/ {print}' "$log" | tr '\n' ' ')
    echo "| $1 | $rps | $p50 | $p99 | ${errors:-none} |"
}

zlm_row=$(run getServerConfig "$zlm_url")
zego_row=$(run "signed ZEGO RTMPDispatchV2" "$zego_url")
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
{
    echo "# API throughput"
    echo
    echo "- Date: $(date -u +%Y-%m-%dT%H:%M:%SZ); commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo "- Machine: $(nproc) cores ($cpu), $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr)"
    echo "- Load: wrk -t2 -c50 -d${seconds}s --latency on loopback; engine and wrk share the cores"
    echo "- Engine: default io/worker threads, apiDebug=0, log level warn; ZEGO replay check off and"
    echo "  RTMPDispatchV2's rate limit raised because one signed URL is reused"
    echo "- Target (issue 2): getServerConfig >= 1.5 x ZLMediaKit's ~8,900 req/s = 13,350 req/s, no errors"
    echo
    echo "| call | requests/s | p50 | p99 | errors |"
    echo "|---|---:|---:|---:|---|"
    echo "$zlm_row"
    echo "$zego_row"
} > "$out"
cat "$out"
