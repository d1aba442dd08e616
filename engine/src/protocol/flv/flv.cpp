#include "protocol/flv/flv.h"

namespace regie::flv {

std::array<std::uint8_t, kFileHeaderSize + kPreviousTagSizeSize> buildFileHeader(bool hasAudio,
                                                                                 bool hasVideo) {
    return {'F',
            'L',
            'V',
            1,
            static_cast<std::uint8_t>((hasAudio ? 0x04 : 0) | (hasVideo ? 0x01 : 0)),
            0,
            0,
            0,
            kFileHeaderSize,
            0,
            0,
            0,
            0};
}

core::Result<FileHeader> parseFileHeader(ByteView data) {
    media::ByteReader r(data);
    ByteView signature = r.take(3);
    FileHeader header;
    header.version = r.u8();
    std::uint8_t flags = r.u8();
    header.dataOffset = r.u32();
    if (r.failed()) {
        return core::Error{"truncated FLV header"};
    }
    if (signature[0] != 'F' || signature[1] != 'L' || signature[2] != 'V' ||
        header.dataOffset < kFileHeaderSize) {
        return core::Error{"not an FLV header"};
    }
    header.hasAudio = (flags & 0x04) != 0;
    header.hasVideo = (flags & 0x01) != 0;
    return header;
}

std::array<std::uint8_t, kTagHeaderSize> buildTagHeader(TagType type, std::uint32_t dataSize,
                                                        std::uint32_t timestampMs) {
    return {static_cast<std::uint8_t>(type),
            static_cast<std::uint8_t>(dataSize >> 16),
            static_cast<std::uint8_t>(dataSize >> 8),
            static_cast<std::uint8_t>(dataSize),
            static_cast<std::uint8_t>(timestampMs >> 16),
            static_cast<std::uint8_t>(timestampMs >> 8),
            static_cast<std::uint8_t>(timestampMs),
            static_cast<std::uint8_t>(timestampMs >> 24),
            0,
            0,
            0};
}

core::Result<TagHeader> parseTagHeader(ByteView data) {
    media::ByteReader r(data);
    std::uint8_t first = r.u8();
    TagHeader header;
    header.dataSize = r.u24();
    std::uint32_t low = r.u24();
    header.timestamp = low | (static_cast<std::uint32_t>(r.u8()) << 24);
    header.streamId = r.u24();
    if (r.failed()) {
        return core::Error{"truncated FLV tag header"};
    }
    header.filtered = (first & 0x20) != 0;
    auto type = static_cast<TagType>(first & 0x1f);
    if (type != TagType::Audio && type != TagType::Video && type != TagType::Script) {
        return core::Error{"unknown FLV tag type"};
    }
    header.type = type;
    return header;
}

std::array<std::uint8_t, kPreviousTagSizeSize> buildPreviousTagSize(std::uint32_t tagSize) {
    return {static_cast<std::uint8_t>(tagSize >> 24), static_cast<std::uint8_t>(tagSize >> 16),
            static_cast<std::uint8_t>(tagSize >> 8), static_cast<std::uint8_t>(tagSize)};
}

core::Result<std::optional<Tag>> parseTag(ByteView data) {
    if (data.size() < kTagHeaderSize) {
        return std::optional<Tag>{};
    }
    auto header = parseTagHeader(data);
    if (!header) {
        return header.error();
    }
    std::size_t tagSize = kTagHeaderSize + header.value().dataSize;
    if (data.size() < tagSize + kPreviousTagSizeSize) {
        return std::optional<Tag>{};
    }
    return std::optional<Tag>{Tag{header.value(),
                                  data.subspan(kTagHeaderSize, header.value().dataSize),
                                  tagSize + kPreviousTagSizeSize}};
}

}  // namespace regie::flv
