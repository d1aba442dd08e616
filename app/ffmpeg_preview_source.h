#pragma once

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "backoff.h"
#include "ffmpeg_pull.h"
#include "preview_source.h"

// The FFmpeg preview backend: an own std::thread runs FfmpegPull and reconnects with backoff
// when the stream ends. Only the newest picture and the peaks since the last delivery wait
// for the GUI thread, so a busy GUI drops pictures instead of queueing them; audio for the
// speakers waits too, but at most half a second of it (the oldest is dropped).
class FfmpegPreviewSource : public PreviewSource {
    Q_OBJECT

public:
    struct Options {
        FfmpegPull::Settings pull;
        std::chrono::milliseconds retryInitial{500};
        std::chrono::milliseconds retryMax{8000};
    };

    explicit FfmpegPreviewSource(QObject* parent = nullptr);
    ~FfmpegPreviewSource() override;

    // Applies from the next start().
    void setOptions(const Options& options) { m_options = options; }

    void start(const QUrl& url) override;
    void stop() override;
    void setListening(bool listening) override { m_listening = listening; }

private:
    void run(const QByteArray& url, const Options& options, int generation);
    void publishFrame(const QVideoFrame& frame);
    void publishLevels(const QList<float>& peaks);
    void publishAudio(const QList<float>& samples, int rate, int channels);
    void publishState(State state, const QString& error, int generation);
    void scheduleDelivery();
    void deliver();

    Options m_options;
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_generation{0};
    std::atomic<bool> m_listening{false};
    std::mutex m_waitMutex;
    std::condition_variable m_wake;

    std::mutex m_slotMutex;
    QVideoFrame m_latestFrame;
    QList<float> m_peaks;
    QByteArray m_audio;  // interleaved float, at most kMaxPendingAudio of it
    int m_audioRate = 0;
    int m_audioChannels = 0;
    bool m_deliveryQueued = false;
};
