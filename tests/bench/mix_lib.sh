# Helpers of mix.sh, sourced by it: one regie-engine on free loopback ports, signed ZEGO calls,
# publishers, grid StartMix bodies and CPU samples. Every process started here is recorded in
# `started`, runs under `timeout $limit` and is stopped on exit.
# Expects: engine and limit set by the caller; sets variables the caller reads.
# shellcheck shell=bash disable=SC2034,SC2154

need() { command -v "$1" >/dev/null || { echo "$1 is missing: $2" >&2; exit 1; }; }

work=$(mktemp -d)
started=()
stop_pids() {
    local pid
    for pid in "$@"; do kill "$pid" 2>/dev/null || true; done
    for pid in "$@"; do wait "$pid" 2>/dev/null || true; done
}
trap 'stop_pids "${started[@]}"; [ -n "${KEEP_WORK:-}" ] && echo "kept $work" >&2 || rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

# utime + stime of a process in clock ticks.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
ticks_per_second=$(getconf CLK_TCK)
# Cores a process used over the next $2 seconds (100 % of one core = 1).
cpu_cores_over() {
    local before after
    before=$(cpu_ticks "$1")
    sleep "$2"
    after=$(cpu_ticks "$1")
    python3 -c "print(round(($after - $before) / $ticks_per_second / $2, 3))"
}

# encode_clip FILE SIZE KBPS: a 30 s 25 fps H.264 + AAC-LC clip of moving noisy content, once.
encode_clip() {
    [ -s "$1" ] && return
    mkdir -p "$(dirname "$1")"
    echo "encoding $1" >&2
    timeout 600 ffmpeg -hide_banner -loglevel error -y \
        -f lavfi -i "testsrc2=size=$2:rate=25,noise=alls=12:allf=t" \
        -f lavfi -i "sine=frequency=440:sample_rate=44100" -t 30 \
        -c:v libx264 -preset veryfast -pix_fmt yuv420p -b:v "$3k" -maxrate "$3k" \
        -bufsize "$(($3 * 2))k" -g 50 -c:a aac -b:a 128k -ac 2 -movflags +faststart "$1.tmp.mp4"
    mv "$1.tmp.mp4" "$1"
}

# start_engine: sets engine_pid, http_port, rtmp_port, app_id, api_secret, secret.
start_engine() {
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
    app_id=$(ini zego appId)
    api_secret=$(ini api secret)
    secret=$(ini zego serverSecret)
}
ini() { awk -F= -v s="[$1]" -v k="$2" '$0 == s {in_s = 1; next} /^\[/ {in_s = 0} in_s && $1 == k {print $2}' "$dir/config.ini"; }

# Waits up to 10 s for stream $1 to be published.
wait_stream() {
    for _ in $(seq 100); do
        [ "$(curl -s "http://127.0.0.1:$http_port/index/api/getMediaList?secret=$api_secret&stream=$1" |
            jq '.data | length')" -gt 0 ] && return
        sleep 0.1
    done
    echo "stream $1 was never published" >&2
    exit 1
}

zego_post() {  # action json-body
    local nonce ts sig
    nonce=$(python3 -c 'import secrets; print(secrets.token_hex(8))')
    ts=$(date +%s)
    sig=$(printf '%s%s%s%s' "$app_id" "$nonce" "$secret" "$ts" | md5sum | cut -d' ' -f1)
    curl -s -X POST -H 'Content-Type: application/json' --data "$2" \
        "http://127.0.0.1:$http_port/?Action=$1&AppId=$app_id&SignatureNonce=$nonce&Timestamp=$ts&Signature=$sig&SignatureVersion=2.0"
}

# publish_clip FILE STREAM: loops the clip into the engine in real time (pid: ${started[-1]}).
publish_clip() {
    timeout -k 5 "$limit" ffmpeg -hide_banner -loglevel error -nostdin -re -stream_loop -1 \
        -i "$1" -c copy -f flv "rtmp://127.0.0.1:$rtmp_port/live/$2" > "$work/pub-$2.log" 2>&1 &
    started+=($!)
}

# start_grid_mix TASK OUTPUT COLUMNS STREAM...: the streams in row-major order on a grid of
# COLUMNS columns over a 1280x720 canvas (even pixel edges), output 25 fps H.264 2.5 Mbit/s
# + AAC-LC 128 kbit/s stereo.
start_grid_mix() {
    local task=$1 output=$2 columns=$3 body answer
    shift 3
    body=$(jq -nc --arg task "$task" --arg output "$output" --argjson c "$columns" \
        '$ARGS.positional as $streams | ($streams | length / $c | ceil) as $rows |
        def edge($i; $n; $size): ($i * $size / $n / 2 | floor) * 2;
        {TaskId: $task, UserId: "bench", Sequence: 1,
         MixInput: [range(0; $streams | length) as $i | ($i % $c) as $x | ($i / $c | floor) as $y |
            {StreamId: $streams[$i],
             RectInfo: {Left: edge($x; $c; 1280), Right: edge($x + 1; $c; 1280),
                        Top: edge($y; $rows; 720), Bottom: edge($y + 1; $rows; 720)}}],
         MixOutput: [{StreamId: $output, Width: 1280, Height: 720, Fps: 25,
                      VideoBitrate: 2500000, AudioCodec: 1, AudioBitrate: 128000,
                      SoundChannel: 2}]}' --args "$@")
    answer=$(zego_post StartMix "$body")
    [ "$(jq -r '.Code' <<<"$answer")" = 0 ] || { echo "StartMix $task failed: $answer" >&2; exit 1; }
}

stop_mix() {
    zego_post StopMix "{\"TaskId\":\"$1\",\"UserId\":\"bench\",\"Sequence\":2}" > /dev/null
}

# One HTTP-FLV reader of stream $1, as a player would be (pid: ${started[-1]}); it reports
# the video frames it has received every 0.1 s, read by received_frames.
read_output() {
    timeout -k 5 "$limit" ffmpeg -hide_banner -loglevel error -nostdin \
        -i "http://127.0.0.1:$http_port/live/$1.live.flv" -c copy -f null \
        -progress "$work/progress-$1.txt" -stats_period 0.1 - > "$work/reader-$1.log" 2>&1 &
    started+=($!)
}
received_frames() { awk -F= '$1 == "frame" {n = $2} END {print n + 0}' "$work/progress-$1.txt"; }
