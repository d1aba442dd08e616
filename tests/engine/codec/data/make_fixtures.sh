#!/bin/sh
# Regenerates the codec test fixtures with the ffmpeg CLI and prints what ffprobe reports,
# which is what tst_codec/tst_flv assert against.
set -e
cd "$(dirname "$0")"
ff="ffmpeg -hide_banner -loglevel error -y"

# H.264 High + AAC-LC 44.1 kHz stereo in FLV (legacy AVC/AAC tags).
$ff -f lavfi -i testsrc=size=640x360:rate=30 -f lavfi -i sine=frequency=440:sample_rate=44100 \
    -ac 2 -pix_fmt yuv420p -c:v libx264 -profile:v high -crf 40 -g 10 -bf 2 -frames:v 12 -c:a aac -b:a 64k -t 0.4 \
    -f flv h264_aac_640x360.flv
# Odd sizes that need frame cropping.
$ff -f lavfi -i testsrc=size=1366x768:rate=50 -pix_fmt yuv420p -c:v libx264 -profile:v main -crf 45 -frames:v 2 \
    -f flv h264_1366x768.flv
$ff -f lavfi -i testsrc=size=854x480:rate=25 -pix_fmt yuv420p -c:v libx264 -profile:v baseline -crf 45 \
    -frames:v 2 -f flv h264_854x480.flv
# H.265 Annex-B (FLV in ffmpeg 5.1 cannot carry HEVC) and the hvcC that the MP4 muxer writes.
$ff -f lavfi -i testsrc=size=854x480:rate=25 -pix_fmt yuv420p -c:v libx265 -x265-params log-level=none:keyint=5 \
    -crf 45 -frames:v 6 -f hevc h265_854x480.hevc
$ff -i h265_854x480.hevc -c copy -tag:v hvc1 -f mp4 h265.mp4.tmp
python3 -c 'import sys; d = open(sys.argv[1], "rb").read(); i = d.index(b"hvcC") + 4
n = int.from_bytes(d[i - 8:i - 4], "big"); open(sys.argv[2], "wb").write(d[i:i + n - 8])' \
    h265.mp4.tmp h265_854x480.hvcc
rm h265.mp4.tmp
$ff -f lavfi -i testsrc=size=1366x768:rate=30000/1001 -pix_fmt yuv420p10le -c:v libx265 \
    -x265-params log-level=none -crf 45 -frames:v 1 -f hevc h265_1366x768_main10.hevc
# VP8 in IVF: a key frame and an inter frame of an odd size.
$ff -f lavfi -i testsrc=size=322x242:rate=25 -pix_fmt yuv420p -c:v libvpx -b:v 200k -g 25 \
    -frames:v 2 -f ivf vp8_322x242.ivf
# AAC in ADTS, MP3 and G.711 in FLV, Opus in Ogg (OpusHead).
$ff -f lavfi -i sine=sample_rate=48000 -ac 1 -c:a aac -b:a 32k -t 0.1 -f adts aac_48k_mono.adts
$ff -f lavfi -i sine=sample_rate=44100 -ac 2 -c:a libmp3lame -b:a 64k -t 0.2 -f flv mp3_44k.flv
$ff -f lavfi -i sine=sample_rate=8000 -ac 1 -c:a pcm_alaw -t 0.2 -f flv g711a.flv
$ff -f lavfi -i sine=sample_rate=8000 -ac 1 -c:a pcm_mulaw -t 0.2 -f flv g711u.flv
$ff -f lavfi -i sine=sample_rate=48000 -ac 2 -c:a libopus -b:a 32k -t 0.1 -f ogg opus_48k.ogg

ffprobe -v error -select_streams v -show_entries packet=pts,dts,flags -of compact \
    h264_aac_640x360.flv | head -4
for f in *.flv *.hevc *.ivf *.adts *.ogg; do
    echo "== $f"
    ffprobe -v error -show_entries \
        stream=codec_name,profile,level,width,height,r_frame_rate,sample_rate,channels,bits_per_raw_sample \
        -of compact "$f"
done
