#pragma once
// What the mix integration tests publish and watch: an ffmpeg publisher of a solid colour and a
// sine tone, and an ffmpeg player of a mix output that keeps its latest picture for sampling.

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <cstdlib>

#include "ffmpeg_publisher.h"

namespace regie::test {

struct Yuv {
    int y, u, v;
};
// Colours as the publishers' and pictures' RGB become in BT.601 limited range.
constexpr Yuv kRed{82, 90, 240};
constexpr Yuv kBlue{41, 240, 110};
constexpr Yuv kGreen{145, 54, 34};  // 0x00FF00
constexpr Yuv kYellow{210, 16, 146};
constexpr Yuv kWhite{235, 128, 128};

class Publisher {
public:
    // `format` is "<size>:<fps>:<sample rate>", so inputs can differ in all three.
    Publisher(const QString& color, int tone, const QString& url,
              const QString& format = "320x240:25:44100") {
        const QStringList f = format.split(':');
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(
            "ffmpeg",
            ffmpegPublishArgs(QString("color=c=%1:size=%2:rate=%3").arg(color, f[0], f[1]),
                              QString("sine=frequency=%1:sample_rate=%2").arg(tone).arg(f[2]), 120,
                              url));
    }
    ~Publisher() { stop(); }
    Publisher(const Publisher&) = delete;
    Publisher& operator=(const Publisher&) = delete;
    void stop() {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(3000);
        }
    }

private:
    QProcess m_process;
};

// An HTTP-FLV player decoding a width x height output to raw YUV420P.
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
    Player(const Player&) = delete;
    Player& operator=(const Player&) = delete;

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

}  // namespace regie::test
