#!/usr/bin/env bash
# VLC against regie-engine: ffmpeg publishes H.264 + AAC over RTMP; VLC (cvlc) plays the
# stream over RTMP and over HTTP-FLV for a few seconds and remuxes what it received to MPEG-TS,
# which ffprobe then reads back. Not part of ctest: VLC is not a build dependency, and it
# refuses to run as root, so as root it runs as `nobody`.
#
# usage: tests/interop/vlc.sh [build dir]
# Needs: apt-get install -y --no-install-recommends vlc-bin vlc-plugin-base; ffmpeg, jq.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
command -v cvlc >/dev/null || { echo "cvlc is missing: apt-get install -y vlc-bin vlc-plugin-base" >&2; exit 1; }

work=$(mktemp -d)
chmod 777 "$work"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT

printf '[rtmp]\nport=0\n[http]\nport=0\n' > "$work/config.ini"
timeout 120 "$build/bin/regie-engine" -c "$work/config.ini" --ready-file "$work/ready.json" \
    --log-level warn > "$work/engine.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do [ -s "$work/ready.json" ] && break; sleep 0.05; done
rtmp=$(jq -r .ports.rtmp "$work/ready.json")
http=$(jq -r .ports.http "$work/ready.json")

timeout 90 ffmpeg -hide_banner -loglevel error -nostdin -re \
    -f lavfi -i testsrc2=size=640x360:rate=25 -f lavfi -i sine=frequency=440 \
    -c:v libx264 -preset ultrafast -g 50 -pix_fmt yuv420p -c:a aac \
    -f flv "rtmp://127.0.0.1:$rtmp/live/vlc" &
pids+=($!)
sleep 3

run_vlc() {
    if [ "$(id -u)" = 0 ]; then
        timeout 30 runuser -u nobody -- cvlc "$@"
    else
        timeout 30 cvlc "$@"
    fi
}

status=0
for url in "rtmp://127.0.0.1:$rtmp/live/vlc" "http://127.0.0.1:$http/live/vlc.live.flv"; do
    out=$work/out-$RANDOM.ts
    run_vlc -I dummy --run-time 6 --play-and-exit "$url" \
        --sout "#std{access=file,mux=ts,dst=$out}" > "$work/vlc.log" 2>&1 || true
    streams=$({ ffprobe -v error -show_entries stream=codec_name,width,height -of csv=p=0 "$out" 2>/dev/null ||
        true; } | sort -u | tr '\n' ' ')
    duration=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$out" 2>/dev/null || echo 0)
    echo "$url: $streams duration ${duration}s"
    case "$streams" in
        *h264,640,360*aac*|*aac*h264,640,360*) ;;
        *) status=1; cat "$work/vlc.log" >&2 ;;
    esac
done
exit $status
