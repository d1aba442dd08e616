#pragma once
// The one ffmpeg command line tests publish with: generated video and audio (lavfi sources),
// real time, H.264 (a keyframe every second) + AAC over RTMP, bounded in length.

#include <QString>
#include <QStringList>

namespace regie::test {

inline QStringList ffmpegPublishArgs(const QString& video, const QString& audio, int seconds,
                                     const QString& rtmpUrl) {
    return {"-hide_banner", "-loglevel",
            "error",        "-re",
            "-f",           "lavfi",
            "-i",           video,
            "-f",           "lavfi",
            "-i",           audio,
            "-t",           QString::number(seconds),
            "-c:v",         "libx264",
            "-preset",      "ultrafast",
            "-tune",        "zerolatency",
            "-g",           "25",
            "-pix_fmt",     "yuv420p",
            "-c:a",         "aac",
            "-f",           "flv",
            rtmpUrl};
}

}  // namespace regie::test
