#pragma once
// What a mix task produces, as StartMix describes it after validation: the inputs and where
// they go, the background, and the output stream's encoding.

#include <algorithm>
#include <boost/json/object.hpp>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <variant>
#include <vector>

#include "av/compositor.h"
#include "av/encoders.h"

namespace regie::service::mix {

enum class ContentControl { audioVideo = 0, audioOnly = 1, videoOnly = 2 };

// When an input's placeholder picture shows instead of its video (Image.DisplayMode).
enum class ImageDisplay { always = 0, whileNoVideo = 1, afterEmpty3s = 2 };

// mix.md: placeholder pictures are at most 1 MB, the background image and the watermark 5 MB;
// a download gets this long.
inline constexpr std::size_t kMaxImageBytes = std::size_t{1024} * 1024;
inline constexpr std::size_t kMaxCanvasImageBytes = 5 * kMaxImageBytes;
inline constexpr std::chrono::seconds kImageFetchTimeout{5};

// How StartMix checks its pictures before starting (CheckImageMode).
enum class ImageCheck { download = 0, syntax = 1, none = 2 };

// A picture a task downloads (http(s):// JPG or PNG) and the most bytes it may have.
struct PictureSource {
    std::string url;
    std::size_t maxBytes = kMaxImageBytes;
    bool operator==(const PictureSource&) const = default;
    bool operator<(const PictureSource& other) const {
        return std::tie(url, maxBytes) < std::tie(other.url, other.maxBytes);
    }
};

// WaterMark: a picture drawn above everything else, fitted into its rectangle.
struct WatermarkSpec {
    std::string url;
    av::Rect rect;
};

struct ImageSpec {
    std::string url;  // http(s):// JPG or PNG, at most kMaxImageBytes
    ImageDisplay display = ImageDisplay::always;
};

// The font of a text label (MixInput Label Font.FontType 0-3). The spec's faces are not in
// Debian; each is drawn with a Debian font of the same kind (docs/mix.md, local choice):
// 0 Source Han Sans Regular is Noto Sans CJK Regular (the same design), 1 Alibaba PuHuiTi (a
// plain sans) Noto Sans CJK Bold, 2 Pangmen Zhengdao (a heavy title face) Noto Serif CJK Bold,
// 3 ZCOOL KuaiLe (a playful hand-drawn face) AR PL UKai (fonts-arphic-ukai, a brush face).
inline constexpr int kLabelFontTypes = 4;
inline const char* labelFontFile(int fontType) {
    static constexpr const char* kFiles[kLabelFontTypes] = {
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
        "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc",
        "/usr/share/fonts/truetype/arphic/ukai.ttc"};
    return kFiles[std::clamp(fontType, 0, kLabelFontTypes - 1)];
}

struct LabelSpec {
    std::string text;
    int fontType = 0;  // labelFontFile
    int left = 0;      // from the input rectangle's top-left corner
    int top = 0;
    int fontSize = 24;
    std::uint32_t fontColor = 0xffffff;  // 0xRRGGBB
    int transparency = 0;                // percent
    std::optional<std::uint32_t> borderColor;
};

struct MixInputSpec {
    std::string streamId;                    // a live stream of the [zego] app, or
    std::string streamUrl;                   // a URL to pull (wins when both are set)
    std::optional<av::Placement> placement;  // none: the input is heard, not seen
    std::optional<ImageSpec> image;
    std::optional<LabelSpec> label;
    int layer = 0;
    int volume = 100;  // percent, 0-200
    ContentControl content = ContentControl::audioVideo;
    std::optional<std::uint32_t> soundLevelId;  // names the input in the sound-level SEI

    // Two specs with the same source are the same input, whatever their layout.
    std::string sourceKey() const {
        return streamUrl.empty() ? "id:" + streamId : "url:" + streamUrl;
    }
    bool heard() const { return content != ContentControl::videoOnly; }
    bool seen() const { return placement && content != ContentControl::audioOnly; }
};

// MixOutput TargetRoom: the output stream is listed in this room's streams under this user.
struct TargetRoom {
    std::string roomId;
    std::string userId;
};

struct MixOutputSpec {
    std::string streamId;   // published here as a live stream, or
    std::string streamUrl;  // pushed there (rtmp://; wins when both are set)
    int width = 0;
    int height = 0;
    int fps = 15;
    int gopSeconds = 2;
    std::int64_t videoBitrate = 0;
    av::VideoCodec videoCodec = av::VideoCodec::h264;
    bool lowBitrateHd = false;  // LowBitrateHD=1: tuned for low bitrates (H.265 only)
    av::AudioCodec audioCodec = av::AudioCodec::aacLc;
    std::int64_t audioBitrate = 48000;
    int channels = 1;
    std::optional<TargetRoom> targetRoom;  // published outputs only

