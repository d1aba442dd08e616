#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

// One live stream as the engine reports it: a getMediaList object, the `data` of the feed's
// `stream.added`, or (with only the key filled) of `stream.removed`.
struct StreamInfo {
    QString schema;
    QString vhost;
    QString app;
    QString stream;
    qint64 createStamp = 0;  // Unix seconds
    qint64 aliveSeconds = 0;
    qint64 bytesPerSecond = 0;
    int readers = 0;
    QString origin;  // originTypeStr, e.g. "rtmp_push"
    QString originUrl;
    QString peer;        // "ip:port" of the publisher, empty when none is connected
    QString videoCodec;  // empty without a video track
    int width = 0;
    int height = 0;
    int fps = 0;
    QString audioCodec;  // empty without an audio track
    int sampleRate = 0;
    int channels = 0;

    // Identifies a stream across snapshots: "vhost/app/stream".
    QString key() const;
    bool operator==(const StreamInfo&) const = default;
};

StreamInfo parseStreamInfo(const QJsonObject& object);
QList<StreamInfo> parseStreamList(const QJsonArray& array);

Q_DECLARE_METATYPE(StreamInfo)
