#include "api/zlm/stream_json.h"

#include <boost/json.hpp>
#include <cmath>

namespace regie::api::zlm {

namespace json = boost::json;

namespace {
json::object trackJson(const media::TrackState& t, bool withLoss) {
    bool video = t.kind == media::TrackKind::video;
    json::object o{{"codec_id", static_cast<int>(t.info.codec)},
                   {"codec_id_name", media::codecName(t.info.codec)},
                   {"codec_type", video ? 0 : 1},
                   {"ready", t.ready()},
                   {"frames", t.stats.frames()},
                   {"duration", t.stats.durationMs()}};
    if (withLoss) {
        o["loss"] = -1.0;
    }
    if (video) {
        o["width"] = t.info.width;
        o["height"] = t.info.height;
        o["fps"] = std::round(t.stats.reportedFps(t.info));
        o["key_frames"] = t.stats.keyFrames();
        o["gop_size"] = t.stats.gopSize();
        o["gop_interval_ms"] = t.stats.gopIntervalMs();
    } else {
        o["sample_rate"] = t.info.sampleRate;
        o["channels"] = t.info.channels;
        o["sample_bit"] = t.info.sampleBit;
    }
    return o;
}
}  // namespace

json::object streamJson(const media::MediaSource& source, std::string_view schema, bool withLoss) {
    const auto& key = source.key();
    auto publisher = source.publisher();
    json::value sock = nullptr;
    if (!publisher.sessionId.empty() && source.hasPublisher()) {
        sock = json::object{{"identifier", publisher.sessionId},
                            {"local_ip", publisher.localIp},
                            {"local_port", publisher.localPort},
                            {"peer_ip", publisher.peerIp},
                            {"peer_port", publisher.peerPort}};
    }
    json::array tracks;
    for (const auto& t : source.tracks()) {
        tracks.push_back(trackJson(t, withLoss));
    }
    auto readers = static_cast<std::int64_t>(source.readerCount());
    return json::object{{"schema", schema},
                        {"vhost", key.vhost},
                        {"app", key.app},
                        {"stream", key.stream},
                        {"createStamp", source.createdAtUnix()},
                        {"aliveSecond", source.aliveSeconds()},
                        {"bytesSpeed", source.bytesPerSecond()},
                        {"totalBytes", source.bytesIn()},
                        {"readerCount", readers},
                        {"totalReaderCount", readers},
                        {"originType", static_cast<int>(publisher.origin)},
                        {"originTypeStr", media::originTypeName(publisher.origin)},
                        {"originUrl", publisher.originUrl},
                        {"params", publisher.params},
                        {"isRecordingMP4", false},
                        {"isRecordingHLS", false},
                        {"originSock", std::move(sock)},
                        {"tracks", std::move(tracks)}};
}

}  // namespace regie::api::zlm
