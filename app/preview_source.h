#pragma once

#include <QList>
#include <QObject>
#include <QUrl>
#include <QVideoFrame>

// A live preview backend: pulls one media URL off the GUI thread and hands decoded pictures
// and audio peaks to the GUI thread through its signals. StreamPreview only knows this
// interface, so the FFmpeg backend can be swapped (or faked) without touching the QML side.
class PreviewSource : public QObject {
    Q_OBJECT

public:
    enum class State { Stopped, Connecting, Playing, Waiting };
    Q_ENUM(State)

    using QObject::QObject;

    // Starts pulling `url` (stopping any previous pull); reconnects by itself when it ends.
    virtual void start(const QUrl& url) = 0;
    // Ends the pull; returns promptly even when the server stalls. No signal follows it.
    virtual void stop() = 0;
    // While on, decoded audio is handed over as audioReady (for the speakers); off by default.
    virtual void setListening(bool listening) = 0;

signals:
    void frameReady(const QVideoFrame& frame);
    // Peak level of each audio channel since the last report, 0..1.
    void levelsReady(const QList<float>& channelPeaks);
    // Interleaved float samples decoded since the last delivery (only while listening).
    void audioReady(const QByteArray& samples, int sampleRate, int channels);
    // `error` explains why the last connection ended (empty while all is well).
    void stateChanged(PreviewSource::State state, const QString& error);
};
