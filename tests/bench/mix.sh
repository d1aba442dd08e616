#!/usr/bin/env bash
# Mix benchmark on loopback: four 1280x720 25 fps inputs published to regie-engine over RTMP,
# mixed by StartMix into a 2x2 grid on a 1280x720 canvas (H.264 veryfast, 2.5 Mbit/s, AAC-LC
# 128 kbit/s), and the same work done by one ffmpeg filter graph reading the same four streams
# from the engine (scale, xstack, amix, libx264 veryfast zerolatency, aac). Reports CPU seconds
# per output second for each. Writes tests/bench/results/mix.md. Not part of ctest.
#
# usage: tests/bench/mix.sh [build dir] [window seconds, 20]
# Needs ffmpeg (libx264), curl, jq, python3, and regie-engine built.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
window=${2:-20}
engine=$build/bin/regie-engine
results=$root/tests/bench/results
limit=$((240 + 3 * window))  # every process started here dies by then

need() { command -v "$1" >/dev/null || { echo "$1 is missing: $2" >&2; exit 1; }; }
need ffmpeg "apt-get install -y ffmpeg"
need curl "apt-get install -y curl"
need jq "apt-get install -y jq"
need python3 "apt-get install -y python3"
[ -x "$engine" ] || { echo "no $engine: cmake --build $build --target regie-engine" >&2; exit 1; }

work=$(mktemp -d)
started=()
stop_started() {
    local pid
    for pid in "${started[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${started[@]}"; do wait "$pid" 2>/dev/null || true; done
    started=()
}
trap 'stop_started; [ -n "${KEEP_WORK:-}" ] && echo "kept $work" >&2 || rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

# utime + stime of a process in clock ticks.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
ticks_per_second=$(getconf CLK_TCK)

# The clip: 1280x720 25 fps H.264 + AAC-LC 44.1 kHz, ~1.5 Mbit/s, moving noisy content.
clip=$build/bench/mix-clip-720p25.mp4
if [ ! -s "$clip" ]; then
    mkdir -p "$(dirname "$clip")"
    echo "encoding $clip" >&2
    timeout 600 ffmpeg -hide_banner -loglevel error -y \
        -f lavfi -i "testsrc2=size=1280x720:rate=25,noise=alls=12:allf=t" \
        -f lavfi -i "sine=frequency=440:sample_rate=44100" -t 30 \
        -c:v libx264 -preset veryfast -pix_fmt yuv420p -b:v 1500k -maxrate 1500k \
        -bufsize 3000k -g 50 -c:a aac -b:a 128k -ac 2 -movflags +faststart "$clip.tmp.mp4"
    mv "$clip.tmp.mp4" "$clip"
fi

dir=$work/engine
mkdir -p "$dir"
printf '[rtmp]\nport=0\n[http]\nport=0\n[zego]\nmixMaxFps=25\n' > "$dir/config.ini"
timeout -k 5 "$limit" "$engine" -c "$dir/config.ini" --ready-file "$dir/ready.json" \
    --log-level warn > "$dir/engine.log" 2>&1 &
started+=($!)
for _ in $(seq 200); do
    [ -s "$dir/ready.json" ] && break
    sleep 0.05
done
[ -s "$dir/ready.json" ] || { echo "regie-engine did not start: $(cat "$dir/engine.log")" >&2; exit 1; }
engine_pid=$(jq -r '.pid' "$dir/ready.json")
http_port=$(jq -r '.ports.http' "$dir/ready.json")
rtmp_port=$(jq -r '.ports.rtmp' "$dir/ready.json")
ini() { awk -F= -v s="[$1]" -v k="$2" '$0 == s {in_s = 1; next} /^\[/ {in_s = 0} in_s && $1 == k {print $2}' "$dir/config.ini"; }
app_id=$(ini zego appId)
api_secret=$(ini api secret)
# Video frames the output has produced so far (getMediaList's track counter).
output_frames() {
    curl -s "http://127.0.0.1:$http_port/index/api/getMediaList?secret=$api_secret&stream=mixed" |
        jq '[.data[0].tracks[] | select(.codec_type == 0) | .frames][0] // 0'
}
secret=$(ini zego serverSecret)

zego_post() {  # action json-body
    local nonce ts sig
    nonce=$(python3 -c 'import secrets; print(secrets.token_hex(8))')
    ts=$(date +%s)
    sig=$(printf '%s%s%s%s' "$app_id" "$nonce" "$secret" "$ts" | md5sum | cut -d' ' -f1)
    curl -s -X POST -H 'Content-Type: application/json' --data "$2" \
        "http://127.0.0.1:$http_port/?Action=$1&AppId=$app_id&SignatureNonce=$nonce&Timestamp=$ts&Signature=$sig&SignatureVersion=2.0"
}

for i in 1 2 3 4; do
    timeout -k 5 "$limit" ffmpeg -hide_banner -loglevel error -nostdin -re -stream_loop -1 \
        -i "$clip" -c copy -f flv "rtmp://127.0.0.1:$rtmp_port/live/in$i" > "$work/pub$i.log" 2>&1 &
    started+=($!)
done
sleep 3

