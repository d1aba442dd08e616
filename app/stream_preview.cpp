#include "stream_preview.h"

#include <QAudioSink>
#include <algorithm>

#include "ffmpeg_preview_source.h"

static_assert(int(StreamPreview::State::Stopped) == int(PreviewSource::State::Stopped) &&
              int(StreamPreview::State::Waiting) == int(PreviewSource::State::Waiting));

StreamPreview::StreamPreview(QObject* parent)
    : StreamPreview(std::make_unique<FfmpegPreviewSource>(), parent) {}

StreamPreview::StreamPreview(std::unique_ptr<PreviewSource> source, QObject* parent)
    : QObject(parent), m_source(std::move(source)) {
    connect(m_source.get(), &PreviewSource::frameReady, this, &StreamPreview::onFrame);
    connect(m_source.get(), &PreviewSource::levelsReady, this, &StreamPreview::onLevels);
    connect(m_source.get(), &PreviewSource::stateChanged, this, &StreamPreview::onState);
    connect(m_source.get(), &PreviewSource::audioReady, this, &StreamPreview::onAudio);
    connect(&m_devices, &QMediaDevices::audioOutputsChanged, this, [this] {
        emit canListenChanged();
        if (!canListen()) {
            setListening(false);
        } else {
            closeAudioOutput();  // the next sound opens the new default output
        }
    });
}

StreamPreview::~StreamPreview() {
    m_source->stop();
    closeAudioOutput();
}

void StreamPreview::setListening(bool listening) {
    listening = listening && canListen();
    if (listening == m_listening) {
        return;
    }
    m_listening = listening;
    m_source->setListening(listening);
    if (!listening) {
        closeAudioOutput();
    }
    m_audioBytesPlayed = 0;
    emit listeningChanged();
}

void StreamPreview::onAudio(const QByteArray& samples, int sampleRate, int channels) {
    if (!m_listening) {
        return;
    }
    if (!m_audioSink || m_audioFormat.sampleRate() != sampleRate ||
        m_audioFormat.channelCount() != channels) {
        closeAudioOutput();
        m_audioFormat.setSampleRate(sampleRate);
        m_audioFormat.setChannelCount(channels);
        m_audioFormat.setSampleFormat(QAudioFormat::Float);
        m_audioSink = std::make_unique<QAudioSink>(m_devices.defaultAudioOutput(), m_audioFormat);
        m_audioOut = m_audioSink->start();
    }
    if (m_audioOut != nullptr) {
        // Push mode: what does not fit now is dropped rather than delaying the picture's sound.
        const qint64 written = m_audioOut->write(samples);
        m_audioBytesPlayed += std::max<qint64>(0, written);
    }
}

void StreamPreview::closeAudioOutput() {
    if (m_audioSink) {
        m_audioSink->stop();
    }
    m_audioOut = nullptr;
    m_audioSink.reset();
}

void StreamPreview::setUrl(const QUrl& url) {
    if (url == m_url) {
        return;
    }
    m_url = url;
    emit urlChanged();
    restart();
}

void StreamPreview::setPlaying(bool playing) {
    if (playing == m_playing) {
        return;
    }
    m_playing = playing;
    emit playingChanged();
    restart();
}

void StreamPreview::setVideoSink(QVideoSink* sink) {
    if (sink == m_sink) {
        return;
    }
    m_sink = sink;
    emit videoSinkChanged();
}

void StreamPreview::restart() {
    m_source->stop();
    m_channelLevels.clear();
    m_audioLevel = 0;
    emit audioLevelChanged();
    if (m_playing && m_url.isValid() && !m_url.isEmpty()) {
        m_source->start(m_url);
        setState(State::Connecting, {});
    } else {
        setState(State::Stopped, {});
    }
}

void StreamPreview::onFrame(const QVideoFrame& frame) {
    ++m_frameCount;
    emit frameCountChanged();
    if (frame.size() != m_videoSize) {
        m_videoSize = frame.size();
        emit videoSizeChanged();
    }
    if (m_sink) {
        m_sink->setVideoFrame(frame);
    }
}

void StreamPreview::onLevels(const QList<float>& peaks) {
    m_channelLevels.clear();
    qreal loudest = 0;
    for (float peak : peaks) {
        m_channelLevels.append(peak);
        loudest = std::max<qreal>(loudest, peak);
    }
    m_audioLevel = loudest;
    emit audioLevelChanged();
}

void StreamPreview::onState(PreviewSource::State state, const QString& error) {
    setState(static_cast<State>(state), error);
}

void StreamPreview::setState(State state, const QString& error) {
    if (state == m_state && error == m_error) {
        return;
    }
    m_state = state;
    m_error = error;
    emit stateChanged();
}
