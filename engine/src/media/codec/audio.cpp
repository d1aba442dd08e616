#include "media/codec/audio.h"

#include <algorithm>
#include <string_view>

namespace regie::media {

namespace opus {

core::Result<OpusHead> parseOpusHead(ByteView data) {
    constexpr std::string_view kMagic = "OpusHead";
    if (data.size() < 19 || !std::equal(kMagic.begin(), kMagic.end(), data.begin())) {
        return core::Error{"not an OpusHead"};
    }
    auto le16 = [&data](std::size_t at) { return data[at] | (data[at + 1] << 8); };
    OpusHead head;
    head.version = data[8];
    head.channels = data[9];
    head.preSkip = le16(10);
    head.inputSampleRate =
        static_cast<std::uint32_t>(le16(12)) | (static_cast<std::uint32_t>(le16(14)) << 16);
    head.outputGain = static_cast<std::int16_t>(le16(16));
    head.mappingFamily = data[18];
    if ((head.version >> 4) != 0 || head.channels == 0) {
        return core::Error{"unsupported OpusHead"};
    }
    if (head.mappingFamily != 0 && data.size() < 21 + static_cast<std::size_t>(head.channels)) {
        return core::Error{"truncated OpusHead channel mapping"};
    }
    return head;
}

TrackInfo trackInfo(const OpusHead& head) {
    TrackInfo info;
    info.codec = CodecId::Opus;
    info.sampleRate = 48000;
    info.channels = head.channels;
    info.sampleBit = 16;
    return info;
}

}  // namespace opus

namespace g711 {

TrackInfo trackInfo(CodecId codec, int channels) {
    TrackInfo info;
    info.codec = codec;
    info.sampleRate = 8000;
    info.channels = channels;
    info.sampleBit = 16;
    return info;
}

}  // namespace g711

namespace mp3 {

core::Result<FrameHeader> parseFrameHeader(ByteView data) {
    if (data.size() < 4) {
        return core::Error{"truncated MPEG audio header"};
    }
    BitReader r(data.first(4));
    if (r.bits(11) != 0x7ff) {
        return core::Error{"not an MPEG audio frame"};
    }
    static constexpr int kVersions[4] = {25, 0, 2, 1};
    static constexpr int kLayers[4] = {0, 3, 2, 1};
    static constexpr int kRates[3] = {44100, 48000, 32000};
    FrameHeader h;
    h.version = kVersions[r.bits(2)];
    h.layer = kLayers[r.bits(2)];
    r.skip(1 + 4);  // protection, bitrate index
    std::uint32_t rateIndex = r.bits(2);
    r.skip(2);  // padding, private
    h.channels = r.bits(2) == 3 ? 1 : 2;
    if (h.version == 0 || h.layer == 0 || rateIndex == 3) {
        return core::Error{"reserved MPEG audio header values"};
    }
    h.sampleRate = kRates[rateIndex] / (h.version == 1 ? 1 : h.version == 2 ? 2 : 4);
    return h;
}

TrackInfo trackInfo(const FrameHeader& header) {
    TrackInfo info;
    info.codec = CodecId::MP3;
    info.sampleRate = header.sampleRate;
    info.channels = header.channels;
    info.sampleBit = 16;
    return info;
}

}  // namespace mp3

}  // namespace regie::media
