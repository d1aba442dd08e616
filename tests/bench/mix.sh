#!/usr/bin/env bash
# Mix benchmark on loopback, one regie-engine, three cells, all written to
# tests/bench/results/mix.md. Not part of ctest.
# 1. CPU: four 1280x720 25 fps inputs published over RTMP, mixed by StartMix into a 2x2 grid on
#    a 1280x720 canvas (H.264 veryfast, 2.5 Mbit/s, AAC-LC 128 kbit/s), against one ffmpeg
#    filter graph doing the same from the same four streams (scale, xstack, amix, libx264
#    veryfast zerolatency, aac): CPU seconds per output second for each.
# 2. Latency: the same 2x2 mix with regie-mix-latency publishing the first input (a frame
#    counter in its picture) and reading it back from the output over HTTP-FLV.
# 3. Grid: nine 640x360 inputs into a 3x3 grid on 1280x720: output frames per second and CPU.
#
# usage: tests/bench/mix.sh [build dir] [window seconds, 20]
# Needs ffmpeg (libx264), curl, jq, python3, and regie-engine and regie-mix-latency built.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
window=${2:-20}
engine=$build/bin/regie-engine
mix_latency=$build/bin/regie-mix-latency
results=$root/tests/bench/results
limit=$((300 + 6 * window))  # every process started here dies by then
latency_frames=750           # 30 s at 25 fps
latency_warmup=3             # seconds after the first readable output frame

# shellcheck source=tests/bench/mix_lib.sh
source "$root/tests/bench/mix_lib.sh"
need ffmpeg "apt-get install -y ffmpeg"
need curl "apt-get install -y curl"
need jq "apt-get install -y jq"
need python3 "apt-get install -y python3"
for tool in "$engine" "$mix_latency"; do
    [ -x "$tool" ] || { echo "no $tool: cmake --build $build --target regie-engine regie-mix-latency" >&2; exit 1; }
done
load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)
compilers_at_start=$(pgrep -c cc1plus || true)

clip720=$build/bench/mix-clip-720p25.mp4
clip360=$build/bench/mix-clip-360p25.mp4
encode_clip "$clip720" 1280x720 1500
encode_clip "$clip360" 640x360 600
start_engine

# 1. CPU: the engine mixing with one HTTP-FLV reader, the engine with the inputs alone, then
# the ffmpeg reference.
inputs720=()
for i in 1 2 3 4; do
    publish_clip "$clip720" "in$i"
    inputs720+=("${started[-1]}")
done
sleep 3
start_grid_mix bench mixed 2 in1 in2 in3 in4
read_output mixed
sleep 5
frames_before=$(received_frames mixed)
engine_cpu=$(cpu_cores_over "$engine_pid" "$window")
frames_after=$(received_frames mixed)
output_fps=$(python3 -c "print(round(($frames_after - $frames_before) / $window, 1))")
out_probe=$(ffprobe -v error -rw_timeout 8000000 -show_entries stream=codec_name,width,height \
    -of csv=p=0 "http://127.0.0.1:$http_port/live/mixed.live.flv" | tr '\n' ' ')
stop_mix bench
sleep 2
# The engine with the four inputs only, to subtract ingest from both sides fairly.
ingest_cpu=$(cpu_cores_over "$engine_pid" "$window")

sources=()
for i in 1 2 3 4; do sources+=(-i "rtmp://127.0.0.1:$rtmp_port/live/in$i"); done
timeout -k 5 "$limit" ffmpeg -hide_banner -loglevel error -nostdin "${sources[@]}" \
    -filter_complex "[0:v]scale=640:360[a];[1:v]scale=640:360[b];[2:v]scale=640:360[c];[3:v]scale=640:360[d];[a][b][c][d]xstack=inputs=4:layout=0_0|w0_0|0_h0|w0_h0,fps=25[v];[0:a][1:a][2:a][3:a]amix=inputs=4[a]" \
    -map "[v]" -map "[a]" -c:v libx264 -preset veryfast -tune zerolatency -b:v 2500k \
    -maxrate 2500k -bufsize 2500k -g 50 -c:a aac -b:a 128k -ac 2 -y -f flv /dev/null \
    > "$work/reference.log" 2>&1 &
started+=($!)
sleep 5
# The ffmpeg under its timeout wrapper: a child's CPU is not counted in its parent's.
reference_pid=$(pgrep -P "$!" ffmpeg) || { echo "the reference ffmpeg died: $(cat "$work/reference.log")" >&2; exit 1; }
reference_cpu=$(cpu_cores_over "$reference_pid" "$window")
stop_pids "${started[-1]}"

