#include "protocol/rtmpserver/rtmp_muxer.h"

#include "media/flv_muxer.h"
#include "protocol/rtmp/chunk_writer.h"
#include "protocol/rtmp/rtmp_message.h"

namespace regie::rtmpserver {

std::vector<media::Muxer::Output> RtmpMuxer::mux(const media::Frame& frame) {
    if (!frame.flvBody) {
        return {};
    }
    rtmp::MessageHeader header;
    header.streamId = kPlayStreamId;
    header.timestamp = frame.dts;
    switch (frame.kind) {
        case media::TrackKind::video:
            header.csid = rtmp::kVideoCsid;
            header.typeId = static_cast<std::uint8_t>(rtmp::MessageType::Video);
            break;
        case media::TrackKind::audio:
            header.csid = rtmp::kAudioCsid;
            header.typeId = static_cast<std::uint8_t>(rtmp::MessageType::Audio);
            break;
        case media::TrackKind::metadata:
            header.csid = rtmp::kStreamCommandCsid;
            header.typeId = static_cast<std::uint8_t>(rtmp::MessageType::DataAmf0);
            break;
    }
    auto packet = std::make_shared<media::OutPacket>();
    packet->pieces = {
        media::BufferRef::whole(rtmp::chunkShared(header, *frame.flvBody, kOutChunkSize))};
    packet->dts = frame.dts;
    packet->video = frame.kind == media::TrackKind::video;
    packet->keyframe = frame.kind == media::TrackKind::audio || frame.keyframe;
    Output out{std::move(packet), std::nullopt};
    if (frame.kind == media::TrackKind::metadata) {
        out.headerSlot = "metadata";
    } else if (frame.config) {
        out.headerSlot = frame.kind == media::TrackKind::video ? "video" : "audio";
    }
    return {std::move(out)};
}

void addLiveFormats(media::MediaSource& source) {
    source.addFormat(std::string(kRtmpFormat), std::make_unique<RtmpMuxer>());
    source.addFormat(std::string(media::kFlvFormat), std::make_unique<media::FlvMuxer>());
}

}  // namespace regie::rtmpserver
