#include "stream_info.h"

namespace {
constexpr int kVideoTrack = 0;
}  // namespace

QString StreamInfo::key() const {
    return vhost + u'/' + app + u'/' + stream;
}

StreamInfo parseStreamInfo(const QJsonObject& object) {
    StreamInfo info;
    info.schema = object.value(u"schema").toString();
    info.vhost = object.value(u"vhost").toString();
    info.app = object.value(u"app").toString();
    info.stream = object.value(u"stream").toString();
    info.createStamp = object.value(u"createStamp").toInteger();
    info.aliveSeconds = object.value(u"aliveSecond").toInteger();
    info.bytesPerSecond = object.value(u"bytesSpeed").toInteger();
    info.readers = object.value(u"readerCount").toInt();
    info.origin = object.value(u"originTypeStr").toString();
    info.originUrl = object.value(u"originUrl").toString();
    const QJsonObject sock = object.value(u"originSock").toObject();
    if (!sock.isEmpty()) {
        info.peer = QStringLiteral("%1:%2")
                        .arg(sock.value(u"peer_ip").toString())
                        .arg(sock.value(u"peer_port").toInt());
    }
    for (const auto& item : object.value(u"tracks").toArray()) {
        const QJsonObject track = item.toObject();
        const QString codec = track.value(u"codec_id_name").toString();
        if (track.value(u"codec_type").toInt() == kVideoTrack) {
            info.videoCodec = codec;
            info.width = track.value(u"width").toInt();
            info.height = track.value(u"height").toInt();
            info.fps = qRound(track.value(u"fps").toDouble());
        } else {
            info.audioCodec = codec;
            info.sampleRate = track.value(u"sample_rate").toInt();
            info.channels = track.value(u"channels").toInt();
        }
    }
    return info;
}

QList<StreamInfo> parseStreamList(const QJsonArray& array) {
    QList<StreamInfo> list;
    list.reserve(array.size());
    for (const auto& item : array) {
        list.append(parseStreamInfo(item.toObject()));
    }
    return list;
}
