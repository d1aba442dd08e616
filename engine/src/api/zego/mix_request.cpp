#include "api/zego/mix_request.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <filesystem>
#include <set>

#include "api/zego/body_fields.h"
#include "api/zego/mix_body.h"
#include "api/zego/stream_id.h"
#include "core/base64.h"
#include "service/mix/picture_load.h"

namespace regie::api::zego {

namespace json = boost::json;
using body::checkText;
using service::mix::ContentControl;
using service::mix::ImageCheck;
using service::mix::ImageDisplay;
using service::mix::ImageSpec;
using service::mix::LabelSpec;
using service::mix::MixInputSpec;
using service::mix::MixLayout;
using service::mix::MixOutputSpec;
using service::mix::MixRequest;
using service::mix::WatermarkSpec;
using namespace mix_body;

namespace {

// One picture URL (BackgroundImage, MixInput[].Image.Url, WaterMark.Image) as CheckImageMode
// asks; the download itself (mode 0) happens before the start, outside the parser.
void checkImageUrl(const std::string& name, std::string_view url, ImageCheck check) {
    if (check == ImageCheck::none) {
        return;
    }
    if (url.starts_with(service::mix::kPresetScheme)) {
        if (!service::mix::presetName(url)) {
            refuse(kImageProtocol, name +
                                       " must name a preset picture by a plain file name "
                                       "(letters, digits, '-', '_', '.'; not starting with '.')");
        }
        return;
    }
    std::string_view rest = url;
    if (rest.starts_with("http://")) {
        rest.remove_prefix(7);
    } else if (rest.starts_with("https://")) {
        rest.remove_prefix(8);
    } else {
        refuse(kImageProtocol, name + " must be an http://, https:// or preset-id:// URL");
    }
    const bool printable = std::all_of(url.begin(), url.end(), [](char c) {
        return static_cast<unsigned char>(c) > 0x20 && static_cast<unsigned char>(c) < 0x7f;
    });
    if (rest.empty() || rest.front() == '/' || !printable) {
        refuse(kImageProtocol, name + " is not a valid URL");
    }
}

// RectInfo's Top/Left/Bottom/Right (`what` names the RectInfo); none of them: no rectangle.
std::optional<av::Rect> rectangle(const Fields& rect, const std::string& what) {
    int given = 0;
    for (auto side : {"Top", "Left", "Bottom", "Right"}) {
        given += rect.has(side) ? 1 : 0;
    }
    if (given == 0) {
        return std::nullopt;
    }
    if (given != 4) {
        refuse(rect.code(), what + " needs all of Top, Left, Bottom and Right");
    }
    av::Rect r{static_cast<int>(rect.integerIn("Left", 0, kMaxSize, 0)),
               static_cast<int>(rect.integerIn("Top", 0, kMaxSize, 0)),
               static_cast<int>(rect.integerIn("Right", 0, kMaxSize, 0)),
               static_cast<int>(rect.integerIn("Bottom", 0, kMaxSize, 0))};
    if (r.right <= r.left || r.bottom <= r.top) {
        refuse(rect.code(), what + " needs Right > Left and Bottom > Top");
    }
    return r;
}

std::optional<WatermarkSpec> watermark(const json::object& body, ImageCheck check) {
    const auto* value = body.if_contains("WaterMark");
    if (value == nullptr || value->is_null()) {
        return std::nullopt;
    }
    if (!value->is_object()) {
        refuse(kWatermark, "WaterMark must be an Object");
    }
    Fields f(value->get_object(), "WaterMark.", kWatermark);
    auto image = f.string("Image");
    if (!image || image->empty()) {
        refuse(kWatermarkEmpty, f.name("Image") + " is required");
    }
    checkImageUrl(f.name("Image"), *image, check);
    const auto* rectObject = f.object("RectInfo");
    if (rectObject == nullptr) {
        refuse(kWatermark, f.name("RectInfo") + " is required");
    }
    auto rect = rectangle(Fields(*rectObject, f.name("RectInfo."), kWatermark), f.name("RectInfo"));
    if (!rect) {
        refuse(kWatermark, f.name("RectInfo") + " needs all of Top, Left, Bottom and Right");
    }
    return WatermarkSpec{*image, *rect};
}

// "0xRRGGBBAA" (alpha ignored) or the legacy decimal RRGGBB00.
std::optional<av::Yuv> background(const Fields& top) {
    if (auto hex = top.string("BackGroundColorHex"); hex && !hex->empty()) {
        std::string_view digits = *hex;
        if (digits.starts_with("0x") || digits.starts_with("0X")) {
            digits.remove_prefix(2);
        }
        std::uint32_t rgba = 0;
        auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), rgba, 16);
        if (digits.size() != 8 || ec != std::errc() || end != digits.data() + digits.size()) {
            refuse(kParameterError, "BackGroundColorHex must look like 0xRRGGBBAA");
        }
        return av::yuvFromRgb(static_cast<int>((rgba >> 24) & 0xff),
                              static_cast<int>((rgba >> 16) & 0xff),
                              static_cast<int>((rgba >> 8) & 0xff));
    }
    if (auto legacy = top.integer("BackgroundColor")) {
        if (*legacy < 0 || *legacy > 0xffffffffLL) {
            refuse(kParameterError, "BackgroundColor must be a 32-bit RRGGBB00 value");
        }
        auto rgba = static_cast<std::uint32_t>(*legacy);
        return av::yuvFromRgb(static_cast<int>((rgba >> 24) & 0xff),
                              static_cast<int>((rgba >> 16) & 0xff),
                              static_cast<int>((rgba >> 8) & 0xff));
    }
    return std::nullopt;
}

