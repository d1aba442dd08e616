#include "media/flv_muxer.h"

namespace regie::media {

namespace {
constexpr std::uint8_t kAudioTag = 8;
constexpr std::uint8_t kVideoTag = 9;
constexpr std::uint8_t kScriptTag = 18;
constexpr std::size_t kTagHeaderSize = 11;
}  // namespace

std::vector<Muxer::Output> FlvMuxer::mux(const Frame& frame) {
    if (!frame.flvBody) {
        return {};
    }
    std::uint8_t type = frame.kind == TrackKind::video   ? kVideoTag
                        : frame.kind == TrackKind::audio ? kAudioTag
                                                         : kScriptTag;
    auto size = static_cast<std::uint32_t>(frame.flvBody->size());
    std::uint32_t ts = frame.dts;
    std::uint32_t total = size + kTagHeaderSize;
    // Tag header and the trailing previous-tag-size share one small allocation.
    auto frameBytes = shareBytes(Bytes{
        type, static_cast<std::uint8_t>(size >> 16), static_cast<std::uint8_t>(size >> 8),
        static_cast<std::uint8_t>(size), static_cast<std::uint8_t>(ts >> 16),
        static_cast<std::uint8_t>(ts >> 8), static_cast<std::uint8_t>(ts),
        static_cast<std::uint8_t>(ts >> 24), 0, 0, 0,
        static_cast<std::uint8_t>(total >> 24), static_cast<std::uint8_t>(total >> 16),
        static_cast<std::uint8_t>(total >> 8), static_cast<std::uint8_t>(total)});
    auto packet = std::make_shared<OutPacket>();
    packet->pieces = {BufferRef{frameBytes, 0, kTagHeaderSize}, BufferRef::whole(frame.flvBody),
                      BufferRef{frameBytes, kTagHeaderSize, 4}};
    packet->dts = frame.dts;
    packet->video = frame.kind == TrackKind::video;
    packet->keyframe = frame.kind == TrackKind::audio || frame.keyframe;

    Output out{std::move(packet), std::nullopt};
    if (frame.kind == TrackKind::metadata) {
        out.headerSlot = "metadata";
    } else if (frame.config) {
        out.headerSlot = frame.kind == TrackKind::video ? "video" : "audio";
    }
    return {std::move(out)};
}

SharedBytes flvFileHeader(bool hasAudio, bool hasVideo) {
    std::uint8_t flags = (hasAudio ? 0x04 : 0) | (hasVideo ? 0x01 : 0);
    return shareBytes(Bytes{'F', 'L', 'V', 1, flags, 0, 0, 0, 9, 0, 0, 0, 0});
}

}  // namespace regie::media
