#pragma once
// Single-stream transcoding (StartCloudTranscode) as a mix task: the one input fills the canvas
// and each TranscodeOutput becomes a mix output whose size, frame rate, bitrate and codec follow
// its template and, where the request says "same as input", the input itself.

#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "av/encoders.h"
#include "media/codec/codec.h"
#include "service/mix/mix_layout.h"

namespace regie::service::mix {

enum class TranscodeCodec { sameAsInput = 0, h264 = 1, h265 = 2 };

struct TranscodeOutputSpec {
    std::string streamId;   // published here, or
    std::string streamUrl;  // pushed there (StreamId wins when both are set)
    int templateId = 4;     // 0-3 presets (see applyTemplate), 4 custom
    TranscodeCodec codec = TranscodeCodec::h264;
    int fps = 0;  // 0: the input's
    int gopSeconds = 2;
    bool shortEdge = false;  // Width is the short edge; the long one follows the input's aspect
    int width = 0;           // both 0: the input's size
    int height = 0;
    std::int64_t videoBitrate = 0;  // 0: the input's
    bool lowBitrateHd = false;      // honoured when the output is H.265

    std::string sinkKey() const {
        return streamUrl.empty() ? "id:" + streamId : "url:" + streamUrl;
    }
};

struct TranscodeRequest {
    boost::json::object body;  // as accepted: what the store keeps (MixRequest::body)
    std::string taskId;
    std::string userId;
    std::optional<std::int64_t> sequence;
    std::string inputStreamId;   // a live stream of the [zego] app, or
    std::string inputStreamUrl;  // a URL to pull (wins when both are set)
    std::vector<TranscodeOutputSpec> outputs;
};

// What is known of the input when the task starts; zero when not known (yet).
struct InputFormat {
    media::CodecId codec = media::CodecId::H264;
    int width = 0;
    int height = 0;
    double fps = 0;
    std::int64_t bitrate = 0;  // bps
    int channels = 0;
};

// TemplateId 0-3 (mix.md: 360p, 540p, 720p, 1080p) as the custom settings they stand for:
// H.264, the short edge with the input's aspect, the input's fps, a 2 s GOP.
void applyTemplate(TranscodeOutputSpec& spec);

// The mix the transcode runs: outputs largest first (the canvas is the first one's).
MixRequest transcodeMix(const TranscodeRequest& request, const InputFormat& input);

}  // namespace regie::service::mix