// Characters, not bytes: the limit is 100 for CJK text and 300 for Latin text.
std::size_t codePoints(std::string_view utf8) {
    std::size_t n = 0;
    for (char c : utf8) {
        n += (static_cast<unsigned char>(c) & 0xc0) != 0x80 ? 1 : 0;
    }
    return n;
}

// Label colours are R + G*256 + B*65536; the overlay takes 0xRRGGBB.
std::uint32_t rgbOf(std::int64_t zegoColor) {
    auto v = static_cast<std::uint32_t>(zegoColor);
    return ((v & 0xff) << 16) | (v & 0xff00) | ((v >> 16) & 0xff);
}

LabelSpec labelOf(const json::object& object, const std::string& where) {
    Fields f(object, where, kLabel);
    LabelSpec label;
    label.text = f.requiredString("Text");
    bool ascii = std::all_of(label.text.begin(), label.text.end(),
                             [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (codePoints(label.text) > (ascii ? 300U : 100U)) {
        refuse(kLabel, f.name("Text") + " is longer than 100 CJK or 300 Latin characters");
    }
    label.left = static_cast<int>(f.integerIn("Left", 0, kMaxSize, 0));
    label.top = static_cast<int>(f.integerIn("Top", 0, kMaxSize, 0));
    if (!f.has("Left") || !f.has("Top")) {
        refuse(kLabel, where + "Left and Top are required");
    }
    const auto* font = f.object("Font");
    if (font == nullptr) {
        refuse(kLabel, f.name("Font") + " is required");
    }
    Fields ff(*font, where + "Font.", kLabel);
    if (!ff.has("FontType")) {
        refuse(kLabel, ff.name("FontType") + " is required");
    }
    label.fontType = static_cast<int>(ff.integerIn("FontType", 0, 3, 0));
    if (const char* file = service::mix::labelFontFile(label.fontType);
        !std::filesystem::exists(file)) {
        refuse(kLabel, std::string("the label font is not installed: ") + file);
    }
    label.fontSize = static_cast<int>(ff.integerIn("FontSize", 12, 100, 24));
    label.fontColor = rgbOf(ff.integerIn("FontColor", 0, 0xffffff, 0xffffff));
    label.transparency = static_cast<int>(ff.integerIn("Transparency", 0, 100, 0));
    if (ff.has("BorderColor")) {
        label.borderColor = rgbOf(ff.integerIn("BorderColor", 0, 0xffffff, 0));
    }
    return label;
}

// mix.md: one font per task. The FontType the labels share; none without labels.
std::optional<int> labelFont(const std::vector<MixInputSpec>& inputs) {
    std::optional<int> font;
    for (const auto& in : inputs) {
        if (!in.label) {
            continue;
        }
        if (font && *font != in.label->fontType) {
            refuse(kLabel, "every Label of a task must have the same Font.FontType");
        }
        font = in.label->fontType;
    }
    return font;
}

// VideoEncId 4 needs ExtraLayers: exactly one {VideoBitrate}, the base layer's, below the
// output's. Checked only: the output is plain H.264.
void checkExtraLayers(const Fields& f, std::int64_t videoBitrate) {
    const auto& layers = f.requiredArray("ExtraLayers");
    if (layers.size() != 1 || !layers.front().is_object()) {
        refuse(kOutputFormat, f.name("ExtraLayers") + " needs exactly one {VideoBitrate} Object");
    }
    Fields layer(layers.front().get_object(), f.name("ExtraLayers[0]."), kOutputFormat);
    const auto bitrate = layer.requiredInteger("VideoBitrate");
    if (bitrate <= 0 || bitrate >= videoBitrate) {
        refuse(kOutputFormat,
               layer.name("VideoBitrate") + " must be greater than 0 and below the output's");
    }
}

MixOutputSpec output(const json::value& value, std::size_t index, const MixLimits& limits,
                     av::VideoCodec codecWithoutEncId) {
    std::string where = "MixOutput[" + std::to_string(index) + "].";
    if (!value.is_object()) {
        refuse(kOutputFormat, where + " must be an Object");
    }
    Fields f(value.get_object(), where, kOutputFormat);
    MixOutputSpec spec;
    spec.streamUrl = f.string("StreamUrl").value_or("");
    spec.streamId = f.string("StreamId").value_or("");
    if (!spec.streamUrl.empty()) {
        if (!std::string_view(spec.streamUrl).starts_with("rtmp://")) {
            refuse(kOutputFormat, f.name("StreamUrl") + " must be an rtmp:// URL");
        }
    } else if (spec.streamId.empty()) {
        refuse(kOutputFormat, where + "StreamId or StreamUrl is required");
    } else if (!isValidStreamId(spec.streamId)) {
        refuse(kOutputFormat, f.name("StreamId") + " accepts only digits, letters, '-' and '_'");
    }
    spec.videoBitrate = f.requiredInteger("VideoBitrate");
    if (spec.videoBitrate <= 0) {
        refuse(kOutputFormat, f.name("VideoBitrate") + " must be greater than 0");
    }
    switch (f.integer("VideoEncId").value_or(-1)) {
        case -1:
            spec.videoCodec = codecWithoutEncId;
            break;
        case 0:
            break;
        case 2:
            spec.videoCodec = av::VideoCodec::vp8;
            break;
        case 3:
            spec.videoCodec = av::VideoCodec::h265;
            break;
        case 4:  // H.264 SVC falls back to H.264 for CDN outputs, and every output here is one
            checkExtraLayers(f, spec.videoBitrate);
            break;
        default:
            refuse(kOutputFormat, f.name("VideoEncId") + " must be 0, 2, 3 or 4");
    }
    if (f.has("ExtraLayers") && f.integer("VideoEncId") != 4) {
        refuse(kOutputFormat, f.name("ExtraLayers") + " goes with VideoEncId 4 (H.264 SVC) only");
    }
    spec.lowBitrateHd = f.integerIn("LowBitrateHD", 0, 1, 0) == 1;
    if (const auto* target = f.object("TargetRoom")) {
        if (!spec.streamUrl.empty()) {
            refuse(kOutputFormat, f.name("TargetRoom") +
                                      " needs an output published here (StreamId, no StreamUrl)");
        }
        Fields room(*target, where + "TargetRoom.", kOutputFormat);
        spec.targetRoom =
            service::mix::TargetRoom{room.requiredString("RoomId"), room.requiredString("UserId")};
        checkText(room, "RoomId", spec.targetRoom->roomId, kParameterError);
        checkText(room, "UserId", spec.targetRoom->userId, kParameterError);
    }
    auto fps = f.requiredInteger("Fps");
    if (fps < 1 || fps > limits.maxFps) {
        refuse(kOutputFormat,
               f.name("Fps") + " must be between 1 and " + std::to_string(limits.maxFps));
    }
    spec.fps = static_cast<int>(fps);
    auto width = f.requiredInteger("Width");
    auto height = f.requiredInteger("Height");
    if (width < 0 || width > kMaxSize) {
        refuse(kSizeOutOfRange, f.name("Width") + " must be between 0 and 3000");
    }
    if (height < 0 || height > kMaxSize) {
        refuse(kSizeOutOfRange, f.name("Height") + " must be between 0 and 3000");
    }
    const bool audioOnly = width <= 1 && height <= 1;  // mix.md: audio-only mixes use 1 (or 0)
    if (!audioOnly && (width < 2 || height < 2 || width % 2 != 0 || height % 2 != 0)) {
        refuse(kOutputFormat, where + "Width and Height must be even (or both 0 or 1: audio only)");
    }
    spec.width = static_cast<int>(width);
    spec.height = static_cast<int>(height);
    switch (f.integer("AudioCodec").value_or(0)) {
        case 0:  // HE-AAC: no encoder here has the HE profile; AAC-LC (local choice, docs/mix.md)
        case 1:
            spec.audioCodec = av::AudioCodec::aacLc;
            break;
        case 2:
            spec.audioCodec = av::AudioCodec::mp3;
            break;
        case 3:
            spec.audioCodec = av::AudioCodec::opus;
            break;
        default:
            refuse(kOutputFormat, f.name("AudioCodec") + " must be 0, 1, 2 or 3");
    }
    spec.audioBitrate = f.integer("AudioBitrate").value_or(48000);
    if (spec.audioBitrate <= 0) {
        refuse(kOutputFormat, f.name("AudioBitrate") + " must be greater than 0");
    }
    if (f.has("SoundChannel")) {
        spec.channels = static_cast<int>(f.integerIn("SoundChannel", 1, 2, 1));
    } else {
        spec.channels = 0;  // the top-level default
    }
    return spec;
}

// WaitVideoInput=1 opens the outputs only once an input's picture has come, which a ByPass task
// (no pictures) cannot see, and which leaves nothing to list in a TargetRoom at the start.
void checkWaitForVideo(const MixRequest& request) {
    const MixLayout& layout = request.layout;
    if (!layout.timing.waitForVideo) {
        return;
    }
    if (layout.bypass) {
        refuse(kParameterError, "WaitVideoInput=1 cannot apply with ByPass=1");
    }
    for (const auto& output : layout.outputs()) {
        if (output.targetRoom) {
            unsupported(kOutputFormat, "TargetRoom with WaitVideoInput=1");
        }
    }
}

MixRequest parse(const json::object& body, const MixLimits& limits) {
    Fields top(body, "", kParameterError);
    MixRequest request;
    request.body = body;
    readIdentity(top, limits, false, request);
    const auto& inputs = top.requiredArray("MixInput");
    const auto& outputs = top.requiredArray("MixOutput");
    if (inputs.empty()) {
        refuse(kParameterError, "MixInput needs at least one input");
    }
    if (inputs.size() > kMaxInputs) {
        refuse(kTooManyInputs, "MixInput has more than 9 inputs");
    }
    if (outputs.size() > kMaxOutputs) {
        refuse(kTooManyOutputs, "MixOutput has more than 4 outputs");
    }

    readTiming(top, request);
    const av::VideoCodec codecWithoutEncId = readExPara(top, request);
    request.imageCheck = static_cast<ImageCheck>(top.integerIn("CheckImageMode", 0, 2, 0));
    if (auto image = top.string("BackgroundImage"); image && !image->empty()) {
        checkImageUrl("BackgroundImage", *image, request.imageCheck);
        request.layout.backgroundImage = *image;
    }
    request.layout.watermark = watermark(body, request.imageCheck);
    const int channels = defaultChannels(top);
    if (auto color = background(top)) {
        request.layout.background = *color;
    }

    std::set<std::string> sources;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        auto spec =
            readInput(inputs[i], "MixInput[" + std::to_string(i) + "].", request.imageCheck);
        if (!sources.insert(spec.sourceKey()).second) {
            refuse(kDuplicateInput, "MixInput[" + std::to_string(i) + "] repeats an input");
        }
        request.layout.inputs.push_back(std::move(spec));
    }
    request.layout.labelFont = labelFont(request.layout.inputs);
    readOutputs(outputs, sources, channels, limits, request, codecWithoutEncId);
    readSei(top, request);
    readBypass(top, request);
    checkWaitForVideo(request);
    return request;
}

}  // namespace

