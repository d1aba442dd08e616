#include "service/mix/transcode.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace regie::service::mix {

namespace {

struct Preset {
    int shortEdge;
    std::int64_t bitrate;
};
// mix.md StartCloudTranscode: TemplateId 0-3.
constexpr std::array<Preset, 4> kPresets{
    {{360, 600'000}, {540, 1'000'000}, {720, 1'500'000}, {1080, 2'000'000}}};
// Local choices for what the input does not tell (yet): a 16:9 landscape picture at 25 fps,
// 1.5 Mbit/s, stereo.
constexpr int kUnknownWidth = 1280;
constexpr int kUnknownHeight = 720;
constexpr int kUnknownFps = 25;
constexpr std::int64_t kUnknownBitrate = 1'500'000;

int even(double v) {
    return std::max(2, static_cast<int>(std::lround(v / 2)) * 2);
}

MixOutputSpec outputOf(const TranscodeOutputSpec& t, const InputFormat& input, int fps) {
    const int inWidth = input.width > 0 ? input.width : kUnknownWidth;
    const int inHeight = input.height > 0 ? input.height : kUnknownHeight;
    MixOutputSpec out;
    out.streamId = t.streamId;
    out.streamUrl = t.streamId.empty() ? t.streamUrl : "";
    out.fps = fps;
    out.gopSeconds = t.gopSeconds;
    out.channels = input.channels == 1 ? 1 : 2;
    out.audioCodec = av::AudioCodec::aacLc;
    out.videoBitrate = t.videoBitrate > 0  ? t.videoBitrate
                       : input.bitrate > 0 ? input.bitrate
                                           : kUnknownBitrate;
    const bool hevc = t.codec == TranscodeCodec::h265 || (t.codec == TranscodeCodec::sameAsInput &&
                                                          input.codec == media::CodecId::H265);
    out.videoCodec = hevc ? av::VideoCodec::h265 : av::VideoCodec::h264;
    out.lowBitrateHd = t.lowBitrateHd;
    if (t.width == 0 && t.height == 0) {
        out.width = even(inWidth);
        out.height = even(inHeight);
        return out;
    }
    if (!t.shortEdge) {
        out.width = t.width;
        out.height = t.height;
        return out;
    }
    const int shortEdge = t.width;
    const double longEdge =
        static_cast<double>(shortEdge) * std::max(inWidth, inHeight) / std::min(inWidth, inHeight);
    out.width = inWidth >= inHeight ? even(longEdge) : even(shortEdge);
    out.height = inWidth >= inHeight ? even(shortEdge) : even(longEdge);
    return out;
}

}  // namespace

void applyTemplate(TranscodeOutputSpec& spec) {
    if (spec.templateId < 0 || spec.templateId >= static_cast<int>(kPresets.size())) {
        return;
    }
    const Preset& preset = kPresets.at(static_cast<std::size_t>(spec.templateId));
    spec.codec = TranscodeCodec::h264;
    spec.fps = 0;
    spec.gopSeconds = 2;
    spec.shortEdge = true;
    spec.width = preset.shortEdge;
    spec.height = 0;
    spec.videoBitrate = preset.bitrate;
}

MixRequest transcodeMix(const TranscodeRequest& request, const InputFormat& input) {
    MixRequest mix;
    mix.action = "StartCloudTranscode";
    mix.body = request.body;
    mix.taskId = request.taskId;
    mix.userId = request.userId;
    mix.sequence = request.sequence;
    // mix.md: all outputs use the same fps; 0 is the input's.
    int fps = request.outputs.front().fps;
    if (fps == 0) {
        fps = input.fps > 0 ? static_cast<int>(std::lround(input.fps)) : kUnknownFps;
    }
    std::vector<MixOutputSpec> outputs;
    for (const auto& t : request.outputs) {
        outputs.push_back(outputOf(t, input, fps));
    }
    // The canvas is the first output's: the largest, so the others are scaled down from it.
    std::stable_sort(outputs.begin(), outputs.end(), [](const auto& a, const auto& b) {
        return static_cast<std::int64_t>(a.width) * a.height >
               static_cast<std::int64_t>(b.width) * b.height;
    });
    mix.layout.output = outputs.front();
    mix.layout.moreOutputs.assign(outputs.begin() + 1, outputs.end());
    MixInputSpec in;
    in.streamId = request.inputStreamId;
    in.streamUrl = request.inputStreamUrl;
    in.placement = av::Placement{av::Rect{0, 0, mix.layout.output.width, mix.layout.output.height}};
    mix.layout.inputs.push_back(std::move(in));
    return mix;
}

}  // namespace regie::service::mix