# Engine: StartMix, one HTTP-FLV reader of the output, CPU over the window.
body=$(jq -nc '{TaskId: "bench", UserId: "bench", Sequence: 1,
    MixInput: [range(0; 4) as $i | {StreamId: "in\($i + 1)",
        RectInfo: {Left: (($i % 2) * 640), Top: (($i / 2 | floor) * 360),
                   Right: (($i % 2) * 640 + 640), Bottom: (($i / 2 | floor) * 360 + 360)}}],
    MixOutput: [{StreamId: "mixed", Width: 1280, Height: 720, Fps: 25, VideoBitrate: 2500000,
                 AudioCodec: 1, AudioBitrate: 128000, SoundChannel: 2}]}')
answer=$(zego_post StartMix "$body")
[ "$(jq -r '.Code' <<<"$answer")" = 0 ] || { echo "StartMix failed: $answer" >&2; exit 1; }
timeout -k 5 "$limit" ffmpeg -hide_banner -loglevel error -nostdin \
    -i "http://127.0.0.1:$http_port/live/mixed.live.flv" -c copy -f null - > "$work/reader.log" 2>&1 &
started+=($!)
sleep 5
before=$(cpu_ticks "$engine_pid")
frames_before=$(output_frames)
sleep "$window"
after=$(cpu_ticks "$engine_pid")
frames_after=$(output_frames)
output_fps=$(python3 -c "print(round(($frames_after - $frames_before) / $window, 1))")
engine_cpu=$(python3 -c "print(round(($after - $before) / $ticks_per_second / $window, 3))")
out_probe=$(ffprobe -v error -rw_timeout 8000000 -show_entries stream=codec_name,width,height \
    -of csv=p=0 "http://127.0.0.1:$http_port/live/mixed.live.flv" | tr '\n' ' ')
zego_post StopMix '{"TaskId":"bench","UserId":"bench","Sequence":2}' > /dev/null
sleep 2

# Engine at rest with the four inputs only, to subtract ingest from both sides fairly.
before=$(cpu_ticks "$engine_pid")
sleep "$window"
after=$(cpu_ticks "$engine_pid")
ingest_cpu=$(python3 -c "print(round(($after - $before) / $ticks_per_second / $window, 3))")

# Reference: one ffmpeg doing the same composition from the same four streams.
inputs=()
for i in 1 2 3 4; do inputs+=(-i "rtmp://127.0.0.1:$rtmp_port/live/in$i"); done
timeout -k 5 "$limit" ffmpeg -hide_banner -loglevel error -nostdin "${inputs[@]}" \
    -filter_complex "[0:v]scale=640:360[a];[1:v]scale=640:360[b];[2:v]scale=640:360[c];[3:v]scale=640:360[d];[a][b][c][d]xstack=inputs=4:layout=0_0|w0_0|0_h0|w0_h0,fps=25[v];[0:a][1:a][2:a][3:a]amix=inputs=4[a]" \
    -map "[v]" -map "[a]" -c:v libx264 -preset veryfast -tune zerolatency -b:v 2500k \
    -maxrate 2500k -bufsize 2500k -g 50 -c:a aac -b:a 128k -ac 2 -y -f flv /dev/null \
    > "$work/reference.log" 2>&1 &
started+=($!)
sleep 5
# The ffmpeg under its timeout wrapper: a child's CPU is not counted in its parent's.
reference_pid=$(pgrep -P "$!" ffmpeg) || { echo "the reference ffmpeg died: $(cat "$work/reference.log")" >&2; exit 1; }
before=$(cpu_ticks "$reference_pid")
sleep "$window"
after=$(cpu_ticks "$reference_pid")
reference_cpu=$(python3 -c "print(round(($after - $before) / $ticks_per_second / $window, 3))")

mkdir -p "$results"
cpu_model=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
{
    echo "# Mix benchmark"
    echo
    echo "- Date: $(date -u +%Y-%m-%dT%H:%MZ), commit $commit"
    echo "- Machine: $(nproc) cores ($cpu_model), $(uname -sr); load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "- Inputs: 4 × 1280x720 25 fps H.264 ~1.5 Mbit/s + AAC-LC, published over RTMP (ffmpeg -re -c copy)"
    echo "- Output: 1280x720 25 fps H.264 veryfast zerolatency 2.5 Mbit/s + AAC-LC 128 kbit/s stereo, 2x2 grid"
    echo "- Window: $window s after 5 s of warm-up; CPU = (utime + stime) / window, in cores"
    echo "- Output as probed: $out_probe; the engine produced $output_fps video frames/s over the window"
    echo
    echo "| what | CPU (cores) per output second |"
    echo "|---|---|"
    echo "| regie-engine mixing (incl. ingest and one reader) | $engine_cpu |"
    echo "| regie-engine ingest only (the four inputs, no mix) | $ingest_cpu |"
    echo "| regie-engine mixing, ingest subtracted | $(python3 -c "print(round($engine_cpu - $ingest_cpu, 3))") |"
    echo "| ffmpeg filter graph (scale, xstack, amix, libx264, aac) | $reference_cpu |"
} > "$results/mix.md"
cat "$results/mix.md"