std::variant<MixRequest, ZegoResult> parseStartMix(const json::object& body,
                                                   const MixLimits& limits) {
    return answerOf<MixRequest>([&] { return parse(body, limits); });
}

namespace mix_body {

void readIdentity(const Fields& top, const MixLimits& limits, bool roomRequired,
                  MixRequest& request) {
    request.taskId = top.requiredString("TaskId");
    checkText(top, "TaskId", request.taskId, kParameterError);
    request.userId = top.requiredString("UserId");
    checkText(top, "UserId", request.userId, kParameterError);
    request.roomId =
        roomRequired ? top.requiredString("RoomId") : top.string("RoomId").value_or("");
    checkText(top, "RoomId", request.roomId, kParameterError);
    request.sequence = top.integer("Sequence");
    if (!request.sequence && limits.sequenceRequired) {
        refuse(kParameterError, "Sequence is required");
    }
}

void readSei(const Fields& top, MixRequest& request) {
    MixLayout& layout = request.layout;
    if (auto data = top.string("UserData"); data && !data->empty()) {
        auto decoded = core::base64Decode(*data);
        if (!decoded) {
            refuse(kParameterError, "UserData must be Base64");
        }
        if (decoded->size() > kMaxUserDataBytes) {
            refuse(kParameterError, "UserData is larger than 4000 bytes");
        }
        layout.userData.assign(decoded->begin(), decoded->end());
    }
    layout.soundLevels = top.integerIn("SoundLevel", 0, 1, 0) == 1;
    const bool sei = !layout.userData.empty() || layout.soundLevels;
    const auto outputs = layout.outputs();
    if (sei && std::none_of(outputs.begin(), outputs.end(),
                            [](const MixOutputSpec& o) { return o.carriesSei(); })) {
        refuse(kParameterError,
               "UserData and SoundLevel travel as video SEI: they need an output with H.264 or "
               "H.265 video");
    }
    for (std::size_t i = 0; layout.soundLevels && i < layout.inputs.size(); ++i) {
        if (!layout.inputs[i].soundLevelId) {
            refuse(kInputFormat, "SoundLevel=1 needs a SoundLevelId on every input (input " +
                                     std::to_string(i) + " has none)");
        }
    }
}

void readBypass(const Fields& top, MixRequest& request) {
    MixLayout& layout = request.layout;
    layout.bypass = top.integerIn("ByPass", 0, 1, 0) == 1;
    if (!layout.bypass) {
        return;
    }
    auto refuseWith = [](const std::string& why) {
        refuse(kParameterError, "ByPass=1 forwards one input unchanged: " + why);
    };
    if (layout.inputs.size() != 1) {
        refuseWith("it needs exactly one MixInput");
    }
    if (!layout.moreOutputs.empty()) {
        refuseWith("it goes to exactly one MixOutput");
    }
    const MixInputSpec& in = layout.inputs.front();
    if (layout.output.audioOnly()) {
        refuseWith("the output cannot be audio only");
    }
    if (in.image || in.label || in.volume != 100 || in.content != ContentControl::audioVideo ||
        !layout.backgroundImage.empty() || layout.watermark || layout.soundLevels) {
        refuseWith(
            "Image, Label, Volume, ContentControl, BackgroundImage, WaterMark and "
            "SoundLevel cannot apply");
    }
    // What goes out is the input's own H.264, whatever VideoEncId says; its SEI is H.264 too.
    layout.output.videoCodec = av::VideoCodec::h264;
    layout.output.lowBitrateHd = false;
}

void readTiming(const Fields& top, MixRequest& request) {
    service::mix::InputTiming& timing = request.layout.timing;
    timing.alignment =
        static_cast<service::mix::Alignment>(top.integerIn("AlignmentType", 0, 2, 0));
    timing.hold = std::chrono::milliseconds(top.integerIn("RecvBufferLevel", 0, 4000, 0));
    timing.waitForVideo = top.integerIn("WaitVideoInput", 0, 1, 0) == 1;
}

int defaultChannels(const Fields& top) {
    auto channels = top.string("SoundChannel");
    if (!channels) {
        return 1;
    }
    if (*channels != "1" && *channels != "2") {
        refuse(kParameterError, "SoundChannel must be \"1\" or \"2\"");
    }
    return *channels == "2" ? 2 : 1;
}

MixInputSpec readInput(const json::value& value, const std::string& where, ImageCheck check) {
    if (!value.is_object()) {
        refuse(kInputFormat, where + " must be an Object");
    }
    Fields f(value.get_object(), where, kInputFormat);
    MixInputSpec spec;
    spec.streamUrl = f.string("StreamUrl").value_or("");
    spec.streamId = f.string("StreamId").value_or("");
    if (!spec.streamUrl.empty()) {
        spec.streamId.clear();
        std::string_view url = spec.streamUrl;
        if (!url.starts_with("rtmp://") && !url.starts_with("http://") &&
            !url.starts_with("https://")) {
            refuse(kInputFormat, f.name("StreamUrl") + " must be an rtmp:// or HTTP-FLV URL");
        }
    } else if (spec.streamId.empty()) {
        refuse(kInputFormat, where + "StreamId or StreamUrl is required");
    } else if (!isValidStreamId(spec.streamId)) {
        refuse(kInputFormat, f.name("StreamId") + " accepts only digits, letters, '-' and '_'");
    }
    if (const auto* image = f.object("Image")) {
        Fields img(*image, where + "Image.", kInputFormat);
        auto display = static_cast<ImageDisplay>(img.integerIn("DisplayMode", 0, 2, 0));
        if (auto url = img.string("Url"); url && !url->empty()) {
            checkImageUrl(img.name("Url"), *url, check);
            spec.image = ImageSpec{*url, display};
        }
    }
    if (const auto* label = f.object("Label")) {
        spec.label = labelOf(*label, where + "Label.");
    }
    spec.content = static_cast<ContentControl>(f.integerIn("ContentControl", 0, 2, 0));
    spec.volume = static_cast<int>(f.integerIn("Volume", 0, 200, 100));
    auto mode = static_cast<av::RenderMode>(f.integerIn("RenderMode", 0, 1, 0));
    if (f.has("SoundLevelId")) {
        spec.soundLevelId =
            static_cast<std::uint32_t>(f.integerIn("SoundLevelId", 0, UINT32_MAX, 0));
    }
    if (auto uid = f.string("UID"); uid && uid->size() >= 64) {
        refuse(kInputFormat, f.name("UID") + " must be shorter than 64 bytes");
    }
    const auto* rectObject = f.object("RectInfo");
    if (rectObject == nullptr) {
        refuse(kInputFormat, f.name("RectInfo") + " is required");
    }
    Fields rect(*rectObject, where + "RectInfo.", kInputFormat);
    spec.layer = static_cast<int>(rect.integerIn("Layer", 0, INT32_MAX, 0));
    int radius = static_cast<int>(rect.integerIn("CornerRadius", 0, kMaxSize, 0));
    if (auto r = rectangle(rect, f.name("RectInfo"))) {
        spec.placement = av::Placement{*r, mode, radius};
    }  // else heard, not seen
    return spec;
}

void readOutputs(const json::array& outputs, const std::set<std::string>& inputSources,
                 int defaultChannels, const MixLimits& limits, MixRequest& request,
                 av::VideoCodec codecWithoutEncId) {
    if (outputs.empty()) {
        refuse(kParameterError, "MixOutput needs at least one output");
    }
    std::set<std::string> outputIds;
    std::vector<MixOutputSpec> parsed;
    for (std::size_t i = 0; i < outputs.size(); ++i) {
        auto spec = output(outputs[i], i, limits, codecWithoutEncId);
        if (!outputIds.insert(spec.sinkKey()).second) {
            refuse(kDuplicateOutput, "MixOutput[" + std::to_string(i) + "] repeats an output");
        }
        if (spec.streamUrl.empty() && inputSources.contains("id:" + spec.streamId)) {
            refuse(kSameInOut, "stream " + spec.streamId + " is both an input and an output");
        }
        parsed.push_back(std::move(spec));
    }
    const MixOutputSpec& first = parsed.front();
    for (std::size_t i = 1; i < parsed.size(); ++i) {
        if (first.audioOnly() && !parsed[i].audioOnly()) {
            refuse(kOutputFormat, "MixOutput[" + std::to_string(i) +
                                      "] has video, but the first output, whose picture the "
                                      "others are scaled from, is audio only");
        }
        parsed[i].fps = first.fps;  // mix.md: every output follows the first one's frame rate
    }
    std::set<av::VideoCodec> codecs;
    for (const auto& spec : parsed) {
        if (!spec.audioOnly()) {
            codecs.insert(spec.videoCodec);
        }
    }
    if (codecs.size() > 2) {
        refuse(kOutputFormat, "MixOutput uses more than two video codecs");
    }
    for (auto& spec : parsed) {
        if (spec.channels == 0) {
            spec.channels = defaultChannels;
        }
    }
    request.layout.output = std::move(parsed.front());
    request.layout.moreOutputs.assign(std::make_move_iterator(parsed.begin() + 1),
                                      std::make_move_iterator(parsed.end()));
}

}  // namespace mix_body

}  // namespace regie::api::zego
