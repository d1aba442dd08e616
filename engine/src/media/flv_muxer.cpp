#include "media/flv_muxer.h"

#include "protocol/flv/flv.h"

namespace regie::media {

std::vector<Muxer::Output> FlvMuxer::mux(const Frame& frame) {
    if (!frame.flvBody) {
        return {};
    }
    flv::TagType type = frame.kind == TrackKind::video   ? flv::TagType::Video
                        : frame.kind == TrackKind::audio ? flv::TagType::Audio
                                                         : flv::TagType::Script;
    auto size = static_cast<std::uint32_t>(frame.flvBody->size());
    auto head = flv::buildTagHeader(type, size, frame.dts);
    auto tail = flv::buildPreviousTagSize(size + static_cast<std::uint32_t>(flv::kTagHeaderSize));
    // Tag header and the trailing previous-tag-size share one small allocation.
    Bytes framing(head.begin(), head.end());
    framing.insert(framing.end(), tail.begin(), tail.end());
    auto frameBytes = shareBytes(std::move(framing));
    auto packet = std::make_shared<OutPacket>();
    packet->pieces = {BufferRef{frameBytes, 0, flv::kTagHeaderSize},
                      BufferRef::whole(frame.flvBody),
                      BufferRef{frameBytes, flv::kTagHeaderSize, flv::kPreviousTagSizeSize}};
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
    auto header = flv::buildFileHeader(hasAudio, hasVideo);
    return shareBytes(std::span<const std::uint8_t>(header));
}

}  // namespace regie::media
