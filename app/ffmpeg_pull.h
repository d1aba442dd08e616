#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QVideoFrame>
#include <atomic>
#include <chrono>
#include <functional>

// One connection to a media URL: opens it, decodes video into QVideoFrames and audio into
// channel peaks, until the stream ends, fails, times out or `stop` is set. HTTP-FLV is read with
// FFmpeg's HTTP client and the engine's FLV parser (FlvStreamDecoder: every codec the engine
// sends); any other URL with libavformat's demuxers.
// Every blocking FFmpeg call is cut short by an interrupt callback, so a stalled server never
// holds the calling thread longer than the timeout, and a stop request ends it at once.
class FfmpegPull {
public:
    struct Settings {
        std::chrono::milliseconds openTimeout{5000};
        std::chrono::milliseconds readTimeout{5000};
        int maxHeight = 540;
    };
    struct Sink {
        std::function<void()> opened;
        std::function<void(const QVideoFrame&)> frame;
        std::function<void(const QList<float>&)> levels;
        // Optional: the decoded audio, interleaved float samples at `rate` Hz.
        std::function<void(const QList<float>& samples, int rate, int channels)> pcm;
    };

    FfmpegPull(const Settings& settings, const std::atomic<bool>& stop)
        : m_settings(settings), m_stop(stop) {}

    // Blocks the calling (worker) thread for the life of the connection; returns why it ended.
    QString run(const QByteArray& url, const Sink& sink);

private:
    QString runHttpFlv(const QByteArray& url, const Sink& sink);
    QString runDemuxer(const QByteArray& url, const Sink& sink);
    static int interrupted(void* self);
    void armDeadline(std::chrono::milliseconds timeout);
    QString describe(int code) const;

    Settings m_settings;
    const std::atomic<bool>& m_stop;
    std::chrono::steady_clock::time_point m_deadline;
    std::chrono::milliseconds m_armed{0};
};
