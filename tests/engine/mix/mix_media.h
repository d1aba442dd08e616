#pragma once
// What the mix integration tests publish and pull: ffmpeg publishers of a solid colour and a
// tone, an ffmpeg player that decodes a stream to raw YUV420P and samples its pixels, and
// ffprobe / volumedetect readings of a stream.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>
#include <cstdlib>

#include "ffmpeg_publisher.h"

namespace regie::test::mix {

struct Yuv {
    int y, u, v;
};
// What the publishers' red and blue become in BT.601 limited range, and the mix background.
constexpr Yuv kRed{82, 90, 240};
constexpr Yuv kBlue{41, 240, 110};
constexpr Yuv kGreen{145, 54, 34};
constexpr Yuv kYellow{210, 16, 146};
constexpr Yuv kWhite{235, 128, 128};

class Publisher {
public:
    // `format` is "<size>:<fps>:<sample rate>", so inputs can differ in all three.
    Publisher(const QString& color, int tone, const QString& url,
              const QString& format = "320x240:25:44100")
        : Publisher(
              {url}, lavfiColor(color, format),
              QString("sine=frequency=%1:sample_rate=%2").arg(tone).arg(format.section(':', 2))) {}
    // Any lavfi video and audio sources, to each URL from the same frames.
    Publisher(const QStringList& urls, const QString& video, const QString& audio) {
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start("ffmpeg", regie::test::ffmpegPublishArgs(video, audio, 120, urls));
    }
    // `format` as above.
    static QString lavfiColor(const QString& color, const QString& format) {
        const QStringList f = format.split(':');
        return QString("color=c=%1:size=%2:rate=%3").arg(color, f[0], f[1]);
    }
    ~Publisher() { stop(); }
    void stop() {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(3000);
        }
    }

private:
    QProcess m_process;
};

// An HTTP-FLV player decoding to raw YUV420P pictures of `width`x`height`; keeps the latest
// whole picture.
class Player {
public:
    Player(const QString& url, int width, int height)
        : m_width(width), m_height(height), m_frameBytes(width * height * 3 / 2) {
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, [this] {
            m_buffer += m_process.readAllStandardOutput();
            while (m_buffer.size() >= m_frameBytes) {
                m_latest = m_buffer.left(m_frameBytes);
                m_buffer.remove(0, m_frameBytes);
                ++m_frames;
            }
        });
        m_process.start("ffmpeg",
                        {"-hide_banner", "-loglevel", "error", "-rw_timeout", "10000000", "-i", url,
                         "-an", "-f", "rawvideo", "-pix_fmt", "yuv420p", "pipe:1"});
    }
    ~Player() {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(3000);
        }
    }
    Yuv at(int x, int y) const {
        if (m_latest.size() < m_frameBytes) {
            return {-1000, -1000, -1000};
        }
        const auto* p = reinterpret_cast<const unsigned char*>(m_latest.constData());
        const int luma = m_width * m_height;
        const int chroma = (y / 2) * (m_width / 2) + x / 2;
        return {p[y * m_width + x], p[luma + chroma], p[luma * 5 / 4 + chroma]};
    }
    bool shows(int x, int y, Yuv c) const {
        Yuv s = at(x, y);
        return std::abs(s.y - c.y) <= 24 && std::abs(s.u - c.u) <= 24 && std::abs(s.v - c.v) <= 24;
    }
    QString describe(int x, int y) const {
        Yuv s = at(x, y);
        return QString("%1/%2/%3 after %4 frames").arg(s.y).arg(s.u).arg(s.v).arg(m_frames);
    }
    QProcess& process() { return m_process; }

private:
    int m_width;
    int m_height;
    int m_frameBytes;
    QProcess m_process;
    QByteArray m_buffer;
    QByteArray m_latest;
    int m_frames = 0;
};

// ffprobe's codecs of a URL: "aac@2ch,h264@640x240".
inline QString probeCodecs(const QString& url) {
    QProcess probe;
    probe.start("ffprobe",
                {"-v", "error", "-rw_timeout", "8000000", "-show_entries",
                 "stream=codec_name,codec_type,width,height,channels", "-of", "json", url});
    probe.waitForFinished(20000);
    QStringList seen;
    for (const auto& s : QJsonDocument::fromJson(probe.readAllStandardOutput())
                             .object()
                             .value("streams")
                             .toArray()) {
        auto o = s.toObject();
        seen << o.value("codec_name").toString() +
                    (o.value("codec_type").toString() == "video"
                         ? QString("@%1x%2")
                               .arg(o.value("width").toInt())
                               .arg(o.value("height").toInt())
                         : QString("@%1ch").arg(o.value("channels").toInt()));
    }
    seen.sort();
    return seen.join(',');
}

// ffmpeg's volumedetect over three seconds of a URL's sound, in dB (-1000: nothing measured).
inline double meanVolume(const QString& url) {
    QProcess p;
    p.start("ffmpeg", {"-hide_banner", "-nostats", "-rw_timeout", "8000000", "-i", url, "-t", "3",
                       "-vn", "-af", "volumedetect", "-f", "null", "-"});
    p.waitForFinished(20000);
    const QString out = QString::fromUtf8(p.readAllStandardError());
    const int at = out.indexOf("mean_volume:");
    if (at < 0) {
        return -1000;
    }
    return out.mid(at + 12).section(' ', 1, 1).toDouble();
}

}  // namespace regie::test::mix