# 2. Latency: regie-mix-latency publishes "latency" in the top-left tile, the clips the rest.
timeout -k 5 "$limit" "$mix_latency" --publish "rtmp://127.0.0.1:$rtmp_port/live/latency" \
    --play "http://127.0.0.1:$http_port/live/latmix.live.flv" --rect 0,0,640,360 \
    --frames "$latency_frames" --warmup "$latency_warmup" --timeout $((latency_frames / 25 + 30)) \
    > "$work/latency.json" 2> "$work/latency.log" &
started+=($!)
latency_pid=$!
wait_stream latency
start_grid_mix latency latmix 2 latency in2 in3 in4
wait "$latency_pid" || echo "regie-mix-latency: $(cat "$work/latency.log")" >&2
stop_mix latency
[ -s "$work/latency.json" ] || { echo "regie-mix-latency printed nothing" >&2; exit 1; }
latency=$(cat "$work/latency.json")
stop_pids "${inputs720[@]}"

# 3. Grid: nine 640x360 inputs, 3x3.
inputs360=()
for i in $(seq 9); do
    publish_clip "$clip360" "small$i"
    inputs360+=("small$i")
done
sleep 3
start_grid_mix grid grid 3 "${inputs360[@]}"
read_output grid
sleep 5
frames_before=$(received_frames grid)
grid_cpu=$(cpu_cores_over "$engine_pid" "$window")
frames_after=$(received_frames grid)
grid_fps=$(python3 -c "print(round(($frames_after - $frames_before) / $window, 1))")
stop_mix grid

mkdir -p "$results"
cpu_model=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
lat() { jq -r "$1" <<<"$latency"; }
{
    echo "# Mix benchmark"
    echo
    echo "- Date: $(date -u +%Y-%m-%dT%H:%MZ), commit $commit"
    echo "- Machine: $(nproc) cores ($cpu_model), $(uname -sr)"
    echo "- Load average at start: $load_at_start ($compilers_at_start compilers running); at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
    echo "  Numbers taken while other work shares the cores are noisy: rerun on a quiet machine"
    echo "  (load near 0) before comparing."
    echo "- Output of every cell: 1280x720 25 fps H.264 veryfast zerolatency 2.5 Mbit/s + AAC-LC 128 kbit/s stereo"
    echo "- Window: $window s after 5 s of warm-up; CPU = (utime + stime) / window, in cores"
    echo
    echo "## CPU: 4 × 1280x720 → 2x2"
    echo
    echo "- Inputs: 4 × 1280x720 25 fps H.264 ~1.5 Mbit/s + AAC-LC, published over RTMP (ffmpeg -re -c copy)"
    echo "- Output as probed: $out_probe; the reader received $output_fps video frames/s over the window"
    echo
    echo "| what | CPU (cores) per output second |"
    echo "|---|---|"
    echo "| regie-engine mixing (incl. ingest and one reader) | $engine_cpu |"
    echo "| regie-engine ingest only (the four inputs, no mix) | $ingest_cpu |"
    echo "| regie-engine mixing, ingest subtracted | $(python3 -c "print(round($engine_cpu - $ingest_cpu, 3))") |"
    echo "| ffmpeg filter graph (scale, xstack, amix, libx264, aac) | $reference_cpu |"
    echo
    echo "## Latency: input frame → output frame, 2x2 (target p50 ≤ 150 ms)"
    echo
    echo "- regie-mix-latency publishes the top-left input (1280x720 25 fps, libx264 veryfast"
    echo "  zerolatency, a keyframe a second, its frame counter drawn as blocks) and plays the output"
    echo "  over HTTP-FLV; latency = output frame decoded − input frame written, per frame. The other"
    echo "  three inputs are the clips above."
    echo "- Frames: $(lat .published) published, $(lat .measured) measured (those sent from ${latency_warmup} s after the first readable output frame on), $(lat .seen) seen in the output, $(lat .missed) never shown"
    echo "- Output frames decoded while the input was published: $(lat .outputFrames), of which unreadable: $(lat .unreadable); packets the decoder refused as corrupt: $(lat .corruptPackets)"
    echo
    echo "| p50 | p90 | p99 | max | count |"
    echo "|---|---|---|---|---|"
    echo "| $(lat .latencyMs.p50) ms | $(lat .latencyMs.p90) ms | $(lat .latencyMs.p99) ms | $(lat .latencyMs.max) ms | $(lat .latencyMs.count) |"
    echo
    echo "## Real time: 9 × 640x360 → 3x3"
    echo
    echo "- Inputs: 9 × 640x360 25 fps H.264 ~0.6 Mbit/s + AAC-LC, published over RTMP (ffmpeg -re -c copy); one HTTP-FLV reader"
    echo
    echo "| asked fps | frames/s received by the reader over the window | real time (≥ 98 % of asked) | regie-engine CPU (cores) |"
    echo "|---|---|---|---|"
    echo "| 25 | $grid_fps | $(python3 -c "print('yes' if $grid_fps >= 24.5 else 'no')") | $grid_cpu |"
} > "$results/mix.md"
cat "$results/mix.md"