    // No picture at all (Width and Height 0 or 1): fixed for the task's life.
    bool audioOnly() const { return width <= 1 && height <= 1; }
    // UserData and sound levels travel as H.264/H.265 SEI; VP8 has nowhere to put them.
    bool carriesSei() const { return !audioOnly() && videoCodec != av::VideoCodec::vp8; }
    // Two specs with the same destination are the same output, whatever their settings.
    std::string sinkKey() const {
        return streamUrl.empty() ? "id:" + streamId : "url:" + streamUrl;
    }
};

// AlignmentType: which inputs are played out by their own timestamps (mix.md): none, those
// whose publish URL says alignment=1, or all.
enum class Alignment { none = 0, flagged = 1, all = 2 };

// When the inputs' media is used (RecvBufferLevel, AlignmentType, WaitVideoInput); fixed for
// the task's life.
struct InputTiming {
    // Each input's frames wait this long after they arrive before they are used.
    std::chrono::milliseconds hold{0};
    Alignment alignment = Alignment::none;
    // The output starts (its stream appears) once an input's picture has arrived.
    bool waitForVideo = false;
};

struct MixLayout {
    std::vector<MixInputSpec> inputs;
    // The first MixOutput: the canvas is composed at its size, every output runs at its Fps.
    MixOutputSpec output;
    // The further MixOutput entries, each scaled and cropped from the canvas.
    std::vector<MixOutputSpec> moreOutputs;
    av::Yuv background = av::yuvFromRgb(0, 0, 0);
    std::string backgroundImage;  // over the whole canvas, under every input; empty: none
    std::optional<WatermarkSpec> watermark;
    std::vector<std::uint8_t> userData;  // sent as SEI (UserData, decoded); empty: none
    // ExPara sei_mode 1: UserData on every frame, not only on keyframes and after a change.
    bool userDataEveryFrame = false;
    bool soundLevels = false;  // the inputs' sound levels as SEI (SoundLevel=1)
    bool bypass = false;       // ByPass=1: the one input's frames are forwarded, not re-encoded
    // The FontType of every label; fixed for the task's life once it has had labels.
    std::optional<int> labelFont;
    InputTiming timing;

    // Every picture the layout shows, each once.
    std::vector<PictureSource> pictures() const {
        std::vector<PictureSource> all;
        auto add = [&](PictureSource p) {
            if (std::find(all.begin(), all.end(), p) == all.end()) {
                all.push_back(std::move(p));
            }
        };
        for (const auto& input : inputs) {
            if (input.image) {
                add({input.image->url, kMaxImageBytes});
            }
        }
        if (!backgroundImage.empty()) {
            add({backgroundImage, kMaxCanvasImageBytes});
        }
        if (watermark) {
            add({watermark->url, kMaxCanvasImageBytes});
        }
        return all;
    }

    std::vector<MixOutputSpec> outputs() const {
        std::vector<MixOutputSpec> all{output};
        all.insert(all.end(), moreOutputs.begin(), moreOutputs.end());
        return all;
    }
    // For a live update: the outputs become those of `running`, each with the dynamic settings
    // (size, video bitrate) this layout gives the same destination. Outputs this layout adds
    // are ignored; a size that would add or remove the video track is ignored.
    void keepOutputsOf(const MixLayout& running) {
        auto wanted = outputs();
        auto kept = running.outputs();
        for (auto& out : kept) {
            auto same = std::find_if(wanted.begin(), wanted.end(), [&](const MixOutputSpec& w) {
                return w.sinkKey() == out.sinkKey();
            });
            if (same == wanted.end() || same->audioOnly() != out.audioOnly()) {
                continue;
            }
            out.width = same->width;
            out.height = same->height;
            out.videoBitrate = same->videoBitrate;
        }
        output = kept.front();
        moreOutputs.assign(kept.begin() + 1, kept.end());
    }
};

struct MixRequest {
    // The accepted body as the client sent it, named by its Action: what the store keeps to
    // start the task again, and what the console opens in its designer.
    std::string action = "StartMix";
    boost::json::object body;
    std::string taskId;
    std::string userId;
    // ExPara mixowner_userid: users who own the task together with userId.
    std::vector<std::string> coOwners;
    std::string roomId;
    std::optional<std::int64_t> sequence;
    ImageCheck imageCheck = ImageCheck::download;
    MixLayout layout;
    // An auto mix (StartAutoMix): its inputs follow a room and need not be live yet.
    bool followsRoom = false;

    bool ownedBy(const std::string& user) const {
        return user == userId ||
               std::find(coOwners.begin(), coOwners.end(), user) != coOwners.end();
    }
};

// Where players find a mix output; empty for an output pushed elsewhere.
struct PlayUrls {
    std::string rtmp;
    std::string flv;
    std::string hls;  // empty: the engine serves no HLS yet
};

struct OutputView {
    std::string streamId;
    PlayUrls urls;
};

// What a running task answers with (StartMix Data, GetMixTaskInfo).
struct MixTaskView {
    std::string taskId;
    std::string userId;
    std::string roomId;
    std::int64_t sequence = 0;
    std::vector<OutputView> outputs;  // in MixOutput order
    std::chrono::seconds duration{0};
    std::string action;
    boost::json::object body;  // the latest accepted request body
};

enum class MixError {
    notOwner,
    labelFont,
    sequence,
    inputMissing,
    tooManyInputs,
    outputBusy,
    roomFailed,
    noSuchTask,
    failed
};

struct MixFailure {
    MixError error = MixError::failed;
    std::string message;
};

template <typename T>
using MixResult = std::variant<T, MixFailure>;
using MixStatus = std::optional<MixFailure>;

}  // namespace regie::service::mix
