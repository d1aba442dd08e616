#pragma once
// FLV container framing (Adobe FLV spec v10.1, annex E): file header, tag header and the
// PreviousTagSize trailer. Sans-I/O: callers own the buffers.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>

#include "core/result.h"
#include "media/codec/bit_reader.h"

namespace regie::flv {

using media::Bytes;
using media::ByteView;

enum class TagType : std::uint8_t { Audio = 8, Video = 9, Script = 18 };

inline constexpr std::size_t kFileHeaderSize = 9;
inline constexpr std::size_t kTagHeaderSize = 11;
inline constexpr std::size_t kPreviousTagSizeSize = 4;
inline constexpr std::uint32_t kMaxDataSize = 0xffffff;

struct FileHeader {
    int version = 1;
    bool hasAudio = false;
    bool hasVideo = false;
    std::uint32_t dataOffset = kFileHeaderSize;
};

// The 9-byte header followed by PreviousTagSize0 (always 0), what a player expects first.
std::array<std::uint8_t, kFileHeaderSize + kPreviousTagSizeSize> buildFileHeader(bool hasAudio,
                                                                                 bool hasVideo);
core::Result<FileHeader> parseFileHeader(ByteView data);

struct TagHeader {
    TagType type = TagType::Video;
    std::uint32_t dataSize = 0;
    std::uint32_t timestamp = 0;  // ms, 32 bits with the extension byte
    std::uint32_t streamId = 0;
    bool filtered = false;
};

// The timestamp is written modulo 2^32 (FLV's 24 bits plus the extension byte).
std::array<std::uint8_t, kTagHeaderSize> buildTagHeader(TagType type, std::uint32_t dataSize,
                                                        std::uint32_t timestampMs);
core::Result<TagHeader> parseTagHeader(ByteView data);
// tagSize is kTagHeaderSize + dataSize of the tag just written.
std::array<std::uint8_t, kPreviousTagSizeSize> buildPreviousTagSize(std::uint32_t tagSize);

struct Tag {
    TagHeader header;
    ByteView body;
    std::size_t size = 0;  // bytes consumed: header, body and the PreviousTagSize trailer
};

// Parses the tag at the start of data (after the file header and PreviousTagSize0).
// nullopt: more bytes are needed. The PreviousTagSize value is not checked: some writers get
// it wrong and players ignore it too.
core::Result<std::optional<Tag>> parseTag(ByteView data);

}  // namespace regie::flv
