#pragma once

#include <QtQml/qqmlregistration.h>

#include <QAudioDevice>
#include <QAudioFormat>
#include <QMediaDevices>
#include <QObject>
#include <QPointer>
#include <QSize>
#include <QUrl>
#include <QVideoSink>
#include <memory>

#include "preview_source.h"

class QAudioSink;
class QIODevice;

// A live preview for QML: set `url`, bind `videoSink` to a VideoOutput's sink and set
// `playing`. Pictures and audio peaks come from a PreviewSource (FFmpeg by default) that
// decodes on its own thread; this object only forwards them on the GUI thread. With
// `listening` on (possible only when the machine has an audio output) the stream's sound plays
// on the default output.
class StreamPreview : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QUrl url READ url WRITE setUrl NOTIFY urlChanged)
    Q_PROPERTY(bool playing READ playing WRITE setPlaying NOTIFY playingChanged)
    Q_PROPERTY(QVideoSink* videoSink READ videoSink WRITE setVideoSink NOTIFY videoSinkChanged)
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString error READ error NOTIFY stateChanged)
    Q_PROPERTY(int frameCount READ frameCount NOTIFY frameCountChanged)
    Q_PROPERTY(QSize videoSize READ videoSize NOTIFY videoSizeChanged)
    Q_PROPERTY(qreal audioLevel READ audioLevel NOTIFY audioLevelChanged)
    Q_PROPERTY(QList<qreal> channelLevels READ channelLevels NOTIFY audioLevelChanged)
    Q_PROPERTY(bool canListen READ canListen NOTIFY canListenChanged)
    Q_PROPERTY(bool listening READ listening WRITE setListening NOTIFY listeningChanged)

public:
    enum class State { Stopped, Connecting, Playing, Waiting };
    Q_ENUM(State)

    explicit StreamPreview(QObject* parent = nullptr);
    // Takes over `source` (the backend) instead of the FFmpeg one.
    explicit StreamPreview(std::unique_ptr<PreviewSource> source, QObject* parent = nullptr);
    ~StreamPreview() override;

    QUrl url() const { return m_url; }
    void setUrl(const QUrl& url);
    bool playing() const { return m_playing; }
    void setPlaying(bool playing);
    QVideoSink* videoSink() const { return m_sink; }
    void setVideoSink(QVideoSink* sink);
    State state() const { return m_state; }
    QString error() const { return m_error; }
    int frameCount() const { return m_frameCount; }
    QSize videoSize() const { return m_videoSize; }
    // The loudest channel's peak since the previous report, 0..1.
    qreal audioLevel() const { return m_audioLevel; }
    QList<qreal> channelLevels() const { return m_channelLevels; }
    bool canListen() const { return !m_devices.audioOutputs().isEmpty(); }
    bool listening() const { return m_listening; }
    // Ignored (stays off) without an audio output.
    void setListening(bool listening);
    // Bytes of sound handed to the audio output since listening started.
    qint64 audioBytesPlayed() const { return m_audioBytesPlayed; }

signals:
    void urlChanged();
    void playingChanged();
    void videoSinkChanged();
    void stateChanged();
    void frameCountChanged();
    void videoSizeChanged();
    void audioLevelChanged();
    void canListenChanged();
    void listeningChanged();

private:
    void restart();
    void onFrame(const QVideoFrame& frame);
    void onLevels(const QList<float>& peaks);
    void onAudio(const QByteArray& samples, int sampleRate, int channels);
    void closeAudioOutput();
    void onState(PreviewSource::State state, const QString& error);
    void setState(State state, const QString& error);

    std::unique_ptr<PreviewSource> m_source;
    QUrl m_url;
    bool m_playing = false;
    QPointer<QVideoSink> m_sink;
    State m_state = State::Stopped;
    QString m_error;
    int m_frameCount = 0;
    QSize m_videoSize;
    qreal m_audioLevel = 0;
    QList<qreal> m_channelLevels;
    QMediaDevices m_devices;
    bool m_listening = false;
    std::unique_ptr<QAudioSink> m_audioSink;
    QIODevice* m_audioOut = nullptr;  // owned by m_audioSink
    QAudioFormat m_audioFormat;
    qint64 m_audioBytesPlayed = 0;
};
