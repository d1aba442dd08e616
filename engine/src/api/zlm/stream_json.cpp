#include "api/zlm/stream_json.h"

#include <boost/json.hpp>

namespace regie::api::zlm {

namespace json = boost::json;

std::string_view codecIdName(int codecId) {
    switch (codecId) {
        case 0: return "H264";
        case 1: return "H265";
        case 2: return "mpeg4-generic";
        case 3: return "PCMA";
        case 4: return "PCMU";
        case 5: return "opus";
        case 6: return "L16";
        case 7: return "VP8";
        case 8: return "VP9";
        case 9: return "AV1";
        case 10: return "JPEG";
        default: return "unknown";
    }
}

namespace {
json::object trackJson(const media::TrackState& t, bool withLoss) {
    bool video = t.kind == media::TrackKind::video;
    json::object o{{"codec_id", t.codecId},
                   {"codec_id_name", codecIdName(t.codecId)},
                   {"codec_type", video ? 0 : 1},
                   {"ready", t.config != nullptr || t.frames > 0},
                   {"frames", t.frames},
                   {"duration", t.frames > 0 ? static_cast<std::int64_t>(t.lastDts - t.firstDts) : 0}};
    if (withLoss) {
        o["loss"] = -1.0;
    }
    if (video) {
        double fps = static_cast<double>((t.fpsTimes100 + 50) / 100);
        if (fps <= 1.0 && t.gopIntervalMs > 0) {
            fps = static_cast<double>(t.gopFrames * 1000 / t.gopIntervalMs);
        }
        o["width"] = t.width;
        o["height"] = t.height;
        o["fps"] = fps;
        o["key_frames"] = t.keyFrames;
        o["gop_size"] = t.gopFrames;
        o["gop_interval_ms"] = t.gopIntervalMs;
    } else {
        o["sample_rate"] = t.sampleRate;
        o["channels"] = t.channels;
        o["sample_bit"] = t.sampleBits;
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
