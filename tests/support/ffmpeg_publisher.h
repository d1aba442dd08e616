#pragma once
// The one ffmpeg command line tests publish with: generated video and audio (lavfi sources),
// real time, H.264 (a keyframe every second) + AAC over RTMP to one URL or several, bounded in
// length.

#include <QString>
#include <QStringList>

namespace regie::test {

// One encoder run per URL, all from the same source frames: their timestamps and pictures agree.
inline QStringList ffmpegPublishArgs(const QString& video, const QString& audio, int seconds,
                                     const QStringList& rtmpUrls) {
    QStringList args{"-hide_banner", "-loglevel", "error", "-re",   "-f", "lavfi",
                     "-i",           video,       "-f",    "lavfi", "-i", audio};
    for (const auto& url : rtmpUrls) {
        args << "-map"
             << "0:v"
             << "-map"
             << "1:a"
             << "-t" << QString::number(seconds) << "-c:v"
             << "libx264"
             << "-preset"
             << "ultrafast"
             << "-tune"
             << "zerolatency"
             << "-g"
             << "25"
             << "-pix_fmt"
             << "yuv420p"
             << "-c:a"
             << "aac"
             << "-f"
             << "flv" << url;
    }
    return args;
}

inline QStringList ffmpegPublishArgs(const QString& video, const QString& audio, int seconds,
                                     const QString& rtmpUrl) {
    return ffmpegPublishArgs(video, audio, seconds, QStringList{rtmpUrl});
}

}  // namespace regie::test
