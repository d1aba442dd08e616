#include "ffmpeg_preview_source.h"

#include <algorithm>

namespace {

constexpr double kMaxPendingAudioSeconds = 0.5;

}  // namespace

FfmpegPreviewSource::FfmpegPreviewSource(QObject* parent) : PreviewSource(parent) {}

FfmpegPreviewSource::~FfmpegPreviewSource() {
    stop();
}

void FfmpegPreviewSource::start(const QUrl& url) {
    stop();
    m_stop = false;
    const int generation = ++m_generation;
    m_thread = std::thread(&FfmpegPreviewSource::run, this, url.toEncoded(), m_options, generation);
}

void FfmpegPreviewSource::stop() {
    if (!m_thread.joinable()) {
        return;
    }
    {
        std::lock_guard lock(m_waitMutex);
        m_stop = true;
    }
    m_wake.notify_all();
    // FFmpeg polls the interrupt callback at least every 100 ms, so this join is short.
    m_thread.join();
    ++m_generation;
    std::lock_guard lock(m_slotMutex);
    m_latestFrame = {};
    m_peaks.clear();
    m_audio.clear();
}

void FfmpegPreviewSource::run(const QByteArray& url, const Options& options, int generation) {
    Backoff backoff(options.retryInitial, options.retryMax);
    FfmpegPull::Sink sink{[&] {
                              backoff.reset();
                              publishState(State::Playing, {}, generation);
                          },
                          [this](const QVideoFrame& frame) { publishFrame(frame); },
                          [this](const QList<float>& peaks) { publishLevels(peaks); },
                          [this](const QList<float>& samples, int rate, int channels) {
                              if (m_listening) {
                                  publishAudio(samples, rate, channels);
                              }
                          }};
    while (!m_stop) {
        publishState(State::Connecting, {}, generation);
        const QString ended = FfmpegPull(options.pull, m_stop).run(url, sink);
        if (m_stop) {
            return;
        }
        publishState(State::Waiting, ended, generation);
        std::unique_lock lock(m_waitMutex);
        m_wake.wait_for(lock, backoff.next(), [this] { return m_stop.load(); });
    }
}

void FfmpegPreviewSource::publishFrame(const QVideoFrame& frame) {
    {
        std::lock_guard lock(m_slotMutex);
        m_latestFrame = frame;
    }
    scheduleDelivery();
}

void FfmpegPreviewSource::publishLevels(const QList<float>& peaks) {
    {
        std::lock_guard lock(m_slotMutex);
        m_peaks.resize(std::max(m_peaks.size(), peaks.size()), 0.0f);
        for (qsizetype i = 0; i < peaks.size(); ++i) {
            m_peaks[i] = std::max(m_peaks.at(i), peaks.at(i));
        }
    }
    scheduleDelivery();
}

void FfmpegPreviewSource::publishAudio(const QList<float>& samples, int rate, int channels) {
    {
        std::lock_guard lock(m_slotMutex);
        if (rate != m_audioRate || channels != m_audioChannels) {
            m_audio.clear();  // never mix two formats in one delivery
            m_audioRate = rate;
            m_audioChannels = channels;
        }
        m_audio.append(reinterpret_cast<const char*>(samples.constData()),
                       samples.size() * qsizetype(sizeof(float)));
        const auto limit =
            qsizetype(kMaxPendingAudioSeconds * rate) * channels * qsizetype(sizeof(float));
        if (m_audio.size() > limit) {
            m_audio.remove(0, m_audio.size() - limit);
        }
    }
    scheduleDelivery();
}

void FfmpegPreviewSource::publishState(State state, const QString& error, int generation) {
    QMetaObject::invokeMethod(
        this,
        [this, state, error, generation] {
            if (generation == m_generation) {
                emit stateChanged(state, error);
            }
        },
        Qt::QueuedConnection);
}

void FfmpegPreviewSource::scheduleDelivery() {
    {
        std::lock_guard lock(m_slotMutex);
        if (m_deliveryQueued) {
            return;
        }
        m_deliveryQueued = true;
    }
    QMetaObject::invokeMethod(this, &FfmpegPreviewSource::deliver, Qt::QueuedConnection);
}

void FfmpegPreviewSource::deliver() {
    QVideoFrame frame;
    QList<float> peaks;
    QByteArray audio;
    int rate = 0;
    int channels = 0;
    {
        std::lock_guard lock(m_slotMutex);
        m_deliveryQueued = false;
        std::swap(frame, m_latestFrame);
        std::swap(peaks, m_peaks);
        std::swap(audio, m_audio);
        rate = m_audioRate;
        channels = m_audioChannels;
    }
    if (frame.isValid()) {
        emit frameReady(frame);
    }
    if (!peaks.isEmpty()) {
        emit levelsReady(peaks);
    }
    if (!audio.isEmpty()) {
        emit audioReady(audio, rate, channels);
    }
}
